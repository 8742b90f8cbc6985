"""The `/visit/events` mock: faithful to the service by default, strict on request.

Faithful (the page, openapi.txt:264-282): what the service reads before the body is checked at
once, in order: the query (400), the Authorization header (401), the user agent (403), the body's
size (413, without reading it whole). Each step refuses only the violations whose rule says the
service refuses them (`Rule.service_refuses()`, set in rules.py with the page line); any other
request is accepted with 202 whatever its body, because the service checks the body later. Body
violations are reported in the `x-contract-violations`/`x-contract-rules` headers and the journal.
`--strict` answers them with 400 and their list instead.

Events that break no error rule are stored once per (siteCode, nonce): a retry with the same nonces
stores nothing twice (`GET /_contracts/records/kameleoon-data/event`).

So that an application using Kameleoon's SDK runs against the mock whole, it also serves the SDK's
configuration (`GET /v3/{siteCode}`), OAuth token (`POST /oauth/token`) and remote visitor data
(`GET /visit/visitor`) endpoints, with contents from `--setting kameleoon-data.sdk_config=...`.

Settings: `edition` (current or legacy), `sdk_config`, `visitor_data`, and `blind` (answer 202
without reading anything: a sink for load tests).
"""

from __future__ import annotations

import secrets
from typing import Any

from starlette.requests import Request

from ...vendor import (
    Answer,
    HttpRequest,
    MockContext,
    MockRoom,
    MockRoute,
    Violation,
    encode_json_each,
    encode_text_records,
    errors,
    parse_query,
    read_body,
)
from .answers import ANSWERS
from .events import edition
from .rules import (
    AcceptedEvent,
    body_context,
    check_authorization,
    check_body,
    check_query,
    check_user_agent,
    robot,
    rule_book,
)

DEFAULT_USER_AGENT = "kameleoon-docs"  # the page's default (openapi.txt:63)

# What the SDK needs to start and track: no flags, no custom data (tests pass richer ones).
DEFAULT_SDK_CONFIG: dict[str, Any] = {
    "configuration": {"realTimeUpdate": False, "consentType": "OPTIONAL", "dataApiDomain": None},
    "customData": [],
    "segments": [],
    "featureFlags": [],
    "dateModified": 0,
}


def _violation_list(violations: list[Violation]) -> list[dict[str, Any]]:
    return [v.to_dict() for v in violations]


def routes(ctx: MockContext) -> list[MockRoute]:
    ed = edition(ctx.settings.get("edition"))
    book = rule_book(ed.name)
    # Load the bot list now (~0.2-1 s): on the first request it would stall every request
    # queued behind it on this worker's event loop.
    robot(DEFAULT_USER_AGENT)

    def refused(violations: list[Violation]) -> list[Violation]:
        return [v for v in violations if book[v.rule].service_refuses()]

    async def accept_blindly(request: Request) -> Answer:
        return Answer(202)

    async def post_visit_events(request: Request) -> Answer:
        http = HttpRequest(
            request.method,
            request.url.path,
            parse_query(request.url.query),
            {k.lower(): v for k, v in request.headers.items()},
        )
        query = check_query(http, ed)
        if refusal := refused(query):
            lines = "; ".join(str(v) for v in refusal)
            body = {
                "message": f"Malformed URL query syntax: {lines}",
                "violations": _violation_list(query),
            }
            return Answer(400, body, violations=query)
        auth = check_authorization(http, ed)
        if refusal := refused(auth):
            return Answer(401, {"message": str(refusal[0])}, violations=[*query, *auth])
        agent = check_user_agent(http, ed)
        headers = [*auth, *agent]
        if refused(agent):
            return Answer(403, {"message": "Forbidden user-agent"}, violations=[*query, *headers])

        raw = await read_body(request, ed.max_body_bytes)
        if raw is None:
            size = request.headers.get("content-length", "more than the limit")
            message = f"The body is too large: {size} bytes, limit {ed.max_body_bytes:,}"
            too_large = book["body_size"].violation("body", message)
            return Answer(413, {"message": message}, violations=[*query, *headers, too_large])

        accepted: list[AcceptedEvent] = []
        context = body_context(http, ed)
        found = check_body(raw, ed, context, accepted)
        violations: list[Violation] = [*query, *headers, *found]
        if ctx.strict and errors(found):
            listed = _violation_list(errors(found))
            return Answer(400, listed, violations=violations, request_body=raw)

        stored = await _store(ctx, http, accepted, context.json_form)
        counts = {
            "x-contract-events-stored": str(stored),
            "x-contract-events-duplicate": str(len(accepted) - stored),
        }
        return Answer(202, None, counts, violations, request_body=raw)

    async def sdk_config(request: Request) -> Answer:
        return Answer(200, ctx.settings.get("sdk_config", DEFAULT_SDK_CONFIG))

    async def oauth_token(request: Request) -> Answer:
        token = {
            "access_token": secrets.token_urlsafe(24),
            "expires_in": 3600,
            "token_type": "Bearer",
        }
        return Answer(200, token)

    async def remote_visitor(request: Request) -> Answer:
        return Answer(
            200, ctx.settings.get("visitor_data", {"currentVisit": None, "previousVisits": []})
        )

    # `blind`: accept everything with 202 without reading it (a sink for load tests, and the
    # baseline of benchmarks/bench_mock_throughput.py).
    blind = bool(ctx.settings.get("blind", False))
    return [
        MockRoute("POST", "/visit/events", accept_blindly if blind else post_visit_events),
        MockRoute("GET", "/v3/{siteCode}", sdk_config),
        MockRoute("POST", "/oauth/token", oauth_token),
        MockRoute("GET", "/visit/visitor", remote_visitor),
    ]


async def _store(
    ctx: MockContext, http: HttpRequest, accepted: list[AcceptedEvent], json_form: bool
) -> int:
    """Store the accepted events once per (siteCode, nonce), committed before the answer leaves
    (grouped with the other requests of this turn of the event loop); how many were new. A
    line-form event's fields are all text (the codec's), which encode_text_records writes."""
    site = http.param("siteCode") or ""
    visitor = http.param("visitorCode")
    keys, values = [], []
    for event in accepted:
        fields = event.fields
        value = {"siteCode": site, **fields}
        if visitor and "visitorCode" not in fields:
            value["visitorCode"] = visitor
        values.append(value)
        keys.append(f"{site}:{str(fields.get('nonce', '')).lower()}")
    encoded = encode_json_each(values) if json_form else encode_text_records(values)
    records = list(zip(keys, encoded, strict=True))
    return await ctx.store.insert_unique_grouped(ctx.api.name, "event", records)


ROOM = MockRoom(routes=routes, answers=ANSWERS)
