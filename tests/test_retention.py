"""The journal's caps (contracts.retention): the newest entries are kept, by count and by bytes."""

from __future__ import annotations

import time
from pathlib import Path

from contracts.journal import JournalEntry
from contracts.retention import trim_journal
from contracts.store import Store


def entry(index: int, body: bytes) -> JournalEntry:
    return JournalEntry("kameleoon-data", "POST", f"/visit/events/{index}", "", {}, body,
                        len(body), 202, {}, None, [], time.time())  # fmt: skip


def test_trim_keeps_the_newest_entries_by_count_and_by_bytes(tmp_path: Path) -> None:
    store = Store(tmp_path / "store.sqlite3")
    for index in range(50):
        store.record_exchange(entry(index, b"x" * 100))
    assert trim_journal(store.path, max_entries=30, max_bytes=10**9) == 20
    assert [e.path for e in store.journal()] == [f"/visit/events/{i}" for i in range(20, 50)]
    assert trim_journal(store.path, max_entries=30, max_bytes=1000) == 20  # 10 x 100 bytes
    assert [e.path for e in store.journal()] == [f"/visit/events/{i}" for i in range(40, 50)]
    assert trim_journal(store.path, max_entries=30, max_bytes=1000) == 0
    store.close()
