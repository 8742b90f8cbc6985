"""What the Acme create-order page (specs/pages/acme.txt) says beyond the schema of OrderBody."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from contracts.vendor import (
    DocRef,
    HttpRequest,
    Rule,
    RuleBook,
    RulesRoom,
    Severity,
    Violation,
    find_operation,
    json_body,
    schema_violations,
    short,
)

from . import API

PAGE = "acme.txt"
BODY_SCHEMA = {"$ref": "#/components/schemas/OrderBody"}
MAX_BODY_BYTES = 64 * 1024

RULES = RuleBook(
    [
        Rule("operation", DocRef(PAGE, 1), "The request is POST /orders."),
        Rule("body_json", DocRef(PAGE, 12), "The body is a JSON object."),
        Rule(
            "body_too_large",
            DocRef(PAGE, 12),
            f"The body is at most {MAX_BODY_BYTES} bytes.",
            Severity.WARNING,
            "The page states no size limit; 64 KiB is ours, far above any order (four short "
            "fields), so the mock never holds an unbounded body in memory.",
            refused_by_service=True,
        ),
        Rule(
            "express_needs_address",
            DocRef(PAGE, 20),
            "An express order includes an address; one without is refused with 400.",
        ),
    ]
)


def check_request(request: HttpRequest, edition: str | None = None) -> list[Violation]:
    """Every violation of a create-order request: operation, size, JSON, schema, rules."""
    spec = API.spec(edition)
    if find_operation(spec, request.method, request.path) is None:
        return [
            RULES["operation"].violation(
                "request", f"{request.method} {short(request.path)} is not POST /orders"
            )
        ]
    if len(request.body) > MAX_BODY_BYTES:
        return [
            RULES["body_too_large"].violation(
                "body", f"{len(request.body)} bytes is more than {MAX_BODY_BYTES} bytes"
            )
        ]
    value, problems = json_body(spec, request.body)
    if problems:
        return [RULES["body_json"].violation("body", problem.message) for problem in problems]
    return [*schema_violations(spec, BODY_SCHEMA, value), *rule_violations(value)]


def rule_violations(body: Any) -> list[Violation]:
    """The rules beyond the schema, for a parsed body."""
    if isinstance(body, Mapping) and body.get("delivery") == "express" and "address" not in body:
        return [
            RULES["express_needs_address"].violation(
                "address", "is missing, and delivery is 'express'"
            )
        ]
    return []


ROOM = RulesRoom(book=RULES, check_request=check_request)
