"""The mock server: one ASGI app serving every API's mock routes, a journal and a reset.

Each vendor folder's `mock.py` defines `routes(ctx) -> list[MockRoute]`; a handler takes the request
and returns an `Answer`. This module turns answers into responses, journals every exchange in the
store, and serves the reserved routes under `/_contracts/`:

    GET  /_contracts/health                   which APIs are served, strict or not
    GET  /_contracts/journal?api=A&after=N    the journal (JSON list of exchanges)
    GET  /_contracts/records/{api}/{kind}     a mock's stored state (events, segments, ...)
    POST /_contracts/reset?api=A              forget journal and state (of one API, or all)
"""

from __future__ import annotations

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
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .api import Api
from .handlers import Answer, MockConfig, MockContext, MockRoute
from .journal import JournalEntry, redact_body, redact_headers, redact_query
from .registry import all_apis, get_api
from .store import Store

RESERVED_PREFIX = "/_contracts"
CONFIG_ENV = "CONTRACTS_MOCK_CONFIG"
SPECS_ENV = "CONTRACTS_MOCK_SPECS"  # spec files served as whole contracts (`--spec`), for workers
VIOLATIONS_HEADER = "x-contract-violations"  # how many rules the request broke
RULES_HEADER = "x-contract-rules"  # which ones (unique names, comma-separated)

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
    app = Starlette(routes=routes)
    app.state.store = store
    app.state.config = config
    return app


def app_from_env() -> Starlette:
    """The app factory uvicorn workers call (`contracts mock --workers N`)."""
    return build_app(MockConfig.from_json(os.environ[CONFIG_ENV]), apis=_spec_apis_from_env())


def _spec_apis_from_env() -> list[Api] | None:
    specs = os.environ.get(SPECS_ENV)
    if not specs:
        return None
    from .spec_api import load_spec_api

    return [load_spec_api(path) for path in specs.split(os.pathsep)]


def _endpoint(api: Api, route: MockRoute, store: Store) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        try:
            answer = await route.handler(request)
        except Exception:  # a bug in a mock must still answer, and be seen in the journal
            log.exception("%s mock failed on %s %s", api.name, request.method, request.url.path)
            answer = Answer(500, {"message": f"the {api.name} mock failed; see its log"})
        response = to_response(answer)
        request_type = request.headers.get("content-type", "")
        response_body = bytes(response.body) or None
        store.record_exchange(
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

    async def journal(request: Request) -> Response:
        try:
            after = int(request.query_params.get("after", "0"))
        except ValueError:
            return JSONResponse({"message": "after: not an integer"}, 400)
        entries = store.journal(request.query_params.get("api"), after)
        return JSONResponse([entry.to_dict() for entry in entries])

    async def records(request: Request) -> Response:
        api, kind = request.path_params["api"], request.path_params["kind"]
        return JSONResponse([{"key": k, "value": v} for k, v in store.records(api, kind)])

    async def reset(request: Request) -> Response:
        store.reset(request.query_params.get("api"))
        return Response(status_code=204)

    return [
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
        uvicorn.run(build_app(config, apis=apis), host=host, port=port, access_log=False)


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
