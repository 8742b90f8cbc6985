"""The strategies tied to the rules: valid samples pass, each invalid sample fails with exactly the
rule it names, boundaries sit exactly at and one past each limit, and the codec round-trips."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts.apis.kameleoon_data import strategies
from contracts.apis.kameleoon_data.codec import parse_json, parse_lines, write_json, write_lines
from contracts.apis.kameleoon_data.rules import check_request, rules_of
from contracts.exchange import HttpRequest
from contracts.samples import Sample
from contracts.violations import errors

EDITIONS = ["current", "legacy"]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(sample: Sample, edition: str) -> list[str]:
    request = HttpRequest.build("POST", "/visit/events", sample.query, sample.headers, sample.body)
    return [str(v) for v in check_request(request, edition)]


def error_rules(sample: Sample, edition: str) -> set[str]:
    request = HttpRequest.build("POST", "/visit/events", sample.query, sample.headers, sample.body)
    return rules_of(errors(check_request(request, edition)))


@pytest.mark.parametrize("edition", EDITIONS)
@FAST
@given(data=st.data())
def test_valid_samples_break_no_rule(edition: str, data: st.DataObject) -> None:
    """Property: every valid sample, in either body form, passes every error rule."""
    sample = data.draw(strategies.valid_samples(edition))
    assert error_rules(sample, edition) == set(), check(sample, edition)


@pytest.mark.parametrize("edition", EDITIONS)
@FAST
@given(data=st.data())
def test_each_invalid_sample_breaks_exactly_its_rule(edition: str, data: st.DataObject) -> None:
    """Property: an invalid sample's errors are all of the one rule it names."""
    sample = data.draw(strategies.invalid_samples(edition))
    assert error_rules(sample, edition) == {sample.breaks}, (sample.note, check(sample, edition))


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_error_rule_can_be_broken_alone(edition: str) -> None:
    """Each error rule of the edition has a strategy that breaks it and nothing else, so the
    invalid samples cover the whole rule book (a new rule without a breaker fails here)."""
    assert set(strategies.breakable_rules(edition)) == set(strategies.error_rules(edition))


@pytest.mark.parametrize(
    ("edition", "rule"),
    [(edition, rule) for edition in EDITIONS for rule in strategies.breakable_rules(edition)],
)
@settings(max_examples=3, deadline=None)
@given(data=st.data())
def test_invalid_sample_for_each_rule(edition: str, rule: str, data: st.DataObject) -> None:
    """For each rule by name: its invalid sample fails with that rule alone."""
    sample = data.draw(strategies.invalid_samples(edition, rule=rule))
    assert error_rules(sample, edition) == {rule}, check(sample, edition)


@pytest.mark.parametrize("edition", EDITIONS)
def test_boundary_samples_sit_at_and_past_each_limit(edition: str) -> None:
    """At the limit: no error; one past: the limit's own rule fires (and no other error)."""
    samples = strategies.all_boundary_samples(edition)
    assert len(samples) > 100
    for sample in samples:
        request = HttpRequest.build("POST", "/visit/events", sample.query, {}, sample.body)
        found = check_request(request, edition)
        if sample.breaks is None:
            assert not errors(found), (sample.note, [str(v) for v in found])
        else:
            assert sample.breaks in rules_of(found), (sample.note, [str(v) for v in found])
            assert rules_of(errors(found)) <= {sample.breaks}, sample.note


@pytest.mark.parametrize("edition", EDITIONS)
@FAST
@given(data=st.data())
def test_codec_round_trips_both_forms(edition: str, data: st.DataObject) -> None:
    """Property: parse(write(events)) == events, for the line form and the JSON form."""
    events = data.draw(st.lists(strategies.events(edition, visitor=True), min_size=1, max_size=4))
    assert parse_lines(write_lines(events), edition) == events
    assert parse_json(write_json(events), edition) == events
