"""`contracts check` finds faults: each test plants one fault in the mock (tests/broken_servers.py)
and runs the checks against it, asserting which check finds it, in which phase, and that the
reported request meets the fault's condition. A control run shows the wrapper alone breaks nothing.

"""

from __future__ import annotations

import dataclasses
import importlib
import json
import re
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import strategies as st

from contracts.cli import main
from contracts.registry import all_apis, get_api
from contracts.runner import PHASES, CheckOptions, Finding, Report, run_checks
from tests.broken_servers import (
    DATA_BODY_LIMIT,
    FULL_METADATA,
    LONG_NAME,
    LONG_VISITOR_CODE,
    TOKEN,
    BrokenServer,
    Fault,
    bearer_token_not_verified,
    broken_server,
    created_as_text,
    duplicate_keys_accepted,
    enums_of,
    event_types,
    full_metadata_refused,
    group_id_as_string,
    last_enum_value_swapped,
    long_group_names_refused,
    long_query_visitor_codes_refused,
    lower_case_event_type_refused,
    metadata_sizes,
    no_fault,
    oversized_body_accepted,
    rate_limit_reset_not_a_number,
    sdk_user_agent_refused_bots_served,
    server_error_for_weather,
    teapot_for_descriptions,
    unknown_enum_values_coerced,
    unreadable_bodies_created,
    visitor_code_of,
)

APIS = tuple(api.name for api in all_apis() if api.checks() is not None)
TOKEN_VARIABLES = (
    "CONTRACTS_TOKEN",
    *(f"CONTRACTS_TOKEN_{n.upper().replace('-', '_')}" for n in APIS),
)


def check(
    api: str, fault: Fault, phases: tuple[str, ...], max_examples: int = 10, seed: int = 0
) -> tuple[Report, BrokenServer]:
    """Run the checks of `api` against its mock broken by `fault`."""
    with broken_server(api, fault) as server:
        options = CheckOptions(
            base_url=server.url,
            tokens={api: TOKEN},
            max_examples=max_examples,
            seed=seed,
            phases=phases,
        )
        return run_checks([get_api(api)], options), server


def found(report: Report, check_name: str) -> list[Finding]:
    return [finding for finding in report.findings if finding.check == check_name]


def checks_found(report: Report) -> set[str]:
    return {finding.check for finding in report.findings}


def sent_body(curl: str) -> str:
    """The body of a finding's curl command (what `--data-raw` carries)."""
    words = shlex.split(curl)
    return words[words.index("--data-raw") + 1] if "--data-raw" in words else ""


# -- the control --------------------------------------------------------------------------------


@pytest.mark.parametrize("api", APIS)
def test_the_wrapper_without_a_fault_breaks_nothing(api: str) -> None:
    """No fault planted: every phase against the wrapped mock passes, so the findings of the
    other tests come from their faults, not from the wrapper."""
    report, server = check(api, no_fault, PHASES, max_examples=5)
    assert report.ok, [f"{f.phase}/{f.check}: {f.title}" for f in report.findings]
    assert len(server.served) >= report.total_probes > 0


# -- kameleoon-data ---------------------------------------------------------------------------


def test_a_500_for_weather_events_only_is_found_by_not_a_server_error() -> None:
    """Fault: 500 for any body with a WEATHER event. Found by not_a_server_error (and, the
    payload being valid, expected_outcome) in the boundary phase; every finding's request has a
    WEATHER event, each 500 is counted as one failure and the other probes pass."""
    report, server = check("kameleoon-data", server_error_for_weather, ("boundary",), 40)
    errors = found(report, "not_a_server_error")
    assert errors and {f.phase for f in errors} == {"boundary"}
    assert checks_found(report) <= {"not_a_server_error", "expected_outcome"}
    for finding in report.findings:
        assert finding.status == 500
        assert "WEATHER" in [kind.upper() for kind in event_types(sent_body(finding.curl))]
    tally = report.tally("kameleoon-data", "not_a_server_error")
    assert tally.failed == server.statuses().count(500) > 0
    assert tally.passed > 0  # the other event types went through and were not blamed


def _size_samples_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """The data API's boundary phase narrowed to its two size samples: a body at exactly the
    3 MiB limit and one byte past it."""
    module = importlib.import_module("contracts.apis.kameleoon_data.strategies")
    strategies = module.ROOM
    sizes = [
        sample
        for sample in strategies.all_boundary_samples()
        if len(sample.body.encode()) >= DATA_BODY_LIMIT
    ]
    assert sorted(len(s.body.encode()) for s in sizes) == [DATA_BODY_LIMIT, DATA_BODY_LIMIT + 1]
    narrowed = dataclasses.replace(
        strategies,
        boundary_samples=lambda: st.sampled_from(sizes),
        all_boundary_samples=lambda: sizes,
    )
    monkeypatch.setattr(module, "ROOM", narrowed)


# Hypothesis writes out the failing probe, a 3 MiB body, and warns that the text is large.
@pytest.mark.filterwarnings("ignore:Generating overly large repr")
def test_a_body_past_3_mib_accepted_is_found_by_expected_outcome_in_the_boundary_phase(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Fault: a body over the 3 MiB limit answered 202 instead of 413
    (kameleoon-data-visit-events-openapi.txt:89). Found by expected_outcome in the boundary phase,
    on the body one byte past the limit only: the body at the limit passes."""
    _size_samples_only(monkeypatch)
    report, server = check("kameleoon-data", oversized_body_accepted, ("boundary",), 10)
    assert [(f.check, f.phase, f.status) for f in report.findings] == [
        ("expected_outcome", "boundary", 202)
    ]
    assert report.findings[0].title == "Invalid payload accepted"
    assert f"{DATA_BODY_LIMIT + 1:,} bytes" in report.findings[0].note
    sizes = {len(sent.body) for sent, _ in server.served if sent.method == "POST"}
    assert sizes == {DATA_BODY_LIMIT, DATA_BODY_LIMIT + 1}  # both were sent
    assert report.tally("kameleoon-data", "expected_outcome").passed > 0  # the one at the limit


def test_the_default_budget_sends_the_body_past_3_mib() -> None:
    """Fault: a body over 3 MiB accepted (202). With CheckOptions' default budget (25 examples
    per phase), the boundary phase finds it whatever the seed: every listed boundary sample
    (`all_boundary_samples`) is sent, one past each limit included."""
    for seed in range(5):
        report, _ = check("kameleoon-data", oversized_body_accepted, ("boundary",), 25, seed)
        assert found(report, "expected_outcome"), f"seed {seed}: the fault was not found"


def test_lower_case_event_types_refused_is_found_by_expected_outcome() -> None:
    """Fault: 400 for an eventType not written in upper case; the service reads it in any case
    (kameleoon-data-visit-events-openapi.txt:110, rule event_type_case is a WARNING: accepted).
    Found by expected_outcome in the boundary phase (every spelling of every event type), on a
    request whose event type is not in upper case; upper-case ones pass."""
    report, _ = check("kameleoon-data", lower_case_event_type_refused, ("boundary",), 25)
    assert checks_found(report) == {"expected_outcome"}
    for finding in report.findings:
        assert (finding.phase, finding.status, finding.title) == (
            "boundary",
            400,
            "Valid payload refused",
        )
        kinds = event_types(sent_body(finding.curl))
        assert any(kind != kind.upper() for kind in kinds), kinds
    assert report.tally("kameleoon-data", "expected_outcome").passed > 0


# -- launchdarkly -------------------------------------------------------------------------------


def test_a_duplicate_key_accepted_is_found_by_the_stateful_check() -> None:
    """Fault: a segment key already taken is created again (201 twice); the key is unique
    (launchdarkly-create-segment.txt:25) and the spec answers a duplicate with 409 (an x-choice).
    Found by the stateful scenario's second step; the first create and the no-key scenario
    pass."""
    report, _ = check("launchdarkly", duplicate_keys_accepted, ("stateful",))
    (finding,) = report.findings
    assert (finding.check, finding.phase, finding.status) == ("stateful", "stateful", 201)
    assert finding.note == "a duplicate segment key"
    assert "answered 201, the contract says 409" in finding.message
    assert report.tally("launchdarkly", "stateful").passed == 2


def test_a_rate_limit_header_of_the_wrong_type_is_found_by_response_headers_conformance() -> None:
    """Fault: X-Ratelimit-Reset: soon on every answer (launchdarkly.yaml declares it an int64 of
    epoch milliseconds, an x-choice: the page is silent). Found by response_headers_conformance,
    and by no other check."""
    report, _ = check("launchdarkly", rate_limit_reset_not_a_number, ("examples", "positive"), 5)
    assert checks_found(report) == {"response_headers_conformance"}
    assert all(f.title == "Response header does not conform to the schema" for f in report.findings)
    assert "soon" in report.findings[0].message


def test_a_201_sent_as_text_is_found_by_content_type_conformance() -> None:
    """Fault: the 201's JSON body labelled text/plain (the segment response,
    launchdarkly-create-segment.txt:39, is application/json in the spec). Found by
    content_type_conformance on a 201, and by no other check."""
    report, _ = check("launchdarkly", created_as_text, ("examples", "positive"), 5)
    assert checks_found(report) == {"content_type_conformance"}
    assert {f.status for f in report.findings} == {201}
    assert "text/plain" in report.findings[0].message


# -- kameleoon-automation -------------------------------------------------------------------------


def test_invalid_credentials_accepted_is_found_by_auth_enforced() -> None:
    """Fault: any bearer token is accepted (kameleoon-automation-create-key-moment.txt:136 asks
    for the account's token); a missing one is still refused. Found by auth_enforced in the
    positive phase; the stateful 'no bearer token' scenario passes, as it should."""
    report, _ = check(
        "kameleoon-automation", bearer_token_not_verified(), ("positive", "stateful"), 10
    )
    (finding,) = report.findings
    assert (finding.check, finding.phase, finding.status) == ("auth_enforced", "positive", 201)
    assert finding.title == "API accepts invalid authentication"
    assert TOKEN not in finding.curl + finding.message  # the run's secret is not echoed


def test_an_invalid_enum_value_accepted_is_found_by_expected_outcome_in_the_invalid_phase() -> None:
    """Fault: an enum value the spec does not list is silently replaced by a listed one and the
    key moment created (201) where the service answers 400 (e.g. logicalOperator is AND or OR,
    kameleoon-automation-create-key-moment.txt:18). Found by expected_outcome in the invalid
    phase, only on payloads breaking an enum rule."""
    report, _ = check("kameleoon-automation", unknown_enum_values_coerced(), ("invalid",), 60)
    enum_rules = {
        "logical_operator_known",
        "targeting_type_known",
        "match_type_known",
        "unit_of_time_known",
    }
    assert checks_found(report) == {"expected_outcome"}
    enums = enums_of(get_api("kameleoon-automation").spec())
    for finding in report.findings:
        assert (finding.phase, finding.status, finding.title) == (
            "invalid",
            201,
            "Invalid payload accepted",
        )
        assert finding.note.removeprefix("breaks ") in enum_rules
        assert _has_value_outside(json.loads(sent_body(finding.curl)), enums)
    assert report.tally("kameleoon-automation", "expected_outcome").passed > 0


def _has_value_outside(node: Any, enums: dict[str, frozenset[str]]) -> bool:
    if isinstance(node, dict):
        return any(
            (name in enums and value not in enums[name]) or _has_value_outside(value, enums)
            for name, value in node.items()
        )
    if isinstance(node, list):
        return any(_has_value_outside(value, enums) for value in node)
    return False


def test_an_unreadable_body_accepted_is_found_by_negative_data_rejected() -> None:
    """Fault: a body that is not JSON creates a default key moment (201) instead of a 400.
    Found by negative_data_rejected in the negative phase (schemathesis' schema-violating
    requests), on a request whose body is not JSON."""
    report, _ = check("kameleoon-automation", unreadable_bodies_created, ("negative",), 25)
    rejected = found(report, "negative_data_rejected")
    assert rejected and {(f.phase, f.status) for f in rejected} == {("negative", 201)}
    for finding in rejected:
        with pytest.raises(ValueError):
            json.loads(sent_body(finding.curl))


def test_an_undocumented_418_is_found_by_status_code_conformance() -> None:
    """Fault: 418 for a key moment sent with a description (the page lists only 201,
    kameleoon-automation-create-key-moment.txt:197; the spec adds 400, 401, 403 as x-choices).
    Found by status_code_conformance in the positive and valid phases (and, the payloads being
    valid, by positive_data_accepted and expected_outcome), on requests with a description."""
    report, server = check(
        "kameleoon-automation", teapot_for_descriptions, ("positive", "valid"), 10
    )
    undocumented = found(report, "status_code_conformance")
    assert {f.phase for f in undocumented} == {"positive", "valid"}
    assert checks_found(report) == {
        "status_code_conformance",
        "positive_data_accepted",
        "expected_outcome",
    }
    for finding in report.findings:
        assert finding.status == 418
        assert "description" in json.loads(sent_body(finding.curl))
    tally = report.tally("kameleoon-automation", "status_code_conformance")
    assert tally.failed == server.statuses().count(418)
    assert tally.passed > 0


# -- capillary ------------------------------------------------------------------------------------


def test_a_string_group_id_is_found_by_response_schema_conformance() -> None:
    """Fault: the created group's data.id sent as a string ("1001"); it is an integer
    (capillary-create-target-group-behavioural.txt:294). Found by response_schema_conformance on
    the 200, and by no other check."""
    report, _ = check("capillary", group_id_as_string, ("examples", "positive"), 5)
    assert checks_found(report) == {"response_schema_conformance"}
    finding = report.findings[0]
    assert (finding.status, finding.title) == (200, "Response violates schema")
    assert "data" in finding.message and "id" in finding.message


def test_long_group_names_refused_is_found_by_expected_outcome_on_long_names_only() -> None:
    """Fault: 400 for a group name longer than 100 characters; the page allows 200
    (capillary-create-target-group-behavioural.txt:213). Found by expected_outcome in the
    boundary phase, on a name past 100 characters; shorter names pass."""
    report, _ = check("capillary", long_group_names_refused, ("boundary",), 25)
    assert checks_found(report) == {"expected_outcome"}
    for finding in report.findings:
        assert (finding.phase, finding.status, finding.title) == (
            "boundary",
            400,
            "Valid payload refused",
        )
        assert len(json.loads(sent_body(finding.curl))["name"]) > LONG_NAME
    assert report.tally("capillary", "expected_outcome").passed > 0


# -- at the edges: found whatever the seed ---------------------------------------------------------

EDGE_SEEDS = (3, 41, 2026)  # three seeds: the listed boundaries are sent whatever the seed


@pytest.mark.parametrize("seed", EDGE_SEEDS)
def test_long_query_visitor_codes_refused_are_found_whatever_the_seed(seed: int) -> None:
    """Fault: 400 for a query visitorCode of 64 characters or more. The page sets no limit on the
    query value (kameleoon-data-visit-events-openapi.txt:70) and Kameleoon's SDK sends up to 255.
    Found by expected_outcome in the boundary phase, whatever the seed: the spec's boundaries
    (contracts.boundaries) send long query values in every run. Every finding's visitorCode is
    64 characters or more; shorter ones pass."""
    report, server = check("kameleoon-data", long_query_visitor_codes_refused, ("boundary",), 5,
                           seed)  # fmt: skip
    refused = found(report, "expected_outcome")
    assert refused, f"seed {seed}: the fault was not found"
    for finding in refused:
        assert (finding.phase, finding.status, finding.title) == (
            "boundary",
            400,
            "Valid payload refused",
        )
        query = finding.curl.split("?", 1)[1].split("'", 1)[0].split(" ", 1)[0]
        assert len(visitor_code_of(query)) >= LONG_VISITOR_CODE, finding.curl[:200]
    lengths = {len(visitor_code_of(sent.query)) for sent, _ in server.served}
    assert {64, 100, 255} <= lengths  # the SDK-shaped lengths were all sent
    assert report.tally("kameleoon-data", "expected_outcome").passed > 0


def test_the_main_job_finds_long_query_visitor_codes_refused(tmp_path: Path) -> None:
    """Fault: 400 for a query visitorCode of 64 characters or more (as above), served at --url:
    `contracts check` with its defaults (every phase, 25 examples, a seed of its own) exits 1 and
    names the check; report.json carries the run's coverage of the data API."""
    with broken_server("kameleoon-data", long_query_visitor_codes_refused) as server:
        result = invoke(
            "check", "kameleoon-data", "--url", server.url, "--seed", "977",
            "--report", str(tmp_path),
        )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "kameleoon-data / expected_outcome" in " ".join(result.output.split())
    data = json.loads((tmp_path / "report.json").read_text())
    coverage = data["coverage"]["kameleoon-data"]
    assert coverage["rules"]["total"] == len(get_api("kameleoon-data").rules().book)
    assert f"rules exercised {coverage['rules']['exercised']}/" in result.output


@pytest.mark.parametrize("seed", EDGE_SEEDS)
def test_the_largest_valid_metadata_array_refused_is_found_whatever_the_seed(seed: int) -> None:
    """Fault: 400 for a CONVERSION metadata id with 256 values or more; the page allows 256
    (kameleoon-data-visit-events-openapi.txt:159), and a longer array is accepted too (202: the
    body is read after the answer, line 264). Found by expected_outcome in the boundary phase on
    a body with an array of at least 256 values, in both body forms."""
    report, server = check("kameleoon-data", full_metadata_refused, ("boundary",), 5, seed)
    refused = found(report, "expected_outcome")
    assert refused, f"seed {seed}: the fault was not found"
    for finding in refused:
        assert (finding.phase, finding.status, finding.title) == (
            "boundary",
            400,
            "Valid payload refused",
        )
        assert f"with {FULL_METADATA} values" in finding.note  # the largest valid array
    # (one finding stands for all that fail alike: the server's log shows both forms were sent)
    full = [sent.body for sent, _ in server.served if FULL_METADATA in metadata_sizes(sent.body)]
    assert {body.startswith(b"[") for body in full} == {True, False}


@pytest.mark.parametrize("seed", EDGE_SEEDS)
def test_the_last_value_of_a_nested_enum_refused_and_an_unlisted_one_accepted(seed: int) -> None:
    """Fault: 400 for matchType GREATER, the last value of a targeting condition's matchType
    (kameleoon-automation-create-key-moment.txt:25; kameleoon-automation.yaml lists them), nested
    in conditionDataList[].targetingCondition; and a value outside the list taken for the first,
    so the key moment is created (201) where the service answers 400. Both are found by
    expected_outcome in the boundary phase, whatever the seed."""
    fault = last_enum_value_swapped("kameleoon-automation", "TargetingCondition", "matchType")
    report, _ = check("kameleoon-automation", fault, ("boundary",), 5, seed)
    titles = {}
    for finding in found(report, "expected_outcome"):
        assert finding.phase == "boundary"
        titles[finding.title] = json.loads(sent_body(finding.curl))
    assert set(titles) == {"Valid payload refused", "Invalid payload accepted"}, seed
    assert '"GREATER"' in json.dumps(titles["Valid payload refused"])
    assert "_NOT_LISTED" in json.dumps(titles["Invalid payload accepted"])


@pytest.mark.parametrize("seed", EDGE_SEEDS)
def test_the_sdk_user_agent_refused_and_a_bot_served_are_found_whatever_the_seed(seed: int) -> None:
    """Fault: 403 for the User-Agent Kameleoon's own SDK sends (aiohttp's default: a warning, the
    service serves it, rule library_user_agent), and a bot's user agent served (202) where the
    service answers 403 (kameleoon-data-visit-events-openapi.txt:9). Both are found by
    expected_outcome in the boundary phase, whatever the seed."""
    report, _ = check("kameleoon-data", sdk_user_agent_refused_bots_served, ("boundary",), 5, seed)
    statuses = {}
    for finding in found(report, "expected_outcome"):
        assert finding.phase == "boundary"
        statuses[finding.title] = (finding.status, finding.curl)
    assert statuses.keys() == {"Valid payload refused", "Invalid payload accepted"}, seed
    status, curl = statuses["Valid payload refused"]
    assert status == 403 and "aiohttp" in curl
    status, curl = statuses["Invalid payload accepted"]
    assert status == 202 and "Googlebot" in curl


# -- the command ----------------------------------------------------------------------------------


def invoke(*args: str) -> Any:
    env: dict[str, str | None] = dict.fromkeys(TOKEN_VARIABLES)  # the run's token: --token only
    return CliRunner().invoke(main, list(args), env=env)


def test_contracts_check_against_a_broken_url_fails_and_names_the_fault(tmp_path: Path) -> None:
    """Fault: capillary's data.id as a string, served at --url. `contracts check` exits 1, says
    which check found it and how to reproduce it (a curl with the credentials filtered), and its
    JUnit report fails that check's test case."""
    with broken_server("capillary", group_id_as_string) as server:
        result = invoke(
            "check", "capillary", "--url", server.url, "--token", TOKEN,
            "--max-examples", "2", "--report", str(tmp_path),
        )  # fmt: skip
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    assert "capillary / response_schema_conformance" in output
    assert "curl -X POST" in output and f"{server.url}/v3/targetGroups" in output
    assert "Authorization: [Filtered]" in output and TOKEN not in output
    suites = ET.parse(tmp_path / "junit.xml").getroot()
    (case,) = suites.findall(
        "testsuite[@name='capillary']/testcase[@name='response_schema_conformance']"
    )
    failure = case.find("failure")
    assert failure is not None and "reproduce: curl" in (failure.text or "")


def test_contracts_check_on_the_embedded_mock_passes_writes_reports_and_repeats(
    tmp_path: Path,
) -> None:
    """No fault: `contracts check` against its embedded mock exits 0; --report writes a JUnit
    file (one suite per API, one case per check, no failure), an HTML page and JSON; the same
    seed twice sends the same number of requests with the same results."""
    runs = []
    for number in (1, 2):
        folder = tmp_path / str(number)
        result = invoke("check", "--max-examples", "3", "--seed", "7", "--report", str(folder))
        assert result.exit_code == 0, result.output
        runs.append(json.loads((folder / "report.json").read_text()))
    assert runs[0]["requests"] == runs[1]["requests"] > 0
    assert runs[0]["results"] == runs[1]["results"]
    assert runs[0]["findings"] == runs[1]["findings"] == []

    suites = ET.parse(tmp_path / "1" / "junit.xml").getroot()
    assert suites.tag == "testsuites" and suites.get("failures") == "0"
    assert sorted(suite.get("name") or "" for suite in suites) == sorted(APIS)
    for suite in suites:
        cases = suite.findall("testcase")
        names = {case.get("name") for case in cases}
        assert {"not_a_server_error", "expected_outcome", "stateful"} <= names
        assert suite.get("tests") == str(len(cases)) and suite.get("failures") == "0"
        assert all(case.get("classname") == suite.get("name") for case in cases)
        assert all(case.find("failure") is None for case in cases)
    assert int(suites.get("tests") or 0) == sum(len(suite) for suite in suites)
    page = (tmp_path / "1" / "report.html").read_text()
    assert 'contracts check: <span class="passed">passed</span>' in page
    assert all(api in page for api in APIS)


def test_the_same_seed_finds_the_same_faults_with_the_same_requests() -> None:
    """Fault: the 418 for key moments with a description (found, then shrunk). Two runs with
    the same seed on fresh servers report the same findings with the same minimal requests, after
    the same number of requests."""

    def run(seed: int) -> tuple[list[tuple[str, str, str, str]], int]:
        report, server = check(
            "kameleoon-automation", teapot_for_descriptions, ("positive", "valid"), 10, seed
        )
        # schemathesis names each case with a random id, sent as a header: not part of the run.
        findings = [
            (f.phase, f.check, f.title, re.sub(r"X-Schemathesis-TestCaseId: \w+", "",
                                               f.curl.replace(server.url, "URL")))
            for f in report.findings
        ]  # fmt: skip
        return findings, report.total_probes

    first = run(3)
    assert first[0] and run(3) == first


def test_same_seed_whatever_is_loaded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A vendor package installed beside ours (a local module full of constants, which Hypothesis
    would otherwise draw from now and then) does not change a seed's run: the same requests, in
    the same order (contracts.runner.independent_draws)."""

    def requests_sent() -> list[str]:
        _, server = check("launchdarkly", no_fault, ("positive", "valid"), 15, seed=5)
        return [json.dumps([sent.path, sent.body.decode("utf-8", "replace")]) for sent, _ in
                server.served]  # fmt: skip

    before = requests_sent()
    constants = ", ".join(repr(f"acme-constant-{n}") for n in range(200))
    (tmp_path / "acme_vendor_constants.py").write_text(
        f"NAMES = [{constants}]\nSIZES = [{', '.join(str(n * 7919) for n in range(200))}]\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.import_module("acme_vendor_constants")
    assert requests_sent() == before
