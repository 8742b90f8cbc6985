"""The mock answers whatever it is sent: input a handler cannot read is a 400 saying so (never a
500), a request refused before its body is read still gets its answer to the client, and
`contracts validate` gives a verdict, not a traceback."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import threading
from pathlib import Path

import httpx
import pytest
import requests
from click.testing import CliRunner
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.routing import Route

from contracts import mock as mock_module
from contracts.cli import main
from contracts.handlers import Answer, MockRoute
from contracts.mock import MockConfig, RunningMock, _endpoint, running_mock
from contracts.registry import get_api
from contracts.store import Store

DEEP_ARRAY = b"[" * 100_000 + b"]" * 100_000
DEEP_OBJECT = b'{"name": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_000 + b', "key": "k"}'
OPERATIONS = {
    "kameleoon-data": "/visit/events?siteCode=s&visitorCode=v&json=true",
    "kameleoon-automation": "/key-moments",
    "launchdarkly": "/api/v2/segments/default/production",
    "capillary": "/v3/targetGroups",
}


@pytest.fixture(scope="module")
def every_mock() -> RunningMock:
    with running_mock(MockConfig()) as server:
        yield server  # type: ignore[misc]


@pytest.mark.parametrize("api_name", sorted(OPERATIONS))
@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
def test_deep_nesting_is_a_400(every_mock: RunningMock, api_name: str, body: bytes) -> None:
    response = httpx.post(
        every_mock.url + OPERATIONS[api_name],
        content=body,
        headers={"Authorization": "Bearer t", "Content-Type": "application/json"},
        timeout=60,
    )
    assert response.status_code == 400, response.text[:300]
    assert "nested too deeply" in response.text or "300004" in response.text


def wrapped(handler: object) -> Starlette:
    """One route served through the mock's endpoint wrapper, as a vendor handler would be."""
    api = get_api("launchdarkly")
    route = MockRoute("POST", "/not-an-operation", handler)  # type: ignore[arg-type]
    store = Store(":memory:")
    return Starlette(routes=[Route(route.path, _endpoint(api, route, store), methods=["POST"])])


def call(app: Starlette) -> httpx.Response:
    async def post() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            return await client.post("/not-an-operation", content=b"x")

    return asyncio.run(post())


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (RecursionError("deep"), "nested too deeply"),
        (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"), "UnicodeDecodeError"),
        (json.JSONDecodeError("Expecting value", "x", 0), "JSONDecodeError"),
    ],
)
def test_a_handler_failing_on_its_input_answers_400(
    error: Exception, message: str, caplog: pytest.LogCaptureFixture
) -> None:
    async def handler(request: Request) -> Answer:
        raise error

    with caplog.at_level(logging.INFO, "contracts.mock"):
        response = call(wrapped(handler))
    assert response.status_code == 400 and message in response.json()["message"]
    assert caplog.records  # seen in the log (a warning with its traceback, but for nesting)


def test_a_bug_stays_a_500_and_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    async def handler(request: Request) -> Answer:
        return {}["missing"]  # type: ignore[no-any-return]

    with caplog.at_level(logging.ERROR, "contracts.mock"):
        response = call(wrapped(handler))
    assert response.status_code == 500
    assert any(record.exc_info for record in caplog.records)


def test_validate_gives_a_verdict_on_deep_nesting(tmp_path: Path) -> None:
    body = tmp_path / "deep.json"
    body.write_bytes(DEEP_ARRAY)
    result = CliRunner().invoke(
        main, ["validate", "kameleoon-data", str(body), "--json", "--query", "siteCode=s"]
    )
    assert result.exit_code == 1, result.output
    assert "nested too deeply" in result.output and "Traceback" not in result.output


FIVE_MIB_KEY_MOMENT = json.dumps({"name": "x" * (5 * 1024 * 1024), "siteId": 1}).encode()


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer t"}, 400)],
    ids=["refused-before-reading", "refused-for-its-size"],
)
def test_an_early_refusal_reaches_a_requests_client(
    every_mock: RunningMock, headers: dict[str, str], status: int
) -> None:
    """A 5 MiB key moment sent with Content-Length (requests sends the whole body before it
    reads): refused without a token before the body is read (401), or for its size (400, over
    rules.BODY_LIMIT), the client reads the status, not a reset."""
    for _ in range(3):
        response = requests.post(
            every_mock.url + "/key-moments",
            data=FIVE_MIB_KEY_MOMENT,
            headers={"Content-Type": "application/json", **headers},
            timeout=60,
        )
        assert response.status_code == status


def test_draining_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past DRAIN_LIMIT the answer still goes out, saying Connection: close."""
    monkeypatch.setattr(mock_module, "DRAIN_LIMIT", 64 * 1024)
    with running_mock(MockConfig(apis=("kameleoon-automation",))) as server:
        port = int(server.url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            head = (
                "POST /key-moments HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\n"
                f"Content-Length: {10 * 1024 * 1024}\r\n\r\n"
            ).encode()
            sender = threading.Thread(target=_send_quietly, args=(sock, head + b"x" * 1024**2))
            sender.start()
            answer = sock.recv(4096).decode("latin-1")
            sender.join()
    assert answer.startswith("HTTP/1.1 401 ")
    assert "connection: close" in answer.lower()


def _send_quietly(sock: socket.socket, data: bytes) -> None:
    # The server may close after answering: what is measured is the answer.
    with contextlib.suppress(OSError):
        sock.sendall(data)
