"""Sending probes: a rate-limited requests session, the body on the wire, what went out as the
rules read it, and each request as a curl command with its secrets filtered."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import requests
from schemathesis.core.failures import Failure

from .exchange import HttpRequest
from .journal import redact_url
from .secrecy import is_secret_header

if TYPE_CHECKING:
    from .context import Driver
    from .probes import Probe


class RateLimiter:
    def __init__(self, per_second: float | None) -> None:
        self.interval = 1.0 / per_second if per_second else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            delay = self._next - now
            self._next = max(now, self._next) + self.interval
        if delay > 0:
            time.sleep(delay)


class LimitedSession(requests.Session):
    """A requests session that keeps to the rate limit (schemathesis sends through it too)."""

    def __init__(self, limiter: RateLimiter) -> None:
        super().__init__()
        self.limiter = limiter

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        self.limiter.wait()
        return super().request(*args, **kwargs)


def curl_for(request: requests.PreparedRequest) -> str:
    """The request as a curl command, credentials filtered (headers and secret-named query
    values)."""
    import shlex

    parts = ["curl", "-X", str(request.method)]
    for name, value in request.headers.items():
        if name.lower() in (
            "content-length",
            "accept-encoding",
            "connection",
            "accept",
            "x-schemathesis-testcaseid",
        ):  # random: same seed, same text
            continue
        shown = "[Filtered]" if is_secret_header(name) else str(value)
        parts += ["-H", f"{name}: {shown}"]
    body = request.body
    if isinstance(body, (bytes, str)) and body:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        if len(text) > 2000:
            text = text[:2000] + "...(cut)"
        parts += ["--data-raw", text]
    parts.append(redact_url(str(request.url)))  # an API key in the query (`api_key=...`)
    return " ".join(shlex.quote(part) for part in parts)


class NoAnswerFailure(Failure):
    """The server closed the connection, or never answered."""

    code = "ST903"
    kind_title = "No answer"


@dataclass(frozen=True)
class NoAnswer:
    """Stands in for the response of a request that got none."""

    request: requests.PreparedRequest
    error: str
    status_code: None = None


def send(driver: Driver, probe: Probe, base_url: str, session: requests.Session) -> Any:
    case = probe.case
    if probe.retag:
        case.body = driver.room.unique(probe.untagged, driver.next_tag())
    if probe.generated:
        return case.call(base_url=base_url, session=session, headers=driver.credentials)
    path = driver.operation.path
    for name, value in (case.path_parameters or {}).items():
        path = path.replace("{" + name + "}", str(value))
    body = case.body
    if isinstance(body, str):
        data: bytes | None = body.encode("utf-8")
    elif isinstance(body, bytes):
        data = body
    elif body is None:
        data = None
    else:
        data = json.dumps(body).encode("utf-8")
    headers = dict(case.headers or {})
    headers.setdefault("Content-Type", case.media_type or "application/json")
    return session.request(
        driver.operation.method.upper(),
        base_url.rstrip("/") + path,
        params=case.query,
        headers=headers,
        data=data,
        timeout=30,
    )


def sent_request(response: requests.Response) -> HttpRequest:
    """What actually went over the wire, as the rules read requests."""
    request = response.request
    url = urlsplit(str(request.url))
    body = request.body or b""
    headers = {
        name.lower(): value.decode("latin-1") if isinstance(value, bytes) else value
        for name, value in request.headers.items()
    }
    return HttpRequest(
        str(request.method),
        url.path,
        parse_qs(url.query, keep_blank_values=True),
        headers,
        body.encode("utf-8") if isinstance(body, str) else body,  # type: ignore[arg-type]
    )


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")
