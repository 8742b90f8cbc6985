"""The /visit/events rules, each with a valid and an invalid example citing the page line it comes
from. O = kameleoon-data-visit-events-openapi.txt (current), R = ...-reference.txt (older)."""

from __future__ import annotations

import json

import pytest

from contracts import load_spec
from contracts.apis.kameleoon_data import strategies
from contracts.apis.kameleoon_data.rules import check_request, rule_book, rules_of
from contracts.exchange import HttpRequest
from contracts.registry import page_path
from contracts.violations import Severity, Violation, errors

PAGE_EVENT = "nonce=0123456789abcdef&eventType=PAGE&href=https%3A%2F%2Fx.com"


def check(
    body: str | bytes,
    query: str = "siteCode=s&visitorCode=v",
    edition: str = "current",
    headers: dict[str, str] | None = None,
) -> list[Violation]:
    return check_request(HttpRequest.build("POST", "/visit/events", query, headers, body), edition)


def fired(body: str | bytes, **kwargs: object) -> set[str]:
    return rules_of(check(body, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize("edition", ["current", "legacy"])
def test_the_pages_own_examples_are_valid(edition: str) -> None:
    """Both body examples of each page pass (O:226-251, R:174-221), the visitorCode being in the
    query as the pages assume (O:222-224, R:170)."""
    spec = load_spec("kameleoon-data" if edition == "current" else "kameleoon-data-legacy")
    for example in spec.examples():
        json_form = example.media_type == "application/json"
        body = json.dumps(example.value) if json_form else example.value
        query = "siteCode=s&visitorCode=v" + ("&json=true" if json_form else "")
        assert check(body, query, edition) == [], example.label


def test_every_rule_cites_a_line_of_its_page() -> None:
    """Each rule names the page and a line inside it (what the violation messages cite)."""
    for edition in ("current", "legacy"):
        for rule in rule_book(edition):
            lines = page_path(rule.doc.page).read_text().splitlines()
            assert rule.doc.line is not None and 1 <= rule.doc.line <= len(lines), rule.name


@pytest.mark.parametrize(
    ("edition", "rule"),
    [
        (edition, rule)
        for edition in ("current", "legacy")
        for rule in rule_book(edition)
        if ":" in rule.name
    ],
    ids=lambda v: getattr(v, "name", v),
)
def test_field_rules_cite_the_line_that_names_the_field(edition: str, rule: object) -> None:
    """The per-field rules come from the spec's x-doc-line: the cited page line (or the next two)
    names the field, so a message's citation leads to the page's own words."""
    name = rule.name.split(":")[0].split(".")[-1]  # type: ignore[attr-defined]
    doc = rule.doc  # type: ignore[attr-defined]
    lines = page_path(doc.page).read_text().splitlines()
    nearby = " ".join(lines[doc.line - 1 : doc.line + 2])
    assert name.lower() in nearby.lower(), f"{rule} cites {doc}: {nearby[:120]}"


# -- the hand-written rules, one valid and one invalid example each ---------------------------


def test_nonce_is_16_hex_characters_in_either_case() -> None:
    """O:108-110: a random string of 16 hexadecimal characters."""
    assert "nonce:format" not in fired(PAGE_EVENT.replace("0123456789abcdef", "0123456789ABCDEF"))
    assert "nonce:format" in fired(PAGE_EVENT.replace("0123456789abcdef", "0123456789abcdeg"))


def test_nonce_is_unique_within_a_body() -> None:
    """O:109-110: unique to each event."""
    other = PAGE_EVENT.replace("0123456789abcdef", "fedcba9876543210")
    assert "nonce_unique" not in fired(f"{PAGE_EVENT}\n{other}")
    same_in_upper_case = PAGE_EVENT.replace("0123456789abcdef", "0123456789ABCDEF")
    found = check(f"{PAGE_EVENT}\n{same_in_upper_case}")
    duplicate = [v for v in found if v.rule == "nonce_unique"]
    assert duplicate and duplicate[0].line == 2 and "line 1" in duplicate[0].message


def test_event_type_is_case_insensitive_with_a_warning_on_the_current_page() -> None:
    """O:110-115 lists upper case; R:52 says case-insensitive. Current: warning; older: nothing."""
    lower = PAGE_EVENT.replace("PAGE", "page")
    (violation,) = check(lower)
    assert (violation.rule, violation.severity) == ("event_type_case", Severity.WARNING)
    assert check(lower, edition="legacy") == []
    assert "event_type_known" in fired(PAGE_EVENT.replace("PAGE", "CLICK"))


def test_visitor_identified_in_query_or_on_every_event() -> None:
    """O:70-77, O:105-107: visitorCode in the query, else on every event (R:42-44: or
    mappingValue)."""
    assert "visitor_identified" in fired(PAGE_EVENT, query="siteCode=s")
    assert fired(PAGE_EVENT + "&visitorCode=v1", query="siteCode=s") == set()
    assert "visitor_identified" not in fired(
        PAGE_EVENT + "&mappingValue=m1", query="siteCode=s", edition="legacy"
    )


def test_unexposition_cause_only_with_the_reference_variation() -> None:
    """O:173-174: only valid if variationId is 0 (R:122: useless otherwise, a warning)."""
    base = "nonce=0123456789abcdef&eventType=PERSONALIZATION&id=1&unexpositionCause=SCHEDULE"
    assert fired(base + "&variationId=0") == set()
    assert "unexposition_cause_needs_reference" in rules_of(errors(check(base + "&variationId=2")))
    legacy = check(base + "&variationId=2", edition="legacy")
    assert [v.severity for v in legacy] == [Severity.WARNING]


def test_custom_data_values_are_limited_by_mapping_identifier() -> None:
    """O:203-205: every value at most 2048 characters, 100 when mappingIdentifier is true;
    R:146: 1024."""

    def event(key: str, mapping: bool) -> str:
        values = json.dumps({key: 1}).replace('"', "%22").replace("{", "%7B").replace("}", "%7D")
        flag = "&mappingIdentifier=true" if mapping else ""
        return f"nonce=0123456789abcdef&eventType=CUSTOMDATA&index=1&valuesCountMap={values}{flag}"

    assert fired(event("x" * 2048, False)) == set()
    assert "custom_data_value_length" in fired(event("x" * 2049, False))
    assert fired(event("x" * 100, True)) == set()
    assert "custom_data_value_length" in fired(event("x" * 101, True))
    assert "custom_data_value_length" in fired(event("x" * 1025, False), edition="legacy")


def test_metadata_keys_are_int32_ids() -> None:
    """O:157-161: key = metadata id (int32)."""
    metadata = "%7B%2212%22%3A%5B%22a%22%5D%7D"  # {"12":["a"]}
    ok = f"nonce=0123456789abcdef&eventType=CONVERSION&goalId=1&metadata={metadata}"
    assert fired(ok) == set()
    assert "metadata_keys_int32" in fired(ok.replace("%2212%22", "%22color%22"))


def test_time_on_every_event_only_when_delayed() -> None:
    """R:22-24, R:46-48: with delayed=true, time on every event; without, it is ignored."""
    query = "siteCode=s&visitorCode=v&delayed=true"
    assert fired(PAGE_EVENT + "&time=1700000000000", query=query, edition="legacy") == set()
    assert "time_when_delayed" in fired(PAGE_EVENT, query=query, edition="legacy")
    ignored = check(PAGE_EVENT + "&time=1", edition="legacy")
    assert [(v.rule, v.severity) for v in ignored] == [("time_without_delayed", Severity.WARNING)]


def test_query_needs_site_code_and_boolean_switches() -> None:
    """O:64-68 siteCode required; O:80-88 json is a boolean (R:22 delayed too)."""
    assert "query.siteCode:required" in fired(PAGE_EVENT, query="visitorCode=v")
    assert "query.json:type" in fired(PAGE_EVENT, query="siteCode=s&visitorCode=v&json=1")
    assert "query.delayed:type" in fired(
        PAGE_EVENT, query="siteCode=s&visitorCode=v&delayed=yes", edition="legacy"
    )


def test_json_form_needs_the_json_switch() -> None:
    """O:80-103: a JSON array body is read as such only with json=true."""
    body = json.dumps([{"nonce": "0123456789abcdef", "eventType": "PAGE", "href": "h"}])
    assert fired(body, query="siteCode=s&visitorCode=v&json=true") == set()
    assert fired(body) == {"json_switch_matches_body"}
    assert "json_syntax" in fired("[{", query="siteCode=s&json=true")


def test_line_syntax_and_encoding() -> None:
    """O:94-98: name=value pairs joined by '&', escaped as encodeURIComponent; O:261: UTF-8."""
    assert "line_syntax" in fired(PAGE_EVENT + "&novalue")
    assert "line_syntax" in fired(PAGE_EVENT + "&title=100%")
    assert fired(PAGE_EVENT + "&title=100%25%20%E2%82%AC") == set()
    assert "body_encoding" in fired(PAGE_EVENT.encode() + b"&title=\xff")
    assert "body_has_events" in fired("\n")


def test_body_size_limit_per_edition() -> None:
    """O:91: 3 MB; R:32: 10 MB (read as MiB)."""
    at, past = strategies.all_boundary_samples("current")[-2:]
    assert len(at.body) == 3 * 1024 * 1024 and "body_size" not in fired(at.body, **_q(at))
    assert "body_size" in fired(past.body, **_q(past))
    assert "body_size" not in fired(past.body, edition="legacy", **_q(past))


def _q(sample: object) -> dict[str, str]:
    return {"query": "&".join(f"{k}={v}" for k, v in sample.query.items())}  # type: ignore[attr-defined]


def test_bot_user_agents_are_refused_and_library_defaults_warned() -> None:
    """O:9-10, O:38-45: bots and spiders are rejected; other clients should set their own UA."""
    assert "bot_user_agent" in fired(PAGE_EVENT, headers={"User-Agent": "Googlebot/2.1"})
    (library,) = check(PAGE_EVENT, headers={"User-Agent": "python-requests/2.32"})
    assert (library.rule, library.severity) == ("library_user_agent", Severity.WARNING)
    assert fired(PAGE_EVENT, headers={"User-Agent": "Mozilla/5.0 (X11; Linux)"}) == set()


def test_a_malformed_authorization_header_is_an_error() -> None:
    """O:271-275: 401 when the header value is malformed."""
    assert fired(PAGE_EVENT, headers={"Authorization": "Bearer abc.def"}) == set()
    assert "authorization_header" in fired(PAGE_EVENT, headers={"Authorization": "abc"})


def test_undocumented_fields_and_params_are_warnings_not_errors() -> None:
    """A field or parameter no page lists is an extension: reported, never an error. Fields of
    the other edition (R:92, R:96 spellings) and of other event types (O:116 'only for') too."""
    body = PAGE_EVENT + "&referrersIndices=%5B1%5D&goalId=3&userAgent=UA&shoeSize=44"
    found = check(body, query="siteCode=s&visitorCode=v&sdkName=PYTHON&utm=x")
    assert errors(found) == []
    assert rules_of(found) == {"other_edition_field", "field_of_other_event_type",
                               "sdk_extension", "unknown_field", "unknown_query_param"}  # fmt: skip


def test_the_sdk_activity_event_is_an_extension() -> None:
    """The SDK's `activity` event (no page lists it) is accepted with a warning."""
    (violation,) = check("nonce=0123456789ABCDEF&eventType=activity&visitorCode=v")
    assert (violation.rule, violation.severity) == ("sdk_extension", Severity.WARNING)


def test_messages_name_line_field_value_rule_and_page_line() -> None:
    """Errors say what, where and why (house standard), e.g. href limited to 2048 (O:138-139)."""
    long_href = "nonce=fedcba9876543210&eventType=PAGE&href=" + "h" * 2049
    (violation,) = check(f"{PAGE_EVENT}\n{long_href}")
    text = str(violation)
    assert text.startswith("line 2: href: 'hhh")
    assert "longer than 2048 characters" in text
    assert text.endswith("[PAGE.href:max_length; kameleoon-data-visit-events-openapi.txt:138]")
