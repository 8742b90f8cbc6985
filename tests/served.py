"""Servers the tests start as subprocesses on 127.0.0.1: a free port, and waiting until one
answers `/_contracts/health` (or gave up: exited, or not up within the deadline)."""

from __future__ import annotations

import socket
import subprocess
import time

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
