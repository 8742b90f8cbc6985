"""The mock server: one ASGI app serving every API's mock routes, a journal and a reset.

Each vendor folder's `mock.py` defines `routes(ctx) -> list[MockRoute]`; a handler takes the request
and returns an `Answer`. This module turns answers into responses, journals every exchange in the
store, and serves the reserved routes under `/_contracts/`:

    GET  /_contracts/health                   which APIs are served, strict or not
    GET  /_contracts/journal?api=A&after=N    the journal (JSON list of exchanges)
    GET  /_contracts/records/{api}/{kind}     a mock's stored state (events, segments, ...)
    POST /_contracts/reset?api=A              forget journal, state and chosen answers
    GET  /_contracts/answers?api=A            the answers chosen and not used up
    POST /_contracts/answers                  choose: {api, status | error, times, delay, drop}
    DELETE /_contracts/answers?api=A          forget the chosen answers (of one API, or all)

A request to an API's operation may choose its answer itself with Prism's `Prefer: code=N` or
`Prefer: example=NAME` (`contracts.answers`). Whatever the input, the server answers: a handler
that fails on it (nesting too deep to parse, bytes it cannot decode) answers 400 saying so, and a
request refused before its body was read gets its body drained (up to `DRAIN_LIMIT`) so that the
client, still sending, reads the answer rather than a reset connection.
"""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import os
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import answers as chosen
from .api import Api
from .control import AdminGuard, journal_endpoint
from .handlers import Answer, MockConfig, MockContext, MockRoute
from .journal import JournalEntry, redact_body, redact_headers, redact_query
from .registry import all_apis, get_api
from .retention import JournalRetention
from .store import Store
from .validation import find_operation

RESERVED_PREFIX = "/_contracts"
CONFIG_ENV = "CONTRACTS_MOCK_CONFIG"
SPECS_ENV = "CONTRACTS_MOCK_SPECS"  # spec files served as whole contracts (`--spec`), for workers
VIOLATIONS_HEADER = "x-contract-violations"  # how many rules the request broke
RULES_HEADER = "x-contract-rules"  # which ones (unique names, comma-separated)
# How much of an unread request body the server reads and discards before answering, so that a
# client still sending gets the answer (a reset connection otherwise loses it); past this, the
# answer goes out with `Connection: close`. Tomcat's maxSwallowSize is 2 MiB; bodies the mocks
# refuse for their size are a few MiB over their limits.
DRAIN_LIMIT = 16 * 1024 * 1024
DRAIN_SECONDS = 10.0

log = logging.getLogger("contracts.mock")


def served_apis(config: MockConfig) -> list[Api]:
    names = config.apis or tuple(api.name for api in all_apis())
    apis = [get_api(name) for name in names]
    return [api for api in apis if api.mock() is not None]


def build_app(
    config: MockConfig, store: Store | None = None, apis: list[Api] | None = None
) -> Starlette:
    """The ASGI app for a config; `store` defaults to the config's store file. `apis` serves
    these instead of the registered ones the config names (a spec read as the whole contract)."""
    config = config.with_db()
    store = store or Store(config.db or "")
    apis = served_apis(config) if apis is None else [a for a in apis if a.mock() is not None]
    routes: list[Route] = []
    for api in apis:
        mock = api.mock()
        assert mock is not None
        context = MockContext(api, store, config)
        for route in mock.routes(context):
            routes.append(
                Route(route.path, _endpoint(api, route, store), methods=[route.method.upper()])
            )
    routes += _reserved_routes(apis, config, store)
    middleware = [
        Middleware(AdminGuard, token=config.admin_token),
        Middleware(JournalRetention, path=str(store.path)),
        Middleware(DrainBody),
    ]
    app = Starlette(routes=routes, middleware=middleware)
    app.state.store = store
    app.state.config = config
    return app


def app_from_env() -> Starlette:
    """The app factory uvicorn workers call (`contracts mock --workers N`)."""
    app = build_app(MockConfig.from_json(os.environ[CONFIG_ENV]), apis=_spec_apis_from_env())
    settle_collector()
    return app


# The young generation's size before a collection in a server process (CPython's default: 700).
SERVER_GC_THRESHOLD = (50_000, 20, 100)


def settle_collector() -> None:
    """Tune the cycle collector of a process that is about to serve, and only serves (the
    `contracts mock` command, its workers): what start-up made (the app, the specs, the bot
    list's patterns) is frozen out of the collections, and the young generation is collected
    every 50,000 new containers instead of 700. A request holding 20 events makes a few
    hundred short-lived dicts, which reference counting frees anyway; at the default every few
    requests set off a collection (about 4% of a 20-event request's CPU in the mock). Never
    called in a process that runs anything else (a test suite serving a mock in a thread)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*SERVER_GC_THRESHOLD)


def _spec_apis_from_env() -> list[Api] | None:
    specs = os.environ.get(SPECS_ENV)
    if not specs:
        return None
    from .spec_api import load_spec_api

    return [load_spec_api(path) for path in specs.split(os.pathsep)]


def _endpoint(api: Api, route: MockRoute, store: Store) -> Callable[[Request], Awaitable[Response]]:
    operation = _is_operation(api, route)

    async def endpoint(request: Request) -> Response:
        answer = await _answer(api, route, request, store, operation)
        if answer is None:  # dropped: the connection is closed, nothing to answer or journal
            return Response(status_code=204)
        response = to_response(answer)
        request_type = request.headers.get("content-type", "")
        response_body = bytes(response.body) or None
        await store.record_exchange_grouped(
            JournalEntry(
                api=api.name,
                method=request.method,
                path=request.url.path,
                query=redact_query(request.url.query),
                request_headers=redact_headers(request.headers.items()),
                request_body=(
                    redact_body(answer.request_body, request_type)
                    if answer.request_body is not None
                    else None
                ),
                request_size=(
                    len(answer.request_body)
                    if answer.request_body is not None
                    else int(request.headers.get("content-length") or 0)
                ),
                status=answer.status,
                response_headers=redact_headers(response.headers.items()),
                response_body=(
                    redact_body(response_body, response.media_type or "")
                    if response_body is not None
                    else None
                ),
                violations=[v.to_dict() for v in answer.violations],
                at=time.time(),
            )
        )
        return response

    return endpoint


def _is_operation(api: Api, route: MockRoute) -> bool:
    """Whether a route serves an operation of the API's spec (not a helper endpoint a client SDK
    needs): only those get chosen answers, which are valid for the spec's operation."""
    return any(find_operation(spec, route.method, route.path) is not None for spec in api.specs())


async def _answer(
    api: Api, route: MockRoute, request: Request, store: Store, operation: bool
) -> Answer | None:
    """The handler's answer, or the one chosen for this request; None when the choice is to
    drop the connection. Never raises for what the request holds."""
    if operation:
        try:
            # An API that declares no answers of its own (a spec read as the whole contract)
            # leaves `Prefer` to its handler, which draws answers from the spec.
            prefer = request.headers.get("prefer") if chosen.documented(api) else None
            choice = chosen.prefer_choice(api, prefer)
            choice = choice or chosen.take(store, api.name)
        except chosen.AnswerError as error:
            return Answer(400, {"message": str(error)}, {"x-contract-error": "prefer"})
        if choice is not None:
            if choice.delay:
                await asyncio.sleep(choice.delay)
            if choice.drop:
                await drop_connection(request)
                return None
            if choice.name is not None:
                return chosen.documented(api)[choice.name].answer()
    try:
        return await route.handler(request)
    except ClientDisconnect:
        return Answer(400, {"message": "the client went away before its body was read"})
    except RecursionError:
        log.info("%s: a request nested too deeply on %s", api.name, request.url.path)
        return Answer(400, {"message": "The body is nested too deeply to be read."})
    except (ValueError, UnicodeError, OverflowError) as error:  # the input, not the mock
        # Still a finding about the mock (a handler should have said which rule): in the log.
        log.warning("%s mock could not read a request to %s", api.name, request.url.path,
                    exc_info=True)  # fmt: skip
        message = f"The request could not be read: {type(error).__name__}: {error}"
        return Answer(400, {"message": message[:500]})
    except Exception:  # a bug in a mock must still answer, and be seen in the log and journal
        log.exception("%s mock failed on %s %s", api.name, request.method, request.url.path)
        return Answer(500, {"message": f"the {api.name} mock failed; see its log"})


async def drop_connection(request: Request) -> None:
    """Close the client's connection without an answer (a chosen `drop`). Under uvicorn the
    request's receive channel belongs to the connection's cycle, which holds the transport;
    in process (httpx.ASGITransport) there is no connection, and the client sees an error."""
    transport = request.scope.get(TRANSPORT_KEY) or _transport_of(request.receive)
    if transport is None:
        raise ConnectionAbortedError("the chosen answer is a dropped connection")
    transport.abort()
    for _ in range(3):  # let the server see the connection lost before the endpoint returns
        await asyncio.sleep(0)


TRANSPORT_KEY = "contracts.transport"  # set in the scope by DrainBody, read by drop_connection


def _transport_of(receive: Any) -> Any:
    return getattr(getattr(receive, "__self__", None), "transport", None)


class DrainBody:
    """ASGI middleware: before an answer starts, read and discard what the app left unread of
    the request body (up to DRAIN_LIMIT bytes and DRAIN_SECONDS), as production servers do, so a
    client still sending its body reads the answer instead of a reset; past the limit the answer
    says `Connection: close`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope[TRANSPORT_KEY] = _transport_of(receive)  # before anything wraps receive
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"")
        pending = (length.isdigit() and int(length) > 0) or b"transfer-encoding" in headers
        state = {"pending": pending, "asked": False}

        async def tracked_receive() -> Message:
            state["asked"] = True
            message = await receive()
            if message["type"] != "http.request" or not message.get("more_body", False):
                state["pending"] = False
            return message

        async def draining_send(message: Message) -> None:
            if message["type"] == "http.response.start" and state["pending"]:
                waiting = headers.get(b"expect", b"").lower() == b"100-continue"
                if not (waiting and not state["asked"]):  # unasked for: nothing was sent
                    drained = await _drain(tracked_receive)
                    if not drained:
                        message = dict(message)
                        message["headers"] = [*message.get("headers", []),
                                              (b"connection", b"close")]  # fmt: skip
            await send(message)

        await self.app(scope, tracked_receive, draining_send)


async def _drain(receive: Receive) -> bool:
    """Read the rest of the request body, up to the limits; whether it all came."""
    size = 0
    deadline = time.monotonic() + DRAIN_SECONDS
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        try:
            message = await asyncio.wait_for(receive(), remaining)
        except TimeoutError:
            return False
        if message["type"] != "http.request":
            return True  # the client went away: nothing left to read
        size += len(message.get("body", b""))
        if not message.get("more_body", False):
            return True
        if size > DRAIN_LIMIT:
            return False


def to_response(answer: Answer) -> Response:
    headers = dict(answer.headers)
    if answer.violations:
        headers[VIOLATIONS_HEADER] = str(len(answer.violations))
        rules = list(dict.fromkeys(v.rule for v in answer.violations))
        headers[RULES_HEADER] = ",".join(rules[:20])
    if answer.body is None:
        return Response(status_code=answer.status, headers=headers)
    if isinstance(answer.body, bytes):
        return Response(answer.body, answer.status, headers, media_type=answer.media_type)
    return JSONResponse(answer.body, answer.status, headers, media_type=answer.media_type)


def _reserved_routes(apis: list[Api], config: MockConfig, store: Store) -> list[Route]:
    async def health(request: Request) -> Response:
        return JSONResponse({"apis": [api.name for api in apis], "strict": config.strict})

    journal = journal_endpoint(store)

    async def records(request: Request) -> Response:
        api, kind = request.path_params["api"], request.path_params["kind"]
        return JSONResponse([{"key": k, "value": v} for k, v in store.records(api, kind)])

    async def reset(request: Request) -> Response:
        store.reset(request.query_params.get("api"))
        return Response(status_code=204)

    by_name = {api.name: api for api in apis}

    def named_apis(request: Request) -> list[str] | Response:
        name = request.query_params.get("api")
        if name is not None and name not in by_name:
            return JSONResponse({"message": f"api: {name!r} is not served here"}, 400)
        return [name] if name else list(by_name)

    async def list_answers(request: Request) -> Response:
        names = named_apis(request)
        if isinstance(names, Response):
            return names
        return JSONResponse(
            [choice.to_dict() for name in names for _, choice in chosen.active(store, name)]
        )

    async def choose_answer(request: Request) -> Response:
        try:
            data = json.loads(await request.body())
        except (ValueError, RecursionError):
            return JSONResponse({"message": "expected a JSON object"}, 400)
        try:
            choice = chosen.choice_from_json(data, by_name)
        except chosen.AnswerError as error:
            return JSONResponse({"message": str(error)}, 400)
        chosen.add(store, choice)
        return JSONResponse(choice.to_dict(), 201)

    async def clear_answers(request: Request) -> Response:
        names = named_apis(request)
        if isinstance(names, Response):
            return names
        chosen.clear(store, names)
        return Response(status_code=204)

    return [
        Route(f"{RESERVED_PREFIX}/answers", list_answers, methods=["GET"]),
        Route(f"{RESERVED_PREFIX}/answers", choose_answer, methods=["POST"]),
        Route(f"{RESERVED_PREFIX}/answers", clear_answers, methods=["DELETE"]),
        Route(f"{RESERVED_PREFIX}/health", health, methods=["GET"]),
        Route(f"{RESERVED_PREFIX}/journal", journal, methods=["GET"]),
        Route(f"{RESERVED_PREFIX}/records/{{api}}/{{kind}}", records, methods=["GET"]),
        Route(f"{RESERVED_PREFIX}/reset", reset, methods=["POST"]),
    ]


# -- running it -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunningMock:
    """A mock server started by `running_mock`: its URL and its store (journal, state)."""

    url: str
    store: Store
    config: MockConfig

    def journal(self, api: str | None = None) -> list[JournalEntry]:
        return self.store.journal(api)

    def reset(self, api: str | None = None) -> None:
        self.store.reset(api)

    def answer(
        self,
        api: str,
        *,
        status: int | None = None,
        error: str | int | None = None,
        times: int | None = None,
        delay: float = 0.0,
        drop: bool = False,
    ) -> chosen.Choice:
        """Make the next requests to `api`'s operation (`times` of them, or all until cleared or
        reset) get one of its documented answers (by status or error name or code), after a
        delay, or a dropped connection: `answer("launchdarkly", status=429, times=1)`."""
        choice = chosen.choose(
            get_api(api), status=status, error=error, times=times, delay=delay, drop=drop
        )
        chosen.add(self.store, choice)
        return choice

    def clear_answers(self, api: str | None = None) -> None:
        chosen.clear(self.store, [api] if api else [a.name for a in served_apis(self.config)])


@contextmanager
def serving(app: Any, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve any ASGI app on a background thread (a free port by default); yields its URL."""
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, name="contracts-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the server did not start on {host}:{port}")
        time.sleep(0.01)
    bound = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{bound}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def running_mock(
    config: MockConfig | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    apis: list[Api] | None = None,
) -> Iterator[RunningMock]:
    """Serve the mock on a background thread (a free port by default) until the block ends."""
    config = (config or MockConfig()).with_db()
    store = Store(config.db or "")
    try:
        with serving(build_app(config, store, apis), host, port) as url:
            yield RunningMock(url, store, config)
    finally:
        store.close()


def serve(
    config: MockConfig, host: str, port: int, workers: int = 1, spec_files: tuple[str, ...] = ()
) -> None:
    """Serve in the foreground (the `contracts mock` command); `spec_files` are served as whole
    contracts instead of the registered APIs."""
    config = config.with_db()
    apis: list[Api] | None = None
    if spec_files:
        from .spec_api import load_spec_api

        apis = [load_spec_api(path) for path in spec_files]
        os.environ[SPECS_ENV] = os.pathsep.join(str(api.spec_path()) for api in apis)
    if workers > 1:
        os.environ[CONFIG_ENV] = config.to_json()
        uvicorn.run(
            "contracts.mock:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            access_log=False,  # the journal records every exchange
        )
    else:
        app = build_app(config, apis=apis)
        settle_collector()
        uvicorn.run(app, host=host, port=port, access_log=False)


__all__ = [
    "MockConfig",  # defined beside the handlers (contracts.handlers); the server's config
    "RunningMock",
    "app_from_env",
    "build_app",
    "running_mock",
    "serve",
    "served_apis",
    "serving",
    "to_response",
]
