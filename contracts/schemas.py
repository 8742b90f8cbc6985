"""Validating values against a spec's schemas, with errors that name field, rule and page line."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, Literal

from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator
from openapi_schema_validator import (
    OAS30ReadValidator,
    OAS30WriteValidator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)

from .specs import DocRef, Spec
from .violations import Violation, short

Direction = Literal["request", "response"]


def _make(spec: Spec, root: dict[str, Any], direction: Direction) -> Validator:
    """The validator of the spec's dialect: OpenAPI 3.1 schemas are JSON Schema 2020-12 (with
    OpenAPI's vocabulary); 3.0 schemas are their own dialect, read- and write-only aware."""
    if str(spec.document.get("openapi", "")).startswith("3.1"):
        return OAS31Validator(root, format_checker=oas31_format_checker)  # type: ignore[no-any-return]
    cls = OAS30WriteValidator if direction == "request" else OAS30ReadValidator
    return cls(root, format_checker=oas30_format_checker)  # type: ignore[no-any-return]


def _root(spec: Spec, top: Mapping[str, Any]) -> dict[str, Any]:
    # Validate against {$ref} with the document's components beside it, so `#/components/...`
    # references resolve without copying the schema (and, for a spec that cites pointers, its
    # paths: an inline schema is named by its pointer, `#/paths/~1pets/post/...`).
    root = {**top, "components": spec.document.get("components", {})}
    if spec.cites_pointers:
        root["paths"] = spec.document.get("paths", {})
    return root


@functools.cache
def _validator(spec: Spec, document: int, ref: str, direction: Direction) -> Validator:
    # Keyed by the document's identity too: two loadings of one file are equal Specs, and a
    # validator must hand back the nodes of the document it is asked about (the citations find
    # them by identity). The cached validator keeps its document alive, so the id stays its own.
    return _make(spec, _root(spec, {"$ref": ref}), direction)


def validator(spec: Spec, schema: Mapping[str, Any], direction: Direction) -> Validator:
    """A cached validator for a schema of `spec` given as `{"$ref": "#/components/schemas/X"}`
    (every payload of our specs is named, see specs/README.md) or inline."""
    if set(schema) == {"$ref"}:
        return _validator(spec, id(spec.document), str(schema["$ref"]), direction)
    return _make(spec, _root(spec, schema), direction)


def schema_violations(
    spec: Spec,
    schema: Mapping[str, Any],
    instance: Any,
    direction: Direction = "request",
    prefix: str = "",
) -> list[Violation]:
    """Every way `instance` breaks `schema`, one Violation each, in document order."""
    checker = validator(spec, schema, direction)
    try:
        found = sorted(checker.iter_errors(instance), key=_position)
    except RecursionError:  # hostile nesting must be a finding, not a crash
        return [Violation("depth", prefix or "body", "is nested too deeply to check", spec.doc())]
    # OpenAPI 3.0's validator reports a null twice (not nullable, and not of the type): keep one.
    nulls = {tuple(e.absolute_path) for e in found if e.validator == "nullable"}
    found = [e for e in found if not (e.validator == "type" and tuple(e.absolute_path) in nulls)]
    return [to_violation(spec, error, prefix, checker.schema) for error in found]


def _position(error: ValidationError) -> tuple[str, ...]:
    return tuple(str(part) for part in error.absolute_path)


def field_path(parts: Any, prefix: str = "") -> str:
    """`["targets", 0, "name"]` -> `targets[0].name`."""
    text = prefix
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _nearest_doc_line(spec: Spec, root: Any, schema_path: Any) -> int | None:
    """The x-doc-line of the deepest schema node on the way to an error (following $refs), so an
    error in an array item or a map value cites the field that holds it."""
    node: Any = root
    line = None
    for part in schema_path:
        if isinstance(node, Mapping) and "x-doc-line" in node:
            line = node["x-doc-line"]
        if isinstance(node, Mapping) and part == "$ref":
            node = spec.resolve({"$ref": node["$ref"]})
            continue
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, Mapping) and "x-doc-line" in node:
        line = node["x-doc-line"]
    return int(line) if line is not None else None


def to_violation(
    spec: Spec, error: ValidationError, prefix: str = "", root: Any = None
) -> Violation:
    # oneOf/anyOf failures are unreadable as such; the closest branch error says what is wrong.
    if error.validator in ("oneOf", "anyOf") and error.context:
        best = min(error.context, key=lambda e: (len(e.path) * -1, e.validator == "type"))
        best_path = list(error.absolute_path) + list(best.path)
        error = ValidationError(
            best.message,
            validator=best.validator,
            path=best_path,
            schema=best.schema,
            instance=best.instance,
            validator_value=best.validator_value,
        )
    field = field_path(error.absolute_path, prefix)
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    node = schema
    keyword = str(error.validator)
    if keyword == "required":
        missing = error.message.split("'")[1] if "'" in error.message else ""
        field = field_path([*error.absolute_path, missing], prefix)
        node = schema.get("properties", {}).get(missing, schema)
        message = "is required but missing"
    elif keyword == "additionalProperties" and schema.get("additionalProperties") is False:
        message = error.message
    else:
        message = f"{short(error.instance)} {_explain(keyword, error.validator_value)}"
    if spec.cites_pointers:  # no pages: cite the keyword's place in the spec
        return Violation(keyword, field, message, spec.doc(schema, keyword))
    line = node.get("x-doc-line") if isinstance(node, Mapping) else None
    if line is None and root is not None:
        line = _nearest_doc_line(spec, root, error.absolute_schema_path)
    doc = DocRef(spec.page, int(line)) if line is not None else DocRef(spec.page)
    return Violation(rule=keyword, field=field, message=message, doc=doc)


def _explain(keyword: str, expected: Any) -> str:
    explanations = {
        "maxLength": f"is longer than {expected} characters",
        "minLength": f"is shorter than {expected} characters",
        "maxItems": f"has more than {expected} items",
        "minItems": f"has fewer than {expected} items",
        "maxProperties": f"has more than {expected} entries",
        "minProperties": f"has fewer than {expected} entries",
        "maximum": f"is above the maximum {expected}",
        "minimum": f"is below the minimum {expected}",
        "pattern": f"does not match the pattern {expected}",
        "enum": f"is not one of {expected}",
        "type": f"is not of type {expected}",
        "format": f"is not a valid {expected}",
        "const": f"is not {expected!r}",
    }
    return explanations.get(keyword, f"fails {keyword} {short(expected)}")
