"""What every vendor must satisfy, checked over the registry (the built-in folders and any package
registered through the `contracts.apis` entry point group), one property per test, parametrized by
API: a new vendor is held to all of them without writing a test of its own.

- its rooms are there and of the types `contracts.rooms` defines;
- valid samples break no error rule;
- each kind of invalid sample breaks exactly the rule it names (and no other error rule);
- every rule of the book is broken by some kind, or the room says why not and where it is tested;
- every spec cites a page that exists, and every rule cites a line of it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts import rooms
from contracts.api import Api
from contracts.errors import VendorError
from contracts.offline import request_of
from contracts.registry import all_apis
from contracts.samples import Sample
from contracts.violations import Severity

APIS = all_apis()
BUILT_IN = [api for api in APIS if api.package.startswith("contracts.apis.")]
PER_KIND = 6  # draws per kind of invalid sample


def ids(api: Api) -> str:
    return api.name


def draws(strategy: st.SearchStrategy[Sample], count: int) -> list[Sample]:
    """`count` samples, the same ones every run (derandomized, no database)."""
    found: list[Sample] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def collect(sample: Sample) -> None:
        found.append(sample)

    collect()
    return found


def error_rules(api: Api, sample: Sample) -> set[str]:
    violations = api.rules().check_request(request_of(api, sample), None)
    return {v.rule for v in violations if v.severity is Severity.ERROR}


def all_rules(api: Api, sample: Sample) -> set[str]:
    return {v.rule for v in api.rules().check_request(request_of(api, sample), None)}


@pytest.mark.parametrize("api", APIS, ids=ids)
def test_rooms_are_there_and_typed(api: Api) -> None:
    """Every API has a rules room; the built-in ones also drive checks, a mock and strategies.
    Each room is the dataclass of its kind (a misspelt hook fails when the room is built)."""
    assert isinstance(api.rules(), rooms.RulesRoom)
    for room in (api.strategies(), api.mock(), api.checks(), api.coverage()):
        assert room is None or type(room) in rooms.ROOM_TYPES.values()
    if api in BUILT_IN:
        assert api.strategies() is not None and api.checks() is not None and api.mock() is not None


@pytest.fixture
def vendor_package(tmp_path: Path) -> Iterator[Path]:
    """An importable package in a temporary folder, removed from sys.modules afterwards."""
    sys.path.insert(0, str(tmp_path))
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n.startswith("broken_vendor")]:
            del sys.modules[name]


def test_a_room_of_the_wrong_kind_is_refused_by_name(vendor_package: Path) -> None:
    """A checks.py whose ROOM is not a ChecksRoom is a VendorError naming the module and the kind
    expected, when the room is first used, not a silent fallback to defaults."""
    package = vendor_package / "broken_vendor"
    (package / "specs").mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from contracts.vendor import Api\n"
        "API = Api('broken', 'Broken', __name__, {'current': 'specs/broken.yaml'})\n"
    )
    (package / "checks.py").write_text("ROOM = {'credentials': None}\n")
    from broken_vendor import API  # type: ignore[import-not-found]

    with pytest.raises(VendorError, match=r"broken_vendor\.checks: must define ROOM = ChecksRoom"):
        API.checks()
    assert API.mock() is None  # no mock.py: the room is simply absent


def test_a_misspelt_hook_fails_when_the_room_is_built() -> None:
    """Hooks are dataclass fields: a misspelt one is a TypeError at import, not a default used."""
    with pytest.raises(TypeError, match="state_conflicts"):
        rooms.ChecksRoom(credentials=lambda token: {}, state_conflicts=lambda r: False)  # type: ignore[call-arg]


@pytest.mark.parametrize("api", [a for a in APIS if a.strategies() is not None], ids=ids)
def test_valid_samples_break_no_error_rule(api: Api) -> None:
    strategies = api.strategies()
    assert strategies is not None
    for sample in draws(strategies.valid_samples(), 40):
        assert sample.valid
        assert error_rules(api, sample) == set(), sample.note


def _kinds() -> list[tuple[Api, str]]:
    found = []
    for api in APIS:
        strategies = api.strategies()
        if strategies is not None:
            found += [(api, kind) for kind in sorted(strategies.invalid_sample_kinds())]
    return found


@pytest.mark.parametrize(
    ("api", "kind"), _kinds(), ids=lambda x: x if isinstance(x, str) else x.name
)
def test_each_invalid_kind_breaks_exactly_its_rule(api: Api, kind: str) -> None:
    """A sample of each kind breaks the rule it names, and no other error rule."""
    strategies = api.strategies()
    assert strategies is not None
    for sample in draws(strategies.invalid_sample_kinds()[kind], PER_KIND):
        assert sample.breaks is not None
        assert sample.breaks in all_rules(api, sample), sample.note
        assert error_rules(api, sample) - {sample.breaks} == set(), sample.note


def _with_samples_of_every_rule() -> list[object]:
    known_gaps = {  # removed as each vendor's invalid kinds reach its warnings too
        "kameleoon-data": "its invalid kinds break only its error rules, not its warnings yet",
    }
    return [
        pytest.param(api, marks=pytest.mark.xfail(strict=True, reason=known_gaps[api.name]))
        if api.name in known_gaps
        else api
        for api in APIS
        if api.strategies() is not None
    ]


@pytest.mark.parametrize("api", _with_samples_of_every_rule(), ids=ids)
def test_every_rule_is_broken_by_some_kind(api: Api) -> None:
    """The kinds of invalid samples cover the rule book; a rule no sample can break is listed in
    the room's `not_sampled` with the reason. A new rule without a breaker fails here."""
    strategies = api.strategies()
    assert strategies is not None
    broken = {
        sample.breaks
        for strategy in strategies.invalid_sample_kinds().values()
        for sample in draws(strategy, PER_KIND)
    }
    book = set(api.rules().book.names())
    assert book - broken - set(strategies.not_sampled) == set()
    assert set(strategies.not_sampled) <= book  # no stale exception


@pytest.mark.parametrize("api", APIS, ids=ids)
def test_every_spec_cites_its_page_and_every_rule_a_line_of_it(api: Api) -> None:
    for spec in api.specs():
        assert spec.page_path.is_file(), f"{spec.name}: no page {spec.page}"
    pages = {spec.page: spec.page_path for spec in api.specs()}
    for edition in api.editions:
        for rule in api.rules().rules_of(edition):
            assert rule.doc.page in pages, f"{rule.name} cites {rule.doc.page}"
            if rule.doc.line is not None:
                lines = pages[rule.doc.page].read_text(encoding="utf-8").splitlines()
                assert 1 <= rule.doc.line <= len(lines), f"{rule.name}: {rule.doc}"


@pytest.mark.parametrize("api", APIS, ids=ids)
def test_shared_rules_have_one_name_in_every_folder(api: Api) -> None:
    """A rule about the body's size is `body_size` and one about its JSON syntax `json_syntax`
    (contracts.vendor.BODY_SIZE, JSON_SYNTAX), whichever folder states it."""
    from contracts.vendor import BODY_SIZE, JSON_SYNTAX

    for rule in api.rules().book:
        words = rule.name.lower()
        if "too_large" in words or ("body" in words and "size" in words):
            assert rule.name in (BODY_SIZE, "body_size_units"), rule.name
        if words.endswith("json") or ("json_" in words and "syntax" not in words):
            assert rule.name in (JSON_SYNTAX, "content_type_json", "json_switch_matches_body"), (
                rule.name
            )
