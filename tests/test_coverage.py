"""Deterministic coverage: the boundaries every run sends (`contracts.boundaries` from each spec,
plus each vendor's own list) and what a run counts of the rules and constraints it exercised.

Held over the registry: a new API, or a new rule without a probe that breaks it in the main job,
fails here.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts import boundaries
from contracts.api import Api
from contracts.cli import main
from contracts.context import CheckOptions, Driver
from contracts.exchange import HttpRequest
from contracts.offline import request_of
from contracts.probes import example_samples, judged, listed_samples
from contracts.registry import all_apis, get_api
from contracts.runner import run_checks
from contracts.samples import Sample
from tests.broken_servers import TOKEN, broken_server, no_fault

CHECKED = [api for api in all_apis() if api.checks() is not None and api.strategies() is not None]


def ids(api: Api) -> str:
    return api.name


def driver_of(api: Api) -> Driver:
    return Driver.build(api, CheckOptions("http://127.0.0.1:1", {api.name: TOKEN}))


def as_sent(driver: Driver, sample: Sample) -> HttpRequest:
    """The request the run sends for a sample: with the run's credentials, unless the sample
    brings its own (broken) ones, as `Driver.case_for` does."""
    own = sample.breaks in driver.room.auth_rules
    headers = dict(sample.headers) if own else {**sample.headers, **driver.credentials}
    body = sample.body
    if not isinstance(body, bytes | str):
        body = json.dumps(body).encode("utf-8")
    return request_of(driver.api, dataclasses.replace(sample, body=body, headers=headers))


def one_draw(strategy: st.SearchStrategy[Sample]) -> list[Sample]:
    drawn: list[Sample] = []

    @settings(max_examples=3, derandomize=True, database=None, deadline=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(strategy)
    def collect(sample: Sample) -> None:
        drawn.append(sample)

    collect()
    return drawn


@pytest.mark.parametrize("api", CHECKED, ids=ids)
def test_every_rule_is_kept_and_broken_by_what_every_run_sends(api: Api) -> None:
    """What the main job sends whatever the seed and budget (the listed boundaries, one sample of
    each kind of invalid sample, every kind breaking one and the same rule) keeps every rule of
    the book and breaks each, but those the room lists in `not_sampled` with the reason."""
    driver = driver_of(api)
    strategies = driver.strategies
    assert strategies is not None
    samples = list(listed_samples(driver))
    for kind, strategy in strategies.invalid_sample_kinds().items():
        drawn = one_draw(strategy)
        assert len({sample.breaks for sample in drawn}) == 1, f"{kind} breaks several rules"
        samples += drawn
    book = set(api.rules().book.names())
    kept: set[str] = set()
    broken: set[str] = set()
    for sample in samples:
        found = {v.rule for v in api.rules().check_request(as_sent(driver, sample), None)}
        found |= {sample.breaks} if sample.breaks else set()
        broken |= found
        kept |= book - found
    assert book - kept == set()
    assert book - broken - set(strategies.not_sampled) == set()
    assert set(strategies.not_sampled) <= book - broken  # no stale exception


@pytest.mark.parametrize("api", CHECKED, ids=ids)
def test_each_spec_boundary_holds_its_constraint_at_the_side_it_says(api: Api) -> None:
    """Each sample `contracts.boundaries` derives from the spec's examples sits where it says: the
    request as sent holds its constraint at the limit (at_limit) or one past it, as `hits` reads
    any request; and the expectation is the rule book's on that request."""
    driver = driver_of(api)
    derived = boundaries.boundaries(driver.spec, example_samples(driver))
    assert derived or not boundaries.constraints(driver.spec)
    for boundary in derived:
        if boundary.constraint is None:
            continue
        held = boundaries.hits(driver.spec, as_sent(driver, boundary.sample))
        assert (boundary.constraint, boundary.at_limit) in held, boundary.sample.note
        verdict = judged(driver, boundary.sample)
        found = api.rules().check_request(as_sent(driver, boundary.sample), None)
        assert (verdict.breaks is None) == (not found), boundary.sample.note


def test_the_data_api_spec_lists_its_query_limits_and_every_enum_value() -> None:
    """The data spec's constraints include the query siteCode's minimum length (an x-choice over
    kameleoon-data-visit-events-openapi.txt:64), the nonce's pattern (line 108) and each device
    type (line 134), one constraint per enum value; the query visitorCode has no length limit
    (the page states none for the query value, line 70)."""
    keys = {c.key for c in boundaries.constraints(get_api("kameleoon-data").spec())}
    assert "query siteCode: minLength 1" in keys
    assert not any(key.startswith("query visitorCode: maxLength") for key in keys)
    assert "body [].nonce: pattern ^[0-9A-Fa-f]{16}$" in keys
    assert {f"body [].deviceType: enum {t}" for t in ("DESKTOP", "TABLET", "PHONE")} <= keys


def test_long_query_visitor_codes_are_sent_in_both_forms_with_the_rule_books_verdict() -> None:
    """The page sets no limit on the query visitorCode (kameleoon-data-visit-events-openapi.txt:70)
    and Kameleoon's SDK sends up to 255 characters: 64, 100, 101 and 255 are each sent with both
    body forms, and what is expected of each is the rule book's say (64 and 100 accepted)."""
    driver = driver_of(get_api("kameleoon-data"))
    lengths: dict[int, set[str]] = {}
    for sample in listed_samples(driver):
        code = sample.query.get("visitorCode", "")
        if len(code) >= 64 and set(code) == {"a"}:
            lengths.setdefault(len(code), set()).add(sample.headers.get("Content-Type", ""))
            assert sample == judged(driver, sample)  # expectation follows the rules
            if len(code) <= 100:
                assert driver.expectation(sample) == "accept"
    assert {n: len(forms) for n, forms in lengths.items()} == {64: 2, 100: 2, 101: 2, 255: 2}


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.text(alphabet="a", max_size=3), min_size=0, max_size=4))
def test_hits_read_an_array_at_and_past_its_limit(items: list[str]) -> None:
    """`hits` reports a maxItems limit when the array holds exactly the limit (at) or one more
    (past), and not otherwise, whatever the items."""
    spec = get_api("launchdarkly").spec()
    document = {**spec.document}
    schema = {"type": "array", "maxItems": 3, "items": {"type": "string"}}
    operation = spec.operations()[0]
    path = document["paths"][operation.path][operation.method]
    body = {"content": {"application/json": {"schema": schema}}}
    document["paths"] = {operation.path: {operation.method: {**path, "requestBody": body}}}
    narrowed = dataclasses.replace(spec, document=document)
    request = HttpRequest.build("POST", "/x", "", {}, json.dumps(items))
    held = boundaries.hits(narrowed, request)
    limit = boundaries.Constraint("body", "", "maxItems", "3")
    expected = {3: {(limit, True)}, 4: {(limit, False)}}.get(len(items), set())
    assert held == expected


@pytest.mark.parametrize("api", CHECKED, ids=ids)
def test_a_run_counts_every_rule_exercised_but_the_named_exceptions(api: Api) -> None:
    """A run of every phase, at the smallest budget, against the faithful mock: the report counts
    every rule kept and broken by some probe, but the room's `not_sampled` (named with why), and
    every spec constraint held at its limit by some request."""
    with broken_server(api.name, no_fault) as server:
        options = CheckOptions(base_url=server.url, tokens={api.name: TOKEN}, max_examples=1)
        report = run_checks([api], options)
    assert report.ok, [f"{f.phase}/{f.check}: {f.title} ({f.note})" for f in report.findings]
    coverage = report.coverage[api.name]
    strategies = api.strategies()
    assert strategies is not None
    assert coverage.rules == api.rules().book.names()
    assert coverage.unexercised() == {
        rule: why for rule, why in strategies.not_sampled.items() if rule in coverage.rules
    }
    assert set(coverage.constraints) - set(coverage.hit()) == set()


def test_contracts_check_prints_and_writes_the_coverage(tmp_path: Path) -> None:
    """`contracts check` prints per API "rules exercised N/M, constraints at their limit N/M" and
    report.json carries the same numbers, with the rules not exercised and why."""
    result = CliRunner().invoke(
        main,
        ["check", "launchdarkly", "--max-examples", "1", "--report", str(tmp_path)],
        env={"CONTRACTS_TOKEN": None, "CONTRACTS_TOKEN_LAUNCHDARKLY": None},
    )
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "report.json").read_text())["coverage"]["launchdarkly"]
    rules, constraints = data["rules"], data["constraints"]
    line = (
        f"launchdarkly: rules exercised {rules['exercised']}/{rules['total']} "
        f"({100 * rules['exercised'] // rules['total']}%), constraints at their limit "
        f"{constraints['at_limit']}/{constraints['total']}"
    )
    assert line in " ".join(result.output.split())
    assert rules["total"] == len(get_api("launchdarkly").rules().book)
    for rule, why in data["unexercised_rules"].items():
        doc = data["rule_details"][rule]["doc"]  # its page line, printed beside it
        assert f"not exercised: {rule} ({doc}): {why}" in " ".join(result.output.split())
