"""Who may use the control routes (`/_contracts/*`: journal, records, reset, answers) of a mock or
proxy: anyone on this machine when it listens on loopback only; beyond loopback, only a client
presenting the admin token (`X-Contracts-Admin: T` or `Authorization: Bearer T`)."""

from __future__ import annotations

import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from .store import Store

RESERVED_PREFIX = "/_contracts"
ADMIN_HEADER = "x-contracts-admin"


def is_loopback_host(host: str) -> bool:
    """Whether a listening address reaches this machine only (127.x, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve anywhere


def admin_token_for(host: str, given: str | None) -> str | None:
    """The admin token to require: the one given; else, beyond loopback, a new random one (the
    command prints it); on loopback with none given, none."""
    if given:
        return given
    return None if is_loopback_host(host) else secrets.token_urlsafe(24)


class AdminGuard:
    """ASGI middleware: `/_contracts/*` answers 401 unless the request carries the token."""

    def __init__(self, app: ASGIApp, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self.token is not None
            and scope["type"] == "http"
            and str(scope.get("path", "")).startswith(RESERVED_PREFIX)
            and not self._allowed(dict(scope.get("headers") or []))
        ):
            message = (
                f"{RESERVED_PREFIX}/* needs the admin token: send it as '{ADMIN_HEADER}: TOKEN'"
                " (printed when the server started, or given with --admin-token)"
            )
            await JSONResponse({"message": message}, 401)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _allowed(self, headers: dict[bytes, bytes]) -> bool:
        assert self.token is not None
        presented = headers.get(ADMIN_HEADER.encode(), b"")
        authorization = headers.get(b"authorization", b"")
        if not presented and authorization[:7].lower() == b"bearer ":
            presented = authorization[7:].strip()
        return hmac.compare_digest(presented, self.token)


def journal_endpoint(store: Store) -> Callable[[Request], Awaitable[Response]]:
    """`GET /_contracts/journal?api=A&after=N`, the same on the mock and the proxy."""

    async def journal(request: Request) -> Response:
        try:
            after = int(request.query_params.get("after", "0"))
        except ValueError:
            return JSONResponse({"message": "after: not an integer"}, 400)
        entries = store.journal(request.query_params.get("api"), after)
        return JSONResponse([entry.to_dict() for entry in entries])

    return journal
