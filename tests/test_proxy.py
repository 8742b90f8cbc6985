"""`contracts proxy`: vendors' own clients talk through the proxy to the mock; what passes is
forwarded unchanged, checked, journaled and recorded as a HAR file `contracts verify` reads."""

from __future__ import annotations

import gzip
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import launchdarkly_api
import pytest
from click.testing import CliRunner
from launchdarkly_api.api.segments_api import SegmentsApi
from launchdarkly_api.models.segment_body import SegmentBody
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from contracts.cli import main
from contracts.journal import REDACTED
from contracts.mock import MockConfig, RunningMock, running_mock, serving
from contracts.proxy import ProxyConfig, running_proxy
from contracts.verify import verify_file

HERE = Path(__file__).parent
TOKEN = "api-00000000-fake-test-token"
SEGMENTS = "/api/v2/segments/default/production"


@pytest.fixture(scope="module")
def upstream() -> Iterator[RunningMock]:
    settings = {"launchdarkly": {"tokens": [TOKEN]}}
    with running_mock(MockConfig(settings=settings)) as mock:
        yield mock


def segments_api(url: str, token: str | None = TOKEN) -> SegmentsApi:
    api_key = {"ApiKey": token} if token else {}
    configuration = launchdarkly_api.Configuration(host=url, api_key=api_key)
    return SegmentsApi(launchdarkly_api.ApiClient(configuration))


def test_launchdarkly_published_client_through_the_proxy(
    upstream: RunningMock, tmp_path: Path
) -> None:
    """LaunchDarkly's own client: created (201), duplicate (409, launchdarkly.yaml x-choice),
    no token (401, launchdarkly-create-segment.txt:96); the HAR verifies with no error and keeps
    no token."""
    upstream.reset()
    har = tmp_path / "launchdarkly.har"
    with running_proxy(ProxyConfig(upstream.url, record=str(har))) as proxy:
        segments = segments_api(proxy.url)
        body = SegmentBody(name="Beta testers", key="beta-testers", tags=["qa"])
        created = segments.post_segment("default", "production", segment_body=body)
        assert created.key == "beta-testers"
        with pytest.raises(launchdarkly_api.ApiException) as duplicate:
            segments.post_segment("default", "production", segment_body=body)
        assert duplicate.value.status == 409
        with pytest.raises(launchdarkly_api.ApiException) as anonymous:
            segments_api(proxy.url, token=None).post_segment(
                "default", "production", segment_body=body
            )
        assert anonymous.value.status == 401
        journal = proxy.journal("launchdarkly")
    assert [e.status for e in journal] == [201, 409, 401]
    assert all(e.request_headers.get("authorization", REDACTED) == REDACTED for e in journal)
    assert [e.status for e in upstream.journal("launchdarkly")] == [201, 409, 401]
    report = verify_file(str(har))
    assert report.errors == 0, [str(v) for _, v in report.violations]
    assert TOKEN not in har.read_text()


def test_kameleoon_sdk_through_the_proxy(tmp_path: Path) -> None:
    """Kameleoon's real SDK (tests/apis/kameleoon_data/sdk_driver.py) through the proxy: every
    tracking request reaches the mock (202, kameleoon-data-visit-events-openapi.txt:264), the
    SDK's extensions are warnings only, and the HAR verifies with no error."""
    har = tmp_path / "kameleoon.har"
    with running_mock(MockConfig(apis=("kameleoon-data",))) as mock:
        with running_proxy(ProxyConfig(mock.url, record=str(har))) as proxy:
            subprocess.run(
                [sys.executable, str(HERE / "apis/kameleoon_data/sdk_driver.py"), proxy.url,
                 "sitecode01"],
                timeout=60, check=True, capture_output=True,
            )  # fmt: skip
            tracking = [e for e in proxy.journal("kameleoon-data") if e.path == "/visit/events"]
        stored = mock.store.records("kameleoon-data", "event")
    assert tracking and {e.status for e in tracking} == {202}
    assert [v for e in tracking for v in e.violations if v["severity"] == "error"] == []
    assert stored
    report = verify_file(str(har))
    assert report.errors == 0, [str(v) for _, v in report.violations]
    assert report.warnings > 0  # the SDK's extensions (sdk_extension, event_type_case, ...)


@dataclass
class Echo:
    """An upstream that records what reached it and answers what the test set."""

    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    seen: list[tuple[str, str, str, dict[str, str], bytes]] = field(default_factory=list)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        self.seen.append(
            (request.method, request.url.path, request.url.query, dict(request.headers),
             await request.body())
        )  # fmt: skip
        response = Response(self.body, self.status)
        response.raw_headers = [(k.encode(), v.encode()) for k, v in self.headers]
        response.raw_headers.append((b"content-length", str(len(self.body)).encode()))
        await response(scope, receive, send)


@pytest.mark.parametrize(
    ("method", "path", "status", "headers", "body"),
    [
        ("POST", SEGMENTS, 201, [("content-type", "application/json")], b'{"odd": true}'),
        ("PATCH", "/anything/at/all?x=1&x=2", 418, [("x-vendor", "tea")], b"short and stout"),
        ("DELETE", "/visit/events", 204, [("set-cookie", "a=1"), ("set-cookie", "b=2")], b""),
        ("GET", "/v3/site", 200, [("content-encoding", "gzip")], gzip.compress(b'{"a": 1}')),
    ],
    ids=["documented-path", "any-method-status", "repeated-headers", "encoded-body"],
)
def test_requests_and_answers_are_forwarded_unchanged(
    method: str, path: str, status: int, headers: list[tuple[str, str]], body: bytes
) -> None:
    """Whatever the method, status, headers (repeated ones too) and encoding: the upstream gets
    the request as sent (hop-by-hop headers and Host aside) and the client the answer as given."""
    echo = Echo(status, headers, body)
    sent = {"X-Custom": "kept", "Authorization": "Bearer secret", "Content-Type": "text/plain"}
    with serving(echo) as url, running_proxy(ProxyConfig(url)) as proxy:
        answer = httpx.request(method, proxy.url + path, headers=sent, content=b"payload")
    ((seen_method, seen_path, seen_query, seen_headers, seen_body),) = echo.seen
    assert (seen_method, seen_path, seen_body) == (method, path.split("?")[0], b"payload")
    assert seen_query == (path.split("?")[1] if "?" in path else "")
    assert {k: seen_headers[k.lower()] for k in sent} == sent
    assert answer.status_code == status
    assert answer.read() == (gzip.decompress(body) if "gzip" in str(headers) else body)
    assert [(k, v) for k, v in answer.headers.multi_items() if k in dict(headers)] == headers
    if path == SEGMENTS:  # "payload" is no segment: the proxy adds the mock's violation headers
        assert int(answer.headers["x-contract-violations"]) >= 1
        assert "body_json" in answer.headers["x-contract-rules"]


def test_strict_refuses_a_violating_request_without_forwarding(upstream: RunningMock) -> None:
    """A name that is not a string breaks the schema (launchdarkly-create-segment.txt:21): 400
    from the proxy with the list, and the server never sees it."""
    upstream.reset()
    with running_proxy(ProxyConfig(upstream.url, strict=True)) as proxy:
        refused = httpx.post(proxy.url + SEGMENTS, json={"name": 5, "key": "a"},
                             headers={"Authorization": TOKEN})  # fmt: skip
        valid = httpx.post(proxy.url + SEGMENTS, json={"name": "a", "key": "a"},
                           headers={"Authorization": TOKEN})  # fmt: skip
    assert refused.status_code == 400 and "not forwarded" in refused.json()["message"]
    assert int(refused.headers["x-contract-violations"]) >= 1
    assert valid.status_code == 201
    assert [e.status for e in upstream.journal("launchdarkly")] == [201]


def test_deep_nesting_through_the_proxy_is_a_400(upstream: RunningMock) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    for strict in (False, True):
        with running_proxy(ProxyConfig(upstream.url, strict=strict)) as proxy:
            answer = httpx.post(
                proxy.url + "/visit/events?siteCode=s&visitorCode=v&json=true", content=deep
            )
        assert answer.status_code == 400, (strict, answer.text)


def test_an_upstream_beyond_this_machine_needs_live() -> None:
    result = CliRunner().invoke(main, ["proxy", "--upstream", "https://app.launchdarkly.com"])
    assert result.exit_code == 2 and "--live" in result.output
