"""The two body forms of `/visit/events`, written and read exactly as the pages describe.

Line form (json missing or false): one event per line, `name=value&name=value`, each value escaped
as JavaScript's `encodeURIComponent` does; JSON-valued fields (keyPageIndices, metadata,
valuesCountMap, ...) are JSON text, escaped the same way. JSON form (json=true): a JSON array of
event objects with JSON-typed values.

Null: the older page allows null for some scalars ("null for other", reference.txt:62, 68; the
legacy spec marks them `nullable`). JSON writes `null`; a line writes the same four letters
unescaped, `browserIndex=null`, read back as None only for a nullable field (for any other field
`null` stays the text it is, and a non-string field reports it as the wrong type).

`write_lines`/`write_json` take typed events (dicts with str, int, float, bool, list, dict and,
for nullable fields, None values); `parse_lines`/`parse_json` give them back typed, so
`parse_lines(write_lines(events)) == events`. The parsers raise `CodecError` naming line and
field; `rules.check_body` reports the same problems as violations instead.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any
from urllib.parse import quote, unquote

from .events import INT_RANGES, JSON_KINDS, Edition, FieldSpec, edition

# encodeURIComponent leaves letters, digits and these unescaped (ECMA-262, 19.2.6.5).
URI_COMPONENT_SAFE = "-_.!~*'()"
BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
INTEGER_FORM = r"[+-]?[0-9]+"
NONCE_FORM = r"[0-9A-Fa-f]{16}"
# Decimal notation as Java's Double.parseDouble and JSON write it; no NaN, Infinity or hex.
# Written without ambiguity (digits, then an optional '.' and digits): `[0-9]+\.?[0-9]*` could
# split a run of digits in n ways, and a long bad value made the engine backtrack for hours.
DOUBLE_FORM = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
INTEGER = re.compile(rf"{INTEGER_FORM}\Z")
NONCE = re.compile(rf"{NONCE_FORM}\Z")
DOUBLE = re.compile(rf"{DOUBLE_FORM}\Z")


class CodecError(ValueError):
    """A body that cannot be read as events; says where (line or index, field) and why."""


def encode_component(text: str) -> str:
    """JavaScript's encodeURIComponent: UTF-8, percent-encoded, upper-case hex."""
    return quote(text, safe=URI_COMPONENT_SAFE)


def format_value(value: Any) -> str:
    """A typed value as the line form carries it (before escaping)."""
    if value is None:
        return "null"  # as JSON writes it; read back as None for nullable fields only
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, str)):
        return str(value)
    if isinstance(value, float):
        return repr(value)  # shortest text that reads back as the same double
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def write_line(event: Mapping[str, Any]) -> str:
    return "&".join(
        f"{encode_component(name)}={encode_component(format_value(value))}"
        for name, value in event.items()
    )


def write_lines(events: Iterable[Mapping[str, Any]]) -> str:
    return "\n".join(write_line(event) for event in events)


def write_json(events: Iterable[Mapping[str, Any]]) -> str:
    return json.dumps(list(events), separators=(",", ":"), ensure_ascii=False)


# -- reading ----------------------------------------------------------------------------------


def decode_component(text: str) -> str:
    """The inverse of encode_component; ValueError on a malformed escape or invalid UTF-8."""
    if "%" not in text:
        return text
    if BAD_ESCAPE.search(text):
        raise ValueError("has a '%' not followed by two hexadecimal digits")
    try:
        return unquote(text, errors="strict")
    except UnicodeDecodeError:
        raise ValueError("has percent-escapes that are not valid UTF-8") from None


def split_line(line: str) -> tuple[dict[str, str], list[str], list[str]]:
    """One line's decoded fields, its syntax problems, and the names it repeats."""
    fields: dict[str, str] = {}
    problems: list[str] = []
    duplicates: list[str] = []
    for pair in line.split("&"):
        name, sep, value = pair.partition("=")
        if not sep or not name:
            problems.append(f"{pair[:40]!r} is not name=value")
            continue
        try:
            # Most names and values carry no escape: skip the decoder for them (hot loop).
            if "%" in value:
                value = decode_component(value)
            if "%" in name:
                name = decode_component(name)
        except ValueError as error:
            problems.append(f"{name[:40]}: value {value[:40]!r} {error}")
            continue
        if name in fields:
            duplicates.append(name)
        fields[name] = value
    return fields, problems, duplicates


def split_lines(text: str) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    """(line number, fields, problems) for each non-empty line of a line-form body."""
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if line:
            fields, problems, _ = split_line(line)
            yield number, fields, problems


def read_text_value(field: FieldSpec, text: str) -> Any:
    """A line-form value (already unescaped) as its field's type; ValueError when it is not."""
    kind = field.kind
    if field.nullable and text == "null":
        return None
    if kind == "string":
        return text
    if kind in INT_RANGES:
        if not INTEGER.match(text):
            raise ValueError(f"{text[:40]!r} is not an integer ({kind})")
        return int(text)
    if kind == "double":
        if not DOUBLE.match(text):
            raise ValueError(f"{text[:40]!r} is not a decimal number (double)")
        return float(text)
    if kind == "boolean":
        if text not in ("true", "false"):
            raise ValueError(f"{text[:40]!r} is not a boolean (true or false)")
        return text == "true"
    try:
        value = json.loads(text)
    except ValueError:
        raise ValueError(f"{text[:40]!r} is not JSON") from None
    except RecursionError:  # arrays in arrays thousands deep: no value of any field
        raise ValueError(f"{text[:40]!r} nests deeper than JSON values are read") from None
    return read_json_value(field, value)  # the JSON must also be the right container


def read_json_value(field: FieldSpec, value: Any) -> Any:
    """A JSON-form value, checked against its field's type; ValueError when it does not fit."""
    kind = field.kind
    ok: bool
    if value is None and field.nullable:
        return None
    if kind == "string":
        ok = isinstance(value, str)
    elif kind in INT_RANGES:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "double":
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        ok = ok and math.isfinite(value)
    elif kind == "boolean":
        ok = isinstance(value, bool)
    elif kind == "int32_list":
        ok = isinstance(value, list)
    else:
        ok = isinstance(value, dict)
    if not ok:
        expected = "a JSON " + ("array" if kind == "int32_list" else "object")
        expected = expected if kind in JSON_KINDS else kind
        raise ValueError(f"{json.dumps(value)[:40]} is not {expected}")
    return value


def _event_fields(ed: Edition, event: Mapping[str, Any]) -> Mapping[str, FieldSpec]:
    event_type = str(event.get("eventType", "")).upper()
    spec = ed.events.get(event_type)
    return spec.fields if spec else ed.common


def parse_lines(body: str | bytes, edition_name: str | None = None) -> list[dict[str, Any]]:
    """Typed events from a line-form body; unknown fields stay strings."""
    ed = edition(edition_name)
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    events = []
    for number, raw, problems in split_lines(text):
        if problems:
            raise CodecError(f"line {number}: {problems[0]}")
        fields = _event_fields(ed, raw)
        event: dict[str, Any] = {}
        for name, value in raw.items():
            field = fields.get(name)
            try:
                event[name] = read_text_value(field, value) if field else value
            except ValueError as error:
                raise CodecError(f"line {number}: {name}: {error}") from None
        events.append(event)
    return events


def parse_json(body: str | bytes, edition_name: str | None = None) -> list[dict[str, Any]]:
    """Events from a JSON-form body, their values checked against the field types."""
    ed = edition(edition_name)
    try:
        events = json.loads(body)
    except ValueError as error:
        raise CodecError(f"not JSON: {error}") from None
    except RecursionError:
        raise CodecError("not JSON this program can read: nested too deep") from None
    if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
        raise CodecError("not a JSON array of event objects")
    for index, event in enumerate(events):
        fields = _event_fields(ed, event)
        for name, value in event.items():
            if name in fields:
                try:
                    read_json_value(fields[name], value)
                except ValueError as error:
                    raise CodecError(f"[{index}].{name}: {error}") from None
    return events
