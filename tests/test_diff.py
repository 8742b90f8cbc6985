"""`contracts diff`: the changes between two spec editions, levelled for a client of the API.

The levels asserted here are the policy of contracts/diff/rules.py (RULES), written out by hand
per case, never read back from the code under test. More pairs, one or more per rule, in
tests/diff_corpus.py (run by tests/test_diff_corpus.py)."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

import contracts.diff
from contracts.cli import main
from contracts.diff import POLICY, RULES, diff_files
from contracts.registry import all_specs

Row = tuple[str, str, str]  # (level, kind, location)

# --- the two editions of the Kameleoon Data API --------------------------------------------------
# Written from the pages: R = kameleoon-data-visit-events-reference.txt (older edition, the
# legacy spec), O = kameleoon-data-visit-events-openapi.txt (current edition).
EDITIONS: list[Row] = [
    # No server change: R names no server and the legacy spec takes O's four (O:22-26).
    ("INFO", "default-added", "header User-Agent"),  # O:63 default kameleoon-docs; R:7 none
    # query visitorCode: no limit on either page (O:70-79, R:14); O:107 limits the body field only
    ("ERR", "param-removed", "query mappingValue"),  # R:18; O:64-88 has no mappingValue
    ("ERR", "param-removed", "query delayed"),  # R:22; O:64-88 has no delayed
    ("INFO", "default-added", "query json"),  # O:88 default false; R:26-28 states none
    ("ERR", "body-limit-tightened", "request body"),  # R:32 10 MB -> O:91 3 MB
    # Fields every event carries (R:40-50, O:105-115): reported once, on the union VisitEvent.
    ("ERR", "limit-tightened", "request body VisitEvent.visitorCode maxLength"),  # O:107; R:42
    ("ERR", "field-removed", "request body VisitEvent.mappingValue"),  # R:44; not in O:105-115
    ("ERR", "field-removed", "request body VisitEvent.time"),  # R:46-48; not in O:105-115
    # STATICDATA: R:54-82, O:115-136
    ("ERR", "limit-tightened", "request body StaticDataEvent.browser maxLength"),  # O:121-123
    ("ERR", "nullable-removed", "request body StaticDataEvent.browserIndex"),  # R:62 null; O:123
    ("ERR", "limit-tightened", "request body StaticDataEvent.os maxLength"),  # O:126-128; R:66
    ("ERR", "nullable-removed", "request body StaticDataEvent.osIndex"),  # R:68 null; O:128
    ("ERR", "field-removed", "request body StaticDataEvent.windowWidth"),  # R:70; not in O
    ("ERR", "field-removed", "request body StaticDataEvent.windowHeight"),  # R:72; not in O
    ("ERR", "field-removed", "request body StaticDataEvent.timeZoneId"),  # R:78; not in O
    # PAGE: R:84-96, O:136-149
    ("ERR", "limit-tightened", "request body PageEvent.href maxLength"),  # O:138-140 2048; R:86
    ("ERR", "limit-tightened", "request body PageEvent.canonicalHref maxLength"),  # O:140-142
    ("ERR", "limit-tightened", "request body PageEvent.title maxLength"),  # O:142-144 256; R:90
    ("ERR", "field-renamed", "request body PageEvent.keyPageIndices"),  # R:92 -> O:144
    ("ERR", "nullable-removed", "request body PageEvent.keyPageIndices[]"),  # R:92 null; O:144
    ("ERR", "field-renamed", "request body PageEvent.referrerIndices"),  # R:96 -> O:147
    ("ERR", "nullable-removed", "request body PageEvent.referrerIndices[]"),  # R:96 null; O:147
    # CONVERSION: R:98-104, O:149-162
    ("INFO", "default-added", "request body ConversionEvent.negative"),  # O:155-156 false; R:104
    ("INFO", "field-added", "request body ConversionEvent.metadata"),  # O:157-162; not in R
    # WEATHER: R:124-140, O:178-195
    ("ERR", "limit-tightened", "request body WeatherEvent.weatherCode maxLength"),  # O:193-195
    # CUSTOMDATA: R:142-150, O:195-208
    (
        "ERR",
        "limit-tightened",
        "request body CustomDataEvent.valuesCountMap maxProperties",
    ),  # O:203
    ("INFO", "limit-loosened", "request body CustomDataEvent.valuesCountMap x-key-max-length"),
    # ^ R:146 keys at most 1024 characters -> O:204 2048
    (
        "ERR",
        "limit-tightened",
        "request body CustomDataEvent.valuesCountMap x-key-max-length-when-mapping-identifier",
    ),  # O:204-206 100 when mappingIdentifier is true; R:146 has one limit only
    ("INFO", "default-added", "request body CustomDataEvent.overwrite"),  # O:206-207 true; R:148
    ("INFO", "default-added", "request body CustomDataEvent.mappingIdentifier"),  # O:199; R:150
    # PRODUCT: R:152-154, O:208-211
    ("ERR", "limit-tightened", "request body ProductEvent.ean maxLength"),  # O:210-211 100; R:154
    # GEOLOCATION: R:156-168, O:211-221 (100 characters each)
    ("ERR", "limit-tightened", "request body GeolocationEvent.country maxLength"),  # O:213-214
    ("ERR", "limit-tightened", "request body GeolocationEvent.region maxLength"),  # O:215-216
    ("ERR", "limit-tightened", "request body GeolocationEvent.city maxLength"),  # O:217-218
    ("ERR", "limit-tightened", "request body GeolocationEvent.postalCode maxLength"),  # O:219-220
    # Responses: R:222-226 shows the 202 only; O:263-283 adds six statuses.
    # 400, 403 and 413: both specs declare them (R:224, R:7, R:32 state the refusals, O the codes)
    ("WARN", "status-added", "response 401"),  # O:271; the older page has no Authorization rule
    ("WARN", "status-added", "response 429"),  # O:280
    ("WARN", "status-added", "response 500"),  # O:282
    # Not differences of the specs, by their recorded choices (x-choice): O:50 marks user-agent
    # required yet "Not always required" (kept optional in both); O:110-115 lists eventType in
    # upper case where R:52 says case-insensitive (case-insensitive in both).
]


def rows(changes: list[contracts.diff.Change]) -> list[Row]:
    return [(str(c.level), c.kind, c.location) for c in changes]


def test_editions_diff_lists_every_difference_of_the_pages() -> None:
    """The older page (reference.txt) against the current one (openapi.txt): every difference,
    each at its level for a client, each line of EDITIONS citing the page lines."""
    changes = diff_files("kameleoon-data-legacy", "kameleoon-data")
    assert sorted(rows(changes)) == sorted(EDITIONS)
    assert {c.operation for c in changes} == {"POST /visit/events"}


def test_editions_diff_values() -> None:
    """The values behind the key changes: 10 MB -> 3 MB (reference.txt:32, openapi.txt:91, both
    read as MiB), the respelled index fields (reference.txt:92,96 -> openapi.txt:144,147), the
    custom data key limit 1024 -> 2048 (reference.txt:146, openapi.txt:204)."""
    changes = diff_files("kameleoon-data-legacy", "kameleoon-data")
    found = {(c.kind, c.location): (c.old, c.new) for c in changes}
    assert found["body-limit-tightened", "request body"] == (10 * 1024 * 1024, 3 * 1024 * 1024)
    assert found["field-renamed", "request body PageEvent.keyPageIndices"] == (
        "keyPagesIndices",
        "keyPageIndices",
    )
    assert found["field-renamed", "request body PageEvent.referrerIndices"] == (
        "referrersIndices",
        "referrerIndices",
    )
    key_limit = "request body CustomDataEvent.valuesCountMap x-key-max-length"
    assert found["limit-loosened", key_limit] == (1024, 2048)
    assert found["field-removed", "request body VisitEvent.time"] == ("integer int64", None)


@pytest.mark.parametrize("spec", all_specs(), ids=lambda s: s.name)
def test_a_spec_against_itself_has_no_changes(spec: Any) -> None:
    """Nothing differs between a spec and itself."""
    assert diff_files(str(spec.path), str(spec.path)) == []


# --- synthetic spec pairs ----------------------------------------------------------------------

S: dict[str, Any] = {"type": "string"}
INT: dict[str, Any] = {"type": "integer", "format": "int32"}
REF = "#/components/schemas/"


def document(paths: dict[str, Any], schemas: dict[str, Any] | None = None, **top: Any) -> Any:
    doc: dict[str, Any] = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}}
    doc["paths"] = paths
    if schemas:
        doc["components"] = {"schemas": schemas}
    return doc | top


def obj(*required: str, **properties: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    return schema | ({"required": list(required)} if required else {})


def both_ways(schema_name: str, schemas: dict[str, Any], **operation: Any) -> Any:
    """POST /things sending and answering `schema_name`: one diff shows both directions."""
    ref = {"$ref": REF + schema_name}
    content = {"application/json": {"schema": ref}}
    op = {
        "requestBody": {"required": True, "content": content},
        "responses": {"200": {"description": "ok", "content": content}},
    } | operation
    return document({"/things": {"post": op}}, schemas)


def thing(schema: dict[str, Any]) -> Any:
    return both_ways("Thing", {"Thing": schema})


OK: dict[str, Any] = {"description": "ok"}


def operation(**op: Any) -> dict[str, Any]:
    return {"responses": {"200": OK}} | op


_names = itertools.count()


def write(tmp_path: Path, doc: Any, suffix: str = ".json") -> str:
    path = tmp_path / f"spec{next(_names)}{suffix}"
    if suffix == ".json":
        path.write_text(json.dumps(doc), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return str(path)


Diff = Callable[[Any, Any], set[Row]]


@pytest.fixture
def diff(tmp_path: Path) -> Diff:
    def run(old: Any, new: Any) -> set[Row]:
        found = rows(diff_files(write(tmp_path, old), write(tmp_path, new)))
        assert len(found) == len(set(found)), f"a change reported twice: {found}"
        return set(found)

    return run


def at(where: str, request: str, response: str, kind: str) -> set[Row]:
    """`kind` at Thing.<where> in the request body (level `request`) and in the 200 response
    (level `response`)."""
    return {
        (request, kind, f"request body Thing.{where}"),
        (response, kind, f"response 200 Thing.{where}"),
    }


LIMITED = {"type": "string", "maxLength": 10}
SCHEMA_CASES: list[tuple[str, dict[str, Any], dict[str, Any], set[Row]]] = [
    # The brief's direction rules: the same change, read from the request and from the response.
    ("optional field removed", obj(id=S, note=S), obj(id=S),
     at("note", "ERR", "WARN", "field-removed")),
    ("required field removed", obj("id", "note", id=S, note=S), obj("id", id=S),
     at("note", "ERR", "ERR", "required-field-removed")),
    ("optional field added", obj(id=S), obj(id=S, note=S),
     at("note", "INFO", "INFO", "field-added")),
    ("required field added", obj(id=S), obj("note", id=S, note=S),
     at("note", "ERR", "INFO", "required-field-added")),
    ("field becomes required", obj(note=S), obj("note", note=S),
     at("note", "ERR", "INFO", "became-required")),
    ("field becomes optional", obj("note", note=S), obj(note=S),
     at("note", "INFO", "ERR", "became-optional")),
    ("type changed", obj(n=S), obj(n=INT), at("n", "ERR", "ERR", "type-changed")),
    ("nothing is compared below a type change",
     obj(n={"type": "array", "items": LIMITED}), obj(n=S), at("n", "ERR", "ERR", "type-changed")),
    ("int32 -> int64", obj(n=INT), obj(n=INT | {"format": "int64"}),
     at("n", "INFO", "WARN", "format-widened")),
    ("int64 -> int32", obj(n=INT | {"format": "int64"}), obj(n=INT),
     at("n", "ERR", "INFO", "format-narrowed")),
    ("date -> date-time", obj(d=S | {"format": "date"}), obj(d=S | {"format": "date-time"}),
     at("d", "ERR", "WARN", "format-changed")),
    ("enum value removed", obj(c=S | {"enum": ["RED", "BLUE"]}), obj(c=S | {"enum": ["RED"]}),
     at("c", "ERR", "INFO", "enum-value-removed")),
    ("enum value added", obj(c=S | {"enum": ["RED"]}), obj(c=S | {"enum": ["RED", "BLUE"]}),
     at("c", "INFO", "WARN", "enum-value-added")),
    ("enum introduced", obj(c=S), obj(c=S | {"enum": ["RED"]}),
     at("c enum", "ERR", "INFO", "limit-tightened")),
    ("maxLength lowered", obj(s=LIMITED), obj(s=S | {"maxLength": 5}),
     at("s maxLength", "ERR", "INFO", "limit-tightened")),
    ("maxLength raised", obj(s=LIMITED), obj(s=S | {"maxLength": 20}),
     at("s maxLength", "INFO", "WARN", "limit-loosened")),
    ("maxLength introduced", obj(s=S), obj(s=LIMITED),
     at("s maxLength", "ERR", "INFO", "limit-tightened")),
    ("maxLength dropped", obj(s=LIMITED), obj(s=S),
     at("s maxLength", "INFO", "WARN", "limit-loosened")),
    ("minimum raised", obj(n=INT | {"minimum": 0}), obj(n=INT | {"minimum": 1}),
     at("n minimum", "ERR", "INFO", "limit-tightened")),
    ("minLength lowered", obj(s=S | {"minLength": 2}), obj(s=S | {"minLength": 1}),
     at("s minLength", "INFO", "WARN", "limit-loosened")),
    ("maximum lowered", obj(n=INT | {"maximum": 10}), obj(n=INT | {"maximum": 9}),
     at("n maximum", "ERR", "INFO", "limit-tightened")),
    ("maxItems lowered", obj(a={"type": "array", "items": S, "maxItems": 3}),
     obj(a={"type": "array", "items": S, "maxItems": 2}),
     at("a maxItems", "ERR", "INFO", "limit-tightened")),
    ("pattern changed", obj(s=S | {"pattern": "^a"}), obj(s=S | {"pattern": "^b"}),
     at("s pattern", "ERR", "WARN", "limit-changed")),
    ("nullable removed", obj(n=INT | {"nullable": True}), obj(n=INT),
     at("n", "ERR", "INFO", "nullable-removed")),
    ("nullable added", obj(n=INT), obj(n=INT | {"nullable": True}),
     at("n", "INFO", "WARN", "nullable-added")),
    ("default added", obj(b={"type": "boolean"}), obj(b={"type": "boolean", "default": True}),
     at("b", "INFO", "INFO", "default-added")),
    ("default changed", obj(b={"type": "boolean", "default": False}),
     obj(b={"type": "boolean", "default": True}), at("b", "WARN", "INFO", "default-changed")),
    ("default removed", obj(b={"type": "boolean", "default": True}), obj(b={"type": "boolean"}),
     at("b", "WARN", "INFO", "default-removed")),
    ("array items", obj(tags={"type": "array", "items": LIMITED}),
     obj(tags={"type": "array", "items": S | {"maxLength": 5}}),
     at("tags[] maxLength", "ERR", "INFO", "limit-tightened")),
    ("map values", obj(m={"type": "object", "additionalProperties": INT | {"maximum": 9}}),
     obj(m={"type": "object", "additionalProperties": INT | {"maximum": 5}}),
     at("m.* maximum", "ERR", "INFO", "limit-tightened")),
    ("map keys (x-key-max-length)",
     obj(m={"type": "object", "x-key-max-length": 10, "additionalProperties": INT}),
     obj(m={"type": "object", "x-key-max-length": 5, "additionalProperties": INT}),
     at("m x-key-max-length", "ERR", "INFO", "limit-tightened")),
    ("map keys (x-key-pattern)", obj(m={"type": "object", "additionalProperties": INT}),
     obj(m={"type": "object", "x-key-pattern": "^[0-9]+$", "additionalProperties": INT}),
     at("m x-key-pattern", "ERR", "INFO", "limit-tightened")),
    ("maxProperties introduced", obj(m={"type": "object", "additionalProperties": INT}),
     obj(m={"type": "object", "maxProperties": 256, "additionalProperties": INT}),
     at("m maxProperties", "ERR", "INFO", "limit-tightened")),
    ("closed to extra fields", obj(id=S), obj(id=S) | {"additionalProperties": False},
     {("ERR", "limit-tightened", "request body Thing additionalProperties"),
      ("INFO", "limit-tightened", "response 200 Thing additionalProperties")}),
    # Renames: a removed and an added field whose names are close are one change.
    ("field respelled", obj(keyPagesIndices={"type": "array", "items": INT}),
     obj(keyPageIndices={"type": "array", "items": INT}),
     at("keyPageIndices", "ERR", "WARN", "field-renamed")),
    ("required field respelled", obj("referrersIndices", referrersIndices=S),
     obj("referrerIndices", referrerIndices=S),
     at("referrerIndices", "ERR", "ERR", "required-field-renamed")),
    ("a rename is then compared as one field",
     obj(keyPagesIndices={"type": "array", "items": INT | {"nullable": True}}),
     obj(keyPageIndices={"type": "array", "items": INT}),
     at("keyPageIndices", "ERR", "WARN", "field-renamed")
     | at("keyPageIndices[]", "ERR", "INFO", "nullable-removed")),
    ("names far apart are no rename", obj(title=S), obj(name=S),
     at("title", "ERR", "WARN", "field-removed") | at("name", "INFO", "INFO", "field-added")),
    ("subtitle is not title respelled", obj(title=S), obj(subtitle=S),
     at("title", "ERR", "WARN", "field-removed") | at("subtitle", "INFO", "INFO", "field-added")),
    ("close names of different types are no rename", obj(count=INT),
     obj(counts={"type": "array", "items": INT}),
     at("count", "ERR", "WARN", "field-removed") | at("counts", "INFO", "INFO", "field-added")),
    ("not contract: descriptions, examples, titles, x-doc-line, x-choice, x-rule",
     obj(s=S | {"description": "a", "example": "x", "x-doc-line": 3}),
     obj(s=S | {"description": "b", "example": "y", "x-doc-line": 9, "x-choice": "c",
                "x-rule": "r", "title": "T"}),
     set()),
]  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [case[1:] for case in SCHEMA_CASES],
    ids=[case[0] for case in SCHEMA_CASES],
)
def test_schema_change_levels(
    diff: Diff, old: dict[str, Any], new: dict[str, Any], expected: set[Row]
) -> None:
    """Each schema change at its level in the request (what the client sends) and in the
    response (what it reads), per the policy in contracts/diff/rules.py."""
    assert diff(thing(old), thing(new)) == expected


def test_all_of_parts_are_followed(diff: Diff) -> None:
    """A field of an allOf base, reached through $ref, is compared under the schema using it."""
    base = obj("id", id=S, note=S)

    def spec(base: dict[str, Any]) -> Any:
        whole = {"allOf": [{"$ref": REF + "Base"}, obj(size=INT)]}
        return both_ways("Thing", {"Thing": whole, "Base": base})

    assert diff(spec(base), spec(obj("id", id=S))) == at("note", "ERR", "WARN", "field-removed")


def test_a_recursive_schema_is_compared_once(diff: Diff) -> None:
    """A schema that contains itself does not loop; its own change is found."""

    def spec(limit: int) -> Any:
        node = obj(
            name=S | {"maxLength": limit},
            children={"type": "array", "items": {"$ref": REF + "Node"}},
        )
        return both_ways("Node", {"Node": node})

    assert diff(spec(10), spec(5)) == {
        ("ERR", "limit-tightened", "request body Node.name maxLength"),
        ("INFO", "limit-tightened", "response 200 Node.name maxLength"),
    }


# --- unions ------------------------------------------------------------------------------------


def events(
    base: dict[str, Any] | None = None, page: dict[str, Any] | None = None, **more: Any
) -> Any:
    """Event: a oneOf of PageEvent and ClickEvent (+ `more`), by eventType, on a shared Base."""
    variants = {"PAGE": "PageEvent", "CLICK": "ClickEvent"} | {k: v[0] for k, v in more.items()}
    schemas: dict[str, Any] = {
        "Base": base or obj("nonce", nonce=S, time=INT),
        "PageEvent": {"allOf": [{"$ref": REF + "Base"}, page or obj("href", href=S)]},
        "ClickEvent": {"allOf": [{"$ref": REF + "Base"}, obj("target", target=S)]},
    }
    for name, schema in more.values():
        schemas[name] = {"allOf": [{"$ref": REF + "Base"}, schema]}
    schemas["Event"] = {
        "oneOf": [{"$ref": REF + name} for name in variants.values()],
        "discriminator": {
            "propertyName": "eventType",
            "mapping": {key: REF + name for key, name in variants.items()},
        },
    }
    return both_ways("Event", schemas)


def test_union_variants_are_compared_variant_by_variant(diff: Diff) -> None:
    """A field of one event type is located on its variant (PageEvent.href), like the data API's
    per-event fields (kameleoon-data-visit-events-openapi.txt:138)."""
    new = events(page=obj("href", href=S | {"maxLength": 2048}))
    assert diff(events(), new) == {
        ("ERR", "limit-tightened", "request body PageEvent.href maxLength"),
        ("INFO", "limit-tightened", "response 200 PageEvent.href maxLength"),
    }


def test_a_change_of_every_variant_is_reported_once_on_the_union(diff: Diff) -> None:
    """A field of the shared base (kameleoon-data-visit-events-reference.txt:46-48, `time` on
    every event) is one change on the union, not one per variant."""
    assert diff(events(), events(base=obj("nonce", nonce=S))) == {
        ("ERR", "field-removed", "request body Event.time"),
        ("WARN", "field-removed", "response 200 Event.time"),
    }


def test_union_variant_added_and_removed(diff: Diff) -> None:
    """A new event type is harmless to senders and a surprise to readers; a removed one rejects
    senders and leaves readers' handling unused."""
    scroll = ("ScrollEvent", obj("depth", depth=INT))
    assert diff(events(), events(SCROLL=scroll)) == {
        ("INFO", "variant-added", "request body ScrollEvent"),
        ("WARN", "variant-added", "response 200 ScrollEvent"),
    }
    assert diff(events(SCROLL=scroll), events()) == {
        ("ERR", "variant-removed", "request body ScrollEvent"),
        ("INFO", "variant-removed", "response 200 ScrollEvent"),
    }


def test_union_variants_match_by_discriminator_value(diff: Diff) -> None:
    """A variant whose component is renamed but keeps its eventType value is the same variant."""
    old = events(SCROLL=("ScrollEvent", obj(depth=INT)))
    new = events(SCROLL=("ScrollView", obj(depth=INT | {"minimum": 0})))
    assert diff(old, new) == {
        ("ERR", "limit-tightened", "request body ScrollView.depth minimum"),
        ("INFO", "limit-tightened", "response 200 ScrollView.depth minimum"),
    }


# --- parameters, bodies, statuses, operations, security ----------------------------------------


def with_parameters(*parameters: dict[str, Any]) -> Any:
    return document({"/things": {"get": operation(parameters=list(parameters))}})


def q(name: str, required: bool = False, **schema: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": required,
        "schema": {"type": "string"} | schema,
    }


def test_parameter_changes(diff: Diff) -> None:
    """Parameters removed, added (optional, required), made required, limited, respelled."""
    old = with_parameters(q("gone"), q("opt"), q("limited"), q("referrersIndices"), q("stays"))
    new = with_parameters(
        q("opt", required=True),
        q("limited", maxLength=100),
        q("referrerIndices"),
        q("stays"),
        q("extra"),
        q("needed", required=True),
    )
    assert diff(old, new) == {
        ("ERR", "param-removed", "query gone"),
        ("ERR", "became-required", "query opt"),
        ("ERR", "limit-tightened", "query limited maxLength"),
        ("ERR", "param-renamed", "query referrerIndices"),
        ("INFO", "param-added", "query extra"),
        ("ERR", "required-param-added", "query needed"),
    }


def test_header_names_are_case_free_and_serialization_counts(diff: Diff) -> None:
    """`User-Agent` and `user-agent` are one header (kameleoon-data-visit-events-openapi.txt:48
    spells it lower case); a changed explode changes what clients must send."""
    header = {"in": "header", "required": False, "schema": {"type": "string"}}
    old = with_parameters(header | {"name": "User-Agent"}, q("ids"))
    new = with_parameters(header | {"name": "user-agent"}, q("ids") | {"explode": False})
    assert diff(old, new) == {("ERR", "serialization-changed", "query ids")}


def body(content: dict[str, Any], **extra: Any) -> Any:
    request = {"content": content} | extra
    return document({"/things": {"post": operation(requestBody=request)}})


def test_request_body_media_types_and_size_limit(diff: Diff) -> None:
    """Media types and the body size limit (`x-max-body-bytes`, e.g. 10 MB -> 3 MB between
    kameleoon-data-visit-events-reference.txt:32 and -openapi.txt:91)."""
    plain, xml = {"text/plain": {"schema": S}}, {"application/xml": {"schema": S}}
    assert diff(body(plain, **{"x-max-body-bytes": 10}), body(xml, **{"x-max-body-bytes": 3})) == {
        ("ERR", "media-type-removed", "request body text/plain"),
        ("INFO", "media-type-added", "request body application/xml"),
        ("ERR", "body-limit-tightened", "request body"),
    }
    assert diff(body(plain, **{"x-max-body-bytes": 3}), body(plain)) == {
        ("INFO", "body-limit-loosened", "request body")
    }
    assert diff(body(plain), body(plain, required=True)) == {
        ("ERR", "became-required", "request body")
    }


def test_status_codes_and_response_media_types(diff: Diff) -> None:
    """A new status may surprise clients, a removed one does not; a response media type removed
    breaks its readers."""

    def spec(responses: dict[str, Any]) -> Any:
        return document({"/things": {"get": {"responses": responses}}})

    csv = {"description": "ok", "content": {"text/csv": {"schema": S}}}
    old = spec({"200": csv, "404": {"description": "no"}})
    new = spec({"200": {"description": "ok"}, "429": {"description": "slow"}})
    assert diff(old, new) == {
        ("ERR", "media-type-removed", "response 200 text/csv"),
        ("INFO", "status-removed", "response 404"),
        ("WARN", "status-added", "response 429"),
    }


def test_operations_added_and_removed_matched_by_method_and_path(tmp_path: Path) -> None:
    """Operations match by method and path, whatever their path parameters are called; a path
    parameter is known by its place in the path."""
    item = {"name": "id", "in": "path", "required": True, "schema": S}
    renamed = item | {"name": "key", "schema": S | {"maxLength": 8}}
    old = document({"/a/{id}": {"get": operation(parameters=[item])}, "/b": {"get": operation()}})
    new = document(
        {"/a/{key}": {"get": operation(parameters=[renamed])}, "/c": {"post": operation()}}
    )
    changes = diff_files(write(tmp_path, old), write(tmp_path, new))
    assert {(str(c.level), c.kind, c.operation, c.location) for c in changes} == {
        ("ERR", "operation-removed", "GET /b", "operation"),
        ("INFO", "operation-added", "POST /c", "operation"),
        ("ERR", "limit-tightened", "GET /a/{key}", "path key maxLength"),
    }


def test_security_requirements_and_schemes(diff: Diff) -> None:
    """Requiring credentials where none were needed rejects anonymous clients; a scheme read
    from another header rejects clients sending the old one."""

    def spec(security: list[Any], header: str) -> Any:
        scheme = {"type": "apiKey", "in": "header", "name": header}
        doc = document({"/things": {"get": operation(security=security)}})
        return doc | {"components": {"securitySchemes": {"key": scheme}}}

    assert diff(spec([], "Authorization"), spec([{"key": []}], "X-Api-Key")) == {
        ("ERR", "security-scheme-changed", "security scheme key"),
        ("ERR", "security-requirement-removed", "security"),  # anonymous
        ("INFO", "security-requirement-added", "security"),  # key
    }
    assert diff(spec([{"key": []}], "A"), spec([{"key": []}, {}], "A")) == {
        ("INFO", "security-requirement-added", "security")  # anonymous allowed again
    }


def test_servers(diff: Diff) -> None:
    """A host removed loses the clients configured with it; a host added loses none."""
    old = document({}, servers=[{"url": "https://a.example"}])
    new = document({}, servers=[{"url": "https://b.example"}])
    assert diff(old, new) == {
        ("ERR", "server-removed", "servers"),
        ("INFO", "server-added", "servers"),
    }


# --- the command -------------------------------------------------------------------------------


def run(*args: str) -> Result:
    runner = CliRunner(env={"FORCE_COLOR": None, "TTY_COMPATIBLE": None, "COLUMNS": "80"})
    return runner.invoke(main, ["diff", *args])


PAIRS = {
    # highest level of the pair's changes
    "ERR": (thing(obj(id=S, note=S)), thing(obj(id=S))),  # ERR (request) and WARN (response)
    "WARN": (
        document({"/t": {"get": operation()}}),
        document({"/t": {"get": operation(responses={"200": OK, "429": {"description": "slow"}})}}),
    ),
    "INFO": (document({}), document({"/t": {"get": operation()}})),
    "none": (document({}), document({})),
}


@pytest.mark.parametrize(
    ("pair", "options", "status"),
    [
        ("ERR", [], 1),  # the default is --fail-on ERR
        ("ERR", ["--fail-on", "ERR"], 1),
        ("ERR", ["--fail-on", "NONE"], 0),
        ("WARN", [], 0),
        ("WARN", ["--fail-on", "WARN"], 1),
        ("WARN", ["--fail-on", "warn"], 1),
        ("INFO", ["--fail-on", "WARN"], 0),
        ("none", ["--fail-on", "WARN"], 0),
    ],
)
def test_exit_status_follows_fail_on(
    tmp_path: Path, pair: str, options: list[str], status: int
) -> None:
    """Exit 1 when a change reaches --fail-on (ERR by default, for CI), else 0."""
    old, new = PAIRS[pair]
    result = run(write(tmp_path, old), write(tmp_path, new), *options)
    assert result.exit_code == status, result.output


def test_json_output_parses() -> None:
    """--format json: a list of changes, each with the Change fields, levels as text."""
    result = run("kameleoon-data-legacy", "kameleoon-data", "--format", "json")
    changes = json.loads(result.stdout)
    assert result.exit_code == 1  # the current edition breaks clients of the older one
    assert len(changes) == len(EDITIONS)
    fields = {"level", "kind", "operation", "location", "old", "new", "reason"}
    assert all(set(change) == fields for change in changes)
    assert {
        "level": "ERR",
        "kind": "param-removed",
        "operation": "POST /visit/events",
        "location": "query delayed",  # kameleoon-data-visit-events-reference.txt:22
        "old": "boolean",
        "new": None,
        "reason": POLICY["param-removed", "request"].reason,
    } in changes


def test_markdown_output_is_a_table() -> None:
    """--format markdown: one table row per change."""
    result = run("kameleoon-data-legacy", "kameleoon-data", "--format=markdown", "--fail-on=NONE")
    assert result.exit_code == 0
    table = [line for line in result.stdout.splitlines() if line.startswith("|")]
    assert table[0] == "| level | operation | location | change | old | new | reason |"
    assert len(table) == 2 + len(EDITIONS)
    assert any(
        line.startswith("| ERR | POST /visit/events | `query delayed` | param-removed |")
        for line in table
    )


def test_text_output_one_line_per_change_grouped_per_operation() -> None:
    """Text: a summary, then per operation its name and one indented line per change; no colour
    codes off a terminal, no wrapping of long lines."""
    result = run("kameleoon-data-legacy", "kameleoon-data")
    lines = result.stdout.splitlines()
    assert "\x1b[" not in result.stdout
    assert lines[0].startswith(
        f"kameleoon-data-legacy -> kameleoon-data: {len(EDITIONS)} changes ("
    )
    assert lines.index("POST /visit/events") == 1
    group = lines[2:]
    assert len(group) == len(EDITIONS)
    assert all(re.match(r"  (ERR |WARN|INFO)  ", line) for line in group)
    delayed = next(line for line in group if "query delayed" in line)
    assert "param-removed" in delayed
    assert POLICY["param-removed", "request"].reason in delayed


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no spec"),
        ("paths: [unclosed", "not YAML or JSON"),
        ("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {/a: {get: {}}}", "not a valid"),
        ("just text", "not an OpenAPI document"),
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {/a: {get: {responses: "
            "{'200': {$ref: 'http://example.com/r.yaml'}}}}}",
            "only local $ref",
        ),
    ],
    ids=["missing", "bad yaml", "invalid openapi", "not openapi", "external ref"],
)
def test_unreadable_spec_is_one_clear_line(
    tmp_path: Path, content: str | None, message: str
) -> None:
    """A spec that cannot be read: exit 2 and one line saying why, never a traceback."""
    path = tmp_path / "broken.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = run(str(path), "kameleoon-data")
    assert result.exit_code == 2
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith("Error: ") and message in line


def test_yaml_and_json_paths_compare(tmp_path: Path) -> None:
    """Any file path, YAML or JSON, compares (not only the specs by name)."""
    old, new = PAIRS["INFO"]
    result = run(write(tmp_path, old, ".yaml"), write(tmp_path, new, ".json"), "--format", "json")
    assert [(c["level"], c["kind"]) for c in json.loads(result.stdout)] == [
        ("INFO", "operation-added")
    ]


# --- the policy --------------------------------------------------------------------------------


def test_policy_has_one_row_per_kind_and_side() -> None:
    """Each (kind, side) has one level, one reason and one example."""
    keys = [(rule.kind, rule.side) for rule in RULES]
    assert len(keys) == len(set(keys))
    assert all(rule.reason and rule.example for rule in RULES)


def test_rule_table_renders_every_row() -> None:
    """The markdown table (for docs) has one line per rule, its level and example in it."""
    table = contracts.diff.table_markdown().splitlines()
    assert len(table) == 2 + len(RULES)
    for line, rule in zip(table[2:], RULES, strict=True):
        assert line.startswith(f"| {rule.kind} | {rule.side} | {rule.level} | {rule.example} |")
