"""Recorded traffic: HAR 1.2 files (as browsers and proxies export them) and the mock's journal
export, read into `Exchange`s; HAR written back; and `HarRecorder`, an httpx transport that records
real exchanges.

Reading takes either format, told apart by content (`read_traffic`): a HAR file is a JSON object
with `log.entries`, a journal export is the JSON list `GET /_contracts/journal` returns. Bodies may
be base64 (`encoding: "base64"` in HAR, `body_base64` in the journal). A body the recording did not
keep (a HAR entry with a `bodySize` but no `postData`, a journal entry whose body the mock refused
unread) is marked as not recorded, so checks do not mistake it for an empty body.

Writing redacts what must not land in a file: secret header values (`journal.redact_headers`),
secret-named query values and secret-named fields of form and JSON bodies (OAuth tokens, client
secrets, passwords) become `<redacted>`. HAR 1.2: http://www.softwareishard.com/blog/har-12-spec/
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit

import httpx

from .errors import InputError
from .exchange import HttpRequest, HttpResponse
from .journal import (
    JournalEntry,
    redact_body,
    redact_headers,
    redact_url,
)

TrafficFormat = Literal["har", "journal"]


class TrafficError(InputError):
    """A traffic file that cannot be read: not JSON, neither format, or a malformed entry."""


@dataclass(frozen=True)
class Exchange:
    """One request and its response, as recorded.

    `url` is the full URL as sent; `request.path` is its decoded path. `request_body_recorded` is
    False when the recording did not keep the request body (its `request.body` is then empty);
    `response` is None when no response was recorded (a HAR entry with status 0: aborted).
    """

    url: str
    request: HttpRequest
    response: HttpResponse | None
    started: str = ""  # ISO 8601, as HAR's startedDateTime
    time_ms: float = 0.0
    http_version: str = "HTTP/1.1"
    request_body_recorded: bool = True
    response_body_recorded: bool = True


# -- reading ----------------------------------------------------------------------------------


def read_traffic(path: str | Path) -> tuple[TrafficFormat, list[Exchange]]:
    """The exchanges of a HAR file or a journal export, and which of the two it was."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise TrafficError(f"{path}: no such file") from None
    except OSError as error:
        raise TrafficError(f"{path}: cannot be read ({error.strerror})") from None
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise TrafficError(
            f"{path}: not JSON ({error}); expected a HAR file or a journal"
        ) from None
    except RecursionError:
        raise TrafficError(f"{path}: JSON nested too deeply to read") from None
    if isinstance(data, dict) and isinstance(data.get("log"), dict) and "entries" in data["log"]:
        return "har", har_exchanges(data, str(path))
    if isinstance(data, list) and all(_is_journal_entry(item) for item in data):
        return "journal", journal_exchanges(data, str(path))
    raise TrafficError(
        f"{path}: neither a HAR file (an object with log.entries) nor a contracts journal export"
        " (the JSON list GET /_contracts/journal returns)"
    )


def read_har(path: str | Path) -> list[Exchange]:
    found, exchanges = read_traffic(path)
    if found != "har":
        raise TrafficError(f"{path}: a journal export, not a HAR file")
    return exchanges


def _is_journal_entry(item: Any) -> bool:
    return isinstance(item, dict) and {"api", "request", "response"} <= set(item)


def har_exchanges(document: Mapping[str, Any], source: str = "HAR") -> list[Exchange]:
    entries = document["log"]["entries"]
    if not isinstance(entries, list):
        raise TrafficError(f"{source}: log.entries is not a list")
    exchanges = []
    for index, entry in enumerate(entries):
        try:
            exchanges.append(_har_exchange(entry))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            what = f"missing {error}" if isinstance(error, KeyError) else str(error)
            raise TrafficError(
                f"{source}: log.entries[{index}] is not a HAR entry ({what})"
            ) from None
    return exchanges


def _har_headers(headers: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    joined: dict[str, str] = {}
    for header in headers:
        name = str(header["name"]).lower()
        if name.startswith(":"):  # HTTP/2 pseudo-headers: the URL and status say the same
            continue
        value = str(header["value"])
        joined[name] = f"{joined[name]}, {value}" if name in joined else value
    return joined


def _decode(text: Any, encoding: Any) -> bytes:
    if text is None:
        return b""
    if encoding == "base64":
        return base64.b64decode(str(text))
    return str(text).encode("utf-8")


def _har_exchange(entry: Mapping[str, Any]) -> Exchange:
    request, response = entry["request"], entry["response"]
    url = str(request["url"])
    split = urlsplit(url)
    headers = _har_headers(request.get("headers", []))
    post = request.get("postData")
    body_recorded = True
    if post is not None:
        if "text" in post:
            body = _decode(post.get("text"), post.get("encoding"))
        else:  # a form posted as params only
            pairs = [(str(p["name"]), str(p.get("value", ""))) for p in post.get("params", [])]
            body = urlencode(pairs).encode("ascii")
        if "content-type" not in headers and post.get("mimeType"):
            headers["content-type"] = str(post["mimeType"])
    else:
        body = b""
        body_recorded = int(request.get("bodySize", 0) or 0) <= 0
    http_request = HttpRequest.build(request["method"], unquote(split.path) or "/", split.query,
                                     headers, body)  # fmt: skip
    status = int(response["status"])
    http_response = None
    response_recorded = True
    if status > 0:
        content = response.get("content", {})
        response_headers = _har_headers(response.get("headers", []))
        if "content-type" not in response_headers and content.get("mimeType"):
            response_headers["content-type"] = str(content["mimeType"])
        response_recorded = "text" in content or int(content.get("size", 0) or 0) <= 0
        http_response = HttpResponse(
            status, response_headers, _decode(content.get("text"), content.get("encoding"))
        )
    return Exchange(
        url=url,
        request=http_request,
        response=http_response,
        started=str(entry.get("startedDateTime", "")),
        time_ms=float(entry.get("time", 0) or 0),
        http_version=str(request.get("httpVersion", "HTTP/1.1")),
        request_body_recorded=body_recorded,
        response_body_recorded=response_recorded,
    )


def journal_exchanges(entries: list[dict[str, Any]], source: str = "journal") -> list[Exchange]:
    """Exchanges from a journal export; URLs are rebuilt from the Host header the mock saw."""
    exchanges = []
    for index, data in enumerate(entries):
        try:
            exchanges.append(journal_exchange(JournalEntry.from_dict(data)))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            what = f"missing {error}" if isinstance(error, KeyError) else str(error)
            raise TrafficError(
                f"{source}: entry [{index}] is not a journal entry ({what})"
            ) from None
    return exchanges


def journal_exchange(entry: JournalEntry, base_url: str | None = None) -> Exchange:
    headers = {str(k).lower(): str(v) for k, v in entry.request_headers.items()}
    if base_url is None:
        base_url = f"http://{headers.get('host', 'localhost')}"
    path = quote(entry.path, safe="/:@!$&'()*+,;=-._~")  # the journal keeps it decoded
    url = base_url.rstrip("/") + path + (f"?{entry.query}" if entry.query else "")
    request = HttpRequest.build(
        entry.method, entry.path, entry.query, headers, entry.request_body or b""
    )
    response = HttpResponse(
        entry.status,
        {str(k).lower(): str(v) for k, v in entry.response_headers.items()},
        entry.response_body or b"",
    )
    return Exchange(
        url=url,
        request=request,
        response=response,
        started=_iso(entry.at) if entry.at else "",
        # None with a size is a body the mock refused unread; None with none, no body at all.
        request_body_recorded=entry.request_body is not None or entry.request_size == 0,
    )


# -- writing ----------------------------------------------------------------------------------


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds")


def _har_header_list(headers: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"name": name, "value": value} for name, value in redact_headers(dict(headers)).items()]


def _text(body: bytes) -> dict[str, str]:
    try:
        return {"text": body.decode("utf-8")}
    except UnicodeDecodeError:
        return {"text": base64.b64encode(body).decode("ascii"), "encoding": "base64"}


def _status_text(status: int) -> str:
    try:
        return httpx.codes.get_reason_phrase(status)
    except ValueError:
        return ""


def har_entry(exchange: Exchange) -> dict[str, Any]:
    """One HAR 1.2 entry, secrets redacted."""
    request, response = exchange.request, exchange.response
    url = redact_url(exchange.url)
    media_type = request.header("content-type") or ""
    entry_request: dict[str, Any] = {
        "method": request.method,
        "url": url,
        "httpVersion": exchange.http_version,
        "cookies": [],
        "headers": _har_header_list(request.headers),
        "queryString": [
            {"name": name, "value": value}
            for name, value in parse_qsl(urlsplit(url).query, keep_blank_values=True)
        ],
        "headersSize": -1,
        "bodySize": len(request.body) if exchange.request_body_recorded else -1,
    }
    if request.body and exchange.request_body_recorded:
        body = redact_body(request.body, media_type)
        entry_request["postData"] = {"mimeType": media_type, **_text(body)}
        entry_request["bodySize"] = len(body)
    if response is None:
        entry_response: dict[str, Any] = {
            "status": 0, "statusText": "", "httpVersion": "", "cookies": [], "headers": [],
            "content": {"size": 0, "mimeType": ""}, "redirectURL": "", "headersSize": -1,
            "bodySize": -1,
        }  # fmt: skip
    else:
        response_type = response.header("content-type") or ""
        body = redact_body(response.body, response_type)
        headers = dict(response.headers)
        if body != response.body and "content-length" in headers:
            headers["content-length"] = str(len(body))  # the redacted body's, not the original's
        content: dict[str, Any] = {"size": len(body), "mimeType": response_type}
        if exchange.response_body_recorded:
            content.update(_text(body))
        entry_response = {
            "status": response.status,
            "statusText": _status_text(response.status),
            "httpVersion": exchange.http_version,
            "cookies": [],
            "headers": _har_header_list(headers),
            "content": content,
            "redirectURL": response.header("location") or "",
            "headersSize": -1,
            "bodySize": len(body) if exchange.response_body_recorded else -1,
        }
    return {
        "startedDateTime": exchange.started or _iso(time.time()),
        "time": exchange.time_ms,
        "request": entry_request,
        "response": entry_response,
        "cache": {},
        "timings": {"send": 0, "wait": exchange.time_ms, "receive": 0},
    }


def _creator() -> dict[str, str]:
    try:
        return {"name": "contracts", "version": version("contracts")}
    except PackageNotFoundError:
        return {"name": "contracts", "version": "0"}


def to_har(exchanges: Iterable[Exchange]) -> dict[str, Any]:
    return {
        "log": {
            "version": "1.2",
            "creator": _creator(),
            "entries": [har_entry(exchange) for exchange in exchanges],
        }
    }


def write_har(exchanges: Iterable[Exchange], path: str | Path) -> None:
    """Write exchanges as a HAR 1.2 file, secrets redacted."""
    Path(path).write_text(json.dumps(to_har(exchanges), indent=2, ensure_ascii=False) + "\n",
                          encoding="utf-8")  # fmt: skip


def journal_to_har(entries: Iterable[JournalEntry], path: str | Path, base_url: str) -> None:
    """A mock's journal (entries, or `GET /_contracts/journal` rows read with `from_dict`) as a
    HAR file, URLs on `base_url` (the mock's)."""
    write_har([journal_exchange(entry, base_url) for entry in entries], path)


# -- recording --------------------------------------------------------------------------------


@dataclass
class HarRecorder(httpx.BaseTransport):
    """An httpx transport that records every exchange it carries, as sent and as answered.

        recorder = HarRecorder()
        with httpx.Client(transport=recorder) as client:
            client.get(...)
        write_har(recorder.exchanges, "traffic.har")

    It wraps another transport (a plain `httpx.HTTPTransport` by default), so what it records is
    what went over the wire after httpx added its headers (Host, Content-Length, auth).
    """

    inner: httpx.BaseTransport = field(default_factory=httpx.HTTPTransport)
    exchanges: list[Exchange] = field(default_factory=list)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        started = time.time()
        clock = time.perf_counter()
        body = request.read()
        response = self.inner.handle_request(request)
        response_body = response.read()
        elapsed = (time.perf_counter() - clock) * 1000
        version = response.extensions.get("http_version", b"HTTP/1.1")
        http_version = version.decode("ascii") if isinstance(version, bytes) else str(version)
        self.exchanges.append(
            Exchange(
                url=str(request.url),
                request=HttpRequest.build(
                    request.method,
                    request.url.path,
                    request.url.query.decode("ascii"),
                    _joined(request.headers.multi_items()),
                    body,
                ),
                response=HttpResponse(
                    response.status_code, _joined(response.headers.multi_items()), response_body
                ),
                started=_iso(started),
                time_ms=round(elapsed, 3),
                http_version=http_version,
            )
        )
        return response

    def close(self) -> None:
        self.inner.close()


def _joined(items: list[tuple[str, str]]) -> dict[str, str]:
    joined: dict[str, str] = {}
    for name, value in items:
        name = name.lower()
        joined[name] = f"{joined[name]}, {value}" if name in joined else value
    return joined
