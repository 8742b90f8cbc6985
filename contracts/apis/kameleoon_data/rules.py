"""Every rule of `/visit/events`, both editions: the query, the headers, the body and each event.

Rules come from two places. The per-field ones (required, type, length, enum, JSON shape) are read
from the edition's spec by `events.edition`, and named `<EVENT>.<field>:<check>` (or
`<field>:<check>` for fields every event carries). The rest are written here, one `Rule` each, with
the page line that states them. `check_request` applies them all; `check_body` the body ones.

Checking is one pass per line with no schema engine in the loop: a 3 MB body of 30,000 events is
validated in a fraction of a second (benchmarks/bench_visit_events.py).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from ...vendor import DocRef, HttpRequest, Rule, RuleBook, RulesRoom, Severity, Violation, short
from . import columns, compiled
from .codec import NONCE, read_json_value, read_text_value, split_line
from .compiled import split_clean_line
from .events import INT_RANGES, Edition, EventSpec, FieldSpec, edition

# Bots: the page's "IAB/ABC user-agent filtering rules" (O:9, R:7) name the IAB/ABC International
# Spiders & Bots List, which is licensed, not public. The closest maintained public list is
# matomo's (device-detector, the list behind Matomo analytics, which filters bot traffic for the
# same purpose: counting humans). What it names as a search bot or crawler is the page's "bot or
# spider" and is refused; anything else it calls a bot (monitors, feed fetchers, link preview
# agents, its generic patterns) is our list's guess about the IAB's, so a warning.
CRAWLER_CATEGORIES = frozenset(
    {"Search bot", "Crawler", "AI Search Crawler", "AI Data Scraper", "Security search bot"}
)
# HTTP libraries' default user agents: the page asks non-browser clients to override them, but
# Kameleoon's own SDK sends aiohttp's default and is served, so they are only a warning.
LIBRARY_AGENTS = re.compile(
    r"^(python-requests|python-urllib|python/[0-9.]+ aiohttp|aiohttp|curl|wget|okhttp|"
    r"go-http-client|java/|apache-httpclient|axios|node-fetch|undici)",
    re.IGNORECASE,
)
# What kameleoon-client-python 3.22 sends that no page documents (read from its source and seen
# in tests/apis/kameleoon_data/sdk_traffic.json): accepted, reported as warnings.
SDK_EVENT_TYPES = {"ACTIVITY": "kameleoon/network/activity_event.py:8-11"}
SDK_FIELDS = {"userAgent": "kameleoon/network/tracking_builder.py:139-156"}
SDK_QUERY = {
    "sdkName": "kameleoon/network/url_provider.py:44-52",
    "sdkVersion": "kameleoon/network/url_provider.py:44-52",
    "bodyUa": "kameleoon/network/url_provider.py:39-42",
}
# An Authorization value as HTTP defines credentials (RFC 9110 11.4, 11.6.2): an auth-scheme,
# then one or more spaces and a token68 or a list of auth-params. Scheme names are
# case-insensitive (RFC 9110 11.1), so `bearer x` is as good as `Bearer x`.
_TCHAR = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]"
_PARAM = rf'{_TCHAR}+[ \t]*=[ \t]*(?:{_TCHAR}+|"(?:[^"\\]|\\.)*")'
CREDENTIALS = re.compile(
    rf"(?P<scheme>{_TCHAR}+)"
    rf"(?: +(?P<token>[A-Za-z0-9\-._~+/]+=*|{_PARAM}(?:[ \t]*,[ \t]*{_PARAM})*))?\Z"
)
WARNING = Severity.WARNING


# -- the rule book ------------------------------------------------------------------------------


def _line(ed: Edition, current: int, legacy: int) -> int:
    return current if ed.name == "current" else legacy


# Who refuses what. The service answers at once only what it reads before the body: the query
# (400, O:269-270), the Authorization header (401, O:271-275), the user agent (403, O:276-277) and
# the body's size (413, O:278-279). It accepts everything else with 202 and checks the body later
# (O:264-268), so every rule about the body's content, error or not, is `refused_by_service=False`
# (the strict mock refuses the errors among them).
LATER = False


def _hand_written_rules(ed: Edition) -> list[Rule]:
    doc = ed.doc
    legacy = ed.name == "legacy"
    other = "current" if legacy else "older"
    megabytes = ed.max_body_bytes // 2**20
    rules = [
        Rule(
            "body_size",
            ed.body_doc,
            f"The body is at most {megabytes} MB ({ed.max_body_bytes:,} bytes read as MiB); "
            "larger bodies are answered 413.",
            choice=f"'{megabytes} MB' is read as the larger, binary reading ({megabytes} MiB): "
            "only what is too large under both readings is refused. Between the two, see "
            "body_size_units.",
        ),
        Rule(
            "body_size_units",
            ed.body_doc,
            f"A body between {ed.max_body_bytes_si:,} ({megabytes} MB in SI units) and "
            f"{ed.max_body_bytes:,} bytes ({megabytes} MiB) may be answered 413 by a service "
            "reading the page in SI units.",
            WARNING,
            choice="The page says MB without saying which; a warning names both readings.",
        ),
        Rule(
            "body_encoding",
            doc(_line(ed, 261, 34)),
            "The body is UTF-8 text.",
            refused_by_service=LATER,
        ),
        Rule(
            "body_has_events",
            doc(_line(ed, 93, 36)),
            "The body holds one or more events.",
            refused_by_service=LATER,
        ),
        Rule(
            "line_syntax",
            doc(_line(ed, 94, 36)),
            "Each line is name=value pairs joined by '&', values escaped as encodeURIComponent "
            "does.",
            refused_by_service=LATER,
        ),
        Rule(
            "json_syntax",
            doc(_line(ed, 99, 38)),
            "With json=true the body is a JSON array of event objects.",
            refused_by_service=LATER,
        ),
        Rule(
            "json_switch_matches_body",
            doc(_line(ed, 80, 26)),
            "A JSON-array body needs json=true; without it the body is read as lines.",
            choice="A body starting with '[' cannot be a line of name=value pairs, so it is "
            "reported as the json switch missing rather than as a line syntax error.",
            refused_by_service=LATER,
        ),
        Rule(
            "duplicate_field",
            doc(_line(ed, 94, 36)),
            "A name appears once per event.",
            WARNING,
            choice="The page's name=value format has one value per name; a repeated name is "
            "ambiguous (most parsers keep the last), so it is a warning.",
        ),
        Rule(
            "eventType:required",
            ed.event_type_doc,
            "eventType is required.",
            refused_by_service=LATER,
        ),
        Rule(
            "event_type_known",
            ed.event_type_doc,
            f"eventType is one of {', '.join(ed.events)}" + (", in any case." if legacy else "."),
            refused_by_service=LATER,
        ),
        Rule(
            "nonce_unique",
            doc(_line(ed, 108, 50)),
            "Each event's nonce is unique within a body; across requests a repeated nonce is a "
            "retry, stored once.",
            refused_by_service=LATER,
        ),
        Rule(
            "visitor_identified",
            doc(_line(ed, 105, 42)),
            "visitorCode (or mappingValue) is given in the query or on every event.",
            choice=""
            if legacy
            else "The current page dropped mappingValue, but Kameleoon's SDK identifies visitors "
            "by it (older page, reference.txt:44), so it counts.",
            refused_by_service=LATER,
        ),
        Rule(
            "visitor_code_ignored",
            doc(_line(ed, 106, 42)),
            "An event's visitorCode (or mappingValue) is ignored when the query carries one; a "
            "value there that breaks the field's own limits is reported, not an error.",
            WARNING,
            choice="The page: 'Required if you don't provide it in URL query parameters. "
            "Otherwise, Kameleoon ignores it' (O:105-107; R:42-44 'else ignored'). An ignored "
            "value cannot make the request invalid.",
        ),
        Rule(
            "unexposition_cause_needs_reference",
            doc(_line(ed, 173, 122)),
            "unexpositionCause is only valid when variationId is 0.",
            WARNING if legacy else Severity.ERROR,
            choice="The older page calls it 'useless' otherwise: ignored, so a warning there."
            if legacy
            else "",
            refused_by_service=LATER,
        ),
        Rule(
            "custom_data_value_length",
            doc(_line(ed, 203, 146)),
            "Each valuesCountMap value is at most 1024 characters."
            if legacy
            else "Each valuesCountMap value is at most 2048 characters, or 100 when "
            "mappingIdentifier is true.",
            refused_by_service=LATER,
        ),
        Rule(
            "unknown_field",
            ed.body_doc,
            "A field no event type documents is an undocumented extension.",
            WARNING,
        ),
        Rule(
            "field_of_other_event_type",
            doc(_line(ed, 116, 54)),
            "A field is documented 'only for' its event type; elsewhere it is ignored.",
            WARNING,
        ),
        Rule(
            "unknown_query_param",
            doc(_line(ed, 47, 9)),
            "A query parameter the page does not list is an undocumented extension.",
            WARNING,
        ),
        Rule(
            "bot_user_agent",
            doc(_line(ed, 9, 7)),
            "Requests from bots and spiders (IAB/ABC user-agent rules) are refused with 403.",
            choice="The IAB/ABC spiders and bots list is licensed, not public. We use matomo's "
            "maintained bot list (the device-detector package): a user agent it names as a "
            "search bot or crawler (the page's 'bot or spider') is refused; what else it calls "
            "a bot is possible_bot_user_agent, a warning.",
        ),
        Rule(
            "possible_bot_user_agent",
            doc(_line(ed, 9, 7)),
            "A user agent our bot list calls a bot but not a search bot or crawler (a site "
            "monitor, feed fetcher, link preview agent, or a generic pattern) may be on the "
            "IAB/ABC list and refused with 403.",
            WARNING,
            choice="Whether the IAB/ABC list has it is not public: matomo's list is our guess.",
        ),
        Rule(
            "library_user_agent",
            doc(_line(ed, 10, 7)),
            "Clients other than browsers set their own User-Agent instead of their HTTP "
            "library's default.",
            WARNING,
            choice="Kameleoon's own SDK sends aiohttp's default and is served (it treats 403 as "
            "success, so a refusal would go unnoticed): a warning, not a 403.",
        ),
        Rule(
            "sdk_extension",
            ed.body_doc,
            "What Kameleoon's SDK sends beyond the pages (the activity event, userAgent, "
            "sdkName, sdkVersion, bodyUa) is an undocumented extension.",
            WARNING,
            choice="Read from kameleoon-client-python 3.22 and its captured traffic "
            "(tests/apis/kameleoon_data/sdk_traffic.json); the service serves its own SDK.",
        ),
        Rule(
            "other_edition_field",
            ed.body_doc,
            f"A field documented only on the {other} page is outside this edition.",
            WARNING,
            choice="Kameleoon's SDK still sends older spellings (referrersIndices, mappingValue), "
            "so the other edition's fields are warnings, not errors.",
        ),
    ]
    if not legacy:
        rules += [
            Rule(
                "event_type_case",
                ed.event_type_doc,
                "eventType is written in upper case as the page lists it.",
                WARNING,
                choice="The older page says eventType is case-insensitive (reference.txt:52) and "
                "Kameleoon's SDK sends camelCase, so other cases are accepted with a warning.",
            ),
            Rule(
                "metadata_keys_int32",
                doc(159),
                "CONVERSION metadata keys are ids (int32).",
                refused_by_service=LATER,
            ),
            Rule(
                "authorization_header",
                doc(273),
                "An Authorization header, when sent, is well-formed HTTP credentials (a scheme, "
                "then a token); a malformed one, or one without a token, is answered 401.",
                choice="The operation declares no security (O:27): only a header that is present "
                "can be refused. 'Malformed' (O:273) is read as HTTP defines credentials (RFC "
                "9110 11.4); a scheme alone is 'the token is missing' (O:274). The page names no "
                "scheme, so no scheme is refused and its case does not matter.",
            ),
            Rule(
                "authorization_scheme",
                doc(273),
                "An Authorization header carries a Bearer token.",
                WARNING,
                choice="The page names no scheme; Kameleoon issues OAuth access tokens (its SDK "
                "sends 'Bearer <token>'), so another scheme is reported, not refused.",
            ),
            Rule(
                "query_visitor_code_length",
                doc(107),
                "The query's visitorCode is at most 100 characters, as the body field is.",
                WARNING,
                choice="The page limits the body field to 100 characters (O:105-107) and sets no "
                "limit on the query parameter (O:70-79); Kameleoon's SDK sends up to 255. "
                "Carrying the body limit over is our reading, so a warning.",
            ),
        ]
    else:
        rules += [
            Rule(
                "time_when_delayed",
                doc(46),
                "With delayed=true every event carries time (a UNIX millisecond timestamp).",
                refused_by_service=LATER,
            ),
            Rule(
                "time_without_delayed",
                doc(46),
                "time is only read when delayed=true; elsewhere it is ignored.",
                WARNING,
            ),
        ]
    return rules


def _field_rules(ed: Edition) -> list[Rule]:
    """The rules the spec states per field, named `<EVENT>.<field>:<check>`."""
    rules: dict[str, Rule] = {}

    def body_rule(name: str, doc: DocRef, statement: str) -> Rule:
        return Rule(name, doc, statement, refused_by_service=LATER)  # checked later (O:264-268)

    def add(field: FieldSpec) -> None:
        name = field.rule
        if field.required:
            statement = f"{name} is required."
            rules[f"{name}:required"] = body_rule(f"{name}:required", field.doc, statement)
        # Every field has a type: strings too (a JSON-form body can send a number for one).
        rules[f"{name}:type"] = body_rule(f"{name}:type", field.doc, f"{name} is {field.kind}.")
        if field.max_length is not None:
            rules[f"{name}:max_length"] = body_rule(
                f"{name}:max_length", field.doc, f"{name} is at most {field.max_length} characters."
            )
        if field.enum is not None:
            rules[f"{name}:enum"] = body_rule(
                f"{name}:enum", field.doc, f"{name} is one of {', '.join(field.enum)}."
            )
        if field.name == "nonce":
            rules["nonce:format"] = body_rule(
                "nonce:format", field.doc, "nonce is 16 hexadecimal characters."
            )
        if field.max_entries is not None:
            rules[f"{name}:max_entries"] = body_rule(
                f"{name}:max_entries", field.doc, f"{name} has at most {field.max_entries} entries."
            )
        if field.max_values is not None:
            rules[f"{name}:max_values"] = body_rule(
                f"{name}:max_values",
                field.doc,
                f"{name} has at most {field.max_values} values per id.",
            )
        if field.kind == "metadata" and field.max_value_length is not None:
            rules[f"{name}:value_length"] = body_rule(
                f"{name}:value_length", field.doc,
                f"{name} values are at most {field.max_value_length} characters.",
            )  # fmt: skip

    for field in ed.common.values():
        add(field)
    for event in ed.events.values():
        for field in event.fields.values():
            if field.name not in ed.common:
                add(field)
    for param in ed.query.values():
        name = f"query.{param.name}"
        if param.required:
            rules[f"{name}:required"] = Rule(f"{name}:required", param.doc, f"{name} is required.")
        if param.kind != "string":
            rules[f"{name}:type"] = Rule(f"{name}:type", param.doc, f"{name} is {param.kind}.")
        if param.max_length is not None:
            rules[f"{name}:max_length"] = Rule(
                f"{name}:max_length", param.doc, f"{name} is at most {param.max_length} characters."
            )
    return list(rules.values())


@functools.cache
def rule_book(edition_name: str | None = None) -> RuleBook:
    ed = edition(edition_name)
    return RuleBook([*_hand_written_rules(ed), *_field_rules(ed)])


RULES = rule_book()
BODY_RULES = frozenset({"body_size", "body_encoding", "body_has_events", "line_syntax",
                        "json_syntax", "json_switch_matches_body"})  # fmt: skip
QUERY_RULE_PREFIX = "query."
VISITOR_FIELDS = ("visitorCode", "mappingValue")  # ignored on events when the query has one
MAX_DEPTH = 1000  # about the nesting Python's json reads before RecursionError


# -- checking one event -----------------------------------------------------------------------

Found = list[tuple[str, str, str]]  # (rule, field, message)


def _check_value(field: FieldSpec, value: Any, found: Found, event: Mapping[str, Any]) -> None:
    """Limits and shapes of one typed value (its type already checked)."""
    name = field.rule
    kind = field.kind
    if kind == "string":
        if field.max_length is not None and len(value) > field.max_length:
            found.append(
                (
                    f"{name}:max_length",
                    field.name,
                    f"{short(value)} is longer than {field.max_length} characters",
                )
            )
        if field.enum is not None and value not in field.enum:
            found.append(
                (
                    f"{name}:enum",
                    field.name,
                    f"{short(value)} is not one of {', '.join(field.enum)}",
                )
            )
    elif kind in INT_RANGES:
        low, high = INT_RANGES[kind]
        if not low <= value <= high:
            found.append((f"{name}:type", field.name, f"{value} is out of the {kind} range"))
    elif kind == "int32_list":
        low, high = INT_RANGES["int32"]
        for index, item in enumerate(value):
            if item is None and field.nullable_items:
                continue
            if not (isinstance(item, int) and not isinstance(item, bool) and low <= item <= high):
                found.append(
                    (f"{name}:type", f"{field.name}[{index}]", f"{short(item)} is not an int32")
                )
                break
    elif kind == "metadata":
        _check_metadata(name, field, value, found)
    elif kind == "values_count_map":
        _check_values_count_map(name, field, value, found, event)


METADATA_KEY = re.compile(r"-?[0-9]+")  # a CONVERSION metadata id, before its range


def _is_int32_id(key: str) -> bool:
    """Whether a metadata key is an int32 id (O:159), zero-padded or not. The zeros are dropped
    before int() reads the digits: it refuses more than 4,300 of them."""
    if not METADATA_KEY.fullmatch(key):
        return False
    digits = key.lstrip("-").lstrip("0") or "0"
    if len(digits) > 10:
        return False
    low, high = INT_RANGES["int32"]
    return low <= (-int(digits) if key.startswith("-") else int(digits)) <= high


def _check_metadata(name: str, field: FieldSpec, value: dict[str, Any], found: Found) -> None:
    if field.max_entries is not None and len(value) > field.max_entries:
        found.append(
            (
                f"{name}:max_entries",
                field.name,
                f"has {len(value)} ids, more than {field.max_entries}",
            )
        )
    for key, values in value.items():
        where = f"{field.name}.{key[:20]}"
        if not _is_int32_id(key):
            found.append(("metadata_keys_int32", where, f"key {short(key)} is not an int32 id"))
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            found.append((f"{name}:type", where, "is not a JSON array of strings"))
            continue
        if field.max_values is not None and len(values) > field.max_values:
            found.append(
                (
                    f"{name}:max_values",
                    where,
                    f"has {len(values)} values, more than {field.max_values}",
                )
            )
        limit = field.max_value_length
        if limit is not None:
            for item in values:
                if len(item) > limit:
                    found.append(
                        (
                            f"{name}:value_length",
                            where,
                            f"{short(item)} is longer than {limit} characters",
                        )
                    )
                    break


def _check_values_count_map(
    name: str, field: FieldSpec, value: dict[str, Any], found: Found, event: Mapping[str, Any]
) -> None:
    if field.max_entries is not None and len(value) > field.max_entries:
        found.append(
            (
                f"{name}:max_entries",
                field.name,
                f"has {len(value)} values, more than {field.max_entries}",
            )
        )
    mapping = event.get("mappingIdentifier") in (True, "true")
    limit = field.max_value_length_mapping if mapping else field.max_value_length
    low, high = INT_RANGES["int32"]
    for key, count in value.items():
        if not (isinstance(count, int) and not isinstance(count, bool) and low <= count <= high):
            found.append(
                (
                    f"{name}:type",
                    f"{field.name}.{key[:20]}",
                    f"count {short(count)} is not an int32",
                )
            )
        if limit is not None and len(key) > limit:
            why = " (mappingIdentifier is true)" if mapping else ""
            found.append(
                (
                    "custom_data_value_length",
                    field.name,
                    f"value {short(key)} is longer than {limit} characters{why}",
                )
            )


def _other_edition(ed: Edition) -> Edition:
    return edition("legacy" if ed.name == "current" else "current")


@functools.cache
def _sdk_event(edition_name: str, event_type: str) -> EventSpec:
    """An event type only the SDK sends: it carries the fields every event carries."""
    ed = edition(edition_name)
    return EventSpec(event_type, ed.common, ed.body_doc)


def _undocumented(ed: Edition, name: str, event_spec: EventSpec | None, found: Found) -> None:
    owners = ed.field_owner(name)
    if owners:
        if event_spec is not None and event_spec.event_type in ed.events:
            where = f"is documented only for {', '.join(owners)}, not {event_spec.event_type}"
            found.append(("field_of_other_event_type", name, where))
    elif name in SDK_FIELDS:
        where = f"is sent by Kameleoon's SDK ({SDK_FIELDS[name]}) but on no page"
        found.append(("sdk_extension", name, where))
    elif _other_edition(ed).field_owner(name):
        other = _other_edition(ed)
        where = f"is documented only on the {other.name} page ({other.page})"
        found.append(("other_edition_field", name, where))
    else:
        found.append(("unknown_field", name, "is not documented for any event type"))


def check_event(
    ed: Edition, event: Mapping[str, Any], textual: bool, found: Found
) -> tuple[str | None, bool, bool]:
    """Append the event's breaches to `found`; values are text (line form) or JSON values.

    Returns what the body rules need: (nonce, carries a visitor id, carries time).
    """
    raw_type = event.get("eventType")
    event_spec: EventSpec | None = None
    if raw_type is None:
        found.append(("eventType:required", "eventType", "is required but missing"))
    elif isinstance(raw_type, str) and raw_type.upper() in SDK_EVENT_TYPES:
        event_spec = _sdk_event(ed.name, raw_type.upper())
        source = SDK_EVENT_TYPES[raw_type.upper()]
        message = f"{raw_type!r} is sent by Kameleoon's SDK ({source}) but on no page"
        found.append(("sdk_extension", "eventType", message))
    elif not isinstance(raw_type, str) or raw_type.upper() not in ed.events:
        known = ", ".join(ed.events)
        found.append(("event_type_known", "eventType", f"{short(raw_type)} is not one of {known}"))
    else:
        event_spec = ed.events[raw_type.upper()]
        if raw_type != event_spec.event_type and ed.name == "current":  # older page: any case
            message = f"{raw_type!r} is not spelled as the page lists it ({event_spec.event_type})"
            found.append(("event_type_case", "eventType", message))
    fields = event_spec.fields if event_spec else ed.common
    variation: Any = 0
    for name, value in event.items():
        field = fields.get(name)
        if field is None:
            if name != "eventType":
                _undocumented(ed, name, event_spec, found)
            continue
        if field.kind == "string" and (textual or isinstance(value, str)):
            # The common case, inlined: most fields are strings (hot loop).
            limit = field.max_length
            if limit is not None and len(value) > limit:
                found.append((f"{field.rule}:max_length", name,
                              f"{short(value)} is longer than {limit} characters"))  # fmt: skip
            if field.enum is not None and value not in field.enum:
                found.append((f"{field.rule}:enum", name,
                              f"{short(value)} is not one of {', '.join(field.enum)}"))  # fmt: skip
            continue
        try:
            typed = (read_text_value if textual else read_json_value)(field, value)
        except ValueError as error:
            found.append((f"{field.rule}:type", name, str(error)))
            continue
        if typed is None:
            continue  # a documented null ("null for other", R:62, R:68): nothing more to check
        _check_value(field, typed, found, event)
        if name == "variationId":
            variation = typed
    if event_spec is not None:
        for name in event_spec.required:
            if name not in event:
                found.append((f"{event_spec.fields[name].rule}:required", name,
                              "is required but missing"))  # fmt: skip
        if (
            variation
            and "unexpositionCause" in event
            and event_spec.event_type == "PERSONALIZATION"
        ):
            found.append(("unexposition_cause_needs_reference", "unexpositionCause",
                          f"is set while variationId is {variation}, not 0"))  # fmt: skip
    nonce = event.get("nonce")
    if not isinstance(nonce, str):
        nonce = None
    elif not NONCE.match(nonce):
        found.append(("nonce:format", "nonce", f"{short(nonce)} is not 16 hexadecimal characters"))
    has_visitor = "visitorCode" in event or "mappingValue" in event
    return nonce, has_visitor, "time" in event


# -- checking a body --------------------------------------------------------------------------


@dataclass(frozen=True)
class BodyContext:
    """What the body rules need from the query."""

    json_form: bool = False
    visitor_in_query: bool = False
    delayed: bool = False


def _events(
    ed: Edition,
    text: str,
    context: BodyContext,
    add: Callable[[str, str, str, int | None], None],
    take_clean: Callable[[int, dict[str, str]], bool] | None = None,
) -> Iterator[tuple[int | None, str, Mapping[str, Any]]]:
    """(line, field prefix, event) for each event of the body; syntax problems go to `add`.

    `take_clean(line, fields)`, for the line form, handles a line that breaks no rule at all and
    says so; the lines it does not take are yielded as usual."""
    if context.json_form:
        try:
            events = json.loads(text)
        except ValueError as error:
            add("json_syntax", "body", f"is not JSON ({error})", None)
            return
        except RecursionError:
            add("json_syntax", "body", f"nests arrays or objects deeper than {MAX_DEPTH}", None)
            return
        if not isinstance(events, list):
            add("json_syntax", "body", f"is a JSON {type(events).__name__}, not an array", None)
            return
        for index, event in enumerate(events):
            if not isinstance(event, dict):
                add("json_syntax", f"[{index}]", f"{short(event)} is not an event object", None)
                continue
            yield None, f"[{index}].", event
        return
    if text.lstrip().startswith("["):
        add(
            "json_switch_matches_body",
            "body",
            "starts with '[' (a JSON array) but the query does not set json=true",
            None,
        )
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line or line == "\r":
            continue
        line = line.removesuffix("\r")
        if take_clean is not None:
            clean = split_clean_line(line)
            if clean is not None and take_clean(number, clean):
                continue
        fields, problems, duplicates = split_line(line)
        for problem in problems:
            add("line_syntax", "", problem, number)
        for name in duplicates:
            add("duplicate_field", name, "appears more than once on the line", number)
        if fields:
            yield number, "", fields


class AcceptedEvent(NamedTuple):
    """An event that broke no error rule, as it was sent (text values for the line form). A
    named tuple: a batch makes one per event, at a third of a frozen dataclass' cost."""

    position: str  # "line 3" or "[2]"
    fields: Mapping[str, Any]


# "line 1", "line 2", ...: the positions of a request's accepted events, made once.
_LINE_NAMES: list[str] = []
_NAMED_LINES = 1024  # kept; a longer body's further names are made for it


def _line_names(count: int) -> list[str]:
    """The position of each of `count` lines: "line 1" to "line {count}" (or more)."""
    if count > len(_LINE_NAMES):
        if count > _NAMED_LINES:
            return [f"line {n}" for n in range(1, count + 1)]
        _LINE_NAMES.extend(f"line {n}" for n in range(len(_LINE_NAMES) + 1, _NAMED_LINES + 1))
    return _LINE_NAMES


def check_body(
    body: bytes,
    ed: Edition,
    context: BodyContext,
    accepted: list[AcceptedEvent] | None = None,
) -> list[Violation]:
    """Every breach of the body rules and the per-event rules, in body order.

    When `accepted` is given, the events that broke no error rule are appended to it.
    """
    book = rule_book(ed.name)
    violations: list[Violation] = []
    error_count = 0

    def add(rule: str, field: str, message: str, line: int | None) -> None:
        nonlocal error_count
        found_rule = book[rule]
        error_count += found_rule.severity is Severity.ERROR
        violations.append(found_rule.violation(field, message, line))

    if len(body) > ed.max_body_bytes:
        add(
            "body_size",
            "body",
            f"is {len(body):,} bytes, more than the {ed.max_body_bytes:,}-byte limit",
            None,
        )
        return violations
    if len(body) > ed.max_body_bytes_si:
        megabytes = ed.max_body_bytes // 2**20
        add(
            "body_size_units",
            "body",
            f"is {len(body):,} bytes: within {megabytes} MB read as MiB "
            f"({ed.max_body_bytes:,} bytes) but over {megabytes} MB read in SI units "
            f"({ed.max_body_bytes_si:,} bytes)",
            None,
        )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        add("body_encoding", "body", f"is not UTF-8 ({error.reason} at byte {error.start})", None)
        return violations

    if not context.json_form:  # the common case, a clean batch: checked whole (columns.py)
        kept: list[dict[str, str]] | None = [] if accepted is not None else None
        if columns.clean_body(text, ed, context.visitor_in_query, context.delayed, kept):
            if accepted is not None and kept is not None:
                accepted += map(AcceptedEvent, _line_names(len(kept)), kept)
            return violations
    nonces: dict[str, str | int] = {}  # where each nonce was first seen: "[2]", or a line number
    count = 0
    found: Found = []
    checkers = compiled.checkers(ed.name)
    legacy = ed.name == "legacy"

    def take_clean(number: int, fields: dict[str, str]) -> bool:
        """Count and keep an event that breaks no rule (per event or of the body), as the loop
        below would; False sends it that way instead (compiled.py says why that is exact)."""
        nonlocal count
        checker = checkers.get(fields.get("eventType"))  # type: ignore[arg-type]
        if checker is None or not checker(fields):
            return False
        key = fields["nonce"].lower()  # its format checked by the checker
        if key in nonces:
            return False
        if not context.visitor_in_query and "visitorCode" not in fields:
            return False  # visitor_identified (mappingValue goes the slow way)
        if legacy and context.delayed != ("time" in fields):
            return False  # time_when_delayed, time_without_delayed
        nonces[key] = number
        count += 1
        if accepted is not None:
            accepted.append(AcceptedEvent(f"line {number}", fields))
        return True

    fast = None if context.json_form else take_clean
    for line, prefix, event in _events(ed, text, context, add, fast):
        count += 1
        errors_before = error_count
        where = f"line {line}" if line is not None else prefix.rstrip(".")
        nonce, has_visitor, has_time = check_event(ed, event, not context.json_form, found)
        for rule, field, message in found:
            ignored = context.visitor_in_query and field in VISITOR_FIELDS
            if ignored and rule.startswith(field + ":"):
                rule = "visitor_code_ignored"  # O:105-107: ignored when the query has one
                message = f"{message} (ignored: the query identifies the visitor)"
            add(rule, prefix + field, message, line)
        found.clear()
        if nonce is not None:
            seen = nonces.get(nonce.lower())
            if isinstance(seen, int):
                seen = f"line {seen}"
            if seen is not None:
                add(
                    "nonce_unique",
                    prefix + "nonce",
                    f"{nonce!r} was already used by the event on {seen}",
                    line,
                )
            else:
                nonces[nonce.lower()] = where
        if not context.visitor_in_query and not has_visitor:
            which = "visitorCode or mappingValue"
            add(
                "visitor_identified",
                prefix + "visitorCode",
                f"is missing: the query has no {which}, so every event needs one",
                line,
            )
        if ed.name == "legacy":
            if context.delayed and not has_time:
                add(
                    "time_when_delayed",
                    prefix + "time",
                    "is missing: delayed=true requires time on every event",
                    line,
                )
            elif has_time and not context.delayed:
                add(
                    "time_without_delayed",
                    prefix + "time",
                    "is ignored: the query does not set delayed=true",
                    line,
                )
        if accepted is not None and error_count == errors_before:
            accepted.append(AcceptedEvent(where, event))
    if count == 0 and not any(v.rule in BODY_RULES for v in violations):
        add("body_has_events", "body", "holds no event", None)
    return violations  # fmt: skip


# -- checking a request -----------------------------------------------------------------------


def _boolean(text: str | None) -> bool | None:
    return {"true": True, "false": False}.get(text or "")


def check_query(request: HttpRequest, ed: Edition) -> list[Violation]:
    book = rule_book(ed.name)
    violations = []
    for name, param in ed.query.items():
        value = request.param(name)
        rule = f"query.{name}"
        if value is None:
            if param.required:
                violations.append(
                    book[f"{rule}:required"].violation(name, "is required but missing")
                )
            continue
        if param.required and param.min_length and len(value) < param.min_length:
            violations.append(book[f"{rule}:required"].violation(name, "is empty"))
        if param.kind == "boolean" and _boolean(value) is None:
            violations.append(
                book[f"{rule}:type"].violation(name, f"{short(value)} is not true or false")
            )
        if param.max_length is not None and len(value) > param.max_length:
            violations.append(book[f"{rule}:max_length"].violation(
                name, f"{short(value)} is longer than {param.max_length} characters"))  # fmt: skip
    visitor = request.param("visitorCode")
    if "query_visitor_code_length" in book and visitor is not None:
        limit = ed.common["visitorCode"].max_length or 0
        if len(visitor) > limit:
            message = f"is {len(visitor)} characters, more than the body field's {limit}"
            violations.append(book["query_visitor_code_length"].violation("visitorCode", message))
    for name in request.query:
        if name in ed.query:
            continue
        value = short(request.param(name))
        # The other edition is loaded only here: most requests never need it (start-up time).
        other = _other_edition(ed)
        if name in SDK_QUERY:
            message = f"= {value} is sent by Kameleoon's SDK ({SDK_QUERY[name]}) but on no page"
            violations.append(book["sdk_extension"].violation(name, message))
        elif name in other.query:
            message = f"= {value} is documented only on the {other.name} page ({other.page})"
            violations.append(book["other_edition_field"].violation(name, message))
        else:
            message = f"= {value} is not a documented query parameter"
            violations.append(book["unknown_query_param"].violation(name, message))
    return violations


@functools.lru_cache(maxsize=4096)
def robot(agent: str) -> tuple[str, str] | None:
    """(rule, what) when matomo's bot list knows the user agent as a robot: `bot_user_agent` for
    a search bot or crawler it names, `possible_bot_user_agent` for the rest. Cached: clients send
    the same few user agents again and again, and a lookup runs ~1000 patterns."""
    # Imported here: loading the list costs ~100 ms, paid only when a user agent is checked.
    from device_detector.parser.device.bot import Bot  # type: ignore[import-untyped, import-not-found, unused-ignore]

    found = Bot(agent, None).parse()
    if not found.is_bot():
        return None
    data: Mapping[str, Any] = found.ua_data or {}
    name = str(data.get("name") or "a bot")
    category = str(data.get("category") or "")
    if name != "Generic Bot" and category in CRAWLER_CATEGORIES:
        return "bot_user_agent", f"is {name} ({category.lower()}) in matomo's bot list"
    what = f"{name} ({category.lower()})" if category else "a generic bot pattern"
    return "possible_bot_user_agent", f"matches {what} in matomo's bot list"


def check_user_agent(request: HttpRequest, ed: Edition) -> list[Violation]:
    """The User-Agent rules: a bot or spider is refused with 403 (O:9, O:276)."""
    book = rule_book(ed.name)
    agent = request.header("user-agent")
    if not agent:
        return []
    found = robot(agent)
    if found is not None:
        rule, what = found
        return [book[rule].violation("User-Agent", f"{short(agent)} {what}")]
    if LIBRARY_AGENTS.search(agent):
        message = f"{short(agent)} is an HTTP library's default; set your own"
        return [book["library_user_agent"].violation("User-Agent", message)]
    return []


def check_authorization(request: HttpRequest, ed: Edition) -> list[Violation]:
    """The Authorization rules: malformed credentials are refused with 401 (O:271-275)."""
    book = rule_book(ed.name)
    auth = request.header("authorization")
    if "authorization_header" not in book or auth is None:
        return []
    credentials = CREDENTIALS.match(auth.strip())
    if credentials is None:
        message = "is not HTTP credentials (a scheme, a space, then a token)"
        return [book["authorization_header"].violation("Authorization", message)]
    scheme = credentials["scheme"]
    if credentials["token"] is None:
        message = f"{short(scheme)} carries no token"
        return [book["authorization_header"].violation("Authorization", message)]
    if scheme.lower() != "bearer":
        message = f"uses the {short(scheme)} scheme, not Bearer"
        return [book["authorization_scheme"].violation("Authorization", message)]
    return []


def check_headers(request: HttpRequest, ed: Edition) -> list[Violation]:
    return [*check_user_agent(request, ed), *check_authorization(request, ed)]


def body_context(request: HttpRequest, ed: Edition) -> BodyContext:
    visitor = bool(request.param("visitorCode")) or bool(request.param("mappingValue"))
    return BodyContext(
        json_form=_boolean(request.param("json")) is True,
        visitor_in_query=visitor,
        delayed=_boolean(request.param("delayed")) is True,
    )


def check_request(request: HttpRequest, edition_name: str | None = None) -> list[Violation]:
    """Everything the contract says about a request: query, headers, body, events."""
    ed = edition(edition_name)
    return [
        *check_query(request, ed),
        *check_headers(request, ed),
        *check_body(request.body, ed, body_context(request, ed)),
    ]


def rules_of(violations: Iterable[Violation]) -> set[str]:
    return {violation.rule for violation in violations}


ROOM = RulesRoom(
    book=RULES,
    check_request=check_request,
    book_of=rule_book,
    # The site code is in the URL, not in a file: a body checked offline gets a stand-in.
    offline_query={"siteCode": "offline"},
)
