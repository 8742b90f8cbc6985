"""The strategies tied to `check_request`: what they call valid has no finding, what they call
broken breaks exactly the rule they name, where they say."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from contracts.apis.kameleoon_automation.rules import RULES, check_request
from contracts.apis.kameleoon_automation.strategies import (
    LOGICAL_OPERATORS,
    MATCH_TYPES,
    TARGETING_TYPES,
    UNITS_OF_TIME,
    boundary_samples,
    condition_lists,
    invalid_sample_kinds,
    invalid_samples,
    key_moments,
    sample_request,
    targeting_conditions,
    valid_samples,
)
from contracts.samples import Sample

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_breaks_exactly_its_rule(sample: Sample) -> None:
    found = check_request(sample_request(sample))
    assert {v.rule for v in found} == {sample.breaks}, [str(v) for v in found]
    if sample.field is not None:
        assert {v.field for v in found} == {sample.field}, [str(v) for v in found]


@settings(max_examples=150, deadline=None)
@given(valid_samples())
def test_valid_samples_have_no_finding(sample: Sample) -> None:
    """Property: a valid sample breaks no rule, not even a WARNING one."""
    assert sample.valid
    found = check_request(sample_request(sample))
    assert found == [], [str(v) for v in found]


@QUICK
@given(boundary_samples())
def test_boundary_samples_hold_or_break_their_limit(sample: Sample) -> None:
    """Property: a sample at a limit has no finding; one past it breaks exactly that limit."""
    if sample.valid:
        found = check_request(sample_request(sample))
        assert found == [], (sample.note, [str(v) for v in found])
    else:
        assert_breaks_exactly_its_rule(sample)


@QUICK
@given(invalid_samples())
def test_invalid_samples_break_exactly_their_rule(sample: Sample) -> None:
    """Property: an invalid sample breaks exactly the one rule it names, at the field it names."""
    assert_breaks_exactly_its_rule(sample)


@pytest.mark.parametrize("broken", sorted(invalid_sample_kinds()))
def test_each_rule_is_broken_alone_by_its_samples(broken: str) -> None:
    """Property, per rule: every sample of the rule's strategy breaks that rule and no other (so no
    rule hides behind the others in `invalid_samples()`)."""

    @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(invalid_sample_kinds()[broken])
    def check(sample: Sample) -> None:
        assert sample.breaks == broken
        assert_breaks_exactly_its_rule(sample)

    check()


def test_every_rule_has_invalid_samples() -> None:
    """Each rule of RULES is broken by some strategy of invalid_samples()."""
    assert set(RULES.names()) <= set(invalid_sample_kinds())


def seen_in(strategy: st.SearchStrategy[Any], examples: int, round_: int = 0) -> set[str]:
    """Every `key` and `key=value` (string values) found in the drawn values, at any depth.

    Each round has its own fixed seed: on CI Hypothesis derandomizes (the `ci` profile), which
    would make every round draw the very same values."""
    seen: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                seen.add(key)
                if isinstance(item, str):
                    seen.add(f"{key}={item}")
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    @seed(round_)
    @settings(max_examples=examples, deadline=None, database=None, derandomize=False)
    @given(strategy)
    def draw(value: object) -> None:
        walk(value)

    draw()
    return seen


def test_every_condition_enum_value_is_reachable() -> None:
    """Property: targeting conditions reach every value of targetingType, matchType, unitOfTime
    (drawn in seeded rounds until all are seen: 64 values, so one round may miss one by chance)."""
    wanted = {
        *(f"targetingType={v}" for v in TARGETING_TYPES),
        *(f"matchType={v}" for v in MATCH_TYPES),
        *(f"unitOfTime={v}" for v in UNITS_OF_TIME),
    }
    seen: set[str] = set()
    for round_ in range(10):
        seen |= seen_in(targeting_conditions(), 300, round_)
        if wanted <= seen:
            break
    assert wanted - seen == set()


def test_valid_bodies_reach_every_encoding_and_operator() -> None:
    """Property: valid bodies carry conditions in each of the page's three encodings, with both
    operators, parent links and both operator arrays."""
    wanted = {
        *(f"logicalOperator={v}" for v in LOGICAL_OPERATORS),
        "conditionDataList",
        "conditionDataTree",
        "conditionsData",
        "targetingCondition",
        "parentId",
        "orOperators",
        "firstLevelOrOperators",
        "audienceTracking",
        "isFavorite",
        "description",
    }
    assert wanted - seen_in(key_moments(), 100) == set()


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_valid_condition_lists_are_trees(data: st.DataObject) -> None:
    """Property: a drawn conditionDataList has unique ids, one root, and every parentId names an
    item carrying no targetingCondition (independently of rules.py)."""
    items = data.draw(condition_lists())
    ids = [item["id"] for item in items if "id" in item]
    assert len(ids) == len(set(ids))
    assert sum("parentId" not in item for item in items) == 1
    parents = {item["id"]: item for item in items if "id" in item}
    for item in items:
        if "parentId" in item:
            assert "targetingCondition" not in parents[item["parentId"]]
