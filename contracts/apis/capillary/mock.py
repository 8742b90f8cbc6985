"""The mock of `POST /v3/targetGroups`: creates target groups in the shared store.

What it answers (the choices are the spec's x-choice notes unless said here):
- 401 when no usable credentials come (Basic, X-CAP-API-OAUTH-TOKEN or Bearer; secrets are not
  verified). Body: the v3 envelope with `errors: [{code: 401, message: "Unauthorized"}]` and a
  `WWW-Authenticate: Basic` header. The page shows no 401 body; Capillary's v3 services answer
  everything in the envelope, and a client that reads `errors` should find the reason there.
- 400, `data: null`, `errors: [{code, message}]` for a request that breaks a rule the service
  refuses (`RULES.refused`: each rule's flag; the schema's keywords are refused) or a body over
  `rules.BODY_LIMIT` bytes (rule body_size): one entry per distinct Capillary code, in the order
  found, with the page's message (lines 683-685): 310008 for a long target name, 300004 for
  everything else (malformed JSON included). In `--strict` mode every finding is answered so;
  otherwise the others (every WARNING) are accepted and only reported in the x-contract-*
  headers and the journal.
- 400 with 310069 when the group name is taken: names are unique per org, the org being the
  credentials (Basic user name; OAuth token, in either header), compared case-insensitively.
  `ctx.store.insert_new` decides, so concurrent workers agree on who got the name.
- 200 with the created group otherwise, shaped like the page's response examples (lines 379-678).

Settings (`--setting capillary.KEY=VALUE`): `now` (an ISO date-time) fixes the clock, which decides
the periods' status and the attribution stamps; `credentials` (a list of 'user:password' and
tokens) makes the mock accept only those (any credentials by default).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from starlette.requests import Request

from ...vendor import (
    Answer,
    HttpRequest,
    MockContext,
    MockRoom,
    MockRoute,
    read_body,
)
from .answers import ANSWERS
from .auth import Credentials, digest, presented_secret, read_credentials
from .dates import attribution_stamp, parse_date_time, utc_date, utc_millis, utc_seconds
from .rules import (
    BODY_LIMIT,
    ERROR_MESSAGES,
    NAME_EXISTS,
    RULES,
    body_size_violation,
    check_request,
    error_code,
)

PATH = "/v3/targetGroups"
NAMES = "group_names"  # store kind: (org, name) -> group id
GROUPS = "target_groups"  # store kind: group id -> the created group (the response's data)
# Each kind of ID counts from its own start, so a client that mixes them up (a period ID where a
# group ID is due) gets a number that names nothing, as it would against the real service.
ID_STARTS = {
    "target_group": 1001,
    "period": 20001,
    "target": 3001,
    "default_value": 100001,
    "emf_rule_set": 126000001,
}


def routes(ctx: MockContext) -> list[MockRoute]:
    async def create_target_group(request: Request) -> Answer:
        return await _create(ctx, request)

    return [MockRoute("POST", PATH, create_target_group)]


def envelope(data: Any = None, codes: list[int] | None = None) -> dict[str, Any]:
    entries = [{"code": code, "message": ERROR_MESSAGES[code]} for code in codes or []]
    return {"data": data, "errors": entries or None, "warnings": None}


def _json(status: int, body: dict[str, Any], **kwargs: Any) -> Answer:
    # Encoded here, ASCII-escaped: a name may hold characters (lone surrogates) that JSON carries
    # but UTF-8 cannot encode.
    return Answer(status, json.dumps(body).encode("ascii"), **kwargs)


async def _create(ctx: MockContext, request: Request) -> Answer:
    raw = await read_body(request, BODY_LIMIT)
    if raw is None:
        too_big = body_size_violation(request.headers.get("content-length") or "more than that")
        return _json(400, envelope(codes=[error_code(too_big)]), violations=[too_big])
    http = HttpRequest.build(
        request.method, request.url.path, request.url.query, dict(request.headers), raw
    )
    violations = check_request(http)
    credentials, _ = read_credentials(http.headers)
    accepted = ctx.settings.get("credentials")  # 'user:password' or tokens; None: any
    if credentials is not None and accepted is not None:
        secret = presented_secret(http.headers)
        if secret is None or digest(secret) not in {digest(str(c)) for c in accepted}:
            credentials = None
    if credentials is None:
        body = {
            "data": None,
            "errors": [{"code": 401, "message": "Unauthorized"}],
            "warnings": None,
        }
        headers = {"www-authenticate": 'Basic realm="Capillary"'}
        return _json(401, body, headers=headers, violations=violations, request_body=raw)
    refused = RULES.refused(violations, ctx.strict)
    if refused:
        codes = list(dict.fromkeys(error_code(v) for v in refused))
        return _json(400, envelope(codes=codes), violations=violations, request_body=raw)
    group = json.loads(raw)
    group_id = ctx.store.next_id(ctx.api.name, "target_group", ID_STARTS["target_group"])
    (new,) = ctx.store.insert_new(ctx.api.name, NAMES, [(_name_key(credentials, group), group_id)])
    if not new:
        taken = RULES["target_group_name_unique"].violation(
            "name", f"{group['name']!r} is already the name of a target group of this org"
        )
        return _json(
            400, envelope(codes=[NAME_EXISTS]), violations=[*violations, taken], request_body=raw
        )
    data = _created(ctx, group, group_id, credentials)
    ctx.store.put(ctx.api.name, GROUPS, str(group_id), data)
    return _json(200, envelope(data), violations=violations, request_body=raw)


def _name_key(credentials: Credentials, group: dict[str, Any]) -> str:
    """The org and the name, digested: the key is shown by /_contracts/records, and neither a user
    name nor a group name needs to be."""
    text = f"{credentials.identity}\n{str(group['name']).casefold()}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _now(ctx: MockContext) -> datetime:
    fixed = parse_date_time(ctx.settings.get("now"))
    return fixed if fixed is not None else datetime.now(UTC)


def _created(
    ctx: MockContext, group: dict[str, Any], group_id: int, credentials: Credentials
) -> dict[str, Any]:
    """The response's `data`: the group as sent, with IDs, attributions and dates as the page's
    response examples write them (lines 379-528)."""
    now = _now(ctx)
    user = _attribution_user(credentials)
    periods = [
        _period(ctx, period, group_id, now, user)
        for period in group.get("periods") or []
    ]  # fmt: skip
    data: dict[str, Any] = {"id": group_id, "name": group["name"]}
    for key in ("fromDate", "toDate"):
        moment = parse_date_time(group.get(key))
        if moment is not None:
            data[key] = utc_date(moment)
    data["active"] = group.get("active", True)
    data["preferredTillId"] = group.get("preferredTillId", 0)
    data["periods"] = periods
    data["totalPeriods"] = group.get("totalPeriods", len(periods))
    for key in ("targetEvaluationType", "recurringCycles", "frequency"):
        if key in group:
            data[key] = group[key]
    data.update(_cycle(group))
    if "trackingType" in group:
        data["trackingType"] = group["trackingType"]
    data["targets"] = [
        _target(ctx, target, group_id, periods, now, user) for target in group.get("targets") or []
    ]
    data.update({"leaderboardEnabled": False, "userCreated": False, "timeZoneName": "GMT"})
    return data


def _cycle(group: dict[str, Any]) -> dict[str, str]:
    """The cycle's bounds, in UTC. As the page's examples show (line 454 against lines 80 and 87),
    the service takes targetCycleStartDate when it is sent and the ISO form otherwise, and writes
    each bound twice: with milliseconds, and to the second in the `...ISO` field."""
    bounds = {}
    for bound in ("Start", "End"):
        moment = parse_date_time(group.get(f"targetCycle{bound}Date"))
        if moment is None:
            moment = parse_date_time(group.get(f"targetCycle{bound}DateISO"))
        if moment is not None:
            bounds[bound] = moment
    found = {f"targetCycle{bound}Date": utc_millis(m) for bound, m in bounds.items()}
    found.update({f"targetCycle{bound}DateISO": utc_seconds(m) for bound, m in bounds.items()})
    return found


def _attribution_user(credentials: Credentials) -> dict[str, Any]:
    # A stable ID per user; the till code is the Basic user name (not a secret: the page's own
    # response shows it, line 397); a token user is named by a digest, never by the token.
    digest = hashlib.sha256(credentials.identity.encode("utf-8", "surrogatepass")).digest()
    return {
        "id": int.from_bytes(digest[:4]) % 90_000_000 + 10_000_000,
        "code": credentials.user,
        "description": "",
        "name": credentials.user,
        "type": "TILL",
    }


def _attribution(moment: datetime, user: dict[str, Any]) -> dict[str, Any]:
    return {
        "createdOn": attribution_stamp(moment),
        "createdOnISO": utc_seconds(moment),
        "lastUpdatedOn": attribution_stamp(moment),
        "lastUpdatedOnISO": utc_seconds(moment),
        "lastUpdatedBy": user,
        "createdBy": user,
    }


def _period(
    ctx: MockContext, period: dict[str, Any], group_id: int, now: datetime, user: dict[str, Any]
) -> dict[str, Any]:
    start, end = parse_date_time(period["startDate"]), parse_date_time(period["endDate"])
    assert start is not None and end is not None  # check_request let it through
    created: dict[str, Any] = {
        "id": ctx.store.next_id(ctx.api.name, "period", ID_STARTS["period"]),
        # periods are stamped to the second, targets to the millisecond (lines 391 and 464)
        "attribution": _attribution(now.replace(microsecond=0), user),
        "startDate": utc_date(start),
        "endDate": utc_date(end),
    }
    if "refCode" in period:
        created["refCode"] = period["refCode"]
    created["periodStatus"] = _status(period, start, end, now)
    created["targetGroupId"] = group_id
    if "description" in period:
        created["description"] = period["description"]
    created["active"] = period.get("active", True)
    return created


def _status(period: dict[str, Any], start: datetime, end: datetime, now: datetime) -> str:
    """The service reports the status the dates give, not the one sent: both page examples send
    RUNNING and NOT_STARTED for past periods and get ENDED back (lines 413, 443). A future period
    keeps the UPCOMING/NOT_STARTED it was sent with (NOT_STARTED when it was sent as RUNNING)."""
    if end < now:
        return "ENDED"
    if start <= now:
        return "RUNNING"
    sent = period.get("periodStatus")
    return sent if sent in ("UPCOMING", "NOT_STARTED") else "NOT_STARTED"


def _target(
    ctx: MockContext,
    target: dict[str, Any],
    group_id: int,
    periods: list[dict[str, Any]],
    now: datetime,
    user: dict[str, Any],
) -> dict[str, Any]:
    created: dict[str, Any] = {
        "id": ctx.store.next_id(ctx.api.name, "target", ID_STARTS["target"]),
        "attribution": _attribution(now, user),
        "name": target["name"],
        "emfRuleSetId": ctx.store.next_id(ctx.api.name, "emf_rule_set", ID_STARTS["emf_rule_set"]),
        "targetType": target["targetType"],
    }
    for key in ("targetEntity", "eventName"):
        if key in target:
            created[key] = target[key]
    created["targetGroupId"] = group_id
    created["active"] = target.get("active", True)
    if "expression" in target:
        expression = target["expression"]
        created["expression"] = (
            str(expression).lower() if isinstance(expression, bool) else expression
        )
    if "expressionJson" in target:
        created["expressionJson"] = target["expressionJson"]
    created["filters"] = target.get("filters", [])
    if "enrolmentMethod" in target:
        created["enrolmentMethod"] = target["enrolmentMethod"]
    # Paired with the periods by position (rule default_values_match_periods); a surplus on
    # either side is left out.
    values = [
        {
            "id": ctx.store.next_id(ctx.api.name, "default_value", ID_STARTS["default_value"]),
            "periodId": period["id"],
            "defaultValue": _number(value["defaultValue"]),
        }
        for period, value in zip(periods, target.get("defaultValues") or [], strict=False)
    ]
    created["defaultValues"] = values
    created["targetPeriodDefaultValuesMap"] = {str(v["periodId"]): v for v in values}
    if "extendedFieldInfo" in target:
        created["extendedFieldInfo"] = target["extendedFieldInfo"]
    return created


def _number(value: Any) -> int | float:
    """A default value as the response writes it: a number (line 368), whole ones without a
    fraction as in the examples (line 495), even when sent as a numeric string (line 688)."""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return 0
    return int(number) if number == number.to_integral_value() else float(number)


ROOM = MockRoom(routes=routes, answers=ANSWERS)
