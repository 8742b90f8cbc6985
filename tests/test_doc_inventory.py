"""Every rule a vendor page states is in the spec assembled from it, or an x-choice says why not.

The items come from `tests/doc_inventory.py`, which reads the pages and never the specs. Each one
is looked up in the spec (following `$ref`, `allOf`, `oneOf`) and compared. A difference passes
only where the spec node it concerns carries an `x-choice` that cites the item's line or mentions
what the page says (its type, the value, the number, the field); those accepted departures are
listed by `python -m tests.doc_inventory`.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest

import contracts.apis
from contracts.registry import load_spec
from contracts.specs import Spec
from tests.doc_inventory import (
    PARSERS,
    DocItem,
    FieldDoc,
    LimitDoc,
    counts,
    inventory,
    page_items,
    read_page,
)

JsonMap = Mapping[str, Any]
PARAMETER_LOCATIONS = ("header", "query", "path", "cookie")

# The pages are fixed text, so what their parsers find is a fact about them: a parser regression
# that drops (or invents) items changes these numbers.
EXPECTED_COUNTS = {
    "kameleoon-data-visit-events-openapi.txt": {
        "field": 53,
        "enum": 20,
        "limit": 19,
        "status": 7,
        "security": 0,
        "example": 2,
    },
    "kameleoon-data-visit-events-reference.txt": {
        "field": 58,
        "enum": 10,
        "limit": 2,
        "status": 0,
        "security": 0,
        "example": 3,
    },
    "kameleoon-automation-create-key-moment.txt": {
        "field": 21,
        "enum": 0,
        "limit": 0,
        "status": 1,
        "security": 1,
        "example": 2,
    },
    "launchdarkly-create-segment.txt": {
        "field": 29,
        "enum": 0,
        "limit": 0,
        "status": 5,
        "security": 1,
        "example": 0,
    },
    "capillary-create-target-group-behavioural.txt": {
        "field": 141,
        "enum": 49,
        "limit": 1,
        "status": 3,
        "security": 2,
        "example": 5,
    },
}


# --- Which spec a page belongs to -----------------------------------------------------------------


@functools.cache
def spec_names() -> dict[str, str]:
    """Page file -> spec name, from the table in contracts/apis/SPECS.md (no spec is loaded: a spec
    that
    does not parse fails its own tests, not the collection of every test)."""
    readme = (Path(contracts.apis.__file__).parent / "SPECS.md").read_text(encoding="utf-8")
    rows = re.finditer(
        r"^\|\s*`(?P<spec>[\w.-]+)\.yaml`\s*\|\s*`pages/(?P<page>[\w.-]+)`", readme, re.M
    )
    return {row["page"]: row["spec"] for row in rows}


def spec_for(page: str) -> Spec:
    spec = load_spec(spec_names()[page])
    assert spec.page == page, f"{spec.name} cites {spec.page!r}, the README pairs it with {page!r}"
    return spec


def item_id(item: DocItem) -> str:
    return f"{spec_names().get(item.page, item.page)}:{item.line}:{item.label}"


# --- Walking a spec while keeping JSON pointers ---------------------------------------------------


@dataclass(frozen=True)
class Node:
    """A spec node with its JSON pointer, kept so that a failure can say where to look."""

    pointer: str
    value: JsonMap = field(repr=False, compare=False)

    def child(self, *keys: str | int) -> Node:
        value: Any = self.value
        pointer = self.pointer
        for key in keys:
            value = value[key]
            pointer += "/" + str(key).replace("~", "~0").replace("/", "~1")
        return Node(pointer, value)

    def has(self, key: str) -> bool:
        return isinstance(self.value, Mapping) and key in self.value


def deref(spec: Spec, node: Node) -> Node:
    """Follow local `$ref`s like `Spec.resolve`, but keep the pointer of the node reached."""
    while node.has("$ref"):
        pointer = str(node.value["$ref"])[1:]
        value: Any = spec.document
        for part in pointer.split("/")[1:]:
            value = value[part.replace("~1", "/").replace("~0", "~")]
        node = Node(pointer, value)
    return node


def parts(spec: Spec, node: Node) -> list[Node]:
    """The node and, resolved, the `allOf` members it is made of (recursively)."""
    node = deref(spec, node)
    found = [node]
    for index in range(len(node.value.get("allOf", []))):
        found += parts(spec, node.child("allOf", index))
    return found


def alternatives(spec: Spec, node: Node) -> list[Node]:
    """The schemas a value may follow: the `oneOf`/`anyOf` branches, or the schema itself."""
    node = deref(spec, node)
    for keyword in ("oneOf", "anyOf"):
        if node.has(keyword) and not node.has("properties"):
            return [
                branch
                for index in range(len(node.value[keyword]))
                for branch in alternatives(spec, node.child(keyword, index))
            ]
    return [node]


@dataclass(frozen=True)
class Site:
    """Where a page field lands: the property or parameter as written, the schema of its value,
    the schema declaring it, and whether that schema (or the parameter) requires it."""

    node: Node
    schema: Node
    owner: Node | None
    required: bool


def properties(spec: Spec, schema: Node) -> dict[str, Site]:
    """The properties of an object schema, `allOf` members merged; `required` anywhere in the
    merge applies to the whole object."""
    found: dict[str, Site] = {}
    required: set[str] = set()
    for part in parts(spec, schema):
        required |= set(part.value.get("required", []))
        for name in part.value.get("properties", {}):
            node = part.child("properties", name)
            found.setdefault(name, Site(node, node, part, False))
    return {name: replace(site, required=name in required) for name, site in found.items()}


@dataclass(frozen=True)
class TypeInfo:
    types: frozenset[str]  # empty: any JSON value
    format: str | None
    nullable: bool


def type_info(spec: Spec, node: Node) -> TypeInfo:
    types: set[str] = set()
    fmt: str | None = None
    nullable = False
    for part in parts(spec, node):
        value = part.value
        nullable = nullable or bool(value.get("nullable"))
        fmt = fmt or value.get("format")
        if "type" in value:
            types.add(str(value["type"]))
        for keyword in ("anyOf", "oneOf"):
            for index in range(len(value.get(keyword, []))):
                types |= type_info(spec, part.child(keyword, index)).types
    return TypeInfo(frozenset(types), fmt, nullable)


def keyword_node(spec: Spec, node: Node, keyword: str) -> Node | None:
    """`items` or `additionalProperties` of a schema, looking through `allOf`."""
    for part in parts(spec, node):
        if isinstance(part.value.get(keyword), Mapping):
            return part.child(keyword)
    return None


def operation(spec: Spec) -> Node:
    (op,) = spec.operations()
    return Node("", spec.document).child("paths", op.path, op.method)


def request_schema(spec: Spec) -> Node:
    body = deref(spec, operation(spec).child("requestBody"))
    content = body.value["content"]
    media = "application/json" if "application/json" in content else next(iter(content))
    return body.child("content", media, "schema")


def success_schema(spec: Spec) -> Node:
    responses = operation(spec).child("responses")
    for code in sorted(responses.value):
        response = deref(spec, responses.child(code))
        if str(code).startswith("2") and response.has("content"):
            content = response.value["content"]
            media = "application/json" if "application/json" in content else next(iter(content))
            return response.child("content", media, "schema")
    raise LookupError(f"{spec.name}: no 2xx response with a body")


# --- Judging a difference -------------------------------------------------------------------------


@dataclass(frozen=True)
class Departure:
    """A difference from the page that an x-choice explains."""

    item: str
    pointer: str
    difference: str
    choice: str


def _normal(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", text.lower())


def mentions(text: str, token: str) -> bool:
    """`token` occurs in `text` as a whole word, case, hyphens and underscores aside."""
    pattern = r"(?<![a-z0-9])" + re.escape(_normal(token).strip()) + r"(?![a-z0-9])"
    return bool(token.strip()) and re.search(pattern, _normal(text)) is not None


_CITED = re.compile(
    r"\blines?\s+(\d+(?:\s*[-\u2013]\s*\d+)?(?:\s*(?:,|and)\s*\d+(?:\s*[-\u2013]\s*\d+)?)*)"
)


def cites(text: str, line: int) -> bool:
    """`text` cites `line`, alone ("line 91") or in a range or list ("lines 293-376")."""
    for match in _CITED.finditer(text):
        for part in re.split(r"\s*(?:,|and)\s*", match[1]):
            low, _, high = re.sub(r"\s", "", part).replace("\u2013", "-").partition("-")
            if int(low) <= line <= int(high or low):
                return True
    return False


@dataclass
class Verdict:
    item: DocItem
    problems: list[str] = field(default_factory=list)
    departures: list[Departure] = field(default_factory=list)

    def explanation(self, nodes: Sequence[Node | None], tokens: Sequence[str]) -> Node | None:
        """The first of `nodes` whose x-choice cites the item's line or mentions a token."""
        for node in nodes:
            if node is not None and node.has("x-choice"):
                choice = str(node.value["x-choice"])
                if cites(choice, self.item.line) or any(mentions(choice, t) for t in tokens):
                    return node
        return None

    def differ(self, difference: str, nodes: Sequence[Node | None], tokens: Sequence[str]) -> None:
        """Accept `difference` if one of `nodes` has an x-choice citing the item's line or
        mentioning one of `tokens`; otherwise record it as a problem."""
        explained = self.explanation(nodes, tokens)
        if explained is not None:
            choice = str(explained.value["x-choice"])
            departure = Departure(item_id(self.item), explained.pointer, difference, choice)
            self.departures.append(departure)
            return
        present = {node.pointer for node in nodes if node is not None}
        with_choice = sorted(node.pointer for node in nodes if node and node.has("x-choice"))
        if with_choice:
            where = ", ".join(dict.fromkeys(with_choice))
            self.problems.append(f"{difference} (the x-choice at {where} does not explain it)")
        else:
            self.problems.append(f"{difference} (no x-choice at {', '.join(sorted(present))})")

    def fail(self, problem: str) -> None:
        self.problems.append(problem)


# --- Finding a page field in the spec -------------------------------------------------------------


def field_sites(spec: Spec, item: DocItem, name: str, verdict: Verdict) -> list[Site]:
    if item.where in PARAMETER_LOCATIONS:
        return parameter_sites(spec, item, name, verdict)
    stack = container_stack(spec, item, verdict)
    return find_field(spec, stack, name, verdict) if stack else []


def parameter_sites(spec: Spec, item: DocItem, name: str, verdict: Verdict) -> list[Site]:
    op = operation(spec)
    (definition,) = spec.operations()
    # Parameters may sit on the operation or, shared, on its path item.
    for holder in (op, Node("", spec.document).child("paths", definition.path)):
        for index in range(len(holder.value.get("parameters", []))):
            param = deref(spec, holder.child("parameters", index))
            same = param.value["name"] == name or (
                item.where == "header" and str(param.value["name"]).lower() == name.lower()
            )
            if same and param.value.get("in") == item.where:
                schema = param.child("schema")
                return [Site(param, schema, None, bool(param.value.get("required")))]
    verdict.fail(f"no {item.where} parameter {name!r} in {op.pointer}")
    return []


def root_containers(spec: Spec, item: DocItem, verdict: Verdict) -> list[Node]:
    root, _, event = item.where.split(".")[0].partition(":")
    if root == "response":
        return alternatives(spec, success_schema(spec))
    schema = request_schema(spec)
    if root == "body":  # the events: the items of the JSON-array form
        schema = keyword_node(spec, schema, "items") or schema
    if event:
        schema = deref(spec, schema)
        mapping = schema.value.get("discriminator", {}).get("mapping", {})
        if event not in mapping:
            verdict.fail(f"no event {event!r} in the discriminator of {schema.pointer}")
            return []
        return alternatives(spec, Node("", {"$ref": mapping[event]}))
    return alternatives(spec, schema)


def container_stack(spec: Spec, item: DocItem, verdict: Verdict) -> list[list[Node]]:
    """The schemas the item's `where` walks through, outermost first (each a list of
    alternatives); empty when the walk fails."""
    stack = [root_containers(spec, item, verdict)]
    for segment in item.where.split(".")[1:]:
        name = segment.removesuffix("[]")
        sites = find_field(spec, stack, name, verdict)
        if not sites:
            return []
        level: list[Node] = []
        for site in sites:
            schema = site.schema
            items = keyword_node(spec, schema, "items")
            # The page calls some lists "Object"; its examples show them as lists.
            if items is not None and (
                segment.endswith("[]") or "array" in type_info(spec, schema).types
            ):
                schema = items
            level += alternatives(spec, schema)
        stack.append(level)
    return stack if stack[0] else []


def find_field(spec: Spec, stack: list[list[Node]], name: str, verdict: Verdict) -> list[Site]:
    """The field in the innermost container; else one level down (an envelope the page leaves
    out) or up (a table that indents fields too deep), each a departure an x-choice must explain."""
    here = stack[-1]
    sites = [properties(spec, alternative).get(name) for alternative in here]
    if all(sites) and sites:
        return [site for site in sites if site]
    if any(sites):
        missing = [alt.pointer for alt, site in zip(here, sites, strict=True) if not site]
        verdict.fail(f"{name!r} is missing from {', '.join(missing)}")
        return [site for site in sites if site]
    # Not where the page puts it: one level down (an envelope the page leaves out) or up (a table
    # that indents fields too deep). The x-choice that explains the move decides between them.
    moves: list[tuple[Site, str, list[Node]]] = []
    for alternative in here:
        for wrapper_name, wrapper in properties(spec, alternative).items():
            for inner in alternatives(spec, wrapper.schema):
                site = properties(spec, inner).get(name)
                if site:
                    difference = (
                        f"{name!r} is under {wrapper_name!r} ({site.node.pointer}), not directly "
                        f"in {alternative.pointer}"
                    )
                    moves.append((site, difference, [wrapper.node, deref(spec, wrapper.schema)]))
    for depth in range(len(stack) - 2, -1, -1):
        for ancestor in stack[depth]:
            site = properties(spec, ancestor).get(name)
            if site:
                difference = (
                    f"{name!r} is in {ancestor.pointer}, not where the page nests it: "
                    f"{', '.join(node.pointer for node in here)}"
                )
                moves.append(
                    (site, difference, [node for level in stack[depth:] for node in level])
                )
    if moves:
        explained = [move for move in moves if verdict.explanation(move[2], [name])]
        site, difference, nodes = (explained or moves)[0]
        verdict.differ(difference, nodes, [name])
        return [site]
    verdict.fail(f"no {name!r} in {', '.join(node.pointer for node in here) or 'the spec'}")
    return []


# --- The checks, one per kind ---------------------------------------------------------------------

_TYPES: list[tuple[str, tuple[str | None, str | None]]] = [
    (r"int32|integerint32|integer<int32>", ("integer", "int32")),
    (r"int64|integerint64|integer<int64>|long", ("integer", "int64")),
    (r"integer", ("integer", None)),
    (r"float64|double|numberdouble|float|number", ("number", None)),
    (r"boolean", ("boolean", None)),
    (r"json array|list of .+|.+\[\]|array", ("array", None)),
    (r"json object|object|null or object", ("object", None)),
    (r"date time|date-time|string<date-time>", ("string", "date-time")),
    (r"string|enum|one of .+", ("string", None)),
    (r"json", (None, None)),  # any JSON value
]


def expected_type(doc: FieldDoc) -> tuple[str | None, str | None]:
    """The JSON Schema type and format the page's type words mean (type None: any value)."""
    if doc.items is not None:
        return "array", None
    for pattern, meaning in _TYPES:
        if re.fullmatch(pattern, doc.type.lower()):
            kind, fmt = meaning
            return kind, doc.format or fmt
    raise ValueError(f"unknown page type {doc.type!r}")


def check_type(spec: Spec, item: DocItem, doc: FieldDoc, site: Site, verdict: Verdict) -> None:
    nodes = [site.node, deref(spec, site.schema)]
    want_type, want_format = expected_type(doc)
    have = type_info(spec, site.schema)
    if (have.types != {want_type}) if want_type else bool(have.types):
        difference = f"page types {item.name!r} {doc.type!r}, spec: {sorted(have.types) or 'any'}"
        verdict.differ(difference, nodes, [doc.type])
    if want_format and have.format != want_format:
        difference = f"page gives {item.name!r} format {want_format!r}, spec: {have.format!r}"
        verdict.differ(difference, nodes, [want_format, doc.type])
    if doc.nullable != have.nullable:
        difference = f"page {'allows' if doc.nullable else 'does not allow'} null for {item.name!r}"
        verdict.differ(difference + f", spec nullable: {have.nullable}", nodes, ["null", doc.type])
    items = keyword_node(spec, site.schema, "items")
    if doc.items is not None and items is not None:
        inner = Site(items, items, None, False)
        check_type(spec, replace(item, name=f"{item.name}[]"), doc.items, inner, verdict)


def check_required(spec: Spec, item: DocItem, doc: FieldDoc, site: Site, verdict: Verdict) -> None:
    # Required-ness is the owning schema's `required` list: its x-choice is the one to read first.
    nodes = [site.owner, site.node, deref(spec, site.schema)]
    if doc.required == "conditional":
        if site.required:
            verdict.differ(
                f"page requires {item.name!r} only sometimes, spec always", nodes, [item.name]
            )
        elif not any(
            node is not None and (node.has("x-rule") or node.has("x-choice")) for node in nodes
        ):
            verdict.fail(
                f"page requires {item.name!r} only sometimes; no x-rule or x-choice says when"
            )
    elif doc.required is not None and (doc.required == "required") != site.required:
        spec_says = "required" if site.required else "optional"
        verdict.differ(f"page: {item.name!r} {doc.required}, spec: {spec_says}", nodes, [item.name])


def check_field(spec: Spec, item: DocItem, verdict: Verdict) -> None:
    assert isinstance(item.value, FieldDoc)
    doc = item.value
    for site in field_sites(spec, item, item.name, verdict):
        check_type(spec, item, doc, site, verdict)
        check_required(spec, item, doc, site, verdict)
        read_only = any(
            part.value.get("readOnly") for part in [site.node, *parts(spec, site.schema)]
        )
        if doc.read_only is not None and doc.read_only != read_only:
            difference = f"page: {item.name!r} read-only {doc.read_only}, spec readOnly {read_only}"
            verdict.differ(
                difference, [site.node, deref(spec, site.schema)], [item.name, "readOnly"]
            )


def check_enum(spec: Spec, item: DocItem, verdict: Verdict) -> None:
    values: set[str] = set()
    nodes: list[Node] = []
    for site in field_sites(spec, item, item.name, verdict):
        nodes += [site.node, deref(spec, site.schema)]
        for alternative in alternatives(spec, site.schema):
            for part in parts(spec, alternative):
                values |= {str(value) for value in part.value.get("enum", [])}
    if nodes and str(item.value) not in values:
        difference = f"{item.value!r} is not in the enum of {item.name!r}: {sorted(values)}"
        verdict.differ(difference, nodes, [str(item.value)])


_LIMIT_KEYWORDS = {
    "characters": "maxLength",
    "items": "maxItems",
    "properties": "maxProperties",
    "key characters": "x-key-max-length",
}


def limit_keyword(unit: str) -> str:
    """`key characters when mappingIdentifier` -> `x-key-max-length-when-mapping-identifier`."""
    if unit.startswith("key characters when "):
        flag = re.sub(r"(?<!^)(?=[A-Z])", "-", unit.removeprefix("key characters when ")).lower()
        return f"x-key-max-length-when-{flag}"
    return _LIMIT_KEYWORDS[unit]


def check_limit(spec: Spec, item: DocItem, verdict: Verdict) -> None:
    assert isinstance(item.value, LimitDoc)
    limit = item.value
    tokens = [str(limit), str(limit.number)]
    if limit.unit == "MB":  # a body size: MB is taken at its SI value, 10^6 bytes
        body = deref(spec, operation(spec).child("requestBody"))
        have = body.value.get("x-max-body-bytes")
        if have != limit.number * 10**6:
            difference = f"page: body {limit}, spec x-max-body-bytes {have}"
            verdict.differ(difference, [body], tokens)
        return
    base, steps = re.match(r"(\w+)((?:\{\}|\[\])*)$", item.name).groups()  # type: ignore[union-attr]
    keyword = limit_keyword(limit.unit)
    for site in field_sites(spec, item, base, verdict):
        nodes = [site.node]
        node: Node | None = site.schema
        for step in re.findall(r"\{\}|\[\]", steps):
            assert node is not None
            node = keyword_node(spec, node, "items" if step == "[]" else "additionalProperties")
        if node is None:
            verdict.fail(
                f"{item.name!r}: the spec has no such nested schema under {site.node.pointer}"
            )
            continue
        have = next(
            (part.value[keyword] for part in parts(spec, node) if keyword in part.value), None
        )
        nodes += parts(spec, node)
        if have != limit.number:
            verdict.differ(
                f"page: {item.name!r} at most {limit}, spec {keyword}: {have}", nodes, tokens
            )


def check_status(spec: Spec, item: DocItem, verdict: Verdict) -> None:
    responses = operation(spec).child("responses")
    if item.where == "response":
        if item.name not in {str(code) for code in responses.value}:
            verdict.fail(f"no response {item.name} in {responses.pointer}")
        return
    # An application error code (Capillary's 310069): a response example must carry it where the
    # page says it travels.
    key = item.where.split(".")[-1]
    carried = [
        example.label
        for example in spec.examples()
        if example.where.startswith("response")
        and any(_holds(value, item.name) for value in _values_under(example.value, key))
    ]
    if not carried:
        verdict.fail(f"no response example carries error code {item.name} in {key!r}")


def _values_under(value: object, key: str) -> Iterator[object]:
    if isinstance(value, Mapping):
        for name, child in value.items():
            if name == key:
                yield child
            yield from _values_under(child, key)
    elif isinstance(value, list):
        for child in value:
            yield from _values_under(child, key)


def _holds(value: object, scalar: str) -> bool:
    if isinstance(value, Mapping):
        return any(_holds(child, scalar) for child in value.values())
    if isinstance(value, list):
        return any(_holds(child, scalar) for child in value)
    return value is not None and str(value) == scalar


def _scheme_fits(kind: str, header: str, scheme: JsonMap) -> bool:
    declared = (scheme.get("type"), str(scheme.get("scheme", "")).lower())
    if kind in ("basic", "bearer"):
        return declared == ("http", kind)
    if kind == "apiKey":
        same_header = str(scheme.get("name", "")).lower() == header.lower()
        return scheme.get("type") == "apiKey" and scheme.get("in") == "header" and same_header
    return bool(scheme.get("type") in ("oauth2", "openIdConnect"))


def check_security(spec: Spec, item: DocItem, verdict: Verdict) -> None:
    """The page's scheme is declared, and the operation (or the document) requires it."""
    declared = spec.document.get("components", {}).get("securitySchemes", {})
    schemes = [Node("/components/securitySchemes", declared).child(name) for name in declared]
    header = str(item.value)
    fitting = {
        node.pointer.rsplit("/", 1)[1]
        for node in schemes
        if _scheme_fits(item.name, header, node.value)
    }
    required = {
        name
        for holder in (spec.document, operation(spec).value)
        for requirement in holder.get("security", [])
        for name in requirement
    }
    if fitting and not required & fitting:
        verdict.fail(f"scheme {sorted(fitting)} is declared but no security requirement uses it")
    elif not fitting:
        in_header = f" in header {header}" if header else ""
        verdict.differ(f"no {item.name} scheme{in_header} declared", schemes, [item.name, header])


def _same_example(have: object, want: object) -> bool:
    if isinstance(want, str):
        return isinstance(have, str) and have.strip() == want.strip()
    return bool(json.loads(json.dumps(have, default=str)) == want)


def check_example(spec: Spec, item: DocItem, verdict: Verdict) -> None:
    want = json.loads(str(item.value)) if item.name == "json" else str(item.value)
    for example in spec.examples():
        if (example.where == "request") == (item.where == "request") and _same_example(
            example.value, want
        ):
            return
    verdict.fail(
        f"no {item.where} example in the spec equals the page's ({item.name}, line {item.line})"
    )


CHECKS = {
    "field": check_field,
    "enum": check_enum,
    "limit": check_limit,
    "status": check_status,
    "security": check_security,
    "example": check_example,
}


def check(item: DocItem) -> Verdict:
    verdict = Verdict(item)
    CHECKS[item.kind](spec_for(item.page), item, verdict)
    return verdict


# --- x-doc-line citations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    pointer: str
    line: int
    subjects: tuple[str, ...]  # names the cited lines must mention; empty: only checked in range
    node: Node


def _walk(node: object, pointer: str) -> Iterator[tuple[str, JsonMap]]:
    if isinstance(node, Mapping):
        yield pointer, node
        for key, child in node.items():
            # Example payloads are data, not schema: a key there is not a property.
            if key in ("example", "value", "default", "enum") and not pointer.endswith(
                "/properties"
            ):
                continue
            yield from _walk(child, f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}")
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _walk(child, f"{pointer}/{index}")


def _referrers(spec: Spec) -> dict[str, set[str]]:
    """Schema pointer -> what names it: the property it is the value of (or the items of), and,
    for an event schema, its event type in a discriminator mapping."""
    found: dict[str, set[str]] = defaultdict(set)
    for pointer, node in _walk(spec.document, ""):
        if isinstance(node.get("$ref"), str):
            names = re.findall(r"/properties/([^/]+)", pointer)
            if names:
                found[node["$ref"][1:]].add(names[-1])
        mapping = node.get("mapping") if pointer.endswith("/discriminator") else None
        for event, target in (mapping or {}).items():
            found[str(target)[1:]].add(str(event))
    return found


def citations(spec: Spec) -> list[Citation]:
    referrers = _referrers(spec)
    found = []
    for pointer, node in _walk(spec.document, ""):
        if "x-doc-line" not in node:
            continue
        segments = pointer.split("/")
        subjects: tuple[str, ...] = ()
        if len(segments) >= 2 and segments[-2] == "parameters":
            subjects = (str(node.get("name", "")),)
        elif len(segments) >= 2 and segments[-2] == "properties":
            subjects = (segments[-1].replace("~1", "/").replace("~0", "~"),)
        elif len(segments) >= 2 and segments[-2] == "responses":
            code = segments[-1]
            phrase = HTTPStatus(int(code)).phrase if code.isdigit() else ""
            subjects = (code, phrase)
        elif pointer.startswith("/components/schemas/") and pointer in referrers:
            subjects = (*sorted(referrers[pointer]), segments[-1])
        found.append(Citation(pointer, int(node["x-doc-line"]), subjects, Node(pointer, node)))
    return found


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def check_citations(spec: Spec) -> tuple[list[str], list[Departure]]:
    """Citations outside the page or not mentioning their subject; a response whose code the
    page never states cannot be cited by it, and must say why it is there in an x-choice."""
    page = read_page(spec.page)
    stated = {
        item.name
        for item in page_items(spec.page)
        if item.kind == "status" and item.where == "response"
    }
    problems: list[str] = []
    accepted: list[Departure] = []
    for citation in citations(spec):
        label = f"{spec.name} {citation.pointer}: x-doc-line {citation.line}"
        if not 1 <= citation.line <= len(page.lines):
            problems.append(f"{label} is outside the page ({len(page.lines)} lines)")
            continue
        is_response = citation.pointer.split("/")[-2:-1] == ["responses"]
        if is_response and citation.subjects[0] not in stated:
            choice = citation.node.value.get("x-choice")
            if choice:
                difference = f"the page states no status {citation.subjects[0]}"
                accepted.append(Departure(label, citation.pointer, difference, str(choice)))
            else:
                problems.append(
                    f"{label}: the page states no status {citation.subjects[0]}"
                    " and no x-choice says why the spec has it"
                )
            continue
        window = page.lines[citation.line - 1 : citation.line + 2]
        if citation.subjects and not any(
            _squash(subject) and _squash(subject) in _squash(" ".join(window))
            for subject in citation.subjects
        ):
            said = page.lines[citation.line - 1].strip()[:120]
            subjects = " / ".join(subject for subject in citation.subjects if subject)
            problems.append(f"{label} says {said!r}, which does not mention {subjects}")
    return problems, accepted


# --- The report -----------------------------------------------------------------------------------


@functools.cache
def verdicts() -> tuple[Verdict, ...]:
    found = []
    for item in inventory():
        try:
            found.append(check(item))
        except Exception as error:  # a spec that is missing or does not load: report, carry on
            found.append(Verdict(item, [f"{type(error).__name__}: {error}"]))
    return tuple(found)


def report() -> str:
    """The accepted departures (grouped by the x-choice that explains them), the gaps, and the
    citation problems, for `python -m tests.doc_inventory`."""
    by_choice: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    gaps: list[str] = []
    for verdict in verdicts():
        for departure in verdict.departures:
            spec = item_id(verdict.item).split(":")[0]
            by_choice[(spec, departure.pointer, departure.choice)].append(
                f"{departure.item}: {departure.difference}"
            )
        gaps += [f"{item_id(verdict.item)}: {problem}" for problem in verdict.problems]
    wrong: list[str] = []
    for page, name in spec_names().items():
        try:
            problems, accepted = check_citations(spec_for(page))
        except Exception as error:
            wrong.append(f"{name}: {type(error).__name__}: {error}")
            continue
        wrong += problems
        for departure in accepted:
            by_choice[(name, departure.pointer, departure.choice)].append(
                f"{departure.item}: {departure.difference}"
            )
    lines = [
        f"## Departures accepted because an x-choice explains them ({len(by_choice)} x-choices)"
    ]
    for (spec, pointer, choice), differences in sorted(by_choice.items()):
        lines += ["", f"- {spec} {pointer} ({len(differences)} item(s))", f"  x-choice: {choice}"]
        lines += [f"  - {difference}" for difference in differences]
    lines += ["", f"## Gaps: page items the spec misses ({len(gaps)})", ""]
    lines += [f"- {gap}" for gap in gaps] or ["(none)"]
    lines += ["", f"## x-doc-line citations that do not point at their subject ({len(wrong)})", ""]
    lines += [f"- {problem}" for problem in wrong] or ["(none)"]
    return "\n".join(lines)


# --- Tests ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("item", inventory(), ids=item_id)
def test_page_item_is_in_spec(item: DocItem, record_property: Any) -> None:
    verdict = check(item)
    for departure in verdict.departures:
        record_property("x-choice", f"{departure.pointer}: {departure.difference}")
    assert not verdict.problems, "\n".join(verdict.problems)


@pytest.mark.parametrize("page", list(PARSERS))
def test_page_counts_are_pinned(page: str) -> None:
    assert counts(page) == EXPECTED_COUNTS[page]


def test_item_ids_are_unique() -> None:
    ids = [item_id(item) for item in inventory()]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("page", list(PARSERS), ids=lambda page: spec_names().get(page, page))
def test_doc_line_citations_point_at_their_subject(page: str) -> None:
    problems, _ = check_citations(spec_for(page))
    assert not problems, "\n".join(problems)
