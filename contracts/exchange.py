"""An HTTP request and response as the checks see them, whatever they came from (a mock, a HAR
file, a journal, a schemathesis case)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs


def parse_query(query: str) -> dict[str, list[str]]:
    """`parse_qs(query, keep_blank_values=True)`, the form every HttpRequest holds. A query with
    no escape ('%') and no '+' (most: `siteCode=...&visitorCode=...`) is split directly, which
    parse_qs' own steps would leave as they are, at a fifth of its cost (a mock parses one per
    request)."""
    if "%" in query or "+" in query:
        return parse_qs(query, keep_blank_values=True)
    parsed: dict[str, list[str]] = {}
    for pair in query.split("&"):
        if pair:
            name, _, value = pair.partition("=")
            parsed.setdefault(name, []).append(value)
    return parsed


@dataclass(frozen=True)
class HttpRequest:
    method: str
    path: str
    query: Mapping[str, list[str]] = field(default_factory=dict)  # as parse_qs returns it
    headers: Mapping[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""

    @classmethod
    def build(
        cls,
        method: str,
        path: str,
        query: str | Mapping[str, Any] = "",
        headers: Mapping[str, str] | None = None,
        body: bytes | str = b"",
    ) -> HttpRequest:
        if isinstance(query, str):
            parsed = parse_query(query)
        else:
            parsed = {k: v if isinstance(v, list) else [str(v)] for k, v in query.items()}
        return cls(
            method.upper(),
            path,
            parsed,
            {k.lower(): v for k, v in (headers or {}).items()},
            body.encode("utf-8") if isinstance(body, str) else body,
        )

    def param(self, name: str) -> str | None:
        """The first value of a query parameter, or None."""
        values = self.query.get(name)
        return values[0] if values else None

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class HttpResponse:
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> Any:
        return json.loads(self.body)
