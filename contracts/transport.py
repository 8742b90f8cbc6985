"""Sending probes: a rate-limited requests session, the body on the wire, what went out as the
rules read it, and each request as a curl command with its secrets filtered."""

from __future__ import annotations

import email.utils
import json
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import requests
from schemathesis.core.failures import Failure

from .exchange import HttpRequest, parse_query
from .journal import redact_url
from .secrecy import is_secret_header

if TYPE_CHECKING:
    from .context import Driver
    from .probes import Probe


RETRY_STATUSES = frozenset({429, 503})  # answers whose Retry-After asks the client to come back
MAX_RETRIES = 3  # per request: past that, the last answer is checked as it is
MAX_RETRY_WAIT = 60.0  # seconds; a longer Retry-After is not waited out


class RateLimiter:
    """Spaces requests `1/per_second` apart; with `auto`, also pauses when the server's
    rate-limit headers say the budget is spent (`X-Ratelimit-*-Remaining: 0` until
    `X-Ratelimit-Reset`, in epoch milliseconds as LaunchDarkly documents, or in seconds)."""

    def __init__(self, per_second: float | None, auto: bool = False) -> None:
        self.interval = 1.0 / per_second if per_second else 0.0
        self.auto = auto
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        if not self.interval and not self.auto:
            return
        with self._lock:
            now = time.monotonic()
            delay = self._next - now
            self._next = max(now, self._next) + self.interval
        if delay > 0:
            time.sleep(delay)

    def observe(self, response: requests.Response) -> None:
        """Follow the server's rate-limit headers (only with `auto`)."""
        if not self.auto:
            return
        headers = {name.lower(): value for name, value in response.headers.items()}
        remaining = [
            value for name, value in headers.items()
            if name.startswith("x-ratelimit") and name.endswith("remaining")
        ]  # fmt: skip
        if not any(value.strip() == "0" for value in remaining):
            return
        pause = reset_in(headers.get("x-ratelimit-reset", ""))
        if pause is not None:
            with self._lock:
                self._next = max(self._next, time.monotonic() + min(pause, MAX_RETRY_WAIT))


def reset_in(value: str, now: float | None = None) -> float | None:
    """Seconds until a rate-limit reset given as epoch milliseconds, epoch seconds, or a delta."""
    try:
        number = float(value)
    except ValueError:
        return None
    now = time.time() if now is None else now
    if number > 1e11:  # epoch milliseconds
        return max(0.0, number / 1000 - now)
    if number > 1e9:  # epoch seconds
        return max(0.0, number - now)
    return max(0.0, number)


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds a Retry-After header asks to wait: delta-seconds or an HTTP date (RFC 9110)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class LimitedSession(requests.Session):
    """A requests session that keeps to the rate limit (schemathesis sends through it too) and
    respects the server: a 429 or 503 with Retry-After is waited out and sent again, at most
    MAX_RETRIES times; the waits are counted, and never a finding by themselves."""

    def __init__(self, limiter: RateLimiter, retry: bool = True) -> None:
        super().__init__()
        self.limiter = limiter
        self.retry = retry
        self.retries = 0
        self.waited = 0.0

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        attempt = 0
        while True:
            self.limiter.wait()
            response = super().request(*args, **kwargs)
            self.limiter.observe(response)
            if not self.retry or response.status_code not in RETRY_STATUSES:
                return response
            delay = retry_after(response.headers.get("retry-after"))
            if delay is None or delay > MAX_RETRY_WAIT or attempt >= MAX_RETRIES:
                return response
            attempt += 1
            self.retries += 1
            self.waited += delay
            time.sleep(delay)


def request_record(request: requests.PreparedRequest) -> dict[str, Any]:
    """A sent request as data a later `contracts replay` can send again (secrets filtered)."""
    body = request.body
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else (body or "")
    headers = {
        name: "[Filtered]" if is_secret_header(name) else str(value)
        for name, value in request.headers.items()
        if name.lower() not in ("content-length", "x-schemathesis-testcaseid")
    }
    return {"method": str(request.method), "url": str(request.url), "headers": headers,
            "body": str(text)}  # fmt: skip


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
        parse_query(url.query),
        headers,
        body.encode("utf-8") if isinstance(body, str) else body,  # type: ignore[arg-type]
    )


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")
