"""A throwaway Redis server for the tests: Debian's `redis-server` on 127.0.0.1, a free port, no
persistence (`--save '' --appendonly no`), stopped when the block ends.

`.ci/run` installs the server, so on CI (CI=true) a server that cannot start is an error, not a
skip: the real-Redis tests must run there.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

START_TIMEOUT = 10.0  # seconds for the server to answer PING


class RedisUnavailable(RuntimeError):
    """No Redis server could be started here (why, in the message)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(port: int) -> bool:
    """Whether a Redis server on the port answers PING (plain RESP, no client library)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith((b"+PONG", b"-NOAUTH"))  # up, with a password
    except OSError:
        return False


@contextmanager
def redis_server(*options: str) -> Iterator[str]:
    """A fresh redis-server (with more command-line `options`, e.g. `--requirepass`); yields its
    URL (redis://127.0.0.1:PORT/0). RedisUnavailable when the executable is missing or the
    server does not come up."""
    executable = shutil.which("redis-server")
    if executable is None:
        raise RedisUnavailable("redis-server is not installed (apt-get install -y redis-server)")
    for _ in range(3):  # another process may take the free port between probe and bind
        port = _free_port()
        process = subprocess.Popen(
            [executable, "--bind", "127.0.0.1", "--port", str(port), "--save", "",
             "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning", *options],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        deadline = time.monotonic() + START_TIMEOUT
        while process.poll() is None and time.monotonic() < deadline and not _answers(port):
            time.sleep(0.05)
        if process.poll() is None and _answers(port):
            break
        process.kill()
        _, error = process.communicate()
        last_error = error.decode("utf-8", "replace").strip()[-300:]
    else:
        raise RedisUnavailable(f"redis-server did not start: {last_error or 'no output'}")
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
