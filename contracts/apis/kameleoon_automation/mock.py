"""The mock of `POST /key-moments`: checks the token and the body, stores the key moment, answers
201 with what the service adds (ids, creator, dates, read-only condition fields).

Order of checks, as a Spring service with a security filter and bean validation runs them: the
bearer token (401), then the body (400), then the right to use the site (403).

Choices (the page documents the 201 only; spec x-choice notes say why 400/401/403 exist):
- 401: a missing or malformed `Authorization: Bearer <token>`; with the setting `tokens` (a list),
  also any token not in it. The token never appears in an answer.
- 400: a finding of `rules.check_request` whose rule the service refuses (`RULES.refused`, the
  rules' own flag: the spec's schema keywords, and the body over `rules.BODY_LIMIT` bytes); the
  other findings (every WARNING) are accepted (201, listed in the `x-contract-*` headers) unless
  the mock is strict (`--strict`), which refuses them too. The message names field, value, rule
  and page line.
- 403: a siteId listed in the setting `forbidden_sites`: the plausible real cause is a token whose
  account has no right on the site, which the mock cannot know otherwise.
- Duplicate names are accepted, in one site or several: the page is silent, key moments are
  addressed by id, and Kameleoon's app lets two segments share a name.
- createdBy is the setting `account_id` (default `DEFAULT_ACCOUNT_ID`), the same whatever token
  is sent: nothing in an answer is derived from the token.
- Absent booleans are answered false (Java primitives); absent description and conditions stay
  absent (the spec does not make them nullable). A key moment with a predictive condition
  (targetingType CONVERSION_PROBABILITY, Kameleoon's conversion score) always tracks its audience:
  audienceTracking true and audienceTrackingEditable false (page line 228).
- Read-only fields sent are ignored and replaced; fields the page does not list are dropped
  (targeting conditions keep theirs: other condition kinds carry their own fields).

State: each created key moment is stored under kind `key-moments`, keyed by its id
(`GET /_contracts/records/kameleoon-automation/key-moments`), so reads can be added later.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from starlette.requests import Request

from ...vendor import (
    Answer,
    HttpRequest,
    MockContext,
    MockRoom,
    MockRoute,
    Severity,
    Violation,
    read_body,
)
from .answers import ANSWERS
from .rules import BODY_LIMIT, BODY_SIZE, RULES, bearer_token, bearer_violations, check_request

PATH = "/key-moments"
KIND = "key-moments"
DEFAULT_ACCOUNT_ID = 1001
PREDICTIVE_TYPES = frozenset({"CONVERSION_PROBABILITY"})
MESSAGE_LIMIT = 20  # violations spelt out in an error message; the rest are counted

KEY_MOMENT_FIELDS = ("name", "siteId", "description")
CONDITION_DATA_FIELDS = ("id", "logicalOperator", "parentId")
CONDITION_READ_ONLY = ("id", "htmlDescription")
ANSWER_ORDER = (  # the page's response example (lines 60-121)
    "name",
    "siteId",
    "audienceTracking",
    "audienceTrackingEditable",
    "conditionDataList",
    "conditionDataTree",
    "conditionsData",
    "createdBy",
    "dateCreated",
    "dateModified",
    "description",
    "id",
    "isFavorite",
)


def routes(ctx: MockContext) -> list[MockRoute]:
    settings = _settings(ctx.settings)

    async def create_key_moment(request: Request) -> Answer:
        authorization = request.headers.get("authorization")
        refused = RULES.refused(bearer_violations(authorization))
        if refused:
            return _error(401, "UNAUTHORIZED", refused)
        token = bearer_token(authorization)
        if settings.tokens is not None and token not in settings.tokens:
            return Answer(
                401, {"code": "UNAUTHORIZED", "message": "The bearer token is not valid."}
            )

        body = await read_body(request, BODY_LIMIT)
        if body is None:
            declared = request.headers.get("content-length") or "more than the limit"
            too_big = BODY_SIZE.violation("body", f"{declared} bytes is more than {BODY_LIMIT}")
            return _error(400, "INVALID_BODY", [too_big])
        received = HttpRequest.build(
            request.method, request.url.path, request.url.query, dict(request.headers), body
        )
        violations = check_request(received)
        if RULES.refused(violations, ctx.strict):
            return _error(400, "INVALID_BODY", violations, body)
        key_moment = received.json()

        site_id = key_moment["siteId"]
        if site_id in settings.forbidden_sites:
            message = f"siteId: {site_id} is a site this account may not create key moments on."
            return Answer(403, {"code": "FORBIDDEN", "message": message}, request_body=body)

        api = ctx.api.name
        created = answered_key_moment(
            key_moment,
            key_moment_id=ctx.store.next_id(api, "key-moment"),
            account_id=settings.account_id,
            now=datetime.now(UTC),
            condition_id=lambda: ctx.store.next_id(api, "condition"),
        )
        ctx.store.insert_new(api, KIND, [(str(created["id"]), created)])
        return Answer(201, created, violations=violations, request_body=body)

    return [MockRoute("POST", PATH, create_key_moment)]


@dataclass(frozen=True)
class Settings:
    """The mock's settings (`--setting kameleoon-automation.KEY=JSON`), checked at start-up."""

    account_id: int = DEFAULT_ACCOUNT_ID  # createdBy of every key moment
    tokens: frozenset[str] | None = None  # the tokens accepted; None: any well-formed one
    forbidden_sites: frozenset[int] = frozenset()  # siteIds answered 403


def _settings(raw: Mapping[str, Any]) -> Settings:
    known = {"account_id", "tokens", "forbidden_sites"}
    unknown = set(raw) - known
    if unknown:
        raise ValueError(
            f"kameleoon-automation: unknown settings {sorted(unknown)} (known: {sorted(known)})"
        )
    account_id = raw.get("account_id", DEFAULT_ACCOUNT_ID)
    if isinstance(account_id, bool) or not isinstance(account_id, int) or account_id < 1:
        raise ValueError(f"kameleoon-automation: account_id {account_id!r} is not an int >= 1")
    tokens = raw.get("tokens")
    if tokens is not None and not (
        isinstance(tokens, list) and all(isinstance(t, str) for t in tokens)
    ):
        raise ValueError("kameleoon-automation: tokens is not a list of strings")
    forbidden = raw.get("forbidden_sites", [])
    if not (isinstance(forbidden, list) and all(isinstance(s, int) for s in forbidden)):
        raise ValueError("kameleoon-automation: forbidden_sites is not a list of site ids")
    return Settings(
        account_id, frozenset(tokens) if tokens is not None else None, frozenset(forbidden)
    )


def _error(
    status: int, code: str, violations: list[Violation], body: bytes | None = None
) -> Answer:
    """An Error body whose message spells out what was broken (errors first)."""
    ordered = sorted(violations, key=lambda v: v.severity is not Severity.ERROR)
    spelt = "; ".join(str(v) for v in ordered[:MESSAGE_LIMIT])
    more = len(ordered) - MESSAGE_LIMIT
    if more > 0:
        spelt += f"; and {more} more"
    what = "Invalid key moment" if status == 400 else "Not authenticated"
    message = f"{what}: {spelt}"
    return Answer(
        status, {"code": code, "message": message}, violations=violations, request_body=body
    )


# -- the 201 body -------------------------------------------------------------------------------


def answered_key_moment(
    sent: dict[str, Any],
    *,
    key_moment_id: int,
    account_id: int,
    now: datetime,
    condition_id: Callable[[], int],
) -> dict[str, Any]:
    """The key moment the service answers for a valid request body."""
    predictive = any(
        condition.get("targetingType") in PREDICTIVE_TYPES for condition in _conditions(sent)
    )
    stamp = now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    answer: dict[str, Any] = {k: sent[k] for k in KEY_MOMENT_FIELDS if k in sent}
    answer["audienceTracking"] = predictive or bool(sent.get("audienceTracking", False))
    answer["audienceTrackingEditable"] = not predictive
    answer["isFavorite"] = bool(sent.get("isFavorite", False))
    if "conditionDataList" in sent:
        answer["conditionDataList"] = [
            _condition_data(item, condition_id) for item in sent["conditionDataList"]
        ]
    if "conditionDataTree" in sent:
        tree = sent["conditionDataTree"]
        answer["conditionDataTree"] = {
            **{k: tree[k] for k in ("targetingType", "logicalOperator") if k in tree},
            # The page shows the children only as "<unknown>"; the mock does not invent them.
            "conditionData": [],
            "isConditionBlock": True,  # the root of a tree joins its children (page line 88)
        }
    if "conditionsData" in sent:
        answer["conditionsData"] = _conditions_data(sent["conditionsData"], condition_id)
    answer.update(
        {
            "id": key_moment_id,
            "createdBy": account_id,
            "dateCreated": stamp,
            "dateModified": stamp,
        }
    )
    return {key: answer[key] for key in ANSWER_ORDER if key in answer}


def _conditions(sent: dict[str, Any]) -> list[dict[str, Any]]:
    found = [
        item["targetingCondition"]
        for item in sent.get("conditionDataList", [])
        if "targetingCondition" in item
    ]
    for level in sent.get("conditionsData", {}).get("firstLevel", []):
        found += level.get("conditions", [])
    return found


def _condition_data(item: dict[str, Any], condition_id: Callable[[], int]) -> dict[str, Any]:
    answer = {k: item[k] for k in CONDITION_DATA_FIELDS if k in item}
    # rules.py reads a leaf from its targetingCondition (spec x-choice rule 6); the page's
    # example says true next to a condition, but its values are generated filler.
    answer["isConditionBlock"] = "targetingCondition" not in item
    if "targetingCondition" in item:
        answer["targetingCondition"] = _condition(item["targetingCondition"], condition_id)
    return answer


def _conditions_data(data: dict[str, Any], condition_id: Callable[[], int]) -> dict[str, Any]:
    answer: dict[str, Any] = {}
    if "firstLevel" in data:
        answer["firstLevel"] = [_level(level, condition_id) for level in data["firstLevel"]]
    if "firstLevelOrOperators" in data:
        answer["firstLevelOrOperators"] = data["firstLevelOrOperators"]
    return answer


def _level(level: dict[str, Any], condition_id: Callable[[], int]) -> dict[str, Any]:
    answer: dict[str, Any] = {}
    if "conditions" in level:
        answer["conditions"] = [_condition(c, condition_id) for c in level["conditions"]]
    if "orOperators" in level:
        answer["orOperators"] = level["orOperators"]
    return answer


def _condition(sent: dict[str, Any], condition_id: Callable[[], int]) -> dict[str, Any]:
    answer = {k: v for k, v in sent.items() if k not in CONDITION_READ_ONLY}
    answer["htmlDescription"] = html_description(answer)
    answer["id"] = condition_id()
    return answer


def html_description(condition: Mapping[str, Any]) -> str:
    """A short human-readable description of a condition, as HTML (every value escaped)."""
    kind = str(condition["targetingType"]).replace("_", " ").capitalize()
    verb = "Exclude" if condition.get("include") is False else "Include"
    text = f"{verb} visitors: <strong>{html.escape(kind)}</strong>"
    if "matchType" in condition or "count" in condition:
        match = str(condition.get("matchType", "EQUAL")).lower()
        count = condition.get("count", 0)
        unit = str(condition.get("unitOfTime", "SECOND")).lower()
        text += f" {html.escape(match)} {count} {html.escape(unit)}(s)"
    return text


ROOM = MockRoom(routes=routes, answers=ANSWERS)
