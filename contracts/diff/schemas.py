"""Comparing two schemas as a client sees them: $refs followed, allOf merged, nullability read in
both dialects, readOnly/writeOnly by side, every JSON Schema 2020-12 keyword.

Normal form (`flat`): a schema's $ref followed (3.1 siblings of $ref merged over it), its allOf
parts merged into it (properties and required joined, the tighter of two limits kept, enums
intersected), a boolean schema as {} / {not: {}}, 3.0 `exclusiveMinimum: true` + `minimum: 5` as
3.1's `exclusiveMinimum: 5`, and nullability as one flag `nullable` whatever the dialect: 3.0
`nullable: true`, 3.1 `type: [T, 'null']`, `null` in an enum, a `{type: 'null'}` variant of anyOf
or oneOf (a union left with one variant is that variant).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import Any, Final

from ..specs import Spec
from . import lifecycle
from .context import Where, resolve, same
from .rules import REQ, Change

# Two field names at least this alike (difflib ratio, case-free) are one rename when one went and
# the other came: keyPagesIndices/keyPageIndices is 0.97, title/subtitle 0.77, city/country 0.55.
RENAME_RATIO: Final = 0.85

MAXIMA: Final = ("maxLength", "maxItems", "maxProperties", "maximum", "maxContains")
MINIMA: Final = ("minLength", "minItems", "minProperties", "minimum", "minContains")
PATTERNS: Final = ("pattern", "x-key-pattern")
# Patterns every string matches: loosening a pattern to one of these is removing it.
UNIVERSAL_PATTERNS: Final = frozenset(
    {"", ".*", "^.*", ".*$", "^.*$", "(.*)", "^(.*)$", "[\\s\\S]*", "^[\\s\\S]*$", "^[\\s\\S]*"}
)
# Subschemas compared like the schema holding them (same side, a location of their own).
SUBSCHEMAS: Final = (
    "contains", "propertyNames", "then", "else", "unevaluatedItems", "unevaluatedProperties",
    "additionalItems", "contentSchema",
)  # fmt: skip
OPAQUE: Final = ("if", "not")  # their effect is not monotonic: any change is a limit-changed
KEYED: Final = ("prefixItems", "patternProperties", "dependentSchemas")
FORMATS: Final = ("format", "contentMediaType", "contentEncoding")
# Not contract, or handled elsewhere (compared by this module, or by the union and type logic).
IGNORED: Final = frozenset({
    "description", "summary", "title", "example", "examples", "externalDocs", "xml", "$comment",
    "$id", "$schema", "$anchor", "$dynamicAnchor", "$defs", "definitions", "discriminator",
    "readOnly", "writeOnly", "deprecated", "nullable", "$ref", "allOf", "anyOf", "oneOf", "type",
    "enum", "const", "default", "properties", "required", "additionalProperties", "items",
    "multipleOf", "uniqueItems", "exclusiveMaximum", "exclusiveMinimum", "dependentRequired",
    "$dynamicRef", "$vocabulary",
    *MAXIMA, *MINIMA, *PATTERNS, *SUBSCHEMAS, *OPAQUE, *KEYED, *FORMATS,
})  # fmt: skip
# Formats of one type ordered narrow to wide; a missing format is the widest.
WIDTHS: Final = {"int32": ("integer", 0), "int64": ("integer", 1), "float": ("number", 0),
                 "double": ("number", 1)}  # fmt: skip

# The $refs a schema's normal form went through (its own, its allOf parts'): a pair of these
# met again further down is a recursion, compared once.
REFS: Final = "x-diff-refs"
Seen = frozenset[tuple[frozenset[str], frozenset[str]]]


# --- the normal form ---------------------------------------------------------------------------


def ref_name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    return str(ref).rsplit("/", 1)[-1] if ref else None


def flat(spec: Spec, node: Any, stack: tuple[str, ...] = ()) -> dict[str, Any]:
    """The normal form of a schema (see the module docstring). `stack`: the $refs being
    flattened, so that `Node: {allOf: [{$ref: Node}]}` ends (as the empty schema)."""
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    if isinstance(ref, str):
        if ref in stack or len(stack) > 32:
            return {}
        stack = (*stack, ref)
    schema = dict(resolve(spec, node))
    if isinstance(ref, str):
        schema[REFS] = frozenset({ref}) | schema.get(REFS, frozenset())
    for part in schema.pop("allOf", None) or []:
        schema = _merge(schema, flat(spec, part, stack))
    for key, bound in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if schema.get(key) is True and bound in schema:
            schema[key] = schema.pop(bound)
        elif schema.get(key) is False:
            del schema[key]
    return _nullability(spec, schema, stack)


def _merge(into: dict[str, Any], part: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(into)
    for key, value in part.items():
        if key == REFS:
            merged[key] = merged.get(key, frozenset()) | value
        elif key not in merged:
            merged[key] = value
        elif key == "properties":
            props = dict(merged[key])
            for name, schema in value.items():
                props[name] = {"allOf": [props[name], schema]} if name in props else schema
            merged[key] = props
        elif key == "required":
            merged[key] = [*merged[key], *(n for n in value if n not in merged[key])]
        elif key in MAXIMA and _number(value) and _number(merged[key]):
            merged[key] = min(merged[key], value)
        elif key in MINIMA and _number(value) and _number(merged[key]):
            merged[key] = max(merged[key], value)
        elif key == "enum" and isinstance(value, list):
            merged[key] = [v for v in merged[key] if any(same(v, w) for w in value)]
    return merged


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_null(spec: Spec, node: Any) -> bool:
    schema = resolve(spec, node)
    return (
        schema.get("type") in ("null", ["null"])
        or ("const" in schema and schema["const"] is None)
        or schema.get("enum") == [None]
    )


def _nullability(spec: Spec, schema: dict[str, Any], stack: tuple[str, ...]) -> dict[str, Any]:
    nullable = schema.get("nullable") is True
    types = schema.get("type")
    if isinstance(types, list):
        kept = [t for t in types if t != "null"]
        nullable = nullable or len(kept) < len(types)
        schema["type"] = kept[0] if len(kept) == 1 else sorted(kept) if kept else "null"
    enum = schema.get("enum")
    if isinstance(enum, list) and None in enum and enum != [None]:
        nullable = True
        schema["enum"] = [value for value in enum if value is not None]
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if not isinstance(options, list):
            continue
        rest = [option for option in options if not _is_null(spec, option)]
        if len(rest) == len(options) or not rest:
            continue
        nullable = True
        if len(rest) == 1:
            outer = {k: v for k, v in schema.items() if k not in (key, "discriminator")}
            schema = _merge(outer, flat(spec, rest[0], stack))
            if ref_name(rest[0]):
                schema["x-diff-name"] = ref_name(rest[0])
        else:
            schema[key] = rest
    schema.pop("nullable", None)
    if nullable:
        schema["nullable"] = True
    return schema


def types(schema: Mapping[str, Any]) -> frozenset[str] | None:
    """The JSON types a schema allows (None: any); a union is `oneOf`/`anyOf`."""
    declared = schema.get("type")
    if isinstance(declared, str):
        return frozenset({declared})
    if isinstance(declared, list):
        return frozenset(map(str, declared))
    if "properties" in schema or "additionalProperties" in schema:
        return frozenset({"object"})
    if "items" in schema or "prefixItems" in schema:
        return frozenset({"array"})
    if "oneOf" in schema or "anyOf" in schema:
        return frozenset({"oneOf" if "oneOf" in schema else "anyOf"})
    return None


def type_name(found: frozenset[str] | None) -> str | None:
    if found is None:
        return None
    return "|".join(sorted(found))


def _covers(wide: frozenset[str], kind: str) -> bool:
    return kind in wide or (kind == "integer" and "number" in wide)


def type_change(old: frozenset[str] | None, new: frozenset[str] | None) -> str | None:
    """None when the same; else type-widened, type-narrowed or type-changed."""
    if old == new:
        return None
    unions = {"oneOf", "anyOf"}
    if (old and old & unions) or (new and new & unions):
        return "type-changed"
    if new is None:
        return "type-widened"
    if old is None:
        return "type-narrowed"
    if all(_covers(new, kind) for kind in old):
        return "type-widened"
    if all(_covers(old, kind) for kind in new):
        return "type-narrowed"
    return "type-changed"


def summary(spec: Spec, node: Any) -> str:
    """A schema in a few words for old/new: `integer int64`, `string`, `array`."""
    schema = flat(spec, node)
    kind = type_name(types(schema)) or "any"
    return f"{kind} {schema['format']}" if "format" in schema else kind


def canon(spec: Spec, node: Any, stack: tuple[str, ...] = ()) -> Any:
    """A schema fully resolved, without what is not contract: equal canons are one schema
    however it is written (inline or behind a $ref)."""
    if isinstance(node, list):
        return [canon(spec, item, stack) for item in node]
    if not isinstance(node, Mapping):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        if ref in stack:
            return {"$cycle": ref}
        stack = (*stack, ref)
        node = resolve(spec, node)
    return {
        key: canon(spec, value, stack)
        for key, value in sorted(node.items())
        if key not in ("description", "title", "example", "examples", "$comment")
        and not (key.startswith("x-") and key not in ("x-extensible-enum", "x-key-pattern"))
    }


# --- comparing ---------------------------------------------------------------------------------


def compare(here: Where, old_node: Any, new_node: Any, seen: Seen = frozenset()) -> list[Change]:
    """The changes from one schema to another at `here`."""
    refs = (ref_name(old_node), ref_name(new_node))
    old, new = flat(here.old, old_node), flat(here.new, new_node)
    key = (old.get(REFS, frozenset()), new.get(REFS, frozenset()))
    if key[0] or key[1]:
        if key in seen:  # a recursive schema: this pair is being compared further up
            return []
        seen = seen | {key}
    old_types, new_types = types(old), types(new)
    if (old_types or {""}) & {"oneOf", "anyOf"} and old_types == new_types:
        name = new.get("x-diff-name") or refs[1] or refs[0]
        changes = _keywords(here, old, new, seen, False)
        before = (old.get("discriminator") or {}).get("propertyName")
        after = (new.get("discriminator") or {}).get("propertyName")
        if before != after:
            changes.append(here.change("discriminator-changed", before, after))
        return changes + unions(here, old, new, name, seen)
    kind = type_change(old_types, new_types)
    if kind == "type-changed":
        # Below a type change nothing compares: one change says it all.
        return [here.change(kind, type_name(old_types), type_name(new_types))]
    changes = [here.change(kind, type_name(old_types), type_name(new_types))] if kind else []
    changes += _keywords(here, old, new, seen, kind is None)
    changes += properties(here, old, new, seen)
    changes += _additional(here, old, new, seen)
    changes += _items(here, old, new, seen)
    return changes


def _keywords(
    here: Where, old: Mapping[str, Any], new: Mapping[str, Any], seen: Seen, same_type: bool
) -> list[Change]:
    changes: list[Change] = []
    if same_type:
        changes += _format(here, old.get("format"), new.get("format"))
    for key in FORMATS[1:]:
        if not same(old.get(key), new.get(key)):
            changes.append(here.change("format-changed", old.get(key), new.get(key), key))
    was_nullable, is_nullable = bool(old.get("nullable")), bool(new.get("nullable"))
    if was_nullable != is_nullable:
        kind = "nullable-added" if is_nullable else "nullable-removed"
        changes.append(here.change(kind, was_nullable, is_nullable))
    if "default" not in old and "default" in new:
        changes.append(here.change("default-added", None, new["default"]))
    elif "default" in old and "default" not in new:
        changes.append(here.change("default-removed", old["default"], None))
    elif "default" in old and not same(old["default"], new["default"]):
        changes.append(here.change("default-changed", old["default"], new["default"]))
    changes += _enum(here, old.get("enum"), new.get("enum"))
    changes += _extensible(here, old.get("x-extensible-enum"), new.get("x-extensible-enum"))
    if "const" in old and "const" in new and not same(old["const"], new["const"]):
        changes.append(here.change("const-changed", old["const"], new["const"]))
    elif ("const" in old) != ("const" in new):
        kind = "limit-tightened" if "const" in new else "limit-loosened"
        changes.append(here.change(kind, old.get("const"), new.get("const"), "const"))
    changes += _limits(here, old, new)
    changes += lifecycle.changes(here, old, new)
    changes += _subschemas(here, old, new, seen)
    for key in sorted({*old, *new} - IGNORED):
        if not key.startswith("x-") and not same(old.get(key), new.get(key)):
            changes.append(here.change("keyword-changed", old.get(key), new.get(key), key))
    return changes


def _format(here: Where, old: str | None, new: str | None) -> list[Change]:
    if old == new:
        return []
    old_width, new_width = WIDTHS.get(old or ""), WIDTHS.get(new or "")
    if old is None and new_width:
        old_width = (new_width[0], 2)
    if new is None and old_width:
        new_width = (old_width[0], 2)
    if old_width and new_width and old_width[0] == new_width[0]:
        kind = "format-widened" if new_width[1] > old_width[1] else "format-narrowed"
    else:
        kind = "format-changed"
    return [here.change(kind, old, new)]


def _enum(here: Where, old: list[Any] | None, new: list[Any] | None) -> list[Change]:
    if old is None and new is None:
        return []
    if old is None:
        return [here.change("limit-tightened", None, new, "enum")]
    if new is None:
        return [here.change("limit-loosened", old, None, "enum")]
    changes = [
        here.change("enum-value-removed", value, None)
        for value in old
        if not any(same(value, other) for other in new)
    ]
    changes += [
        here.change("enum-value-added", None, value)
        for value in new
        if not any(same(value, other) for other in old)
    ]
    return changes


def _extensible(here: Where, old: Any, new: Any) -> list[Change]:
    """`x-extensible-enum` (Zalando's guidelines): values a client may send, and a promise to
    readers that more will come."""
    old = old if isinstance(old, list) else []
    new = new if isinstance(new, list) else []
    changes = [
        here.change("extensible-enum-value-removed", value, None, "x-extensible-enum")
        for value in old
        if not any(same(value, other) for other in new)
    ]
    changes += [
        here.change("extensible-enum-value-added", None, value, "x-extensible-enum")
        for value in new
        if not any(same(value, other) for other in old)
    ]
    return changes


def _limits(here: Where, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    changes: list[Change] = []
    key_limits = sorted({k for k in (*old, *new) if k.startswith("x-key-max-length")})
    for key in (*MAXIMA, *key_limits, "exclusiveMaximum"):
        changes += _bound(here, key, old.get(key), new.get(key), smaller_is_tighter=True)
    for key in (*MINIMA, "exclusiveMinimum"):
        changes += _bound(here, key, old.get(key), new.get(key), smaller_is_tighter=False)
    for key in PATTERNS:
        before, after = old.get(key), new.get(key)
        before = None if before in UNIVERSAL_PATTERNS else before
        after = None if after in UNIVERSAL_PATTERNS else after
        if before != after:
            kind = (
                "limit-tightened" if before is None
                else "limit-loosened" if after is None
                else "limit-changed"
            )  # fmt: skip
            changes.append(here.change(kind, old.get(key), new.get(key), key))
    before, after = bool(old.get("uniqueItems")), bool(new.get("uniqueItems"))
    if before != after:
        kind = "limit-tightened" if after else "limit-loosened"
        changes.append(here.change(kind, before, after, "uniqueItems"))
    before, after = old.get("multipleOf"), new.get("multipleOf")
    if before != after:
        if before is None or (after is not None and after % before == 0):
            kind = "limit-tightened"  # every multiple of the new step is one of the old
        elif after is None or before % after == 0:
            kind = "limit-loosened"
        else:
            kind = "limit-changed"
        changes.append(here.change(kind, before, after, "multipleOf"))
    changes += _dependent_required(here, old, new)
    return changes


def _bound(here: Where, key: str, old: Any, new: Any, *, smaller_is_tighter: bool) -> list[Change]:
    if old == new or not (old is None or _number(old)) or not (new is None or _number(new)):
        return []
    if old is None:
        tighter = True
    elif new is None:
        tighter = False
    else:
        tighter = (new < old) == smaller_is_tighter
    return [here.change("limit-tightened" if tighter else "limit-loosened", old, new, key)]


def _dependent_required(
    here: Where, old: Mapping[str, Any], new: Mapping[str, Any]
) -> list[Change]:
    before: Mapping[str, Any] = old.get("dependentRequired") or {}
    after: Mapping[str, Any] = new.get("dependentRequired") or {}
    changes: list[Change] = []
    for name in sorted({*before, *after}):
        was, now = set(before.get(name, [])), set(after.get(name, []))
        if was == now:
            continue
        kind = (
            "limit-tightened" if now > was else "limit-loosened" if now < was else "limit-changed"
        )
        changes.append(here.change(kind, sorted(was) or None, sorted(now) or None,
                                   f"dependentRequired/{name}"))  # fmt: skip
    return changes


def _subschemas(
    here: Where, old: Mapping[str, Any], new: Mapping[str, Any], seen: Seen
) -> list[Change]:
    changes: list[Change] = []
    for key in SUBSCHEMAS:
        changes += _subschema(here, key, old.get(key), new.get(key), seen, key)
    for key in OPAQUE:
        before, after = old.get(key), new.get(key)
        if before is None and after is None:
            continue
        if not same(canon(here.old, before), canon(here.new, after)):
            kind = (
                "limit-tightened" if before is None
                else "limit-loosened" if after is None
                else "limit-changed"
            )  # fmt: skip
            changes.append(here.change(kind, before, after, key))
    for key in KEYED:
        before, after = old.get(key), new.get(key)
        if isinstance(before, list) or isinstance(after, list):
            before = dict(enumerate(before or []))
            after = dict(enumerate(after or []))
        before, after = before or {}, after or {}
        for name in [*before, *(n for n in after if n not in before)]:
            label = f"{key}/{name}"
            changes += _subschema(here, label, before.get(name), after.get(name), seen, label)
    return changes


def _subschema(
    here: Where, key: str, before: Any, after: Any, seen: Seen, label: str
) -> list[Change]:
    """A subschema keyword: absent (or true) is the loosest, false the tightest."""
    before = None if before is True else before
    after = None if after is True else after
    if (before is None and after is None) or (before is False and after is False):
        return []
    if before is None or after is False:
        return [here.change("limit-tightened", before, after, key)]
    if after is None or before is False:
        return [here.change("limit-loosened", before, after, key)]
    return compare(here.at(f"{here.path}[{label}]"), before, after, seen)


def _items(here: Where, old: Mapping[str, Any], new: Mapping[str, Any], seen: Seen) -> list[Change]:
    before, after = old.get("items"), new.get("items")
    if before is None and after is None:
        return []
    if before is False or after is False:
        return _subschema(here, "items", before, after, seen, "items")
    return compare(here.at(f"{here.path}[]"), before or {}, after or {}, seen)


def _additional(
    here: Where, old: Mapping[str, Any], new: Mapping[str, Any], seen: Seen
) -> list[Change]:
    before, after = old.get("additionalProperties"), new.get("additionalProperties")
    if (before is False) != (after is False):
        kind = "limit-tightened" if after is False else "limit-loosened"
        return [here.change(kind, before, after, "additionalProperties")]
    if isinstance(before, Mapping) or isinstance(after, Mapping):
        before = before if isinstance(before, Mapping) else {}
        after = after if isinstance(after, Mapping) else {}
        return compare(here.at(f"{here.path}.*"), before, after, seen)
    return []


# --- properties --------------------------------------------------------------------------------


def _visible(here: Where, spec: Spec, schema: Mapping[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """The properties a client meets on this side (a request never carries readOnly ones, a
    response never writeOnly ones), and the required names among them."""
    hidden = "readOnly" if here.side == REQ else "writeOnly"
    props = {
        name: prop
        for name, prop in (schema.get("properties") or {}).items()
        if not flat(spec, prop).get(hidden)
    }
    gone = set(schema.get("properties") or {}) - set(props)
    return props, {str(name) for name in schema.get("required") or []} - gone


def properties(
    here: Where, old: Mapping[str, Any], new: Mapping[str, Any], seen: Seen
) -> list[Change]:
    old_props, old_required = _visible(here, here.old, old)
    new_props, new_required = _visible(here, here.new, new)
    renamed = renames(
        [name for name in old_props if name not in new_props],
        [name for name in new_props if name not in old_props],
        lambda name: types(flat(here.old, old_props[name])),
        lambda name: types(flat(here.new, new_props[name])),
    )
    changes: list[Change] = []
    for name, schema in old_props.items():
        target = name if name in new_props else renamed.get(name)
        if target is None:
            kind = "required-field-removed" if name in old_required else "field-removed"
            kind = lifecycle.removal(kind, flat(here.old, schema), here.options)
            changes.append(here.field(name).change(kind, summary(here.old, schema), None))
            continue
        where = here.field(target)
        if target != name:
            kind = "required-field-renamed" if name in old_required else "field-renamed"
            changes.append(where.change(kind, name, target))
        changes += required(where, name in old_required, target in new_required)
        changes += compare(where, schema, new_props[target], seen)
    for name, schema in new_props.items():
        if name not in old_props and name not in renamed.values():
            kind = "required-field-added" if name in new_required else "field-added"
            changes.append(here.field(name).change(kind, None, summary(here.new, schema)))
    # Names required without a property schema here (`then: {required: [x]}`).
    all_old = set(old.get("properties") or {}) | set(old_props)
    all_new = set(new.get("properties") or {}) | set(new_props)
    for name in sorted((old_required - all_old) ^ (new_required - all_new)):
        if name in all_old or name in all_new:
            continue
        changes += required(here.field(name), name in old_required, name in new_required)
    return changes


def required(here: Where, was: bool, now: bool) -> list[Change]:
    if was == now:
        return []
    return [here.change("became-required" if now else "became-optional", was, now)]


def renames(
    gone: list[str],
    came: list[str],
    old_type: Callable[[str], Any],
    new_type: Callable[[str], Any],
    name: Callable[[str], str] = str,
) -> dict[str, str]:
    """Which gone names reappear respelled: same type, names alike, the best pairs first."""
    scored = sorted(
        (-difflib.SequenceMatcher(None, name(a).lower(), name(b).lower()).ratio(), a, b)
        for a in gone
        for b in came
        if old_type(a) == new_type(b)
    )
    pairs: dict[str, str] = {}
    for negative_ratio, a, b in scored:
        if -negative_ratio < RENAME_RATIO:
            break
        if a not in pairs and b not in pairs.values():
            pairs[a] = b
    return pairs


# --- unions ------------------------------------------------------------------------------------


def _variants(union: Mapping[str, Any], holder: str) -> dict[str, tuple[str, Any]]:
    """key -> (label, schema) for each variant: the discriminator mapping key when there is one,
    else the component name, else the position."""
    options = union.get("oneOf") or union.get("anyOf") or []
    mapping = (union.get("discriminator") or {}).get("mapping") or {}
    key_of = {str(target).rsplit("/", 1)[-1]: key for key, target in mapping.items()}
    found: dict[str, tuple[str, Any]] = {}
    for index, option in enumerate(options, 1):
        name = ref_name(option)
        key = (key_of.get(name) if name else None) or name or f"#{index}"
        found[str(key)] = (name or f"{holder}(variant {index})", option)
    return found


def unions(
    here: Where, old: Mapping[str, Any], new: Mapping[str, Any], name: str | None, seen: Seen
) -> list[Change]:
    holder = name or here.path
    old_variants, new_variants = _variants(old, holder), _variants(new, holder)
    # A variant unmatched by key whose schema is the same as an unmatched one of the other side
    # (moved inline -> $ref, or its component renamed) is the same variant.
    gone = [key for key in old_variants if key not in new_variants]
    came = [key for key in new_variants if key not in old_variants]
    canons = {key: _canon_text(here.new, new_variants[key][1]) for key in came}
    for key in gone:
        text = _canon_text(here.old, old_variants[key][1])
        twin = next((k for k in came if canons[k] == text), None)
        if twin is not None:
            came.remove(twin)
            del old_variants[key], new_variants[twin]
    changes: list[Change] = []
    matched: list[tuple[str, list[Change]]] = []
    for key, (label, option) in old_variants.items():
        if key not in new_variants:
            changes.append(here.at(label).change("variant-removed", key, None))
            continue
        new_label, new_option = new_variants[key]
        where = here.at(new_label)
        matched.append((where.location(), compare(where, option, new_option, seen)))
    for key, (label, _) in new_variants.items():
        if key not in old_variants:
            changes.append(here.at(label).change("variant-added", None, key))
    return changes + _collapse(here.at(holder).location(), matched)


def _canon_text(spec: Spec, node: Any) -> str:
    return json.dumps(canon(spec, node), sort_keys=True, default=str)


def _collapse(holder: str, matched: list[tuple[str, list[Change]]]) -> list[Change]:
    """Changes found alike in every variant (a shared base's field) once, on the union's name;
    then the rest, variant by variant."""
    relative = [[_relative(base, change) for change in found] for base, found in matched]
    common: list[Change] = []
    if len(matched) > 1:
        common = [
            change
            for change in relative[0]
            if change is not None and all(change in others for others in relative[1:])
        ]
    kept = [replace(change, location=holder + change.location) for change in common]
    for (_, found), rels in zip(matched, relative, strict=True):
        kept += [change for change, rel in zip(found, rels, strict=True) if rel not in common]
    return kept


def _relative(base: str, change: Change) -> Change | None:
    """The change with its location relative to the variant (`.href maxLength`), or None when it
    lies elsewhere (under a nested union's own names)."""
    rest = change.location[len(base) :]
    if change.location.startswith(base) and (not rest or rest[0] in ".[ "):
        return replace(change, location=rest)
    return None


def iter_refs(node: Any) -> Iterator[str]:
    """Every $ref in a node."""
    if isinstance(node, Mapping):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from iter_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from iter_refs(value)
