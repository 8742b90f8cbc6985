"""The Data API's documented answers to `POST /visit/events`
(kameleoon-data-visit-events-openapi.txt:264-282). The page gives them no body; the mock's own
{message} bodies are kept so a client that logs the body has something to log."""

from __future__ import annotations

from ...vendor import NamedAnswer

PAGE = "kameleoon-data-visit-events-openapi.txt"


def _answer(status: int, message: str, line: int) -> NamedAnswer:
    return NamedAnswer(status, {"message": message}, f"{PAGE}:{line}")


ANSWERS = {
    "malformed_query": _answer(400, "Malformed URL query syntax.", 269),
    "unauthorized": _answer(401, "Authentication failed.", 271),
    "forbidden": _answer(403, "Forbidden user-agent", 276),
    "too_large": _answer(413, "The body is too large.", 278),
    "rate_limited": _answer(429, "Kameleoon rate-limited the request.", 280),
    "server_error": _answer(500, "An unexpected internal error occurred.", 282),
}
