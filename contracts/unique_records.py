"""Records stored once per key, for batches with random keys (the data API's events by nonce).

Why not the `records` table: its key is a unique index, and an SDK's nonces are random. Each
new key then lands on some leaf page of that index, and a commit writes every page it touched
to the WAL: about one page (4 KiB) per key once the index outgrows a commit's keys, a cost that
grows with the records stored (measured: 20 random keys a request took 130 us at the start of a
run and 280 us at 160,000 records, where keys counting up took 56 us throughout).

Here a batch's new records are one row, appended: their keys and their values as two JSON
arrays, numbered in the order written (the table grows at its end, and so does its index on
(api, kind): a commit writes the few pages there, whatever the keys). Which keys exist is known
in memory, per process. Every write runs inside the store's write transaction, which SQLite
gives one handle at a time, and first reads the keys of the batches other handles (the other
workers of a mock) appended since this one last looked: so two workers storing one key at once
store it once, as a unique index would. A reset writes a new token; a handle that sees another
token (or rolled back a write) reads the keys afresh.

Memory: a key costs about 100 bytes in each process that writes the kind; a million events,
100 MB (the file holds them too, at about twice that). A store file written before this table
existed keeps its events in `records`, where reads still find them; new ones are not checked
against those.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from collections.abc import Iterator
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS unique_records (
    id INTEGER PRIMARY KEY,
    api TEXT NOT NULL,
    kind TEXT NOT NULL,
    size INTEGER NOT NULL,
    record_keys TEXT NOT NULL,
    record_values TEXT NOT NULL,
    at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS unique_records_kind ON unique_records (api, kind);
"""

# The token a reset changes, in the store's `counters` table (no API's counter starts with ':').
TOKEN = ":unique_records"


class UniqueKeys:
    """The keys in `unique_records` as one handle knows them. Every method but `forget` runs
    inside the handle's write transaction (BEGIN IMMEDIATE), under its lock."""

    def __init__(self) -> None:
        self._keys: dict[tuple[str, str], set[str]] = {}
        self._last = 0  # the highest batch id read or written
        self._token: int | None = None

    def forget(self) -> None:
        """Read every key afresh next time (after a rollback: some keys here were not stored)."""
        self._keys, self._last = {}, 0

    def _caught_up(self, db: sqlite3.Connection) -> dict[tuple[str, str], set[str]]:
        row = db.execute("SELECT value FROM counters WHERE name = ?", (TOKEN,)).fetchone()
        token = row[0] if row else None
        if token != self._token:  # a reset since this handle last looked
            self.forget()
            self._token = token
        rows = db.execute(
            "SELECT id, api, kind, record_keys FROM unique_records WHERE id > ? ORDER BY id",
            (self._last,),
        ).fetchall()
        for _, api, kind, keys in rows:
            self._keys.setdefault((api, kind), set()).update(json.loads(keys))
        if rows:
            self._last = rows[-1][0]
        return self._keys

    def insert(
        self, db: sqlite3.Connection, api: str, kind: str, at: float, records: list[tuple[str, str]]
    ) -> int:
        """Append the (key, encoded value) records whose key is not there yet, in order (a key
        repeated among them is appended once, the first time); how many were new."""
        known = self._caught_up(db).setdefault((api, kind), set())
        given = [key for key, _ in records]
        fresh = set(given)
        if len(fresh) == len(given) and known.isdisjoint(fresh):  # the usual batch: all new
            new = records
            known |= fresh
        else:
            new = []
            for key, value in records:
                if key not in known:
                    known.add(key)
                    new.append((key, value))
        if new:
            keys = json.dumps([key for key, _ in new], separators=(",", ":"))
            values = "[" + ",".join([value for _, value in new]) + "]"
            cursor = db.execute(
                "INSERT INTO unique_records (api, kind, size, record_keys, record_values, at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (api, kind, len(new), keys, values, at),
            )
            # The write lock is held since the catch-up: no one else appended meanwhile.
            self._last = int(cursor.lastrowid or 0)
        return len(new)


def new_token(db: sqlite3.Connection) -> None:
    """Tell every handle that records were removed (a reset): they read their keys afresh."""
    db.execute(
        "INSERT INTO counters (name, value) VALUES (?, ?)"
        " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        (TOKEN, secrets.randbits(62)),
    )


def records(db: sqlite3.Connection, api: str, kind: str) -> Iterator[tuple[float, int, str, Any]]:
    """(time, batch id, key, value) of a kind's records, in the order written."""
    rows = db.execute(
        "SELECT at, id, record_keys, record_values FROM unique_records"
        " WHERE api = ? AND kind = ? ORDER BY id",
        (api, kind),
    )
    for at, batch, keys, values in rows:
        for key, value in zip(json.loads(keys), json.loads(values), strict=True):
            yield at, batch, key, value


def count(db: sqlite3.Connection, api: str, kind: str) -> int:
    row = db.execute(
        "SELECT COALESCE(SUM(size), 0) FROM unique_records WHERE api = ? AND kind = ?",
        (api, kind),
    ).fetchone()
    return int(row[0])
