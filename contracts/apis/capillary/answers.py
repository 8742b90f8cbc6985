"""Capillary's documented errors: the API error codes of the page (lines 681-685) in the v3
envelope (`data: null`, `errors: [{code, message}]`, line 680), 300004 first (the answer to
`status=400`: it covers every invalid input), the 401 the mock gives missing
credentials, and the 500 the spec lists."""

from __future__ import annotations

from ...vendor import NamedAnswer
from .rules import ERROR_MESSAGES, INVALID_INPUT, NAME_EXISTS, TARGET_NAME_TOO_LONG

PAGE = "capillary-create-target-group-behavioural.txt"


def _envelope(code: int, message: str) -> dict[str, object]:
    return {"data": None, "errors": [{"code": code, "message": message}], "warnings": None}


ANSWERS = {
    str(INVALID_INPUT): NamedAnswer(
        400, _envelope(INVALID_INPUT, ERROR_MESSAGES[INVALID_INPUT]), f"{PAGE}:684"
    ),
    str(NAME_EXISTS): NamedAnswer(
        400, _envelope(NAME_EXISTS, ERROR_MESSAGES[NAME_EXISTS]), f"{PAGE}:683"
    ),
    str(TARGET_NAME_TOO_LONG): NamedAnswer(
        400,
        _envelope(TARGET_NAME_TOO_LONG, ERROR_MESSAGES[TARGET_NAME_TOO_LONG]),
        f"{PAGE}:685",
    ),
    "unauthorized": NamedAnswer(
        401,
        _envelope(401, "Unauthorized"),
        f"{PAGE}:197",
        {"WWW-Authenticate": 'Basic realm="Capillary"'},
    ),
    "server_error": NamedAnswer(
        500, _envelope(500, "Internal server error"), "capillary.yaml: the 500 response"
    ),
}
