"""The Acme mock: `POST /orders`. API key first (401, page line 8), then the body (400, line 36),
then the new order (201).

Settings (`--setting acme.tokens=["..."]`): `tokens`, if given, the only API keys accepted.
"""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from contracts.vendor import (
    Answer,
    HttpRequest,
    MockContext,
    MockRoom,
    MockRoute,
    SettingError,
    Violation,
    read_body,
)

from .rules import MAX_BODY_BYTES, RULES, check_request

ORDERS = "orders"  # the store's kind for orders, keyed by id


def routes(ctx: MockContext) -> list[MockRoute]:
    tokens = ctx.settings.get("tokens")
    if tokens is not None and not (
        isinstance(tokens, list) and all(isinstance(t, str) for t in tokens)
    ):
        raise SettingError("acme.tokens: a list of API keys")

    async def create_order(request: Request) -> Answer:
        key = request.headers.get("x-api-key", "")
        if not key or (tokens is not None and key not in tokens):
            return Answer(401, {"message": "missing or invalid API key"})
        body = await read_body(request, MAX_BODY_BYTES)
        if body is None:
            too_large = RULES["body_too_large"].violation("body", f"is over {MAX_BODY_BYTES} bytes")
            return invalid([too_large], None)
        sent = HttpRequest.build(
            request.method, request.url.path, request.url.query, dict(request.headers), body
        )
        violations = check_request(sent)
        refused = [v for v in violations if ctx.strict or refuses(v)]
        if refused:
            return invalid(violations, body)
        order = new_order(sent.json(), ctx.store.next_id(ctx.api.name, ORDERS))
        ctx.store.put(ctx.api.name, ORDERS, order["id"], order)
        return Answer(201, order, violations=violations, request_body=body)

    return [MockRoute("POST", "/orders", create_order)]


def refuses(violation: Violation) -> bool:
    """A schema keyword is refused (page line 36); a named rule as it says."""
    rule = RULES.get(violation.rule)
    return rule is None or rule.service_refuses()


def invalid(violations: list[Violation], body: bytes | None) -> Answer:
    message = "; ".join(str(v) for v in violations[:3])
    return Answer(400, {"message": message}, violations=violations, request_body=body)


def new_order(body: dict[str, Any], number: int) -> dict[str, Any]:
    """The order the service creates (page lines 24-32)."""
    order = {
        "id": f"ord-{number}",
        "sku": body["sku"],
        "quantity": body["quantity"],
        "delivery": body.get("delivery", "standard"),  # "the default" (line 18)
    }
    if "address" in body:
        order["address"] = body["address"]
    return order


ROOM = MockRoom(routes=routes)
