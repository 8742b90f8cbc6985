"""A validating proxy between an application and a server (the vendor's sandbox, or the mock):

    application -> contracts proxy --upstream URL -> server

Every request and answer is forwarded unchanged (any method; status, headers and body kept; the
answer streamed as it comes) except for hop-by-hop headers, and checked against the contract of
the operation its path matches (`contracts.verify.match`): the request by the API's rules, the
answer by the spec (`contracts.validation.check_response`). The request's violations are added to
the answer as the mock adds them (`x-contract-violations`, `x-contract-rules`); both sides'
violations go in the journal, whose exchanges `contracts verify` reads as a HAR file (`--record`).
`--strict` answers a request that breaks an error rule with 400 and the list, without forwarding.

Control routes, as the mock's: GET /_contracts/health, GET /_contracts/journal?api=A&after=N,
POST /_contracts/reset, GET /_contracts/har (the journal as HAR).
"""

from __future__ import annotations

import logging
import time
import zlib
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from .control import RESERVED_PREFIX, AdminGuard, journal_endpoint
from .exchange import HttpRequest, HttpResponse
from .har import Exchange, journal_exchange, to_har, write_har
from .journal import JournalEntry, redact_body, redact_headers, redact_query
from .mock import RULES_HEADER, VIOLATIONS_HEADER, DrainBody, serving
from .retention import JournalRetention
from .store import Store
from .validation import check_response
from .verify import Target, match, selected_apis
from .violations import Violation, errors

log = logging.getLogger("contracts.proxy")

# Bodies up to this size are checked; a larger request is forwarded unchecked (streamed on), a
# larger answer streamed with only its status and headers checked.
CHECK_LIMIT = 8 * 1024 * 1024
# Headers that belong to one connection, not to the message (RFC 9110 7.6.1), and Host, which
# names the upstream once forwarded.
HOP_BY_HOP = frozenset(
    {
        "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "proxy-connection",
    }
)  # fmt: skip


@dataclass(frozen=True)
class ProxyConfig:
    upstream: str  # the server's base URL
    apis: tuple[str, ...] = ()  # check against these APIs only; empty: every registered API
    edition: str | None = None
    strict: bool = False  # refuse a request that breaks an error rule (400), do not forward it
    db: str | None = None  # the journal's store file; None: a temporary one
    record: str | None = None  # write the journal as a HAR file here when the proxy stops
    admin_token: str | None = None  # required on /_contracts/* (beyond loopback)
    timeout: float = 60.0  # seconds to wait for the upstream


def _forwarded_headers(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(k, v) for k, v in items if k.lower() not in HOP_BY_HOP and k.lower() != "host"]


def _decoded(body: bytes, encoding: str) -> bytes | None:
    """The body as the checks read it, or None when its encoding is not one we undo."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    try:
        if encoding in ("gzip", "x-gzip"):
            return zlib.decompress(body, 16 + zlib.MAX_WBITS)
        if encoding == "deflate":
            return zlib.decompress(body)
    except zlib.error:
        return None
    return None


def check_request_safely(target: Target, request: HttpRequest) -> list[Violation]:
    """The rules' verdict on a request; a rule book that cannot read it is a violation too."""
    try:
        return target.api.rules().check_request(request, target.edition)
    except RecursionError:
        return [Violation("json", "body", "is nested too deeply to be read", target.spec.doc())]
    except (ValueError, UnicodeError) as error:  # a rule book should never raise: logged
        log.warning("%s rules failed on a request", target.api.name, exc_info=True)
        return [Violation("unreadable", "body", f"could not be read ({error})", target.spec.doc())]


def _with_violations(
    headers: list[tuple[str, str]], found: list[Violation]
) -> list[tuple[str, str]]:
    kept = [(k, v) for k, v in headers if k.lower() not in (VIOLATIONS_HEADER, RULES_HEADER)]
    if found:
        rules = list(dict.fromkeys(v.rule for v in found))
        kept += [(VIOLATIONS_HEADER, str(len(found))), (RULES_HEADER, ",".join(rules[:20]))]
    return kept


UPSTREAM_IDLE_SECONDS = 2.0  # idle upstream connections kept this long (build_proxy says why)


def build_proxy(config: ProxyConfig, store: Store) -> Starlette:
    apis = selected_apis(config.apis, config.edition)
    upstream = config.upstream.rstrip("/")
    state: dict[str, httpx.AsyncClient] = {}

    def client() -> httpx.AsyncClient:
        # One pool per app, made in the server's event loop; no redirects followed (forwarded
        # as they are), no proxy from the environment, no decoding of the answer. An idle
        # connection is let go after 2 s, before the upstream closes it: httpx keeps one 5 s by
        # default, as long as uvicorn (our mocks) and many servers keep it open, and a request
        # sent on it as the server closes it is reset (a 502 here, seen once in the soak test).
        if "client" not in state:
            state["client"] = httpx.AsyncClient(
                timeout=config.timeout,
                follow_redirects=False,
                trust_env=False,
                limits=httpx.Limits(
                    max_connections=100,  # these two as httpx sets them by default
                    max_keepalive_connections=20,
                    keepalive_expiry=UPSTREAM_IDLE_SECONDS,
                ),
            )
        return state["client"]

    def journal(
        target: Target | None,
        request: Request,
        body: bytes | None,
        size: int,
        status: int,
        response_headers: list[tuple[str, str]],
        response_body: bytes | None,
        found: list[Violation],
    ) -> None:
        content_type = dict((k.lower(), v) for k, v in response_headers).get("content-type", "")
        store.record_exchange(
            JournalEntry(
                api=target.api.name if target else "",
                method=request.method,
                path=request.url.path,
                query=redact_query(request.url.query),
                request_headers=redact_headers(request.headers.items()),
                request_body=(
                    redact_body(body, request.headers.get("content-type", ""))
                    if body is not None
                    else None
                ),
                request_size=size,
                status=status,
                response_headers=redact_headers(response_headers),
                response_body=(
                    redact_body(response_body, content_type) if response_body is not None else None
                ),
                violations=[v.to_dict() for v in found],
                at=time.time(),
            )
        )

    async def forward(request: Request) -> Response:
        # The body, whole when it is small enough to check; else its start, the rest streamed.
        chunks: list[bytes] = []
        size = 0
        stream = request.stream()
        complete = True
        try:
            async for chunk in stream:
                chunks.append(chunk)
                size += len(chunk)
                if size > CHECK_LIMIT:
                    complete = False
                    break
        except ClientDisconnect:
            return Response(status_code=400)
        head = b"".join(chunks)
        checked = HttpRequest.build(
            request.method, request.url.path, request.url.query, dict(request.headers),
            head if complete else b"",
        )  # fmt: skip
        exchange = Exchange(str(request.url), checked, None)
        target = match(exchange, apis, config.edition)
        found: list[Violation] = []
        if target is not None and complete:
            found = check_request_safely(target, checked)
        if config.strict and errors(found):
            named = "; ".join(str(v) for v in errors(found)[:5])
            refusal = {
                "message": f"contracts proxy (strict): not forwarded: {named}",
                "violations": [v.to_dict() for v in found],
            }
            refused = JSONResponse(refusal, 400)
            headers = _with_violations(
                [(k.decode("latin-1"), v.decode("latin-1")) for k, v in refused.raw_headers],
                found,
            )
            journal(target, request, head, size, 400, headers, bytes(refused.body), found)
            return _raw(Response(refused.body, 400), headers)

        async def body_stream() -> AsyncIterator[bytes]:
            yield head
            if not complete:
                async for chunk in stream:
                    yield chunk

        url = upstream + request.url.path + (f"?{request.url.query}" if request.url.query else "")
        outgoing = client().build_request(
            request.method,
            url,
            headers=_forwarded_headers(request.headers.items()),
            content=head if complete else body_stream(),
        )
        try:
            answer = await client().send(outgoing, stream=True)
        except httpx.HTTPError as error:
            message = f"contracts proxy: the upstream {upstream} did not answer ({error!r})"
            log.warning(message)
            journal(target, request, head, size, 502, [], None, found)
            return JSONResponse({"message": message}, 502)

        response_headers = _forwarded_headers(
            [(k.decode("latin-1"), v.decode("latin-1")) for k, v in answer.headers.raw]
        )
        kept: list[bytes] = []
        kept_size = 0

        async def relay() -> AsyncIterator[bytes]:
            # The last chunk is held back until the exchange is checked and journaled, so a
            # client that has its whole answer finds it in the journal.
            nonlocal kept_size
            held: bytes | None = None
            try:
                async for chunk in answer.aiter_raw():
                    if kept_size <= CHECK_LIMIT:
                        kept.append(chunk)
                        kept_size += len(chunk)
                    if held is not None:
                        yield held
                    held = chunk
            finally:
                await answer.aclose()
            finish()
            if held is not None:
                yield held

        def finish() -> None:
            raw = b"".join(kept) if kept_size <= CHECK_LIMIT else None
            body = _decoded(raw, answer.headers.get("content-encoding", "")) if raw else raw
            answer_found: list[Violation] = []
            if target is not None:
                checked_answer = HttpResponse(
                    answer.status_code,
                    {k.lower(): v for k, v in response_headers},
                    body or b"",
                )
                answer_found = check_response(target.spec, target.operation, checked_answer)
                if body is None and raw is not None:
                    answer_found = [  # an encoding we do not undo: the body is not checked
                        v for v in answer_found if not v.field.startswith("response.body")
                    ]
            journal(
                target, request, head if complete else None, size,
                answer.status_code, response_headers, body, [*found, *answer_found],
            )  # fmt: skip

        response = StreamingResponse(relay(), answer.status_code)
        return _raw(response, _with_violations(response_headers, found))

    async def health(request: Request) -> Response:
        return JSONResponse(
            {"upstream": upstream, "apis": [a.name for a in apis], "strict": config.strict}
        )

    journal_route = journal_endpoint(store)

    async def har(request: Request) -> Response:
        return JSONResponse(to_har(exchanges(store, upstream)))

    async def reset(request: Request) -> Response:
        store.reset(request.query_params.get("api"))
        return Response(status_code=204)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if "client" in state:
            await state["client"].aclose()
        if config.record:
            write_har(exchanges(store, upstream), config.record)

    methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    routes = [
        Route(f"{RESERVED_PREFIX}/health", health, methods=["GET"]),
        Route(f"{RESERVED_PREFIX}/journal", journal_route, methods=["GET"]),
        Route(f"{RESERVED_PREFIX}/har", har, methods=["GET"]),
        Route(f"{RESERVED_PREFIX}/reset", reset, methods=["POST"]),
        Route("/{path:path}", forward, methods=methods),
    ]
    middleware = [
        Middleware(AdminGuard, token=config.admin_token),
        Middleware(JournalRetention, path=str(store.path)),
        Middleware(DrainBody),
    ]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.store = store
    return app


def _raw(response: Response, headers: list[tuple[str, str]]) -> Response:
    """The response with exactly these headers (repeated ones kept, e.g. Set-Cookie)."""
    response.raw_headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    return response


def exchanges(store: Store, upstream: str) -> list[Exchange]:
    """The journal's exchanges, URLs on the upstream, as `contracts verify` reads them."""
    return [journal_exchange(entry, upstream) for entry in store.journal()]


# -- running it -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunningProxy:
    url: str
    store: Store
    config: ProxyConfig

    def journal(self, api: str | None = None) -> list[JournalEntry]:
        return self.store.journal(api)

    def write_har(self, path: str | Path) -> None:
        write_har(exchanges(self.store, self.config.upstream.rstrip("/")), path)


def _store_path(config: ProxyConfig) -> str:
    if config.db:
        return config.db
    import tempfile

    return str(Path(tempfile.mkdtemp(prefix="contracts-proxy-")) / "proxy.sqlite3")


@contextmanager
def running_proxy(
    config: ProxyConfig, host: str = "127.0.0.1", port: int = 0
) -> Iterator[RunningProxy]:
    """Serve the proxy on a background thread until the block ends (then write --record)."""
    store = Store(_store_path(config))
    try:
        with serving(build_proxy(config, store), host, port) as url:
            yield RunningProxy(url, store, config)
        if config.record:
            write_har(exchanges(store, config.upstream.rstrip("/")), config.record)
    finally:
        store.close()


def serve_proxy(config: ProxyConfig, host: str, port: int) -> None:
    """Serve in the foreground (the `contracts proxy` command); the HAR is written on exit."""
    import uvicorn

    store = Store(_store_path(config))
    try:
        uvicorn.run(build_proxy(config, store), host=host, port=port, access_log=False)
    finally:
        store.close()


__all__ = ["ProxyConfig", "RunningProxy", "build_proxy", "running_proxy", "serve_proxy"]
