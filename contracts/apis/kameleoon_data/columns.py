"""A clean line-form body checked whole, column by column, at C speed.

An SDK's batch is thousands of events of a few types. Checked event by event (compiled.py), each
costs a Python call and a few steps per field. Here a slice of the body becomes one JSON array in
a single `json.loads` (names and values stay the text the line form carries), the events are
grouped by type, and each field of a type is checked as one column by builtins that run in C:
`max(map(len, column))`, set inclusion, one regular expression over the column joined by NUL,
`min`/`max` of `map(int, column)`, one `escape_decode` for a column's percent-escapes. A type
with only a few events in the slice (an SDK request's usual handful) is checked event by event by
its compiled checker instead: a column's fixed cost is then larger than the events' own.

It answers one question: "would every line pass compiled.py's checker, with the nonces unique
and the body's visitor and time rules kept?" It never says why not: on any doubt (a quote or a
backslash in the body, a CR, an empty line, an unknown name, a value off its column's pattern)
it answers None and `rules.check_body` goes line by line, where the per-event checkers and then
`rules.check_event` find and word the violations. So the verdicts and messages are those of
`check_event`; a column check that is too cautious only costs time, one that passes a bad body
would be a bug (tests/apis/kameleoon_data/test_compiled.py compares the paths on generated
bodies). The body is read in slices of about CHUNK characters so that peak memory stays a small
multiple of the body when nobody keeps the events.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
from codecs import escape_decode
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import orjson

from . import compiled
from .codec import DOUBLE_FORM, INTEGER_FORM, NONCE_FORM
from .events import INT_RANGES, Edition, EventSpec, FieldSpec, edition

CHUNK = 1 << 18  # characters per slice (about 2,500 events of the usual size)
# A type with fewer events than this in a slice is checked event by event by its compiled checker
# (a couple of microseconds an event) rather than column by column (a few microseconds a field,
# however few its values): an SDK's request holds a handful of events of several types.
SMALL_GROUP = 8

Event = dict[str, str]


class _Unclean(Exception):
    """Some line may break a rule: the caller goes line by line."""


def _column(item: str) -> re.Pattern[str]:
    """A whole column, its values joined by NUL, each matching `item` (which never matches NUL,
    so the joins cannot shift)."""
    return re.compile(rf"(?:{item}\0)*{item}")


_INTEGERS = _column(INTEGER_FORM)
_DOUBLES = _column(DOUBLE_FORM)
_NONCES = _column(NONCE_FORM)
# Metadata ids (rules.METADATA_KEY) of ten digits at most: int() takes them, and a longer one
# (zero-padded, or out of range) goes line by line.
_KEYS = _column(r"-?[0-9]{1,10}")
_WS = r"[ \t\n\r]*"  # JSON's whitespace
_INT = r"-?(?:0|[1-9][0-9]*)"  # JSON's integers


def _int_lists(nullable_items: bool) -> re.Pattern[str]:
    """JSON arrays of integers (and nulls): any other array goes line by line."""
    item = f"(?:{_INT}|null)" if nullable_items else _INT
    return _column(rf"\[{_WS}(?:{item}(?:{_WS},{_WS}{item})*{_WS})?\]")


_INT_LISTS = {False: _int_lists(False), True: _int_lists(True)}
# JSON's grammar for the two object-valued kinds, to the depth they have: the patterns never
# match NUL (a control character, escaped inside JSON strings), so one `json.loads` of the
# column joined by commas holds exactly one object per value.
_STRING = r'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"'


def _json_object(value: str) -> re.Pattern[str]:
    """JSON objects whose keys are strings and values match `value`."""
    entry = rf"{_STRING}{_WS}:{_WS}{value}"
    return _column(rf"\{{{_WS}(?:{entry}(?:{_WS},{_WS}{entry})*{_WS})?\}}")


_OBJECTS = {
    "metadata": _json_object(rf"\[{_WS}(?:{_STRING}(?:{_WS},{_WS}{_STRING})*{_WS})?\]"),
    "values_count_map": _json_object(_INT),
}


def _require(condition: bool) -> None:
    if not condition:
        raise _Unclean


def _joined(values: Sequence[str], pattern: re.Pattern[str]) -> None:
    """Every value matches the pattern's item; the count guards against NUL inside values."""
    text = "\0".join(values)
    _require(text.count("\0") == len(values) - 1 and pattern.fullmatch(text) is not None)


def _in_range(numbers: Sequence[int], low: int, high: int) -> None:
    _require(not numbers or (low <= min(numbers) and max(numbers) <= high))


def _decoded(values: list[str]) -> list[str]:
    """The column's values with their %XX escapes decoded, as compiled.split_clean_line does."""
    joined = "\0".join(values)
    if "%" not in joined:
        return values
    try:  # no backslash in the body (checked), so only the escapes written here are read
        text = escape_decode(joined.replace("%", "\\x").encode())[0].decode("utf-8")
    except ValueError:  # a '%' without two hex digits, or escapes that are not UTF-8
        raise _Unclean from None
    decoded = text.split("\0")
    _require(len(decoded) == len(values))
    return decoded


def _json_values(values: Sequence[str], pattern: re.Pattern[str]) -> list[Any]:
    """The column's JSON values, read in one `json.loads` once each matches `pattern`."""
    _joined(values, pattern)
    try:
        parsed: list[Any] = json.loads("[" + ",".join(values) + "]")
    except ValueError:  # e.g. an integer of more than 4,300 digits
        raise _Unclean from None
    _require(len(parsed) == len(values))
    return parsed


def _check_metadata(field: FieldSpec, objects: list[Any]) -> None:
    """rules._check_metadata finding nothing, for every value of the column."""
    _require(set(map(type, objects)) <= {dict})
    if field.max_entries is not None:
        _require(max(map(len, objects)) <= field.max_entries)
    keys = [key for value in objects for key in value]
    if keys:
        _joined(keys, _KEYS)
        _in_range(list(map(int, keys)), *INT_RANGES["int32"])
    lists = [item for value in objects for item in value.values()]
    _require(set(map(type, lists)) <= {list})
    if lists and field.max_values is not None:
        _require(max(map(len, lists)) <= field.max_values)
    strings = [text for value in lists for text in value]
    _require(set(map(type, strings)) <= {str})
    if strings and field.max_value_length is not None:
        _require(max(map(len, strings)) <= field.max_value_length)


def _check_values_count_map(field: FieldSpec, objects: list[Any], events: list[Event]) -> None:
    """rules._check_values_count_map finding nothing, for every value of the column."""
    _require(set(map(type, objects)) <= {dict})
    if field.max_entries is not None:
        _require(max(map(len, objects)) <= field.max_entries)
    counts = [count for value in objects for count in value.values()]
    _require(set(map(type, counts)) <= {int})  # bool is not int here: type(), not isinstance
    _in_range(counts, *INT_RANGES["int32"])
    for mapping in (False, True):
        limit = field.max_value_length_mapping if mapping else field.max_value_length
        if limit is None:
            continue
        lengths = [
            len(key)
            for value, event in zip(objects, events, strict=True)
            if (event.get("mappingIdentifier") == "true") is mapping
            for key in value
        ]
        _require(not lengths or max(lengths) <= limit)


def _check_column(field: FieldSpec, values: list[str], events: list[Event]) -> None:
    """Every value passes compiled._field_lines' checks for its field (`events`: their events)."""
    if field.nullable:
        kept = [(value, event) for value, event in zip(values, events, strict=True)
                if value != "null"]  # fmt: skip
        values = [value for value, _ in kept]
        events = [event for _, event in kept]
        if not values:
            return
    kind = field.kind
    if kind == "string":
        if field.max_length is not None:
            _require(max(map(len, values)) <= field.max_length)
        if field.enum is not None:
            _require(set(values) <= set(field.enum))
    elif kind in INT_RANGES:
        _joined(values, _INTEGERS)
        try:  # int() refuses over 4,300 digits: the per-line path words that
            _in_range(list(map(int, values)), *INT_RANGES[kind])
        except ValueError:
            raise _Unclean from None
    elif kind == "double":
        _joined(values, _DOUBLES)
    elif kind == "boolean":
        _require(set(values) <= {"true", "false"})
    elif kind == "int32_list":
        lists = _json_values(values, _INT_LISTS[field.nullable_items])
        _in_range([i for items in lists for i in items if i is not None], *INT_RANGES["int32"])
    elif kind == "metadata":
        _check_metadata(field, _json_values(values, _OBJECTS[kind]))
    elif kind == "values_count_map":
        _check_values_count_map(field, _json_values(values, _OBJECTS[kind]), events)
    else:  # a kind this module does not know: never guess
        raise _Unclean


@dataclass(frozen=True)
class _EventColumns:
    """How one event type's columns are read and checked."""

    allowed: frozenset[str]
    fields: tuple[tuple[str, FieldSpec], ...]
    personalization: bool  # unexposition_cause_needs_reference

    def check(self, events: list[Event]) -> None:
        names: set[str] = set().union(*events)
        _require(names <= self.allowed)
        for name, field in self.fields:
            if field.required:
                try:
                    having = events
                    values = list(map(itemgetter(name), events))
                except KeyError:
                    raise _Unclean from None
            elif name in names:
                having = [event for event in events if name in event]
                values = [event[name] for event in having]
            else:
                continue
            decoded = _decoded(values)
            if decoded is not values:
                for event, value in zip(having, decoded, strict=True):
                    event[name] = value
            _check_column(field, decoded, having)
            if name == "nonce":  # nonce:format (compiled.py inlines it the same way)
                _joined(decoded, _NONCES)
        if self.personalization:
            references = [event.get("variationId") for event in events
                          if "unexpositionCause" in event]  # fmt: skip
            _require(all(value is not None and int(value) == 0 for value in references))


def _decode_events(events: list[Event]) -> None:
    """The events' %XX escapes decoded in place, as compiled.split_clean_line does: all their
    values joined by NUL (the body holds neither NUL nor %00, checked) through one escape_decode,
    whose fixed cost is then paid once for the slice's few events instead of once each."""
    joined = "\0".join(itertools.chain.from_iterable(map(dict.values, events)))
    if "%" not in joined:
        return
    try:  # no backslash in the body (checked), so only the escapes written here are read
        text = escape_decode(joined.replace("%", "\\x").encode())[0].decode("utf-8")
    except ValueError:  # a '%' without two hex digits, or escapes that are not UTF-8
        raise _Unclean from None
    decoded = text.split("\0")
    _require(len(decoded) == sum(map(len, events)))
    values = iter(decoded)
    for event in events:  # zip takes a name first: it stops at the event's last, no value lost
        event.update(zip(event, values, strict=False))


def _check_events(few: list[tuple[compiled.Checker, list[Event]]]) -> None:
    """Events of types with few events in the slice, each through its type's compiled checker
    (what the columns check), decoded together first."""
    _decode_events([event for _, group in few for event in group])
    for checker, group in few:
        _require(all(map(checker, group)))


def _event_columns(event: EventSpec) -> _EventColumns:
    return _EventColumns(
        allowed=frozenset({*event.fields, "eventType"}),
        fields=tuple(event.fields.items()),
        personalization=event.event_type == "PERSONALIZATION",
    )


@functools.cache
def _columns_of(edition_name: str) -> dict[str, _EventColumns]:
    events = edition(edition_name).events
    return {event_type: _event_columns(event) for event_type, event in events.items()}


def _slices(text: str) -> Iterator[str]:
    """The body in slices of whole lines, about CHUNK characters each."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + CHUNK)
        if end < 0:
            end = len(text)
        yield text[start:end]
        start = end + 1


def _events(piece: str) -> list[Event]:
    """A slice's lines as dicts of raw text: one JSON array built by three replacements."""
    array = '[{"' + piece.replace("\n", '"},{"').replace("&", '","').replace("=", '":"') + '"}]'
    try:
        events: list[Event] = orjson.loads(array)  # json.loads' result, in half the time
    except ValueError:  # a pair without '=', a value with '=', a control character
        raise _Unclean from None
    # A repeated name would be one key: every line keeps all its pairs.
    _require(sum(map(len, events)) == piece.count("&") + len(events))
    return events


def clean_body(
    text: str, ed: Edition, visitor_in_query: bool, delayed: bool, kept: list[Event] | None = None
) -> bool:
    """True when each line of a line-form body would be taken by `check_body`'s fast path
    (compiled.py) and the body breaks no rule; then `kept`, when given, receives every event,
    decoded (line i is item i - 1). False (and `kept` untouched) when some line may break one."""
    if text.endswith("\n"):
        text = text[:-1]
    if (
        not text
        or text[0] in "\n["
        or "\n\n" in text
        or any(char in text for char in '"\\\r\0')
        or "%00" in text
    ):
        return False
    columns = _columns_of(ed.name)
    checkers = compiled.checkers(ed.name)
    nonces: set[str] = set()
    legacy = ed.name == "legacy"
    events_so_far: list[Event] = []
    try:
        for piece in _slices(text):
            events = _events(piece)
            groups: dict[str, list[Event]] = {}
            for event in events:
                groups.setdefault(event.get("eventType", ""), []).append(event)
            few = []
            for event_type, group in groups.items():
                if event_type not in columns:  # other spellings go line by line (a warning)
                    return False
                if len(group) < SMALL_GROUP:
                    few.append((checkers[event_type], group))
                else:
                    columns[event_type].check(group)
            if few:
                _check_events(few)
            fresh = [event["nonce"].lower() for event in events]  # required, format checked
            seen = len(nonces)
            nonces.update(fresh)
            _require(len(nonces) == seen + len(fresh))  # nonce_unique
            if not visitor_in_query:  # visitor_identified (mappingValue goes line by line)
                _require(all(["visitorCode" in event for event in events]))
            if legacy:  # time_when_delayed, time_without_delayed
                _require(all([("time" in event) is delayed for event in events]))
            if kept is not None:
                events_so_far += events
    except _Unclean:
        return False
    if kept is not None:
        kept += events_so_far
    return True
