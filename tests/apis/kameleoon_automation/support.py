"""What the key-moment tests share: the page's examples, building requests, posting to a mock and
checking the answer against the spec."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx

from contracts.apis.kameleoon_automation import API
from contracts.apis.kameleoon_automation.rules import check_request
from contracts.apis.kameleoon_automation.strategies import PATH
from contracts.exchange import HttpRequest, HttpResponse
from contracts.validation import check_response
from contracts.violations import Violation

PAGE = "kameleoon-automation-create-key-moment.txt"
SPEC = API.spec()
OPERATION = SPEC.operation("create_key_moment")
TOKEN = "test-token-not-a-kameleoon-credential"  # the tests never reach Kameleoon
JSON = {"Content-Type": "application/json"}
BASE = {"name": "Returning visitors", "siteId": 8372}  # the smallest valid body
# One client for every request: building one per request (its SSL context) costs ~30 ms.
HTTP = httpx.Client(timeout=10)


def page_request() -> dict[str, Any]:
    """The page's request example (lines 11-58), as the spec keeps it; a fresh copy each call."""
    (example,) = [e for e in SPEC.examples() if e.where == "request"]
    return copy.deepcopy(dict(example.value))


def request(body: Any, headers: dict[str, str] | None = None) -> HttpRequest:
    """A request as a well-behaved client sends it (JSON, bearer token), headers overridden."""
    sent = {**JSON, "Authorization": f"Bearer {TOKEN}", **(headers or {})}
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return HttpRequest.build("POST", PATH, headers=sent, body=raw)


def violations(body: Any, headers: dict[str, str] | None = None) -> list[Violation]:
    return check_request(request(body, headers))


def broken(body: Any, headers: dict[str, str] | None = None) -> set[str]:
    """The names of the rules (or schema keywords) a body breaks."""
    return {v.rule for v in violations(body, headers)}


def post(
    base_url: str, body: Any, token: str | None = TOKEN, headers: dict[str, str] | None = None
) -> httpx.Response:
    """POST a body (JSON unless bytes) with the token as a bearer token (None: no header)."""
    sent = dict(JSON)
    if token is not None:
        sent["Authorization"] = f"Bearer {token}"
    sent.update(headers or {})
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return HTTP.post(base_url + PATH, content=raw, headers=sent)


def contract_problems(response: httpx.Response) -> list[Violation]:
    """How an answer departs from what the spec documents for POST /key-moments."""
    answer = HttpResponse(
        response.status_code,
        {name.lower(): value for name, value in response.headers.items()},
        response.content,
    )
    return check_response(SPEC, OPERATION, answer)


def rules_header(response: httpx.Response) -> set[str]:
    """The rules the mock says the request broke (x-contract-rules)."""
    header = response.headers.get("x-contract-rules", "")
    return set(header.split(",")) if header else set()


def stored(base_url: str) -> list[dict[str, Any]]:
    """The mock's key moments as its reserved route lists them: [{key, value}, ...]."""
    records: list[dict[str, Any]] = HTTP.get(
        f"{base_url}/_contracts/records/{API.name}/key-moments"
    ).json()
    return records
