"""Records stored once per key, for batches with random keys (the data API's events by nonce).

Why not the `records` table: its key is a unique index, and an SDK's nonces are random. Each
new key then lands on some leaf page of that index, and a commit writes every page it touched
to the WAL: about one page (4 KiB) per key once the index outgrows a commit's keys, a cost that
grows with the records stored (measured: 20 random keys a request took 130 us at the start of a
run and 280 us at 160,000 records, where keys counting up took 56 us throughout).

Here each kind's records are appended in the order of an id of their own, numbered 1, 2, ...
within the kind (the table is kept in (api, kind, id) order, with no other index: a commit
writes the few pages at the kind's end), and which keys exist is known in memory, per process.
Every write runs inside the store's write transaction, which SQLite gives one handle at a time,
and first reads what other handles (the other workers of a mock) appended to the kind since
this one last looked: the rows after the highest id it has seen. So two workers storing one
key at once store it once, as a unique index would. A reset writes a new token; a handle that
sees another token (or rolled back a write) reads the keys afresh.

Memory: a key costs about 100 bytes in each process that writes the kind; a million events,
100 MB (the file holds them too, at about twice that). A store file written before this table
existed keeps its events in `records`, where reads still find them; new ones are not checked
against those.
"""

from __future__ import annotations

import functools
import itertools
import secrets
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

SCHEMA = """
CREATE TABLE IF NOT EXISTS unique_records (
    api TEXT NOT NULL,
    kind TEXT NOT NULL,
    id INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (api, kind, id)
) WITHOUT ROWID;
"""

# The token a reset changes, in the store's `counters` table (no API's counter starts with ':').
TOKEN = ":unique_records"

# Records inserted per statement: a few hundred rows of one statement cost a third less than as
# many executions of a one-row statement (no bind-step-reset round trip from Python per row). A
# request's records (up to 64) go in one statement of their number; more go in chunks of these
# sizes, so that few statement texts reach the connection's statement cache.
EXACT_ROWS = 64
ROWS_PER_STATEMENT = (256, 128, 64)


def statement_sizes(count: int) -> Iterator[int]:
    """How many records each statement inserts, for `count` records."""
    while count > EXACT_ROWS:
        size = next(size for size in ROWS_PER_STATEMENT if size <= count)
        yield size
        count -= size
    if count:
        yield count


@functools.cache
def _insert_sql(rows: int) -> str:
    """One INSERT of `rows` (id, key, value) records sharing api (?1), kind (?2), time (?3)."""
    values = ", ".join(["(?, ?, ?)"] * rows)
    return (
        "INSERT INTO unique_records (api, kind, id, key, value, at)"
        f" SELECT ?1, ?2, column1, column2, column3, ?3 FROM (VALUES {values})"
    )


@dataclass
class _Kind:
    """One kind's keys as a handle knows them, up to the highest id it has read or written."""

    keys: set[str] = field(default_factory=set)
    last: int = 0


class UniqueKeys:
    """The keys in `unique_records` as one handle knows them. Every method but `forget` runs
    inside the handle's write transaction (BEGIN IMMEDIATE), under its lock."""

    def __init__(self) -> None:
        self._kinds: dict[tuple[str, str], _Kind] = {}
        self._token: int | None = None

    def forget(self) -> None:
        """Read every key afresh next time (after a rollback: some keys here were not stored)."""
        self._kinds = {}

    def _caught_up(self, db: sqlite3.Connection, api: str, kind: str) -> _Kind:
        row = db.execute("SELECT value FROM counters WHERE name = ?", (TOKEN,)).fetchone()
        token = row[0] if row else None
        if token != self._token:  # a reset since this handle last looked
            self._kinds, self._token = {}, token
        known = self._kinds.get((api, kind))
        if known is None:
            known = self._kinds[(api, kind)] = _Kind()
        rows = db.execute(
            "SELECT id, key FROM unique_records WHERE api = ? AND kind = ? AND id > ? ORDER BY id",
            (api, kind, known.last),
        ).fetchall()
        if rows:
            known.keys.update(key for _, key in rows)
            known.last = rows[-1][0]
        return known

    def insert(
        self, db: sqlite3.Connection, api: str, kind: str, at: float, records: list[tuple[str, str]]
    ) -> int:
        """Append the (key, encoded value) records whose key is not there yet, in order (a key
        repeated among them is appended once, the first time); how many were new."""
        known = self._caught_up(db, api, kind)
        keys = known.keys
        given = [key for key, _ in records]
        fresh = set(given)
        if len(fresh) == len(given) and keys.isdisjoint(fresh):  # the usual batch: all new
            new = records
            keys |= fresh
        else:
            new = []
            for key, value in records:
                if key not in keys:
                    keys.add(key)
                    new.append((key, value))
        ids = range(known.last + 1, known.last + 1 + len(new))
        start = 0
        for size in statement_sizes(len(new)):
            chunk = zip(ids[start : start + size], new[start : start + size], strict=True)
            rows = ((row_id, key, value) for row_id, (key, value) in chunk)
            db.execute(_insert_sql(size), [api, kind, at, *itertools.chain.from_iterable(rows)])
            start += size
        known.last += len(new)  # the write lock is held since the catch-up: no one else wrote
        return len(new)


def new_token(db: sqlite3.Connection) -> None:
    """Tell every handle that records were removed (a reset): they read their keys afresh."""
    db.execute(
        "INSERT INTO counters (name, value) VALUES (?, ?)"
        " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (TOKEN, secrets.randbits(62)),
    )
