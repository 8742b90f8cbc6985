"""Hypothesis strategies for `POST /key-moments` bodies: valid, at the limits, and broken.

A sample's `body` is the JSON value to send, or `bytes` to send as they are (malformed JSON, a body
at the size limit); `sample_request` turns a sample into the request `check_request` and the mock
see, with the headers a well-behaved client sends unless the sample overrides them.

Valid key moments carry their conditions in any of the page's three encodings: a flattened tree in
`conditionDataList` (single leaf, blocks nested a few levels, items shuffled), a
`conditionDataTree` root, and `conditionsData` groups with operator arrays of either accepted
length; every value of every condition enum is reachable.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from ...vendor import HttpRequest, Sample, StrategiesRoom
from . import API
from .rules import BODY_LIMIT, INT64_MAX, INT64_MIN, READ_ONLY_TOP_LEVEL

INT32_MAX = (1 << 31) - 1
SAMPLE_TOKEN = "sample-token"  # a placeholder, not a credential
PATH = "/key-moments"

Body = dict[str, Any]


def _enum(schema: str, field: str) -> list[str]:
    return [str(v) for v in API.spec().schema(schema)["properties"][field]["enum"]]


TARGETING_TYPES = _enum("TargetingCondition", "targetingType")
MATCH_TYPES = _enum("TargetingCondition", "matchType")
UNITS_OF_TIME = _enum("TargetingCondition", "unitOfTime")
LOGICAL_OPERATORS = _enum("ConditionData", "logicalOperator")


def sample_request(sample: Sample, token: str = SAMPLE_TOKEN) -> HttpRequest:
    """The request for a sample: JSON body, Content-Type and bearer token, unless it says else."""
    headers = {"content-type": "application/json", "authorization": f"Bearer {token}"}
    headers.update({name.lower(): value for name, value in sample.headers.items()})
    body = sample.body if isinstance(sample.body, bytes) else json.dumps(sample.body).encode()
    return HttpRequest.build("POST", PATH, query=sample.query, headers=headers, body=body)


# -- valid pieces -----------------------------------------------------------------------------


def names() -> st.SearchStrategy[str]:
    return st.text(min_size=1, max_size=40).filter(lambda name: name.strip() != "")


def site_ids() -> st.SearchStrategy[int]:
    return st.integers(1, INT64_MAX)


def node_ids() -> st.SearchStrategy[int]:
    return st.integers(INT64_MIN, INT64_MAX)


def targeting_conditions() -> st.SearchStrategy[Body]:
    return st.fixed_dictionaries(
        {"targetingType": st.sampled_from(TARGETING_TYPES)},
        optional={
            "weight": st.integers(0, INT32_MAX),
            "count": st.integers(0, INT32_MAX),
            "include": st.booleans(),
            "matchType": st.sampled_from(MATCH_TYPES),
            "unitOfTime": st.sampled_from(UNITS_OF_TIME),
        },
    )


def _leaf_shapes() -> st.SearchStrategy[Body]:
    return st.fixed_dictionaries(
        {"condition": targeting_conditions(), "with_id": st.booleans()},
        optional={"operator": st.sampled_from(LOGICAL_OPERATORS)},  # the page's leaf has one
    )


def _block_shapes(children: st.SearchStrategy[Body]) -> st.SearchStrategy[Body]:
    return st.fixed_dictionaries(
        {
            "operator": st.sampled_from(LOGICAL_OPERATORS),
            "children": st.lists(children, min_size=1, max_size=3),
        }
    )


def tree_shapes() -> st.SearchStrategy[Body]:
    """A condition tree before flattening: a leaf, or a block of 1-3 subtrees."""
    return st.recursive(_leaf_shapes(), _block_shapes, max_leaves=6)


def _count_nodes(shape: Body) -> int:
    return 1 + sum(_count_nodes(child) for child in shape.get("children", []))


def _flatten(shape: Body, ids: list[int], parent: int | None, out: list[Body]) -> None:
    """Append the shape's nodes to `out` as conditionDataList items, taking ids from `ids`."""
    node_id = ids.pop()
    item: Body = {}
    if "children" in shape or shape.get("with_id"):
        item["id"] = node_id  # leaves may go without: nothing points to them
    if parent is not None:
        item["parentId"] = parent
    if "operator" in shape:
        item["logicalOperator"] = shape["operator"]
    if "condition" in shape:
        item["targetingCondition"] = shape["condition"]
    out.append(item)
    for child in shape.get("children", []):
        _flatten(child, ids, node_id, out)


@st.composite
def condition_lists(draw: st.DrawFn, shape: Body | None = None) -> list[Body]:
    """A valid conditionDataList: one tree, flattened with unique ids, in any order."""
    shape = shape if shape is not None else draw(tree_shapes())
    count = _count_nodes(shape)
    ids = draw(st.lists(node_ids(), min_size=count, max_size=count, unique=True))
    items: list[Body] = []
    _flatten(shape, ids, None, items)
    return list(draw(st.permutations(items)))


def condition_trees() -> st.SearchStrategy[Body]:
    return st.fixed_dictionaries(
        {},
        optional={
            "targetingType": st.text(max_size=20),
            "logicalOperator": st.sampled_from(LOGICAL_OPERATORS),
        },
    )


def _operators_for(count: int) -> st.SearchStrategy[list[bool]]:
    """Operators joining `count` things: one between each two, or one each (both accepted)."""
    lengths = [0] if count == 0 else [count - 1, count]
    return st.sampled_from(lengths).flatmap(
        lambda n: st.lists(st.booleans(), min_size=n, max_size=n)
    )


@st.composite
def condition_levels(draw: st.DrawFn) -> Body:
    conditions = draw(st.lists(targeting_conditions(), max_size=3))
    level: Body = {"conditions": conditions}
    if draw(st.booleans()):
        level["orOperators"] = draw(_operators_for(len(conditions)))
    return level


@st.composite
def conditions_data(draw: st.DrawFn) -> Body:
    levels = draw(st.lists(condition_levels(), max_size=3))
    data: Body = {"firstLevel": levels}
    if draw(st.booleans()):
        data["firstLevelOrOperators"] = draw(_operators_for(len(levels)))
    return data


def minimal_key_moments() -> st.SearchStrategy[Body]:
    return st.fixed_dictionaries({"name": names(), "siteId": site_ids()})


def key_moments() -> st.SearchStrategy[Body]:
    """A valid KeyMomentCreate body, each optional field present or not."""
    return st.fixed_dictionaries(
        {"name": names(), "siteId": site_ids()},
        optional={
            "audienceTracking": st.booleans(),
            "conditionDataList": st.one_of(st.just([]), condition_lists()),
            "conditionDataTree": condition_trees(),
            "conditionsData": conditions_data(),
            "description": st.text(max_size=60),
            "isFavorite": st.booleans(),
        },
    )


def valid_samples() -> st.SearchStrategy[Sample]:
    return key_moments().map(lambda body: Sample(body, note="a valid key moment"))


# -- boundaries -------------------------------------------------------------------------------


def _with(body: Body, **fields: Any) -> Body:
    return {**body, **fields}


def _single_leaf(condition: Body) -> list[Body]:
    return [{"id": 1, "targetingCondition": condition}]


def _int_limit(
    field: str, low: int, high: int, place: Callable[[Body, int], Body], where: str
) -> st.SearchStrategy[Sample]:
    """Samples at each end of an integer range and one past it."""
    cases = [
        (low, None, f"{field} at its minimum {low}"),
        (low - 1, "minimum", f"{field} one below its minimum"),
        (high, None, f"{field} at its maximum {high}"),
        (high + 1, "maximum", f"{field} one above its maximum"),
    ]
    return st.sampled_from(cases).flatmap(
        lambda case: minimal_key_moments().map(
            lambda body: Sample(
                place(body, case[0]),
                breaks=case[1],
                field=where if case[1] else None,
                note=case[2],
            )
        )
    )


def _in_condition(key: str) -> Callable[[Body, int], Body]:
    return lambda body, value: _with(
        body, conditionDataList=_single_leaf({"targetingType": "PAGE_URL", key: value})
    )


def _operator_lengths(nested: bool) -> st.SearchStrategy[Sample]:
    """n things joined by n - 1 or n operators (valid), n + 1 or n - 2 (too many, too few)."""

    @st.composite
    def draw_sample(draw: st.DrawFn) -> Sample:
        count = draw(st.integers(2, 4))
        length, valid = draw(
            st.sampled_from(
                [(count - 1, True), (count, True), (count + 1, False), (count - 2, False)]
            )
        )
        operators = draw(st.lists(st.booleans(), min_size=length, max_size=length))
        base = draw(minimal_key_moments())
        conditions = [{"targetingType": "PAGE_URL"}] * count
        if nested:
            data: Body = {"firstLevel": [{"conditions": conditions, "orOperators": operators}]}
            rule, field = "or_operators_count", "conditionsData.firstLevel[0].orOperators"
        else:
            data = {
                "firstLevel": [{"conditions": [c]} for c in conditions],
                "firstLevelOrOperators": operators,
            }
            rule, field = "first_level_or_operators_count", "conditionsData.firstLevelOrOperators"
        note = f"{length} operators for {count}"
        if valid:
            return Sample(_with(base, conditionsData=data), note=note)
        return Sample(_with(base, conditionsData=data), breaks=rule, field=field, note=note)

    return draw_sample()


def _with_parent_id(body: Body, value: int) -> Body:
    """A block and a leaf under it whose parentId is `value`. Past the int64 range, the block keeps
    the nearest valid id; the parentId is then unreadable and only its range is reported (the tree
    rules stay silent on unreadable ids, see rules.tree_violations)."""
    block = {"id": min(max(value, INT64_MIN), INT64_MAX), "logicalOperator": "AND"}
    leaf = {"id": 0, "parentId": value, "targetingCondition": {"targetingType": "VISITS"}}
    return _with(body, conditionDataList=[block, leaf])


def _sized_body(size: int) -> bytes:
    """A valid key moment of exactly `size` bytes, its description padding it out."""
    head, tail = b'{"name": "Big", "siteId": 1, "description": "', b'"}'
    return head + b"a" * (size - len(head) - len(tail)) + tail


def boundary_samples() -> st.SearchStrategy[Sample]:
    """Every limit at exactly the limit (valid) and one past it (breaking it)."""
    return st.one_of(
        _int_limit("siteId", 1, INT64_MAX, lambda b, v: _with(b, siteId=v), "siteId"),
        _int_limit(
            "weight",
            0,
            INT32_MAX,
            _in_condition("weight"),
            "conditionDataList[0].targetingCondition.weight",
        ),
        _int_limit(
            "count",
            0,
            INT32_MAX,
            _in_condition("count"),
            "conditionDataList[0].targetingCondition.count",
        ),
        _int_limit(
            "conditionDataList id",
            INT64_MIN,
            INT64_MAX,
            lambda b, v: _with(b, conditionDataList=[{"id": v, "logicalOperator": "AND"}]),
            "conditionDataList[0].id",
        ),
        _int_limit(
            "conditionDataList parentId",
            INT64_MIN,
            INT64_MAX,
            _with_parent_id,
            "conditionDataList[1].parentId",
        ),
        st.sampled_from(
            [
                ("x", None, "a one-character name"),
                ("", "name_not_empty", "an empty name"),
            ]
        ).flatmap(
            lambda case: site_ids().map(
                lambda site: Sample(
                    {"name": case[0], "siteId": site},
                    breaks=case[1],
                    field="name" if case[1] else None,
                    note=case[2],
                )
            )
        ),
        _operator_lengths(nested=True),
        _operator_lengths(nested=False),
        st.sampled_from(
            [
                Sample(_sized_body(BODY_LIMIT), note="a body of exactly the size limit"),
                Sample(
                    _sized_body(BODY_LIMIT + 1),
                    breaks="body_size",
                    field="body",
                    note="a body one byte over the size limit",
                ),
            ]
        ),
    )


# -- invalid: each sample breaks one rule -----------------------------------------------------


def _breaking(
    rule: str, field: str | None, bodies: st.SearchStrategy[Any], note: str
) -> st.SearchStrategy[Sample]:
    return bodies.map(lambda body: Sample(body, breaks=rule, field=field, note=note))


def _headers_breaking(
    rule: str, field: str, values: list[str], header: str
) -> st.SearchStrategy[Sample]:
    return st.tuples(key_moments(), st.sampled_from(values)).map(
        lambda pair: Sample(pair[0], breaks=rule, field=field, headers={header: pair[1]})
    )


def _set(path: str, value: st.SearchStrategy[Any]) -> st.SearchStrategy[Body]:
    """A minimal key moment with one top-level field set to a drawn value."""
    return st.tuples(minimal_key_moments(), value).map(lambda pair: {**pair[0], path: pair[1]})


def _without(field: str) -> st.SearchStrategy[Body]:
    return minimal_key_moments().map(lambda body: {k: v for k, v in body.items() if k != field})


def _in_leaf(condition: st.SearchStrategy[Body]) -> st.SearchStrategy[Body]:
    return st.tuples(minimal_key_moments(), condition).map(
        lambda pair: {**pair[0], "conditionDataList": _single_leaf(pair[1])}
    )


def _not_in(values: list[str]) -> st.SearchStrategy[str]:
    return st.text(max_size=20).filter(lambda text: text not in values)


@st.composite
def _tree_breaking(draw: st.DrawFn, rule: str) -> Sample:
    """A valid tree (a root block over leaves, all with ids) changed to break one tree rule."""
    leaves = draw(st.lists(targeting_conditions(), min_size=1, max_size=3))
    ids = draw(
        st.lists(node_ids(), min_size=len(leaves) + 4, max_size=len(leaves) + 4, unique=True)
    )
    root, spare = ids[0], ids[len(leaves) + 1 :]
    items: list[Body] = [{"id": root, "logicalOperator": draw(st.sampled_from(LOGICAL_OPERATORS))}]
    for node_id, condition in zip(ids[1:], leaves, strict=False):
        items.append({"id": node_id, "parentId": root, "targetingCondition": condition})
    leaf = items[1]
    last = len(items)
    field: str | None
    if rule == "condition_ids_unique":
        items.append(
            {"id": leaf["id"], "parentId": root, "targetingCondition": leaf["targetingCondition"]}
        )
        field = f"conditionDataList[{last}].id"
    elif rule == "condition_parent_known":
        items.append(
            {"id": spare[0], "parentId": spare[1], "targetingCondition": leaf["targetingCondition"]}
        )
        field = f"conditionDataList[{last}].parentId"
    elif rule == "condition_tree_acyclic":
        items.append({"id": spare[0], "parentId": spare[1], "logicalOperator": "AND"})
        items.append({"id": spare[1], "parentId": spare[0], "logicalOperator": "OR"})
        field = f"conditionDataList[{last}].parentId"
    elif rule == "condition_parent_not_self":
        items[0]["parentId"] = root
        field = "conditionDataList[0].parentId"
    elif rule == "condition_tree_single_root":
        items.append({"id": spare[0], "targetingCondition": leaf["targetingCondition"]})
        field = "conditionDataList"
    elif rule == "condition_leaf_childless":
        leaf["logicalOperator"] = "AND"  # so that only the leaf rule is broken
        items.append(
            {
                "id": spare[0],
                "parentId": leaf["id"],
                "targetingCondition": leaf["targetingCondition"],
            }
        )
        field = "conditionDataList[1].targetingCondition"
    elif rule == "condition_block_operator":
        del items[0]["logicalOperator"]
        field = "conditionDataList[0].logicalOperator"
    else:
        raise ValueError(f"no tree sample for {rule!r}")
    body = {**draw(minimal_key_moments()), "conditionDataList": items}
    return Sample(body, breaks=rule, field=field, note=f"a tree breaking {rule}")


def _placed(rule: str, cases: list[tuple[str, Body]]) -> st.SearchStrategy[Sample]:
    """Minimal key moments each with one of `cases` (field, the top-level fields carrying it)."""

    def sample(case: tuple[str, Body], body: Body) -> Sample:
        return Sample({**body, **case[1]}, breaks=rule, field=case[0])

    return st.builds(sample, st.sampled_from(cases), minimal_key_moments())


def _read_only_samples() -> st.SearchStrategy[Sample]:
    """One read-only field sent, at the top level or inside a condition."""
    top = st.sampled_from(sorted(READ_ONLY_TOP_LEVEL)).flatmap(
        lambda key: _set(key, st.integers(1, 1000)).map(
            lambda body: Sample(body, breaks="read_only_field", field=key)
        )
    )
    leaf = {"targetingType": "PAGE_URL"}
    nested = _placed(
        "read_only_field",
        [
            (
                "conditionDataList[0].isConditionBlock",
                {
                    "conditionDataList": [
                        {"id": 1, "isConditionBlock": False, "targetingCondition": leaf}
                    ]
                },
            ),
            (
                "conditionDataList[0].targetingCondition.id",
                {"conditionDataList": _single_leaf({**leaf, "id": 7})},
            ),
            (
                "conditionDataList[0].targetingCondition.htmlDescription",
                {"conditionDataList": _single_leaf({**leaf, "htmlDescription": "<b>x</b>"})},
            ),
            ("conditionDataTree.conditionData", {"conditionDataTree": {"conditionData": []}}),
            (
                "conditionDataTree.isConditionBlock",
                {"conditionDataTree": {"isConditionBlock": True}},
            ),
            (
                "conditionsData.firstLevel[0].conditions[0].id",
                {"conditionsData": {"firstLevel": [{"conditions": [{**leaf, "id": 9}]}]}},
            ),
        ],
    )
    return st.one_of(top, nested)


def _unknown_field_samples() -> st.SearchStrategy[Sample]:
    misspelt = st.sampled_from(["isFavourite", "siteID", "desc", "tags", "conditions"])
    top = misspelt.flatmap(
        lambda key: _set(key, st.booleans()).map(
            lambda body: Sample(body, breaks="unknown_field", field=key)
        )
    )
    nested = _placed(
        "unknown_field",
        [
            ("conditionDataList[0].parentID", {"conditionDataList": [{"parentID": 1}]}),
            ("conditionDataTree.operator", {"conditionDataTree": {"operator": "AND"}}),
            ("conditionsData.firstLevelOperators", {"conditionsData": {"firstLevelOperators": []}}),
            (
                "conditionsData.firstLevel[0].operators",
                {"conditionsData": {"firstLevel": [{"operators": []}]}},
            ),
        ],
    )
    return st.one_of(top, nested)


def invalid_sample_kinds() -> dict[str, st.SearchStrategy[Sample]]:
    """Per rule (or schema keyword) broken, the strategy of samples breaking it alone."""
    tc = "conditionDataList[0].targetingCondition"
    return {
        "json": st.one_of(
            key_moments().map(lambda body: json.dumps(body)[:-1].encode()),
            st.sampled_from([b"", b"\xff\xfe", b"name=x&siteId=1", b"{'name': 'x'}"]),
        ).map(lambda raw: Sample(raw, breaks="json", field="body", note="not JSON")),
        "type": st.one_of(
            _breaking("type", "", st.sampled_from([[], "key moment", 3, None]), "not an object"),
            _breaking("type", "name", _set("name", st.integers()), "a number as name"),
            _breaking("type", "siteId", _set("siteId", st.text(max_size=5)), "siteId as text"),
            _breaking("type", "isFavorite", _set("isFavorite", st.sampled_from(["true", 1])), ""),
            _breaking("type", "conditionDataList", _set("conditionDataList", st.just({})), ""),
        ),
        "required": st.one_of(
            _breaking("required", "name", _without("name"), "no name"),
            _breaking("required", "siteId", _without("siteId"), "no siteId"),
            _breaking(
                "required",
                f"{tc}.targetingType",
                _in_leaf(st.fixed_dictionaries({"weight": st.integers(0, 9)})),
                "a condition without targetingType",
            ),
        ),
        "minimum": st.one_of(
            _breaking("minimum", "siteId", _set("siteId", st.integers(max_value=0)), ""),
            _breaking(
                "minimum",
                f"{tc}.weight",
                _in_leaf(
                    st.builds(
                        lambda w: {"targetingType": "VISITS", "weight": w},
                        st.integers(max_value=-1),
                    )
                ),
                "a negative weight",
            ),
        ),
        "maximum": st.one_of(
            _breaking(
                "maximum", "siteId", _set("siteId", st.integers(min_value=INT64_MAX + 1)), ""
            ),
            _breaking(
                "maximum",
                f"{tc}.count",
                _in_leaf(
                    st.builds(
                        lambda c: {"targetingType": "VISITS", "count": c},
                        st.integers(min_value=INT32_MAX + 1),
                    )
                ),
                "a count past int32",
            ),
        ),
        "bearer_token": _headers_breaking(
            "bearer_token",
            "headers.authorization",
            ["", "Basic dXNlcjpwYXNz", "Bearer", "Bearer two words", "Token abc", "sample-token"],
            "authorization",
        ),
        "content_type_json": _headers_breaking(
            "content_type_json",
            "headers.content-type",
            ["text/plain", "application/x-www-form-urlencoded", "", "application/xml"],
            "content-type",
        ),
        "body_size": st.integers(1, 64).map(
            lambda extra: Sample(
                _sized_body(BODY_LIMIT + extra), breaks="body_size", field="body", note="too big"
            )
        ),
        "name_not_empty": _breaking("name_not_empty", "name", _set("name", st.just("")), ""),
        "name_not_blank": _breaking(
            "name_not_blank",
            "name",
            _set("name", st.text(st.sampled_from(" \t\n\u00a0\u2003"), min_size=1, max_size=5)),
            "a name of blanks",
        ),
        "read_only_field": _read_only_samples(),
        "unknown_field": _unknown_field_samples(),
        "logical_operator_known": st.one_of(
            _breaking(
                "logical_operator_known",
                "conditionDataTree.logicalOperator",
                _set(
                    "conditionDataTree",
                    st.builds(lambda op: {"logicalOperator": op}, _not_in(LOGICAL_OPERATORS)),
                ),
                "",
            ),
            _breaking(
                "logical_operator_known",
                "conditionDataList[0].logicalOperator",
                _set(
                    "conditionDataList",
                    st.builds(
                        lambda op: [{"logicalOperator": op}],
                        st.sampled_from(["and", "XOR", "NOT", ""]),
                    ),
                ),
                "",
            ),
        ),
        "targeting_type_known": _breaking(
            "targeting_type_known",
            f"{tc}.targetingType",
            _in_leaf(st.builds(lambda t: {"targetingType": t}, _not_in(TARGETING_TYPES))),
            "",
        ),
        "match_type_known": _breaking(
            "match_type_known",
            f"{tc}.matchType",
            _in_leaf(
                st.builds(
                    lambda m: {"targetingType": "ACTIVE_SESSION", "matchType": m},
                    _not_in(MATCH_TYPES),
                )
            ),
            "",
        ),
        "unit_of_time_known": _breaking(
            "unit_of_time_known",
            f"{tc}.unitOfTime",
            _in_leaf(
                st.builds(
                    lambda u: {"targetingType": "ACTIVE_SESSION", "unitOfTime": u},
                    _not_in(UNITS_OF_TIME),
                )
            ),
            "",
        ),
        **{
            rule: _tree_breaking(rule)
            for rule in (
                "condition_ids_unique",
                "condition_parent_known",
                "condition_tree_acyclic",
                "condition_parent_not_self",
                "condition_tree_single_root",
                "condition_leaf_childless",
                "condition_block_operator",
            )
        },
        "or_operators_count": _operator_lengths(nested=True).filter(lambda s: not s.valid),
        "first_level_or_operators_count": _operator_lengths(nested=False).filter(
            lambda s: not s.valid
        ),
    }


def invalid_samples() -> st.SearchStrategy[Sample]:
    """Bodies (or headers) each breaking exactly one rule of RULES or one schema keyword."""
    return st.one_of(*invalid_sample_kinds().values())


# -- every boundary, listed ---------------------------------------------------------------------

LISTED_BASE: Body = {"name": "Key moment", "siteId": 1}  # the smallest valid key moment


def _listed_int_limits(
    field: str, low: int, high: int, place: Callable[[Body, int], Body], where: str
) -> list[Sample]:
    cases = [
        (low, None, f"{field} at its minimum {low}"),
        (low - 1, "minimum", f"{field} one below its minimum"),
        (high, None, f"{field} at its maximum {high}"),
        (high + 1, "maximum", f"{field} one above its maximum"),
    ]
    return [
        Sample(place(dict(LISTED_BASE), value), breaks=breaks, field=where if breaks else None,
               note=note)
        for value, breaks, note in cases
    ]  # fmt: skip


def _listed_operator_lengths(nested: bool) -> list[Sample]:
    """n things joined by n - 1 or n operators (valid), n + 1 or n - 2 (too many, too few), for
    n = 2 and 4; the operators alternate AND and OR."""
    samples = []
    for count in (2, 4):
        for length, valid in ((count - 1, True), (count, True), (count + 1, False),
                              (count - 2, False)):  # fmt: skip
            operators = [index % 2 == 1 for index in range(length)]
            conditions = [{"targetingType": "PAGE_URL"}] * count
            if nested:
                data: Body = {"firstLevel": [{"conditions": conditions, "orOperators": operators}]}
                rule, field = "or_operators_count", "conditionsData.firstLevel[0].orOperators"
            else:
                data = {
                    "firstLevel": [{"conditions": [c]} for c in conditions],
                    "firstLevelOrOperators": operators,
                }
                rule = "first_level_or_operators_count"
                field = "conditionsData.firstLevelOrOperators"
            body = _with(LISTED_BASE, conditionsData=data)
            note = f"{length} operators for {count}" + (" (nested)" if nested else "")
            samples.append(
                Sample(body, note=note)
                if valid
                else Sample(body, breaks=rule, field=field, note=note)
            )
    return samples


def all_boundary_samples() -> list[Sample]:
    """What `boundary_samples` draws, every case listed on one fixed key moment: each integer
    range at both ends and one past, the name at one character and empty, every count of
    operators around the number of conditions, a body at the size limit and one byte over."""
    condition = "conditionDataList[0].targetingCondition"
    return [
        *_listed_int_limits("siteId", 1, INT64_MAX, lambda b, v: _with(b, siteId=v), "siteId"),
        *_listed_int_limits("weight", 0, INT32_MAX, _in_condition("weight"), f"{condition}.weight"),
        *_listed_int_limits("count", 0, INT32_MAX, _in_condition("count"), f"{condition}.count"),
        *_listed_int_limits(
            "conditionDataList id", INT64_MIN, INT64_MAX,
            lambda b, v: _with(b, conditionDataList=[{"id": v, "logicalOperator": "AND"}]),
            "conditionDataList[0].id",
        ),
        *_listed_int_limits("conditionDataList parentId", INT64_MIN, INT64_MAX, _with_parent_id,
                            "conditionDataList[1].parentId"),
        Sample(_with(LISTED_BASE, name="x"), note="a one-character name"),
        Sample(_with(LISTED_BASE, name=""), breaks="name_not_empty", field="name",
               note="an empty name"),
        *_listed_operator_lengths(nested=True),
        *_listed_operator_lengths(nested=False),
        Sample(_sized_body(BODY_LIMIT), note="a body of exactly the size limit"),
        Sample(_sized_body(BODY_LIMIT + 1), breaks="body_size", field="body",
               note="a body one byte over the size limit"),
    ]  # fmt: skip


ROOM = StrategiesRoom(
    valid_samples=valid_samples,
    boundary_samples=boundary_samples,
    invalid_samples=invalid_samples,
    all_boundary_samples=all_boundary_samples,
    invalid_sample_kinds=invalid_sample_kinds,
    request_of=sample_request,
)
