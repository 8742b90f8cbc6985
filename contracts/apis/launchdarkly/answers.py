"""LaunchDarkly's documented errors (launchdarkly-create-segment.txt:92-103), each as the service
sends it: the {code, message} body of the spec's Error and the rate-limit headers every answer
carries; a 429 adds Retry-After (the spec's 429 headers)."""

from __future__ import annotations

import time

from ...vendor import NamedAnswer

PAGE = "launchdarkly-create-segment.txt"
WINDOW = 10  # seconds, as the mock's default rate window (mock.py)


def _limits(remaining: int = 1000) -> dict[str, str]:
    reset = (int(time.time() // WINDOW) + 1) * WINDOW
    return {
        "X-Ratelimit-Route-Remaining": str(remaining),
        "X-Ratelimit-Global-Remaining": str(remaining * 10),
        "X-Ratelimit-Reset": str(reset * 1000),
    }


def _rate_limited() -> dict[str, str]:
    headers = _limits(0)
    reset = int(headers["X-Ratelimit-Reset"]) / 1000
    return {**headers, "Retry-After": str(max(1, round(reset - time.time())))}


def _error(status: int, code: str, message: str, line: int | None) -> NamedAnswer:
    doc = f"{PAGE}:{line}" if line else "launchdarkly.yaml: the 409 response's x-choice"
    return NamedAnswer(status, {"code": code, "message": message}, doc, _limits)


ANSWERS = {
    "invalid_request": _error(400, "invalid_request", "Invalid request body", 94),
    "unauthorized": _error(401, "unauthorized", "Invalid access token", 96),
    "forbidden": _error(403, "forbidden", "Access to the requested resource was denied", 98),
    "not_found": _error(404, "not_found", "Unknown project key 'default'", 100),
    "conflict": _error(409, "conflict", "A segment with this key already exists", None),
    "rate_limited": NamedAnswer(
        429,
        {"code": "rate_limited", "message": "Rate limit exceeded; retry after the reset"},
        f"{PAGE}:102",
        _rate_limited,
    ),
}
