"""Issue 9 for /visit/events: no valid traffic refused, each refusal stated by the page.
O = kameleoon-data-visit-events-openapi.txt (current), R = ...-reference.txt (older)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts import load_spec
from contracts.apis.kameleoon_data import checks, strategies
from contracts.apis.kameleoon_data.codec import parse_lines, write_lines
from contracts.apis.kameleoon_data.rules import check_request, rule_book, rules_of
from contracts.exchange import HttpRequest, HttpResponse
from contracts.mock import MockConfig, RunningMock, running_mock
from contracts.samples import Sample
from contracts.validation import check_response
from contracts.violations import Severity, Violation, errors

from .user_agents import BROWSERS, CRAWLERS, LIBRARIES, OTHER_ROBOTS, PHONES_NAMED_BOT

PAGE_EVENT = "nonce=0123456789abcdef&eventType=PAGE&href=https%3A%2F%2Fx.com"
QUERY = "siteCode=s&visitorCode=v"


def check(
    body: str | bytes,
    query: str = QUERY,
    edition: str = "current",
    headers: dict[str, str] | None = None,
) -> list[Violation]:
    return check_request(HttpRequest.build("POST", "/visit/events", query, headers, body), edition)


def severities(found: list[Violation]) -> dict[str, Severity]:
    return {v.rule: v.severity for v in found}


# -- user agents (O:9-10, O:38-45, O:276-277; R:7) ----------------------------------------------


@pytest.mark.parametrize("agent", PHONES_NAMED_BOT + BROWSERS)
@pytest.mark.parametrize("edition", ["current", "legacy"])
def test_real_phones_named_bot_and_browsers_pass(agent: str, edition: str) -> None:
    """O:9 / R:7 refuse bots and spiders; a LOGICOM 'M BOT 551' or a CUBOT phone is neither."""
    assert check(PAGE_EVENT, edition=edition, headers={"User-Agent": agent}) == []


@pytest.mark.parametrize("agent", CRAWLERS)
def test_search_bots_and_crawlers_are_refused(agent: str) -> None:
    """O:9 'rejects an incoming request if the source is a bot or spider' (403, O:276)."""
    (violation,) = check(PAGE_EVENT, headers={"User-Agent": agent})
    assert (violation.rule, violation.severity) == ("bot_user_agent", Severity.ERROR)
    assert rule_book()["bot_user_agent"].service_refuses()


@pytest.mark.parametrize("agent", OTHER_ROBOTS)
def test_what_our_list_only_guesses_is_a_warning(agent: str) -> None:
    """Monitors, link previews and generic patterns: whether the IAB/ABC list (O:9) has them is
    not public, so our list's verdict is a warning and the request is accepted."""
    (violation,) = check(PAGE_EVENT, headers={"User-Agent": agent})
    assert (violation.rule, violation.severity) == ("possible_bot_user_agent", Severity.WARNING)
    assert not rule_book()["possible_bot_user_agent"].service_refuses()


@pytest.mark.parametrize("agent", LIBRARIES)
def test_http_library_defaults_are_a_warning(agent: str) -> None:
    """O:10: other clients should set their own User-Agent; the page does not say they are
    refused (and Kameleoon's SDK sends aiohttp's default)."""
    (violation,) = check(PAGE_EVENT, headers={"User-Agent": agent})
    assert (violation.rule, violation.severity) == ("library_user_agent", Severity.WARNING)


def _validate(tmp_path: Path, agent: str) -> subprocess.CompletedProcess[str]:
    body = tmp_path / "body.txt"
    body.write_text(PAGE_EVENT)
    return subprocess.run(
        [sys.executable, "-m", "contracts", "validate", "kameleoon-data", str(body),
         "--query", "visitorCode=v", "--header", f"User-Agent: {agent}", "--format", "json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_validate_passes_a_real_phone_named_bot_and_fails_googlebot(tmp_path: Path) -> None:
    """`contracts validate --header`: O:9 refuses bots, not a LOGICOM M BOT 551."""
    phone = _validate(tmp_path, PHONES_NAMED_BOT[0])
    assert phone.returncode == 0, phone.stdout + phone.stderr
    assert json.loads(phone.stdout) == []
    googlebot = _validate(tmp_path, CRAWLERS[0])
    assert googlebot.returncode == 1
    assert [v["rule"] for v in json.loads(googlebot.stdout)] == ["bot_user_agent"]


# -- documented nulls (R:62, R:68) -------------------------------------------------------------


@pytest.mark.parametrize("field", ["browserIndex", "osIndex"])
def test_legacy_indices_may_be_null_in_json_and_in_lines(field: str) -> None:
    """R:62, R:68: 'integerint32, null for other'. JSON null and the line's `null` pass; the
    current page (O:123, O:128) says int32 only, so there null stays a type error."""
    event = {"nonce": "0123456789abcdef", "eventType": "STATICDATA", field: None}
    as_json = json.dumps([event])
    as_line = write_lines([event])
    assert f"{field}=null" in as_line
    assert check(as_json, QUERY + "&json=true", "legacy") == []
    assert check(as_line, QUERY, "legacy") == []
    assert parse_lines(as_line, "legacy") == [event]
    assert f"STATICDATA.{field}:type" in rules_of(check(as_json, QUERY + "&json=true"))
    assert f"STATICDATA.{field}:type" in rules_of(check(as_line))
    wrong = as_line.replace("null", "nul")
    assert f"STATICDATA.{field}:type" in rules_of(check(wrong, QUERY, "legacy"))


# -- refusals the page does not state ------------------------------------------------------------


def test_a_long_query_visitor_code_is_a_warning_not_an_error() -> None:
    """O:70-79 sets no limit on the query visitorCode (O:107 limits the body field); the SDK
    sends up to 255 characters."""
    found = check(PAGE_EVENT, query="siteCode=s&visitorCode=" + "v" * 255)
    assert severities(found) == {"query_visitor_code_length": Severity.WARNING}
    assert check(PAGE_EVENT, query="siteCode=s&visitorCode=" + "v" * 100) == []


def test_a_long_body_visitor_code_is_ignored_when_the_query_has_one() -> None:
    """O:105-107: visitorCode on an event is 'Required if you don't provide it in URL query
    parameters. Otherwise, Kameleoon ignores it.' Without the query's, the limit holds."""
    long_code = PAGE_EVENT + "&visitorCode=" + "v" * 101
    assert severities(check(long_code)) == {"visitor_code_ignored": Severity.WARNING}
    assert rules_of(errors(check(long_code, query="siteCode=s"))) == {"visitorCode:max_length"}
    number = json.dumps([{"nonce": "0123456789abcdef", "eventType": "PAGE", "href": "h",
                          "visitorCode": 7}])  # fmt: skip
    assert errors(check(number, QUERY + "&json=true")) == []
    assert rules_of(check(number, "siteCode=s&json=true")) == {"visitorCode:type"}


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("Bearer abc.def", None),
        ("bearer abc.def", None),  # scheme names are case-insensitive (RFC 9110 11.1)
        ("BEARER abc.def", None),
        ("Basic dXNlcjpwYXNz", "authorization_scheme"),  # the page names no scheme: warning
        ("Token abc", "authorization_scheme"),
        ("Bearer", "authorization_header"),  # O:274 'the token is missing'
        ("Bearer a b", "authorization_header"),  # O:273 'the HTTP header value is malformed'
        ("", "authorization_header"),
    ],
)
def test_authorization_refused_only_when_malformed_or_without_token(
    value: str, rule: str | None
) -> None:
    """O:271-275: 401 when 'the HTTP header value is malformed, or the token is missing'."""
    found = check(PAGE_EVENT, headers={"Authorization": value})
    assert rules_of(found) == ({rule} if rule else set())
    if rule:
        refused = rule_book()[rule].service_refuses()
        assert refused == (rule == "authorization_header")


# -- units (O:91 "3 MB", R:32 "10 MB") ----------------------------------------------------------


def _body_of(size: int) -> bytes:
    """A valid line-form body of exactly `size` bytes (the last href takes up the rest)."""
    line = "nonce={:016x}&eventType=PAGE&href=https%3A%2F%2Fx.com%2F" + "p" * 900
    count = size // (len(line.format(0)) + 1) - 1
    lines = [line.format(i) for i in range(count)]
    head = "\n".join(lines) + f"\nnonce={count:016x}&eventType=PAGE&href="
    body = (head + "h" * (size - len(head))).encode()
    assert len(body) == size
    return body


@pytest.mark.parametrize(
    ("edition", "si", "binary"),
    [("current", 3_000_000, 3_145_728), ("legacy", 10_000_000, 10_485_760)],
)
def test_between_si_and_binary_megabytes_is_a_warning_naming_both(
    edition: str, si: int, binary: int
) -> None:
    """O:91 / R:32: 'N MB' either way: over the SI reading a warning, over the MiB one refused."""
    assert "body_size_units" not in rules_of(check(_body_of(si), edition=edition))
    (warning,) = check(_body_of(si + 1), edition=edition)
    assert (warning.rule, warning.severity) == ("body_size_units", Severity.WARNING)
    assert f"{si:,}" in warning.message and f"{binary:,}" in warning.message
    assert rules_of(check(_body_of(binary), edition=edition)) == {"body_size_units"}
    assert rules_of(check(_body_of(binary + 1), edition=edition)) == {"body_size"}


# -- one owner of refusal: the Rule's flag, read by the mock and by `check` ---------------------


@pytest.fixture(scope="module")
def mock() -> Iterator[RunningMock]:
    with running_mock(MockConfig(apis=("kameleoon-data",))) as server:
        yield server


def _send(url: str, sample: Sample) -> httpx.Response:
    body = sample.body.encode() if isinstance(sample.body, str) else sample.body
    return httpx.post(f"{url}/visit/events", params=sample.query, headers=sample.headers,
                      content=body, timeout=30)  # fmt: skip


@pytest.mark.parametrize("rule", strategies.breakable_rules("current"))
@settings(
    max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_faithful_mock_refuses_exactly_what_the_rule_flag_says(
    mock: RunningMock, rule: str, data: st.DataObject
) -> None:
    """Property: a request breaking one rule gets a 4xx from the faithful mock if and only if the
    rule's `service_refuses()` (O:264-282: the query, Authorization, the user agent and the size
    at once; the body later), and `check` expects the same."""
    sample = data.draw(strategies.invalid_samples("current", rule=rule))
    refused = rule_book()[rule].service_refuses()
    status = _send(mock.url, sample).status_code
    assert (400 <= status < 500) == refused, (rule, status)
    assert checks.expectation(sample) == ("refuse" if refused else "accept")


def test_only_the_rules_read_before_the_body_are_refused() -> None:
    """O:264-282: 400 query, 401 Authorization, 403 user agent, 413 size; the body is checked
    after the 202, so no rule about its content is refused by the service."""
    refused = {r.name for r in rule_book() if r.service_refuses()}
    assert refused == {
        "query.siteCode:required", "query.json:type", "authorization_header", "bot_user_agent",
        "body_size",
    }  # fmt: skip
    legacy = {r.name for r in rule_book("legacy") if r.service_refuses()}
    assert legacy == {"query.siteCode:required", "query.json:type", "query.delayed:type",
                      "bot_user_agent", "body_size"}  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(str.encode)),
    query=st.dictionaries(st.sampled_from(["siteCode", "visitorCode", "json", "x"]),
                          st.sampled_from(["", "true", "1", "v" * 120]), max_size=4),
    agent=st.sampled_from(["", *CRAWLERS[:2], *OTHER_ROBOTS, *LIBRARIES[:2], BROWSERS[0]]),
    auth=st.sampled_from([None, "Bearer", "Token t", "Bearer t", "x y z"]),
)  # fmt: skip
def test_every_violation_the_mock_emits_names_a_rule_of_the_book(
    mock: RunningMock, body: bytes, query: dict[str, str], agent: str, auth: str | None
) -> None:
    """Property: whatever the request, each violation in the mock's journal (and from the rule
    functions) is a rule of the API's book, so it has a page line and a refusal flag."""
    mock.reset("kameleoon-data")
    headers = {"User-Agent": agent} | ({"Authorization": auth} if auth is not None else {})
    response = httpx.post(f"{mock.url}/visit/events", params=query, headers=headers, content=body)
    assert response.status_code in (202, 400, 401, 403)
    book = rule_book()
    (entry,) = mock.journal("kameleoon-data")
    assert {v["rule"] for v in entry.violations} <= set(book.names())
    request = HttpRequest.build("POST", "/visit/events", query, headers, body)
    assert rules_of(check_request(request)) <= set(book.names())


def test_a_413_names_the_body_size_rule(mock: RunningMock) -> None:
    """O:278: 413 'The body is too large', reported as the body_size rule of the book."""
    mock.reset("kameleoon-data")
    response = httpx.post(f"{mock.url}/visit/events", params={"siteCode": "s"},
                          content=b"x" * (3 * 2**20 + 1))  # fmt: skip
    assert response.status_code == 413
    (entry,) = mock.journal("kameleoon-data")
    assert [v["rule"] for v in entry.violations] == ["body_size"]


def test_the_mock_serves_real_phones_lowercase_bearer_and_long_query_visitor_codes(
    mock: RunningMock,
) -> None:
    """O:9 (bots only), O:271-275 (malformed only), O:70-79 (no query limit): all 202."""
    for headers, query in [
        ({"User-Agent": PHONES_NAMED_BOT[0]}, QUERY),
        ({"User-Agent": PHONES_NAMED_BOT[3]}, QUERY),
        ({"Authorization": "bearer abc"}, QUERY),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, QUERY),
        ({}, "siteCode=s&visitorCode=" + "v" * 255),
    ]:
        response = httpx.post(f"{mock.url}/visit/events?{query}", headers=headers,
                              content=PAGE_EVENT)  # fmt: skip
        assert response.status_code == 202, (headers, query, response.text)
    bot = httpx.post(f"{mock.url}/visit/events?{QUERY}", headers={"User-Agent": CRAWLERS[0]},
                     content=PAGE_EVENT)  # fmt: skip
    assert bot.status_code == 403


def test_the_legacy_spec_declares_every_status_its_mock_answers() -> None:
    """R:224 names 202 only; the mock of the older edition also answers 400 (query), 403 (bot,
    R:7), 413 (R:32) and, strict, 400: each declared in the legacy spec."""
    spec = load_spec("kameleoon-data-legacy")
    operation = spec.operation("post_visit_events")
    settings_ = {"kameleoon-data": {"edition": "legacy"}}
    statuses = set()
    for strict in (False, True):
        config = MockConfig(apis=("kameleoon-data",), strict=strict, settings=settings_)
        with running_mock(config) as server:
            url = f"{server.url}/visit/events"
            answers = [
                httpx.post(url, params={"visitorCode": "v"}, content=PAGE_EVENT),
                httpx.post(url, params={"siteCode": "s", "delayed": "1"}, content=PAGE_EVENT),
                httpx.post(url, params={"siteCode": "s"}, content=PAGE_EVENT,
                           headers={"User-Agent": CRAWLERS[0]}),
                httpx.post(url, params={"siteCode": "s"}, content=b"x" * (10 * 2**20 + 1)),
                httpx.post(url, params={"siteCode": "s", "visitorCode": "v"}, content=PAGE_EVENT),
                httpx.post(url, params={"siteCode": "s", "visitorCode": "v"}, content="nonce=z"),
            ]  # fmt: skip
        for answer in answers:
            statuses.add(answer.status_code)
            found = check_response(spec, operation, HttpResponse(
                answer.status_code, dict(answer.headers), answer.content))  # fmt: skip
            assert found == [], (answer.status_code, found)
    assert statuses == {202, 400, 403, 413}
