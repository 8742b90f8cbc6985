"""What the LaunchDarkly tests share: sending a create-segment request to a mock and checking the
answer against the spec."""

from __future__ import annotations

from typing import Any

import httpx

from contracts.apis.launchdarkly import API
from contracts.apis.launchdarkly.strategies import JSON_HEADERS, PATH, encode_body
from contracts.exchange import HttpResponse
from contracts.validation import check_response
from contracts.violations import Violation

SPEC = API.spec()
OPERATION = SPEC.operation("create_segment")
TOKEN = "api-00000000-fake-test-token"  # not a real token: the tests never reach LaunchDarkly
# One client for every request: building one per request (its SSL context) costs ~30 ms.
HTTP = httpx.Client(timeout=10)
RATE_LIMIT_HEADERS = (
    "x-ratelimit-route-remaining",
    "x-ratelimit-global-remaining",
    "x-ratelimit-reset",
)


def segments_path(project: str = "default", environment: str = "production") -> str:
    return PATH.format(projectKey=project, environmentKey=environment)


def post(
    base_url: str,
    body: Any,
    token: str | None = TOKEN,
    project: str = "default",
    environment: str = "production",
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """POST a body (JSON unless bytes) as a client would, with the token as Authorization."""
    sent = {**JSON_HEADERS, **(headers or {})}
    if token is not None:
        sent["Authorization"] = token
    return HTTP.post(
        base_url + segments_path(project, environment), content=encode_body(body), headers=sent
    )


def stored_segments(base_url: str) -> list[dict[str, Any]]:
    """The mock's segments as its reserved route lists them: [{key, value}, ...]."""
    records: list[dict[str, Any]] = HTTP.get(
        f"{base_url}/_contracts/records/launchdarkly/segments"
    ).json()
    return records


def contract_problems(response: httpx.Response) -> list[Violation]:
    """How an answer breaks what the spec documents for create_segment (status, headers, body)."""
    headers = {name.lower(): value for name, value in response.headers.items()}
    answer = HttpResponse(response.status_code, headers, response.content)
    return check_response(SPEC, OPERATION, answer)


def assert_answer(response: httpx.Response, status: int, code: str | None = None) -> None:
    """The answer has this status, fits the spec, carries the rate-limit headers, and (for an
    error) LaunchDarkly's error code."""
    assert response.status_code == status, response.text
    assert contract_problems(response) == []
    for name in RATE_LIMIT_HEADERS:
        assert response.headers.get(name, "").isdigit(), f"{name} missing or not an integer"
    if code is not None:
        assert response.json()["code"] == code
