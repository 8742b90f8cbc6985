"""A value that fits a schema, made without drawing (the way Prism's static mode answers): the
schema's own example, default, const or first enum value where it has one, else the smallest value
of its type within its limits. The mock of a spec answers with these; `contracts check --spec`
fills path parameters with them. What cannot be made this way (a pattern, a `not`) is found with
Hypothesis, derandomized, so the same schema gives the same value.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, Literal

from .specs import Spec

Direction = Literal["request", "response"]
MAX_DEPTH = 8  # a recursive schema stops at optional fields past this depth

_FORMATS = {
    "date": "2024-01-01",
    "date-time": "2024-01-01T00:00:00Z",
    "time": "00:00:00Z",
    "email": "user@example.com",
    "idn-email": "user@example.com",
    "uuid": "00000000-0000-4000-8000-000000000000",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "uri-reference": "https://example.com/",
    "iri": "https://example.com/",
    "hostname": "example.com",
    "ipv4": "127.0.0.1",
    "ipv6": "::1",
    "byte": "AA==",
    "password": "password",
}


def types_of(schema: Mapping[str, Any]) -> list[str]:
    kind = schema.get("type")
    if isinstance(kind, list):
        return [str(k) for k in kind]
    if isinstance(kind, str):
        return [kind]
    if "properties" in schema or "additionalProperties" in schema or "required" in schema:
        return ["object"]
    if "items" in schema:
        return ["array"]
    return []


def static_value(spec: Spec, schema: Any, direction: Direction = "response", depth: int = 0) -> Any:
    """A value for `schema` (a node of `spec`, `$ref`s followed)."""
    if not isinstance(schema, Mapping):
        return None
    schema = spec.resolve(schema)
    for key in ("example", "default", "const"):
        if key in schema:
            return schema[key]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return examples[0]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    if "allOf" in schema:
        return _all_of(spec, schema, direction, depth)
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list) and schema[key]:
            return static_value(spec, schema[key][0], direction, depth)
    kinds = types_of(schema)
    kind = next((k for k in kinds if k != "null"), "null" if kinds else "object")
    if kind == "object":
        return _object(spec, schema, direction, depth)
    if kind == "array":
        count = int(schema.get("minItems", 0))
        item = static_value(spec, schema.get("items", {}), direction, depth + 1)
        if schema.get("uniqueItems") and count > 1:
            return [item]  # cannot repeat; the schema is unusual enough to leave it at that
        return [item] * count
    if kind == "string":
        return _string(schema)
    if kind in ("integer", "number"):
        return _number(schema, kind)
    if kind == "boolean":
        return True
    return None


def _all_of(spec: Spec, schema: Mapping[str, Any], direction: Direction, depth: int) -> Any:
    merged: dict[str, Any] = {}
    other: Any = None
    for part in [schema["allOf"], [{k: v for k, v in schema.items() if k != "allOf"}]]:
        for sub in part:
            value = static_value(spec, sub, direction, depth)
            if isinstance(value, dict):
                merged.update(value)
            elif value is not None:
                other = value
    return merged if merged or other is None else other


def _object(spec: Spec, schema: Mapping[str, Any], direction: Direction, depth: int) -> Any:
    skip = "readOnly" if direction == "request" else "writeOnly"
    required = set(schema.get("required") or [])
    found = {}
    for name, sub in (schema.get("properties") or {}).items():
        sub_resolved = spec.resolve(sub) if isinstance(sub, Mapping) else {}
        if sub_resolved.get(skip) and name not in required:
            continue
        if name not in required and depth >= MAX_DEPTH:
            continue
        found[name] = static_value(spec, sub, direction, depth + 1)
    return found


def _string(schema: Mapping[str, Any]) -> str:
    low = int(schema.get("minLength", 0))
    high = schema.get("maxLength")
    if "pattern" in schema:
        return _from_pattern(str(schema["pattern"]), low, high)
    text = _FORMATS.get(str(schema.get("format", "")), "string")
    if len(text) < low:
        text += "x" * (low - len(text))
    if high is not None and len(text) > int(high):
        text = text[: int(high)]
    return text


@functools.lru_cache(maxsize=1024)
def _from_pattern(pattern: str, low: int, high: Any) -> str:
    from hypothesis import HealthCheck, Phase, find, settings
    from hypothesis import strategies as st

    def fits(text: str) -> bool:
        return len(text) >= low and (high is None or len(text) <= int(high))

    try:
        found: str = find(
            st.from_regex(pattern),
            fits,
            settings=settings(
                database=None, derandomize=True, max_examples=50, phases=[Phase.generate],
                suppress_health_check=list(HealthCheck),
            ),
        )  # fmt: skip
        return found
    except Exception:
        return "x" * low


def _number(schema: Mapping[str, Any], kind: str) -> int | float:
    low = schema.get("minimum")
    high = schema.get("maximum")
    exclusive_low = schema.get("exclusiveMinimum")
    exclusive_high = schema.get("exclusiveMaximum")
    step = 1 if kind == "integer" else 0.5
    if isinstance(exclusive_low, (int, float)) and not isinstance(exclusive_low, bool):
        low = exclusive_low + step  # 3.1: a number
    elif exclusive_low is True and low is not None:
        low = low + step  # 3.0: a flag beside minimum
    if isinstance(exclusive_high, (int, float)) and not isinstance(exclusive_high, bool):
        high = exclusive_high - step
    elif exclusive_high is True and high is not None:
        high = high - step
    value: int | float = low if low is not None else (min(1, high) if high is not None else 1)
    multiple = schema.get("multipleOf")
    if multiple:
        value = multiple * -(-value // multiple)
    if kind == "integer":
        value = int(value)
    return value
