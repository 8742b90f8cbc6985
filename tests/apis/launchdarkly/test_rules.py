"""Each rule of the create-segment contract with a valid and an invalid example, checked through
`check_request` as a client's request would be."""

from __future__ import annotations

import json
from typing import Any

import pytest

from contracts.apis.launchdarkly.rules import RULES, check_request
from contracts.exchange import HttpRequest
from contracts.registry import page_path
from contracts.violations import Severity, Violation

from .support import segments_path

BASE = {"name": "Beta testers", "key": "beta-testers"}
KEY = "api-test-key-not-a-credential"


def check(
    body: Any,
    path: str | None = None,
    content_type: str | None = "application/json",
    method: str = "POST",
    authorization: str | None = KEY,
) -> list[Violation]:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"Content-Type": content_type} if content_type is not None else {}
    if authorization is not None:
        headers["Authorization"] = authorization
    return check_request(HttpRequest.build(method, path or segments_path(), "", headers, raw))


def found(violations: list[Violation]) -> list[tuple[str, str]]:
    return [(v.rule, v.field) for v in violations]


# -- what the spec's schema says ----------------------------------------------------------------


def test_a_body_with_name_and_key_is_valid() -> None:
    """name and key are the required fields (launchdarkly-create-segment.txt:20, :24)."""
    assert check(BASE) == []
    assert found(check({"key": "beta"})) == [("required", "name")]
    assert found(check({"name": "Beta"})) == [("required", "key")]


def test_required_fields_cite_their_page_lines() -> None:
    """A missing field is reported at the line that marks it Required
    (launchdarkly-create-segment.txt:20 for name, :24 for key)."""
    assert [str(v.doc) for v in check({})] == [
        "launchdarkly-create-segment.txt:20",
        "launchdarkly-create-segment.txt:24",
    ]


def test_the_body_is_an_object() -> None:
    """This endpoint expects an object (launchdarkly-create-segment.txt:19)."""
    assert check({**BASE, "description": "d"}) == []
    assert found(check(["name", "key"])) == [("type", "")]


@pytest.mark.parametrize(
    ("field", "good", "bad"),
    [
        ("name", "Beta", 7),
        ("key", "beta", ["beta"]),
        ("description", "Customers in the beta", False),
        ("tags", ["beta"], "beta"),
        ("unbounded", True, "true"),
    ],
)
def test_fields_have_the_page_types(field: str, good: Any, bad: Any) -> None:
    """Each field has the type the page states (launchdarkly-create-segment.txt:20-30)."""
    assert check({**BASE, field: good}) == []
    assert found(check({**BASE, field: bad})) == [("type", field)]


def test_a_null_optional_field_is_one_type_violation() -> None:
    """description is a string, not nullable in the request (launchdarkly-create-segment.txt:26);
    the validator's two reports of one null are one violation."""
    assert found(check({**BASE, "description": None})) == [("type", "description")]


def test_tags_are_strings() -> None:
    """tags is a list of strings (launchdarkly-create-segment.txt:28), and a bad item cites it."""
    (violation,) = check({**BASE, "tags": ["beta", 3]})
    assert (violation.rule, violation.field) == ("type", "tags[1]")
    assert str(violation.doc) == "launchdarkly-create-segment.txt:28"


# -- the rules beyond the schema ----------------------------------------------------------------


def test_malformed_json_is_a_violation() -> None:
    """The body is a JSON object (launchdarkly-create-segment.txt:19); malformed JSON is reported,
    never raised."""
    for raw in (b'{"name": "Beta", "key": "beta",}', b"", b"\xff"):
        (violation,) = check(raw)
        assert (violation.rule, violation.field) == ("body_json", "body")
        assert violation.severity is Severity.ERROR


@pytest.mark.parametrize("depth", [990, 100_000])
def test_deeply_nested_json_is_a_violation(depth: int) -> None:
    """A body nested deeper than the parser and validator go is bad JSON, not a crash
    (launchdarkly-create-segment.txt:19)."""
    nested = b"[" * depth + b"]" * depth
    for raw in (nested, b'{"name": "B", "key": "b", "tags": ' + nested + b"}"):
        assert found(check(raw)) == [("body_json", "body")]


def test_body_too_large() -> None:
    """The body is at most 1 MiB (our limit, against launchdarkly-create-segment.txt:19)."""
    fits = json.dumps({**BASE, "description": ""}).encode()
    padding = 1024 * 1024 - len(fits)
    assert check({**BASE, "description": "x" * padding}) == []
    assert found(check({**BASE, "description": "x" * (padding + 1)})) == [
        ("body_too_large", "body")
    ]


def test_content_type_is_json() -> None:
    """POST bodies are sent as application/json (LaunchDarkly's API overview;
    launchdarkly-create-segment.txt:19)."""
    assert check(BASE, content_type="application/json; charset=utf-8") == []
    assert found(check(BASE, content_type="text/plain")) == [
        ("content_type_json", "headers.content-type")
    ]
    assert found(check(BASE, content_type=None)) == [("content_type_json", "headers.content-type")]


def test_unknown_fields_are_reported_as_ignored() -> None:
    """Only the page's six fields are read (launchdarkly-create-segment.txt:19-35); `included` on
    create is silently dropped by the service, so it is a warning."""
    assert check({**BASE, "tags": [], "unbounded": False}) == []
    (violation,) = check({**BASE, "included": ["user-1"]})
    assert (violation.rule, violation.field) == ("unknown_field_ignored", "included")
    assert violation.severity is Severity.WARNING


def test_name_is_not_blank() -> None:
    """name is Required and human-friendly (launchdarkly-create-segment.txt:20, :22)."""
    assert check({**BASE, "name": "B"}) == []
    for blank in ("", "   "):
        assert found(check({**BASE, "name": blank})) == [("name_not_empty", "name")]


def test_key_is_not_empty() -> None:
    """The key references the segment (launchdarkly-create-segment.txt:25): an empty one is
    warned about; a warning, since the page marks key Required (:24) without saying '' is
    refused."""
    assert check({**BASE, "key": "b"}) == []
    (violation,) = check({**BASE, "key": ""})
    assert (violation.rule, violation.field) == ("key_not_empty", "key")
    assert violation.severity is Severity.WARNING


@pytest.mark.parametrize("key", ["beta testers", "-beta", "_beta", ".beta", "beta/qa", "bêta"])
def test_key_format_refuses(key: str) -> None:
    """A key holds letters, digits, '.', '_', '-' and starts with a letter or digit
    (launchdarkly-create-segment.txt:24, format from LaunchDarkly's Terraform provider)."""
    (violation,) = check({**BASE, "key": key})
    assert (violation.rule, violation.field) == ("key_format", "key")
    assert repr(key) in violation.message


@pytest.mark.parametrize("key", ["beta", "Beta.Testers_2024-q1", "0", "a-", "a."])
def test_key_format_accepts(key: str) -> None:
    """Keys of letters, digits, '.', '_', '-' starting with a letter or digit are valid
    (launchdarkly-create-segment.txt:24)."""
    assert check({**BASE, "key": key}) == []


def test_tag_length() -> None:
    """Each tag is 1 to 64 characters (launchdarkly-create-segment.txt:28, limit from
    LaunchDarkly's Terraform provider)."""
    assert check({**BASE, "tags": ["a", "t" * 64]}) == []
    assert found(check({**BASE, "tags": ["ok", "t" * 65]})) == [("tag_length", "tags[1]")]
    assert found(check({**BASE, "tags": [""]})) == [("tag_length", "tags[0]")]


def test_tag_format() -> None:
    """Tags hold letters, digits, '.', '_', '-' (launchdarkly-create-segment.txt:28)."""
    assert check({**BASE, "tags": ["beta", "qa_2.0-rc"]}) == []
    assert found(check({**BASE, "tags": ["beta testers"]})) == [("tag_format", "tags[0]")]


def test_context_kind_only_for_big_segments() -> None:
    """unboundedContextKind is 'For big segments' (launchdarkly-create-segment.txt:35): on a
    standard segment it is reported (and ignored by the service)."""
    assert check({**BASE, "unbounded": True, "unboundedContextKind": "user"}) == []
    for standard in ({}, {"unbounded": False}):
        (violation,) = check({**BASE, **standard, "unboundedContextKind": "user"})
        assert violation.rule == "unbounded_context_kind_requires_unbounded"
        assert violation.severity is Severity.WARNING


@pytest.mark.parametrize("kind", ["", "kind", "multi", "org unit", "user:1"])
def test_context_kind_format(kind: str) -> None:
    """A big segment's context kind is a context kind (launchdarkly-create-segment.txt:35): not
    empty, letters, digits, '.', '_', '-', not 'kind' or 'multi'."""
    body = {**BASE, "unbounded": True, "unboundedContextKind": kind}
    assert found(check(body)) == [("context_kind_format", "unboundedContextKind")]
    assert check({**body, "unboundedContextKind": "organization"}) == []


def test_path_keys_have_the_key_format() -> None:
    """projectKey and environmentKey are keys (launchdarkly-create-segment.txt:12, :14)."""
    assert check(BASE, path=segments_path("my-project", "prod.eu")) == []
    assert found(check(BASE, path=segments_path("-project", "prod eu"))) == [
        ("project_key_format", "projectKey"),
        ("environment_key_format", "environmentKey"),
    ]


def test_other_operations_are_one_violation() -> None:
    """The page documents POST to the segments of one environment only
    (launchdarkly-create-segment.txt:1)."""
    assert found(check(BASE, method="GET")) == [("operation", "request")]
    assert found(check(BASE, path="/api/v2/flags/default")) == [("operation", "request")]


# -- the rule book itself -----------------------------------------------------------------------

# A word each rule's page line must hold, so a rule cannot cite a line that says something else.
CITED_WORDS = {
    "operation": "Create segment",
    "api_key_required": "Authorization",
    "body_json": "expects an object",
    "body_too_large": "expects an object",
    "content_type_json": "expects an object",
    "unknown_field_ignored": "expects an object",
    "name_not_empty": "name",
    "key_not_empty": "reference the segment",
    "key_format": "key",
    "tag_length": "tags",
    "tag_format": "tags",
    "unbounded_context_kind_requires_unbounded": "For big segments",
    "context_kind_format": "context kind",
    "project_key_format": "projectKey",
    "environment_key_format": "environmentKey",
}


def test_every_rule_cites_a_page_line_that_states_it() -> None:
    """Each rule's page line (launchdarkly-create-segment.txt) mentions what the rule is about."""
    lines = page_path("launchdarkly-create-segment.txt").read_text("utf-8").splitlines()
    assert set(RULES.names()) == set(CITED_WORDS)
    for rule in RULES:
        assert rule.doc.page == "launchdarkly-create-segment.txt"
        assert rule.doc.line is not None
        assert CITED_WORDS[rule.name] in lines[rule.doc.line - 1], rule.name


def test_guesses_are_warnings_with_a_choice() -> None:
    """Rules resting on our reading are WARNINGs and say what was chosen; the page states only the
    API key (launchdarkly-create-segment.txt:7), the operation (:1) and a JSON object (:19)."""
    for rule in RULES:
        if rule.severity is Severity.WARNING:
            assert rule.choice, rule.name
    errors = {r.name for r in RULES if r.severity is Severity.ERROR}
    assert errors == {"operation", "api_key_required", "body_json"}


@pytest.mark.parametrize(
    "rule", ["name_not_empty", "key_not_empty", "key_format", "tag_length", "tag_format",
             "context_kind_format", "project_key_format", "environment_key_format"],
)  # fmt: skip
def test_what_rests_on_another_source_is_not_refused(rule: str) -> None:
    """House rule: a refusal needs a page line. These rest on the Terraform provider, the SDKs or
    our reading (launchdarkly-create-segment.txt:20-35 state types only): the service is not taken
    to refuse them."""
    assert RULES[rule].severity is Severity.WARNING
    assert not RULES.refuses(rule)


@pytest.mark.parametrize(
    ("authorization", "broken"),
    [(KEY, False), ("api-0a1b2c3d-4e5f", False), (None, True), ("", True), ("  ", True)],
)
def test_api_key_required(authorization: str | None, broken: bool) -> None:
    """'Authorization string, API Key authentication via header' (launchdarkly-create-segment
    .txt:7-8) and 401 Unauthorized (:96): a missing or empty Authorization is an ERROR, cited at
    line 7, and the message never quotes the value."""
    found_here = check(BASE, authorization=authorization)
    if not broken:
        assert found_here == []
        return
    (violation,) = found_here
    assert (violation.rule, violation.field) == ("api_key_required", "headers.authorization")
    assert violation.severity is Severity.ERROR
    assert str(violation.doc) == "launchdarkly-create-segment.txt:7"
    assert RULES.refuses("api_key_required")
