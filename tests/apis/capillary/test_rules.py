"""Each rule of the Capillary create-target-group contract with a request that keeps it and one that
breaks it; both start from the page's own request examples (lines 74-131, 136-193)."""

from __future__ import annotations

from typing import Any

import pytest

from contracts.apis.capillary.rules import RULES, check_request, error_code
from contracts.exchange import HttpRequest
from contracts.violations import Severity, Violation

from .support import (
    BASIC,
    PAGE,
    SPEC,
    TOKEN,
    count_body,
    event_attribute_body,
    example,
    violations,
)


def only(found: list[Violation], rule: str, field: str, line: int) -> Violation:
    """The one violation found, which must be of `rule` at `field`, citing the page `line`."""
    assert [(v.rule, v.field) for v in found] == [(rule, field)], found
    assert str(found[0].doc) == f"{PAGE}:{line}"
    return found[0]


@pytest.mark.parametrize(
    "name", ["event_attribute_target", "count_target", "body_params_default_visit_target"]
)
def test_the_pages_request_examples_break_nothing(name: str) -> None:
    """The page's two curl bodies (lines 74, 136) and its Body Params default (line 688) pass
    every rule, warnings included."""
    assert violations(example(name)) == []


def test_credentials_are_required() -> None:
    """Basic/OAuth authentication is a prerequisite (capillary-create-target-group-behavioural.txt:
    197): Basic, the OAuth token header or a bearer token pass; nothing, or a malformed Basic
    value, does not, and the message never quotes the secret."""
    body = count_body()
    for headers in (
        BASIC,
        {"X-CAP-API-OAUTH-TOKEN": TOKEN},
        {"Authorization": f"Bearer {TOKEN}"},
    ):
        assert violations(body, headers) == [], headers
    only(violations(body, {}), "credentials_required", "headers.authorization", 197)
    (bad,) = violations(body, {"Authorization": "Basic c2VjcmV0"})  # base64("secret"): no colon
    assert bad.rule == "credentials_required"
    assert "c2VjcmV0" not in bad.message and "secret" not in bad.message


def test_group_name_at_most_200_characters() -> None:
    """'The character limit for the name is 200 characters'
    (capillary-create-target-group-behavioural.txt:213); answered with 300004."""
    body = count_body()
    body["name"] = "g" * 200
    assert violations(body) == []
    body["name"] = "g" * 201
    found = only(violations(body), "target_group_name_length", "name", 213)
    assert "201 characters" in found.message
    assert error_code(found) == 300004


def test_target_name_at_most_200_characters() -> None:
    """'Length of Target rule name cannot exceed 200', error 310008
    (capillary-create-target-group-behavioural.txt:685)."""
    body = event_attribute_body()
    body["targets"][0]["name"] = "t" * 200
    assert violations(body) == []
    body["targets"][0]["name"] = "t" * 201
    found = only(violations(body), "target_name_length", "targets[0].name", 685)
    assert error_code(found) == 310008


def test_behavioural_targets_track_events() -> None:
    """Behavioural targets have targetEntity "Event" (capillary-create-target-group-behavioural.txt:
    37) and only COUNT/VISIT/EVENT_ATTRIBUTE are supported for them (line 40)."""
    body = count_body()
    body["targets"][0]["targetEntity"] = "TRANSACTION"
    only(
        violations(body), "behavioural_target_requires_event_entity", "targets[0].targetEntity", 37
    )
    del body["targets"][0]["targetEntity"]
    only(
        violations(body), "behavioural_target_requires_event_entity", "targets[0].targetEntity", 37
    )


def test_event_targets_name_their_event() -> None:
    """eventName 'will be present in the request body for the behavioural event type of targets'
    (capillary-create-target-group-behavioural.txt:39)."""
    body = count_body()
    body["targets"][0]["eventName"] = "profilePictureUpdated"
    assert violations(body) == []
    del body["targets"][0]["eventName"]
    only(violations(body), "event_entity_requires_event_name", "targets[0].eventName", 39)


def test_a_blank_event_name_is_a_warning() -> None:
    """eventName is 'name of the behavioral event' (capillary-create-target-group-behavioural
    .txt:38) and present (:39); that a blank one is refused is our reading: a warning, which the
    service is not taken to refuse (it used to be an error of event_entity_requires_event_name)."""
    body = count_body()
    body["targets"][0]["eventName"] = "  "
    only(violations(body), "event_name_not_blank", "targets[0].eventName", 38)
    assert RULES["event_name_not_blank"].severity is Severity.WARNING
    assert not RULES.refuses("event_name_not_blank")


def test_event_attribute_targets_sum_an_extended_field() -> None:
    """For EVENT_ATTRIBUTE an extendedFieldInfo with aggregateFunction SUM applies
    (capillary-create-target-group-behavioural.txt:41-44)."""
    body = event_attribute_body()
    del body["targets"][0]["extendedFieldInfo"]
    only(violations(body), "event_attribute_requires_sum_extended_field",
         "targets[0].extendedFieldInfo", 41)  # fmt: skip
    body["targets"][0]["extendedFieldInfo"] = {"name": "Customer", "aggregateFunction": "COUNT"}
    only(violations(body), "event_attribute_requires_sum_extended_field",
         "targets[0].extendedFieldInfo.aggregateFunction", 41)  # fmt: skip


def test_count_and_visit_targets_may_omit_the_extended_field() -> None:
    """extendedFieldInfo applies only to the SUM type
    (capillary-create-target-group-behavioural.txt:262): COUNT or VISIT targets may omit it."""
    body = count_body()
    del body["targets"][0]["extendedFieldInfo"]
    assert violations(body) == []
    body["targets"][0]["targetType"] = "VISIT"
    assert violations(body) == []


def test_requests_aggregate_with_sum_only() -> None:
    """aggregateFunction supports SUM (capillary-create-target-group-behavioural.txt:264); on a
    COUNT target the service ignores the object, so COUNT there is a warning."""
    body = count_body()
    body["targets"][0]["extendedFieldInfo"]["aggregateFunction"] = "COUNT"
    found = only(violations(body), "aggregate_function_sum",
                 "targets[0].extendedFieldInfo.aggregateFunction", 264)  # fmt: skip
    assert found.severity is Severity.WARNING


def test_total_periods_counts_the_periods() -> None:
    """totalPeriods is 'the total number of periods' (capillary-create-target-group-behavioural.txt:
    217); a mismatch is a warning, and a group sent without periods is not checked."""
    body = count_body()
    body["totalPeriods"] = 3
    found = only(violations(body), "periods_match_total_periods", "totalPeriods", 217)
    assert found.severity is Severity.WARNING
    del body["periods"]
    for target in body["targets"]:
        del target["defaultValues"]
    assert violations(body) == []


def test_periods_come_in_order() -> None:
    """Periods, 'the individual periods within the tracking' (capillary-create-target-group-
    behavioural.txt:240), in chronological order without overlap (a warning)."""
    body = count_body()
    body["periods"].reverse()
    found = only(violations(body), "periods_ordered", "periods[1].startDate", 240)
    assert found.severity is Severity.WARNING
    body = count_body()
    body["periods"][1]["startDate"] = body["periods"][0]["endDate"]  # touching: overlapping
    only(violations(body), "periods_ordered", "periods[1].startDate", 240)


def test_a_period_starts_before_it_ends() -> None:
    """startDate (capillary-create-target-group-behavioural.txt:246) comes before endDate (line
    243); comparing instants, so a zone-less end (line 688) is read as UTC."""
    body = count_body()
    period = body["periods"][0]
    period["endDate"] = "2025-07-17T00:00:00.530"  # 1 ms after the start, no zone
    assert violations(body) == []
    period["endDate"] = "2025-07-17T05:29:00+05:30"  # 23:59 UTC the day before
    only(violations(body), "period_start_before_end", "periods[0].endDate", 246)


def test_period_dates_are_real() -> None:
    """startDate and endDate are date-times (capillary-create-target-group-behavioural.txt:243,
    246): a 30 February fits the spec's pattern but names no day."""
    body = count_body()
    body["periods"][1]["endDate"] = "2025-02-30T00:00:00.000Z"
    only(violations(body), "period_dates_valid", "periods[1].endDate", 243)


def test_one_default_value_per_period() -> None:
    """defaultValues, 'an array of objects providing default values' (capillary-create-target-
    group-behavioural.txt:252), has one entry per period (a warning)."""
    body = event_attribute_body()
    body["targets"][0]["defaultValues"].append({"defaultValue": 4})
    found = only(violations(body), "default_values_match_periods", "targets[0].defaultValues", 252)
    assert "3 entries for 2 periods" in found.message
    del body["targets"][0]["defaultValues"]
    only(violations(body), "default_values_match_periods", "targets[0].defaultValues", 252)


def test_the_cycle_starts_before_it_ends() -> None:
    """targetCycleStartDateISO (capillary-create-target-group-behavioural.txt:220) before
    targetCycleEndDateISO (line 230), with their offsets: 10:30+05:30 is 05:00 UTC."""
    body = count_body()
    body["targetCycleStartDateISO"] = "2026-02-01T10:30:00+05:30"
    body["targetCycleEndDateISO"] = "2026-02-01T05:00:01Z"
    assert violations(body) == []
    body["targetCycleEndDateISO"] = "2026-02-01T05:00:00Z"
    only(violations(body), "cycle_iso_start_before_end", "targetCycleEndDateISO", 230)


@pytest.mark.parametrize(
    ("zone", "real"),
    [("+05:30", True), ("+14:00", True), ("-12:00", True), ("+05:45", True), ("Z", True),
     ("+14:30", False), ("-12:30", False), ("+05:17", False), ("+18:00", False)],
)  # fmt: skip
def test_iso_dates_carry_a_region_offset(zone: str, real: bool) -> None:
    """The ISO dates are 'in ISO 8601 format with the region offset', e.g. +05:30
    (capillary-create-target-group-behavioural.txt:222, 228): an offset some region uses."""
    body = count_body()
    body["targetCycleStartDateISO"] = "2026-01-01T10:30:00" + zone
    found = violations(body)
    if real:
        assert found == []
    else:
        only(found, "iso_offset_real", "targetCycleStartDateISO", 222)


def test_target_names_differ_within_a_group() -> None:
    """'Unique name for the target' (capillary-create-target-group-behavioural.txt:354), as a
    warning within the group sent."""
    body = count_body()
    second = {**body["targets"][0], "name": "uat_target_group_be_01b"}
    body["targets"].append(second)
    assert violations(body) == []
    second["name"] = body["targets"][0]["name"]
    only(violations(body), "target_names_unique_in_group", "targets[1].name", 354)


def test_schema_violations_name_field_keyword_and_line() -> None:
    """targetType SUM is the tables' name, not a wire value: send EVENT_ATTRIBUTE for SUM
    (capillary-create-target-group-behavioural.txt:261); the schema reports it at its page line."""
    body = event_attribute_body()
    body["targets"][0]["targetType"] = "SUM"
    (found,) = violations(body)
    assert (found.rule, found.field, str(found.doc)) == ("enum", "targets[0].targetType",
                                                         f"{PAGE}:261")  # fmt: skip


def test_a_long_name_is_reported_once() -> None:
    """The 200-character limit (capillary-create-target-group-behavioural.txt:213) is also the
    spec's maxLength; the breach is reported once, by the rule that carries its error code."""
    body = count_body()
    body["name"] = "n" * 300
    body["targets"][0]["name"] = "t" * 300
    assert [v.rule for v in violations(body)] == ["target_group_name_length", "target_name_length"]


def test_one_past_a_range_is_reported_once() -> None:
    """preferredTillId is an int64 (the spec's x-choice on line 214): 2^63 is one breach, not a
    maximum and an int64 format failure."""
    body = count_body()
    body["preferredTillId"] = 2**63
    assert [(v.rule, v.field) for v in violations(body)] == [("maximum", "preferredTillId")]


@pytest.mark.parametrize("raw", [b"", b"{", b"\xff\xfe\x00", b'{"name": "x",}', b"[1, 2"])
def test_malformed_json_is_a_violation(raw: bytes) -> None:
    """The body is JSON (the request examples, capillary-create-target-group-behavioural.txt:74):
    anything else is one violation, not an exception."""
    found = violations(raw)
    assert [(v.rule, v.field) for v in found] == [("json", "body")]


@pytest.mark.parametrize("body", [[], "name", 3, None, [count_body()]])
def test_a_body_that_is_not_an_object_breaks_the_schema_only(body: Any) -> None:
    """The request body is a target group object (capillary-create-target-group-behavioural.txt:
    208); the rules do not trip over anything else."""
    assert [v.rule for v in violations(body)] == ["type"]


def test_other_operations_are_not_this_contract() -> None:
    """The page documents POST v3/targetGroups only (capillary-create-target-group-behavioural.txt:
    202-203)."""
    found = check_request(HttpRequest.build("GET", "/v3/targetGroups", headers=BASIC))
    assert [v.rule for v in found] == ["operation"]


def test_the_rules_say_where_and_why() -> None:
    """Every rule cites a line of the page; every WARNING and every rule resting on a reading of
    the page says what was chosen; the spec's x-rule names are rules."""
    page_lines = len((SPEC.path.parent / "pages" / PAGE).read_text().splitlines())
    for rule in RULES:
        assert rule.doc.page == PAGE and rule.doc.line is not None
        assert 1 <= rule.doc.line <= page_lines, rule.name
        assert rule.statement, rule.name
        if rule.severity is Severity.WARNING:
            assert rule.choice, rule.name
    named = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "x-rule" in node:
                rules = node["x-rule"]
                named.update(rules if isinstance(rules, list) else [rules])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(SPEC.document)
    assert named and named <= set(RULES.names())


def test_error_codes() -> None:
    """Codes 310069, 300004 and 310008 (capillary-create-target-group-behavioural.txt:683-685):
    each documented code is some rule's, and the rest of the rules answer 300004."""
    codes = {rule.name: error_code(rule.violation("", "")) for rule in RULES}
    assert codes["target_group_name_unique"] == 310069
    assert codes["target_name_length"] == 310008
    assert {code for name, code in codes.items()} == {310069, 300004, 310008}
