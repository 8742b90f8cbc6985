"""The mock server's shared core: reserved routes, journal, store, bounded body reading."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from contracts.handlers import read_body
from contracts.journal import JournalEntry, redact_headers
from contracts.mock import MockConfig, running_mock
from contracts.store import Store


def test_reserved_routes_answer_on_a_running_server() -> None:
    with running_mock(MockConfig(apis=())) as mock:
        assert mock.url.startswith("http://127.0.0.1:")
        health = httpx.get(f"{mock.url}/_contracts/health").json()
        assert health["strict"] is False
        assert httpx.get(f"{mock.url}/_contracts/journal").json() == []
        assert httpx.post(f"{mock.url}/_contracts/reset").status_code == 204
        assert httpx.get(f"{mock.url}/_contracts/journal", params={"after": "x"}).status_code == 400


def test_store_dedups_by_key_and_counts(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    assert store.insert_new("a", "event", [("n1", 1), ("n2", 2)]) == [True, True]
    assert store.insert_new("a", "event", [("n2", 9), ("n3", 3)]) == [False, True]
    assert store.records("a", "event") == [("n1", 1), ("n2", 2), ("n3", 3)]
    assert [store.next_id("a", "id", 100) for _ in range(3)] == [100, 101, 102]
    store.reset("a")
    assert store.count("a", "event") == 0
    assert store.next_id("a", "id", 100) == 100


def test_a_second_handle_on_the_file_sees_the_same_state(tmp_path: Path) -> None:
    """Worker processes each open the file: what one stores, the others see."""
    path = tmp_path / "s.sqlite3"
    first, second = Store(path), Store(path)
    first.insert_new("a", "event", [("n1", 1)])
    assert second.insert_new("a", "event", [("n1", 1)]) == [False]


def test_journal_entries_round_trip_through_json() -> None:
    entry = JournalEntry(
        api="a", method="POST", path="/p", query="x=1", request_headers={"h": "v"},
        request_body=b"\xff\x00", request_size=2, status=202, response_headers={},
        response_body=b'{"ok": true}', violations=[{"rule": "r"}], at=1.0, id=3,
    )  # fmt: skip
    assert JournalEntry.from_dict(entry.to_dict()) == entry


def test_secret_headers_are_redacted() -> None:
    headers = redact_headers(
        {"Authorization": "Bearer s3cret", "X-CAP-API-OAUTH-TOKEN": "t", "User-Agent": "ua"}
    )
    assert headers == {
        "authorization": "<redacted>",
        "x-cap-api-oauth-token": "<redacted>",
        "user-agent": "ua",
    }


async def _echo_size(request: Request) -> Response:
    body = await read_body(request, limit=10)
    if body is None:
        return Response(status_code=413)
    return JSONResponse({"size": len(body)})


@pytest.mark.parametrize(
    ("content", "status"),
    [(b"0123456789", 200), (b"0123456789X", 413)],
    ids=["at-limit", "one-past"],
)
def test_read_body_refuses_past_the_limit(content: bytes, status: int) -> None:
    app = Starlette(routes=[Route("/", _echo_size, methods=["POST"])])
    transport = httpx.ASGITransport(app=app)

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: read as it streams
        for i in range(0, len(content), 3):
            yield content[i : i + 3]

    async def send() -> tuple[int, int]:
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            declared = await client.post("/", content=content)
            streamed = await client.post("/", content=chunks())
            return declared.status_code, streamed.status_code

    assert asyncio.run(send()) == (status, status)


def test_the_journal_keeps_no_secret_from_queries_or_bodies() -> None:
    """Secrets never land in the journal: secret-named query values, and the token the SDK's
    OAuth endpoint hands out, are redacted (the rest of the exchange is kept)."""
    with running_mock(MockConfig(apis=("kameleoon-data",))) as mock:
        issued = httpx.post(f"{mock.url}/oauth/token?api_key=s3cr3t&siteCode=s1").json()
        (entry,) = mock.journal()
    record = json.dumps(entry.to_dict())
    assert issued["access_token"] not in record
    assert "s3cr3t" not in record
    assert "siteCode=s1" in entry.query
    assert json.loads(entry.response_body or b"")["expires_in"] == 3600
