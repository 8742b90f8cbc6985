"""What the Capillary tests share: the page's request examples, credentials for the mock, and
checking the mock's answers against the spec."""

from __future__ import annotations

import copy
import json
from typing import Any

import httpx

from contracts.apis.capillary import API
from contracts.apis.capillary.auth import basic
from contracts.apis.capillary.rules import check_request
from contracts.apis.capillary.strategies import PATH
from contracts.exchange import HttpRequest, HttpResponse
from contracts.validation import check_response
from contracts.violations import Violation

PAGE = "capillary-create-target-group-behavioural.txt"
SPEC = API.spec()
OPERATION = SPEC.operation("create_target_group")
# Fake credentials: the tests never reach Capillary.
USER, PASSWORD = "naman_doc", "5f4dcc3b5aa765d61d8327deb882cf99"
BASIC = {"Authorization": basic(USER, PASSWORD)}
TOKEN = "fake-oauth-token-0123456789abcdef"
# The page's response examples were stamped at 2026-01-13 (lines 391, 541); at that moment both
# examples' periods (July 2025) have ended.
NOW = "2026-01-13T05:13:18Z"
HTTP = httpx.Client(timeout=10)


def example(name: str, where: str = "request") -> Any:
    """A copy of one of the spec's examples (the page's, with its line in the spec)."""
    for found in SPEC.examples():
        if found.where == where and found.name == name:
            return copy.deepcopy(found.value)
    raise KeyError(name)


def event_attribute_body() -> dict[str, Any]:
    """The page's EVENT_ATTRIBUTE request (lines 74-131)."""
    body: dict[str, Any] = example("event_attribute_target")
    return body


def count_body() -> dict[str, Any]:
    """The page's COUNT request (lines 136-193)."""
    body: dict[str, Any] = example("count_target")
    return body


def request(body: Any, headers: dict[str, str] | None = None) -> HttpRequest:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return HttpRequest.build("POST", PATH, "", BASIC if headers is None else headers, raw)


def violations(body: Any, headers: dict[str, str] | None = None) -> list[Violation]:
    return check_request(request(body, headers))


def post(base_url: str, body: Any, headers: dict[str, str] | None = None) -> httpx.Response:
    """POST a body (JSON unless bytes), with Basic credentials unless other headers are given."""
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    sent = {"Content-Type": "application/json", **(BASIC if headers is None else headers)}
    return HTTP.post(base_url + PATH, content=raw, headers=sent)


def contract_problems(response: httpx.Response) -> list[Violation]:
    """How an answer breaks the spec (documented status, content type, body schema)."""
    answer = HttpResponse(response.status_code, dict(response.headers), response.content)
    return check_response(SPEC, OPERATION, answer)


def error_codes(response: httpx.Response) -> list[int]:
    return [error["code"] for error in response.json()["errors"] or []]


def keys(value: Any) -> Any:
    """The shape of a JSON value: its keys, recursively (lists by their first item, the map keyed
    by period ID as the list of its values)."""
    if isinstance(value, dict):
        return {
            key: keys(list(item.values()) if key == "targetPeriodDefaultValuesMap" else item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [keys(value[0])] if value else []
    return type(value).__name__
