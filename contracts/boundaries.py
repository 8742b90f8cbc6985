"""Boundaries derived from a spec: every constraint of an operation's parameters and request body,
and samples sitting at each limit and one past it.

A constraint is one keyword of one place: `query visitorCode: maxLength 100`, `body
targets[].name: minLength 1`, `body [].deviceType: enum PHONE` (each enum value is its own). The
spec lists them (`constraints`); a request sent can be read for the ones it holds at their limit
or one past it (`hits`), whoever made it; and `boundaries` derives, from the spec's own example
requests, one sample per limit and side: a string at `maxLength` and one character longer, an
integer at `maximum` and one more, an array at `maxItems` items and one more, every enum value and
one outside, the example's pattern-bound value in its other letter case (a nonce in upper case)
and with a character too many, and long query values (64 and 255 characters, as SDKs send) where
the page sets no limit. Optional fields the example leaves out are added where a value can be made
from the schema alone.

Which side is valid is not decided here: what the contract expects of each sample is the rule
book's say on the request it stands for (`contracts.probes.judged`).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .exchange import HttpRequest
from .samples import Sample
from .specs import Spec

Path = tuple[str | int, ...]  # keys and indices from the body's root to a value

LENGTH_KEYWORDS = ("maxLength", "minLength")
RANGE_KEYWORDS = ("maximum", "minimum")
COUNT_KEYWORDS = ("maxItems", "minItems", "maxProperties", "minProperties")
# Query values SDKs send where the page sets no limit (Kameleoon's SDK: visitor codes up to 255).
LONG_VALUES = (64, 255)
BODY_SIZE = "x-max-body-bytes"  # a spec extension: the body's size limit in bytes
MAX_GENERATED_ITEMS = 20_000  # past this an array limit is counted, not sent


@dataclass(frozen=True, order=True)
class Constraint:
    """One keyword of one place of an operation."""

    place: str  # query, header, path, body
    where: str  # the parameter's name, or the body path (`[]` an array item, `{}` a map value)
    keyword: str  # maxLength, minimum, maxItems, enum, pattern, x-max-body-bytes, ...
    limit: str  # the keyword's value as text (an enum's one value)

    @property
    def key(self) -> str:
        where = f" {self.where}" if self.where else ""
        return f"{self.place}{where}: {self.keyword} {self.limit}"


@dataclass(frozen=True)
class Boundary:
    """A sample at a constraint's limit (`at_limit`) or one past it; `constraint` is None for a
    value the page allows without stating a limit (a long query value)."""

    sample: Sample
    constraint: Constraint | None
    at_limit: bool


# -- reading schemas ------------------------------------------------------------------------------


def _resolve(document: Mapping[str, Any], node: Any) -> Any:
    seen = 0
    while isinstance(node, Mapping) and "$ref" in node and seen < 50:
        target: Any = document
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target.get(part, {}) if isinstance(target, Mapping) else {}
        node, seen = target, seen + 1
    return node


def _branch(document: Mapping[str, Any], schema: Mapping[str, Any], value: Any) -> Any:
    """The oneOf/anyOf branch a value takes: by the discriminator, else the first whose required
    properties it has."""
    branches = schema.get("oneOf") or schema.get("anyOf") or []
    discriminator = schema.get("discriminator") or {}
    name = discriminator.get("propertyName")
    if name and isinstance(value, Mapping):
        tag = str(value.get(name, "")).upper()
        mapping = {str(k).upper(): v for k, v in (discriminator.get("mapping") or {}).items()}
        if tag in mapping:
            return _resolve(document, {"$ref": mapping[tag]})
    for candidate in branches:
        flat = _flatten(document, candidate, value)
        kind = flat.get("type")
        if kind is not None and not _is_type(value, str(kind)):
            continue
        if not isinstance(value, Mapping) or set(flat.get("required", [])) <= set(value):
            return candidate
    return branches[0] if branches else {}


def _is_type(value: Any, kind: str) -> bool:
    """Whether a JSON value is of a JSON Schema type."""
    if isinstance(value, bool):
        return kind == "boolean"
    types = {"string": str, "integer": int, "number": int | float, "array": list,
             "object": Mapping}  # fmt: skip
    expected = types.get(kind)
    return expected is None or isinstance(value, expected)


def _flatten(document: Mapping[str, Any], schema: Any, value: Any = None) -> dict[str, Any]:
    """One schema with its allOf parts merged and, given a value, its oneOf branch chosen."""
    schema = _resolve(document, schema)
    if not isinstance(schema, Mapping):
        return {}
    flat = {k: v for k, v in schema.items() if k not in ("allOf", "oneOf", "anyOf")}
    properties = dict(flat.get("properties") or {})
    required = list(flat.get("required") or [])
    parts = list(schema.get("allOf") or [])
    if schema.get("oneOf") or schema.get("anyOf"):
        parts.append(_branch(document, schema, value))
    for part in parts:
        merged = _flatten(document, part, value)
        properties.update(merged.get("properties") or {})
        required += merged.get("required") or []
        for key, item in merged.items():
            if key not in ("properties", "required"):
                flat.setdefault(key, item)
    if properties:
        flat["properties"] = properties
    if required:
        flat["required"] = required
    return flat


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where and not name.startswith("[") else f"{where}{name}"


def _own(place: str, where: str, schema: Mapping[str, Any]) -> Iterator[Constraint]:
    """The constraints a flattened schema states about its own value."""
    for keyword in (*LENGTH_KEYWORDS, *RANGE_KEYWORDS, *COUNT_KEYWORDS, "pattern"):
        if keyword in schema:
            yield Constraint(place, where, keyword, str(schema[keyword]))
    for option in schema.get("enum") or ():
        yield Constraint(place, where, "enum", str(option))


def _schema_constraints(
    document: Mapping[str, Any], schema: Any, where: str, refs: frozenset[str]
) -> Iterator[Constraint]:
    """Every constraint of a body schema, every branch of it, nested ones too (a recursive schema
    is walked once)."""
    ref = schema.get("$ref") if isinstance(schema, Mapping) else None
    if ref in refs:
        return
    refs = refs | {ref} if ref else refs
    schema = _resolve(document, schema)
    if not isinstance(schema, Mapping):
        return
    yield from _own("body", where, schema)
    for part in (*schema.get("allOf", ()), *schema.get("oneOf", ()), *schema.get("anyOf", ())):
        yield from _schema_constraints(document, part, where, refs)
    for name, sub in (schema.get("properties") or {}).items():
        yield from _schema_constraints(document, sub, _join(where, name), refs)
    if isinstance(schema.get("items"), Mapping):
        yield from _schema_constraints(document, schema["items"], f"{where}[]", refs)
    if isinstance(schema.get("additionalProperties"), Mapping):
        yield from _schema_constraints(
            document, schema["additionalProperties"], f"{where}{{}}", refs
        )


def _operation(spec: Spec) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The spec's (first) operation and its parameters, references resolved."""
    operation = spec.operations()[0]
    definition = dict(operation.definition)
    path_item = spec.document.get("paths", {}).get(operation.path, {})
    params = [
        _resolve(spec.document, p)
        for p in [*path_item.get("parameters", []), *definition.get("parameters", [])]
    ]
    return definition, [dict(p) for p in params if isinstance(p, Mapping)]


def _json_body_schema(spec: Spec, definition: Mapping[str, Any]) -> Any:
    body = _resolve(spec.document, definition.get("requestBody") or {})
    content = body.get("content", {}) if isinstance(body, Mapping) else {}
    for media_type, entry in content.items():
        if "json" in media_type:
            return entry.get("schema")
    return None


def constraints(spec: Spec) -> list[Constraint]:
    """Every constraint of the spec's operation: its parameters, its JSON body (every branch, nested
    fields too) and the body's size."""
    definition, params = _operation(spec)
    found: set[Constraint] = set()
    for param in params:
        schema = _flatten(spec.document, param.get("schema") or {})
        found.update(_own(str(param.get("in")), str(param.get("name")), schema))
    schema = _json_body_schema(spec, definition)
    if schema is not None:
        found.update(_schema_constraints(spec.document, schema, "", frozenset()))
    body = _resolve(spec.document, definition.get("requestBody") or {})
    if isinstance(body, Mapping) and BODY_SIZE in body:
        found.add(Constraint("body", "", "size", str(body[BODY_SIZE])))
    return sorted(found)


# -- what a request holds -------------------------------------------------------------------------


def _side(schema: Mapping[str, Any], value: Any) -> Iterator[tuple[str, str, bool]]:
    """(keyword, limit, at_limit) for each limit a value sits at or one past."""
    if isinstance(value, bool):
        return
    size: int | None = None
    if isinstance(value, str):
        size = len(value)
        for keyword, step in (("maxLength", 1), ("minLength", -1)):
            if keyword in schema and size in (schema[keyword], schema[keyword] + step):
                yield keyword, str(schema[keyword]), size == schema[keyword]
    if isinstance(value, int | float):
        for keyword, step in (("maximum", 1), ("minimum", -1)):
            if keyword in schema and value in (schema[keyword], schema[keyword] + step):
                yield keyword, str(schema[keyword]), value == schema[keyword]
    if isinstance(value, list | dict):
        size = len(value)
        keywords = ("maxItems", "minItems") if isinstance(value, list) else (
            "maxProperties", "minProperties")  # fmt: skip
        for keyword, step in zip(keywords, (1, -1), strict=True):
            if keyword in schema and size in (schema[keyword], schema[keyword] + step):
                yield keyword, str(schema[keyword]), size == schema[keyword]
    if "enum" in schema and isinstance(value, str | int | float):
        if value in schema["enum"]:
            yield "enum", str(value), True
        else:
            yield from (("enum", str(option), False) for option in schema["enum"])
    if "pattern" in schema and isinstance(value, str):
        yield "pattern", str(schema["pattern"]), bool(re.search(schema["pattern"], value))


def _value_hits(
    document: Mapping[str, Any], schema: Any, value: Any, where: str, depth: int = 0
) -> Iterator[tuple[Constraint, bool]]:
    if depth > 30:
        return
    flat = _flatten(document, schema, value)
    for keyword, limit, at in _side(flat, value):
        yield Constraint("body", where, keyword, limit), at
    if isinstance(value, Mapping):
        properties = flat.get("properties") or {}
        extra = flat.get("additionalProperties")
        for name, item in value.items():
            if name in properties:
                yield from _value_hits(document, properties[name], item, _join(where, str(name)),
                                       depth + 1)  # fmt: skip
            elif isinstance(extra, Mapping):
                yield from _value_hits(document, extra, item, f"{where}{{}}", depth + 1)
    elif isinstance(value, list) and isinstance(flat.get("items"), Mapping):
        for item in value:
            yield from _value_hits(document, flat["items"], item, f"{where}[]", depth + 1)


def hits(spec: Spec, request: HttpRequest) -> set[tuple[Constraint, bool]]:
    """The constraints a request holds at their limit (True) or one past it (False): its query and
    header values, its JSON body (a body that is not JSON is read for its size only). A body can
    hold one constraint on both sides (two items of an array)."""
    definition, params = _operation(spec)
    found: set[tuple[Constraint, bool]] = set()
    body = request.body
    for param in params:
        place, name = str(param.get("in")), str(param.get("name"))
        value = request.param(name) if place == "query" else request.header(name)
        if place not in ("query", "header") or value is None:
            continue
        schema = _flatten(spec.document, param.get("schema") or {})
        if schema.get("type", "string") != "string":
            continue
        for keyword, limit, at in _side(schema, value):
            found.add((Constraint(place, name, keyword, limit), at))
    request_body = _resolve(spec.document, definition.get("requestBody") or {})
    size = request_body.get(BODY_SIZE) if isinstance(request_body, Mapping) else None
    if isinstance(size, int) and len(body) in (size, size + 1):
        found.add((Constraint("body", "", "size", str(size)), len(body) == size))
    schema = _json_body_schema(spec, definition)
    if schema is None or not body or body[:1] not in b"[{":
        return found
    try:
        value = json.loads(body)
    except ValueError:
        return found
    found.update(_value_hits(spec.document, schema, value, ""))
    return found


# -- samples at each limit ------------------------------------------------------------------------


def _set(body: Any, path: Path, value: Any) -> Any:
    changed = copy.deepcopy(body)
    if not path:
        return value
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


def _scalar(schema: Mapping[str, Any], index: int = 0) -> Any:
    """A value made from a schema alone, or None where it cannot be (objects, patterns)."""
    if schema.get("enum"):
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "string" and "pattern" not in schema and "format" not in schema:
        length = max(int(schema.get("minLength", 1)), len(f"v{index}"))
        return f"v{index}".ljust(length, "a")
    if kind == "integer":
        low = schema.get("minimum", 1)
        return max(int(low), 1) + index
    return None


def _items(schema: Mapping[str, Any], existing: list[Any], count: int) -> list[Any] | None:
    """`count` items for an array: distinct scalars where the item schema allows, else copies of
    the first existing item."""
    made = [_scalar(schema, index) for index in range(count)]
    if count == 0 or all(item is not None for item in made):
        return made
    if existing:
        return [copy.deepcopy(existing[0]) for _ in range(count)]
    return None


def _edges(
    schema: Mapping[str, Any], value: Any, present: bool
) -> Iterator[tuple[str, str, bool, Any]]:
    """(keyword, limit, at_limit, new value) for each limit of a flattened schema: the value at the
    limit and one past it. `value` is the example's (None when the example leaves it out)."""
    kind = schema.get("type")
    if "enum" in schema:
        for option in schema["enum"]:
            yield "enum", str(option), True, option
        if all(isinstance(option, str) for option in schema["enum"]):
            yield "enum", str(schema["enum"][-1]), False, f"{schema['enum'][-1]}_NOT_LISTED"
        return
    if kind == "string" and "pattern" in schema:
        if not isinstance(value, str):
            return
        pattern = str(schema["pattern"])
        for other in (value.upper(), value.lower()):
            if other != value and re.search(pattern, other):
                yield "pattern", pattern, True, other
                break
        for wrong in (value + value[-1:], value[:-1], f"{value} "):
            if not re.search(pattern, wrong):
                yield "pattern", pattern, False, wrong
                break
        return
    if kind == "string" and "format" not in schema:
        if "maxLength" in schema:
            limit = int(schema["maxLength"])
            yield "maxLength", str(limit), True, "a" * limit
            yield "maxLength", str(limit), False, "a" * (limit + 1)
        if "minLength" in schema:
            limit = int(schema["minLength"])
            yield "minLength", str(limit), True, "a" * limit
            if limit > 0:
                yield "minLength", str(limit), False, "a" * (limit - 1)
    if kind in ("integer", "number"):
        for keyword, step in (("maximum", 1), ("minimum", -1)):
            if keyword in schema:
                limit = schema[keyword]
                yield keyword, str(limit), True, limit
                yield keyword, str(limit), False, limit + step
    if kind == "array" and isinstance(schema.get("items"), Mapping):
        existing = value if isinstance(value, list) else []
        for keyword, step in (("maxItems", 1), ("minItems", -1)):
            items = schema.get(keyword)
            if items is None or items + step < 0 or items + step > MAX_GENERATED_ITEMS:
                continue
            for count, at in ((int(items), True), (int(items) + step, False)):
                made = _items(schema["items"], existing, count)
                if made is not None:
                    yield keyword, str(items), at, made


def _body_edges(
    document: Mapping[str, Any],
    schema: Any,
    value: Any,
    path: Path,
    where: str,
    depth: int = 0,
    at_only: bool = False,
) -> Iterator[tuple[Constraint, bool, Path, Any]]:
    if depth > 30:
        return
    flat = _flatten(document, schema, value)
    for keyword, limit, at, new in _edges(flat, value, True):
        if at or not at_only:
            yield Constraint("body", where, keyword, limit), at, path, new
    if isinstance(value, Mapping):
        properties = flat.get("properties") or {}
        resolved = _resolve(document, schema)
        # A value outside the discriminator's enum is not past a limit: it leaves every branch.
        tag = ((resolved.get("discriminator") or {}).get("propertyName")
               if isinstance(resolved, Mapping) else None)  # fmt: skip
        for name, sub in properties.items():
            child = _join(where, str(name))
            if name in value:
                yield from _body_edges(document, sub, value[name], (*path, name), child,
                                       depth + 1, at_only=name == tag)  # fmt: skip
                continue
            # Left out by the example: added where a value can be made from the schema.
            leaf = _flatten(document, sub)
            if leaf.get("type") in ("string", "integer", "number", "array") or "enum" in leaf:
                for keyword, limit, at, new in _edges(leaf, None, False):
                    yield Constraint("body", child, keyword, limit), at, (*path, name), new
    elif isinstance(value, list) and isinstance(flat.get("items"), Mapping):
        seen: set[str] = set()
        for index, item in enumerate(value):
            # One item per branch (each event type of a mixed array), not every item.
            shape = json.dumps(_flatten(document, flat["items"], item), sort_keys=True)
            if shape in seen:
                continue
            seen.add(shape)
            yield from _body_edges(document, flat["items"], item, (*path, index), f"{where}[]",
                                   depth + 1)  # fmt: skip


def _param_edges(
    param: Mapping[str, Any], schema: Mapping[str, Any], value: str | None
) -> Iterator[tuple[str, str, bool, Any]]:
    if schema.get("type", "string") != "string":
        return
    yield from _edges(schema, value, value is not None)
    if param.get("in") == "query" and "enum" not in schema and "pattern" not in schema:
        for length in LONG_VALUES:
            if length != schema.get("maxLength"):
                yield "", "", True, "a" * length


def boundaries(spec: Spec, bases: list[Sample]) -> list[Boundary]:
    """Samples at each limit and one past it, each made from one of `bases` (valid requests: the
    spec's examples) by changing one value: a query or header parameter, or a body field."""
    definition, params = _operation(spec)
    schema = _json_body_schema(spec, definition)
    found: list[Boundary] = []
    seen: set[str] = set()

    def add(sample: Sample, constraint: Constraint | None, at: bool, side: str) -> None:
        # Each side of a body limit once; a parameter's once per body form (media type).
        if side not in seen:
            seen.add(side)
            found.append(Boundary(sample, constraint, at))

    for base in bases:
        for param in params:
            place, name = str(param.get("in")), str(param.get("name"))
            if place not in ("query", "header"):
                continue  # a path parameter names a resource: another one is not at a limit
            flat = _flatten(spec.document, param.get("schema") or {})
            present = base.query if place == "query" else base.headers
            for keyword, limit, at, new in _param_edges(param, flat, present.get(name)):
                note = f"{place} {name} of {len(new)} characters" if not keyword else (
                    f"{place} {name} {'at' if at else 'past'} {keyword} {limit}")  # fmt: skip
                constraint = Constraint(place, name, keyword, limit) if keyword else None
                changed = {**present, name: str(new)}
                sample = (
                    Sample(base.body, note=note, query=changed, headers=dict(base.headers))
                    if place == "query"
                    else Sample(base.body, note=note, query=dict(base.query), headers=changed)
                )
                form = base.headers.get("Content-Type", "")
                add(sample, constraint, at, f"{place} {name} {keyword} {new} {form}")
        if schema is None or not isinstance(base.body, list | dict):
            continue
        for constraint, at, path, new in _body_edges(spec.document, schema, base.body, (), ""):
            side = "at" if at else "past"
            shown = new if not isinstance(new, list) else f"{len(new)} items"
            value = str(shown) if len(str(shown)) <= 40 else f"{len(str(shown))} characters"
            note = f"{constraint.where or 'body'} {side} {constraint.keyword} {constraint.limit}"
            sample = Sample(_set(base.body, path, new), note=f"{note} ({value})",
                            query=dict(base.query), headers=dict(base.headers))  # fmt: skip
            add(sample, constraint, at, f"{constraint.key} {at} {json.dumps(new, default=str)}")
    return found
