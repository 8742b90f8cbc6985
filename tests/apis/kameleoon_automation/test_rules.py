"""Each rule of POST /key-moments with a body that keeps it and one that breaks it, citing the page
line it rests on (kameleoon-automation-create-key-moment.txt)."""

from __future__ import annotations

from typing import Any

import pytest

from contracts.apis.kameleoon_automation.rules import BODY_LIMIT, RULES, check_request
from contracts.exchange import HttpRequest
from contracts.registry import page_path
from contracts.violations import Severity, errors

from .support import BASE, PAGE, SPEC, TOKEN, broken, page_request, violations

LEAF = {"targetingType": "PAGE_URL"}


def tree(*items: dict[str, Any]) -> dict[str, Any]:
    return {**BASE, "conditionDataList": list(items)}


# -- the page's own example -------------------------------------------------------------------


def test_the_page_request_example_breaks_no_error_rule() -> None:
    """The page's request example (kameleoon-automation-create-key-moment.txt:11-58) is accepted:
    no ERROR; its filler parentId 123 on the item with id 123 (line 19) is the one warning."""
    found = violations(page_request())
    assert errors(found) == []
    assert [(v.rule, v.field) for v in found] == [
        ("condition_parent_not_self", "conditionDataList[0].parentId")
    ]


# -- headers ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "authorization", ["", "Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", TOKEN, "Token abc"]
)
def test_bearer_token(authorization: str) -> None:
    """Authorization is required, 'Bearer <token>' (kameleoon-automation-create-key-moment.txt:136);
    the message never repeats the header's value."""
    assert broken(BASE, {"Authorization": f"bearer {TOKEN}"}) == set()
    assert broken(BASE) == set()
    (violation,) = violations(BASE, {"Authorization": authorization})
    assert violation.rule == "bearer_token"
    assert violation.field == "headers.authorization"
    assert str(violation.doc) == f"{PAGE}:136"
    if authorization:  # the same words whatever the value: nothing of it leaks
        (reference,) = violations(BASE, {"Authorization": "x y z"})
        assert violation.message == reference.message


def test_a_request_without_authorization_breaks_bearer_token() -> None:
    """A request with no Authorization header at all (kameleoon-automation-create-key-moment.txt:134
    says required)."""
    request = HttpRequest.build(
        "POST", "/key-moments", headers={"Content-Type": "application/json"}, body=b"{}"
    )
    assert "bearer_token" in {v.rule for v in check_request(request)}


def test_content_type_json() -> None:
    """The body is application/json (kameleoon-automation-create-key-moment.txt:140, the curl of
    line 9); a warning, since the service would answer 415, outside the spec."""
    assert broken(BASE, {"Content-Type": "application/json; charset=utf-8"}) == set()
    assert broken(BASE, {"Content-Type": "application/merge-patch+json"}) == set()
    (violation,) = violations(BASE, {"Content-Type": "text/plain"})
    assert (violation.rule, violation.severity) == ("content_type_json", Severity.WARNING)
    assert "'text/plain'" in violation.message


def test_body_size() -> None:
    """Our 1 MiB limit (no page line states one; cited at the Body section,
    kameleoon-automation-create-key-moment.txt:138)."""
    head, tail = b'{"name": "Big", "siteId": 1, "description": "', b'"}'
    at_limit = head + b"a" * (BODY_LIMIT - len(head) - len(tail)) + tail
    assert broken(at_limit) == set()
    assert broken(at_limit[:-2] + b'a"}') == {"body_size"}


def test_malformed_json_is_a_violation() -> None:
    """The body is JSON (kameleoon-automation-create-key-moment.txt:140); anything else is reported,
    never raised."""
    for raw in (b"", b"{", b"\xff", b"name=x"):
        (violation,) = violations(raw)
        assert (violation.rule, violation.field) == ("json", "body")


# -- fields -----------------------------------------------------------------------------------


def test_required_fields_are_reported_with_their_page_lines() -> None:
    """name and siteId are required (kameleoon-automation-create-key-moment.txt:141-143,
    151-153)."""
    assert {(v.field, str(v.doc)) for v in violations({})} == {
        ("name", f"{PAGE}:141"),
        ("siteId", f"{PAGE}:151"),
    }


def test_site_id_is_positive() -> None:
    """siteId is an int64 id (kameleoon-automation-create-key-moment.txt:151-152), positive by the
    spec's choice; past int64 it is reported once, as a range."""
    assert broken({**BASE, "siteId": 1}) == set()
    assert broken({**BASE, "siteId": 0}) == {"minimum"}
    assert [v.rule for v in violations({**BASE, "siteId": 2**63})] == ["maximum"]


def test_name_not_empty() -> None:
    """name is required (kameleoon-automation-create-key-moment.txt:143): it is sent, which says
    nothing of ''; an empty name is a warning, not an error (house rule: no page line states it)."""
    assert broken({**BASE, "name": "x"}) == set()
    (violation,) = violations({**BASE, "name": ""})
    assert (violation.rule, violation.severity) == ("name_not_empty", Severity.WARNING)


def test_name_not_blank() -> None:
    """A name of blanks only is warned about (kameleoon-automation-create-key-moment.txt:143)."""
    assert broken({**BASE, "name": " x "}) == set()
    (violation,) = violations({**BASE, "name": " \t"})
    assert (violation.rule, violation.severity) == ("name_not_blank", Severity.WARNING)


@pytest.mark.parametrize(
    ("body", "field", "line"),
    [
        ({"id": 5}, "id", 274),
        ({"createdBy": 7}, "createdBy", 247),
        ({"dateCreated": "2023-11-07T05:31:56Z"}, "dateCreated", 253),
        ({"audienceTrackingEditable": True}, "audienceTrackingEditable", 226),
        (
            {"conditionDataList": [{"isConditionBlock": True, "targetingCondition": LEAF}]},
            "conditionDataList[0].isConditionBlock",
            68,
        ),
        (
            {"conditionDataList": [{"targetingCondition": {**LEAF, "htmlDescription": "<b/>"}}]},
            "conditionDataList[0].targetingCondition.htmlDescription",
            78,
        ),
        ({"conditionDataTree": {"conditionData": []}}, "conditionDataTree.conditionData", 85),
    ],
)
def test_read_only_field(body: dict[str, Any], field: str, line: int) -> None:
    """Read-only fields (kameleoon-automation-create-key-moment.txt:226-274 mark them; lines 68-88
    show the condition ones in the response only) are warned about, citing each field's line."""
    (violation,) = violations({**BASE, **body})
    assert (violation.rule, violation.field) == ("read_only_field", field)
    assert violation.severity is Severity.WARNING
    assert str(violation.doc) == f"{PAGE}:{line}"


def test_unknown_field() -> None:
    """Fields the page does not list in the Body section (kameleoon-automation-create-key-moment.txt
    :138-193) are warned about; a targeting condition keeps the fields of its kind."""
    other_kind = {"targetingType": "COOKIE", "cookieName": "ab", "value": "1"}
    assert broken({**BASE, "conditionDataList": [{"targetingCondition": other_kind}]}) == set()
    (violation,) = violations({**BASE, "isFavourite": True})
    assert (violation.rule, violation.field) == ("unknown_field", "isFavourite")
    (nested,) = violations({**BASE, "conditionsData": {"firstLevel": [{"operators": []}]}})
    assert nested.field == "conditionsData.firstLevel[0].operators"


# -- condition enums --------------------------------------------------------------------------


def test_logical_operator_known() -> None:
    """logicalOperator is AND (kameleoon-automation-create-key-moment.txt:18, :32) or OR."""
    for operator in ("AND", "OR"):
        assert broken({**BASE, "conditionDataTree": {"logicalOperator": operator}}) == set()
    (violation,) = violations({**BASE, "conditionDataTree": {"logicalOperator": "and"}})
    assert violation.rule == "logical_operator_known"
    assert str(violation.doc) == f"{PAGE}:32"
    assert "'and'" in violation.message and "AND, OR" in violation.message


def test_targeting_type_known() -> None:
    """targetingType is one of Kameleoon's targeting types (kameleoon-automation-create-key-moment
    .txt:21 shows PAGE_URL only): another value is a warning, not an error."""
    assert broken(tree({"targetingCondition": {"targetingType": "CONVERSIONS"}})) == set()
    (violation,) = violations(tree({"targetingCondition": {"targetingType": "PAGE"}}))
    assert violation.rule == "targeting_type_known"
    assert violation.severity is Severity.WARNING
    assert violation.field == "conditionDataList[0].targetingCondition.targetingType"
    assert str(violation).endswith(f"[targeting_type_known; {PAGE}:21]")


@pytest.mark.parametrize(
    "kind",
    [
        "SEGMENT",
        "SDK_LANGUAGE",
        "VISITOR_CODE",
        "TARGET_FEATURE_FLAG",
        "EXCLUSIVE_FEATURE_FLAG",
        "TARGET_PERSONALIZATION",
        "EXPLICIT_TRIGGER",
    ],
)
def test_targeting_types_of_current_sdks_are_known(kind: str) -> None:
    """The condition kinds current Kameleoon SDKs use (spec x-choice on targetingType,
    kameleoon-automation-create-key-moment.txt:21) raise no finding, in either encoding."""
    assert broken(tree({"targetingCondition": {"targetingType": kind}})) == set()
    level = {"conditions": [{"targetingType": kind}]}
    grouped = {**BASE, "conditionsData": {"firstLevel": [level]}}
    assert broken(grouped) == set()


@pytest.mark.parametrize("rule", ["logical_operator_known", "targeting_type_known",
                                  "match_type_known", "unit_of_time_known"])  # fmt: skip
def test_the_condition_lists_are_warnings(rule: str) -> None:
    """The page shows one example value per condition list (kameleoon-automation-create-key-moment
    .txt:18, 21, 25, 26) and states no list: a value outside ours is a warning."""
    assert RULES[rule].severity is Severity.WARNING
    assert not RULES.refuses(rule)


def test_match_type_known() -> None:
    """matchType is EQUAL, LOWER or GREATER (kameleoon-automation-create-key-moment.txt:25)."""
    assert broken(tree({"targetingCondition": {**LEAF, "matchType": "LOWER"}})) == set()
    assert broken(tree({"targetingCondition": {**LEAF, "matchType": "LESS"}})) == {
        "match_type_known"
    }


def test_unit_of_time_known() -> None:
    """unitOfTime is SECOND, MINUTE, HOUR or DAY (kameleoon-automation-create-key-moment.txt:26)."""
    assert broken(tree({"targetingCondition": {**LEAF, "unitOfTime": "DAY"}})) == set()
    assert broken(tree({"targetingCondition": {**LEAF, "unitOfTime": "WEEK"}})) == {
        "unit_of_time_known"
    }


# -- the condition list as a tree -------------------------------------------------------------


def test_condition_ids_unique() -> None:
    """Item ids are unique (kameleoon-automation-create-key-moment.txt:17)."""
    root = {"id": 1, "logicalOperator": "OR"}
    leaf = {"parentId": 1, "targetingCondition": LEAF}
    assert broken(tree(root, {"id": 2, **leaf}, {"id": 3, **leaf})) == set()
    (violation,) = violations(tree(root, {"id": 2, **leaf}, {"id": 2, **leaf}))
    assert (violation.rule, violation.field) == ("condition_ids_unique", "conditionDataList[2].id")
    # The page states no tree rule (line 17 shows the id 123 only): a warning, not an error.
    assert violation.severity is Severity.WARNING


def test_condition_parent_known() -> None:
    """A parentId is the id of an item of the same list (kameleoon-automation-create-key-moment
    .txt:19)."""
    root = {"id": 1, "logicalOperator": "AND"}
    assert broken(tree(root, {"id": 2, "parentId": 1, "targetingCondition": LEAF})) == set()
    (violation,) = violations(tree(root, {"id": 2, "parentId": 9, "targetingCondition": LEAF}))
    assert (violation.rule, violation.field) == (
        "condition_parent_known",
        "conditionDataList[1].parentId",
    )
    assert "9 is not the id" in violation.message


def test_condition_tree_acyclic() -> None:
    """Following parentId (kameleoon-automation-create-key-moment.txt:19) never loops."""
    root = {"id": 1, "logicalOperator": "AND"}
    chain = [
        {"id": 2, "parentId": 1, "logicalOperator": "OR"},
        {"id": 3, "parentId": 2, "targetingCondition": LEAF},
    ]
    assert broken(tree(root, *chain)) == set()
    loop = [
        {"id": 2, "parentId": 3, "logicalOperator": "OR"},
        {"id": 3, "parentId": 2, "logicalOperator": "OR"},
    ]
    (violation,) = violations(tree(root, *loop))
    assert violation.rule == "condition_tree_acyclic"
    assert "items [1, 2]" in violation.message
    # The page states no tree rule (line 19 shows the parentId 123 only): a warning.
    assert violation.severity is Severity.WARNING


def test_condition_parent_not_self() -> None:
    """An item whose parentId is its own id (the page's example, kameleoon-automation-create-key-
    moment.txt:17-19) is read as a root, with a warning."""
    assert broken(tree({"id": 4, "targetingCondition": LEAF})) == set()
    (violation,) = violations(tree({"id": 4, "parentId": 4, "targetingCondition": LEAF}))
    assert (violation.rule, violation.severity) == ("condition_parent_not_self", Severity.WARNING)


def test_condition_tree_single_root() -> None:
    """A non-empty list has one root (kameleoon-automation-create-key-moment.txt:166); an empty
    list has none and is fine."""
    assert broken(tree()) == set()
    two_roots = tree({"id": 1, "targetingCondition": LEAF}, {"id": 2, "targetingCondition": LEAF})
    (violation,) = violations(two_roots)
    assert (violation.rule, violation.field) == ("condition_tree_single_root", "conditionDataList")
    assert violation.severity is Severity.WARNING


def test_condition_leaf_childless() -> None:
    """An item with a targetingCondition (kameleoon-automation-create-key-moment.txt:20) has no
    children."""
    leaf = {"id": 1, "logicalOperator": "AND", "targetingCondition": LEAF}
    child = {"id": 2, "parentId": 1, "targetingCondition": LEAF}
    assert broken(tree(leaf)) == set()
    (violation,) = violations(tree(leaf, child))
    assert violation.rule == "condition_leaf_childless"
    assert violation.severity is Severity.WARNING


def test_condition_block_operator() -> None:
    """A parent carries the logicalOperator joining its children (kameleoon-automation-create-key-
    moment.txt:18)."""
    child = {"id": 2, "parentId": 1, "targetingCondition": LEAF}
    assert broken(tree({"id": 1, "logicalOperator": "OR"}, child)) == set()
    (violation,) = violations(tree({"id": 1}, child))
    assert (violation.rule, violation.field) == (
        "condition_block_operator",
        "conditionDataList[0].logicalOperator",
    )


def test_tree_rules_stay_silent_on_ids_the_schema_refuses() -> None:
    """A string id (kameleoon-automation-create-key-moment.txt:17 shows an integer) is one type
    violation, not a cascade of tree findings."""
    body = tree({"id": 1, "logicalOperator": "AND"}, {"id": "2", "parentId": 1}, {"parentId": "2"})
    assert broken(body) == {"type"}


def test_operator_counts_stay_silent_when_what_they_join_is_not_a_list() -> None:
    """conditions is an array (kameleoon-automation-create-key-moment.txt:37): a number there is
    one type violation, not also a count finding on orOperators."""
    level = {"conditions": 5, "orOperators": [True]}
    assert broken({**BASE, "conditionsData": {"firstLevel": [level]}}) == {"type"}
    data = {"firstLevel": {}, "firstLevelOrOperators": [True]}
    assert broken({**BASE, "conditionsData": data}) == {"type"}


# -- conditionsData operators -----------------------------------------------------------------


@pytest.mark.parametrize(("count", "operators"), [(1, 0), (1, 1), (3, 2), (3, 3), (0, 0)])
def test_or_operators_count_accepts_one_per_gap_or_one_each(count: int, operators: int) -> None:
    """orOperators (kameleoon-automation-create-key-moment.txt:47-49: one for one on the page) may
    also have one fewer than the conditions, as Kameleoon's developer docs show."""
    level = {"conditions": [LEAF] * count, "orOperators": [True] * operators}
    assert broken({**BASE, "conditionsData": {"firstLevel": [level]}}) == set()


@pytest.mark.parametrize(("count", "operators"), [(1, 2), (3, 1), (0, 1), (2, 4)])
def test_or_operators_count(count: int, operators: int) -> None:
    """Other orOperators lengths are warned about (kameleoon-automation-create-key-moment.txt:
    47)."""
    level = {"conditions": [LEAF] * count, "orOperators": [False] * operators}
    (violation,) = violations({**BASE, "conditionsData": {"firstLevel": [level]}})
    assert (violation.rule, violation.field) == (
        "or_operators_count",
        "conditionsData.firstLevel[0].orOperators",
    )
    assert f"has {operators} operators for {count} conditions" in violation.message


def test_first_level_or_operators_count() -> None:
    """firstLevelOrOperators joins firstLevel groups (kameleoon-automation-create-key-moment.txt:
    52): n - 1 or n for n groups."""
    groups = [{"conditions": [LEAF]}] * 2
    for length in (1, 2):
        data = {"firstLevel": groups, "firstLevelOrOperators": [True] * length}
        assert broken({**BASE, "conditionsData": data}) == set()
    data = {"firstLevel": groups, "firstLevelOrOperators": [True] * 3}
    assert broken({**BASE, "conditionsData": data}) == {"first_level_or_operators_count"}


# -- the rule book ------------------------------------------------------------------------------


def test_every_rule_cites_a_line_of_the_page() -> None:
    """Each rule cites a line that exists on kameleoon-automation-create-key-moment.txt, and each
    WARNING rule says what we chose."""
    page_lines = page_path(PAGE).read_text(encoding="utf-8").splitlines()
    for rule in RULES:
        assert rule.doc.page == PAGE
        assert rule.doc.line is not None and 1 <= rule.doc.line <= len(page_lines), rule.name
        if rule.severity is Severity.WARNING:
            assert rule.choice, f"{rule.name} is a warning without a recorded choice"


def test_the_spec_marks_only_rules_of_the_book() -> None:
    """Every `x-rule` in specs/kameleoon-automation.yaml names a rule of RULES, and every rule is
    marked somewhere (specs/README.md conventions)."""
    marked: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            value = node.get("x-rule")
            marked.update([value] if isinstance(value, str) else value or [])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(SPEC.document)
    assert marked == set(RULES.names())
