"""Per-event-type validators compiled from the spec, for the line form's common case: a clean event.

`rules.check_body` reads a body through columns.py first (the whole body at once) and, when
that declines, each line through here. A compiled checker answers one
question, "does this event break no rule at all?", with straight-line code generated once per
event type from the edition's event model (as fastjsonschema does for JSON Schema): one `d.get`
and a few comparisons per declared field, no schema engine, no dispatch on kinds. It never says
why: any event it does not pass, for whatever reason, goes through `rules.check_event`, which
finds and words the violations. So the verdicts and the messages are those of `check_event`
(tests/apis/kameleoon_data/test_compiled.py compares both on generated bodies); a checker that
is too cautious only costs time, one that passes a bad event would be a bug the test catches.
"""

from __future__ import annotations

import functools
import re
from codecs import escape_decode
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any

import orjson

from .codec import DOUBLE, INTEGER, NONCE, read_text_value
from .events import INT_RANGES, EventSpec, FieldSpec, edition

Checker = Callable[[Mapping[str, str]], bool]
_split_pair = partial(str.split, sep="=", maxsplit=1)


def split_clean_line(line: str) -> dict[str, str] | None:
    """A line's decoded fields, or None when it has anything unusual (a pair without '=', an
    empty or escaped name, a repeated name, a bad escape, invalid UTF-8): `codec.split_line`
    reports those."""
    pairs = line.split("&")
    try:
        fields = dict(map(_split_pair, pairs))  # C speed; a pair without '=' raises
    except ValueError:
        return None
    if len(fields) != len(pairs) or "" in fields:
        return None
    if "%" in line:
        names = list(fields)
        if "%" in "".join(names) or "\0" in line or "%00" in line:
            return None
        # All values decoded in one pass at C speed: joined by NUL (absent from the line, raw or
        # escaped), each %XX written as \xXX for the bytes-escape decoder, then UTF-8.
        joined = "\0".join(fields.values()).replace("\\", "\\\\").replace("%", "\\x")
        try:
            decoded = escape_decode(joined.encode())[0].decode("utf-8")
        except ValueError:  # a '%' without two hex digits, or escapes that are not UTF-8
            return None
        fields = dict(zip(names, decoded.split("\0"), strict=True))
    return fields


def _loaded(var: str, kind: type) -> list[str]:
    """Lines of Python (indented by 4) setting `typed` to `var` read as JSON, failing unless it
    is exactly a `kind`."""
    return [
        "try:",
        f"    typed = loads({var})",
        "except (ValueError, RecursionError):",
        "    return False",
        f"if type(typed) is not {kind.__name__}: return False",
    ]


def _field_lines(field: FieldSpec, var: str, env: dict[str, Any]) -> list[str]:
    """Lines of Python (indented by 4) failing when `var`, a present text value, breaks a rule."""
    key = f"F_{len(env)}"
    env[key] = field
    kind = field.kind
    out: list[str] = []
    if kind == "string":
        if field.max_length is not None:
            out.append(f"if len({var}) > {field.max_length}: return False")
        if field.enum is not None:
            env[f"{key}_enum"] = frozenset(field.enum)
            out.append(f"if {var} not in {key}_enum: return False")
    elif kind in INT_RANGES:
        low, high = INT_RANGES[kind]
        out += [
            f"if not INTEGER({var}): return False",
            f"if not {low} <= int({var}) <= {high}: return False",
        ]
    elif kind == "double":
        out.append(f"if not DOUBLE({var}): return False")
    elif kind == "boolean":
        out.append(f"if {var} != 'true' and {var} != 'false': return False")
    elif kind == "int32_list":  # the common JSON-valued field, inlined
        low, high = INT_RANGES["int32"]
        item_ok = f"type(i) is int and {low} <= i <= {high}"
        if field.nullable_items:
            item_ok = f"i is None or ({item_ok})"
        out += [*_loaded(var, list), "for i in typed:", f"    if not ({item_ok}): return False"]
    elif kind == "metadata":  # rules._check_metadata finding nothing, inlined
        low, high = INT_RANGES["int32"]
        out += _loaded(var, dict)
        if field.max_entries is not None:
            out.append(f"if len(typed) > {field.max_entries}: return False")
        # Ten digits at most: a longer id is no int32 unless zero-padded, which the rules judge.
        out += [
            "for k, items in typed.items():",
            f"    if not (METADATA_KEY(k) and {low} <= int(k) <= {high}): return False",
            "    if type(items) is not list: return False",
        ]
        if field.max_values is not None:
            out.append(f"    if len(items) > {field.max_values}: return False")
        out += ["    for item in items:", "        if type(item) is not str: return False"]
        if field.max_value_length is not None:
            out.append(f"        if len(item) > {field.max_value_length}: return False")
    elif kind == "values_count_map":  # rules._check_values_count_map finding nothing, inlined
        low, high = INT_RANGES["int32"]
        out += _loaded(var, dict)
        if field.max_entries is not None:
            out.append(f"if len(typed) > {field.max_entries}: return False")
        mapping, plain = field.max_value_length_mapping, field.max_value_length
        out += [
            f"limit = {mapping!r} if d.get('mappingIdentifier') == 'true' else {plain!r}",
            "for k, count in typed.items():",
            f"    if type(count) is not int or not {low} <= count <= {high}: return False",
            "    if limit is not None and len(k) > limit: return False",
        ]
    else:  # JSON-valued fields: the codec reads them, the rules' own value check judges them
        out += [
            "try:",
            f"    typed = read_text_value({key}, {var})",
            "except ValueError:",
            "    return False",
            "found = []",
            f"check_value({key}, typed, found, d)",
            "if found: return False",
        ]
    if field.nullable:
        out = [f"if {var} != 'null':", *("    " + line for line in out)]
    return out


def _compile(event: EventSpec, edition_name: str) -> Checker:
    from .rules import _check_value  # the rules' own checks of JSON-valued fields

    env: dict[str, Any] = {
        "INTEGER": INTEGER.match,
        "DOUBLE": DOUBLE.match,
        "NONCE": NONCE.match,
        "read_text_value": read_text_value,
        # orjson for the inlined JSON fields, five times json.loads' speed: where the two differ
        # orjson refuses (NaN, Infinity, 1e400, integers past 64 bits, lone surrogates), its
        # error is a ValueError and the event goes the rules' way, which word the verdict.
        "loads": orjson.loads,
        "METADATA_KEY": re.compile(r"-?[0-9]{1,10}").fullmatch,
        "check_value": _check_value,
        "ALLOWED": frozenset({*event.fields, "eventType"}),
    }
    body = ["if not d.keys() <= ALLOWED: return False"]
    for index, (name, field) in enumerate(event.fields.items()):
        var = f"v{index}"
        checks = _field_lines(field, var, env)
        if name == "nonce":  # nonce:format, inlined (the body loop checks it is unique)
            checks.append(f"if not NONCE({var}): return False")
        if field.required:
            body += [f"{var} = d.get({name!r})", f"if {var} is None: return False", *checks]
        elif checks:
            body += [f"{var} = d.get({name!r})", f"if {var} is not None:"]
            body += ["    " + line for line in checks]
    if event.event_type == "PERSONALIZATION":  # unexposition_cause_needs_reference
        body.append("if 'unexpositionCause' in d and int(d['variationId']) != 0: return False")
    source = "def check(d):\n" + "".join(f"    {line}\n" for line in [*body, "return True"])
    exec(compile(source, f"<compiled {edition_name} {event.event_type}>", "exec"), env)
    checker: Checker = env["check"]
    return checker


@functools.cache
def checkers(edition_name: str) -> dict[str, Checker]:
    """The compiled checker of each event type, by its exact canonical spelling (any other
    spelling goes the slow way: it is a warning on the current page)."""
    ed = edition(edition_name)
    return {event_type: _compile(event, ed.name) for event_type, event in ed.events.items()}
