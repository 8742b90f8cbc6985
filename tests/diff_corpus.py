"""The corpus of `contracts diff`: small spec pairs, each with every change expected, written by
hand from the rule table's reading (contracts/diff/rules.py) and, where the rule comes from a
reference checker, from oasdiff's breaking-changes list. Each pair is the smallest document
showing one rule (or one non-change: a false alarm the issue lists); tests/test_diff_corpus.py
diffs them and checks that together they cover every row of the table.

A schema pair goes through `thing()`: POST /things sends and answers the schema, so one diff shows
the request side and the response side of the same change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from contracts.diff import Options

Row = tuple[str, str, str]  # (level, kind, location)

TODAY = dt.date(2026, 11, 30)
S: dict[str, Any] = {"type": "string"}
INT: dict[str, Any] = {"type": "integer", "format": "int32"}
NUM: dict[str, Any] = {"type": "number"}
REF = "#/components/schemas/"
OK: dict[str, Any] = {"description": "ok"}


def document(paths: dict[str, Any], schemas: dict[str, Any] | None = None, **top: Any) -> Any:
    version = top.pop("openapi", "3.0.3")
    doc: dict[str, Any] = {"openapi": version, "info": {"title": "t", "version": "1"}}
    doc["paths"] = paths
    if schemas:
        doc["components"] = {"schemas": schemas}
    return doc | top


def obj(*required: str, **properties: Any) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    return schema | ({"required": list(required)} if required else {})


def thing(schema: dict[str, Any], version: str = "3.0.3", **schemas: Any) -> Any:
    content = {"application/json": {"schema": {"$ref": REF + "Thing"}}}
    op = {
        "requestBody": {"required": True, "content": content},
        "responses": {"200": {"description": "ok", "content": content}},
    }
    return document({"/things": {"post": op}}, {"Thing": schema, **schemas}, openapi=version)


def t31(schema: dict[str, Any], **schemas: Any) -> Any:
    return thing(schema, "3.1.0", **schemas)


def at(where: str, request: str | None, response: str | None, kind: str) -> set[Row]:
    """`kind` at Thing<where> in the request body and in the 200 response (None: not there)."""
    rows = set()
    if request:
        rows.add((request, kind, f"request body Thing{where}"))
    if response:
        rows.add((response, kind, f"response 200 Thing{where}"))
    return rows


def operation(**op: Any) -> dict[str, Any]:
    return {"responses": {"200": OK}} | op


def get(version: str = "3.0.3", components: dict[str, Any] | None = None, **op: Any) -> Any:
    doc = document({"/things": {"get": operation(**op)}}, openapi=version)
    return doc | ({"components": components} if components else {})


def q(name: str, required: bool = False, **more: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": S} | more


def with_security(security: list[Any], schemes: dict[str, Any], **top: Any) -> Any:
    return get(security=security, components={"securitySchemes": schemes}) | top


KEY = {"type": "apiKey", "in": "header", "name": "X-Api-Key"}
OAUTH = {
    "type": "oauth2",
    "flows": {
        "clientCredentials": {"tokenUrl": "https://a.example/t", "scopes": {"r": "", "w": ""}}
    },
}


def webhooks(**hooks: Any) -> Any:
    return {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "webhooks": {
            name: {"post": {"requestBody": {"content": {"application/json": {"schema": schema}}},
                            "responses": {"200": OK}}}
            for name, schema in hooks.items()
        },
    }  # fmt: skip


def events(**variants: dict[str, Any]) -> Any:
    """Event: a oneOf of the given variants, by component name (no discriminator)."""
    schemas = dict(variants)
    schemas["Event"] = {"oneOf": [{"$ref": REF + name} for name in variants]}
    content = {"application/json": {"schema": {"$ref": REF + "Event"}}}
    op = {"requestBody": {"content": content},
          "responses": {"200": {"description": "ok", "content": content}}}  # fmt: skip
    return document({"/events": {"post": op}}, schemas)


@dataclass(frozen=True)
class Pair:
    name: str
    old: Any
    new: Any
    expected: set[Row]
    options: Options = field(default_factory=lambda: Options(today=TODAY))
    operation: str | None = None  # when set, every change is of this operation


def days(n: int) -> str:
    return (TODAY + dt.timedelta(days=n)).isoformat()


DEPR = {"deprecated": True}
LIMITED = S | {"maxLength": 10}
ARR = {"type": "array", "items": S}
NULL = {"type": "null"}
N90 = Options(today=TODAY, deprecation_days=90)

# fmt: off
SCHEMA_PAIRS: list[Pair] = [
    # Fields: the direction rules (oasdiff: request-property-removed, response-required-
    # property-removed, new-required-request-property, request-property-became-required ...)
    Pair("optional field removed", thing(obj(id=S, note=S)), thing(obj(id=S)),
         at(".note", "ERR", "WARN", "field-removed")),
    Pair("required field removed", thing(obj("note", note=S)), thing(obj()),
         at(".note", "ERR", "ERR", "required-field-removed")),
    Pair("optional field added", thing(obj()), thing(obj(note=S)),
         at(".note", "INFO", "INFO", "field-added")),
    Pair("required field added", thing(obj()), thing(obj("note", note=S)),
         at(".note", "ERR", "INFO", "required-field-added")),
    Pair("became required", thing(obj(note=S)), thing(obj("note", note=S)),
         at(".note", "ERR", "INFO", "became-required")),
    Pair("became optional", thing(obj("note", note=S)), thing(obj(note=S)),
         at(".note", "INFO", "ERR", "became-optional")),
    Pair("field respelled", thing(obj(keyPagesIndices=ARR)), thing(obj(keyPageIndices=ARR)),
         at(".keyPageIndices", "ERR", "WARN", "field-renamed")),
    Pair("required field respelled", thing(obj("referrersIndices", referrersIndices=S)),
         thing(obj("referrerIndices", referrerIndices=S)),
         at(".referrerIndices", "ERR", "ERR", "required-field-renamed")),
    # readOnly / writeOnly: a request never carries readOnly, a response never writeOnly.
    Pair("new required readOnly field: clients never send it",
         thing(obj(id=S)), thing(obj("created", id=S, created=S | {"readOnly": True})),
         at(".created", None, "INFO", "required-field-added")),
    Pair("writeOnly field dropped: responses never had it",
         thing(obj(id=S, password=S | {"writeOnly": True})), thing(obj(id=S)),
         at(".password", "ERR", None, "field-removed")),
    Pair("field became readOnly: clients can no longer send it",
         thing(obj(id=S, note=S)), thing(obj(id=S, note=S | {"readOnly": True})),
         at(".note", "ERR", None, "field-removed")),
    Pair("readOnly field changed: requests never carry it",
         thing(obj(id=S | {"readOnly": True, "maxLength": 9})),
         thing(obj(id=S | {"readOnly": True, "maxLength": 5})),
         at(".id maxLength", None, "INFO", "limit-tightened")),
    # Types: widening versus narrowing.
    Pair("type changed", thing(obj(n=S)), thing(obj(n=INT)),
         at(".n", "ERR", "ERR", "type-changed")),
    Pair("integer -> number", thing(obj(n={"type": "integer"})), thing(obj(n=NUM)),
         at(".n", "INFO", "ERR", "type-widened")),
    Pair("integer -> number keeps comparing limits",
         thing(obj(n={"type": "integer", "minimum": 1})), thing(obj(n=NUM | {"minimum": 0})),
         at(".n", "INFO", "ERR", "type-widened")
         | at(".n minimum", "INFO", "WARN", "limit-loosened")),
    Pair("number -> integer", thing(obj(n=NUM)), thing(obj(n={"type": "integer"})),
         at(".n", "ERR", "INFO", "type-narrowed")),
    Pair("string -> [string, integer] (3.1)", t31(obj(n=S)),
         t31(obj(n={"type": ["string", "integer"]})), at(".n", "INFO", "ERR", "type-widened")),
    Pair("[string, integer] -> string (3.1)", t31(obj(n={"type": ["integer", "string"]})),
         t31(obj(n=S)), at(".n", "ERR", "INFO", "type-narrowed")),
    Pair("type dropped: any value", thing(obj(n=S)), thing(obj(n={})),
         at(".n", "INFO", "ERR", "type-widened")),
    Pair("int32 -> int64", thing(obj(n=INT)), thing(obj(n=INT | {"format": "int64"})),
         at(".n", "INFO", "WARN", "format-widened")),
    Pair("int64 -> int32", thing(obj(n=INT | {"format": "int64"})), thing(obj(n=INT)),
         at(".n", "ERR", "INFO", "format-narrowed")),
    Pair("date -> date-time", thing(obj(d=S | {"format": "date"})),
         thing(obj(d=S | {"format": "date-time"})), at(".d", "ERR", "WARN", "format-changed")),
    Pair("contentMediaType changed (3.1)", t31(obj(d=S | {"contentMediaType": "image/png"})),
         t31(obj(d=S | {"contentMediaType": "image/gif"})),
         at(".d contentMediaType", "ERR", "WARN", "format-changed")),
    # Enums and const.
    Pair("enum value removed", thing(obj(c=S | {"enum": ["R", "B"]})),
         thing(obj(c=S | {"enum": ["R"]})), at(".c", "ERR", "INFO", "enum-value-removed")),
    Pair("enum value added", thing(obj(c=S | {"enum": ["R"]})),
         thing(obj(c=S | {"enum": ["R", "B"]})), at(".c", "INFO", "WARN", "enum-value-added")),
    Pair("enum introduced", thing(obj(c=S)), thing(obj(c=S | {"enum": ["R"]})),
         at(".c enum", "ERR", "INFO", "limit-tightened")),
    Pair("enum dropped", thing(obj(c=S | {"enum": ["R"]})), thing(obj(c=S)),
         at(".c enum", "INFO", "WARN", "limit-loosened")),
    Pair("x-extensible-enum value removed", thing(obj(c=S | {"x-extensible-enum": ["a", "b"]})),
         thing(obj(c=S | {"x-extensible-enum": ["a"]})),
         at(".c x-extensible-enum", "ERR", "INFO", "extensible-enum-value-removed")),
    Pair("x-extensible-enum value added", thing(obj(c=S | {"x-extensible-enum": ["a"]})),
         thing(obj(c=S | {"x-extensible-enum": ["a", "b"]})),
         at(".c x-extensible-enum", "INFO", "INFO", "extensible-enum-value-added")),
    Pair("const changed (3.1)", t31(obj(v={"const": "v1"})), t31(obj(v={"const": "v2"})),
         at(".v", "ERR", "ERR", "const-changed")),
    Pair("const added (3.1)", t31(obj(v=S)), t31(obj(v=S | {"const": "v1"})),
         at(".v const", "ERR", "INFO", "limit-tightened")),
    Pair("const removed (3.1)", t31(obj(v=S | {"const": "v1"})), t31(obj(v=S)),
         at(".v const", "INFO", "WARN", "limit-loosened")),
    # Limits.
    Pair("maxLength lowered", thing(obj(s=LIMITED)), thing(obj(s=S | {"maxLength": 5})),
         at(".s maxLength", "ERR", "INFO", "limit-tightened")),
    Pair("maxLength raised", thing(obj(s=LIMITED)), thing(obj(s=S | {"maxLength": 20})),
         at(".s maxLength", "INFO", "WARN", "limit-loosened")),
    Pair("minimum raised", thing(obj(n=INT | {"minimum": 0})), thing(obj(n=INT | {"minimum": 1})),
         at(".n minimum", "ERR", "INFO", "limit-tightened")),
    Pair("minimum lowered: clients validating responses may fail",
         thing(obj(n=INT | {"minimum": 1})), thing(obj(n=INT | {"minimum": 0})),
         at(".n minimum", "INFO", "WARN", "limit-loosened")),
    Pair("exclusiveMinimum 5 -> 3 (3.1, a number)", t31(obj(n=NUM | {"exclusiveMinimum": 5})),
         t31(obj(n=NUM | {"exclusiveMinimum": 3})),
         at(".n exclusiveMinimum", "INFO", "WARN", "limit-loosened")),
    Pair("exclusiveMaximum 5 -> 3 (3.1)", t31(obj(n=NUM | {"exclusiveMaximum": 5})),
         t31(obj(n=NUM | {"exclusiveMaximum": 3})),
         at(".n exclusiveMaximum", "ERR", "INFO", "limit-tightened")),
    Pair("3.0 exclusiveMinimum: true -> 3.1 exclusiveMinimum: 5 is no change",
         thing(obj(n=NUM | {"minimum": 5, "exclusiveMinimum": True})),
         t31(obj(n=NUM | {"exclusiveMinimum": 5})), set()),
    Pair("maxItems lowered", thing(obj(a=ARR | {"maxItems": 3})),
         thing(obj(a=ARR | {"maxItems": 2})), at(".a maxItems", "ERR", "INFO", "limit-tightened")),
    Pair("uniqueItems added", thing(obj(a=ARR)), thing(obj(a=ARR | {"uniqueItems": True})),
         at(".a uniqueItems", "ERR", "INFO", "limit-tightened")),
    Pair("multipleOf 2 -> 4", thing(obj(n=INT | {"multipleOf": 2})),
         thing(obj(n=INT | {"multipleOf": 4})),
         at(".n multipleOf", "ERR", "INFO", "limit-tightened")),
    Pair("multipleOf 2 -> 3", thing(obj(n=INT | {"multipleOf": 2})),
         thing(obj(n=INT | {"multipleOf": 3})),
         at(".n multipleOf", "ERR", "WARN", "limit-changed")),
    Pair("pattern changed", thing(obj(s=S | {"pattern": "^a"})),
         thing(obj(s=S | {"pattern": "^b"})),
         at(".s pattern", "ERR", "WARN", "limit-changed")),
    Pair("pattern loosened to .*", thing(obj(s=S | {"pattern": "^[a-z]+$"})),
         thing(obj(s=S | {"pattern": ".*"})), at(".s pattern", "INFO", "WARN", "limit-loosened")),
    Pair("pattern removed", thing(obj(s=S | {"pattern": "^[a-z]+$"})), thing(obj(s=S)),
         at(".s pattern", "INFO", "WARN", "limit-loosened")),
    Pair("pattern added", thing(obj(s=S)), thing(obj(s=S | {"pattern": "^[a-z]+$"})),
         at(".s pattern", "ERR", "INFO", "limit-tightened")),
    Pair("array items limit", thing(obj(a={"type": "array", "items": LIMITED})),
         thing(obj(a={"type": "array", "items": S | {"maxLength": 5}})),
         at(".a[] maxLength", "ERR", "INFO", "limit-tightened")),
    Pair("map values", thing(obj(m={"type": "object", "additionalProperties": INT})),
         thing(obj(m={"type": "object", "additionalProperties": INT | {"maximum": 5}})),
         at(".m.* maximum", "ERR", "INFO", "limit-tightened")),
    Pair("closed to extra fields", thing(obj(id=S)),
         thing(obj(id=S) | {"additionalProperties": False}),
         at(" additionalProperties", "ERR", "INFO", "limit-tightened")),
    # JSON Schema 2020-12 keywords (OpenAPI 3.1).
    Pair("contains added", t31(obj(a=ARR)), t31(obj(a=ARR | {"contains": {"const": "x"}})),
         at(".a contains", "ERR", "INFO", "limit-tightened")),
    Pair("contains schema tightened", t31(obj(a=ARR | {"contains": S})),
         t31(obj(a=ARR | {"contains": LIMITED})),
         at(".a[contains] maxLength", "ERR", "INFO", "limit-tightened")),
    Pair("maxContains lowered", t31(obj(a=ARR | {"contains": S, "maxContains": 5})),
         t31(obj(a=ARR | {"contains": S, "maxContains": 3})),
         at(".a maxContains", "ERR", "INFO", "limit-tightened")),
    Pair("minContains lowered", t31(obj(a=ARR | {"contains": S, "minContains": 2})),
         t31(obj(a=ARR | {"contains": S, "minContains": 1})),
         at(".a minContains", "INFO", "WARN", "limit-loosened")),
    Pair("prefixItems position retyped", t31(obj(p={"type": "array", "prefixItems": [S, INT]})),
         t31(obj(p={"type": "array", "prefixItems": [INT, INT]})),
         at(".p[prefixItems/0]", "ERR", "ERR", "type-changed")),
    Pair("prefixItems position added", t31(obj(p={"type": "array", "prefixItems": [S]})),
         t31(obj(p={"type": "array", "prefixItems": [S, INT]})),
         at(".p prefixItems/1", "ERR", "INFO", "limit-tightened")),
    Pair("tuple closed (items: false)", t31(obj(p={"type": "array", "prefixItems": [S]})),
         t31(obj(p={"type": "array", "prefixItems": [S], "items": False})),
         at(".p items", "ERR", "INFO", "limit-tightened")),
    Pair("unevaluatedProperties: false added", t31(obj(id=S)),
         t31(obj(id=S) | {"unevaluatedProperties": False}),
         at(" unevaluatedProperties", "ERR", "INFO", "limit-tightened")),
    Pair("unevaluatedItems dropped", t31(obj(a=ARR | {"unevaluatedItems": False})),
         t31(obj(a=ARR)), at(".a unevaluatedItems", "INFO", "WARN", "limit-loosened")),
    Pair("propertyNames tightened", t31(obj(m={"type": "object", "propertyNames": S})),
         t31(obj(m={"type": "object", "propertyNames": S | {"pattern": "^[a-z]+$"}})),
         at(".m[propertyNames] pattern", "ERR", "INFO", "limit-tightened")),
    Pair("patternProperties added", t31(obj(m={"type": "object"})),
         t31(obj(m={"type": "object", "patternProperties": {"^x-": S}})),
         at(".m patternProperties/^x-", "ERR", "INFO", "limit-tightened")),
    Pair("dependentRequired added", t31(obj(a=S, b=S)),
         t31(obj(a=S, b=S) | {"dependentRequired": {"a": ["b"]}}),
         at(" dependentRequired/a", "ERR", "INFO", "limit-tightened")),
    Pair("dependentRequired dropped", t31(obj(a=S, b=S) | {"dependentRequired": {"a": ["b"]}}),
         t31(obj(a=S, b=S)), at(" dependentRequired/a", "INFO", "WARN", "limit-loosened")),
    Pair("dependentSchemas tightened",
         t31(obj(a=S, b=S) | {"dependentSchemas": {"a": {"properties": {"b": S}}}}),
         t31(obj(a=S, b=S) | {"dependentSchemas": {"a": {"properties": {"b": LIMITED}}}}),
         at("[dependentSchemas/a].b maxLength", "ERR", "INFO", "limit-tightened")),
    Pair("then requires one more field",
         t31(obj(a=S, b=S) | {"if": {"required": ["a"]}, "then": {"required": []}}),
         t31(obj(a=S, b=S) | {"if": {"required": ["a"]}, "then": {"required": ["b"]}}),
         at("[then].b", "ERR", "INFO", "became-required")),
    Pair("else added", t31(obj(a=S) | {"if": {"required": ["a"]}}),
         t31(obj(a=S) | {"if": {"required": ["a"]}, "else": {"maxProperties": 0}}),
         at(" else", "ERR", "INFO", "limit-tightened")),
    Pair("if changed",
         t31(obj(a=S, b=S) | {"if": {"required": ["a"]}, "then": {"required": ["b"]}}),
         t31(obj(a=S, b=S) | {"if": {"required": ["b"]}, "then": {"required": ["b"]}}),
         at(" if", "ERR", "WARN", "limit-changed")),
    Pair("not added", t31(obj(a=S)), t31(obj(a=S) | {"not": {"required": ["a"]}}),
         at(" not", "ERR", "INFO", "limit-tightened")),
    Pair("unknown keyword changed (3.1)", t31(obj(n=NUM | {"maxDecimals": 2})),
         t31(obj(n=NUM | {"maxDecimals": 1})),
         at(".n maxDecimals", "WARN", "WARN", "keyword-changed")),
    # Nullability, both dialects.
    Pair("nullable removed (3.0)", thing(obj(n=INT | {"nullable": True})), thing(obj(n=INT)),
         at(".n", "ERR", "INFO", "nullable-removed")),
    Pair("nullable added (3.0)", thing(obj(n=INT)), thing(obj(n=INT | {"nullable": True})),
         at(".n", "INFO", "WARN", "nullable-added")),
    Pair("type array gains null (3.1)", t31(obj(n=S)), t31(obj(n={"type": ["string", "null"]})),
         at(".n", "INFO", "WARN", "nullable-added")),
    Pair("null variant of anyOf removed (3.1)",
         t31(obj(p={"anyOf": [{"$ref": REF + "P"}, NULL]}), P=obj(x=S)),
         t31(obj(p={"$ref": REF + "P"}), P=obj(x=S)),
         at(".p", "ERR", "INFO", "nullable-removed")),
    Pair("3.0 nullable -> 3.1 type array is no change", thing(obj(n=S | {"nullable": True})),
         t31(obj(n={"type": ["string", "null"]})), set()),
    Pair("3.0 nullable allOf $ref -> 3.1 anyOf [$ref, null] is no change",
         thing(obj(p={"allOf": [{"$ref": REF + "P"}], "nullable": True}), P=obj(x=S)),
         t31(obj(p={"anyOf": [{"$ref": REF + "P"}, NULL]}), P=obj(x=S)), set()),
    Pair("null in enum (3.1) is nullability", t31(obj(c={"enum": ["a", "b"]})),
         t31(obj(c={"enum": ["a", "b", None]})), at(".c", "INFO", "WARN", "nullable-added")),
    # Defaults.
    Pair("default added", thing(obj(b={"type": "boolean"})),
         thing(obj(b={"type": "boolean", "default": True})),
         at(".b", "INFO", "INFO", "default-added")),
    Pair("default changed", thing(obj(b={"type": "boolean", "default": False})),
         thing(obj(b={"type": "boolean", "default": True})),
         at(".b", "WARN", "INFO", "default-changed")),
    Pair("default removed", thing(obj(b={"type": "boolean", "default": True})),
         thing(obj(b={"type": "boolean"})), at(".b", "WARN", "INFO", "default-removed")),
    # $ref and allOf resolved before comparing.
    Pair("inline -> $ref of the same schema is no change", thing(obj(p=obj(x=S))),
         thing(obj(p={"$ref": REF + "P"}), P=obj(x=S)), set()),
    Pair("allOf split is no change", thing(obj("a", a=S, b=S)),
         thing({"allOf": [obj("a", a=S), obj(b=S)]}), set()),
    Pair("allOf keeps the tighter limit", thing(obj(s=LIMITED)),
         thing({"allOf": [obj(s=LIMITED), obj(s=S | {"maxLength": 5})]}),
         at(".s maxLength", "ERR", "INFO", "limit-tightened")),
    Pair("not contract: descriptions, titles, examples, x-",
         thing(obj(s=S | {"description": "a", "example": "x"})),
         thing(obj(s=S | {"description": "b", "title": "T", "example": "y", "x-doc-line": 3})),
         set()),
    # Lifecycle on properties.
    Pair("property deprecated", thing(obj(note=S)), thing(obj(note=S | DEPR)),
         at(".note", "INFO", "INFO", "deprecated")),
    Pair("property undeprecated", thing(obj(note=S | DEPR)), thing(obj(note=S)),
         at(".note", "INFO", "INFO", "undeprecated")),
    Pair("property sunset set", thing(obj(note=S | DEPR)),
         thing(obj(note=S | DEPR | {"x-sunset": "2027-06-01"})),
         at(".note x-sunset", "WARN", "WARN", "sunset-set")),
    Pair("property sunset brought forward", thing(obj(note=S | DEPR | {"x-sunset": "2027-06-01"})),
         thing(obj(note=S | DEPR | {"x-sunset": "2027-01-01"})),
         at(".note x-sunset", "WARN", "WARN", "sunset-earlier")),
    Pair("property sunset postponed", thing(obj(note=S | DEPR | {"x-sunset": "2027-01-01"})),
         thing(obj(note=S | DEPR | {"x-sunset": "2027-06-01"})),
         at(".note x-sunset", "INFO", "INFO", "sunset-later")),
    Pair("property sunset too soon (--deprecation-days 90)", thing(obj(note=S)),
         thing(obj(note=S | DEPR | {"x-sunset": days(10)})),
         at(".note", "INFO", "INFO", "deprecated")
         | at(".note x-sunset", "WARN", "WARN", "sunset-set")
         | at(".note x-sunset", "WARN", "WARN", "sunset-too-soon"), N90),
    Pair("property sunset far enough (--deprecation-days 90)", thing(obj(note=S)),
         thing(obj(note=S | DEPR | {"x-sunset": days(120)})),
         at(".note", "INFO", "INFO", "deprecated")
         | at(".note x-sunset", "WARN", "WARN", "sunset-set"), N90),
    Pair("deprecated required property removed 200 days after (--deprecation-days 90)",
         thing(obj("note", note=S | DEPR | {"x-deprecation-date": days(-200)})), thing(obj()),
         at(".note", "WARN", "WARN", "deprecated-removed"), N90),
    Pair("deprecated required property removed 30 days after (--deprecation-days 90)",
         thing(obj("note", note=S | DEPR | {"x-deprecation-date": days(-30)})), thing(obj()),
         at(".note", "ERR", "ERR", "required-field-removed"), N90),
    Pair("deprecated property removed without --deprecation-days",
         thing(obj("note", note=S | DEPR | {"x-sunset": days(-1)})), thing(obj()),
         at(".note", "ERR", "ERR", "required-field-removed")),
]

OPERATION_PAIRS: list[Pair] = [
    Pair("operation removed", get(), document({}), {("ERR", "operation-removed", "operation")}),
    Pair("operation added", document({}), get(), {("INFO", "operation-added", "operation")}),
    Pair("param removed", get(parameters=[q("gone")]), get(),
         {("ERR", "param-removed", "query gone")}),
    Pair("param respelled", get(parameters=[q("referrersIndices")]),
         get(parameters=[q("referrerIndices")]),
         {("ERR", "param-renamed", "query referrerIndices")}),
    Pair("required param added", get(), get(parameters=[q("needed", True)]),
         {("ERR", "required-param-added", "query needed")}),
    Pair("optional param added", get(), get(parameters=[q("extra")]),
         {("INFO", "param-added", "query extra")}),
    Pair("param became required", get(parameters=[q("p")]), get(parameters=[q("p", True)]),
         {("ERR", "became-required", "query p")}),
    Pair("param explode changed", get(parameters=[q("ids")]),
         get(parameters=[q("ids", explode=False)]),
         {("ERR", "serialization-changed", "query ids")}),
    Pair("header names are case-free", get(parameters=[q("User-Agent") | {"in": "header"}]),
         get(parameters=[q("user-agent") | {"in": "header"}]), set()),
    Pair("param pattern loosened", get(parameters=[q("p", schema=S | {"pattern": "^a+$"})]),
         get(parameters=[q("p", schema=S | {"pattern": "^.*$"})]),
         {("INFO", "limit-loosened", "query p pattern")}),
    Pair("param integer -> number", get(parameters=[q("p", schema={"type": "integer"})]),
         get(parameters=[q("p", schema=NUM)]), {("INFO", "type-widened", "query p")}),
    Pair("param deprecated", get(parameters=[q("p")]), get(parameters=[q("p", deprecated=True)]),
         {("INFO", "deprecated", "query p")}),
    Pair("param undeprecated", get(parameters=[q("p", deprecated=True)]), get(parameters=[q("p")]),
         {("INFO", "undeprecated", "query p")}),
    Pair("deprecated param removed, no dates, --deprecation-days 0",
         get(parameters=[q("p", deprecated=True)]), get(),
         {("WARN", "deprecated-removed", "query p")}, Options(today=TODAY, deprecation_days=0)),
    Pair("deprecated param removed, no dates, --deprecation-days 90",
         get(parameters=[q("p", deprecated=True)]), get(),
         {("ERR", "param-removed", "query p")}, N90),
    Pair("operation deprecated", get(), get(deprecated=True),
         {("INFO", "deprecated", "operation")}),
    Pair("operation sunset set", get(deprecated=True),
         get(deprecated=True, **{"x-sunset": "2027-03-01"}),
         {("WARN", "sunset-set", "operation x-sunset")}),
    Pair("operation sunset too soon", get(), get(deprecated=True, **{"x-sunset": days(10)}),
         {("INFO", "deprecated", "operation"), ("WARN", "sunset-set", "operation x-sunset"),
          ("WARN", "sunset-too-soon", "operation x-sunset")}, N90),
    Pair("deprecated operation removed after its sunset",
         get(deprecated=True, **{"x-sunset": days(-1)}), document({}),
         {("WARN", "deprecated-removed", "operation")}, N90),
    Pair("deprecated operation removed before its sunset",
         get(deprecated=True, **{"x-sunset": days(1)}), document({}),
         {("ERR", "operation-removed", "operation")}, N90),
    Pair("deprecated operation removed without --deprecation-days",
         get(deprecated=True, **{"x-sunset": days(-100)}), document({}),
         {("ERR", "operation-removed", "operation")}),
    Pair("request body limit tightened", get(requestBody={"content": {"text/plain": {"schema": S}},
                                                          "x-max-body-bytes": 10}),
         get(requestBody={"content": {"text/plain": {"schema": S}}, "x-max-body-bytes": 3}),
         {("ERR", "body-limit-tightened", "request body")}),
    Pair("request body limit dropped", get(requestBody={"content": {"text/plain": {"schema": S}},
                                                        "x-max-body-bytes": 3}),
         get(requestBody={"content": {"text/plain": {"schema": S}}}),
         {("INFO", "body-limit-loosened", "request body")}),
    Pair("request media type swapped", get(requestBody={"content": {"text/plain": {"schema": S}}}),
         get(requestBody={"content": {"application/xml": {"schema": S}}}),
         {("ERR", "media-type-removed", "request body text/plain"),
          ("INFO", "media-type-added", "request body application/xml")}),
    Pair("response media type swapped",
         get(responses={"200": OK | {"content": {"text/csv": {"schema": S}}}}),
         get(responses={"200": OK | {"content": {"application/xml": {"schema": S}}}}),
         {("ERR", "media-type-removed", "response 200 text/csv"),
          ("INFO", "media-type-added", "response 200 application/xml")}),
    Pair("required response header removed",
         get(responses={"200": OK | {"headers": {"X-Rate-Limit": {"required": True,
                                                                   "schema": INT}}}}),
         get(), {("ERR", "required-response-header-removed", "response 200 header x-rate-limit")}),
    Pair("optional response header removed",
         get(responses={"200": OK | {"headers": {"X-Request-Id": {"schema": S}}}}), get(),
         {("WARN", "response-header-removed", "response 200 header x-request-id")}),
    Pair("response header added, names case-free",
         get(responses={"200": OK | {"headers": {"X-A": {"schema": S}}}}),
         get(responses={"200": OK | {"headers": {"x-a": {"schema": S}, "X-B": {"schema": S}}}}),
         {("INFO", "response-header-added", "response 200 header x-b")}),
    Pair("response header became optional, its maximum raised",
         get(responses={"200": OK | {"headers": {"X-N": {"required": True,
                                                          "schema": INT | {"maximum": 5}}}}}),
         get(responses={"200": OK | {"headers": {"X-N": {"schema": INT | {"maximum": 9}}}}}),
         {("ERR", "became-optional", "response 200 header x-n"),
          ("WARN", "limit-loosened", "response 200 header x-n maximum")}),
    Pair("status added", get(), get(responses={"200": OK, "429": OK}),
         {("WARN", "status-added", "response 429")}),
    Pair("status removed", get(responses={"200": OK, "404": OK}), get(),
         {("INFO", "status-removed", "response 404")}),
    Pair("success 200 -> 201", get(), get(responses={"201": OK}),
         {("ERR", "success-status-removed", "response 200"),
          ("WARN", "status-added", "response 201")}),
    Pair("one success status of two removed", get(responses={"200": OK, "202": OK}), get(),
         {("INFO", "status-removed", "response 202")}),
    Pair("operationId changed: generated clients rename the method",
         get(operationId="listThings"), get(operationId="getThings"),
         {("WARN", "operation-id-changed", "operationId")}),
    Pair("operationId added is no change", get(), get(operationId="listThings"), set()),
    Pair("server swapped", document({}, servers=[{"url": "https://a.example"}]),
         document({}, servers=[{"url": "https://b.example"}]),
         {("ERR", "server-removed", "servers"), ("INFO", "server-added", "servers")}),
]

SECURITY_PAIRS: list[Pair] = [
    Pair("security dropped: clients sending credentials still get in",
         with_security([{"key": []}], {"key": KEY}), get(),
         {("INFO", "security-requirement-added", "security"),
          ("INFO", "unused-security-scheme-removed", "security scheme key")}),
    Pair("an alternative added is no removal", with_security([{"key": []}], {"key": KEY}),
         with_security([{"key": []}, {"oauth": ["r"]}], {"key": KEY, "oauth": OAUTH}),
         {("INFO", "security-requirement-added", "security"),
          ("INFO", "security-scheme-added", "security scheme oauth")}),
    Pair("the only alternative replaced",
         with_security([{"key": []}], {"key": KEY, "oauth": OAUTH}),
         with_security([{"oauth": []}], {"key": KEY, "oauth": OAUTH}),
         {("ERR", "security-requirement-removed", "security"),
          ("INFO", "security-requirement-added", "security")}),
    Pair("two schemes both required -> one of them: clients still send it",
         with_security([{"key": [], "oauth": []}], {"key": KEY, "oauth": OAUTH}),
         with_security([{"key": []}], {"key": KEY, "oauth": OAUTH}),
         {("INFO", "security-requirement-added", "security")}),
    Pair("a scope more is a removal", with_security([{"oauth": ["r"]}], {"oauth": OAUTH}),
         with_security([{"oauth": ["r", "w"]}], {"oauth": OAUTH}),
         {("ERR", "security-requirement-removed", "security"),
          ("INFO", "security-requirement-added", "security")}),
    Pair("anonymous no longer allowed", with_security([{"key": []}, {}], {"key": KEY}),
         with_security([{"key": []}], {"key": KEY}),
         {("ERR", "security-requirement-removed", "security")}),
    Pair("document security moved onto the operation is no change",
         get(components={"securitySchemes": {"key": KEY}}) | {"security": [{"key": []}]},
         with_security([{"key": []}], {"key": KEY}), set()),
    Pair("unused security scheme removed", with_security([{"key": []}], {"key": KEY, "old": KEY}),
         with_security([{"key": []}], {"key": KEY}),
         {("INFO", "unused-security-scheme-removed", "security scheme old")}),
    Pair("used security scheme removed",
         with_security([{"key": []}], {"key": KEY, "oauth": OAUTH}),
         with_security([{"oauth": []}], {"oauth": OAUTH}),
         {("ERR", "security-scheme-removed", "security scheme key"),
          ("ERR", "security-requirement-removed", "security"),
          ("INFO", "security-requirement-added", "security")}),
    Pair("security scheme reads another header", with_security([{"key": []}], {"key": KEY}),
         with_security([{"key": []}], {"key": KEY | {"name": "Authorization"}}),
         {("ERR", "security-scheme-changed", "security scheme key")}),
]

UNION_PAIRS: list[Pair] = [
    Pair("variant added", events(A=obj(a=S), B=obj(b=INT)),
         events(A=obj(a=S), B=obj(b=INT), C=obj(c=NUM)),
         {("INFO", "variant-added", "request body C"),
          ("WARN", "variant-added", "response 200 C")}),
    Pair("variant removed", events(A=obj(a=S), B=obj(b=INT), C=obj(c=NUM)),
         events(A=obj(a=S), B=obj(b=INT)),
         {("ERR", "variant-removed", "request body C"),
          ("INFO", "variant-removed", "response 200 C")}),
    Pair("identical anyOf variant moved inline -> $ref is no change",
         thing({"anyOf": [S, obj(a=S)]}),
         thing({"anyOf": [S, {"$ref": REF + "A"}]}, A=obj(a=S)), set()),
    Pair("variant component renamed, same schema, is no change",
         events(A=obj(a=S), B=obj(b=INT)), events(A=obj(a=S), Bee=obj(b=INT)), set()),
    Pair("discriminator property renamed",
         thing({"oneOf": [{"$ref": REF + "A"}], "discriminator": {"propertyName": "kind"}},
               A=obj(kind=S, type=S)),
         thing({"oneOf": [{"$ref": REF + "A"}], "discriminator": {"propertyName": "type"}},
               A=obj(kind=S, type=S)),
         at("", "ERR", "ERR", "discriminator-changed")),
    Pair("a field of one variant", events(A=obj(a=S), B=obj(b=INT)),
         events(A=obj(a=LIMITED), B=obj(b=INT)),
         {("ERR", "limit-tightened", "request body A.a maxLength"),
          ("INFO", "limit-tightened", "response 200 A.a maxLength")}),
]

WEBHOOK_PAIRS: list[Pair] = [
    Pair("webhook removed", webhooks(paid=obj(id=S)), webhooks(),
         {("ERR", "webhook-removed", "webhook")}, operation="WEBHOOK paid POST"),
    Pair("webhook added", webhooks(), webhooks(shipped=obj(id=S)),
         {("INFO", "webhook-added", "webhook")}, operation="WEBHOOK shipped POST"),
    Pair("callback removed", get(callbacks={"onPaid": {"{$request.body#/url}": {
             "post": {"requestBody": {"content": {"application/json": {"schema": obj(id=S)}}},
                      "responses": {"200": OK}}}}}), get(),
         {("ERR", "webhook-removed", "webhook")},
         operation="GET /things CALLBACK onPaid {$request.body#/url} POST"),
    Pair("callback body narrowed: clients receive less",
         get(callbacks={"onPaid": {"{$request.body#/url}": {
             "post": {"requestBody": {"content": {"application/json": {"schema": obj(n=NUM)}}},
                      "responses": {"200": OK}}}}}),
         get(callbacks={"onPaid": {"{$request.body#/url}": {
             "post": {"requestBody": {"content": {"application/json": {"schema": obj(n=INT)}}},
                      "responses": {"200": OK}}}}}),
         {("INFO", "type-narrowed", "webhook body n")}),
    Pair("webhook body field removed: clients read it", webhooks(paid=obj(id=S, at=S)),
         webhooks(paid=obj(id=S)), {("WARN", "field-removed", "webhook body at")}),
    Pair("webhook body enum value added", webhooks(paid=obj(s=S | {"enum": ["a"]})),
         webhooks(paid=obj(s=S | {"enum": ["a", "b"]})),
         {("WARN", "enum-value-added", "webhook body s")}),
]
# fmt: on

PAIRS: list[Pair] = [
    *SCHEMA_PAIRS,
    *OPERATION_PAIRS,
    *SECURITY_PAIRS,
    *UNION_PAIRS,
    *WEBHOOK_PAIRS,
]
