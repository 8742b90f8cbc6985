"""`contracts replay`: one stored failure sent again, and the exchange printed.

A failure in report.json keeps its request (method, URL, headers with secrets filtered, body);
replaying puts the run's credentials back where the report shows `[Filtered]`, and can aim at
another base URL (the sandbox after a fix, say). The fuzz corpus keeps Hypothesis' choice
sequences rather than requests: a failure found while fuzzing is replayed by the next `fuzz` or
`check` with the same --db (it runs first), and its report.json entry by this command.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from rich.console import Console
from rich.markup import escape

from .errors import InputError
from .secrecy import is_secret_header
from .transport import LimitedSession, RateLimiter

FILTERED = "[Filtered]"


@dataclass(frozen=True)
class StoredFailure:
    api: str
    title: str
    request: dict[str, Any]


def load_failure(path: str, number: int) -> StoredFailure:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        findings = data["findings"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{path}: not a report.json of contracts check ({error})") from None
    if not 1 <= number <= len(findings):
        raise InputError(f"{path} lists {len(findings)} failures: there is no number {number}")
    finding = findings[number - 1]
    request = finding.get("request") or {}
    if not request.get("url"):
        raise InputError(f"{path}: failure {number} has no recorded request to send again")
    return StoredFailure(str(finding["api"]), str(finding["title"]), request)


def send_again(
    failure: StoredFailure, base_url: str | None, credentials: dict[str, str]
) -> tuple[requests.PreparedRequest, requests.Response]:
    stored = failure.request
    url = str(stored["url"])
    if base_url:
        target, old = urlsplit(base_url), urlsplit(url)
        base_path = target.path.rstrip("/")
        url = urlunsplit((target.scheme, target.netloc, base_path + old.path, old.query, ""))
    headers = {k: v for k, v in dict(stored.get("headers") or {}).items() if v != FILTERED}
    lowered = {name.lower() for name in headers}
    headers |= {k: v for k, v in credentials.items() if k.lower() not in lowered}
    body = str(stored.get("body") or "").encode("utf-8")
    session = LimitedSession(RateLimiter(None))
    prepared = session.prepare_request(
        requests.Request(str(stored.get("method", "POST")), url, headers=headers, data=body)
    )
    try:
        response = session.send(prepared, timeout=30)
    except requests.RequestException as error:
        raise InputError(f"cannot reach {url}: {type(error).__name__}") from None
    return prepared, response


def print_exchange(
    request: requests.PreparedRequest, response: requests.Response, console: Console
) -> None:
    console.print(f"[bold]> {request.method} {escape(str(request.url))}[/]", highlight=False)
    for name, value in request.headers.items():
        shown = FILTERED if is_secret_header(name) else value
        console.print(f"> {escape(name)}: {escape(str(shown))}", highlight=False)
    body = request.body
    if body:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else str(body)
        console.print(escape(text[:4000]), highlight=False, soft_wrap=True)
    console.print(f"\n[bold]< {response.status_code} {escape(response.reason or '')}[/]",
                  highlight=False)  # fmt: skip
    for name, value in response.headers.items():
        console.print(f"< {escape(name)}: {escape(value)}", highlight=False)
    if response.content:
        console.print(escape(response.text[:4000]), highlight=False, soft_wrap=True)
