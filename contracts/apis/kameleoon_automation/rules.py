"""What a `POST /key-moments` request must be beyond the spec's JSON Schema.

The page (kameleoon-automation-create-key-moment.txt) documents the body field by field but gives
no rule tying fields together: the condition enums show one example value each, and the condition
tree (`conditionDataList`, an id/parentId list) and the operator arrays of `conditionsData` come
with no stated shape. The spec's `x-choice` notes record the research behind the enums and the
tree; the rules below settle what is checked and how hard. The house rule decides the severity:
an ERROR (and a refusal by the faithful mock) needs a page line that states it, and the page states
only the bearer token (line 136), the field types and `name`/`siteId` being required; everything
that rests on our reading, on Kameleoon's SDKs or developer docs, or on an extrapolation is a
WARNING, accepted by the faithful mock (refused only with `--strict`). Whether the service refuses
a breach is each rule's flag (`Rule.service_refuses`), which the mock and `contracts check` read.

`check_request` returns schema violations and rule violations together, one per broken value:
the condition lists (the spec's `x-extensible-enum`, which JSON Schema does not enforce) are
checked here under the named rules below, the schema's `readOnly` findings are reported under
`read_only_field`, and an int32/int64 `format` finding is
folded into the `minimum`/`maximum` finding on the same value (specs/README.md: every int32/int64
carries its range, so the range says it already).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from jsonschema.exceptions import ValidationError

from ...vendor import (
    DocRef,
    HttpRequest,
    Rule,
    RuleBook,
    RulesRoom,
    Severity,
    Spec,
    Violation,
    field_path,
    json_body,
    short,
    to_violation,
    validator,
)
from . import API

PAGE = "kameleoon-automation-create-key-moment.txt"
REQUEST_SCHEMA = {"$ref": "#/components/schemas/KeyMomentCreate"}
BODY_LIMIT = 1 << 20  # bytes; see BODY_SIZE
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1

# Response-only fields of the key moment itself, with the page line that marks each read-only.
# They are not properties of KeyMomentCreate, so the schema cannot flag them in a request.
READ_ONLY_TOP_LEVEL = {
    "audienceTrackingEditable": 226,
    "createdBy": 247,
    "dateCreated": 253,
    "dateModified": 259,
    "id": 274,
}

# Bearer credentials as RFC 6750 section 2.1 writes them: the scheme (any case) and a token68.
BEARER = re.compile(r"^bearer +[A-Za-z0-9\-._~+/]+=*$", re.IGNORECASE)


def _rule(
    name: str,
    line: int,
    statement: str,
    severity: Severity = Severity.ERROR,
    choice: str = "",
    refused_by_service: bool | None = None,
) -> Rule:
    return Rule(name, DocRef(PAGE, line), statement, severity, choice, refused_by_service)


WARNING = Severity.WARNING

# -- headers ----------------------------------------------------------------------------------

BEARER_TOKEN = _rule(
    "bearer_token",
    136,
    "The Authorization header is required and has the form 'Bearer <token>'.",
    choice="The scheme is matched case-insensitively and the token must be a token68"
    " (RFC 6750); the header's value is never repeated in a message.",
)
CONTENT_TYPE_JSON = _rule(
    "content_type_json",
    140,
    "The body is sent as application/json (the page's curl sets Content-Type, line 9).",
    WARNING,
    "The real service most plausibly answers 415 to another media type, a status the page does"
    " not document; the mock reads the body as JSON anyway and reports this as a warning."
    " application/*+json is accepted as JSON.",
)
BODY_SIZE = _rule(
    "body_size",
    138,
    f"The body is at most {BODY_LIMIT} bytes.",
    WARNING,
    "The page states no limit, so this is a WARNING. 1 MiB is far above any plausible key moment;"
    " the mock refuses larger bodies with 400 (even when not strict) so it never holds a huge body"
    " in memory: the one refusal without a page line, a bound of the mock's own resources.",
    refused_by_service=True,
)

# -- fields -----------------------------------------------------------------------------------

NAME_NOT_EMPTY = _rule(
    "name_not_empty",
    143,
    "name is not the empty string.",
    WARNING,
    "The page marks name required (line 143), which says it is sent, not that it is non-empty;"
    " refusing '' rests on our reading (a Spring service would need @NotEmpty), so it is a"
    " warning and the faithful mock accepts it.",
)
NAME_NOT_BLANK = _rule(
    "name_not_blank",
    143,
    "name has at least one character that is not white space.",
    WARNING,
    "A name of blanks only is plausibly refused like an empty one, but the page does not say"
    " whether the service trims names, so this is a warning.",
)
READ_ONLY_FIELD = _rule(
    "read_only_field",
    226,
    "Read-only fields (the key moment's id, createdBy, dates, audienceTrackingEditable; a"
    " condition's id, htmlDescription, isConditionBlock, conditionData) are set by the service.",
    WARNING,
    "Sending one is most plausibly not refused: a client that read a key moment and sends it back"
    " sends them all, and JSON binders ignore read-only properties. The service (and the mock)"
    " ignore the value sent and answer their own. The page marks the key moment's ones read-only"
    " (lines 226-274); the condition ones appear only in its response example (spec x-choice).",
)
UNKNOWN_FIELD = _rule(
    "unknown_field",
    138,
    "Body objects carry only the fields the page lists (targeting conditions excepted).",
    WARNING,
    "The page does not say unknown fields are refused and the spec leaves additionalProperties"
    " open; Spring's JSON binding ignores them by default, so they are reported (a misspelt"
    " 'isFavourite' is silently lost) but not refused. Targeting conditions are not checked:"
    " other condition kinds carry their own fields (spec x-choice on TargetingCondition).",
)

# -- condition enums (the spec lists the values; the page shows one example each) -------------

_ENUM_CHOICE = (
    " WARNING: the page shows one example value only, so the list rests on other sources and a"
    " value outside it is not refused by the faithful mock (a closed list copied from an SDK"
    " lagged behind the service before). The spec keeps the list as x-extensible-enum."
)
LOGICAL_OPERATOR_KNOWN = _rule(
    "logical_operator_known",
    18,
    "logicalOperator is AND or OR.",
    WARNING,
    "The page shows AND only; OR is the obvious other value (spec x-choice)." + _ENUM_CHOICE,
)
TARGETING_TYPE_KNOWN = _rule(
    "targeting_type_known",
    21,
    "targetingType is one of Kameleoon's targeting types.",
    WARNING,
    "The list is the targeting types of Kameleoon's SDKs (Go and Python, spec x-choice), which"
    " the service evidently accepts; a value missing from it may be a newer condition kind."
    + _ENUM_CHOICE,
)
MATCH_TYPE_KNOWN = _rule(
    "match_type_known",
    25,
    "matchType is EQUAL, LOWER or GREATER.",
    WARNING,
    "The values are those Kameleoon's developer docs list for this field (spec x-choice)."
    + _ENUM_CHOICE,
)
UNIT_OF_TIME_KNOWN = _rule(
    "unit_of_time_known",
    26,
    "unitOfTime is SECOND, MINUTE, HOUR or DAY.",
    WARNING,
    "The values are those Kameleoon's developer docs list for this field (spec x-choice)."
    + _ENUM_CHOICE,
)
ENUM_RULES = {
    "logicalOperator": LOGICAL_OPERATOR_KNOWN,
    "targetingType": TARGETING_TYPE_KNOWN,
    "matchType": MATCH_TYPE_KNOWN,
    "unitOfTime": UNIT_OF_TIME_KNOWN,
}

# -- the condition list as a tree (spec x-choice on ConditionData) ----------------------------

_TREE_ERROR = (
    "WARNING: the page states no tree rule. With duplicate ids, a parent that is not in the list"
    " or a cycle the list cannot be read as a tree under our reading of id/parentId, but that the"
    " service refuses it is an extrapolation, so the faithful mock accepts it."
)
_TREE_WARNING = (
    "WARNING: the page gives no tree rule and its example is generated filler (id 123 with"
    " parentId 123, a leaf with an operator), so this rests on our reading of the field names."
)
CONDITION_IDS_UNIQUE = _rule(
    "condition_ids_unique",
    17,
    "The ids of conditionDataList items are unique within the list.",
    WARNING,
    _TREE_ERROR + " Items without an id are allowed (nothing can point to them).",
)
CONDITION_PARENT_KNOWN = _rule(
    "condition_parent_known",
    19,
    "A parentId is the id of an item of the same conditionDataList.",
    WARNING,
    _TREE_ERROR,
)
CONDITION_TREE_ACYCLIC = _rule(
    "condition_tree_acyclic",
    19,
    "Following parentId from any item reaches a root without coming back to an item.",
    WARNING,
    _TREE_ERROR + " An item whose parentId is its own id is read as a root, not a cycle"
    " (see condition_parent_not_self).",
)
CONDITION_PARENT_NOT_SELF = _rule(
    "condition_parent_not_self",
    19,
    "An item's parentId is not its own id: the root has no parentId.",
    WARNING,
    _TREE_WARNING + " The page's own example does this; the item is read as a root (a service"
    " storing parent references would plausibly treat it so), and warned about because the"
    " spec reads an absent parentId as the root mark.",
)
CONDITION_TREE_SINGLE_ROOT = _rule(
    "condition_tree_single_root",
    166,
    "A non-empty conditionDataList has exactly one root (an item without parentId, or whose"
    " parentId is its own id).",
    WARNING,
    _TREE_WARNING + " A service might also join several roots (a forest) implicitly.",
)
CONDITION_LEAF_CHILDLESS = _rule(
    "condition_leaf_childless",
    20,
    "An item that carries a targetingCondition is a leaf: no item has it as parent.",
    WARNING,
    _TREE_WARNING + " A leaf is read from the response's isConditionBlock (line 68).",
)
CONDITION_BLOCK_OPERATOR = _rule(
    "condition_block_operator",
    18,
    "An item that is the parent of other items carries the logicalOperator joining them.",
    WARNING,
    _TREE_WARNING + " The service might default the operator (to AND) instead of refusing.",
)

# -- conditionsData operator arrays (spec x-choice on ConditionsData / ConditionsDataLevel) ----

_OPERATORS_CHOICE = (
    "The page states no rule; Kameleoon's developer docs (update-segment) give one boolean"
    " between each two neighbours (n - 1 for n), the page's example gives one for one. Both are"
    " accepted (a trailing operator is unused); an absent array is the service's default. WARNING"
    " because the only sources disagree."
)
OR_OPERATORS_COUNT = _rule(
    "or_operators_count",
    47,
    "A firstLevel group's orOperators has one boolean per condition, or one fewer.",
    WARNING,
    _OPERATORS_CHOICE,
)
FIRST_LEVEL_OR_OPERATORS_COUNT = _rule(
    "first_level_or_operators_count",
    52,
    "firstLevelOrOperators has one boolean per firstLevel group, or one fewer.",
    WARNING,
    _OPERATORS_CHOICE,
)

RULES = RuleBook(
    [
        BEARER_TOKEN,
        CONTENT_TYPE_JSON,
        BODY_SIZE,
        NAME_NOT_EMPTY,
        NAME_NOT_BLANK,
        READ_ONLY_FIELD,
        UNKNOWN_FIELD,
        LOGICAL_OPERATOR_KNOWN,
        TARGETING_TYPE_KNOWN,
        MATCH_TYPE_KNOWN,
        UNIT_OF_TIME_KNOWN,
        CONDITION_IDS_UNIQUE,
        CONDITION_PARENT_KNOWN,
        CONDITION_TREE_ACYCLIC,
        CONDITION_PARENT_NOT_SELF,
        CONDITION_TREE_SINGLE_ROOT,
        CONDITION_LEAF_CHILDLESS,
        CONDITION_BLOCK_OPERATOR,
        OR_OPERATORS_COUNT,
        FIRST_LEVEL_OR_OPERATORS_COUNT,
    ]
)


# -- checking ---------------------------------------------------------------------------------


def check_request(request: HttpRequest, edition: str | None = None) -> list[Violation]:
    """Everything the contract says about a `POST /key-moments` request; never raises."""
    spec = API.spec(edition)
    found = [
        *bearer_violations(request.header("authorization")),
        *content_type_violations(request.header("content-type")),
    ]
    if len(request.body) > BODY_LIMIT:
        size = len(request.body)
        found.append(BODY_SIZE.violation("body", f"{size} bytes is more than {BODY_LIMIT}"))
    body, problems = json_body(spec, request.body)
    if problems:
        return [*found, *problems]
    return [*found, *body_violations(spec, body)]


def bearer_violations(authorization: str | None) -> list[Violation]:
    """The Authorization header's breach of `bearer_token`, if any (its value stays unsaid)."""
    field = "headers.authorization"
    if not authorization or not authorization.strip():
        return [BEARER_TOKEN.violation(field, "is missing; send 'Authorization: Bearer <token>'")]
    if not BEARER.match(authorization.strip()):
        return [
            BEARER_TOKEN.violation(
                field, "<redacted> does not have the form 'Bearer <token>' (one token68)"
            )
        ]
    return []


def bearer_token(authorization: str | None) -> str | None:
    """The token of a well-formed Authorization header, else None."""
    if bearer_violations(authorization):
        return None
    assert authorization is not None
    return authorization.strip().split()[-1]


def content_type_violations(content_type: str | None) -> list[Violation]:
    field = "headers.content-type"
    if not content_type:
        return [CONTENT_TYPE_JSON.violation(field, "is missing; send application/json")]
    media_type = content_type.split(";")[0].strip().lower()
    if media_type == "application/json" or (
        media_type.startswith("application/") and media_type.endswith("+json")
    ):
        return []
    return [CONTENT_TYPE_JSON.violation(field, f"{short(media_type)} is not application/json")]


def body_violations(spec: Spec, body: Any) -> list[Violation]:
    """The schema's findings and the rules' findings on a parsed body."""
    found = schema_findings(spec, body)
    if not isinstance(body, dict):
        return found  # the schema said it is not an object; nothing more to say
    found += name_violations(body.get("name"))
    found += list_violations(spec, body)
    found += field_violations(spec, body)
    items = body.get("conditionDataList")
    if isinstance(items, list):
        found += tree_violations(items)
    conditions = body.get("conditionsData")
    if isinstance(conditions, dict):
        found += operator_violations(conditions)
    return found


def schema_findings(spec: Spec, body: Any) -> list[Violation]:
    """`schema_violations`, with readOnly findings under read_only_field and int formats
    folded into their range findings."""
    errors = validator(spec, REQUEST_SCHEMA, "request").iter_errors(body)
    found = []
    for error in sorted(errors, key=lambda e: [str(part) for part in e.absolute_path]):
        if _restates_range(error):
            continue
        found.append(_finding(spec, error))
    return found


def _restates_range(error: ValidationError) -> bool:
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    return (
        error.validator == "format"
        and error.validator_value in ("int32", "int64")
        and isinstance(error.instance, int)
        and ("minimum" in schema or "maximum" in schema)
    )


def _finding(spec: Spec, error: ValidationError) -> Violation:
    violation = to_violation(spec, error)
    field = field_path(error.absolute_path)
    if error.validator == "readOnly":
        message = f"{short(error.instance)} is sent but the field is read-only; it is ignored"
        return _at(READ_ONLY_FIELD, field, message, violation.doc)
    return violation


def _at(rule: Rule, field: str, message: str, doc: DocRef | None) -> Violation:
    """A violation of `rule` citing the page line of the field itself (a rule that covers several
    fields, such as read_only_field, cites each field's own line)."""
    return Violation(rule.name, field, message, doc or rule.doc, rule.severity)


def known_values(spec: Spec, schema_name: str, field: str) -> list[str]:
    """The values the spec lists for a field (its x-extensible-enum: listed, not enforced)."""
    return [str(v) for v in spec.schema(schema_name)["properties"][field]["x-extensible-enum"]]


def list_violations(spec: Spec, body: dict[str, Any]) -> list[Violation]:
    """Values outside the condition lists (logicalOperator, targetingType, matchType,
    unitOfTime), each under its named rule and citing the field's own page line. A value that is
    not a string is the schema's `type` finding, not this."""
    found = []
    for where, schema_name, value in _condition_objects(body):
        properties = spec.schema(schema_name).get("properties", {})
        for key, rule in ENUM_RULES.items():
            listed_here = "x-extensible-enum" in properties.get(key, {})
            if not listed_here or not isinstance(value.get(key), str):
                continue
            known = known_values(spec, schema_name, key)
            if value[key] in known:
                continue
            listed = ", ".join(known) if len(known) <= 5 else f"{', '.join(known[:4])}, ..."
            message = f"{short(value[key])} is not one of the {len(known)} values ({listed})"
            line = properties[key].get("x-doc-line")
            doc = DocRef(PAGE, int(line)) if line is not None else None
            found.append(_at(rule, f"{where}.{key}", message, doc))
    return found


def _condition_objects(body: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """The body's objects that carry a listed value: condition nodes, the tree root and
    targeting conditions, with their field path and schema name."""
    for index, item in _dicts(body.get("conditionDataList")):
        yield f"conditionDataList[{index}]", "ConditionData", item
        condition = item.get("targetingCondition")
        if isinstance(condition, dict):
            where = f"conditionDataList[{index}].targetingCondition"
            yield where, "TargetingCondition", condition
    tree = body.get("conditionDataTree")
    if isinstance(tree, dict):
        yield "conditionDataTree", "ConditionDataTree", tree
    data = body.get("conditionsData")
    if isinstance(data, dict):
        for index, level in _dicts(data.get("firstLevel")):
            for inner, condition in _dicts(level.get("conditions")):
                where = f"conditionsData.firstLevel[{index}].conditions[{inner}]"
                yield where, "TargetingCondition", condition


def name_violations(name: Any) -> list[Violation]:
    if not isinstance(name, str):
        return []  # absent or not a string: the schema reports it
    if name == "":
        return [NAME_NOT_EMPTY.violation("name", "'' is empty; a key moment needs a name")]
    if not name.strip():
        return [NAME_NOT_BLANK.violation("name", f"{short(name)} is only white space")]
    return []


# Which body objects are closed (by our reading) and the schema naming their fields.
_CLOSED_OBJECTS = {
    "KeyMomentCreate",
    "ConditionData",
    "ConditionDataTree",
    "ConditionsData",
    "ConditionsDataLevel",
}


def field_violations(spec: Spec, body: dict[str, Any]) -> list[Violation]:
    """Response-only fields of the key moment, and fields the page does not list."""
    found = []
    for field, schema_name, value in _closed_objects(body):
        known = spec.schema(schema_name).get("properties", {})
        for key in value:
            where = f"{field}.{key}" if field else key
            if key in known:
                continue
            if not field and key in READ_ONLY_TOP_LEVEL:
                message = f"{short(value[key])} is sent but the field is read-only; it is ignored"
                doc = DocRef(PAGE, READ_ONLY_TOP_LEVEL[key])
                found.append(_at(READ_ONLY_FIELD, where, message, doc))
            else:
                listed = ", ".join(known)
                message = f"{short(key)} is not a field the page lists ({listed}); it is ignored"
                found.append(UNKNOWN_FIELD.violation(where, message))
    return found


def _closed_objects(body: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    yield "", "KeyMomentCreate", body
    items = body.get("conditionDataList")
    for index, item in _dicts(items):
        yield f"conditionDataList[{index}]", "ConditionData", item
    tree = body.get("conditionDataTree")
    if isinstance(tree, dict):
        yield "conditionDataTree", "ConditionDataTree", tree
    data = body.get("conditionsData")
    if isinstance(data, dict):
        yield "conditionsData", "ConditionsData", data
        for index, level in _dicts(data.get("firstLevel")):
            yield f"conditionsData.firstLevel[{index}]", "ConditionsDataLevel", level


def _dicts(items: Any) -> Iterable[tuple[int, dict[str, Any]]]:
    if not isinstance(items, list):
        return []
    return [(index, item) for index, item in enumerate(items) if isinstance(item, dict)]


def _node_ref(item: dict[str, Any], key: str) -> tuple[bool, int | None]:
    """An item's id or parentId: (readable, the int or None when absent). A value that is not an
    int64 is unreadable: the schema reports it and the tree rules stay silent rather than guess."""
    if key not in item:
        return True, None
    value = item[key]
    if isinstance(value, bool) or not isinstance(value, int):
        return False, None
    return INT64_MIN <= value <= INT64_MAX, value


def tree_violations(items: list[Any]) -> list[Violation]:
    """The tree rules on conditionDataList (spec x-choice on ConditionData)."""
    nodes = _dicts(items)
    ids: dict[int, int | None] = {}  # item index -> id
    parents: dict[int, int | None] = {}  # item index -> parentId
    for index, item in nodes:
        (id_readable, node_id), (parent_readable, parent_id) = (
            _node_ref(item, "id"),
            _node_ref(item, "parentId"),
        )
        if not (id_readable and parent_readable):
            return []  # a malformed id: the schema reports it and the tree cannot be read
        ids[index], parents[index] = node_id, parent_id
    if not nodes:
        return []
    found: list[Violation] = []
    by_id: dict[int, int] = {}  # id -> index of the first item carrying it
    for index, node_id in ids.items():
        if node_id is None:
            continue
        if node_id in by_id:
            found.append(
                CONDITION_IDS_UNIQUE.violation(
                    f"conditionDataList[{index}].id",
                    f"{node_id} is already the id of conditionDataList[{by_id[node_id]}]",
                )
            )
        else:
            by_id[node_id] = index
    roots = []
    children: dict[int, list[int]] = {}
    for index, parent_id in parents.items():
        field = f"conditionDataList[{index}].parentId"
        if parent_id is None:
            roots.append(index)
        elif parent_id == ids[index]:
            roots.append(index)
            found.append(
                CONDITION_PARENT_NOT_SELF.violation(
                    field, f"{parent_id} is the item's own id (read as a root)"
                )
            )
        elif parent_id not in by_id:
            found.append(
                CONDITION_PARENT_KNOWN.violation(
                    field, f"{parent_id} is not the id of any item of conditionDataList"
                )
            )
        else:
            children.setdefault(by_id[parent_id], []).append(index)
    found += _cycle_violations(ids, parents, by_id)
    if len(roots) != 1:
        which = f"items {roots}" if roots else "none: every item has another item as parent"
        found.append(
            CONDITION_TREE_SINGLE_ROOT.violation(
                "conditionDataList", f"has {len(roots)} roots ({which}); a tree has one"
            )
        )
    for index, item in nodes:
        kids = children.get(index)
        if not kids:
            continue
        field = f"conditionDataList[{index}]"
        if "targetingCondition" in item:
            found.append(
                CONDITION_LEAF_CHILDLESS.violation(
                    f"{field}.targetingCondition",
                    f"is set although items {kids} have this item as parent",
                )
            )
        if "logicalOperator" not in item:
            found.append(
                CONDITION_BLOCK_OPERATOR.violation(
                    f"{field}.logicalOperator",
                    f"is missing although items {kids} have this item as parent",
                )
            )
    return found


def _cycle_violations(
    ids: dict[int, int | None], parents: dict[int, int | None], by_id: dict[int, int]
) -> list[Violation]:
    reported: set[frozenset[int]] = set()
    found = []
    for start in parents:
        path: list[int] = []
        index = start
        while True:
            parent_id = parents[index]
            if parent_id is None or parent_id == ids[index] or parent_id not in by_id:
                break  # a root, or a dangling parent (condition_parent_known says so)
            path.append(index)
            index = by_id[parent_id]
            if index in path:
                cycle = path[path.index(index) :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    first = min(cycle)
                    found.append(
                        CONDITION_TREE_ACYCLIC.violation(
                            f"conditionDataList[{first}].parentId",
                            f"{parents[first]} closes a cycle through items {sorted(cycle)}",
                        )
                    )
                break
    return found


def operator_violations(data: dict[str, Any]) -> list[Violation]:
    """The lengths of conditionsData's operator arrays against what they join."""
    found = []
    levels = data.get("firstLevel", [])
    if isinstance(levels, list):  # else the schema says so, and there is nothing to count
        found += _count(
            FIRST_LEVEL_OR_OPERATORS_COUNT,
            "conditionsData.firstLevelOrOperators",
            data.get("firstLevelOrOperators"),
            len(levels),
            "firstLevel groups",
        )
    for index, level in _dicts(levels):
        conditions = level.get("conditions", [])
        if isinstance(conditions, list):
            found += _count(
                OR_OPERATORS_COUNT,
                f"conditionsData.firstLevel[{index}].orOperators",
                level.get("orOperators"),
                len(conditions),
                "conditions",
            )
    return found


def _count(rule: Rule, field: str, operators: Any, joined: int, what: str) -> list[Violation]:
    if not isinstance(operators, list):
        return []  # absent (the service's default) or not an array (the schema says so)
    allowed = {joined} if joined == 0 else {joined - 1, joined}
    if len(operators) in allowed:
        return []
    expected = " or ".join(str(n) for n in sorted(allowed))
    message = f"has {len(operators)} operators for {joined} {what}; {expected} expected"
    return [rule.violation(field, message)]


ROOM = RulesRoom(book=RULES, check_request=check_request)
