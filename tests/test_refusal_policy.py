"""One owner of "does the service refuse this breach?", over every API of the registry.

Whether a request breaking a rule is refused is the rule's own flag (`contracts.rules.Rule.
service_refuses`, read through `RuleBook.refuses`); a name outside the book is a keyword of the
spec's JSON Schema, which the spec states, and is refused. The tests hold every reader to it:

- every violation `check_request` or the faithful mock can name is a rule of the API's book or a
  keyword of its spec's schema (nothing outside the book decides a verdict);
- the faithful mock answers a sample breaking one rule exactly as that rule's flag says (4xx when
  refused, 2xx when accepted), valid samples with a 2xx, and `checks.expectation` (what
  `contracts check` expects) says the same;
- the house rule: a rule the service refuses is an ERROR (a page line states it), except the one
  documented kind of WARNING refused, the mock's bound on its own memory (a body size the page
  does not state); an ERROR is refused.

Parametrized from `contracts.registry.all_apis()`: a new API is covered by adding its folder.
Requests are built from the rooms' documented contracts (`ChecksRoom.credentials`, `auth_rules`,
`path_parameters`, `media_type`), as `contracts check` builds them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from contracts import offline
from contracts.api import Api
from contracts.exchange import HttpRequest
from contracts.mock import MockConfig, RunningMock, running_mock
from contracts.registry import all_apis
from contracts.rules import RuleBook, expected_by_rules
from contracts.samples import Sample
from contracts.schemas import validator
from contracts.violations import Severity

TOKEN = "refusal-policy-token"  # not a credential of any vendor
# A browser's user agent: what a person's client sends (the data API filters bots by it).
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
# Names the core gives findings that are not rules of a book: unreadable JSON, nesting too deep.
CORE_FINDINGS = frozenset({"json", "depth"})
# The one documented kind of WARNING the faithful mock refuses: its bound on a body held in memory.
RESOURCE_BOUND = "the mock's own resources"

APIS = [api for api in all_apis() if api.mock() is not None and api.checks() is not None]
HTTP = httpx.Client(timeout=30)  # one client: building one per request costs ~30 ms


def _apis(test: str) -> list[Any]:
    return [pytest.param(api, id=api.name) for api in APIS]


def _kinds() -> list[Any]:
    """(api, kind) for every kind of invalid sample each API's strategies can draw."""
    found = []
    for api in APIS:
        strategies = api.strategies()
        kinds = strategies.invalid_sample_kinds() if strategies is not None else {}
        for kind in sorted(kinds):
            found.append(pytest.param(api, kind, id=f"{api.name}-{kind}"))
    return found


def book(api: Api) -> RuleBook:
    return api.rules().book


def known_names(api: Api) -> frozenset[str]:
    """What a violation of this API may be named: a rule of its book, a keyword of its spec's
    schema validator, or a core finding."""
    return _known_names(api.name)


@functools.cache
def _known_names(name: str) -> frozenset[str]:
    (api,) = [api for api in APIS if api.name == name]
    keywords: set[str] = set()
    for spec in api.specs():
        keywords |= set(validator(spec, {}, "request").VALIDATORS)
    return frozenset(book(api).names()) | keywords | CORE_FINDINGS


# -- requests as `contracts check` builds them ------------------------------------------------


def _lower(headers: dict[str, str]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def request_for(api: Api, sample: Sample) -> HttpRequest:
    """The request a sample stands for: the operation's method and path (with the room's path
    parameters), the sample's query, its media type, the run's credentials unless the sample
    brings its own (AUTH_RULES), and the sample's own headers."""
    room = api.checks()
    assert room is not None
    operation = api.spec().operations()[0]
    path = operation.path
    for name, value in room.path_parameters.items():
        path = path.replace("{" + name + "}", value)
    media_type = room.media_type(sample)
    headers = {"content-type": media_type, "user-agent": USER_AGENT, **_lower(sample.headers)}
    if sample.breaks not in room.auth_rules:
        headers.update(_lower(room.credentials(TOKEN)))
    body = offline.request_of(api, sample).body  # the body as the vendor encodes its samples
    return HttpRequest.build(operation.method.upper(), path, dict(sample.query), headers, body)


@pytest.fixture(scope="module")
def mock() -> Iterator[RunningMock]:
    """Every API's faithful (not strict) mock, accepting exactly the run's credentials."""
    settings_ = {}
    for api in APIS:
        room = api.checks()
        assert room is not None
        settings_[api.name] = room.mock_settings(TOKEN)
    config = MockConfig(apis=tuple(api.name for api in APIS), settings=settings_)
    with running_mock(config) as running:
        yield running


def send(mock: RunningMock, api: Api, request: HttpRequest) -> tuple[int, list[str]]:
    """The mock's status for a request, and the rules its journal names for it. The API's state
    is reset first, so no answer is a refusal for the state (a key already taken)."""
    mock.reset(api.name)
    query = {name: values for name, values in request.query.items()}
    response = HTTP.request(
        request.method,
        mock.url + request.path,
        params=query,
        headers=dict(request.headers),
        content=request.body,
    )
    (entry,) = mock.journal(api.name)
    return response.status_code, [str(v["rule"]) for v in entry.violations]


def expected_status(api: Api, sample: Sample) -> str:
    if sample.valid:
        return "2xx"
    return "4xx" if book(api).refuses(sample.breaks) else "2xx"


def status_class(status: int) -> str:
    return f"{status // 100}xx"


def assert_follows_the_flag(mock: RunningMock, api: Api, sample: Sample) -> None:
    """The policy for one sample, through `check_request` and through the faithful mock."""
    rules = api.rules()
    room = api.checks()
    assert room is not None
    request = request_for(api, sample)
    known = known_names(api)
    found = {v.rule for v in rules.check_request(request, None)}
    assert found <= known, f"check_request named rules outside the book: {found - known}"
    if not sample.valid:
        assert sample.breaks in found, f"{sample.breaks} not found in {sorted(found)}"
    status, named = send(mock, api, request)
    assert set(named) <= known, f"the mock named rules outside the book: {set(named) - known}"
    expected = expected_status(api, sample)
    assert status_class(status) == expected, (
        f"{sample.note or sample.breaks}: breaks {sample.breaks!r}, whose flag says {expected};"
        f" the faithful mock answered {status} naming {named}"
    )
    verdict = room.expectation(sample) if room.expectation else expected_by_rules(book(api), sample)
    assert verdict == ("refuse" if expected == "4xx" else "accept"), (
        f"checks.expectation says {verdict} for {sample.breaks!r}, the rule's flag {expected}"
    )


SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
# No shrinking: a failure's message names the sample, its rule and the answer already, and the
# data API's expected failures would otherwise spend minutes shrinking.
PHASES = [Phase.explicit, Phase.reuse, Phase.generate]


# -- the properties -----------------------------------------------------------------------------


@pytest.mark.parametrize(("api", "kind"), _kinds())
@settings(max_examples=4, deadline=None, suppress_health_check=SLOW, phases=PHASES)
@given(data=st.data())
def test_a_sample_breaking_one_rule_gets_the_answer_its_flag_says(
    mock: RunningMock, api: Api, kind: str, data: st.DataObject
) -> None:
    """Property, per kind of invalid sample of every API: `check_request` and the faithful mock
    name only rules of the book (or schema keywords), the sample's rule among them; the mock
    refuses (4xx) exactly when the rule's flag says the service refuses, else accepts (2xx); and
    `contracts check` expects the same."""
    strategies = api.strategies()
    assert strategies is not None
    sample = data.draw(strategies.invalid_sample_kinds()[kind])
    assert not sample.valid
    assert_follows_the_flag(mock, api, sample)


@pytest.mark.parametrize("api", _apis("boundary"))
@settings(max_examples=40, deadline=None, suppress_health_check=SLOW, phases=PHASES)
@given(data=st.data())
def test_boundary_samples_get_the_answer_their_flag_says(
    mock: RunningMock, api: Api, data: st.DataObject
) -> None:
    """Property: at every limit a sample is accepted; one past it is answered as the limit's
    rule's flag says; nothing outside the book is named."""
    strategies = api.strategies()
    assert strategies is not None
    assert_follows_the_flag(mock, api, data.draw(strategies.boundary_samples()))


@pytest.mark.parametrize("api", _apis("valid"))
@settings(max_examples=15, deadline=None, suppress_health_check=SLOW, phases=PHASES)
@given(data=st.data())
def test_valid_samples_are_accepted(mock: RunningMock, api: Api, data: st.DataObject) -> None:
    """Property: a valid sample is accepted (2xx) by the faithful mock, and `check_request` names
    nothing outside the book."""
    strategies = api.strategies()
    assert strategies is not None
    assert_follows_the_flag(mock, api, data.draw(strategies.valid_samples()))


# -- the house rule, over the books ---------------------------------------------------------------


@pytest.mark.parametrize("api", _apis("books"))
def test_a_refusal_needs_a_page_line(api: Api) -> None:
    """A refusal needs an ERROR (stated by its page line); a WARNING (our reading, another source,
    an extrapolation) is accepted, except the documented bound of the mock's own memory, whose
    choice says so. An ERROR is refused unless its rule says otherwise (`refused_by_service=False`:
    the data API accepts a body and checks it later, openapi.txt:264-268). Every rule cites a
    page line."""
    for rule in book(api):
        assert rule.doc.line is not None, rule.name
        if rule.severity is Severity.ERROR:
            assert rule.service_refuses() or rule.refused_by_service is False, rule.name
        elif rule.service_refuses():
            assert RESOURCE_BOUND in rule.choice, f"{rule.name}: a WARNING refused"


def test_every_api_is_covered() -> None:
    """The registry's APIs with a mock all take part (a folder without one would be skipped)."""
    assert {api.name for api in APIS} == {api.name for api in all_apis()}
