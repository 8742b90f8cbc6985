"""How much journal a long-running mock or proxy keeps: the newest `JOURNAL_ENTRIES` exchanges,
and no more than `JOURNAL_BYTES` of bodies; older exchanges are deleted (SQLite reuses their pages,
so the store file stops growing). The mocks' state (stored events, segments, ...) is never trimmed:
it is what the mock answers from; `POST /_contracts/reset` forgets it.

A server trims every `TRIM_EVERY` requests, through its own connection to the store file (so the
write path of the journal stays as it is), whatever worker process it runs in.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

JOURNAL_ENTRIES = 10_000
JOURNAL_BYTES = 256 * 1024 * 1024
TRIM_EVERY = 200  # requests


def trim_journal(
    path: str | Path, max_entries: int = JOURNAL_ENTRIES, max_bytes: int = JOURNAL_BYTES
) -> int:
    """Delete the oldest journal entries beyond the caps; how many were deleted."""
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        row = db.execute(
            "SELECT id FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id DESC) AS n,"
            " SUM(COALESCE(LENGTH(request_body), 0) + COALESCE(LENGTH(response_body), 0))"
            " OVER (ORDER BY id DESC) AS total FROM journal)"
            " WHERE n > ? OR total > ? ORDER BY id DESC LIMIT 1",
            (max_entries, max_bytes),
        ).fetchone()
        if row is None:
            return 0
        return db.execute("DELETE FROM journal WHERE id <= ?", (row[0],)).rowcount
    finally:
        db.close()


class JournalRetention:
    """ASGI middleware: after every TRIM_EVERY requests, trim the journal to its caps."""

    def __init__(self, app: ASGIApp, path: str) -> None:
        self.app = app
        self.path = path
        self.requests = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
        if scope["type"] != "http":
            return
        self.requests += 1
        if self.requests % TRIM_EVERY == 0:
            await run_in_threadpool(trim_journal, self.path, JOURNAL_ENTRIES, JOURNAL_BYTES)
