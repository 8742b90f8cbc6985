"""The event model of `/visit/events`, read from each edition's spec.

The spec is the single source of the fields, types and limits; this module compiles it into
tables (`Edition`) that the codec, the rules and the strategies share, so a limit changed in the
spec changes all three.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from ...vendor import DocRef, Spec
from . import API

Kind = Literal[
    "string",
    "int32",
    "int64",
    "double",
    "boolean",
    "int32_list",  # JSON array of int32 (keyPageIndices, referrerIndices)
    "metadata",  # JSON object: int32 id -> array of strings (CONVERSION metadata)
    "values_count_map",  # JSON object: value -> int32 count (CUSTOMDATA valuesCountMap)
]
JSON_KINDS = frozenset({"int32_list", "metadata", "values_count_map"})
INT_RANGES = {"int32": (-(2**31), 2**31 - 1), "int64": (-(2**63), 2**63 - 1)}
# The site code the samples carry and `contracts check` sends (here, not in strategies.py, so that
# the checks room loads without Hypothesis).
SITE_CODE = "a1b2c3d4e5"


@dataclass(frozen=True)
class FieldSpec:
    """One field of an event, as the spec states it."""

    name: str
    kind: Kind
    doc: DocRef
    required: bool = False
    max_length: int | None = None  # strings
    enum: tuple[str, ...] | None = None
    nullable_items: bool = False  # int32_list items may be null ("null for other")
    max_entries: int | None = None  # metadata ids, valuesCountMap values
    max_values: int | None = None  # metadata values per id
    max_value_length: int | None = None  # metadata value length; valuesCountMap key length
    max_value_length_mapping: int | None = None  # valuesCountMap key length with mappingIdentifier
    default: Any = None
    nullable: bool = False  # scalars the page says may be null ("null for other", R:62, R:68)
    rule: str = ""  # the stem of its rules' names: `nonce`, `PAGE.href` (set by `edition`)


@dataclass(frozen=True)
class EventSpec:
    event_type: str  # canonical spelling, upper case
    fields: Mapping[str, FieldSpec]  # the common fields and the type's own (not eventType)
    doc: DocRef

    @functools.cached_property
    def required(self) -> tuple[str, ...]:
        return tuple(name for name, field in self.fields.items() if field.required)


@dataclass(frozen=True)
class QueryParam:
    name: str
    kind: Kind
    required: bool
    doc: DocRef
    max_length: int | None = None
    min_length: int | None = None


@dataclass(frozen=True)
class Edition:
    name: str
    spec: Spec
    events: Mapping[str, EventSpec]  # by canonical event type
    common: Mapping[str, FieldSpec]  # fields every event may carry (visitorCode, nonce, ...)
    query: Mapping[str, QueryParam]
    max_body_bytes: int  # the limit read in binary units (MiB): above it, 413
    body_doc: DocRef
    event_type_doc: DocRef

    @property
    def page(self) -> str:
        return self.spec.page

    @property
    def max_body_bytes_si(self) -> int:
        """The same "N MB" read in SI units (N x 1,000,000): between the two readings a service
        could answer either way (rules: body_size_units)."""
        return self.max_body_bytes // 2**20 * 10**6

    def doc(self, line: int | None) -> DocRef:
        return DocRef(self.spec.page, line)

    def field_owner(self, name: str) -> list[str]:
        """The event types that document a field (for 'href is a PAGE field' messages)."""
        return [t for t, event in self.events.items() if name in event.fields]


def _kind(spec: Spec, node: Mapping[str, Any]) -> Kind:
    node = spec.resolve(node)
    kind = node.get("type")
    if kind == "integer":
        return "int64" if node.get("format") == "int64" else "int32"
    if kind == "number":
        return "double"
    if kind == "boolean":
        return "boolean"
    if kind == "array":
        return "int32_list"
    if kind == "object":
        values = spec.resolve(node.get("additionalProperties", {}))
        return "metadata" if values.get("type") == "array" else "values_count_map"
    return "string"


def _field(spec: Spec, name: str, node: Mapping[str, Any], required: bool) -> FieldSpec:
    node = spec.resolve(node)
    kind = _kind(spec, node)
    doc = spec.doc(node)
    if kind == "int32_list":
        items = spec.resolve(node.get("items", {}))
        return FieldSpec(name, kind, doc, required, nullable_items=bool(items.get("nullable")))
    if kind == "metadata":
        values = spec.resolve(node["additionalProperties"])
        return FieldSpec(
            name,
            kind,
            doc,
            required,
            max_entries=node.get("maxProperties"),
            max_values=values.get("maxItems"),
            max_value_length=spec.resolve(values.get("items", {})).get("maxLength"),
        )
    if kind == "values_count_map":
        return FieldSpec(
            name,
            kind,
            doc,
            required,
            max_entries=node.get("maxProperties"),
            max_value_length=node.get("x-key-max-length"),
            max_value_length_mapping=node.get("x-key-max-length-when-mapping-identifier"),
        )
    enum = tuple(node["enum"]) if "enum" in node else None
    return FieldSpec(
        name,
        kind,
        doc,
        required,
        node.get("maxLength"),
        enum,
        default=node.get("default"),
        nullable=bool(node.get("nullable")),
    )


def _object_fields(spec: Spec, node: Mapping[str, Any]) -> dict[str, FieldSpec]:
    node = spec.resolve(node)
    fields: dict[str, FieldSpec] = {}
    for part in node.get("allOf", []):
        fields.update(_object_fields(spec, part))
    required = set(node.get("required", []))
    for name, prop in node.get("properties", {}).items():
        fields[name] = _field(spec, name, prop, name in required)
    return fields


def _query(spec: Spec) -> dict[str, QueryParam]:
    operation = spec.operation("post_visit_events").definition
    params = {}
    for param in operation.get("parameters", []):
        param = spec.resolve(param)
        if param["in"] != "query":
            continue
        schema = spec.resolve(param["schema"])
        params[param["name"]] = QueryParam(
            param["name"],
            _kind(spec, schema),
            bool(param.get("required")),
            spec.doc(param),
            schema.get("maxLength"),
            schema.get("minLength"),
        )
    return params


@functools.cache
def edition(name: str | None = None) -> Edition:
    """The compiled event model of an edition (`current` by default, or `legacy`)."""
    name = name or API.default_edition
    spec = API.spec(name)
    variants = spec.schema("VisitEvent")["discriminator"]["mapping"]
    common = _object_fields(spec, spec.schema("VisitEventCommon"))
    common = {name: replace(field, rule=name) for name, field in common.items()}
    events = {}
    for event_type, ref in variants.items():
        node = spec.resolve({"$ref": ref})
        fields = {
            name: replace(field, rule=name if name in common else f"{event_type}.{name}")
            for name, field in _object_fields(spec, node).items()
            if name != "eventType"  # checked on its own: case-insensitive, picks the event spec
        }
        events[event_type] = EventSpec(event_type, fields, spec.doc(node))
    body = spec.resolve(spec.operation("post_visit_events").definition["requestBody"])
    return Edition(
        name=name,
        spec=spec,
        events=events,
        common=common,
        query=_query(spec),
        max_body_bytes=int(body["x-max-body-bytes"]),
        body_doc=spec.doc(body),
        event_type_doc=spec.doc(spec.schema("EventType")),
    )
