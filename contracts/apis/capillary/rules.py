"""What a `POST /v3/targetGroups` request must satisfy beyond the spec's JSON Schema.

Each rule cites the page line that states it (capillary-create-target-group-behavioural.txt) and
knows the Capillary error code the service answers it with (`ERROR_CODES`, page lines 683-685).
The names of the rules the spec marks with `x-rule` are the spec's.

The house rule decides the severity: an ERROR (and a refusal by the faithful mock) needs a page
line that states it; what rests on our reading or an extrapolation is a WARNING, accepted by the
faithful mock (refused with `--strict`). Whether the service refuses a breach is each rule's flag
(`Rule.service_refuses`), read through `RULES.refuses`/`RULES.refused` by the mock and `check`.

A value the schema already rejects (wrong type, outside an enum or a range, a date-time of the wrong
shape) is reported once, by the schema: the rules below skip it rather than report it twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from ...vendor import (
    DocRef,
    HttpRequest,
    Rule,
    RuleBook,
    RulesRoom,
    Severity,
    Violation,
    find_operation,
    json_body,
    schema_violations,
    short,
)
from . import API
from .auth import read_credentials
from .dates import has_date_time_shape, offset_minutes, parse_date_time, zone_of

PAGE = "capillary-create-target-group-behavioural.txt"
REQUEST_SCHEMA = {"$ref": "#/components/schemas/TargetGroupCreate"}
BODY_LIMIT = 1024 * 1024  # bytes; the page states none, a target group is a few kilobytes
NAME_LIMIT = 200  # lines 213 and 685
INT32_MAX = 2**31 - 1
BEHAVIOURAL_TARGET_TYPES = ("COUNT", "VISIT", "EVENT_ATTRIBUTE")  # line 40
TARGET_ENTITIES = ("TRANSACTION", "LINEITEM", "EVENT", "REWARDS")  # line 259
# Real UTC offsets run from -12:00 (Baker Island) to +14:00 (Line Islands), in whole, half or
# three-quarter hours.
OFFSET_RANGE = (-12 * 60, 14 * 60)
OFFSET_MINUTES = (0, 30, 45)

# Capillary error codes (page lines 683-685).
NAME_EXISTS = 310069
INVALID_INPUT = 300004
TARGET_NAME_TOO_LONG = 310008
ERROR_MESSAGES = {
    NAME_EXISTS: "Target group name already exists",
    INVALID_INPUT: "Invalid input, check all values and ensure they are correct.",
    TARGET_NAME_TOO_LONG: "Length of Target rule name cannot exceed 200",
}


def _rule(
    name: str,
    line: int,
    statement: str,
    severity: Severity = Severity.ERROR,
    choice: str = "",
    refused_by_service: bool | None = None,
) -> Rule:
    return Rule(name, DocRef(PAGE, line), statement, severity, choice, refused_by_service)


RULES = RuleBook(
    [
        _rule(
            "operation",
            202,
            "The request is POST /v3/targetGroups (URI v3/targetGroups, HTTP method POST, lines"
            " 202-203).",
        ),
        _rule(
            "body_size",
            208,
            f"The body is at most {BODY_LIMIT} bytes.",
            Severity.WARNING,
            choice="The page states no limit, so this is a warning. 1 MiB is far above any target"
            " group (a few kilobytes); the mock refuses larger bodies (400, 300004 invalid input,"
            " even when not strict) so it never holds a huge body in memory: the one refusal"
            " without a page line, a bound of the mock's own resources.",
            refused_by_service=True,
        ),
        _rule(
            "credentials_required",
            197,
            "The request authenticates with Basic credentials or an OAuth token"
            " (X-CAP-API-OAUTH-TOKEN, or Authorization: Bearer).",
            choice="The page says only 'Basic/OAuth authentication' (line 197); the spec accepts"
            " Basic, the OAuth token header and, for our users and the --token option, a bearer"
            " token. Passwords and tokens are not verified: any well-formed credential passes.",
        ),
        _rule(
            "target_group_name_length",
            213,
            "The target group name is at most 200 characters.",
            choice="The page gives no error code for a long group name (310008 is for the target"
            " rule name, line 685), so it is answered with 300004 invalid input (line 684).",
        ),
        _rule(
            "target_name_length",
            685,
            "A target (rule) name is at most 200 characters; error 310008.",
        ),
        _rule(
            "target_group_name_unique",
            683,
            "The target group name is not already taken; error 310069.",
            choice="A state rule, checked by the mock only. Names are unique per org; the mock"
            " takes the credentials for the org (the Basic user name, or the OAuth token whichever"
            " header carries it) and compares names case-insensitively, as a unique index under"
            " MySQL's default collation would.",
        ),
        _rule(
            "behavioural_target_requires_event_entity",
            37,
            "A target of type COUNT, VISIT or EVENT_ATTRIBUTE (the only behavioural types, line 40)"
            " has targetEntity EVENT.",
            choice="A target without targetEntity breaks the rule too: the page lists targetEntity"
            " EVENT as one of the keys that make a target behavioural (lines 35-37).",
        ),
        _rule(
            "event_entity_requires_event_name",
            39,
            "A target with targetEntity EVENT carries eventName ('This key will be present in the"
            " request body for the behavioural event type of targets', line 39).",
        ),
        _rule(
            "event_name_not_blank",
            38,
            "A target's eventName names an event: it is not empty or only white space.",
            Severity.WARNING,
            choice="Line 38 says eventName is 'name of the behavioral event' and line 39 that it is"
            " present; that an empty or blank one is refused is our reading, so the faithful mock"
            " accepts it (strict refuses).",
        ),
        _rule(
            "event_attribute_requires_sum_extended_field",
            41,
            "A target of type EVENT_ATTRIBUTE carries extendedFieldInfo with aggregateFunction"
            " SUM (lines 41-44, 261-264).",
        ),
        _rule(
            "aggregate_function_sum",
            264,
            "The extendedFieldInfo of a COUNT or VISIT target, if sent, uses aggregateFunction SUM,"
            " the only supported value (lines 264, 289).",
            Severity.WARNING,
            choice="The page says extendedFieldInfo applies only to EVENT_ATTRIBUTE (line 262) yet"
            " sends it with COUNT/VISIT (lines 51-56, 173-176); the service most plausibly ignores"
            " it there, so a COUNT aggregate on such a target is a warning, not an error.",
        ),
        _rule(
            "periods_match_total_periods",
            217,
            "totalPeriods equals the number of periods sent (when periods are sent).",
            Severity.WARNING,
            choice="The page says only that totalPeriods is 'the total number of periods' (line"
            " 217) and both examples agree with their periods; other Capillary pages send bodies"
            " where they differ (as the brief reports), so the service evidently accepts them."
            " Not checked when periods is absent: the three-call flow (line 35) adds them later.",
        ),
        _rule(
            "periods_ordered",
            240,
            "Periods are sent in chronological order, each starting after the previous one ends.",
            Severity.WARNING,
            choice="The page lists periods as 'an array of period objects' (line 240) and both"
            " examples send them in order without overlap; other Capillary pages send bodies that"
            " do not (as the brief reports), so order is a warning. A period starting exactly"
            " when the previous one ends counts as overlapping.",
        ),
        _rule(
            "period_start_before_end",
            246,
            "A period's startDate (line 246) is before its endDate (line 243).",
            Severity.WARNING,
            choice="Not stated in words: a period ending before it starts contains no time, and"
            " Capillary plausibly rejects it as invalid input (300004), but that is an"
            " extrapolation, so the faithful mock accepts it (strict refuses). Equal bounds count"
            " as the wrong order too.",
        ),
        _rule(
            "period_dates_valid",
            243,
            "A period's startDate and endDate are real date-times (lines 243, 246).",
            choice="The spec writes period bounds as a pattern (their zone may be missing), which"
            " cannot tell 2025-02-30 or 25:00 from a real date-time; this rule does.",
        ),
        _rule(
            "default_values_match_periods",
            252,
            "Each target's defaultValues holds one entry per period, matched to periods by"
            " position.",
            Severity.WARNING,
            choice="The page says only 'an array of objects providing default values' (line 252);"
            " the examples send one per period and the response pairs each with a period ID"
            " (lines 492-507). Whether the service refuses a mismatch is not documented; the mock"
            " pairs by position and leaves the surplus out.",
        ),
        _rule(
            "cycle_iso_start_before_end",
            230,
            "targetCycleStartDateISO (line 220) is before targetCycleEndDateISO (line 230),"
            " comparing instants with their offsets.",
            Severity.WARNING,
            choice="The page does not order the two; the response examples show the service"
            " taking the cycle start from targetCycleStartDate when it is sent (line 454 vs 80),"
            " so it may never compare the ISO pair.",
        ),
        _rule(
            "iso_offset_real",
            222,
            "targetCycleStartDateISO and targetCycleEndDateISO carry a real region offset (lines"
            " 222, 232): -12:00 to +14:00 in whole, half or three-quarter hours.",
            Severity.WARNING,
            choice="RFC 3339 admits any offset below 24 hours and Java parses up to 18 hours; the"
            " page asks for 'the region offset', which no region sets beyond -12:00..+14:00.",
        ),
        _rule(
            "target_names_unique_in_group",
            354,
            "The targets of one group have distinct names ('Unique name for the target').",
            Severity.WARNING,
            choice="Line 354 is in the response table and does not say unique within what; the"
            " narrowest reading (within the group being created) is checked, as a warning.",
        ),
    ]
)

# Every rule the service answers with 400 maps to a Capillary code; the page documents three
# (lines 683-685) and 300004 'invalid input' covers everything else, schema keywords included.
ERROR_CODES: dict[str, int] = {
    "target_name_length": TARGET_NAME_TOO_LONG,
    "target_group_name_unique": NAME_EXISTS,
}


def error_code(violation: Violation) -> int:
    """The Capillary error code the service answers a violated rule with."""
    return ERROR_CODES.get(violation.rule, INVALID_INPUT)


# -- checking ---------------------------------------------------------------------------------


def check_request(request: HttpRequest, edition: str | None = None) -> list[Violation]:
    """Everything the contract says about a request: its operation, its credentials, the spec's
    JSON Schema for TargetGroupCreate and the rules above. Never raises on bad input."""
    spec = API.spec(edition)
    if find_operation(spec, request.method, request.path) is None:
        operations = ", ".join(op.label for op in spec.operations())
        return [
            RULES["operation"].violation(
                "request",
                f"{request.method} {short(request.path)} is not an operation of {spec.name}"
                f" (it has {operations})",
            )
        ]
    found = check_credentials(request)
    if len(request.body) > BODY_LIMIT:
        found.append(body_size_violation(len(request.body)))
    body, problems = json_body(spec, request.body)
    if problems:
        return found + problems
    found += _once(schema_violations(spec, REQUEST_SCHEMA, body))
    return found + check_body(body)


def body_size_violation(size: int | str) -> Violation:
    return RULES["body_size"].violation("body", f"{size} bytes is more than {BODY_LIMIT}")


def check_credentials(request: HttpRequest) -> list[Violation]:
    credentials, why = read_credentials(request.headers)
    if credentials is not None:
        return []
    return [RULES["credentials_required"].violation("headers.authorization", why)]


# The schema's maxLength on the two names says what these rules say; the rules carry the error
# code (310008 for the target name), so the schema's report is dropped in their favour.
_NAME_FIELD = re.compile(r"^(targets\[\d+\]\.)?name$")


def _once(violations: list[Violation]) -> list[Violation]:
    """The schema's violations, one per breach: without the maxLength the name rules report,
    without the int32/int64 `format` the validator adds to a `maximum`/`minimum` on the same
    field (2^63 breaks both), and without repeats (the OAS 3.0 validator reports `type` twice
    for a null body)."""
    ranged = {v.field for v in violations if v.rule in ("maximum", "minimum")}
    kept = [
        v
        for v in violations
        if not (v.rule == "maxLength" and _NAME_FIELD.match(v.field))
        and not (v.rule == "format" and v.field in ranged)
    ]
    return list(dict.fromkeys(kept))


def check_body(body: Any) -> list[Violation]:
    """The rules (not the schema) on a parsed body; a body that is not an object has none."""
    if not isinstance(body, dict):
        return []
    return [violation for check in CHECKS for violation in check(body)]


def _targets(body: dict[str, Any]) -> Iterator[tuple[int, dict[str, Any]]]:
    targets = body.get("targets")
    if isinstance(targets, list):
        for index, target in enumerate(targets):
            if isinstance(target, dict):
                yield index, target


def _periods(body: dict[str, Any]) -> list[Any] | None:
    periods = body.get("periods")
    return periods if isinstance(periods, list) else None


def _name_length(body: dict[str, Any]) -> list[Violation]:
    name = body.get("name")
    if isinstance(name, str) and len(name) > NAME_LIMIT:
        return [
            RULES["target_group_name_length"].violation(
                "name", f"{short(name)} is {len(name)} characters, longer than {NAME_LIMIT}"
            )
        ]
    return []


def _target_name_length(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["target_name_length"]
    return [
        rule.violation(
            f"targets[{i}].name",
            f"{short(target['name'])} is {len(target['name'])} characters, longer than"
            f" {NAME_LIMIT}",
        )
        for i, target in _targets(body)
        if isinstance(target.get("name"), str) and len(target["name"]) > NAME_LIMIT
    ]


def _event_entity(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["behavioural_target_requires_event_entity"]
    found = []
    for i, target in _targets(body):
        kind = target.get("targetType")
        if kind not in BEHAVIOURAL_TARGET_TYPES:
            continue  # missing or outside the enum: the schema says so
        field = f"targets[{i}].targetEntity"
        if "targetEntity" not in target:
            found.append(rule.violation(field, f"is missing; a {kind} target tracks EVENT"))
        elif target["targetEntity"] in TARGET_ENTITIES and target["targetEntity"] != "EVENT":
            found.append(
                rule.violation(
                    field, f"{target['targetEntity']!r} is not EVENT, which a {kind} target tracks"
                )
            )
    return found


def _event_name(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["event_entity_requires_event_name"]
    return [
        rule.violation(f"targets[{i}].eventName", "is missing; an EVENT target names its event")
        for i, target in _targets(body)
        if target.get("targetEntity") == "EVENT" and "eventName" not in target
    ]


def _event_name_blank(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["event_name_not_blank"]
    return [
        rule.violation(f"targets[{i}].eventName", f"{target['eventName']!r} names no event")
        for i, target in _targets(body)
        if target.get("targetEntity") == "EVENT"
        and isinstance(target.get("eventName"), str)
        and not target["eventName"].strip()
    ]


def _event_attribute(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["event_attribute_requires_sum_extended_field"]
    found = []
    for i, target in _targets(body):
        if target.get("targetType") != "EVENT_ATTRIBUTE":
            continue
        field = f"targets[{i}].extendedFieldInfo"
        info = target.get("extendedFieldInfo")
        if "extendedFieldInfo" not in target:
            found.append(
                rule.violation(field, "is missing; an EVENT_ATTRIBUTE target names the attribute"
                               " to SUM")
            )  # fmt: skip
        elif isinstance(info, dict) and info.get("aggregateFunction") == "COUNT":
            found.append(
                rule.violation(
                    f"{field}.aggregateFunction", "'COUNT' is not SUM, which EVENT_ATTRIBUTE uses"
                )
            )
    return found


def _aggregate_function(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["aggregate_function_sum"]
    return [
        rule.violation(
            f"targets[{i}].extendedFieldInfo.aggregateFunction",
            f"'COUNT' is not SUM, the only value a request may send (on a {target['targetType']}"
            " target)",
        )
        for i, target in _targets(body)
        if target.get("targetType") in ("COUNT", "VISIT")
        and isinstance(target.get("extendedFieldInfo"), dict)
        and target["extendedFieldInfo"].get("aggregateFunction") == "COUNT"
    ]


def _total_periods(body: dict[str, Any]) -> list[Violation]:
    total, periods = body.get("totalPeriods"), _periods(body)
    if periods is None or type(total) is not int or not 1 <= total <= INT32_MAX:
        return []
    if total == len(periods):
        return []
    return [
        RULES["periods_match_total_periods"].violation(
            "totalPeriods", f"{total} does not match the {len(periods)} periods sent"
        )
    ]


def _bounds(period: Any) -> tuple[Any, Any] | None:
    """A period's (start, end) instants, or None when either is missing or not a date-time."""
    if not isinstance(period, dict):
        return None
    start = parse_date_time(period.get("startDate"))
    end = parse_date_time(period.get("endDate"))
    return (start, end) if start is not None and end is not None else None


def _periods_ordered(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["periods_ordered"]
    periods = _periods(body) or []
    found = []
    for i in range(1, len(periods)):
        previous, current = _bounds(periods[i - 1]), _bounds(periods[i])
        if previous is None or current is None:
            continue
        # min/max: a period whose own bounds are swapped is period_start_before_end's business.
        previous_end, current_start = max(previous), min(current)
        if current_start <= previous_end:
            found.append(
                rule.violation(
                    f"periods[{i}].startDate",
                    f"{periods[i]['startDate']!r} does not start after periods[{i - 1}] ends"
                    f" ({periods[i - 1]['endDate']!r})",
                )
            )
    return found


def _period_start_before_end(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["period_start_before_end"]
    found = []
    for i, period in enumerate(_periods(body) or []):
        bounds = _bounds(period)
        if bounds is not None and bounds[0] >= bounds[1]:
            found.append(
                rule.violation(
                    f"periods[{i}].endDate",
                    f"{period['endDate']!r} is not after startDate {period['startDate']!r}",
                )
            )
    return found


def _period_dates_valid(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["period_dates_valid"]
    found = []
    for i, period in enumerate(_periods(body) or []):
        if not isinstance(period, dict):
            continue
        for key in ("startDate", "endDate"):
            value = period.get(key)
            # a value of the wrong shape is the schema's (pattern); only real-ness is checked here
            if has_date_time_shape(value) and parse_date_time(value) is None:
                found.append(rule.violation(f"periods[{i}].{key}", f"{value!r} is not a real"
                                            " date-time"))  # fmt: skip
    return found


def _default_values(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["default_values_match_periods"]
    periods = _periods(body)
    if periods is None:
        return []
    found = []
    for i, target in _targets(body):
        values = target.get("defaultValues", [])
        if isinstance(values, list) and len(values) != len(periods):
            found.append(
                rule.violation(
                    f"targets[{i}].defaultValues",
                    f"has {len(values)} entries for {len(periods)} periods",
                )
            )
    return found


def _cycle_order(body: dict[str, Any]) -> list[Violation]:
    start_text, end_text = body.get("targetCycleStartDateISO"), body.get("targetCycleEndDateISO")
    start, end = _rfc3339(start_text), _rfc3339(end_text)
    if start is None or end is None or start < end:
        return []
    return [
        RULES["cycle_iso_start_before_end"].violation(
            "targetCycleEndDateISO",
            f"{end_text!r} is not after targetCycleStartDateISO {start_text!r}",
        )
    ]


def _rfc3339(value: Any) -> Any:
    """The instant of a value the schema accepts as an ISO date-time with offset, else None."""
    zone = zone_of(value)
    if zone is None or (zone != "Z" and ":" not in zone):
        return None  # no zone, or one without a colon: the schema's pattern reports it
    return parse_date_time(value)


def _iso_offsets(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["iso_offset_real"]
    found = []
    for key in ("targetCycleStartDateISO", "targetCycleEndDateISO"):
        value = body.get(key)
        if _rfc3339(value) is None:
            continue
        zone = zone_of(value)
        minutes = offset_minutes(zone)
        assert minutes is not None  # _rfc3339 parsed it
        low, high = OFFSET_RANGE
        if not low <= minutes <= high or abs(minutes) % 60 not in OFFSET_MINUTES:
            found.append(rule.violation(key, f"{value!r} has offset {zone}, which no region uses"))
    return found


def _unique_target_names(body: dict[str, Any]) -> list[Violation]:
    rule = RULES["target_names_unique_in_group"]
    seen: dict[str, int] = {}
    found = []
    for i, target in _targets(body):
        name = target.get("name")
        if not isinstance(name, str):
            continue
        if name in seen:
            found.append(
                rule.violation(f"targets[{i}].name", f"{short(name)} is also targets[{seen[name]}]")
            )
        else:
            seen[name] = i
    return found


CHECKS: list[Callable[[dict[str, Any]], list[Violation]]] = [
    _name_length,
    _target_name_length,
    _event_entity,
    _event_name,
    _event_name_blank,
    _event_attribute,
    _aggregate_function,
    _total_periods,
    _periods_ordered,
    _period_start_before_end,
    _period_dates_valid,
    _default_values,
    _cycle_order,
    _iso_offsets,
    _unique_target_names,
]

__all__ = ["ERROR_CODES", "RULES", "check_body", "check_request", "error_code"]


ROOM = RulesRoom(book=RULES, check_request=check_request)
