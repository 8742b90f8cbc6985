"""What is secret: one rule, used by the journal, the HAR writer, `verify` and the curl printer.

A header is secret when its name is a credential or cookie header, ends in `-token`, names a key,
secret or password, or is the header of an `apiKey` security scheme of any spec read so far
(each spec's `securitySchemes` are registered when it is read, `contracts.specs.read_spec`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

BASE_SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key"}
)
SECRET_HEADER = re.compile(
    r"-token$|^token$|api[-_]?key|secret|passw|credential|-auth$|^x-auth", re.IGNORECASE
)
_scheme_headers: set[str] = set()

# Query parameter names whose values are secrets (`api_key`, `access_token`, `client_secret`).
SECRET_PARAM = re.compile(r"token|key|secret|passw|pwd|signature|credential", re.IGNORECASE)
# Body field names whose values are secrets. Narrower than SECRET_PARAM: `key` is an ordinary
# field of request bodies (a LaunchDarkly segment's key), so only compound names count.
SECRET_FIELD = re.compile(
    r"(^|[_-])(token|secret|password|passwd)$|^(access|refresh|id)_?token$|client_?secret"
    r"|api_?key",
    re.IGNORECASE,
)
# A cheap look before parsing a body for secret fields (most bodies have none): any of these in
# the body, in any (ASCII) case. Substring tests on the lower-cased body, five times faster than
# one case-insensitive regex over it: every request body the mocks journal goes through here.
MAYBE_SECRET = (b"token", b"secret", b"passw", b"apikey", b"api_key")


def maybe_secret(body: bytes) -> bool:
    lower = body.lower()
    return any(word in lower for word in MAYBE_SECRET)


def register_security_schemes(document: Mapping[str, Any]) -> None:
    """Remember the header names a spec's `apiKey` schemes (in: header) carry credentials in."""
    schemes = (document.get("components") or {}).get("securitySchemes") or {}
    for scheme in schemes.values():
        if not isinstance(scheme, Mapping) or scheme.get("type") != "apiKey":
            continue
        if scheme.get("in") == "header" and isinstance(scheme.get("name"), str):
            _scheme_headers.add(scheme["name"].lower())


def is_secret_header(name: str) -> bool:
    lower = name.lower()
    if lower in BASE_SECRET_HEADERS or lower in _scheme_headers:
        return True
    return SECRET_HEADER.search(lower) is not None
