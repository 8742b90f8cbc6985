"""Servers the tests start as subprocesses on 127.0.0.1: a free port, and waiting until one
answers `/_contracts/health` (or gave up: exited, or not up within the deadline); and a request
handed to an app in the test's own process."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import time
from collections.abc import Callable, Sequence
from typing import Any

import httpx


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_serving(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    """Return once `url` answers; RuntimeError with the process's output when it cannot."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            httpx.get(f"{url}/_contracts/health", timeout=1)
            return
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                stream = process.stderr or process.stdout
                output = stream.read() if stream is not None and process.poll() is not None else b""
                raise RuntimeError(f"{url} did not start: {output!r}") from None
            time.sleep(0.1)


async def post_in_process(
    app: Any,
    path: str,
    query: bytes,
    body: bytes,
    headers: Sequence[tuple[bytes, bytes]] = (),
    on_start: Callable[[dict[str, Any]], None] | None = None,
) -> tuple[int, dict[bytes, bytes]]:
    """POST `body` to an ASGI app in this process, handed over in one piece as a server would
    (no socket: concurrent calls share the caller's event loop, and so the store's group
    commits); the answer's status and headers. `on_start` sees the answer's start message at
    the moment the app sends it, before anything of the answer has left."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": query,
        "root_path": "", "headers": [(b"content-length", str(len(body)).encode()), *headers],
        "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
    }  # fmt: skip
    delivered = False
    start: dict[str, Any] = {}

    async def receive() -> dict[str, Any]:
        nonlocal delivered
        if delivered:  # the body was all there is: wait as a quiet client would
            await asyncio.sleep(3600)
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
            if on_start is not None:
                on_start(message)

    await app(scope, receive, send)
    return start["status"], dict(start.get("headers", []))
