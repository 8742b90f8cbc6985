"""Hypothesis strategies for `POST /v3/targetGroups` bodies (with their credentials).

`valid_samples()` draws target groups with 1..6 consecutive periods (or none, the bare group of the
three-call flow, page line 35) and behavioural targets of every targetType, with one default value
per period and consistent dates. `boundary_samples()` puts each limit at exactly the limit and one
past it; `invalid_samples()` breaks exactly one rule of `rules.RULES` or one schema keyword.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, Phase, find, settings
from hypothesis import strategies as st

from ...vendor import HttpRequest, Sample, StrategiesRoom
from .auth import OAUTH_HEADER, basic
from .rules import NAME_LIMIT

PATH = "/v3/targetGroups"
INT64_MAX = 2**63 - 1
INT32_MAX = 2**31 - 1
TARGET_TYPES = ("COUNT", "VISIT", "EVENT_ATTRIBUTE")
TRACKING_TYPES = ("DEFAULT", "UNIFIED", "STREAKS", "CAPPING", "NON_CONTINUOUS_STREAKS")
EVALUATION_TYPES = ("FIXED_CALENDAR_WINDOW", "CYCLIC_WINDOW", "PERIOD_AGNOSTIC_WINDOW")
FREQUENCY_TYPES = ("MONTHLY", "QUARTERLY", "HALF_YEARLY", "YEARLY", "WEEKLY", "DAILY", "CUSTOM")
PERIOD_STATUSES = ("RUNNING", "UPCOMING", "NOT_STARTED")
ENROLMENT_METHODS = ("TRANSACTION", "IMPORT")
ENTITY_TYPES = ("STORE", "ZONE", "CONCEPT")
OTHER_ENTITIES = ("TRANSACTION", "LINEITEM", "REWARDS")
REAL_OFFSETS = ("+05:30", "-08:00", "+00:00", "+01:00", "+05:45", "+09:30", "+14:00", "-12:00")
EXPRESSION_JSON = '{"arity":"literal","value":"true","type":"boolean:primitive"}'
MS = timedelta(milliseconds=1)
DAY = timedelta(days=1)

# Any text but lone surrogates, which JSON can carry but no HTTP client sends as UTF-8.
_TEXT = st.characters(exclude_categories=["Cs"])


def request_of(sample: Sample) -> HttpRequest:
    """The HTTP request a sample stands for (a bytes body is sent as it is)."""
    body = sample.body if isinstance(sample.body, bytes) else json.dumps(sample.body).encode()
    return HttpRequest.build("POST", PATH, sample.query, sample.headers, body)


# -- pieces -----------------------------------------------------------------------------------
# Strategies are built once, here: building them inside each draw costs more than drawing.


@functools.cache
def names(min_size: int = 1, max_size: int = NAME_LIMIT) -> st.SearchStrategy[str]:
    readable = st.from_regex(r"[A-Za-z][A-Za-z0-9_ ]{0,40}", fullmatch=True)
    anything = st.text(_TEXT, min_size=min_size, max_size=max_size)
    return (readable | anything).filter(lambda name: min_size <= len(name) <= max_size)


_USERS = st.from_regex(r"[a-z][a-z0-9_.]{0,20}", fullmatch=True)
_PASSWORDS = st.from_regex(r"[0-9a-f]{32}", fullmatch=True)  # Capillary sends md5(password)
_TOKENS = st.from_regex(r"[A-Za-z0-9._-]{16,64}", fullmatch=True)
_CREDENTIALS = st.one_of(
    st.builds(lambda u, p: {"Authorization": basic(u, p)}, _USERS, _PASSWORDS),
    st.builds(lambda t: {"X-CAP-API-OAUTH-TOKEN": t}, _TOKENS),
    st.builds(lambda t: {"Authorization": f"Bearer {t}"}, _TOKENS),
)


def credentials() -> st.SearchStrategy[dict[str, str]]:
    """Headers with one of the three accepted credentials (fake ones)."""
    return _CREDENTIALS


def iso(moment: datetime, offset: str = "Z", colon: bool = True) -> str:
    """`moment` written in local time at `offset` (`Z`, `+05:30`); `offset=""` writes no zone
    (read as UTC); `colon=False` writes `+0530`, which period bounds admit."""
    minutes = 0
    if offset not in ("", "Z"):
        sign = -1 if offset[0] == "-" else 1
        minutes = sign * (int(offset[1:3]) * 60 + int(offset[4:6]))
    local = moment.astimezone(UTC) + timedelta(minutes=minutes)
    text = local.strftime("%Y-%m-%dT%H:%M:%S.") + f"{local.microsecond // 1000:03d}"
    if offset in ("", "Z"):
        return text + offset
    return text + (offset if colon else offset.replace(":", ""))


def _optional(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """Any subset of the fields, each with a drawn value."""
    return st.fixed_dictionaries({}, optional=fields)


_MOMENTS = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)).map(
    lambda m: m.replace(microsecond=m.microsecond // 1000 * 1000, tzinfo=UTC)
)
_BOUND_FORMS = st.sampled_from(("Z", "offset", "no-colon", "no-zone"))
_OFFSETS = st.sampled_from(REAL_OFFSETS)
_ZONES = st.sampled_from(("Z", *REAL_OFFSETS))
_PERIOD_LENGTHS = st.integers(60_000, 45 * 86_400_000)  # ms: a minute to 45 days
_GAPS = st.integers(1, 5 * 86_400_000)  # ms
_CYCLE_LENGTHS = st.integers(2 * 86_400_000, 400 * 86_400_000)  # ms
_PERIOD_FIELDS = _optional({
    "active": st.booleans(),
    "description": st.text(_TEXT, max_size=30),
    "periodStatus": st.sampled_from(PERIOD_STATUSES),
})  # fmt: skip
_DEFAULT_VALUES = st.one_of(
    st.integers(0, 10**6),
    st.floats(0, 10**6, allow_nan=False, allow_infinity=False),
    st.from_regex(r"-?[0-9]{1,6}(\.[0-9]{1,2})?", fullmatch=True),  # "2", "1.00" (line 688)
)
_TARGET_TYPES = st.sampled_from(TARGET_TYPES)
_EVENT_NAMES = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,30}", fullmatch=True)
_ATTRIBUTES = st.fixed_dictionaries(
    {"name": st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,20}", fullmatch=True),
     "aggregateFunction": st.just("SUM")}
)  # fmt: skip
_FILTERS = st.lists(
    st.fixed_dictionaries(
        {"entityType": st.sampled_from(ENTITY_TYPES),
         "entityIds": st.lists(st.integers(1, INT64_MAX), min_size=1, max_size=3)}
    ),
    max_size=2,
)  # fmt: skip
_TARGET_FIELDS = _optional({
    "active": st.booleans(),
    "description": st.text(_TEXT, max_size=30),
    "expression": st.sampled_from(("true", True)),  # the streak page sends a boolean
    "expressionJson": st.just(EXPRESSION_JSON),
    "filters": _FILTERS,
    "enrolmentMethod": st.sampled_from(ENROLMENT_METHODS),
    "targetMilestoneTriggers": st.just([]),
})  # fmt: skip
_GROUP_FIELDS = _optional({
    "active": st.booleans(),
    "description": st.text(_TEXT, max_size=40),
    "preferredTillId": st.integers(0, INT64_MAX),
    "trackingType": st.sampled_from(TRACKING_TYPES),
    "targetEvaluationType": st.sampled_from(EVALUATION_TYPES),
    "frequencyType": st.sampled_from(FREQUENCY_TYPES),
    "frequency": st.integers(0, INT32_MAX),
    "recurringCycles": st.integers(0, INT32_MAX),
})  # fmt: skip
_DATE_FIELDS = ("fromDate", "toDate", "targetCycleStartDate", "targetCycleStartDateISO",
                "targetCycleEndDateISO")  # fmt: skip
_SOME_DATE_FIELDS = st.sets(st.sampled_from(_DATE_FIELDS))


def default_value() -> st.SearchStrategy[Any]:
    return _DEFAULT_VALUES


def _period_bound(draw: st.DrawFn, moment: datetime) -> str:
    """A period date in one of the forms the spec admits: UTC, a region offset with or without the
    colon, or no zone (the page's Body Params default, line 688)."""
    form = draw(_BOUND_FORMS)
    if form == "Z":
        return iso(moment)
    if form == "no-zone":
        return iso(moment, "")
    return iso(moment, draw(_OFFSETS), colon=form == "offset")


def _periods(draw: st.DrawFn, count: int, start: datetime) -> list[dict[str, Any]]:
    """`count` consecutive periods from `start`, each at least a minute long, gaps of 1 ms up."""
    drawn = []
    moment = start
    for index in range(count):
        length = timedelta(milliseconds=draw(_PERIOD_LENGTHS))
        period: dict[str, Any] = {
            "startDate": _period_bound(draw, moment),
            "endDate": _period_bound(draw, moment + length),
        }
        period.update(draw(_PERIOD_FIELDS))
        if draw(st.booleans()):
            period["refCode"] = f"Cycle_{index + 1}"
        drawn.append(period)
        moment += length + timedelta(milliseconds=draw(_GAPS))
    return drawn


def _target(draw: st.DrawFn, name: str, period_count: int) -> dict[str, Any]:
    kind = draw(_TARGET_TYPES)
    drawn: dict[str, Any] = {
        "targetEntity": "EVENT",
        "targetType": kind,
        "eventName": draw(_EVENT_NAMES),
        "name": name,
    }
    if kind == "EVENT_ATTRIBUTE" or draw(st.booleans()):  # COUNT/VISIT may send it (line 53)
        drawn["extendedFieldInfo"] = draw(_ATTRIBUTES)
    drawn["defaultValues"] = [{"defaultValue": draw(_DEFAULT_VALUES)} for _ in range(period_count)]
    drawn.update(draw(_TARGET_FIELDS))
    return drawn


def _group_fields(draw: st.DrawFn, start: datetime, cycle_end: datetime) -> dict[str, Any]:
    fields = dict(draw(_GROUP_FIELDS))
    dates = {
        "fromDate": iso(start),
        "toDate": iso(cycle_end),
        "targetCycleStartDate": iso(start),
        "targetCycleStartDateISO": iso(start, draw(_ZONES)),
        "targetCycleEndDateISO": iso(cycle_end, draw(_ZONES)),
    }
    fields.update({key: dates[key] for key in sorted(draw(_SOME_DATE_FIELDS))})
    return fields


PERIOD_COUNTS = st.integers(1, 6)
TARGET_COUNTS = st.integers(1, 3)


@st.composite
def target_group(
    draw: st.DrawFn,
    period_count: st.SearchStrategy[int] = PERIOD_COUNTS,
    target_count: st.SearchStrategy[int] = TARGET_COUNTS,
) -> dict[str, Any]:
    """A valid target group with its periods and targets, and consistent dates."""
    count = draw(period_count)
    start = draw(_MOMENTS)
    cycle_end = start + timedelta(milliseconds=draw(_CYCLE_LENGTHS))
    group: dict[str, Any] = {"name": draw(names())}
    group.update(_group_fields(draw, start, cycle_end))
    group["totalPeriods"] = count
    group["periods"] = _periods(draw, count, start)
    size = draw(target_count)
    target_names = draw(st.lists(names(), min_size=size, max_size=size, unique=True))
    group["targets"] = [_target(draw, name, count) for name in target_names]
    return group


@st.composite
def bare_target_group(draw: st.DrawFn) -> dict[str, Any]:
    """A target group without periods and targets, which later calls fill in (line 35)."""
    start = draw(_MOMENTS)
    group: dict[str, Any] = {"name": draw(names())}
    group.update(_group_fields(draw, start, start + 30 * DAY))
    return group


_VALID_GROUPS = st.one_of(target_group(), target_group(), target_group(), bare_target_group())


def valid_samples() -> st.SearchStrategy[Sample]:
    """Valid bodies with valid credentials; every request enum value is reachable."""
    return st.builds(
        lambda body, headers: Sample(body, headers=headers), _VALID_GROUPS, _CREDENTIALS
    )


# -- boundaries -------------------------------------------------------------------------------

Change = Callable[[dict[str, Any]], tuple[str | None, str | None, str]]  # breaks, field, note


def _set(path: str, value: Any) -> Change:
    """A change setting one top-level or `targets[0]`/`periods[0]` field."""

    def change(body: dict[str, Any]) -> tuple[str | None, str | None, str]:
        where, _, key = path.rpartition(".")
        node = body
        if where:
            collection, index = where.rstrip("]").split("[")
            node = body[collection][int(index)]
        node[key] = value
        return None, None, f"{path} = {str(value)[:40]}"

    return change


def _breaking(breaks: str, field: str, change: Change) -> Change:
    def wrapped(body: dict[str, Any]) -> tuple[str | None, str | None, str]:
        _, _, note = change(body)
        return breaks, field, note

    return wrapped


def _no_periods(body: dict[str, Any]) -> tuple[str | None, str | None, str]:
    body["totalPeriods"], body["periods"] = 0, []
    for item in body["targets"]:
        item["defaultValues"] = []
    return "minimum", "totalPeriods", "totalPeriods 0 with no periods"


def _cycle(start_offset: str, end_offset: str, length: timedelta) -> Change:
    def change(body: dict[str, Any]) -> tuple[str | None, str | None, str]:
        start = datetime(2026, 1, 1, 10, 30, tzinfo=UTC)
        body["targetCycleStartDateISO"] = iso(start, start_offset)
        body["targetCycleEndDateISO"] = iso(start + length, end_offset)
        return None, None, f"cycle {start_offset}..{end_offset}, {length}"

    return change


def _period_length(length: timedelta) -> Change:
    def change(body: dict[str, Any]) -> tuple[str | None, str | None, str]:
        first = body["periods"][0]
        start = datetime(2025, 7, 17, tzinfo=UTC)
        first["startDate"], first["endDate"] = iso(start), iso(start + length)
        return None, None, f"periods[0] {length} long"

    return change


def _gap(gap: timedelta) -> Change:
    def change(body: dict[str, Any]) -> tuple[str | None, str | None, str]:
        first, second = body["periods"][0], body["periods"][1]
        start = datetime(2025, 7, 17, tzinfo=UTC)
        first["startDate"], first["endDate"] = iso(start), iso(start + DAY)
        second["startDate"] = iso(start + DAY + gap)
        second["endDate"] = iso(start + 2 * DAY + gap)
        return None, None, f"periods[1] starts {gap} after periods[0] ends"

    return change


_ONE_TARGET = {"target_count": st.just(1)}
_ONE_PERIOD = {"period_count": st.just(1)}
_TWO_PERIODS = {"period_count": st.just(2)}
BOUNDARIES: list[tuple[dict[str, Any], Change]] = [
    ({}, _set("name", "n" * NAME_LIMIT)),
    ({}, _breaking("target_group_name_length", "name", _set("name", "n" * (NAME_LIMIT + 1)))),
    ({}, _set("name", "n")),
    ({}, _breaking("minLength", "name", _set("name", ""))),
    (_ONE_TARGET, _set("targets[0].name", "t" * NAME_LIMIT)),
    (_ONE_TARGET, _breaking("target_name_length", "targets[0].name",
                            _set("targets[0].name", "t" * (NAME_LIMIT + 1)))),
    (_ONE_TARGET, _breaking("minLength", "targets[0].name", _set("targets[0].name", ""))),
    (_ONE_PERIOD, _set("totalPeriods", 1)),
    (_ONE_PERIOD, _no_periods),
    ({"period_count": st.just(52)}, _set("totalPeriods", 52)),  # a weekly year
    (_ONE_PERIOD, _period_length(MS)),
    (_ONE_PERIOD, _breaking("period_start_before_end", "periods[0].endDate",
                            _period_length(0 * MS))),
    (_TWO_PERIODS, _gap(MS)),
    (_TWO_PERIODS, _breaking("periods_ordered", "periods[1].startDate", _gap(0 * MS))),
    ({}, _cycle("+14:00", "-12:00", DAY)),
    ({}, _breaking("iso_offset_real", "targetCycleStartDateISO", _cycle("+14:30", "Z", DAY))),
    ({}, _breaking("iso_offset_real", "targetCycleEndDateISO", _cycle("Z", "-12:30", DAY))),
    ({}, _cycle("Z", "Z", MS)),
    ({}, _breaking("cycle_iso_start_before_end", "targetCycleEndDateISO",
                   _cycle("+05:30", "+05:30", 0 * MS))),
    ({}, _set("preferredTillId", 0)),
    ({}, _breaking("minimum", "preferredTillId", _set("preferredTillId", -1))),
    ({}, _set("preferredTillId", INT64_MAX)),
    ({}, _breaking("maximum", "preferredTillId", _set("preferredTillId", INT64_MAX + 1))),
    ({}, _set("frequency", 0)),
    ({}, _breaking("minimum", "frequency", _set("frequency", -1))),
    ({}, _set("recurringCycles", INT32_MAX)),
    ({}, _breaking("maximum", "recurringCycles", _set("recurringCycles", INT32_MAX + 1))),
]  # fmt: skip


@st.composite
def _changed(draw: st.DrawFn, groups: st.SearchStrategy[dict[str, Any]], change: Change) -> Sample:
    body = copy.deepcopy(draw(groups))
    breaks, field, note = change(body)
    return Sample(body, breaks, field, note, headers=draw(credentials()))


def boundary_samples() -> st.SearchStrategy[Sample]:
    """Each limit at exactly the limit (valid) and one past it (breaking it)."""
    return st.one_of(*(_changed(target_group(**shape), change) for shape, change in BOUNDARIES))


# -- invalid ---------------------------------------------------------------------------------

Breaking = Callable[[st.DrawFn, dict[str, Any]], tuple[str, str]]  # (breaks, field)


def _a_target(draw: st.DrawFn, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    index = draw(st.integers(0, len(body["targets"]) - 1))
    return index, body["targets"][index]


def _a_period(draw: st.DrawFn, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    index = draw(st.integers(0, len(body["periods"]) - 1))
    return index, body["periods"][index]


def _group_name_length(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    body["name"] = draw(names(NAME_LIMIT + 1, 2 * NAME_LIMIT))
    return "target_group_name_length", "name"


def _target_name_length(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    t, item = _a_target(draw, body)
    item["name"] = draw(names(NAME_LIMIT + 1, 2 * NAME_LIMIT))  # longer than any other name
    return "target_name_length", f"targets[{t}].name"


def _entity(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    t, item = _a_target(draw, body)
    if draw(st.booleans()):
        item["targetEntity"] = draw(st.sampled_from(OTHER_ENTITIES))
    else:
        del item["targetEntity"]
    return "behavioural_target_requires_event_entity", f"targets[{t}].targetEntity"


def _event_name(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    t, item = _a_target(draw, body)
    if draw(st.booleans()):
        item["eventName"] = draw(st.sampled_from(("", " ", "\t")))
    else:
        del item["eventName"]
    return "event_entity_requires_event_name", f"targets[{t}].eventName"


def _event_attribute(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    t, item = _a_target(draw, body)
    item["targetType"] = "EVENT_ATTRIBUTE"
    field = f"targets[{t}].extendedFieldInfo"
    if draw(st.booleans()):
        item.pop("extendedFieldInfo", None)
    else:
        item["extendedFieldInfo"] = {"name": "price", "aggregateFunction": "COUNT"}
        field += ".aggregateFunction"
    return "event_attribute_requires_sum_extended_field", field


def _aggregate_function(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    t, item = _a_target(draw, body)
    item["targetType"] = draw(st.sampled_from(("COUNT", "VISIT")))
    item["extendedFieldInfo"] = {"name": "price", "aggregateFunction": "COUNT"}
    return "aggregate_function_sum", f"targets[{t}].extendedFieldInfo.aggregateFunction"


def _total_periods(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    body["totalPeriods"] = len(body["periods"]) + draw(st.integers(1, 5))
    return "periods_match_total_periods", "totalPeriods"


def _ordered(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    periods_ = body["periods"]  # at least two (KIND_SHAPES)
    i = draw(st.integers(0, len(periods_) - 2))
    periods_[i], periods_[i + 1] = periods_[i + 1], periods_[i]
    return "periods_ordered", f"periods[{i + 1}].startDate"


def _start_before_end(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    p, period = _a_period(draw, body)
    period["startDate"], period["endDate"] = period["endDate"], period["startDate"]
    return "period_start_before_end", f"periods[{p}].endDate"


def _dates_valid(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    p, period = _a_period(draw, body)
    key = draw(st.sampled_from(("startDate", "endDate")))
    period[key] = draw(
        st.sampled_from(("2025-02-30T00:00:00Z", "2025-07-17T25:00:00Z", "2025-13-01T00:00:00"))
    )
    return "period_dates_valid", f"periods[{p}].{key}"


def _default_values(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    t, item = _a_target(draw, body)
    if draw(st.booleans()):
        item["defaultValues"].pop()
    else:
        item["defaultValues"].append({"defaultValue": 1})
    return "default_values_match_periods", f"targets[{t}].defaultValues"


def _cycle_order(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    start = draw(_MOMENTS)
    body["targetCycleStartDateISO"] = iso(start + DAY, draw(_OFFSETS))
    body["targetCycleEndDateISO"] = iso(start - DAY, draw(_OFFSETS))
    return "cycle_iso_start_before_end", "targetCycleEndDateISO"


def _iso_offset(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    start = draw(_MOMENTS)
    zone = draw(st.sampled_from(("+14:30", "+15:00", "+18:00", "+23:45", "+05:17", "-13:00")))
    # the zone moves the start by less than a day and the cycle lasts three: still in order
    body["targetCycleStartDateISO"] = iso(start)[:-1] + zone
    body["targetCycleEndDateISO"] = iso(start + 3 * DAY)
    return "iso_offset_real", "targetCycleStartDateISO"


def _unique_names(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    targets = body["targets"]  # at least two (KIND_SHAPES)
    targets[1]["name"] = targets[0]["name"]
    return "target_names_unique_in_group", "targets[1].name"


def _required(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    del body["name"]
    return "required", "name"


def _enum(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    t, item = _a_target(draw, body)
    item["targetType"] = "SUM"  # the tables' name for EVENT_ATTRIBUTE (line 261)
    return "enum", f"targets[{t}].targetType"


def _type(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    body["totalPeriods"] = str(len(body["periods"]))
    return "type", "totalPeriods"


def _format(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    body["fromDate"] = "2026-01-01"  # a date where a date-time is due
    return "format", "fromDate"


def _pattern(draw: st.DrawFn, body: dict[str, Any]) -> tuple[str, str]:
    p, period = _a_period(draw, body)
    period["startDate"] = "2025-07-17"  # a date where a date-time is due
    return "pattern", f"periods[{p}].startDate"


BREAKINGS: dict[str, Breaking] = {
    "target_group_name_length": _group_name_length,
    "target_name_length": _target_name_length,
    "behavioural_target_requires_event_entity": _entity,
    "event_entity_requires_event_name": _event_name,
    "event_attribute_requires_sum_extended_field": _event_attribute,
    "aggregate_function_sum": _aggregate_function,
    "periods_match_total_periods": _total_periods,
    "periods_ordered": _ordered,
    "period_start_before_end": _start_before_end,
    "period_dates_valid": _dates_valid,
    "default_values_match_periods": _default_values,
    "cycle_iso_start_before_end": _cycle_order,
    "iso_offset_real": _iso_offset,
    "target_names_unique_in_group": _unique_names,
    "schema:required": _required,
    "schema:enum": _enum,
    "schema:type": _type,
    "schema:format": _format,
    "schema:pattern": _pattern,
}
KIND_SHAPES: dict[str, dict[str, Any]] = {
    "periods_ordered": {"period_count": st.integers(2, 6)},
    "target_names_unique_in_group": {"target_count": st.integers(2, 3)},
}


@st.composite
def _broken(draw: st.DrawFn, kind: str, groups: st.SearchStrategy[dict[str, Any]]) -> Sample:
    """A valid body changed to break exactly the one rule or keyword `kind` names."""
    body = draw(groups)
    breaks, field = BREAKINGS[kind](draw, body)
    return Sample(body, breaks, field, kind, headers=draw(credentials()))


@st.composite
def _malformed_json(draw: st.DrawFn) -> Sample:
    text = json.dumps(draw(_VALID_GROUPS))
    cut = draw(st.integers(1, len(text) - 1))  # any proper prefix of an object is not JSON
    raw = draw(st.sampled_from((text[:cut].encode(), b"", b"\xff\xfe", b"{'name': 'x'}")))
    return Sample(raw, "json", "body", "not JSON", headers=draw(credentials()))


BAD_CREDENTIALS: tuple[dict[str, str], ...] = (
    {},
    {"Authorization": "Basic not-base64!"},
    {"Authorization": basic("", "secret")},  # no user
    {"Authorization": "Bearer"},  # no token (h11 refuses a trailing space)
    {"Authorization": "Token abc123"},
    {OAUTH_HEADER: ""},
)


@st.composite
def _bad_credentials(draw: st.DrawFn) -> Sample:
    headers = draw(st.sampled_from(BAD_CREDENTIALS))
    return Sample(draw(_VALID_GROUPS), "credentials_required", "headers.authorization",
                  "no usable credentials", headers=headers)  # fmt: skip


def invalid_sample_kinds() -> dict[str, st.SearchStrategy[Sample]]:
    """Each way to break the contract, by name (`schema:<keyword>` for the spec's own rules)."""
    kinds = {kind: _broken(kind, target_group(**KIND_SHAPES.get(kind, {}))) for kind in BREAKINGS}
    kinds["json"] = _malformed_json()
    kinds["credentials_required"] = _bad_credentials()
    return kinds


def invalid_samples() -> st.SearchStrategy[Sample]:
    """Requests each breaking exactly one rule (by name) or one schema keyword (with its field).

    target_group_name_unique is a state rule: one body cannot break it, so the mock tests do."""
    return st.one_of(*invalid_sample_kinds().values())


# -- every boundary, listed ---------------------------------------------------------------------

# The first draw of a derandomized run, not shrunk (shrinking a group of 52 periods takes minutes).
_FIXED = settings(database=None, derandomize=True, max_examples=1, deadline=None,
                  phases=[Phase.generate], suppress_health_check=list(HealthCheck))  # fmt: skip


def _fixed(strategy: st.SearchStrategy[Any]) -> Any:
    """One value of a strategy, the same every time."""
    return find(strategy, lambda _: True, settings=_FIXED)


def _in_target(key: str, value: Any, breaks: str | None, note: str) -> Change:
    """A change of `targets[0]`'s `key` (a default value's, or a filter's)."""

    def change(body: dict[str, Any]) -> tuple[str | None, str | None, str]:
        target = body["targets"][0]
        if key == "defaultValue":
            target["defaultValues"][0]["defaultValue"] = value
            return breaks, "targets[0].defaultValues[0].defaultValue" if breaks else None, note
        entity_type, ids = value
        target["filters"] = [{"entityType": entity_type, "entityIds": ids}]
        return breaks, "targets[0].filters[0].entityIds[0]" if breaks else None, note

    return change


# What the spec's examples leave out: a default value as a numeric string (the streak example's
# "1.00"), and an org-entity filter (the examples send none), each at its limit and one past.
TARGET_EDGES: list[Change] = [
    _in_target("defaultValue", "1.00", None, "a default value as a decimal string"),
    _in_target("defaultValue", "1.0.0", "pattern", "a default value that is no number"),
    _in_target("filters", ("STORE", [1]), None, "a filter on store 1, the smallest id"),
    _in_target("filters", ("STORE", [0]), "minimum", "a filter on store 0, below the smallest"),
    _in_target("filters", ("ZONE", [INT64_MAX]), None, "a filter on the largest zone id"),
    _in_target("filters", ("ZONE", [INT64_MAX + 1]), "maximum", "a zone id past int64"),
    *(_in_target("filters", (kind, [7]), None, f"a filter on {kind} 7") for kind in ENTITY_TYPES),
]


@functools.cache
def _listed() -> tuple[Sample, ...]:
    headers = _fixed(credentials())
    changes = [*BOUNDARIES, *((_ONE_TARGET | _ONE_PERIOD, change) for change in TARGET_EDGES)]
    samples = []
    for shape, change in changes:
        body = copy.deepcopy(_fixed(target_group(**shape)))
        breaks, field, note = change(body)
        samples.append(Sample(body, breaks, field, note, headers=dict(headers)))
    return tuple(samples)


def all_boundary_samples() -> list[Sample]:
    """Every case `boundary_samples` draws, each on one fixed target group of its shape: the
    names at 1 and 200 characters and past, the periods' count, lengths and gaps, the offsets at
    +14:00 and -12:00 and past, the integer limits."""
    return [copy.deepcopy(sample) for sample in _listed()]


ROOM = StrategiesRoom(
    valid_samples=valid_samples,
    boundary_samples=boundary_samples,
    invalid_samples=invalid_samples,
    all_boundary_samples=all_boundary_samples,
    invalid_sample_kinds=invalid_sample_kinds,
    request_of=request_of,
    not_sampled={
        "target_group_name_unique": "a state rule: the stateful scenario sends a name twice",
    },
)
