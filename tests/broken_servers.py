"""Deliberately broken servers, to prove that `contracts check` finds faults.

A broken server is the real mock (`contracts.mock.build_app`, configured as the check's embedded
mock is: `room.mock_settings(token)`, so it accepts only the run's token) behind a small ASGI
wrapper. The wrapper reads each request whole and hands it to a `Fault`: an async function of the
request and a `forward` coroutine (which sends a request, changed or not, to the mock and returns
its reply); whatever the fault returns is what the client gets. A fault that forwards unchanged
and returns the reply as it came is no fault at all (`no_fault`, the control).

The faults below each break one thing the contract says, under one condition, so a test can tell
which check must find it and, where the condition is narrow (one event type, a body past a size
limit, a long name), that the finding's request meets the condition.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Awaitable, Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from starlette.applications import Starlette
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from contracts.apis.capillary.mock import envelope
from contracts.apis.capillary.rules import ERROR_MESSAGES
from contracts.mock import MockConfig, build_app, serving
from contracts.registry import get_api
from contracts.specs import Spec
from contracts.store import Store

TOKEN = "broken-server-token"  # the run's credentials; the mock accepts only these


@dataclass(frozen=True)
class Sent:
    """A request as the client sent it (header names in lower case)."""

    method: str
    path: str
    query: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        """The body as JSON, or None when it is not JSON."""
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def with_json(self, value: Any) -> Sent:
        return replace(self, body=json.dumps(value).encode("utf-8"))

    def with_header(self, name: str, value: str) -> Sent:
        return replace(self, headers={**self.headers, name.lower(): value})


@dataclass(frozen=True)
class Reply:
    """A response: status, headers (lower-case names, in order) and body."""

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""

    def json(self) -> Any:
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def with_header(self, name: str, value: str) -> Reply:
        kept = [(k, v) for k, v in self.headers if k != name.lower()]
        return replace(self, headers=[*kept, (name.lower(), value)])

    def with_json(self, value: Any, status: int | None = None) -> Reply:
        reply = replace(self, body=json.dumps(value).encode("utf-8"), status=status or self.status)
        return reply.with_header("content-type", "application/json")


Forward = Callable[[Sent], Awaitable[Reply]]
Fault = Callable[[Sent, Forward], Awaitable[Reply]]


def json_reply(status: int, value: Any) -> Reply:
    return Reply(status).with_json(value)


async def no_fault(sent: Sent, forward: Forward) -> Reply:
    """The control: the mock's answer, untouched."""
    return await forward(sent)


# -- the ASGI wrapper -----------------------------------------------------------------------------


async def _read_request(scope: Scope, receive: Receive) -> Sent:
    chunks = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    return Sent(
        scope["method"],
        scope["path"],
        scope.get("query_string", b"").decode("latin-1"),
        headers,
        b"".join(chunks),
    )


def _forwarder(app: Starlette, scope: Scope) -> Forward:
    async def forward(sent: Sent) -> Reply:
        headers = {**sent.headers, "content-length": str(len(sent.body))}
        inner_scope = {
            **scope,
            "method": sent.method,
            "path": sent.path,
            "raw_path": sent.path.encode("latin-1"),
            "query_string": sent.query.encode("latin-1"),
            "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()],
        }
        delivered = False
        done = asyncio.Event()

        async def receive() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": sent.body, "more_body": False}
            await done.wait()  # the client stays connected until the mock has answered
            return {"type": "http.disconnect"}

        status = 500
        reply_headers: list[tuple[str, str]] = []
        chunks: list[bytes] = []

        async def send(message: Message) -> None:
            nonlocal status, reply_headers
            if message["type"] == "http.response.start":
                status = int(message["status"])
                reply_headers = [
                    (k.decode("latin-1").lower(), v.decode("latin-1"))
                    for k, v in message.get("headers", [])
                ]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await app(inner_scope, receive, send)
        done.set()
        return Reply(status, reply_headers, b"".join(chunks))

    return forward


def faulty(app: Starlette, fault: Fault, served: list[tuple[Sent, Reply]] | None = None) -> ASGIApp:
    """`app` behind `fault`: every HTTP request goes through the fault first; each request and
    the reply the client got are appended to `served`."""

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        sent = await _read_request(scope, receive)
        reply = await fault(sent, _forwarder(app, scope))
        if served is not None:
            served.append((sent, reply))
        headers = [(k, v) for k, v in reply.headers if k != "content-length"]
        headers.append(("content-length", str(len(reply.body))))
        await send(
            {
                "type": "http.response.start",
                "status": reply.status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers],
            }
        )
        await send({"type": "http.response.body", "body": reply.body})

    return wrapped


@dataclass(frozen=True)
class BrokenServer:
    url: str
    store: Store  # the wrapped mock's store (journal and state)
    served: list[tuple[Sent, Reply]]  # every request and what the client got, in order

    def statuses(self) -> list[int]:
        return [reply.status for _, reply in self.served]


@contextmanager
def broken_server(api: str, fault: Fault, token: str = TOKEN) -> Iterator[BrokenServer]:
    """The mock of `api`, accepting only `token`, behind `fault`, served on 127.0.0.1 (a free
    port) on a background thread until the block ends."""
    room = get_api(api).checks()
    assert room is not None, f"{api} has no checks room"
    config = MockConfig(apis=(api,), settings={api: room.mock_settings(token)}).with_db()
    store = Store(config.db or "")
    app = build_app(config, store)
    served: list[tuple[Sent, Reply]] = []
    try:
        with serving(faulty(app, fault, served)) as url:
            yield BrokenServer(url, store, served)
    finally:
        store.close()


# -- kameleoon-data -------------------------------------------------------------------------------

DATA_BODY_LIMIT = 3 * 1024 * 1024  # kameleoon-data-visit-events-openapi.txt:89 (3 MB, as MiB)
_LINE_EVENT_TYPE = re.compile(r"(?:^|&)eventType=([^&\r\n]*)", re.MULTILINE)
_JSON_EVENT_TYPE = re.compile(r'"eventType"\s*:\s*"([^"]*)"')


def event_types(body: bytes | str) -> list[str]:
    """The eventType values of a data API body, in either form (lines or a JSON array), as
    written; read loosely, so that a body too broken to parse still shows its event types."""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    return _LINE_EVENT_TYPE.findall(text) + _JSON_EVENT_TYPE.findall(text)


async def server_error_for_weather(sent: Sent, forward: Forward) -> Reply:
    """500 for any body with a WEATHER event (in any case); every other body as the mock does."""
    if any(kind.upper() == "WEATHER" for kind in event_types(sent.body)):
        return json_reply(500, {"message": "NullPointerException in WeatherEventMapper"})
    return await forward(sent)


async def oversized_body_accepted(sent: Sent, forward: Forward) -> Reply:
    """202 for a body over the 3 MiB limit, where the service answers 413."""
    if len(sent.body) > DATA_BODY_LIMIT:
        return Reply(202)
    return await forward(sent)


async def lower_case_event_type_refused(sent: Sent, forward: Forward) -> Reply:
    """400 for a body with an eventType not in upper case (the service reads it in any case,
    kameleoon-data-visit-events-openapi.txt:110)."""
    if any(kind != kind.upper() for kind in event_types(sent.body)):
        return json_reply(400, {"message": "Unknown eventType"})
    return await forward(sent)


# -- launchdarkly ---------------------------------------------------------------------------------


async def duplicate_keys_accepted(sent: Sent, forward: Forward) -> Reply:
    """Forgets every segment before each request (the mock's own reset route), so a key already
    taken is created again (201 twice) where the service answers 409."""
    await forward(Sent("POST", "/_contracts/reset", "api=launchdarkly", {}, b""))
    return await forward(sent)


async def rate_limit_reset_not_a_number(sent: Sent, forward: Forward) -> Reply:
    """X-Ratelimit-Reset: soon (the spec's header is an integer, epoch milliseconds)."""
    reply = await forward(sent)
    return reply.with_header("X-Ratelimit-Reset", "soon")


async def created_as_text(sent: Sent, forward: Forward) -> Reply:
    """The 201's JSON body labelled text/plain (the spec's 201 is application/json)."""
    reply = await forward(sent)
    if reply.status != 201:
        return reply
    return reply.with_header("content-type", "text/plain; charset=utf-8")


# -- kameleoon-automation -------------------------------------------------------------------------


def bearer_token_not_verified(token: str = TOKEN) -> Fault:
    """Any bearer token is taken for the run's own (a missing or malformed header is still
    refused with 401): invalid credentials are accepted."""

    async def fault(sent: Sent, forward: Forward) -> Reply:
        authorization = sent.headers.get("authorization", "")
        if authorization.startswith("Bearer ") and authorization != f"Bearer {token}":
            sent = sent.with_header("authorization", f"Bearer {token}")
        return await forward(sent)

    return fault


def enums_of(spec: Spec) -> dict[str, frozenset[str]]:
    """Every property of the spec's schemas that has an enum, by property name."""
    found: dict[str, set[str]] = {}

    def walk(node: Any) -> None:
        if isinstance(node, Mapping):
            for name, schema in (node.get("properties") or {}).items():
                if isinstance(schema, Mapping) and isinstance(schema.get("enum"), list):
                    found.setdefault(name, set()).update(str(v) for v in schema["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec.document.get("components", {}))
    return {name: frozenset(values) for name, values in found.items()}


def unknown_enum_values_coerced() -> Fault:
    """An enum value the spec does not list (in any field, at any depth) is silently replaced
    by the first listed value, so the request is answered 201 where the service answers 400."""
    enums = enums_of(get_api("kameleoon-automation").spec())

    def coerce(node: Any) -> Any:
        if isinstance(node, dict):
            fixed = {}
            for name, value in node.items():
                allowed = enums.get(name)
                if allowed is not None and isinstance(value, str) and value not in allowed:
                    fixed[name] = sorted(allowed)[0]
                else:
                    fixed[name] = coerce(value)
            return fixed
        if isinstance(node, list):
            return [coerce(value) for value in node]
        return node

    async def fault(sent: Sent, forward: Forward) -> Reply:
        body = sent.json()
        if body is None:
            return await forward(sent)
        return await forward(sent.with_json(coerce(body)))

    return fault


async def teapot_for_descriptions(sent: Sent, forward: Forward) -> Reply:
    """418 (a status the spec does not list) for a key moment sent with a description."""
    body = sent.json()
    if isinstance(body, dict) and "description" in body:
        return json_reply(418, {"code": "TEAPOT", "message": "I'm a teapot"})
    return await forward(sent)


async def unreadable_bodies_created(sent: Sent, forward: Forward) -> Reply:
    """A body that is not JSON is not refused: the server creates a default key moment (201)."""
    if sent.method != "POST" or sent.json() is not None:
        return await forward(sent)
    default = sent.with_header("content-type", "application/json")
    return await forward(default.with_json({"name": "Untitled key moment", "siteId": 1}))


# -- capillary ------------------------------------------------------------------------------------

CAPILLARY_GENERIC_ERROR = 300004  # the mock's code for a request it refuses (not 310069)
LONG_NAME = 100  # the broken server's limit; the page's is 200 (...-behavioural.txt:213)


async def group_id_as_string(sent: Sent, forward: Forward) -> Reply:
    """The created group's data.id as a string ("1001"; the spec's is an integer)."""
    reply = await forward(sent)
    body = reply.json()
    if reply.status != 200 or not isinstance(body, dict) or not isinstance(body.get("data"), dict):
        return reply
    data = {**body["data"], "id": str(body["data"].get("id"))}
    return reply.with_json({**body, "data": data})


async def long_group_names_refused(sent: Sent, forward: Forward) -> Reply:
    """400 for a group name longer than 100 characters (the page allows 200)."""
    body = sent.json()
    name = body.get("name") if isinstance(body, dict) else None
    if isinstance(name, str) and len(name) > LONG_NAME:
        code = CAPILLARY_GENERIC_ERROR
        assert code in ERROR_MESSAGES
        return json_reply(400, envelope(None, [code]))
    return await forward(sent)


# -- at the edges: a valid value refused, an invalid one just past it accepted --------------------

LONG_VISITOR_CODE = 64  # the broken server's limit; the page sets none on the query value
FULL_METADATA = 256  # values per metadata id (kameleoon-data-visit-events-openapi.txt:159)
_QUERY_VISITOR = re.compile(r"(?:^|&)visitorCode=([^&]*)")
_METADATA_LINE = re.compile(r"(?:^|&)metadata=([^&\r\n]*)", re.MULTILINE)


def visitor_code_of(query: str) -> str:
    """The query's visitorCode as sent (percent-decoded), or ''."""
    from urllib.parse import unquote_plus

    found = _QUERY_VISITOR.search(query)
    return unquote_plus(found.group(1)) if found else ""


async def long_query_visitor_codes_refused(sent: Sent, forward: Forward) -> Reply:
    """400 for a query visitorCode of 64 characters or more (Kameleoon's SDK sends up to 255)."""
    if len(visitor_code_of(sent.query)) >= LONG_VISITOR_CODE:
        return json_reply(400, {"message": "visitorCode too long"})
    return await forward(sent)


def metadata_sizes(body: bytes) -> list[int]:
    """The number of values of each metadata id in a data API body, in either form."""
    from urllib.parse import unquote

    text = body.decode("utf-8", "replace")
    maps: list[Any] = []
    try:
        parsed = json.loads(text)
        maps = [e.get("metadata") for e in parsed if isinstance(e, dict)] if isinstance(
            parsed, list) else []  # fmt: skip
    except ValueError:
        for raw in _METADATA_LINE.findall(text):
            try:
                maps.append(json.loads(unquote(raw)))
            except ValueError:
                continue
    return [len(v) for m in maps if isinstance(m, dict) for v in m.values() if isinstance(v, list)]


async def full_metadata_refused(sent: Sent, forward: Forward) -> Reply:
    """400 for a metadata id with 256 values or more: the largest valid array refused (the
    service takes up to 256, and a longer one is accepted too: the body is read later)."""
    if any(size >= FULL_METADATA for size in metadata_sizes(sent.body)):
        return json_reply(400, {"message": "too many metadata values"})
    return await forward(sent)


def last_enum_value_swapped(api: str, schema: str, field: str) -> Fault:
    """The last value of a nested enum (`schema.field`, at any depth) refused with 400, and any
    value outside the enum taken for the first one, so that the request is accepted."""
    options = [str(v) for v in get_api(api).spec().schema(schema)["properties"][field]["enum"]]
    last = options[-1]

    def walk(node: Any) -> tuple[Any, bool]:
        if isinstance(node, dict):
            fixed, refused = {}, False
            for name, value in node.items():
                if name == field and isinstance(value, str):
                    refused = refused or value == last
                    fixed[name] = value if value in options else options[0]
                else:
                    fixed[name], deeper = walk(value)
                    refused = refused or deeper
            return fixed, refused
        if isinstance(node, list):
            pairs = [walk(value) for value in node]
            return [p[0] for p in pairs], any(p[1] for p in pairs)
        return node, False

    async def fault(sent: Sent, forward: Forward) -> Reply:
        body = sent.json()
        if body is None:
            return await forward(sent)
        fixed, refused = walk(body)
        if refused:
            return json_reply(400, {"code": "BAD_REQUEST", "message": f"{field}: {last}"})
        return await forward(sent.with_json(fixed))

    return fault


SDK_USER_AGENT_MARK = "aiohttp"


async def sdk_user_agent_refused_bots_served(sent: Sent, forward: Forward) -> Reply:
    """403 for the user agent Kameleoon's own SDK sends (aiohttp's default, which the service
    serves), while a bot's user agent is served (the service answers it 403)."""
    agent = sent.headers.get("user-agent", "")
    if SDK_USER_AGENT_MARK in agent.lower():
        return json_reply(403, {"message": "Forbidden user-agent"})
    if "bot" in agent.lower():
        return await forward(sent.with_header("user-agent", "Mozilla/5.0"))
    return await forward(sent)
