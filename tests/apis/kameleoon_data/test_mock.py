"""The /visit/events mock: faithful answers, strict mode, 413 without reading, dedup by nonce,
the journal, and no 5xx whatever the body. O = kameleoon-data-visit-events-openapi.txt."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts import load_spec
from contracts.apis.kameleoon_data import strategies
from contracts.exchange import HttpResponse
from contracts.mock import MockConfig, RunningMock, running_mock
from contracts.validation import check_response

BODY = (
    "nonce=d2ce4d22083348fb&eventType=STATICDATA&browser=Safari&deviceType=DESKTOP\n"
    "nonce=b0a4253d8acd01c7&eventType=PAGE&href=https%3A%2F%2Fwww.supersite.com%2F"
)
QUERY = {"siteCode": "s1", "visitorCode": "v1"}


@pytest.fixture(scope="module")
def mock() -> Iterator[RunningMock]:
    with running_mock(MockConfig(apis=("kameleoon-data",))) as server:
        yield server


@pytest.fixture
def client(mock: RunningMock) -> Iterator[httpx.Client]:
    mock.reset()
    with httpx.Client(base_url=mock.url) as http:
        yield http


def documented(response: httpx.Response) -> None:
    """The answer is one the current page documents for POST /visit/events."""
    spec = load_spec("kameleoon-data")
    found = check_response(
        spec,
        spec.operation("post_visit_events"),
        HttpResponse(response.status_code, dict(response.headers), response.content),
    )
    assert found == [], found


def test_a_well_formed_query_gets_202_whatever_the_body(client: httpx.Client) -> None:
    """O:264-268: 202 once the query is processed; the body is checked later, so its violations
    are only reported (headers and journal), not refused."""
    response = client.post("/visit/events", params=QUERY, content=BODY + "\nnonce=zz&eventType=X")
    documented(response)
    assert response.status_code == 202
    assert response.headers["x-contract-violations"] == "2"
    assert set(response.headers["x-contract-rules"].split(",")) == {
        "nonce:format",
        "event_type_known",
    }
    assert response.headers["x-contract-events-stored"] == "2"


def test_strict_mode_answers_body_violations_with_400_and_their_list() -> None:
    with running_mock(MockConfig(apis=("kameleoon-data",), strict=True)) as strict:
        response = httpx.post(f"{strict.url}/visit/events", params=QUERY, content="nonce=zz")
        assert response.status_code == 400
        rules = {v["rule"] for v in response.json()}
        assert rules == {"nonce:format", "eventType:required"}
        ok = httpx.post(f"{strict.url}/visit/events", params=QUERY, content=BODY)
        assert ok.status_code == 202


@pytest.mark.parametrize(
    ("params", "headers", "status"),
    [
        ({"visitorCode": "v1"}, {}, 400),  # O:64 siteCode required, O:269 malformed query
        ({**QUERY, "json": "maybe"}, {}, 400),  # O:80 json is a boolean
        (QUERY, {"User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1)"}, 403),  # O:9, O:276
        (QUERY, {"Authorization": "Token"}, 401),  # O:274 the token is missing
        (QUERY, {"Authorization": "Bearer a.b.c"}, 202),
    ],
)
def test_query_and_header_answers(
    client: httpx.Client, params: dict[str, str], headers: dict[str, str], status: int
) -> None:
    response = client.post("/visit/events", params=params, headers=headers, content=BODY)
    assert response.status_code == status
    documented(response)


def test_an_over_limit_body_is_refused_with_413_without_being_read_whole(
    mock: RunningMock,
) -> None:
    """O:91, O:278: 3 MB limit. A 40 MB chunked body (no Content-Length) is refused and the
    server's memory does not grow by anything like the body size while it streams in."""
    chunk = b"x" * 65536

    def body() -> Iterator[bytes]:
        for _ in range(40 * 16):  # 40 MiB
            yield chunk

    tracemalloc.start()  # traces the server thread too: same process
    try:
        with httpx.Client(base_url=mock.url, timeout=30) as http:
            response = http.post("/visit/events", params=QUERY, content=body())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 413
    assert peak < 12 * 1024 * 1024, f"peak {peak:,} bytes while refusing a 40 MiB body"
    declared = httpx.post(
        f"{mock.url}/visit/events", params=QUERY, content=b"x" * (3 * 1024 * 1024 + 1)
    )
    assert declared.status_code == 413
    documented(declared)


def test_a_retry_with_the_same_nonces_stores_nothing_twice(client: httpx.Client) -> None:
    """Nonces are unique to each event (O:108-110): a retried request is stored once."""
    first = client.post("/visit/events", params=QUERY, content=BODY)
    again = client.post("/visit/events", params=QUERY, content=BODY)
    assert first.headers["x-contract-events-stored"] == "2"
    assert again.headers["x-contract-events-stored"] == "0"
    assert again.headers["x-contract-events-duplicate"] == "2"
    events = client.get("/_contracts/records/kameleoon-data/event").json()
    assert sorted(e["value"]["nonce"] for e in events) == ["b0a4253d8acd01c7", "d2ce4d22083348fb"]
    assert all(e["value"]["visitorCode"] == "v1" for e in events)


def test_the_journal_records_each_exchange(client: httpx.Client, mock: RunningMock) -> None:
    client.post("/visit/events", params=QUERY, content=BODY + "\nnonce=zz&eventType=PAGE&href=h",
                headers={"Authorization": "Bearer s3cr3t"})  # fmt: skip
    (entry,) = mock.journal("kameleoon-data")
    assert entry.status == 202
    assert entry.request_body is not None and entry.request_body.decode().startswith("nonce=")
    assert entry.request_headers["authorization"] == "<redacted>"
    assert [v["rule"] for v in entry.violations] == ["nonce:format"]
    assert [v["line"] for v in entry.violations] == [3]
    over_http = client.get("/_contracts/journal", params={"api": "kameleoon-data"}).json()
    assert over_http == [entry.to_dict()]
    assert "s3cr3t" not in json.dumps(over_http)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.one_of(st.binary(max_size=300), st.text(max_size=300).map(str.encode)),
       json_form=st.booleans())  # fmt: skip
def test_a_malformed_body_never_yields_a_5xx(
    mock: RunningMock, body: bytes, json_form: bool
) -> None:
    """Property: whatever the bytes, the mock answers 202 (faithful) with a documented status."""
    params = {**QUERY, "json": "true"} if json_form else QUERY
    response = httpx.post(f"{mock.url}/visit/events", params=params, content=body)
    assert response.status_code == 202


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sample=strategies.valid_samples())
def test_valid_samples_are_stored_in_full(mock: RunningMock, sample: object) -> None:
    """Property: every event of a valid body is stored (nothing accepted is lost)."""
    mock.reset("kameleoon-data")
    response = httpx.post(
        f"{mock.url}/visit/events",
        params=sample.query,  # type: ignore[attr-defined]
        content=sample.body.encode(),  # type: ignore[attr-defined]
    )
    assert response.status_code == 202
    assert "x-contract-violations" not in response.headers or not [
        v for v in mock.journal()[-1].violations if v["severity"] == "error"
    ]
    sent = sample.note.split()[0]  # type: ignore[attr-defined]
    assert response.headers["x-contract-events-stored"] == sent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_workers_share_one_store(tmp_path: Path) -> None:
    """`contracts mock --workers 2`: the same events sent to both workers at once are stored
    once (the store is one SQLite file), and counted as stored by one request each."""
    port = _free_port()
    db = tmp_path / "mock.sqlite3"
    server = subprocess.Popen(
        [sys.executable, "-m", "contracts", "mock", "--api", "kameleoon-data", "--port",
         str(port), "--workers", "2", "--db", str(db)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ},
    )  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{url}/_contracts/health")
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the mock did not start"
                time.sleep(0.2)
        body = "\n".join(
            f"nonce={i:016x}&eventType=PAGE&href=h{i}" for i in range(50)
        )  # fmt: skip

        def send(_: int) -> tuple[int, int]:
            response = httpx.post(f"{url}/visit/events", params=QUERY, content=body)
            return response.status_code, int(response.headers["x-contract-events-stored"])

        with ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(send, range(16)))
        assert {status for status, _ in answers} == {202}
        assert sum(stored for _, stored in answers) == 50  # the workers agree on who stored each
        events = httpx.get(f"{url}/_contracts/records/kameleoon-data/event").json()
        assert len(events) == 50
        assert len(httpx.get(f"{url}/_contracts/journal").json()) == 16
    finally:
        server.terminate()
        server.wait(timeout=10)
