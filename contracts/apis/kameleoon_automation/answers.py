"""The Automation API's errors for `POST /key-moments`, with the spec's error body {code?,
message}. The page documents only the 201; 400, 401 and 403 are the spec's x-choice statuses."""

from __future__ import annotations

from ...vendor import NamedAnswer

SPEC = "kameleoon-automation.yaml"

ANSWERS = {
    "invalid_body": NamedAnswer(
        400,
        {"code": "INVALID_BODY", "message": "Invalid key moment"},
        f"{SPEC}: the 400 response's x-choice",
    ),
    "unauthorized": NamedAnswer(
        401,
        {"code": "UNAUTHORIZED", "message": "The bearer token is not valid."},
        "kameleoon-automation-create-key-moment.txt:136 (bearer token); the 401's x-choice",
    ),
    "forbidden": NamedAnswer(
        403,
        {"code": "FORBIDDEN", "message": "This account may not create key moments on the site."},
        f"{SPEC}: the 403 response's x-choice",
    ),
}
