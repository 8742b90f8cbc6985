"""The journal: what a mock received and what it answered, one entry per exchange."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .secrecy import SECRET_FIELD, SECRET_PARAM, is_secret_header, maybe_secret

REDACTED = "<redacted>"


def redact_headers(headers: list[tuple[str, str]] | dict[str, str]) -> dict[str, str]:
    """Header names in lower case; secret values (credentials, cookies, tokens) replaced."""
    items = headers.items() if isinstance(headers, dict) else headers
    redacted = {}
    for name, value in items:
        lower = name.lower()
        redacted[lower] = REDACTED if is_secret_header(lower) else value
    return redacted


def redact_url(url: str) -> str:
    """The URL with secret-named query values and any user:password replaced by `<redacted>`."""
    split = urlsplit(url)
    netloc = split.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
    if not split.query:
        return urlunsplit(split._replace(netloc=netloc))
    pairs = parse_qsl(split.query, keep_blank_values=True)
    if not any(SECRET_PARAM.search(name) for name, _ in pairs):
        return urlunsplit(split._replace(netloc=netloc))
    query = urlencode([(n, REDACTED if SECRET_PARAM.search(n) else v) for n, v in pairs])
    return urlunsplit(split._replace(netloc=netloc, query=query))


def _redact_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            k: REDACTED if SECRET_FIELD.search(str(k)) else _redact_json(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_redact_json(item) for item in value]
    return value


def redact_body(body: bytes, media_type: str) -> bytes:
    """A form or JSON body with secret-named fields' values replaced; other bodies unchanged."""
    media_type = media_type.split(";")[0].strip().lower()
    form = media_type == "application/x-www-form-urlencoded"
    # The media type first: it is cheap, and most bodies of other types are never read.
    if not (form or media_type == "application/json" or media_type.endswith("+json")):
        return body
    if not maybe_secret(body):
        return body
    if form:
        try:
            pairs = parse_qsl(body.decode("ascii"), keep_blank_values=True, strict_parsing=True)
        except (UnicodeDecodeError, ValueError):
            return body
        if not any(SECRET_FIELD.search(name) for name, _ in pairs):
            return body
        return urlencode([(n, REDACTED if SECRET_FIELD.search(n) else v) for n, v in pairs]).encode(
            "ascii"
        )
    try:  # JSON
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return body
    redacted = _redact_json(data)
    return body if redacted == data else json.dumps(redacted).encode("utf-8")


def redact_query(query: str) -> str:
    """A query string with secret-named values replaced."""
    if _plainly_no_secret(query):
        return query  # what the parse below gives back for it, without the parse (most queries)
    return urlsplit(redact_url(f"http://x/?{query}")).query


def _plainly_no_secret(query: str) -> bool:
    """Whether no name in the query can be secret, seen on its text: no secret word anywhere in
    it, nothing percent-encoded, and none of the characters URL parsing drops or splits at (tabs,
    line breaks, other controls, '#'), so the text is the parsed query's, unchanged."""
    return (
        query.isprintable()
        and "%" not in query
        and "#" not in query
        and SECRET_PARAM.search(query) is None
    )


@dataclass(frozen=True)
class JournalEntry:
    api: str
    method: str
    path: str
    query: str
    request_headers: dict[str, str]
    request_body: bytes | None  # None when the mock refused the body without reading it
    request_size: int  # bytes read, or the declared Content-Length when not read
    status: int
    response_headers: dict[str, str]
    response_body: bytes | None
    violations: list[dict[str, Any]] = field(default_factory=list)
    at: float = 0.0
    id: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready; bodies as text when they are UTF-8, else as base64 (`*_base64` keys)."""
        data: dict[str, Any] = {
            "id": self.id,
            "at": self.at,
            "api": self.api,
            "request": {
                "method": self.method,
                "path": self.path,
                "query": self.query,
                "headers": self.request_headers,
                "size": self.request_size,
                **_body(self.request_body),
            },
            "response": {
                "status": self.status,
                "headers": self.response_headers,
                **_body(self.response_body),
            },
            "violations": self.violations,
        }
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> JournalEntry:
        request, response = data["request"], data["response"]
        return cls(
            api=data["api"],
            method=request["method"],
            path=request["path"],
            query=request.get("query", ""),
            request_headers=request.get("headers", {}),
            request_body=_unbody(request),
            request_size=request.get("size", 0),
            status=response["status"],
            response_headers=response.get("headers", {}),
            response_body=_unbody(response),
            violations=data.get("violations", []),
            at=data.get("at", 0.0),
            id=data.get("id", 0),
        )


def _body(body: bytes | None) -> dict[str, Any]:
    if body is None:
        return {"body": None}
    try:
        return {"body": body.decode("utf-8")}
    except UnicodeDecodeError:
        return {"body_base64": base64.b64encode(body).decode("ascii")}


def _unbody(part: dict[str, Any]) -> bytes | None:
    if "body_base64" in part:
        return base64.b64decode(part["body_base64"])
    body = part.get("body")
    return None if body is None else str(body).encode("utf-8")
