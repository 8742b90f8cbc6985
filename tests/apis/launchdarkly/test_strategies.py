"""Property tests tying the strategies to `check_request`: what the strategies call valid, the
rules accept; what they say breaks a rule, breaks exactly that rule, where they say."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from contracts.apis.launchdarkly.rules import RULES, check_request
from contracts.apis.launchdarkly.strategies import (
    boundary_cases,
    boundary_samples,
    invalid_sample_kinds,
    invalid_samples,
    sample_request,
    valid_samples,
)
from contracts.samples import Sample

KINDS = invalid_sample_kinds()
# `find` needs one example, not the smallest one: no shrinking.
FIRST_FOUND = settings(phases=[Phase.generate], database=None, max_examples=500)
# Rules no body can break: they are about the method, the path and its keys (test_rules.py).
PATH_RULES = {"operation", "project_key_format", "environment_key_format"}


def assert_breaks_exactly(sample: Sample) -> None:
    violations = check_request(sample_request(sample))
    assert {v.rule for v in violations} == {sample.breaks}, (sample.note, violations)
    if sample.field is not None:
        assert {v.field for v in violations} == {sample.field}, (sample.note, violations)


@settings(max_examples=150)
@given(valid_samples())
def test_valid_samples_break_nothing(sample: Sample) -> None:
    """Every valid sample passes check_request with no violation at all, warnings included."""
    assert sample.valid
    assert check_request(sample_request(sample)) == []


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(invalid_samples())
def test_invalid_samples_break_exactly_their_rule(sample: Sample) -> None:
    """Every invalid sample's violations are all of the rule it names, at the field it names."""
    assert not sample.valid
    assert_breaks_exactly(sample)


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=15, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_each_kind_of_invalid_sample_breaks_its_rule(kind: str, data: st.DataObject) -> None:
    """For each way to break the contract, its samples break exactly that rule: no kind hides
    behind another in the mixed strategy."""
    sample = data.draw(KINDS[kind])
    assert kind.split(":")[0] == sample.breaks
    assert_breaks_exactly(sample)


def test_every_body_rule_has_invalid_samples() -> None:
    """Each rule a body can break has a strategy breaking it (a new rule needs one)."""
    broken = {kind.split(":")[0] for kind in KINDS}
    assert set(RULES.names()) - broken == PATH_RULES


@pytest.mark.parametrize("sample", boundary_cases(), ids=lambda s: s.note)
def test_boundaries_at_the_limit_pass_and_past_it_break_the_limit(sample: Sample) -> None:
    """At a limit a body is valid; one past it, it breaks that limit's rule and nothing else."""
    if sample.valid:
        assert check_request(sample_request(sample)) == []
    else:
        assert_breaks_exactly(sample)


def test_boundaries_come_in_pairs() -> None:
    """Every limit has its at-limit (valid) and its one-past (invalid) sample."""
    cases = boundary_cases()
    assert sum(s.valid for s in cases) == sum(not s.valid for s in cases)
    assert {s.breaks for s in cases if not s.valid} == {
        "name_not_empty",
        "key_not_empty",
        "tag_length",
        "body_size",
    }


@settings(max_examples=30)
@given(boundary_samples())
def test_boundary_strategy_draws_the_cases(sample: Sample) -> None:
    """The boundary strategy draws only the listed cases."""
    assert sample in boundary_cases()


@pytest.mark.parametrize("unbounded", [True, False, None], ids=["big", "standard", "omitted"])
def test_valid_samples_reach_every_value_of_unbounded(unbounded: bool | None) -> None:
    """Big segments, explicit standard segments and bodies without `unbounded` are all drawn."""
    found = find(
        valid_samples(), lambda s: s.body.get("unbounded") is unbounded, settings=FIRST_FOUND
    )
    assert check_request(sample_request(found)) == []


def test_valid_samples_reach_big_segments_with_a_context_kind() -> None:
    """A big segment with its context kind (launchdarkly-create-segment.txt:34) is drawn."""
    found = find(valid_samples(), lambda s: "unboundedContextKind" in s.body, settings=FIRST_FOUND)
    assert found.body["unbounded"] is True
