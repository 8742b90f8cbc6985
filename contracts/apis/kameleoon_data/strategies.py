"""Hypothesis strategies for `/visit/events`: valid events and bodies, boundaries, and bodies that
break exactly one named rule.

Everything is drawn from the edition's event model (`events.edition`), so the limits come from the
spec. Typical use:

    from contracts.apis.kameleoon_data import strategies
    @given(strategies.valid_samples())
    def test_my_sender(sample): ...   # sample.body (str), sample.query, sample.headers

`events()` draws typed event dicts (write them with `codec.write_lines`/`write_json`).
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from hypothesis import strategies as st

from ...vendor import HttpRequest, Sample, Severity, StrategiesRoom
from .codec import parse_lines, write_json, write_line, write_lines
from .events import INT_RANGES, SITE_CODE, Edition, FieldSpec, edition
from .rules import VISITOR_FIELDS, rule_book

GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
# Text that exercises the escaping: the separators, '%', '+', spaces, newlines and non-ASCII.
TRICKY = "&=%+ ?#/\n\r\t\"'{}[]:,é日😀"
TEXT_ALPHABET = st.characters(codec="utf-8")  # UTF-8 excludes lone surrogates


def _text(max_size: int) -> st.SearchStrategy[str]:
    tricky = st.text(st.sampled_from(TRICKY + string.ascii_letters), max_size=max_size)
    return st.one_of(st.text(TEXT_ALPHABET, max_size=max_size), tricky)


def nonces() -> st.SearchStrategy[str]:
    """16 hexadecimal characters, lower or upper case (both are hexadecimal)."""
    digits = st.text(st.sampled_from("0123456789abcdef"), min_size=16, max_size=16)
    return st.one_of(digits, digits.map(str.upper))


def _value(field: FieldSpec) -> st.SearchStrategy[Any]:
    """Valid values of one field (kept short: the boundaries have their own strategy)."""
    kind = field.kind
    if field.enum is not None:
        return st.sampled_from(field.enum)
    if field.nullable:  # "null for other" (reference.txt:62, 68)
        return st.one_of(st.none(), _value(replace(field, nullable=False)))
    if kind == "string":
        return _text(min(field.max_length or 40, 40))
    if kind in INT_RANGES:
        low, high = INT_RANGES[kind]
        return st.integers(low, high)
    if kind == "double":
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "int32_list":
        low, high = INT_RANGES["int32"]
        item: st.SearchStrategy[int | None] = st.integers(low, high)
        if field.nullable_items:
            item = st.one_of(item, st.none())
        return st.lists(item, max_size=5)
    if kind == "metadata":
        low, high = INT_RANGES["int32"]
        return st.dictionaries(
            st.integers(low, high).map(str), st.lists(_text(20), max_size=3), max_size=3
        )
    low, high = INT_RANGES["int32"]  # values_count_map: keys short enough for mapping ids too
    return st.dictionaries(_text(20), st.integers(low, high), max_size=3)


@st.composite
def events(
    draw: st.DrawFn,
    edition_name: str | None = None,
    event_type: str | None = None,
    visitor: bool = False,
    delayed: bool = False,
) -> dict[str, Any]:
    """A valid typed event; `visitor` adds a visitorCode, `delayed` a time (older edition)."""
    ed = edition(edition_name)
    chosen = event_type or draw(st.sampled_from(sorted(ed.events)))
    spec = ed.events[chosen]
    event: dict[str, Any] = {"nonce": draw(nonces()), "eventType": chosen}
    if visitor:
        event["visitorCode"] = draw(_value(spec.fields["visitorCode"]))
    if delayed:
        event["time"] = draw(st.integers(0, 2**53))
    for name, field in spec.fields.items():
        if name in ("nonce", "visitorCode", "mappingValue", "time", "unexpositionCause"):
            continue
        if field.required or draw(st.booleans()):
            event[name] = draw(_value(field))
    if chosen == "PERSONALIZATION" and event["variationId"] == 0 and draw(st.booleans()):
        event["unexpositionCause"] = draw(_value(spec.fields["unexpositionCause"]))
    return event


def _query(json_form: bool, visitor: str | None = None, delayed: bool = False) -> dict[str, str]:
    query = {"siteCode": SITE_CODE}
    if visitor is not None:
        query["visitorCode"] = visitor
    if json_form:
        query["json"] = "true"
    if delayed:
        query["delayed"] = "true"
    return query


def _body(events_: list[dict[str, Any]], json_form: bool) -> str:
    return write_json(events_) if json_form else write_lines(events_)


def sample_request(sample: Sample) -> HttpRequest:
    """The request a sample stands for: its query, headers and body as they are."""
    return HttpRequest.build("POST", "/visit/events", sample.query, sample.headers, sample.body)


@st.composite
def valid_samples(draw: st.DrawFn, edition_name: str | None = None, max_events: int = 5) -> Sample:
    """A valid request: 1..max_events events, line or JSON form, visitor in query or per event."""
    ed = edition(edition_name)
    json_form = draw(st.booleans())
    visitor_in_query = draw(st.booleans())
    delayed = ed.name == "legacy" and draw(st.booleans())
    batch = draw(
        st.lists(
            events(ed.name, visitor=not visitor_in_query, delayed=delayed),
            min_size=1,
            max_size=max_events,
            unique_by=lambda e: e["nonce"].lower(),
        )
    )
    visitor = draw(_text(40).filter(bool)) if visitor_in_query else None
    return Sample(
        _body(batch, json_form),
        note=f"{len(batch)} events, {'json' if json_form else 'lines'}",
        query=_query(json_form, visitor, delayed),
    )


# -- boundaries -------------------------------------------------------------------------------


def _base_event(ed: Edition, event_type: str) -> dict[str, Any]:
    """The smallest valid event of a type (required fields at simple values)."""
    simple = {"string": "x", "int32": 1, "int64": 1, "double": 1.5, "boolean": True,
              "int32_list": [1], "metadata": {"1": ["a"]},
              "values_count_map": {"a": 1}}  # fmt: skip
    event: dict[str, Any] = {"nonce": "0123456789abcdef", "eventType": event_type}
    for name, field in ed.events[event_type].fields.items():
        if field.required and name not in event:
            event[name] = field.enum[0] if field.enum else simple[field.kind]
    if "variationId" in event:
        event["variationId"] = 0  # the reference: unexpositionCause may then be added
    return event


def _visitor_query(event: Mapping[str, Any], json_form: bool) -> dict[str, str]:
    """The query for one event: the visitor in it, unless the event carries its own (which the
    query would make ignored, O:105-107)."""
    own = any(name in event for name in VISITOR_FIELDS)
    return _query(json_form, None if own else "v1")


def _one_event(ed: Edition, event: dict[str, Any], breaks: str | None, note: str) -> Sample:
    return Sample(write_line(event), breaks, note=note, query=_visitor_query(event, False))


def _limit_samples(ed: Edition) -> list[Sample]:
    """Each stated limit at exactly the limit (valid) and one past it (breaks its rule)."""
    samples = []
    for event_type, spec in ed.events.items():
        for name, field in spec.fields.items():
            if name in ("nonce",):
                continue
            base = _base_event(ed, event_type)
            if field.max_length is not None:
                for size, breaks in (
                    (field.max_length, None),
                    (field.max_length + 1, "max_length"),
                ):
                    rule = f"{field.rule}:{breaks}" if breaks else None
                    event = {**base, name: "é" * size}
                    samples.append(_one_event(ed, event, rule, f"{field.rule} at {size} chars"))
            if field.kind in INT_RANGES:
                low, high = INT_RANGES[field.kind]
                for bound, ok in ((low, True), (high, True), (low - 1, False), (high + 1, False)):
                    rule = None if ok else f"{field.rule}:type"
                    event = {**base, name: bound}
                    samples.append(_one_event(ed, event, rule, f"{field.rule} = {bound}"))
            for option in field.enum or ():
                event = {**base, name: option}
                samples.append(_one_event(ed, event, None, f"{field.rule} = {option}"))
            samples += _json_field_limits(ed, base, field)
    for event_type in ed.events:
        for spelling in {event_type, event_type.lower(), event_type.capitalize()}:
            event = {**_base_event(ed, event_type), "eventType": spelling}
            breaks = None if spelling == event_type or ed.name == "legacy" else "event_type_case"
            samples.append(_one_event(ed, event, breaks, f"eventType {spelling}"))
    for nonce in ("0123456789abcdef", "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0"):
        event = {**_base_event(ed, "PAGE"), "nonce": nonce}
        breaks = None if len(nonce) == 16 else "nonce:format"
        samples.append(_one_event(ed, event, breaks, f"nonce {nonce}"))
    return samples


def _json_field_limits(ed: Edition, base: dict[str, Any], field: FieldSpec) -> list[Sample]:
    name, rule = field.name, field.rule
    samples = []
    if field.kind == "metadata":
        limit, values, length = field.max_entries, field.max_values, field.max_value_length
        if limit is not None:
            for size, breaks in ((limit, None), (limit + 1, f"{rule}:max_entries")):
                event = {**base, name: {str(i): ["v"] for i in range(size)}}
                samples.append(_one_event(ed, event, breaks, f"{rule} with {size} ids"))
        if values is not None:
            for size, breaks in ((values, None), (values + 1, f"{rule}:max_values")):
                event = {**base, name: {"1": ["v"] * size}}
                samples.append(_one_event(ed, event, breaks, f"{rule} with {size} values"))
        if length is not None:
            for size, breaks in ((length, None), (length + 1, f"{rule}:value_length")):
                event = {**base, name: {"1": ["é" * size]}}
                samples.append(_one_event(ed, event, breaks, f"{rule} value of {size} chars"))
    if field.kind == "values_count_map":
        limit = field.max_entries
        if limit is not None:
            for size, breaks in ((limit, None), (limit + 1, f"{rule}:max_entries")):
                event = {**base, name: {f"v{i}": 1 for i in range(size)}}
                samples.append(_one_event(ed, event, breaks, f"{rule} with {size} values"))
        for mapping, length in ((False, field.max_value_length),
                                (True, field.max_value_length_mapping)):  # fmt: skip
            if length is None:
                continue
            for size, breaks in ((length, None), (length + 1, "custom_data_value_length")):
                event = {**base, name: {"é" * size: 1}}
                if mapping:
                    event["mappingIdentifier"] = True
                note = f"{rule} value of {size} chars" + (" (mapping id)" if mapping else "")
                samples.append(_one_event(ed, event, breaks, note))
    return samples


@functools.cache
def _size_samples_of(edition_name: str) -> tuple[Sample, Sample]:
    at, past = _size_samples(edition(edition_name))
    return at, past


def _size_samples(ed: Edition) -> list[Sample]:
    """A body exactly at the size limit (valid) and one byte over it (breaks body_size)."""
    samples = []
    for size, breaks in ((ed.max_body_bytes, None), (ed.max_body_bytes + 1, "body_size")):
        lines = []
        total = 0
        index = 0
        while True:
            line = write_line({**_base_event(ed, "PAGE"), "nonce": f"{index:016x}", "href": "h"})
            if total + len(line) + 1 + len(line) + 2000 > size:
                break
            lines.append(line)
            total += len(line) + 1
            index += 1
        # The last event's href takes up the rest, so the body is exactly `size` bytes.
        last = write_line({**_base_event(ed, "PAGE"), "nonce": f"{index:016x}", "href": ""})
        lines.append(last + "a" * (size - total - len(last)))
        body = "\n".join(lines)
        assert len(body.encode()) == size
        samples.append(Sample(body, breaks, note=f"body of {size:,} bytes",
                              query=_query(False, "v1")))  # fmt: skip
    return samples


def all_boundary_samples(edition_name: str | None = None) -> list[Sample]:
    """Every stated limit at exactly the limit and one past it, every enum value, both nonce
    cases, every eventType spelling, and a body just at and just over the size limit."""
    ed = edition(edition_name)
    return _limit_samples(ed) + list(_size_samples_of(ed.name))


def boundary_samples(edition_name: str | None = None) -> st.SearchStrategy[Sample]:
    """`all_boundary_samples`, drawn one at a time."""
    return st.sampled_from(all_boundary_samples(edition_name))


# -- invalid: each breaks exactly one rule ----------------------------------------------------

Breaker = Callable[[st.DrawFn, Edition, dict[str, Any]], Sample]


def _on_line(
    breaks: str, event_type: str, change: Callable[[dict[str, Any]], None], note: str
) -> Breaker:
    def breaker(draw: st.DrawFn, ed: Edition, event: dict[str, Any]) -> Sample:
        event = {**_base_event(ed, event_type), "nonce": event["nonce"]}
        change(event)
        return _one_event(ed, event, breaks, note)

    return breaker


def _setter(name: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(event: dict[str, Any]) -> None:
        event[name] = value

    return change


def _in_json(
    breaks: str, event_type: str, change: Callable[[dict[str, Any]], None], note: str
) -> Breaker:
    def breaker(draw: st.DrawFn, ed: Edition, event: dict[str, Any]) -> Sample:
        event = {**_base_event(ed, event_type), "nonce": event["nonce"]}
        change(event)
        return Sample(write_json([event]), breaks, note=note, query=_visitor_query(event, True))

    return breaker


def _raw(breaks: str, body: str | bytes, note: str, **query: str) -> Breaker:
    def breaker(draw: st.DrawFn, ed: Edition, event: dict[str, Any]) -> Sample:
        return Sample(body, breaks, note=note, query={**_query(False, "v1"), **query})

    return breaker


def _field_breakers(ed: Edition) -> dict[str, Breaker]:
    """One breaker per field rule the spec states (required, type, max_length, enum)."""
    wrong_text = {"int32": "1.5", "int64": "x", "double": "1,5", "boolean": "yes",
                  "int32_list": "[1,", "metadata": "[]",
                  "values_count_map": '{"a":"b"}'}  # fmt: skip
    breakers: dict[str, Breaker] = {}
    for event_type, spec in ed.events.items():
        for name, field in spec.fields.items():
            if name in ("nonce", "visitorCode", "mappingValue", "time"):
                continue

            def drop(event: dict[str, Any], name: str = name) -> None:
                event.pop(name, None)

            def set_to(value: Any, name: str = name) -> Callable[[dict[str, Any]], None]:
                return lambda event: event.__setitem__(name, value)

            if field.required:
                rule = f"{field.rule}:required"
                breakers[rule] = _on_line(rule, event_type, drop, f"{field.rule} missing")
            rule = f"{field.rule}:type"
            if field.kind in wrong_text:
                breakers[rule] = _on_line(rule, event_type, set_to(wrong_text[field.kind]),
                                          f"{field.rule} of the wrong type")  # fmt: skip
            elif field.kind == "string":  # only the JSON form can send a string field a number
                breakers[rule] = _in_json(rule, event_type, set_to(12345),
                                          f"{field.rule} sent as a JSON number")  # fmt: skip
            if field.max_length is not None:
                rule = f"{field.rule}:max_length"
                breakers[rule] = _on_line(rule, event_type, set_to("x" * (field.max_length + 1)),
                                          f"{field.rule} too long")  # fmt: skip
            if field.enum is not None:
                rule = f"{field.rule}:enum"
                breakers[rule] = _on_line(rule, event_type, set_to("NOT_AN_ENUM_VALUE"),
                                          f"{field.rule} not in the enum")  # fmt: skip
            for check, value in _json_limit_breaks(field).items():
                rule = f"{field.rule}:{check}"
                breakers[rule] = _on_line(rule, event_type, set_to(value), f"{rule} past its limit")
    for name in ("nonce", "visitorCode", "mappingValue"):
        if name in ed.common:  # common string fields: a number only the JSON form can send
            rule = f"{name}:type"
            breakers[rule] = _in_json(rule, "PAGE", _setter(name, 12345),
                                      f"{name} sent as a JSON number")  # fmt: skip
    visitor = ed.common["visitorCode"]
    if visitor.max_length is not None:
        too_long = "v" * (visitor.max_length + 1)
        breakers["visitorCode:max_length"] = _on_line(
            "visitorCode:max_length", "PAGE", lambda e: e.__setitem__("visitorCode", too_long),
            "visitorCode too long")  # fmt: skip
    return breakers


def _json_limit_breaks(field: FieldSpec) -> dict[str, Any]:
    """A value one past each limit of a JSON-valued field, by check name."""
    breaks: dict[str, Any] = {}
    if field.max_entries is not None:
        count = field.max_entries + 1
        breaks["max_entries"] = (
            {str(i): ["v"] for i in range(count)}
            if field.kind == "metadata"
            else {f"v{i}": 1 for i in range(count)}
        )
    if field.max_values is not None:
        breaks["max_values"] = {"1": ["v"] * (field.max_values + 1)}
    if field.kind == "metadata" and field.max_value_length is not None:
        breaks["value_length"] = {"1": ["v" * (field.max_value_length + 1)]}
    return breaks


def _invalid_breakers(ed: Edition) -> dict[str, Breaker]:
    legacy = ed.name == "legacy"
    breakers = _field_breakers(ed)
    breakers.update(
        {
            "nonce:format": _on_line("nonce:format", "PAGE",
                                     lambda e: e.__setitem__("nonce", "xyz"), "nonce not hex"),
            "nonce:required": _on_line("nonce:required", "PAGE", lambda e: e.pop("nonce"),
                                       "nonce missing"),
            "eventType:required": _on_line("eventType:required", "GEOLOCATION",
                                           lambda e: e.pop("eventType"), "eventType missing"),
            "event_type_known": _on_line("event_type_known", "PAGE",
                                         lambda e: e.__setitem__("eventType", "CLICK"),
                                         "unknown eventType"),
            "unexposition_cause_needs_reference": _on_line(
                "unexposition_cause_needs_reference", "PERSONALIZATION",
                lambda e: e.update(variationId=3, unexpositionCause="SCHEDULE"),
                "unexpositionCause with variationId 3"),
            "line_syntax": _raw("line_syntax", "nonce=0123456789abcdef&eventType=PAGE&href=h&x",
                                "a pair without '='"),
            "json_syntax": _raw("json_syntax", '[{"nonce": "0123456789abcdef",', "cut JSON",
                                json="true"),
            "json_switch_matches_body": _raw(
                "json_switch_matches_body",
                '[{"nonce":"0123456789abcdef","eventType":"PAGE","href":"h"}]',
                "a JSON array without json=true"),
            "body_has_events": _raw("body_has_events", "\n\n", "no event"),
            "body_encoding": _raw("body_encoding",
                                  b"nonce=0123456789abcdef&eventType=PAGE&href=\xff", "not UTF-8"),
            "query.siteCode:required": _raw(
                "query.siteCode:required", "nonce=0123456789abcdef&eventType=PAGE&href=h",
                "empty siteCode", siteCode=""),
            "query.json:type": _raw(
                "query.json:type", "nonce=0123456789abcdef&eventType=PAGE&href=h",
                "json=yes", json="yes"),
        }
    )  # fmt: skip
    if "metadata_keys_int32" in rule_book(ed.name):
        breakers["metadata_keys_int32"] = _on_line(
            "metadata_keys_int32", "CONVERSION",
            lambda e: e.__setitem__("metadata", {"color": ["red"]}),
            "metadata key not an id")  # fmt: skip
    if "custom_data_value_length" in rule_book(ed.name):
        limit = ed.events["CUSTOMDATA"].fields["valuesCountMap"].max_value_length or 0
        breakers["custom_data_value_length"] = _on_line(
            "custom_data_value_length", "CUSTOMDATA",
            lambda e: e.__setitem__("valuesCountMap", {"x" * (limit + 1): 1}),
            "valuesCountMap value too long")  # fmt: skip
    if legacy:
        breakers["query.delayed:type"] = _raw(
            "query.delayed:type", "nonce=0123456789abcdef&eventType=PAGE&href=h", "delayed=1",
            delayed="1")  # fmt: skip
        breakers["time:type"] = _raw(
            "time:type", "nonce=0123456789abcdef&eventType=PAGE&href=h&time=yesterday",
            "time not an int64", delayed="true")  # fmt: skip
        breakers["time_when_delayed"] = _raw(
            "time_when_delayed", "nonce=0123456789abcdef&eventType=PAGE&href=h",
            "delayed=true without time", delayed="true")  # fmt: skip
    else:
        breakers["authorization_header"] = _with_header(
            "authorization_header",
            "Authorization",
            "Bearer",  # the token is missing (O:274)
        )
    breakers["bot_user_agent"] = _with_header("bot_user_agent", "User-Agent", GOOGLEBOT)
    breakers["body_size"] = lambda draw, ed, event: _size_samples_of(ed.name)[1]
    return breakers


def _with_header(breaks: str, name: str, value: str) -> Breaker:
    def breaker(draw: st.DrawFn, ed: Edition, event: dict[str, Any]) -> Sample:
        sample = _one_event(ed, _base_event(ed, "PAGE"), breaks, f"{name}: {value}")
        return replace(sample, headers={name: value})

    return breaker


def _multi_event_breakers(ed: Edition) -> dict[str, Callable[[st.DrawFn, Edition], Sample]]:
    """Rules that need more than one event or the query: drawn over whole bodies."""

    def duplicate_nonce(draw: st.DrawFn, ed: Edition) -> Sample:
        json_form = draw(st.booleans())
        batch = [_base_event(ed, "PAGE"), _base_event(ed, "GEOLOCATION")]
        return Sample(_body(batch, json_form), "nonce_unique", note="two events, one nonce",
                      query=_query(json_form, "v1"))  # fmt: skip

    def no_visitor(draw: st.DrawFn, ed: Edition) -> Sample:
        json_form = draw(st.booleans())
        batch = [_base_event(ed, "PAGE")]
        return Sample(_body(batch, json_form), "visitor_identified",
                      note="no visitorCode anywhere", query=_query(json_form))  # fmt: skip

    return {"nonce_unique": duplicate_nonce, "visitor_identified": no_visitor}


def _error_breakers(ed: Edition) -> dict[str, Breaker]:
    """The single-event breakers of the rules that are errors in this edition."""
    book = rule_book(ed.name)
    return {
        name: breaker
        for name, breaker in _invalid_breakers(ed).items()
        if name in book and book[name].severity is Severity.ERROR
    }


def breakable_rules(edition_name: str | None = None) -> list[str]:
    """The rules `invalid_samples` can break, one at a time."""
    ed = edition(edition_name)
    return sorted({*_error_breakers(ed), *_multi_event_breakers(ed)})


@st.composite
def invalid_samples(
    draw: st.DrawFn, edition_name: str | None = None, rule: str | None = None
) -> Sample:
    """A request that breaks exactly one error rule (named in `sample.breaks`); `rule` picks it."""
    ed = edition(edition_name)
    singles = _error_breakers(ed)
    multis = _multi_event_breakers(ed)
    chosen = rule or draw(st.sampled_from(sorted({*singles, *multis})))
    if chosen in multis:
        return multis[chosen](draw, ed)
    event = draw(events(ed.name, event_type="PAGE"))
    return singles[chosen](draw, ed, event)


def error_rules(edition_name: str | None = None) -> list[str]:
    """The rules of an edition that are errors (what invalid samples must cover)."""
    return sorted(r.name for r in rule_book(edition_name) if r.severity is Severity.ERROR)


def sdk_style(event: Mapping[str, Any]) -> dict[str, Any]:
    """An event as Kameleoon's SDK writes it: camelCase eventType (an accepted extension)."""
    event_type = str(event["eventType"])
    camel = {"STATICDATA": "staticData", "CUSTOMDATA": "customData",
             "TARGETINGSEGMENT": "targetingSegment"}  # fmt: skip
    return {**event, "eventType": camel.get(event_type, event_type.lower())}


def invalid_sample_kinds(edition_name: str | None = None) -> dict[str, st.SearchStrategy[Sample]]:
    """Per error rule, the strategy of requests breaking it alone (`contracts check` sends each)."""
    return {
        rule: invalid_samples(edition_name, rule=rule) for rule in breakable_rules(edition_name)
    }


# -- every boundary, both forms, and what Kameleoon's SDK sends ---------------------------------

BROWSER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36"
)
SDK_AGENT = "Python/3.11 aiohttp/3.9.1"  # what kameleoon-client-python sends (rules.LIBRARY_AGENTS)
BOT_AGENT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
MONITOR_AGENT = "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)"


def _as_json(sample: Sample) -> Sample:
    """A line-form sample in the JSON-array form (json=true): the same events, the same rule."""
    events_ = parse_lines(sample.body)
    query = {**sample.query, "json": "true"}
    return replace(sample, body=write_json(events_), query=query, note=f"{sample.note}, json")


def _sdk_samples(ed: Edition) -> list[Sample]:
    """What the pages allow or Kameleoon's SDK sends, each breaking at most a warning (accepted),
    and the header values at the edge of what is refused: a browser's, the SDK's library user
    agent (a warning) and a bot's (403)."""
    page = _base_event(ed, "PAGE")
    line = write_line(page)
    query = _query(False, "v1")
    samples = [
        Sample(line, None, note="a browser's User-Agent", query=query,
               headers={"User-Agent": BROWSER_AGENT}),
        Sample(line, "library_user_agent", note="the SDK's User-Agent (aiohttp's default)",
               query=query, headers={"User-Agent": SDK_AGENT}),
        Sample(line, "bot_user_agent", note="a bot's User-Agent", query=query,
               headers={"User-Agent": BOT_AGENT}),
        Sample(line, "possible_bot_user_agent", note="a site monitor's User-Agent", query=query,
               headers={"User-Agent": MONITOR_AGENT}),
        Sample(line, "authorization_scheme", note="a Basic Authorization header", query=query,
               headers={"Authorization": "Basic Y29udHJhY3RzOmNoZWNr"}),
        Sample(line + "&href=h2", "duplicate_field", note="href twice on a line", query=query),
        Sample(write_line({**page, "userAgent": BROWSER_AGENT}), "sdk_extension",
               note="the SDK's userAgent field", query=query),
        Sample(line, "sdk_extension", note="the SDK's sdkName and sdkVersion",
               query={**query, "sdkName": "python", "sdkVersion": "3.22.0"}),
    ]  # fmt: skip
    samples += [  # undocumented extensions, reported as warnings and accepted
        Sample(write_line({**page, "pageLoadTime": 120}), "unknown_field",
               note="a field no event type documents", query=query),
        Sample(line, "unknown_query_param", note="a query parameter the page does not list",
               query={**query, "debug": "true"}),
    ]  # fmt: skip
    conversion = _base_event(ed, "CONVERSION")
    samples.append(_one_event(ed, {**conversion, "href": "h"}, "field_of_other_event_type",
                              "href on a CONVERSION event"))  # fmt: skip
    other = _other_edition_field(ed)
    if other is not None:
        samples.append(_one_event(ed, {**page, other: "1"}, "other_edition_field",
                                  f"{other}, a field of the other edition"))  # fmt: skip
    if ed.name != "legacy":  # camelCase, as the SDK writes event types (a warning here)
        for event_type in ed.events:
            event = sdk_style(_base_event(ed, event_type))
            if event["eventType"] not in (event_type, event_type.lower()):
                note = f"eventType {event['eventType']} (the SDK's spelling)"
                samples.append(_one_event(ed, event, "event_type_case", note))
    return samples


def _item_limit_samples(ed: Edition) -> list[Sample]:
    """The int32 items of index lists and the counts of valuesCountMap, at each end of the range
    and one past it (the fields' limits `_limit_samples` does not reach)."""
    low, high = INT_RANGES["int32"]
    cases = ((low, None), (high, None), (low - 1, "type"), (high + 1, "type"))
    samples = []
    for event_type, spec in ed.events.items():
        for name, field in spec.fields.items():
            if field.kind not in ("int32_list", "values_count_map"):
                continue
            for bound, breaks in cases:
                value: Any = [bound] if field.kind == "int32_list" else {"a": bound}
                event = {**_base_event(ed, event_type), name: value}
                rule = f"{field.rule}:{breaks}" if breaks else None
                samples.append(_one_event(ed, event, rule, f"{field.rule} holding {bound}"))
    return samples


def _other_edition_field(ed: Edition) -> str | None:
    other = edition("legacy" if ed.name == "current" else "current")
    for spec in other.events.values():
        for name, field in spec.fields.items():
            if not ed.field_owner(name) and field.kind == "string":
                return name
    return None


def all_boundary_samples_both_forms(edition_name: str | None = None) -> list[Sample]:
    """`all_boundary_samples`, each single-event one in both body forms (lines and a JSON array),
    and what the SDK sends (`_sdk_samples`): all sent in every run."""
    ed = edition(edition_name)
    lines = _limit_samples(ed) + _item_limit_samples(ed) + _sdk_samples(ed)
    # (a name twice is a line-form thing: a JSON object keeps one)
    json_form = [
        _as_json(sample)
        for sample in lines
        if not sample.headers and sample.breaks != "duplicate_field"
    ]
    return lines + json_form + list(_size_samples_of(ed.name))


ROOM = StrategiesRoom(
    valid_samples=valid_samples,
    boundary_samples=boundary_samples,
    invalid_samples=invalid_samples,
    all_boundary_samples=all_boundary_samples_both_forms,
    invalid_sample_kinds=invalid_sample_kinds,
    request_of=sample_request,
)
