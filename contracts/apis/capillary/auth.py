"""The credentials a request carries: Basic, the OAuth token header, or an OAuth bearer token.

The spec (security of create_target_group) accepts any one of `Authorization: Basic
base64(user:password)` (page line 73), the OAuth token in `X-CAP-API-OAUTH-TOKEN` (line 197) and the
same token as `Authorization: Bearer <token>`. Nothing here keeps or prints a secret: the identity
of a token is a digest of it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

OAUTH_HEADER = "x-cap-api-oauth-token"


@dataclass(frozen=True)
class Credentials:
    scheme: str  # "basic", "oauth-header" or "bearer"
    identity: str  # what scopes state (the org): the Basic user name, or a digest of the token
    user: str  # what attributions name as creator: the till user name, or "oauth_<digest>"


def read_credentials(headers: Mapping[str, str]) -> tuple[Credentials | None, str]:
    """The credentials of a request (header names in lower case), or None and why there are none.

    The why never quotes the header value: it may be a secret.
    """
    problems = []
    authorization = (headers.get("authorization") or "").strip()
    if authorization:
        scheme, _, value = authorization.partition(" ")
        value = value.strip()
        if scheme.lower() == "basic":
            user = _basic_user(value)
            if user is not None:
                return Credentials("basic", f"basic:{user}", user), ""
            problems.append("Authorization: Basic is not base64 of 'user:password' with a user")
        elif scheme.lower() == "bearer":
            if value:
                return _token_credentials("bearer", value), ""
            problems.append("Authorization: Bearer carries no token")
        else:
            problems.append(f"Authorization scheme {scheme[:20]!r} is neither Basic nor Bearer")
    token = (headers.get(OAUTH_HEADER) or "").strip()
    if token:
        return _token_credentials("oauth-header", token), ""
    if not problems:
        problems.append(
            "no credentials: send Authorization: Basic base64(user:password), the OAuth token in"
            " X-CAP-API-OAUTH-TOKEN, or Authorization: Bearer <token>"
        )
    return None, "; ".join(problems)


def _basic_user(value: str) -> str | None:
    try:
        decoded = base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return None
    user, colon, _ = decoded.partition(":")
    return user if colon and user else None


def _token_credentials(scheme: str, token: str) -> Credentials:
    # The same token in the header or as a bearer token is the same client, hence the same org.
    digest = hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
    return Credentials(scheme, f"oauth:{digest}", f"oauth_{digest[:8]}")


def basic(user: str, password: str) -> str:
    """The Authorization value for Basic credentials."""
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")


def presented_secret(headers: Mapping[str, str]) -> str | None:
    """What the request presents as its secret, to compare with configured credentials:
    'user:password' for Basic, the token for the OAuth header or Bearer. Never printed."""
    authorization = (headers.get("authorization") or "").strip()
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "basic":
        try:
            return base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, ValueError):
            return None
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return (headers.get(OAUTH_HEADER) or "").strip() or None


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()
