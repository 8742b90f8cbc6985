"""Property tests tying the strategies to `check_request`: what the strategies call valid, the rules
accept; what they say breaks a rule, breaks exactly that rule, where they say."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from contracts.apis.capillary.auth import read_credentials
from contracts.apis.capillary.rules import RULES, check_request
from contracts.apis.capillary.strategies import (
    BOUNDARIES,
    boundary_samples,
    invalid_sample_kinds,
    invalid_samples,
    request_of,
    valid_samples,
)
from contracts.samples import Sample

from .support import SPEC

KINDS = invalid_sample_kinds()
FIRST_FOUND = settings(phases=[Phase.generate], database=None, max_examples=2000)
# Drawing whole target groups (up to 52 periods, 400-character names) is slow on a loaded
# machine: no deadline, and no health check against slow or filtered generation.
SLOW_OK = [HealthCheck.too_slow, HealthCheck.filter_too_much]
STATE_RULES = {"target_group_name_unique"}  # needs a second request: the mock tests break it
NOT_A_BODY = {"operation"}  # another method or path: the runner and the mock serve only this one


def assert_breaks_exactly(sample: Sample) -> None:
    violations = check_request(request_of(sample))
    assert {v.rule for v in violations} == {sample.breaks}, (sample.note, violations)
    if sample.field is not None:
        assert {v.field for v in violations} == {sample.field}, (sample.note, violations)


@settings(max_examples=60, deadline=None, suppress_health_check=SLOW_OK)
@given(valid_samples())
def test_valid_samples_break_nothing(sample: Sample) -> None:
    """Every valid sample passes check_request with no violation at all, warnings included."""
    assert sample.valid
    assert check_request(request_of(sample)) == []


@settings(max_examples=60, deadline=None, suppress_health_check=SLOW_OK)
@given(invalid_samples())
def test_invalid_samples_break_exactly_their_rule(sample: Sample) -> None:
    """Every invalid sample's violations are all of the rule it names, at the field it names."""
    assert not sample.valid
    assert_breaks_exactly(sample)


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=5, deadline=None, suppress_health_check=SLOW_OK)
@given(data=st.data())
def test_each_kind_of_invalid_sample_breaks_its_rule(kind: str, data: st.DataObject) -> None:
    """For each way to break the contract, its samples break exactly that rule: no kind hides
    behind another in the mixed strategy."""
    sample = data.draw(KINDS[kind])
    assert kind.removeprefix("schema:") == sample.breaks
    assert_breaks_exactly(sample)


@settings(max_examples=60, deadline=None, suppress_health_check=SLOW_OK)
@given(boundary_samples())
def test_boundary_samples_break_exactly_what_they_say(sample: Sample) -> None:
    """At a limit a sample breaks nothing; one past it, exactly the limit's rule."""
    if sample.valid:
        assert check_request(request_of(sample)) == [], sample.note
    else:
        assert_breaks_exactly(sample)


def test_every_rule_has_invalid_samples() -> None:
    """Each rule a single request can break has a kind of invalid sample breaking it."""
    assert set(RULES.names()) - STATE_RULES - NOT_A_BODY <= set(KINDS)


def test_every_limit_has_boundaries() -> None:
    """The limits the page states (200-character names, lines 213 and 685; period and cycle
    bounds; the region offsets) and the spec's ranges each have a boundary case past them."""
    broken = {change(_stub())[0] for _, change in BOUNDARIES}
    assert broken >= {
        None, "target_group_name_length", "target_name_length", "period_start_before_end",
        "periods_ordered", "iso_offset_real", "cycle_iso_start_before_end", "maximum", "minimum",
        "minLength",
    }  # fmt: skip


def _stub() -> dict[str, Any]:
    """A body with the shape the boundary changes edit (two periods, one target)."""
    return {
        "periods": [{"startDate": "", "endDate": ""}, {"startDate": "", "endDate": ""}],
        "targets": [{"name": "", "defaultValues": [{"defaultValue": 1}] * 2}],
    }


def _enum_values(schema_name: str, field: str) -> list[str]:
    return list(SPEC.schema(schema_name)["properties"][field]["enum"])


# (schema, field, the field's values in a body)
REQUEST_ENUMS: list[tuple[str, str, Callable[[dict[str, Any]], list[Any]]]] = [
    ("TargetGroupCreate", "trackingType", lambda b: [b.get("trackingType")]),
    ("TargetGroupCreate", "targetEvaluationType", lambda b: [b.get("targetEvaluationType")]),
    ("TargetGroupCreate", "frequencyType", lambda b: [b.get("frequencyType")]),
    ("TargetGroupPeriodCreate", "periodStatus",
     lambda b: [p.get("periodStatus") for p in b.get("periods", [])]),
    ("TargetCreate", "targetType", lambda b: [t.get("targetType") for t in b.get("targets", [])]),
    ("TargetCreate", "enrolmentMethod",
     lambda b: [t.get("enrolmentMethod") for t in b.get("targets", [])]),
    ("TargetFilter", "entityType",
     lambda b: [f["entityType"] for t in b.get("targets", []) for f in t.get("filters", [])]),
]  # fmt: skip


def _features(sample: Sample) -> set[str]:
    """What a valid sample shows: its enum values, its credential scheme, its shape."""
    body = sample.body
    found = {
        f"{field}={value}" for _, field, values_of in REQUEST_ENUMS for value in values_of(body)
    }
    credentials, _ = read_credentials(request_of(sample).headers)
    assert credentials is not None
    found.add(f"credentials={credentials.scheme}")
    periods = len(body.get("periods", []))
    found |= {"periods=none" if "periods" not in body else f"periods>={min(periods, 5)}"}
    found |= {f"targets>={min(len(body.get('targets', [])), 3)}"}
    return found


def test_valid_samples_reach_every_enum_value_credential_and_shape() -> None:
    """valid_samples draws each value of each request enum of the spec (targetEntity is always
    EVENT and aggregateFunction always SUM there: the rules allow no other), each of the three
    credential schemes, groups of 1..5+ periods and 1..3 targets, and bare groups (line 35)."""
    wanted = {f"{field}={value}" for schema, field, _ in REQUEST_ENUMS
              for value in _enum_values(schema, field)}  # fmt: skip
    wanted |= {f"credentials={s}" for s in ("basic", "oauth-header", "bearer")}
    wanted |= {"periods=none", "periods>=1", "periods>=5", "targets>=1", "targets>=3"}
    seen: set[str] = set()

    def all_seen(sample: Sample) -> bool:
        seen.update(_features(sample))
        return wanted <= seen

    try:
        find(valid_samples(), all_seen, settings=FIRST_FOUND)
    except NoSuchExample:
        pytest.fail(f"never drawn: {sorted(wanted - seen)}")
