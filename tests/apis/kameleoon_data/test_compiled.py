"""The fast paths of check_body give exactly the verdicts and messages of the rules' own
per-event path: the whole-body column checks (contracts/apis/kameleoon_data/columns.py) and the
per-line compiled checkers (compiled.py); and deep nesting is a violation."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from unittest import mock as patching
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts.apis.kameleoon_data import columns, compiled, strategies
from contracts.apis.kameleoon_data.events import edition
from contracts.apis.kameleoon_data.rules import AcceptedEvent, BodyContext, check_body
from contracts.mock import MockConfig, RunningMock, running_mock
from contracts.samples import Sample
from contracts.violations import Violation

EDITIONS = ["current", "legacy"]
EDITS = '&=%\r\n0aAé\x00[]{}":,;+ '


Verdict = tuple[list[Violation], list[AcceptedEvent]]


def checked(
    body: bytes, edition_name: str, context: BodyContext, *, whole: bool = True,
    per_line: bool = True, small_group: int = columns.SMALL_GROUP,
) -> Verdict:  # fmt: skip
    """check_body with the whole-body column checks (columns.py) and the per-line compiled
    checkers (compiled.py) each on or off; with both off every event goes through
    rules.check_event (the implementation before the fast paths). `small_group`: the size
    under which the whole-body path checks a type's events one by one, not as columns (1:
    always as columns; a huge one: always one by one)."""
    accepted: list[AcceptedEvent] = []
    with ExitStack() as patches:
        patches.enter_context(patching.patch.object(columns, "SMALL_GROUP", small_group))
        if not whole:
            patches.enter_context(patching.patch.object(columns, "clean_body", lambda *a: False))
        if not per_line:
            patches.enter_context(patching.patch.object(compiled, "checkers", lambda name: {}))
        found = check_body(body, edition(edition_name), context, accepted)
    return found, accepted


def reference(body: bytes, edition_name: str, context: BodyContext) -> Verdict:
    return checked(body, edition_name, context, whole=False, per_line=False)


def line_by_line(body: bytes, edition_name: str, context: BodyContext) -> Verdict:
    return checked(body, edition_name, context, whole=False)


def fast(
    body: bytes, edition_name: str, context: BodyContext, small_group: int = columns.SMALL_GROUP
) -> Verdict:
    return checked(body, edition_name, context, small_group=small_group)


# Where the whole-body path switches from one-by-one to column checks: always columns, the
# default, never columns.
SMALL_GROUPS = st.sampled_from([1, columns.SMALL_GROUP, 10**9])


def context_of(sample: Sample) -> BodyContext:
    return BodyContext(
        json_form=sample.query.get("json") == "true",
        visitor_in_query=bool(sample.query.get("visitorCode")),
        delayed=sample.query.get("delayed") == "true",
    )


@st.composite
def edited(draw: st.DrawFn, body: str) -> str:
    """A body with a few characters inserted, replaced or deleted: near-valid lines, where a
    fast path is most likely to pass what it should not."""
    text = list(body)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "replace", "delete"]))
        char = draw(st.sampled_from(EDITS))
        if action == "insert" or at == len(text):
            text.insert(at, char)
        elif action == "replace":
            text[at] = char
        else:
            del text[at]
    return "".join(text)


@st.composite
def bodies(draw: st.DrawFn, edition_name: str) -> tuple[bytes, BodyContext]:
    kind = draw(st.sampled_from(["valid", "invalid", "boundary", "edited", "joined"]))
    if kind == "valid":
        sample = draw(strategies.valid_samples(edition_name))
    elif kind == "invalid":
        sample = draw(strategies.invalid_samples(edition_name))
        if sample.breaks == "body_size":
            sample = draw(strategies.valid_samples(edition_name))
    elif kind == "boundary":
        sample = draw(
            strategies.boundary_samples(edition_name).filter(lambda s: len(s.body) < 10**5)
        )
    else:
        sample = draw(strategies.valid_samples(edition_name))
    body = sample.body if isinstance(sample.body, str) else sample.body.decode("utf-8", "replace")
    if kind == "edited":
        body = draw(edited(body))
    if kind == "joined":  # the same events twice: repeated nonces across clean lines
        body = f"{body}\n{body}"
    return body.encode(), context_of(sample)


@pytest.mark.parametrize("edition_name", EDITIONS)
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_fast_path_gives_the_reference_verdicts(edition_name: str, data: st.DataObject) -> None:
    """Property: on generated bodies (valid, breaking one rule, at the limits, edited, repeated),
    check_body gives the same violations, messages and accepted events with and without the
    compiled checkers, and with the whole-body path checking types as columns or one by one."""
    body, context = data.draw(bodies(edition_name))
    context = data.draw(
        st.sampled_from([context, BodyContext(), BodyContext(visitor_in_query=True)])
    )
    expected = reference(body, edition_name, context)
    assert line_by_line(body, edition_name, context) == expected
    assert fast(body, edition_name, context, data.draw(SMALL_GROUPS)) == expected


@pytest.mark.parametrize("edition_name", EDITIONS)
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_column_checks_take_clean_batches(edition_name: str, data: st.DataObject) -> None:
    """Property: a batch of valid events (the SDK's common case) is taken whole by the column
    checks with every event kept as the line-by-line path keeps it; and one edit (a character
    inserted, replaced or deleted) either leaves it clean or gives the reference verdicts."""
    samples = data.draw(st.lists(strategies.valid_samples(edition_name), min_size=1, max_size=8))
    samples = [s for s in samples if not s.query.get("json") and isinstance(s.body, str)]
    context = BodyContext(visitor_in_query=True, delayed=edition_name == "legacy")
    lines = [line for s in samples for line in str(s.body).split("\n") if line]
    if context.delayed:
        lines = [line if "&time=" in line else f"{line}&time=1" for line in lines]
    body = "\n".join(dict.fromkeys(lines))  # the nonces are unique across samples
    expected = line_by_line(body.encode(), edition_name, context)
    # A clean body is taken whole, with the same events; the one exception the generated
    # bodies reach is a NUL (%00), left to the per-event path by design (columns.py).
    small_group = data.draw(SMALL_GROUPS)
    if not expected[0] and "%00" not in body:
        kept: list[dict[str, str]] = []
        with patching.patch.object(columns, "SMALL_GROUP", small_group):
            assert columns.clean_body(body, edition(edition_name), True, context.delayed, kept)
        assert [AcceptedEvent(f"line {n}", e) for n, e in enumerate(kept, 1)] == expected[1]
    edited_body = data.draw(edited(body)).encode()
    assert fast(edited_body, edition_name, context, small_group) == reference(
        edited_body, edition_name, context
    )


def test_the_column_checks_take_the_benchmark_batch() -> None:
    """30,000 events of the ten types (benchmarks/bench_visit_events.py), percent-escapes,
    JSON-valued fields and all, are one clean batch; a single repeated nonce makes them not."""
    from benchmarks.bench_visit_events import build_body

    text = build_body(3000).decode()
    ed = edition("current")
    assert columns.clean_body(text, ed, True, False)
    lines = text.split("\n")
    for body in (text, "\n".join(lines[:5])):  # past the positions made once, then within them
        accepted: list[AcceptedEvent] = []
        assert not check_body(body.encode(), ed, BodyContext(visitor_in_query=True), accepted)
        count = body.count("\n") + 1
        assert [event.position for event in accepted] == [f"line {n}" for n in range(1, count + 1)]
    repeated = "\n".join([*lines, lines[7]])
    assert not columns.clean_body(repeated, ed, True, False)
    (violation,) = check_body(repeated.encode(), ed, BodyContext(visitor_in_query=True))
    assert violation.rule == "nonce_unique" and violation.line == len(lines) + 1


def test_the_fast_path_takes_the_common_case() -> None:
    """The checkers do pass the page's own clean events (else the fast path would be dead code and
    the property above would hold trivially)."""
    line = {"nonce": "d2ce4d22083348fb", "eventType": "PAGE", "href": "https://x.com/?a=b&c=d",
            "keyPageIndices": "[1,2]"}  # fmt: skip
    assert compiled.checkers("current")["PAGE"](line)
    assert not compiled.checkers("current")["PAGE"]({**line, "href": "h" * 2049})
    assert compiled.split_clean_line("a=b%26c&d=%E2%82%AC") == {"a": "b&c", "d": "€"}
    assert compiled.split_clean_line("a=%E2%82") is None


# -- deep nesting: a violation, never a RecursionError or a 500 ---------------------------------

DEEP = 100_000


def test_a_deeply_nested_json_body_is_a_json_syntax_violation() -> None:
    """O:99-103: with json=true the body is a JSON array of event objects; one nested 100,000
    deep is not read (Python's parser would raise RecursionError): a clear json_syntax."""
    body = ("[" * DEEP + "]" * DEEP).encode()
    (violation,) = check_body(body, edition("current"), BodyContext(json_form=True))
    assert violation.rule == "json_syntax" and "deeper" in violation.message


def test_a_deeply_nested_line_value_is_a_type_violation() -> None:
    """O:144-146: keyPageIndices is a JSON array of indices; nested 100,000 deep it is not one."""
    value = "%5B" * DEEP + "%5D" * DEEP
    body = f"nonce=0123456789abcdef&eventType=PAGE&href=h&keyPageIndices={value}".encode()
    (violation,) = check_body(body, edition("current"), BodyContext(visitor_in_query=True))
    assert violation.rule == "PAGE.keyPageIndices:type"


OLD_DOUBLE = r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?\Z"  # before it was rewritten


@given(st.text(alphabet="0123456789.+-eEx ", max_size=12))
def test_the_double_pattern_reads_what_it_read_before(text: str) -> None:
    """Property: codec.DOUBLE, rewritten without ambiguity, accepts exactly the old language."""
    import re

    from contracts.apis.kameleoon_data.codec import DOUBLE

    assert bool(DOUBLE.match(text)) == bool(re.match(OLD_DOUBLE, text))


@pytest.fixture(scope="module")
def server() -> Iterator[RunningMock]:
    with running_mock(MockConfig(apis=("kameleoon-data",))) as running:
        yield running


def test_the_mock_answers_a_deeply_nested_body_without_a_5xx(server: RunningMock) -> None:
    """O:264-268: accepted (202), the body checked later; the journal names json_syntax."""
    server.reset("kameleoon-data")
    response = httpx.post(f"{server.url}/visit/events", params={"siteCode": "s", "json": "true"},
                          content="[" * DEEP + "]" * DEEP, timeout=30)  # fmt: skip
    assert response.status_code == 202
    assert response.headers["x-contract-rules"] == "json_syntax"


def test_the_mock_judges_a_long_bad_number_without_hanging(server: RunningMock) -> None:
    """O:125: browserVersion is a float64. A million digits then an 'x' is not one: the mock
    answers at once (the old pattern backtracked quadratically: hours for this value)."""
    server.reset("kameleoon-data")
    body = f"nonce=0123456789abcdef&eventType=STATICDATA&browserVersion={'1' * 10**6}x"
    response = httpx.post(f"{server.url}/visit/events", params={"siteCode": "s",
                          "visitorCode": "v"}, content=body, timeout=60)  # fmt: skip
    assert response.status_code == 202
    assert response.headers["x-contract-rules"] == "STATICDATA.browserVersion:type"


@pytest.mark.parametrize(
    "digits",
    ["1" * 5000, "0" * 5000 + "7", "2147483648", "0002147483647", "-0002147483648"],
    ids=["5000 digits", "7 after 5000 zeros", "int32 max + 1", "int32 max padded", "min padded"],
)
@pytest.mark.parametrize("small_group", [1, 10**9], ids=["columns", "event by event"])
def test_a_metadata_id_of_many_digits_is_judged_not_raised(digits: str, small_group: int) -> None:
    """O:159: a metadata key is an int32 id. One of 5,000 digits (past what int() reads) is a
    metadata_keys_int32 violation, not a ValueError; zero-padding keeps an id in range; the
    same verdicts whether the batch is checked as columns or event by event."""
    metadata = quote(json.dumps({digits: ["blue"]}))
    line = f"nonce=0123456789abcdef&eventType=CONVERSION&goalId=2&metadata={metadata}"
    context = BodyContext(visitor_in_query=True)
    body = "\n".join([line] + [line.replace("0123", f"{n:04x}") for n in range(1, 9)]).encode()
    found, _ = checked(body, "current", context, small_group=small_group)
    int32 = digits not in ("1" * 5000, "2147483648")
    assert [v.rule for v in found] == ([] if int32 else ["metadata_keys_int32"] * 9)
    assert (found, _) == reference(body, "current", context)


# JSON that json.loads reads and orjson (the compiled checkers' reader) refuses, in the three
# JSON-valued fields the checkers read inline.
JSON_ORJSON_REFUSES = [
    ("metadata", '{"3": [NaN]}'),
    ("metadata", '{"3": ["\\ud800"]}'),
    ("metadata", '{"3": ["blue"], "4": 1e400}'),
    ("valuesCountMap", '{"a": 18446744073709551616}'),
    ("valuesCountMap", '{"\\udc00": 1}'),
    ("keyPageIndices", "[1, Infinity]"),
]


@pytest.mark.parametrize(("field", "value"), JSON_ORJSON_REFUSES)
@pytest.mark.parametrize("small_group", [1, 10**9], ids=["columns", "event by event"])
def test_json_the_fast_reader_refuses_gets_the_reference_verdicts(
    field: str, value: str, small_group: int
) -> None:
    """A JSON value orjson refuses (json.loads reads it) sends its event the rules' way: the
    verdicts, messages and kept events are those of the path without the fast checks."""
    event_type, fixed = {
        "metadata": ("CONVERSION", "goalId=2"),
        "valuesCountMap": ("CUSTOMDATA", "index=3"),
        "keyPageIndices": ("PAGE", "href=https%3A%2F%2Fx.com"),
    }[field]
    line = f"nonce=0123456789abcdef&eventType={event_type}&{fixed}&{field}={quote(value)}"
    context = BodyContext(visitor_in_query=True)
    body = "\n".join([line] + [line.replace("0123", f"{n:04x}") for n in range(1, 9)]).encode()
    assert checked(body, "current", context, small_group=small_group) == reference(
        body, "current", context
    )


def test_validate_reports_a_deeply_nested_body(tmp_path: Path) -> None:
    body = tmp_path / "deep.json"
    body.write_text("[" * DEEP + "]" * DEEP)
    result = subprocess.run(
        [sys.executable, "-m", "contracts", "validate", "kameleoon-data", str(body), "--json",
         "--format", "json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert [v["rule"] for v in json.loads(result.stdout)] == ["json_syntax"]
