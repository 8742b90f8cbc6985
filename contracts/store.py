"""The mocks' embedded store: one SQLite file shared by every worker process of a mock server.

It holds the journal (every request a mock received and what it answered) and the mocks' state
(records keyed per API and kind: segments by project/environment/key, ...; the data API's events
by nonce, in batches with random keys, go through `contracts.unique_records`, which says why).
WAL mode and a busy timeout let several uvicorn workers write to the same file at once.

Durability: what a mock accepted is stored before it answers. Every write is committed before
the call returns (or, for the grouped writes, before the awaiting request goes on), and the mocks
write (events, segments, the journal entry) before the response leaves: an event whose 202 a
client got is in the file, and survives the mock process being killed (kill -9) at any moment
after. `synchronous=OFF`: the file does not survive the machine losing power (the OS has the
pages, not yet the disk), which a mock does not need.

Group commit (`write_grouped`, used on the hot paths: the journal entry of every exchange, the
events of `/visit/events`): the writes that requests ask for during one turn of the event loop
are committed together in one transaction, at the start of the next turn, before any of those
requests goes on; each gets its own result. One commit per turn instead of one or two per request
(fewer WAL frames: the requests of a turn mostly touch the same pages). The transaction opens and
commits within one callback: it is never held across a turn, which would block every other handle
on the file in the same thread (as two apps in one test have).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from json.encoder import c_make_encoder, encode_basestring_ascii  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any, TypeVar

import orjson

from . import unique_records
from .journal import JournalEntry

T = TypeVar("T")

# Compact JSON, written far more often than read (events, headers, violations). ASCII only (the
# default): a lone surrogate (JSON allows "\ud800") has no UTF-8 form.
_ENCODER = json.JSONEncoder(separators=(",", ":"), check_circular=False)
_json_encode = _ENCODER.encode
# The C encoder json.dumps builds on every call, built once (half the cost of a small object,
# ~1.5 us an event); the same text. None where the C accelerator is missing.
_c_encode = (
    c_make_encoder(None, _ENCODER.default, encode_basestring_ascii, None, ":", ",",
                   False, False, True)
    if c_make_encoder is not None
    else None
)  # fmt: skip


def _encode(value: Any) -> str:
    if _c_encode is None or not isinstance(value, (dict, list)):
        return _json_encode(value)
    return "".join(_c_encode(value, 0))


def encode_json(value: Any) -> str:
    """Compact JSON as the store writes it (for rows built before a grouped write)."""
    return _encode(value)


def encode_text_records(values: list[dict[str, str]]) -> list[str]:
    """`encode_json` of each flat dict of text (a line-form event's fields), at orjson's speed.
    orjson writes the same text as json.dumps wherever its text is ASCII without DEL (json.dumps
    escapes DEL and everything past ASCII; orjson writes them as they are): any other value is
    encoded by encode_json. For dicts of text only: orjson writes some numbers differently.

    A batch is one orjson call, as in encode_json_each: the dicts as one list with a string of
    one control character between them, which orjson writes escaped; the text is split there.
    In a flat dict that string can only be a whole name (before a colon) or value (after one),
    never between two commas; the count check guards a value that is not flat."""
    if len(values) > 1:
        items: list[Any] = [_TEXT_SEPARATOR] * (2 * len(values) - 1)
        items[::2] = values
        try:
            data = orjson.dumps(items)
        except orjson.JSONEncodeError:  # a lone surrogate, which json.dumps escapes
            data = b""
        if data.isascii() and b"\x7f" not in data:
            parts = data.decode()[1:-1].split(_TEXT_SEPARATOR_TEXT)
            if len(parts) == len(values):
                return parts
    return [_encode_text_record(value) for value in values]


# Between the dicts `encode_text_records` encodes as one list: a control character, which orjson
# writes as the six characters \u001f inside quotes.
_TEXT_SEPARATOR = "\x1f"
_TEXT_SEPARATOR_TEXT = ',"\\u001f",'


def _encode_text_record(value: dict[str, str]) -> str:
    try:
        data = orjson.dumps(value)
    except orjson.JSONEncodeError:  # a lone surrogate, which json.dumps escapes
        return _encode(value)
    return data.decode() if data.isascii() and b"\x7f" not in data else _encode(value)


# Between the values `encode_json_each` encodes as one list: a noncharacter, which the ASCII-only
# encoder writes as the six characters \ufdd0 inside quotes.
_SEPARATOR = "\ufdd0"
_SEPARATOR_TEXT = ',"\\ufdd0",'


def encode_json_each(values: list[Any]) -> list[str]:
    """`encode_json` of each value, in one call of the C encoder (a batch of events costs half):
    the values are encoded as one list with a separator string between them, then the text is
    split at the separators. A value holding the separator string itself is told apart by the
    count (its own occurrences add to the expected ones): then each is encoded alone."""
    if len(values) < 2:
        return [_encode(value) for value in values]
    items: list[Any] = [_SEPARATOR] * (2 * len(values) - 1)
    items[::2] = values
    text = _encode(items)
    if text.count(_SEPARATOR_TEXT) != len(values) - 1:
        return [_encode(value) for value in values]
    return text[1:-1].split(_SEPARATOR_TEXT)


def _insert_exchange(db: sqlite3.Connection, row: tuple[Any, ...]) -> int:
    cursor = db.execute(
        "INSERT INTO journal (at, api, method, path, query, request_headers, request_body,"
        " request_size, status, response_headers, response_body, violations)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        row,
    )
    return int(cursor.lastrowid or 0)


def _exchange_row(entry: JournalEntry) -> tuple[Any, ...]:
    return (
        entry.at,
        entry.api,
        entry.method,
        entry.path,
        entry.query,
        _encode(entry.request_headers),
        entry.request_body,
        entry.request_size,
        entry.status,
        _encode(entry.response_headers),
        entry.response_body,
        _encode(entry.violations),
    )


SCHEMA = (
    """
CREATE TABLE IF NOT EXISTS journal (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at REAL NOT NULL,
    api TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    query TEXT NOT NULL,
    request_headers TEXT NOT NULL,
    request_body BLOB,
    request_size INTEGER NOT NULL,
    status INTEGER NOT NULL,
    response_headers TEXT NOT NULL,
    response_body BLOB,
    violations TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS journal_api ON journal (api, id);
CREATE TABLE IF NOT EXISTS records (
    api TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (api, kind, key)
);
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
"""
    + unique_records.SCHEMA
)


class Store:
    """A handle on the store file; cheap to create, safe to share between threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        # Grouped writes waiting for the next turn of their event loop (one list per loop; weak:
        # a loop closed with writes pending, their requests cancelled, is not kept alive).
        self._pending: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, list[_Write]] = (
            weakref.WeakKeyDictionary()
        )
        self._pending_lock = threading.Lock()
        self._db = sqlite3.connect(
            self.path, timeout=30, check_same_thread=False, isolation_level=None
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        # A mock's store needs no durability against power loss: never wait for the disk.
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.executescript(SCHEMA)
        self._unique = unique_records.UniqueKeys()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                self._unique.forget()  # it may know keys this transaction does not keep
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    # -- journal --------------------------------------------------------------------------------

    def record_exchange(self, entry: JournalEntry) -> int:
        row = _exchange_row(entry)
        with self._transaction() as db:
            return _insert_exchange(db, row)

    async def record_exchange_grouped(self, entry: JournalEntry) -> int:
        """`record_exchange`, committed with the other writes of this turn of the loop."""
        row = _exchange_row(entry)
        return await self.write_grouped(lambda db: _insert_exchange(db, row))

    def journal(self, api: str | None = None, after: int = 0) -> list[JournalEntry]:
        """Exchanges in arrival order, for one API or all, after a journal id."""
        query = "SELECT * FROM journal WHERE id > ?"
        params: list[Any] = [after]
        if api:
            query += " AND api = ?"
            params.append(api)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY id", params).fetchall()
        return [
            JournalEntry(
                id=row[0],
                at=row[1],
                api=row[2],
                method=row[3],
                path=row[4],
                query=row[5],
                request_headers=json.loads(row[6]),
                request_body=row[7],
                request_size=row[8],
                status=row[9],
                response_headers=json.loads(row[10]),
                response_body=row[11],
                violations=json.loads(row[12]),
            )
            for row in rows
        ]

    # -- state ----------------------------------------------------------------------------------

    def insert_new(self, api: str, kind: str, items: Iterable[tuple[str, Any]]) -> list[bool]:
        """Insert records whose key is not there yet; per item, whether it was new.

        One transaction, so two workers storing the same key at once store it once.
        """
        now = time.time()
        inserted = []
        with self._transaction() as db:
            for key, value in items:
                cursor = db.execute(
                    "INSERT OR IGNORE INTO records (api, kind, key, value, at)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (api, kind, key, _encode(value), now),
                )
                inserted.append(cursor.rowcount == 1)
        return inserted

    def insert_unique(self, api: str, kind: str, items: Iterable[tuple[str, Any]]) -> int:
        """Like insert_new for many records with random keys: how many were new (not which).
        They are kept apart (`contracts.unique_records` says why): a kind is written either
        this way or by insert_new and put, which do not see these records' keys; records,
        count and get read both."""
        records = [(key, _encode(value)) for key, value in items]
        now = time.time()
        with self._transaction() as db:
            return self._unique.insert(db, api, kind, now, records)

    async def insert_unique_grouped(
        self, api: str, kind: str, items: Iterable[tuple[str, str]]
    ) -> int:
        """`insert_unique` of values already encoded (`encode_json`), committed with the other
        writes of this turn of the loop: how many were new. Two requests of one turn holding
        the same key store it once, the first one asking counting it."""
        records = list(items)
        now = time.time()
        return await self.write_grouped(lambda db: self._unique.insert(db, api, kind, now, records))

    # -- group commit -----------------------------------------------------------------------------

    async def write_grouped(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` (SQL only, no await) in the transaction of this turn of the event loop;
        its result once that transaction is committed. A `work` that raises is rolled back
        alone: the others of its turn are run again, each in a transaction of its own."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        with self._pending_lock:
            pending = self._pending.get(loop)
            if pending is None:
                pending = self._pending[loop] = []
                loop.call_soon(self._commit_pending, loop)
            pending.append(_Write(work, future))
        return await future

    def _commit_pending(self, loop: asyncio.AbstractEventLoop) -> None:
        with self._pending_lock:
            pending = self._pending.pop(loop, [])
        try:
            with self._transaction() as db:
                results = [write.work(db) for write in pending]
        except Exception:
            for write in pending:  # one by one: only the failing writes fail
                try:
                    with self._transaction() as db:
                        result = write.work(db)
                except Exception as error:
                    write.set_exception(error)
                else:
                    write.set_result(result)
            return
        for write, result in zip(pending, results, strict=True):
            write.set_result(result)

    def put(self, api: str, kind: str, key: str, value: Any) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO records (api, kind, key, value, at) VALUES (?, ?, ?, ?, ?)",
                (api, kind, key, _encode(value), time.time()),
            )

    def get(self, api: str, kind: str, key: str) -> Any | None:
        """A record's value, or None. (A record of insert_unique is found by reading its kind's
        records in order: nothing on the hot path asks for one.)"""
        with self._lock:
            row = self._db.execute(
                "SELECT value FROM records WHERE api = ? AND kind = ? AND key = ?", (api, kind, key)
            ).fetchone()
            if row:
                return json.loads(row[0])
            found = unique_records.records(self._db, api, kind)
            return next((value for _, _, each, value in found if each == key), None)

    def records(self, api: str, kind: str) -> list[tuple[str, Any]]:
        """(key, value) of every record of a kind, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT at, rowid, key, value FROM records WHERE api = ? AND kind = ?",
                (api, kind),
            ).fetchall()
            kept = [(at, 0, n, key, json.loads(value)) for at, n, key, value in rows]
            found = unique_records.records(self._db, api, kind)
            kept += [(at, 1, n, key, value) for at, n, key, value in found]
        kept.sort(key=lambda record: record[:3])  # stable: a batch keeps its order
        return [(key, value) for _, _, _, key, value in kept]

    def count(self, api: str, kind: str) -> int:
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*) FROM records WHERE api = ? AND kind = ?", (api, kind)
            ).fetchone()
            return int(row[0]) + unique_records.count(self._db, api, kind)

    def next_id(self, api: str, name: str, start: int = 1) -> int:
        """A counter shared by all workers: start, start + 1, ..."""
        with self._transaction() as db:
            row = db.execute(
                "INSERT INTO counters (name, value) VALUES (?, ?)"
                " ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value",
                (f"{api}:{name}", start),
            ).fetchone()
        return int(row[0])

    def reset(self, api: str | None = None) -> None:
        """Forget the journal and the state, of one API or of all."""
        with self._transaction() as db:
            if api:
                db.execute("DELETE FROM journal WHERE api = ?", (api,))
                db.execute("DELETE FROM records WHERE api = ?", (api,))
                db.execute("DELETE FROM unique_records WHERE api = ?", (api,))
                db.execute("DELETE FROM counters WHERE name LIKE ?", (f"{api}:%",))
            else:
                db.execute("DELETE FROM journal")
                db.execute("DELETE FROM records")
                db.execute("DELETE FROM unique_records")
                db.execute("DELETE FROM counters")
            unique_records.new_token(db)  # every handle reads the keys left afresh


@dataclass(slots=True)
class _Write:
    """A grouped write: the work, and the future its request awaits."""

    work: Callable[[sqlite3.Connection], Any]
    future: asyncio.Future[Any]

    def set_result(self, result: Any) -> None:
        if not self.future.done():  # a request cancelled meanwhile (its client went away)
            self.future.set_result(result)

    def set_exception(self, error: BaseException) -> None:
        if not self.future.done():
            self.future.set_exception(error)
