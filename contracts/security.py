"""What a spec's security says of a request: which credentials an operation requires (its own
`security`, else the document's), whether a request carries them, and how a token is sent.

A requirement is satisfied when the request carries every scheme it names; an operation is open
when it has no requirement, or an empty one (`- {}`: credentials optional).
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from http.cookies import SimpleCookie
from typing import Any

from .exchange import HttpRequest
from .specs import Spec


def requirements(spec: Spec, definition: Mapping[str, Any]) -> Sequence[Mapping[str, Any]]:
    found = definition.get("security", spec.document.get("security"))
    return found if isinstance(found, list) else []


def _schemes(spec: Spec) -> Mapping[str, Any]:
    return (spec.document.get("components") or {}).get("securitySchemes") or {}


def _carries(scheme: Mapping[str, Any], request: HttpRequest) -> bool:
    if scheme.get("type") == "apiKey":
        name = str(scheme.get("name", ""))
        where = scheme.get("in")
        if where == "query":
            return bool(request.param(name))
        if where == "cookie":
            cookie: SimpleCookie = SimpleCookie()
            try:
                cookie.load(request.header("cookie") or "")
            except Exception:
                return False
            return name in cookie
        return bool(request.header(name))
    # http (bearer, basic), oauth2, openIdConnect: credentials in Authorization. Whether they are
    # well formed is the server's to judge (a 401 either way), not a missing credential.
    return bool(request.header("authorization"))


def satisfied(
    spec: Spec,
    definition: Mapping[str, Any],
    request: HttpRequest,
    tokens: Sequence[str] | None = None,
) -> bool:
    """Whether the request carries the credentials the operation requires (True when none);
    with `tokens`, credentials that carry one of them, as `credentials_for` sends it."""
    needed = requirements(spec, definition)
    if not needed:
        return True
    schemes = _schemes(spec)
    for requirement in needed:
        if not all(_carries(schemes.get(name, {}), request) for name in requirement):
            continue
        if tokens is None or any(
            _matches(_send(schemes, {name: []}, token), request)
            for token in tokens
            for name in requirement
        ):
            return True
    return False


def _matches(sent: tuple[dict[str, str], dict[str, str]], request: HttpRequest) -> bool:
    headers, query = sent
    return all(request.header(k) == v for k, v in headers.items()) and all(
        request.param(k) == v for k, v in query.items()
    )


def credentials_for(
    spec: Spec, token: str, definitions: Sequence[Mapping[str, Any]]
) -> tuple[dict[str, str], dict[str, str]]:
    """(headers, query) carrying `token` for the first requirement the operations name: a bearer
    or OAuth token in Authorization, basic credentials (`user:password`, or the token as the
    user), an API key in its header, query parameter or cookie."""
    schemes = _schemes(spec)
    for definition in definitions:
        for requirement in requirements(spec, definition):
            if requirement:
                return _send(schemes, requirement, token)
    return {}, {}


def _send(
    schemes: Mapping[str, Any], requirement: Mapping[str, Any], token: str
) -> tuple[dict[str, str], dict[str, str]]:
    headers: dict[str, str] = {}
    query: dict[str, str] = {}
    for name in requirement:
        scheme = schemes.get(name, {})
        kind = scheme.get("type")
        if kind == "apiKey":
            where, key = scheme.get("in"), str(scheme.get("name", ""))
            if where == "query":
                query[key] = token
            elif where == "cookie":
                headers["Cookie"] = f"{key}={token}"
            else:
                headers[key] = token
        elif kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            pair = token if ":" in token else f"{token}:"
            headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
        elif kind == "http":
            headers["Authorization"] = f"{str(scheme.get('scheme', 'Bearer')).title()} {token}"
        else:
            headers["Authorization"] = f"Bearer {token}"
    return headers, query
