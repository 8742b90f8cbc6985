"""The journal: what a mock received and what it answered, one entry per exchange."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from typing import Any

# Header names whose values are secrets: they are journaled as "<redacted>".
SECRET_HEADERS = frozenset(
    {"authorization", "cookie", "set-cookie", "proxy-authorization", "x-api-key", "api-key"}
)
REDACTED = "<redacted>"


def redact_headers(headers: list[tuple[str, str]] | dict[str, str]) -> dict[str, str]:
    """Header names in lower case; secret values (credentials, cookies, tokens) replaced."""
    items = headers.items() if isinstance(headers, dict) else headers
    redacted = {}
    for name, value in items:
        lower = name.lower()
        secret = lower in SECRET_HEADERS or lower.endswith("-token")
        redacted[lower] = REDACTED if secret else value
    return redacted


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
