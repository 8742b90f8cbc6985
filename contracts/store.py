"""The mocks' embedded store: one SQLite file shared by every worker process of a mock server.

It holds the journal (every request a mock received and what it answered) and the mocks' state
(records keyed per API and kind: events by nonce, segments by project/environment/key, ...).
WAL mode and a busy timeout let several uvicorn workers write to the same file at once.

Durability: what a mock accepted is stored before it answers. Every write is a transaction of
its own, committed before the call returns, and the mocks write (events, segments, the journal
entry) before the response leaves: an event whose 202 a client got is in the file, and survives
the mock process being killed (kill -9) at any moment after. `synchronous=OFF`: the file does
not survive the machine losing power (the OS has the pages, not yet the disk), which a mock does
not need. (Not grouped into one commit per turn of the event loop: a transaction held across
a turn blocks every other handle on the file in the same thread, as two apps in one test do.)
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .journal import JournalEntry

# Compact JSON from the C encoder, built once: values and headers are written far more often than
# read. ASCII only (the default): a lone surrogate (JSON allows "\ud800") has no UTF-8 form.
_encode = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode

SCHEMA = """
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


class Store:
    """A handle on the store file; cheap to create, safe to share between threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(
            self.path, timeout=30, check_same_thread=False, isolation_level=None
        )
        self._db.execute("PRAGMA journal_mode=WAL")
        # A mock's store needs no durability against power loss: never wait for the disk.
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- journal --------------------------------------------------------------------------------

    def record_exchange(self, entry: JournalEntry) -> int:
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO journal (at, api, method, path, query, request_headers, request_body,"
                " request_size, status, response_headers, response_body, violations)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
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
                ),
            )
            return int(cursor.lastrowid or 0)

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
        """Like insert_new, in one statement: how many were new (not which; faster in bulk)."""
        now = time.time()
        rows = [(api, kind, key, _encode(value), now) for key, value in items]
        with self._transaction() as db:
            before = db.total_changes
            db.executemany(
                "INSERT OR IGNORE INTO records (api, kind, key, value, at) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
            return db.total_changes - before

    def put(self, api: str, kind: str, key: str, value: Any) -> None:
        with self._transaction() as db:
            db.execute(
                "INSERT OR REPLACE INTO records (api, kind, key, value, at) VALUES (?, ?, ?, ?, ?)",
                (api, kind, key, _encode(value), time.time()),
            )

    def get(self, api: str, kind: str, key: str) -> Any | None:
        with self._lock:
            row = self._db.execute(
                "SELECT value FROM records WHERE api = ? AND kind = ? AND key = ?", (api, kind, key)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def records(self, api: str, kind: str) -> list[tuple[str, Any]]:
        """(key, value) of every record of a kind, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT key, value FROM records WHERE api = ? AND kind = ? ORDER BY at, rowid",
                (api, kind),
            ).fetchall()
        return [(key, json.loads(value)) for key, value in rows]

    def count(self, api: str, kind: str) -> int:
        with self._lock:
            row = self._db.execute(
                "SELECT COUNT(*) FROM records WHERE api = ? AND kind = ?", (api, kind)
            ).fetchone()
        return int(row[0])

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
                db.execute("DELETE FROM counters WHERE name LIKE ?", (f"{api}:%",))
            else:
                db.execute("DELETE FROM journal")
                db.execute("DELETE FROM records")
                db.execute("DELETE FROM counters")
