"""The vendor interface: what each room of a vendor folder provides, as typed dataclasses.

A vendor folder is a package whose `__init__` defines `API = Api(...)` (`contracts.api`). Its rooms
are modules with fixed names, each ending with one `ROOM = <Kind>Room(...)`:

    rules.py       RulesRoom       required: the rule book and `check_request`
    strategies.py  StrategiesRoom  optional: strategies of valid, boundary and invalid samples
    mock.py        MockRoom        optional: the mock's routes
    checks.py      ChecksRoom      optional: how `contracts check` drives the API
    coverage.py    CoverageRoom    optional: coverage of body variants (the data API's event types)

A field left out takes the documented default; a misspelt or unknown hook is a TypeError when the
room is built (at import), and mypy checks every room against these types. The core reads rooms
only through `Api.rules()`, `Api.strategies()`, ... , never by attribute lookups on modules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # types only: `contracts validate` loads rooms without Hypothesis or Starlette
    from hypothesis import strategies as st

    from .exchange import HttpRequest
    from .handlers import MockContext, MockRoute, NamedAnswer
    from .rules import Expectation, RuleBook
    from .samples import Sample
    from .scenarios import Scenario
    from .violations import Violation

ROOM_MODULES = ("rules", "strategies", "mock", "checks", "coverage")


def _no_samples() -> list[Sample]:
    return []


def _no_kinds() -> Mapping[str, st.SearchStrategy[Sample]]:
    return {}


def _no_query_credentials(token: str) -> dict[str, str]:
    return {}


def _no_settings(token: str) -> dict[str, Any]:
    return {}


def _same_body(body: Any, tag: int) -> Any:
    return body


def _no_conflict(response: Any) -> bool:
    return False


def _no_scenarios() -> list[Scenario]:
    return []


def _json_media_type(sample: Sample) -> str:
    return "application/json"


def _no_query(media_type: str) -> dict[str, str]:
    return {}


def _leave_case(case: Any) -> None:
    return None


@dataclass(frozen=True)
class RulesRoom:
    """`rules.py`: everything the contract says about a request, the spec's schema and the rules
    beyond it."""

    # Every rule of the API, each with its page line and whether the service refuses a breach.
    book: RuleBook
    # (request, edition or None for the default) -> every violation, errors and warnings. Never
    # raises on bad input: malformed JSON is a violation too.
    check_request: Callable[[HttpRequest, str | None], list[Violation]]
    # The rule book of one edition, where editions differ in their rules (default: `book`).
    book_of: Callable[[str | None], RuleBook] | None = None
    # Query parameters `contracts validate` adds to a body checked offline (a required site code).
    offline_query: Mapping[str, str] = field(default_factory=dict)

    def rules_of(self, edition: str | None) -> RuleBook:
        return self.book_of(edition) if self.book_of is not None else self.book


@dataclass(frozen=True)
class StrategiesRoom:
    """`strategies.py`: Hypothesis strategies drawing `Sample`s.

    Valid samples break nothing; boundary samples sit at each limit (valid) or one past it
    (breaking it); invalid samples each break exactly one rule, named in `Sample.breaks`.
    """

    valid_samples: Callable[[], st.SearchStrategy[Sample]]
    boundary_samples: Callable[[], st.SearchStrategy[Sample]]
    invalid_samples: Callable[[], st.SearchStrategy[Sample]]
    # Every boundary sample as a list, where they can be listed: `contracts check` sends each one
    # whatever the seed and budget (default: none listed; the boundary strategy draws them).
    all_boundary_samples: Callable[[], list[Sample]] = _no_samples
    # kind -> strategy of samples breaking that kind of rule; the invalid phase runs one Hypothesis
    # run per kind so that every rule is broken (default: one run over `invalid_samples`).
    invalid_sample_kinds: Callable[[], Mapping[str, st.SearchStrategy[Sample]]] = _no_kinds
    # sample -> the request it stands for, as the rules read it (path, credentials, encoding);
    # None: `contracts.offline.request_of` builds it from the spec's operation.
    request_of: Callable[[Sample], HttpRequest] | None = None
    # Rules no sample breaks, each with the reason and where they are exercised instead (a state
    # rule broken by a stateful scenario, a path rule by the rules' own tests).
    not_sampled: Mapping[str, str] = field(default_factory=dict)
    # operationId -> the room of that operation, for an API with several (a spec read as the
    # whole contract: `contracts.spec_api`); None for none to drive. Default: this room serves
    # the API's one operation.
    for_operation: Callable[[str], StrategiesRoom | None] | None = None


@dataclass(frozen=True)
class MockRoom:
    """`mock.py`: the routes the mock server serves for this API. A handler reads the request and
    returns an `Answer`; the server journals it. State goes in `ctx.store`, shared by workers."""

    routes: Callable[[MockContext], list[MockRoute]]
    # name -> an answer the vendor documents (its errors), which tests choose per request
    # (`contracts_mock.answer`, `Prefer: code=N` or `example=NAME`; `mock --list-answers`).
    answers: Mapping[str, NamedAnswer] = field(default_factory=dict)


@dataclass(frozen=True)
class ChecksRoom:
    """`checks.py`: how `contracts check` and `contracts fuzz` drive this API."""

    # token -> the headers that carry it in the form the security scheme wants.
    credentials: Callable[[str], dict[str, str]]
    # token -> the query parameters that carry it (an apiKey scheme `in: query`; default none).
    query_credentials: Callable[[str], dict[str, str]] = _no_query_credentials
    # Path parameter values that reach a real resource on the mock (live: --param overrides).
    path_parameters: Mapping[str, str] = field(default_factory=dict)
    # Rules whose samples bring their own credentials (sent without the run's).
    auth_rules: frozenset[str] = frozenset()
    # token -> the mock's settings so the embedded mock accepts exactly the run's credentials.
    mock_settings: Callable[[str], dict[str, Any]] = _no_settings
    # sample -> what the service does with it; default: by the rule book (`expected_by_rules`).
    expectation: Callable[[Sample], Expectation] | None = None
    # (body, tag) -> the body with the names that must be unique per account given a fresh tag.
    unique: Callable[[Any, int], Any] = _same_body
    # response -> True when it refuses for the state (a key already taken): no verdict on those.
    state_conflict: Callable[[Any], bool] = _no_conflict
    # Stateful checks: a duplicate after a create, a retry, ...
    scenarios: Callable[[], list[Scenario]] = _no_scenarios
    # sample -> the media type to send it as.
    media_type: Callable[[Sample], str] = _json_media_type
    # media type -> the query the spec's examples go with.
    example_query: Callable[[str], dict[str, str]] = _no_query
    # schemathesis case -> None: tie together what OpenAPI cannot (a query switch and the body).
    align_case: Callable[[Any], None] = _leave_case


@dataclass(frozen=True)
class CoverageRoom:
    """`coverage.py`: coverage of a body made of variants, each with its own fields (the data
    API's event types), for `contracts verify` and the reports."""

    label: str  # what a variant is called in reports ("event types")
    # edition -> {variant: its documented fields}
    documented: Callable[[str | None], Mapping[str, Sequence[str]]]
    # (request, edition) -> [(variant, field names present)] for each item of the body
    items: Callable[[HttpRequest, str | None], list[tuple[str, set[str]]]]


ROOM_TYPES: dict[str, type] = {
    "rules": RulesRoom,
    "strategies": StrategiesRoom,
    "mock": MockRoom,
    "checks": ChecksRoom,
    "coverage": CoverageRoom,
}
