"""The LaunchDarkly mock: `POST /api/v2/segments/{projectKey}/{environmentKey}`.

Checks in the order the service most plausibly does: access token (401, rule api_key_required),
rate limits (429),
token permissions (403), project and environment (404), body (400), duplicate key (409); then
stores and answers the new segment (201). Every answer carries the rate-limit headers.

Settings (`--setting launchdarkly.KEY=JSON`):
    projects           {project: [environment, ...]}; default {"default": ["production", "test"]}
    rate_limit         requests per window per access token (default 1000)
    global_rate_limit  requests per window for all tokens together (default 10 x rate_limit)
    rate_window        the window in seconds (default 10, as LaunchDarkly's limits)
    tokens             if given, the only access tokens accepted; others get 401
    read_only_tokens   access tokens that may read but not write: 403
Tokens are kept only as SHA-256 digests, in memory and in the store.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from ...vendor import Answer, HttpRequest, MockContext, MockRoom, MockRoute, Violation, read_body
from .answers import ANSWERS
from .rules import MAX_BODY_BYTES, RULES, api_key_violations, check_request

PATH = "/api/v2/segments/{projectKey}/{environmentKey}"
SEGMENTS = "segments"  # the store's kind for segments, keyed project/environment/key
DEFAULT_PROJECTS: Mapping[str, tuple[str, ...]] = {"default": ("production", "test")}
DEFAULT_BIG_SEGMENT_CONTEXT_KIND = "user"
MESSAGE_VIOLATIONS = 3  # how many violations a 400 message names; the rest are counted


@dataclass(frozen=True)
class Settings:
    projects: Mapping[str, tuple[str, ...]]
    rate_limit: int
    global_rate_limit: int
    rate_window: float
    tokens: frozenset[str] | None  # digests
    read_only_tokens: frozenset[str]  # digests

    @classmethod
    def from_mapping(cls, settings: Mapping[str, Any]) -> Settings:
        projects = settings.get("projects", DEFAULT_PROJECTS)
        if not isinstance(projects, Mapping) or not all(
            isinstance(envs, list | tuple) for envs in projects.values()
        ):
            raise ValueError("launchdarkly.projects: a mapping of project -> list of environments")
        rate_limit = int(settings.get("rate_limit", 1000))
        window = float(settings.get("rate_window", 10))
        if rate_limit < 0 or window <= 0:
            raise ValueError("launchdarkly.rate_limit must be >= 0 and rate_window > 0")
        tokens = settings.get("tokens")
        return cls(
            projects={str(p): tuple(str(e) for e in envs) for p, envs in projects.items()},
            rate_limit=rate_limit,
            global_rate_limit=int(settings.get("global_rate_limit", 10 * rate_limit)),
            rate_window=window,
            tokens=None if tokens is None else _digests("tokens", tokens),
            read_only_tokens=_digests("read_only_tokens", settings.get("read_only_tokens", [])),
        )


def _digests(setting: str, tokens: Any) -> frozenset[str]:
    if not isinstance(tokens, list | tuple) or not all(isinstance(t, str) for t in tokens):
        raise ValueError(f"launchdarkly.{setting}: a list of access tokens")
    return frozenset(map(token_digest, tokens))


def token_digest(token: str) -> str:
    """What the mock keeps of an access token: never the token itself."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def routes(ctx: MockContext) -> list[MockRoute]:
    settings = Settings.from_mapping(ctx.settings)

    async def create_segment(request: Request) -> Answer:
        now = time.time()
        authorization = request.headers.get("authorization")
        no_key = RULES.refused(api_key_violations(authorization))
        if no_key:
            return error(
                401,
                "unauthorized",
                "No access token: the Authorization header is missing or empty"
                f" [api_key_required; {no_key[0].doc}]",
                limit_headers(settings, now),
                no_key,
            )
        token = (authorization or "").strip()
        digest = token_digest(token)
        if settings.tokens is not None and digest not in settings.tokens:
            return error(401, "unauthorized", "Invalid access token", limit_headers(settings, now))

        limits = count_request(ctx, settings, digest, now)
        if limits.exceeded:
            return error(429, "rate_limited", limits.message, limits.headers(retry=True))
        headers = limits.headers()
        if digest in settings.read_only_tokens:
            return error(
                403,
                "forbidden",
                "Access to the requested resource was denied: this "
                "access token may not create segments",
                headers,
            )

        project = request.path_params["projectKey"]
        environment = request.path_params["environmentKey"]
        if project not in settings.projects:
            return error(404, "not_found", f"Unknown project key {project!r}", headers)
        if environment not in settings.projects[project]:
            return error(
                404,
                "not_found",
                f"Unknown environment key {environment!r} in project {project!r}",
                headers,
            )

        body = await read_body(request, MAX_BODY_BYTES)
        if body is None:
            too_large = RULES["body_size"].violation("body", f"is more than {MAX_BODY_BYTES} bytes")
            return invalid([too_large], [too_large], headers, None)
        http_request = HttpRequest.build(
            request.method, request.url.path, request.url.query, dict(request.headers), body
        )
        violations = check_request(http_request)
        refused = RULES.refused(violations, ctx.strict)
        if refused:
            return invalid(refused, violations, headers, body)

        try:
            parsed = http_request.json()
        except RecursionError:  # parsed once by check_request, nearly at its nesting limit
            too_deep = RULES["json_syntax"].violation("body", "is nested too deeply to be parsed")
            return invalid([too_deep], [too_deep], headers, body)
        segment = new_segment(parsed, project, environment, now)
        stored_as = f"{project}/{environment}/{segment['key']}"
        if not ctx.store.insert_new(ctx.api.name, SEGMENTS, [(stored_as, segment)])[0]:
            return error(
                409,
                "conflict",
                f"A segment with key {segment['key']!r} already exists "
                f"in environment {environment!r} of project {project!r}",
                headers,
                violations,
                body,
            )
        return Answer(201, segment, headers, violations, body)

    return [MockRoute("POST", PATH, create_segment)]


def new_segment(
    body: Mapping[str, Any], project: str, environment: str, now: float
) -> dict[str, Any]:
    """The segment the service creates from a valid body (UserSegment, page lines 39-90)."""
    millis = int(now * 1000)
    key = str(body["key"])
    big = body.get("unbounded") is True
    parent = f"/api/v2/segments/{project}/{environment}"
    segment: dict[str, Any] = {
        "name": body["name"],
        "tags": list(body.get("tags") or []),  # "Defaults to an empty array" (line 45)
        "creationDate": millis,
        "lastModifiedDate": millis,
        "key": key,
    }
    if "description" in body:  # "omitted in the response if not provided" (line 62)
        segment["description"] = body["description"]
    if not big:  # big segments omit their target lists (lines 66 and 70)
        segment.update(included=[], excluded=[], includedContexts=[], excludedContexts=[])
    segment.update(
        {
            "_links": {
                "parent": {"href": parent, "type": "application/json"},
                "self": {"href": f"{parent}/{key}", "type": "application/json"},
            },
            "rules": [],
            "version": 1,
            "deleted": False,
            "_access": {"denied": [], "allowed": []},
            "unbounded": big,
            "generation": 1,
        }
    )
    if big:
        # The context kind only counts for big segments (line 35); it defaults to "user".
        segment["unboundedContextKind"] = str(
            body.get("unboundedContextKind") or DEFAULT_BIG_SEGMENT_CONTEXT_KIND
        )
        segment["_unboundedMetadata"] = {
            "envId": _object_id(f"{project}/{environment}"),
            "segmentId": _object_id(f"{project}/{environment}/{key}"),
            "version": 1,
            "includedCount": 0,
            "excludedCount": 0,
            "lastModified": millis,
            "deleted": False,
        }
        segment["_importInProgress"] = False
    return segment


# -- rate limits ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """Where a request leaves the limits of its window."""

    route_remaining: int
    global_remaining: int
    reset: float  # seconds since the epoch
    now: float
    exceeded: bool = False
    message: str = ""

    def headers(self, retry: bool = False) -> dict[str, str]:
        headers = {
            "X-Ratelimit-Route-Remaining": str(self.route_remaining),
            "X-Ratelimit-Global-Remaining": str(self.global_remaining),
            "X-Ratelimit-Reset": str(int(self.reset * 1000)),
        }
        if retry:
            headers["Retry-After"] = str(max(1, math.ceil(self.reset - self.now)))
        return headers


def window_of(settings: Settings, now: float) -> tuple[int, float]:
    """The window `now` falls in (windows are aligned on the epoch) and when it ends."""
    index = int(now // settings.rate_window)
    return index, (index + 1) * settings.rate_window


def limit_headers(settings: Settings, now: float) -> dict[str, str]:
    """The headers of an answer that counts against no limit (no token: no account to count)."""
    _, reset = window_of(settings, now)
    return Limits(settings.rate_limit, settings.global_rate_limit, reset, now).headers()


def count_request(ctx: MockContext, settings: Settings, digest: str, now: float) -> Limits:
    """Count a request against its token's and the global limit, in the store (so every worker
    counts the same requests); one counter per token digest and window."""
    index, reset = window_of(settings, now)
    by_token = ctx.store.next_id(ctx.api.name, f"rate:{index}:{digest}")
    overall = ctx.store.next_id(ctx.api.name, f"rate:{index}:global")
    limits = Limits(
        max(settings.rate_limit - by_token, 0),
        max(settings.global_rate_limit - overall, 0),
        reset,
        now,
    )
    window = f"{settings.rate_window:g} seconds"
    if by_token > settings.rate_limit:
        message = f"Rate limit exceeded: {settings.rate_limit} requests per {window} for this token"
    elif overall > settings.global_rate_limit:
        message = f"Rate limit exceeded: {settings.global_rate_limit} requests per {window} for all"
        message += " tokens"
    else:
        return limits
    retry = max(1, math.ceil(reset - now))
    return Limits(0, limits.global_remaining, reset, now, True, f"{message}; retry in {retry} s")


# -- answers ----------------------------------------------------------------------------------


def error(
    status: int,
    code: str,
    message: str,
    headers: dict[str, str],
    violations: list[Violation] | None = None,
    body: bytes | None = None,
) -> Answer:
    """LaunchDarkly's error body, {code, message} (the spec's Error)."""
    return Answer(status, {"code": code, "message": message}, headers, violations or [], body)


def invalid(
    refused: list[Violation],
    violations: list[Violation],
    headers: dict[str, str],
    body: bytes | None,
) -> Answer:
    """400 naming the first refused violations (field, value, rule, page line); all of them, with
    the accepted ones, go in the Answer's violations."""
    named = "; ".join(str(v) for v in refused[:MESSAGE_VIOLATIONS])
    more = len(refused) - MESSAGE_VIOLATIONS
    message = f"Invalid request body: {named}" + (f" (and {more} more)" if more > 0 else "")
    return error(400, "invalid_request", message, headers, violations, body)


def _object_id(text: str) -> str:
    """A stable 24-hex-digit id, the shape of LaunchDarkly's object ids."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


ROOM = MockRoom(routes=routes, answers=ANSWERS)
