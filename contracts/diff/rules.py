"""The rule table of `contracts diff`: every kind of change, per side, with its level for a client.

One `Rule` per (kind, side). The side is what the change touches from the client's seat: REQ what
it sends (and the operation, servers and security it calls with), RES what it reads (responses,
webhooks it receives). The code levels each change from this table (`POLICY`), the corpus test
(tests/diff_corpus.py) covers every row with a spec pair of the same shape as its example, and the
README-style grid is rendered from it (`table_markdown`). Reference: oasdiff's breaking-changes
list, read from the client's side (a response that may hold values a validating client rejects is
at least a WARN).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any, Final, Literal


class Level(StrEnum):
    ERR = "ERR"  # breaks existing clients
    WARN = "WARN"  # may break some
    INFO = "INFO"  # breaks none

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS: Final = {Level.INFO: 0, Level.WARN: 1, Level.ERR: 2}

Side = Literal["request", "response"]
ERR, WARN, INFO = Level.ERR, Level.WARN, Level.INFO
REQ: Final[Side] = "request"
RES: Final[Side] = "response"


@dataclass(frozen=True)
class Rule:
    kind: str
    side: Side
    level: Level
    reason: str  # the one line a user sees beside the change
    example: str  # one line: the smallest change of this kind


# fmt: off
RULES: Final[tuple[Rule, ...]] = tuple(Rule(*row) for row in (
    # kind                          side level reason / example
    ("operation-removed",            REQ, ERR,  "clients calling it get an error",
     "GET /a removed"),
    ("operation-added",              REQ, INFO, "no client calls it yet",
     "POST /c added"),
    ("operation-id-changed",         REQ, WARN, "generated clients rename the method calling it",
     "operationId listPets -> getPets"),
    ("webhook-removed",              RES, ERR,  "clients waiting for this callback lose it",
     "webhooks: orderPaid removed (3.1); a callback of an operation removed"),
    ("webhook-added",                RES, INFO, "clients not subscribed to it receive nothing new",
     "webhooks: orderShipped added (3.1)"),
    ("server-removed",               REQ, ERR,  "clients configured with this host lose the API",
     "servers: https://a.example removed"),
    ("server-added",                 REQ, INFO, "one more host serves the API",
     "servers: https://b.example added"),
    ("security-requirement-removed", REQ, ERR,  "clients authenticating this way are rejected",
     "security [{key: []}] -> [{oauth: []}] (key no longer enough)"),
    ("security-requirement-added",   REQ, INFO, "clients may also authenticate this way",
     "security [{key: []}] -> [{key: []}, {oauth: []}]"),
    ("security-scheme-removed",      REQ, ERR,  "clients sending these credentials are rejected",
     "securitySchemes: key removed while operations used it"),
    ("unused-security-scheme-removed", REQ, INFO, "no client still needs it",
     "securitySchemes: legacy removed, no requirement (left unsatisfied) named it"),
    ("security-scheme-changed",      REQ, ERR,  "clients send credentials the old way",
     "apiKey header Authorization -> X-Api-Key"),
    ("security-scheme-added",        REQ, INFO, "a new way to authenticate",
     "securitySchemes: oauth added"),
    ("param-removed",                REQ, ERR,  "clients sending it may be rejected or ignored",
     "query delayed removed"),
    ("param-renamed",                REQ, ERR,  "clients send the old name: rejected or ignored",
     "query referrersIndices -> referrerIndices"),
    ("required-param-added",         REQ, ERR,  "clients not sending it are rejected",
     "query needed (required) added"),
    ("param-added",                  REQ, INFO, "optional: clients need not send it",
     "query extra (optional) added"),
    ("serialization-changed",        REQ, ERR,  "clients encode it the old way (style/explode)",
     "query ids explode true -> false"),
    ("body-limit-tightened",         REQ, ERR,  "bodies between the two sizes are now rejected",
     "request body x-max-body-bytes 10 MB -> 3 MB"),
    ("body-limit-loosened",          REQ, INFO, "every body accepted before still is",
     "request body x-max-body-bytes 3 MB -> none"),
    ("status-added",                 RES, WARN, "clients may not handle the new status",
     "response 429 added"),
    ("status-removed",               RES, INFO, "clients' handling of it is no longer needed",
     "response 404 removed; 200 removed while 201 stays"),
    ("success-status-removed",       RES, ERR,  "success comes as a status clients do not expect",
     "responses 200 -> 201 (no success status of before is left)"),
    ("required-response-header-removed", RES, ERR, "clients reading it find it missing",
     "response 200 header X-Rate-Limit (required) removed"),
    ("response-header-removed",      RES, WARN, "it was optional, yet clients reading it lose it",
     "response 200 header X-Request-Id removed"),
    ("response-header-added",        RES, INFO, "clients ignore what they do not read",
     "response 200 header X-Request-Id added"),
    ("media-type-removed",           REQ, ERR,  "clients sending this Content-Type are rejected",
     "request body text/plain removed"),
    ("media-type-removed",           RES, ERR,  "clients reading this Content-Type lose it",
     "response 200 text/csv removed"),
    ("media-type-added",             REQ, INFO, "clients may also send this Content-Type",
     "request body application/xml added"),
    ("media-type-added",             RES, INFO, "served to clients that ask for it",
     "response 200 application/xml added"),
    ("became-required",              REQ, ERR,  "clients leaving it out are rejected",
     "request Thing.note optional -> required"),
    ("became-required",              RES, INFO, "it is now always there",
     "response Thing.note optional -> required"),
    ("became-optional",              REQ, INFO, "clients may leave it out",
     "request Thing.note required -> optional"),
    ("became-optional",              RES, ERR,  "clients relying on it may find it missing",
     "response Thing.note required -> optional"),
    ("required-field-removed",       REQ, ERR,  "clients sending it may be rejected or ignored",
     "request Thing.note (required) removed"),
    ("required-field-removed",       RES, ERR,  "clients reading it find it missing",
     "response Thing.note (required) removed"),
    ("field-removed",                REQ, ERR,  "clients sending it may be rejected or ignored",
     "request Thing.note removed; also: note becomes readOnly"),
    ("field-removed",                RES, WARN, "it was optional, yet clients reading it lose it",
     "response Thing.note removed; also: note becomes writeOnly"),
    ("required-field-renamed",       REQ, ERR,  "clients send the old name: rejected or ignored",
     "request Thing.referrersIndices -> referrerIndices (required)"),
    ("required-field-renamed",       RES, ERR,  "clients reading the old name find it missing",
     "response Thing.referrersIndices -> referrerIndices (required)"),
    ("field-renamed",                REQ, ERR,  "clients send the old name: rejected or ignored",
     "request Thing.keyPagesIndices -> keyPageIndices"),
    ("field-renamed",                RES, WARN, "clients reading the old (optional) name lose it",
     "response Thing.keyPagesIndices -> keyPageIndices"),
    ("required-field-added",         REQ, ERR,  "clients not sending it are rejected",
     "request Thing.note (required) added; a readOnly one is not sent, so not reported"),
    ("required-field-added",         RES, INFO, "clients ignore what they do not read",
     "response Thing.note (required) added"),
    ("field-added",                  REQ, INFO, "optional: clients need not send it",
     "request Thing.note added"),
    ("field-added",                  RES, INFO, "clients ignore what they do not read",
     "response Thing.note added"),
    ("variant-removed",              REQ, ERR,  "clients sending this variant are rejected",
     "request oneOf [Page, Click, Scroll] -> [Page, Click]"),
    ("variant-removed",              RES, INFO, "clients handling it keep working",
     "response oneOf [Page, Click, Scroll] -> [Page, Click]"),
    ("variant-added",                REQ, INFO, "clients may send a new variant",
     "request oneOf [Page, Click] -> [Page, Click, Scroll]"),
    ("variant-added",                RES, WARN, "clients may meet a variant they do not know",
     "response oneOf [Page, Click] -> [Page, Click, Scroll]"),
    ("discriminator-changed",        REQ, ERR,  "clients tag the variant they send the old way",
     "request oneOf discriminator propertyName kind -> type"),
    ("discriminator-changed",        RES, ERR,  "clients tell variants apart the old way",
     "response oneOf discriminator propertyName kind -> type"),
    ("type-changed",                 REQ, ERR,  "values of the old type are rejected",
     "request string -> integer"),
    ("type-changed",                 RES, ERR,  "clients parsing the old type fail",
     "response string -> integer"),
    ("type-widened",                 REQ, INFO, "every value valid before still is",
     "request integer -> number; string -> [string, integer]"),
    ("type-widened",                 RES, ERR,  "clients parsing the old type meet others",
     "response integer -> number"),
    ("type-narrowed",                REQ, ERR,  "values of the dropped type are rejected",
     "request number -> integer"),
    ("type-narrowed",                RES, INFO, "values still fit the clients' types",
     "response number -> integer"),
    ("format-changed",               REQ, ERR,  "values in the old format may be rejected",
     "request date -> date-time"),
    ("format-changed",               RES, WARN, "clients parsing the old format may fail",
     "response date -> date-time"),
    ("format-narrowed",              REQ, ERR,  "values of the wider format are rejected",
     "request int64 -> int32"),
    ("format-narrowed",              RES, INFO, "values still fit the clients' types",
     "response int64 -> int32"),
    ("format-widened",               REQ, INFO, "every value valid before still is",
     "request int32 -> int64"),
    ("format-widened",               RES, WARN, "values may not fit the clients' types",
     "response int32 -> int64"),
    ("enum-value-removed",           REQ, ERR,  "clients sending it are rejected",
     "request enum [RED, BLUE] -> [RED]"),
    ("enum-value-removed",           RES, INFO, "clients handling it keep working",
     "response enum [RED, BLUE] -> [RED]"),
    ("enum-value-added",             REQ, INFO, "clients may send one more value",
     "request enum [RED] -> [RED, BLUE]"),
    ("enum-value-added",             RES, WARN, "clients' exhaustive switches meet a new value",
     "response enum [RED] -> [RED, BLUE]"),
    ("extensible-enum-value-removed", REQ, ERR, "clients sending it are rejected",
     "request x-extensible-enum [a, b] -> [a]"),
    ("extensible-enum-value-removed", RES, INFO, "clients handling it keep working",
     "response x-extensible-enum [a, b] -> [a]"),
    ("extensible-enum-value-added",  REQ, INFO, "clients may send one more value",
     "request x-extensible-enum [a] -> [a, b]"),
    ("extensible-enum-value-added",  RES, INFO, "readers of an extensible enum expect more",
     "response x-extensible-enum [a] -> [a, b]"),
    ("const-changed",                REQ, ERR,  "clients sending the old value are rejected",
     "request const v1 -> v2"),
    ("const-changed",                RES, ERR,  "clients checking the old value fail",
     "response const v1 -> v2"),
    ("limit-tightened",              REQ, ERR,  "values valid before are now rejected",
     "request maxLength 10 -> 5; pattern, const, contains, if/then, propertyNames added"),
    ("limit-tightened",              RES, INFO, "values stay within what clients handled",
     "response maxLength 10 -> 5"),
    ("limit-loosened",               REQ, INFO, "every value valid before still is",
     "request pattern ^[a-z]+$ -> .* (or removed); minimum 1 -> 0"),
    ("limit-loosened",               RES, WARN, "clients validating responses may fail",
     "response minimum 1 -> 0; exclusiveMinimum 5 -> 3 (3.1)"),
    ("limit-changed",                REQ, ERR,  "some values valid before may be rejected",
     "request pattern ^a -> ^b; if schema changed"),
    ("limit-changed",                RES, WARN, "clients may receive values they did not expect",
     "response pattern ^a -> ^b"),
    ("nullable-removed",             REQ, ERR,  "clients sending null are rejected",
     "request nullable: true -> (none); [string, 'null'] -> string"),
    ("nullable-removed",             RES, INFO, "clients no longer receive null",
     "response anyOf [X, {type: 'null'}] -> X"),
    ("nullable-added",               REQ, INFO, "clients may send null",
     "request string -> [string, 'null']"),
    ("nullable-added",               RES, WARN, "clients may receive null",
     "response nullable (none) -> true"),
    ("default-changed",              REQ, WARN, "clients leaving it out get another behaviour",
     "request default false -> true"),
    ("default-changed",              RES, INFO, "a response default changes nothing clients read",
     "response default false -> true"),
    ("default-removed",              REQ, WARN, "leaving it out no longer has a stated meaning",
     "request default true -> (none)"),
    ("default-removed",              RES, INFO, "a response default changes nothing clients read",
     "response default true -> (none)"),
    ("default-added",                REQ, INFO, "states what leaving it out means",
     "request default (none) -> false"),
    ("default-added",                RES, INFO, "a response default changes nothing clients read",
     "response default (none) -> false"),
    ("keyword-changed",              REQ, WARN, "a keyword this tool does not judge changed",
     "request maxDecimals: 2 -> 1 (unknown to this tool, not x-)"),
    ("keyword-changed",              RES, WARN, "a keyword this tool does not judge changed",
     "response maxDecimals: 2 -> 1 (unknown to this tool, not x-)"),
    # Lifecycle: deprecated operations, parameters and properties, x-sunset dates.
    ("deprecated",                   REQ, INFO, "still works; plan to move off it",
     "operation deprecated: false -> true"),
    ("deprecated",                   RES, INFO, "still served; plan to stop reading it",
     "response Thing.note deprecated: false -> true"),
    ("undeprecated",                 REQ, INFO, "no longer deprecated",
     "query q deprecated: true -> false"),
    ("undeprecated",                 RES, INFO, "no longer deprecated",
     "response Thing.note deprecated: true -> false"),
    ("sunset-set",                   REQ, WARN, "removal is scheduled: move off it by then",
     "operation x-sunset (none) -> 2027-01-01"),
    ("sunset-set",                   RES, WARN, "removal is scheduled: stop reading it by then",
     "response Thing.note x-sunset (none) -> 2027-01-01"),
    ("sunset-earlier",               REQ, WARN, "removal comes sooner than announced",
     "operation x-sunset 2027-06-01 -> 2027-01-01"),
    ("sunset-earlier",               RES, WARN, "removal comes sooner than announced",
     "response Thing.note x-sunset 2027-06-01 -> 2027-01-01"),
    ("sunset-later",                 REQ, INFO, "more time to move off it",
     "operation x-sunset 2027-01-01 -> 2027-06-01"),
    ("sunset-later",                 RES, INFO, "more time to move off it",
     "response Thing.note x-sunset 2027-01-01 -> 2027-06-01"),
    ("sunset-too-soon",              REQ, WARN, "the sunset is nearer than --deprecation-days",
     "operation deprecated with x-sunset 10 days away, --deprecation-days 90"),
    ("sunset-too-soon",              RES, WARN, "the sunset is nearer than --deprecation-days",
     "response Thing.note x-sunset 10 days away, --deprecation-days 90"),
    ("deprecated-removed",           REQ, WARN, "removed after its deprecation period",
     "operation deprecated (x-sunset past) removed, with --deprecation-days"),
    ("deprecated-removed",           RES, WARN, "removed after its deprecation period",
     "response Thing.note deprecated 200 days ago removed, --deprecation-days 90"),
))
# fmt: on

POLICY: Final[dict[tuple[str, Side], Rule]] = {(rule.kind, rule.side): rule for rule in RULES}


def table_markdown() -> str:
    """The rule table as markdown (kind, side, level, example, reason), for docs and --help."""
    lines = ["| kind | side | level | example | reason |", "|---|---|---|---|---|"]
    lines += [f"| {r.kind} | {r.side} | {r.level} | {r.example} | {r.reason} |" for r in RULES]
    return "\n".join(lines)


@dataclass(frozen=True)
class Change:
    """One difference between two editions, levelled for a client of the API.

    `location` names the thing (`query delayed`, `request body PageEvent.href maxLength`); `old`
    and `new` are its values before and after (None when absent); `reason` says why the level.
    """

    level: Level
    kind: str
    operation: str
    location: str
    old: Any = None
    new: Any = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "level": str(self.level)}
