"""What a mock accepted is stored before it answers (contracts/store.py, "Durability"): an
event whose 202 a client got is in the store file, whatever happens to the mock process after.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
from hypothesis import given
from hypothesis import strategies as st

from contracts.apis.kameleoon_data.codec import write_lines
from contracts.mock import MockConfig, build_app
from contracts.secrecy import maybe_secret
from contracts.store import Store
from tests.served import free_port, post_in_process, wait_until_serving

API = "kameleoon-data"
QUERY = "siteCode=site&visitorCode=visitor"  # kameleoon-data-visit-events-openapi.txt: the query


def _events(request: int, count: int) -> list[dict[str, Any]]:
    return [
        {"nonce": f"{request:08x}{i:08x}", "eventType": "PAGE", "href": "https://a.example/",
         "title": "A page"}
        for i in range(count)
    ]  # fmt: skip


def _stored_nonces(path: Path) -> set[str]:
    """The events' nonces in the store file, read by a connection of its own (as another process
    would: it sees committed transactions only)."""
    with sqlite3.connect(path) as db:
        rows = db.execute(
            "SELECT record_keys FROM unique_records WHERE api = ? AND kind = 'event'", (API,)
        ).fetchall()
    return {key.split(":", 1)[1] for (keys,) in rows for key in json.loads(keys)}


def _journaled(path: Path, nonce: str | None = None) -> int:
    """How many journal entries (whose request body holds `nonce`, when given), committed."""
    query, params = "SELECT COUNT(*) FROM journal", ()
    if nonce is not None:
        query, params = query + " WHERE instr(request_body, ?) > 0", (nonce.encode(),)
    with sqlite3.connect(path) as db:
        return int(db.execute(query, params).fetchone()[0])


def test_events_are_committed_before_the_202_is_sent(tmp_path: Path) -> None:
    """Twenty concurrent requests on one event loop: when each one's 202 starts to leave, its
    events and its journal entry are already committed (visible to another connection)."""
    path = tmp_path / "mock.sqlite3"
    store = Store(path)
    app = build_app(MockConfig(apis=(API,), db=str(path)), store)
    seen_at_answer: list[tuple[int, set[str], bool, int]] = []

    async def one(request: int) -> None:
        body = write_lines(_events(request, 3)).encode()
        user_agent = [(b"user-agent", b"durability-test")]

        def at_answer(start: dict[str, Any]) -> None:
            journaled = _journaled(path, _events(request, 3)[0]["nonce"]) == 1
            seen_at_answer.append((start["status"], _stored_nonces(path), journaled, request))

        await post_in_process(app, "/visit/events", QUERY.encode(), body, user_agent, at_answer)

    async def all_at_once() -> None:
        await asyncio.gather(*(one(n) for n in range(20)))

    try:
        asyncio.run(all_at_once())
    finally:
        store.close()
    assert len(seen_at_answer) == 20
    for status, visible, journaled, request in seen_at_answer:
        assert status == 202
        assert {e["nonce"] for e in _events(request, 3)} <= visible
        assert journaled


# -- kill -9 ----------------------------------------------------------------------------------


def test_nothing_answered_202_is_lost_when_the_mock_is_killed(tmp_path: Path) -> None:
    """`contracts mock` in its own process under sixteen concurrent senders, killed with SIGKILL
    right after its 60th 202, while other requests are in flight: every event of every request
    answered 202 is in the store file, and so is the request's journal entry."""
    path = tmp_path / "mock.sqlite3"
    port = free_port()
    command = [
        sys.executable, "-c", "from contracts.cli import main; main()", "mock",
        "--api", API, "--port", str(port), "--db", str(path),
    ]  # fmt: skip
    mock = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, mock)
        accepted = asyncio.run(_send_until_killed(url, mock.pid, kill_after=60))
    finally:
        if mock.poll() is None:
            mock.kill()
        mock.wait(timeout=10)
        if mock.stderr is not None:
            mock.stderr.close()
    assert mock.returncode == -signal.SIGKILL
    assert len(accepted) >= 60
    stored = _stored_nonces(path)
    missing = {e["nonce"] for n in accepted for e in _events(n, 5)} - stored
    assert not missing, f"{len(missing)} events answered 202 are not in the store"
    assert _journaled(path) >= len(accepted)


async def _send_until_killed(url: str, pid: int, kill_after: int) -> list[int]:
    """Requests of five events from sixteen senders; SIGKILL to `pid` as soon as `kill_after`
    of them are answered 202. The requests answered 202 (their numbers)."""
    accepted: list[int] = []
    numbers = iter(range(10**6))
    killed = asyncio.Event()

    async def sender(client: httpx.AsyncClient) -> None:
        while not killed.is_set():
            n = next(numbers)
            body = write_lines(_events(n, 5)).encode()
            try:
                response = await client.post(f"{url}/visit/events?{QUERY}", content=body)
            except httpx.TransportError:
                return  # the mock is gone
            if response.status_code == 202:
                accepted.append(n)
                if len(accepted) >= kill_after and not killed.is_set():
                    os.kill(pid, signal.SIGKILL)
                    killed.set()

    limits = httpx.Limits(max_connections=16)
    async with httpx.AsyncClient(limits=limits, timeout=10) as client:
        await asyncio.gather(*(sender(client) for _ in range(16)))
    return accepted


# -- the journal's look for secrets -----------------------------------------------------------

OLD_LOOK = re.compile(rb"token|secret|passw|api_?key", re.IGNORECASE)  # what it replaced


PIECES = [b"token", b"SeCrEt", b"PASSW", b"api_key", b"ApiKey", b"api-key", b"tok", b"en", b"x",
          b"\xc3\x89", b"_", b"\n"]  # fmt: skip


@given(st.lists(st.sampled_from(PIECES) | st.binary(max_size=8)).map(b"".join))
def test_the_secret_look_agrees_with_the_case_insensitive_pattern(body: bytes) -> None:
    """Whether a body may hold a secret field: the substring test says what the regex said."""
    assert maybe_secret(body) == bool(OLD_LOOK.search(body))
