"""`contracts diff`: what changed between two editions of a contract, and what it does to a client.

Two OpenAPI 3.0 documents (OLD, NEW) are compared operation by operation, operations matched by
method and path (path parameter names aside: `/a/{id}` matches `/a/{key}`). Every difference is a
`Change(level, kind, operation, location, old, new, reason)` whose level is for a *client* of the
API, the one party we are:

- ERR: breaks existing clients;
- WARN: may break some (exhaustive switches on enums and statuses, strict parsers, reliance on a
  default);
- INFO: breaks none.

Direction decides the level. What the client sends (the operation itself, its servers and
security, parameters, request body) is read one way; what it reads (statuses, response bodies) the
other way round: a tighter request limit rejects values clients send (ERR), a tighter response
limit only narrows what they receive (INFO); an enum value removed from a request breaks senders
(ERR), one added to a response surprises readers (WARN). The policy is the table `POLICY_ROWS`,
one row per (kind, side) with the reason shown to the user. Its levels, in short (this grid is
checked against the table by tests/test_diff.py):

    kind                          request  response
    operation-removed             ERR      -
    operation-added               INFO     -
    server-removed                ERR      -
    server-added                  INFO     -
    security-requirement-removed  ERR      -
    security-requirement-added    INFO     -
    security-scheme-removed       ERR      -
    security-scheme-changed       ERR      -
    security-scheme-added         INFO     -
    param-removed                 ERR      -
    param-renamed                 ERR      -
    required-param-added          ERR      -
    param-added                   INFO     -
    serialization-changed         ERR      -
    body-limit-tightened          ERR      -
    body-limit-loosened           INFO     -
    status-added                  -        WARN
    status-removed                -        INFO
    media-type-removed            ERR      ERR
    media-type-added              INFO     INFO
    became-required               ERR      INFO
    became-optional               INFO     ERR
    required-field-removed        ERR      ERR
    field-removed                 ERR      WARN
    required-field-renamed        ERR      ERR
    field-renamed                 ERR      WARN
    required-field-added          ERR      INFO
    field-added                   INFO     INFO
    variant-removed               ERR      INFO
    variant-added                 INFO     WARN
    type-changed                  ERR      ERR
    format-changed                ERR      WARN
    format-narrowed               ERR      INFO
    format-widened                INFO     WARN
    enum-value-removed            ERR      INFO
    enum-value-added              INFO     WARN
    limit-tightened               ERR      INFO
    limit-loosened                INFO     WARN
    limit-changed                 ERR      WARN
    nullable-removed              ERR      INFO
    nullable-added                INFO     WARN
    default-changed               WARN     INFO
    default-removed               WARN     INFO
    default-added                 INFO     INFO

What is compared: operations; top-level servers; security requirements (operation, else document)
and `components.securitySchemes`; parameters (by `in` and name, header names case-free; required,
style/explode, schema); request body (required, media types, `x-max-body-bytes`); statuses per
operation and, for the statuses in both, their media types and body schemas. Schemas are walked
following `$ref` and `allOf`; `oneOf`/`anyOf` are compared variant by variant (variants matched by
discriminator mapping key, else by component name, else by position). In a schema: `type`,
`format`, `enum`, `nullable`, `default`, properties (added, removed, renamed, required), `items`,
`additionalProperties`, and the limits `maxLength minLength maxItems minItems maxProperties
minProperties maximum minimum exclusiveMaximum exclusiveMinimum multipleOf uniqueItems pattern`
plus the `x-` extensions that carry rules: `x-max-body-bytes`, `x-key-max-length*`,
`x-key-pattern`. Everything else is not contract and is ignored: descriptions, summaries, titles,
examples, tags, `x-doc-line`, `x-choice`, `x-rule`, `x-codegen-*`, operation ids. Not compared
yet: response headers, links, callbacks, `deprecated`, `readOnly`/`writeOnly`, per-operation
servers.

Choices:
- A location names the thing changed: `query delayed`, `request body PageEvent.href maxLength`,
  `response 200 Segment.tags[]`, `response 413`. Schema paths start at the body's component name,
  or at the variant's name inside a union (`PageEvent.href`); `[]` is an array's items, `.*` a
  map's values. The keyword is appended for limits only (the other kinds name their keyword).
- A change found identically in every variant of a union (a field of a shared base) is reported
  once, on the union's name (`VisitEvent.time`), not once per variant.
- Renames: a removed and an added field (or parameter) of the same object and the same type whose
  names are at least `RENAME_RATIO` alike (difflib ratio, case-free) are one rename, paired best
  first; the pair is then compared as one field under its new name.
- Introducing an enum or a limit where there was none is a tightening; dropping one, a loosening.
  A missing integer or number `format` is wider than any.
- The same change found under two media types of one body is reported once.
- `contracts diff` exits 1 when a change reaches `--fail-on` (default ERR: CI fails on breaking
  changes and shows warnings; WARN for the cautious, NONE to report only) and 2 when a spec cannot
  be read, so CI can tell a breaking change from a broken input.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from typing import Any, Final, Literal

import yaml
from jsonschema.exceptions import ValidationError
from openapi_spec_validator import validate
from openapi_spec_validator.exceptions import OpenAPIError
from referencing.exceptions import Unresolvable
from rich.text import Text

from .registry import load_spec
from .specs import HTTP_METHODS, Spec


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

# The level policy: one row per (kind, side). The side is what the change touches from the
# client's seat: REQ what it sends (and the operation, servers and security it calls with), RES
# what it reads. The reason is the one line a user sees beside the change.
# fmt: off
POLICY_ROWS: Final[tuple[tuple[str, Side, Level, str], ...]] = (
    # kind                          side level reason
    ("operation-removed",            REQ, ERR,  "clients calling it get an error"),
    ("operation-added",              REQ, INFO, "no client calls it yet"),
    ("server-removed",               REQ, ERR,  "clients configured with this host lose the API"),
    ("server-added",                 REQ, INFO, "one more host serves the API"),
    ("security-requirement-removed", REQ, ERR,  "clients authenticating this way are rejected"),
    ("security-requirement-added",   REQ, INFO, "clients may also authenticate this way"),
    ("security-scheme-removed",      REQ, ERR,  "clients sending these credentials are rejected"),
    ("security-scheme-changed",      REQ, ERR,  "clients send credentials the old way"),
    ("security-scheme-added",        REQ, INFO, "a new way to authenticate"),
    ("param-removed",                REQ, ERR,  "clients sending it may be rejected or ignored"),
    ("param-renamed",                REQ, ERR,  "clients send the old name: rejected or ignored"),
    ("required-param-added",         REQ, ERR,  "clients not sending it are rejected"),
    ("param-added",                  REQ, INFO, "optional: clients need not send it"),
    ("serialization-changed",        REQ, ERR,  "clients encode it the old way (style/explode)"),
    ("body-limit-tightened",         REQ, ERR,  "bodies between the two sizes are now rejected"),
    ("body-limit-loosened",          REQ, INFO, "every body accepted before still is"),
    ("status-added",                 RES, WARN, "clients may not handle the new status"),
    ("status-removed",               RES, INFO, "clients' handling of it is no longer needed"),
    ("media-type-removed",           REQ, ERR,  "clients sending this Content-Type are rejected"),
    ("media-type-removed",           RES, ERR,  "clients reading this Content-Type lose it"),
    ("media-type-added",             REQ, INFO, "clients may also send this Content-Type"),
    ("media-type-added",             RES, INFO, "served to clients that ask for it"),
    ("became-required",              REQ, ERR,  "clients leaving it out are rejected"),
    ("became-required",              RES, INFO, "it is now always there"),
    ("became-optional",              REQ, INFO, "clients may leave it out"),
    ("became-optional",              RES, ERR,  "clients relying on it may find it missing"),
    ("required-field-removed",       REQ, ERR,  "clients sending it may be rejected or ignored"),
    ("required-field-removed",       RES, ERR,  "clients reading it find it missing"),
    ("field-removed",                REQ, ERR,  "clients sending it may be rejected or ignored"),
    ("field-removed",                RES, WARN, "it was optional, yet clients reading it lose it"),
    ("required-field-renamed",       REQ, ERR,  "clients send the old name: rejected or ignored"),
    ("required-field-renamed",       RES, ERR,  "clients reading the old name find it missing"),
    ("field-renamed",                REQ, ERR,  "clients send the old name: rejected or ignored"),
    ("field-renamed",                RES, WARN, "clients reading the old (optional) name lose it"),
    ("required-field-added",         REQ, ERR,  "clients not sending it are rejected"),
    ("required-field-added",         RES, INFO, "clients ignore what they do not read"),
    ("field-added",                  REQ, INFO, "optional: clients need not send it"),
    ("field-added",                  RES, INFO, "clients ignore what they do not read"),
    ("variant-removed",              REQ, ERR,  "clients sending this variant are rejected"),
    ("variant-removed",              RES, INFO, "clients handling it keep working"),
    ("variant-added",                REQ, INFO, "clients may send a new variant"),
    ("variant-added",                RES, WARN, "clients may meet a variant they do not know"),
    ("type-changed",                 REQ, ERR,  "values of the old type are rejected"),
    ("type-changed",                 RES, ERR,  "clients parsing the old type fail"),
    ("format-changed",               REQ, ERR,  "values in the old format may be rejected"),
    ("format-changed",               RES, WARN, "clients parsing the old format may fail"),
    ("format-narrowed",              REQ, ERR,  "values of the wider format are rejected"),
    ("format-narrowed",              RES, INFO, "values still fit the clients' types"),
    ("format-widened",               REQ, INFO, "every value valid before still is"),
    ("format-widened",               RES, WARN, "values may not fit the clients' types"),
    ("enum-value-removed",           REQ, ERR,  "clients sending it are rejected"),
    ("enum-value-removed",           RES, INFO, "clients handling it keep working"),
    ("enum-value-added",             REQ, INFO, "clients may send one more value"),
    ("enum-value-added",             RES, WARN, "clients' exhaustive switches meet a new value"),
    ("limit-tightened",              REQ, ERR,  "values valid before are now rejected"),
    ("limit-tightened",              RES, INFO, "values stay within what clients handled"),
    ("limit-loosened",               REQ, INFO, "every value valid before still is"),
    ("limit-loosened",               RES, WARN, "clients may receive values beyond the old limit"),
    ("limit-changed",                REQ, ERR,  "some values valid before may be rejected"),
    ("limit-changed",                RES, WARN, "clients may receive values they did not expect"),
    ("nullable-removed",             REQ, ERR,  "clients sending null are rejected"),
    ("nullable-removed",             RES, INFO, "clients no longer receive null"),
    ("nullable-added",               REQ, INFO, "clients may send null"),
    ("nullable-added",               RES, WARN, "clients may receive null"),
    ("default-changed",              REQ, WARN, "clients leaving it out get another behaviour"),
    ("default-changed",              RES, INFO, "a response default changes nothing clients read"),
    ("default-removed",              REQ, WARN, "leaving it out no longer has a stated meaning"),
    ("default-removed",              RES, INFO, "a response default changes nothing clients read"),
    ("default-added",                REQ, INFO, "states what leaving it out means"),
    ("default-added",                RES, INFO, "a response default changes nothing clients read"),
)
# fmt: on

POLICY: Final[dict[tuple[str, Side], tuple[Level, str]]] = {
    (kind, side): (level, reason) for kind, side, level, reason in POLICY_ROWS
}

# Two field names at least this alike (difflib ratio, case-free) are one rename when one went and
# the other came: keyPagesIndices/keyPageIndices is 0.97, title/subtitle 0.77, city/country 0.55.
RENAME_RATIO: Final = 0.85

ALL_OPERATIONS: Final = "(all operations)"


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


class SpecInputError(ValueError):
    """A spec that cannot be compared: missing, not YAML/JSON, not a valid OpenAPI document."""


def load(name_or_path: str) -> Spec:
    """A spec by name (`kameleoon-data`) or path, checked to be a comparable OpenAPI document.

    Raises SpecInputError with one line saying what is wrong; never another exception for bad
    input. Only local `$ref`s are accepted, so checking never fetches anything.
    """
    try:
        spec = load_spec(name_or_path)
    except FileNotFoundError as error:
        raise SpecInputError(str(error.args[0])) from None
    except yaml.YAMLError as error:
        raise SpecInputError(f"{name_or_path}: not YAML or JSON: {_one_line(error)}") from None
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise SpecInputError(f"{name_or_path}: {_one_line(error)}") from None
    external = next(_external_refs(spec.document), None)
    if external is not None:
        raise SpecInputError(f"{spec.path}: only local $ref can be compared, got {external!r}")
    try:
        validate(dict(spec.document))
    except ValidationError as error:
        where = "/".join(map(str, error.absolute_path)) or "(document)"
        raise SpecInputError(
            f"{spec.path}: not a valid OpenAPI document: {where}: {_one_line(error.message)}"
        ) from None
    except Unresolvable as error:
        raise SpecInputError(f"{spec.path}: unresolvable $ref {error}"[:200]) from None
    except OpenAPIError as error:
        raise SpecInputError(f"{spec.path}: not an OpenAPI 3 document ({error!r})") from None
    return spec


def _one_line(error: object) -> str:
    return " ".join(str(error).split())[:200]


def _external_refs(node: Any) -> Iterator[str]:
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#/"):
            yield ref
        for value in node.values():
            yield from _external_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _external_refs(value)


def diff_files(old: str, new: str) -> list[Change]:
    return diff_specs(load(old), load(new))


def diff_specs(old: Spec, new: Spec) -> list[Change]:
    """Every change from `old` to `new`, in document order (global ones first), each once."""
    top = _Where(old, new, ALL_OPERATIONS, REQ, "")
    changes = [*_servers(top), *_security_schemes(top)]
    old_ops, new_ops = _operations(old), _operations(new)
    for key, was in old_ops.items():
        if key not in new_ops:
            where = replace(top, operation=was.label, prefix="operation")
            changes.append(where.change("operation-removed"))
            continue
        now = new_ops[key]
        here = replace(top, operation=now.label)
        changes += _security(here, was.definition, now.definition)
        changes += _parameters(here, was, now)
        changes += _request_body(here, was.definition, now.definition)
        changes += _responses(replace(here, side=RES), was.definition, now.definition)
    for key, now in new_ops.items():
        if key not in old_ops:
            where = replace(top, operation=now.label, prefix="operation")
            changes.append(where.change("operation-added"))
    return list(dict.fromkeys(changes))


def fails(changes: list[Change], fail_on: Level | None) -> bool:
    """True when a change reaches the `--fail-on` level (None: never)."""
    return fail_on is not None and any(c.level.rank >= fail_on.rank for c in changes)


# --- where a change is ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Where:
    """The place being compared: which operation, which side, and the location so far."""

    old: Spec
    new: Spec
    operation: str
    side: Side
    prefix: str  # "query", "request body", "response 200", "servers"
    path: str = ""  # "PageEvent.keyPageIndices[]"

    def at(self, path: str) -> _Where:
        return replace(self, path=path)

    def field(self, name: str) -> _Where:
        return self.at(f"{self.path}.{name}" if self.path else name)

    def location(self, keyword: str = "") -> str:
        return " ".join(part for part in (self.prefix, self.path, keyword) if part)

    def change(self, kind: str, old: Any = None, new: Any = None, keyword: str = "") -> Change:
        level, reason = POLICY[(kind, self.side)]
        location = self.location(keyword)
        return Change(level, kind, self.operation, location, _frozen(old), _frozen(new), reason)


def _frozen(value: Any) -> Any:
    """Values kept hashable (a Change is frozen and deduplicated); maps become their JSON text."""
    if isinstance(value, list | tuple):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, Mapping):
        return json.dumps(value, sort_keys=True, default=str)
    return value


def _same(a: Any, b: Any) -> bool:
    """Equal as JSON values (True is not 1 here, unlike in Python)."""
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


# --- document level ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Operation:
    label: str  # "POST /visit/events"
    path: str
    item: Mapping[str, Any]  # the path item, for its shared parameters
    definition: Mapping[str, Any]


def _operations(spec: Spec) -> dict[tuple[str, str], _Operation]:
    """(method, path with its parameters unnamed) -> operation."""
    found: dict[tuple[str, str], _Operation] = {}
    for path, item in spec.document.get("paths", {}).items():
        item = spec.resolve(item)
        for method in HTTP_METHODS:
            if method in item:
                key = (method, _PATH_PARAMETER.sub("{}", path))
                found[key] = _Operation(f"{method.upper()} {path}", path, item, item[method])
    return found


def _servers(top: _Where) -> Iterator[Change]:
    here = replace(top, prefix="servers")
    old = [str(s.get("url")) for s in top.old.document.get("servers", [])]
    new = [str(s.get("url")) for s in top.new.document.get("servers", [])]
    for url in old:
        if url not in new:
            yield here.change("server-removed", url, None)
    for url in new:
        if url not in old:
            yield here.change("server-added", None, url)


def _security_schemes(top: _Where) -> Iterator[Change]:
    old = top.old.document.get("components", {}).get("securitySchemes", {})
    new = top.new.document.get("components", {}).get("securitySchemes", {})
    for name, scheme in old.items():
        here = replace(top, prefix="security scheme", path=name)
        if name not in new:
            yield here.change("security-scheme-removed", _scheme(top.old, scheme), None)
        elif not _same(_scheme(top.old, scheme), _scheme(top.new, new[name])):
            yield here.change(
                "security-scheme-changed", _scheme(top.old, scheme), _scheme(top.new, new[name])
            )
    for name, scheme in new.items():
        if name not in old:
            here = replace(top, prefix="security scheme", path=name)
            yield here.change("security-scheme-added", None, _scheme(top.new, scheme))


def _scheme(spec: Spec, scheme: Mapping[str, Any]) -> str:
    """What of a security scheme a client depends on (not its description)."""
    scheme = spec.resolve(scheme)
    kept = {k: v for k, v in scheme.items() if k != "description" and not k.startswith("x-")}
    return json.dumps(kept, sort_keys=True, default=str)


def _security(
    here: _Where, old_op: Mapping[str, Any], new_op: Mapping[str, Any]
) -> Iterator[Change]:
    old = _requirements(here.old, old_op)
    new = _requirements(here.new, new_op)
    where = replace(here, prefix="security")
    for requirement in old:
        if requirement not in new:
            yield where.change("security-requirement-removed", requirement, None)
    for requirement in new:
        if requirement not in old:
            yield where.change("security-requirement-added", None, requirement)


def _requirements(spec: Spec, op: Mapping[str, Any]) -> list[str]:
    """The ways to authenticate, each as `scheme[scopes]+scheme`; `anonymous` for none needed."""
    requirements = op.get("security", spec.document.get("security", []))
    if not requirements:
        return ["anonymous"]
    return [
        "+".join(
            f"{name}[{','.join(sorted(scopes))}]" if scopes else name
            for name, scopes in sorted(requirement.items())
        )
        or "anonymous"
        for requirement in requirements
    ]


# --- parameters -------------------------------------------------------------------------------

# OpenAPI's default style and explode per parameter location.
_SERIALIZATION: Final = {
    "query": ("form", True),
    "cookie": ("form", True),
    "path": ("simple", False),
    "header": ("simple", False),
}


_PATH_PARAMETER: Final = re.compile(r"\{([^}]*)\}")


def _parameter_map(spec: Spec, op: _Operation) -> dict[str, Any]:
    """`in name` -> parameter; operation parameters override the path item's. Header names are
    case-free; a path parameter is known by its place in the path (its name is not sent)."""
    places = {name: place for place, name in enumerate(_PATH_PARAMETER.findall(op.path))}
    found: dict[str, Any] = {}
    for parameter in [*op.item.get("parameters", []), *op.definition.get("parameters", [])]:
        parameter = spec.resolve(parameter)
        where, name = str(parameter["in"]), str(parameter["name"])
        if where == "header":
            name = name.lower()
        elif where == "path" and name in places:
            name = f"#{places[name]}"
        found[f"{where} {name}"] = parameter
    return found


def _parameter_schema(spec: Spec, parameter: Mapping[str, Any]) -> Mapping[str, Any]:
    if "schema" in parameter:
        return spec.resolve(parameter["schema"])
    for media in parameter.get("content", {}).values():
        return spec.resolve(media.get("schema", {}))
    return {}


def _parameters(
    here: _Where,
    was: _Operation,
    now: _Operation,
) -> list[Change]:
    old = _parameter_map(here.old, was)
    new = _parameter_map(here.new, now)
    renamed: dict[str, str] = {}
    for where in {p["in"] for p in old.values()}:
        gone = [k for k, p in old.items() if p["in"] == where and k not in new]
        came = [k for k, p in new.items() if p["in"] == where and k not in old]
        renamed |= _renames(
            gone,
            came,
            lambda k: _type(_flat(here.old, _parameter_schema(here.old, old[k]))),
            lambda k: _type(_flat(here.new, _parameter_schema(here.new, new[k]))),
            name=lambda k: k.partition(" ")[2],
        )
    changes: list[Change] = []
    for key, parameter in old.items():
        target = key if key in new else renamed.get(key)
        old_schema = _parameter_schema(here.old, parameter)
        if target is None:
            where = replace(here, prefix=parameter["in"], path=parameter["name"])
            changes.append(where.change("param-removed", _summary(here.old, old_schema), None))
            continue
        counterpart = new[target]
        where = replace(here, prefix=counterpart["in"], path=counterpart["name"])
        if target != key:
            changes.append(where.change("param-renamed", parameter["name"], counterpart["name"]))
        changes += _required(where, _param_required(parameter), _param_required(counterpart))
        old_way, new_way = _serialization(parameter), _serialization(counterpart)
        if old_way != new_way:
            changes.append(where.change("serialization-changed", old_way, new_way))
        new_schema = _parameter_schema(here.new, counterpart)
        changes += _schemas(where, old_schema, new_schema, frozenset())
    for key, parameter in new.items():
        if key not in old and key not in renamed.values():
            where = replace(here, prefix=parameter["in"], path=parameter["name"])
            kind = "required-param-added" if _param_required(parameter) else "param-added"
            schema = _parameter_schema(here.new, parameter)
            changes.append(where.change(kind, None, _summary(here.new, schema)))
    return changes


def _param_required(parameter: Mapping[str, Any]) -> bool:
    return parameter.get("in") == "path" or bool(parameter.get("required"))


def _serialization(parameter: Mapping[str, Any]) -> str:
    style, explode = _SERIALIZATION.get(str(parameter.get("in")), ("form", True))
    style = str(parameter.get("style", style))
    explode = bool(parameter.get("explode", style == "form"))
    return f"style={style} explode={str(explode).lower()}"


# --- bodies and responses ---------------------------------------------------------------------


def _request_body(
    here: _Where, old_op: Mapping[str, Any], new_op: Mapping[str, Any]
) -> list[Change]:
    old = here.old.resolve(old_op.get("requestBody", {}))
    new = here.new.resolve(new_op.get("requestBody", {}))
    body = replace(here, prefix="request body")
    changes = _required(body, bool(old.get("required")), bool(new.get("required")))
    old_limit, new_limit = old.get("x-max-body-bytes"), new.get("x-max-body-bytes")
    if old_limit != new_limit:
        tighter = old_limit is None or (new_limit is not None and new_limit < old_limit)
        kind = "body-limit-tightened" if tighter else "body-limit-loosened"
        changes.append(body.change(kind, old_limit, new_limit))
    return changes + _contents(body, old.get("content", {}), new.get("content", {}))


def _responses(here: _Where, old_op: Mapping[str, Any], new_op: Mapping[str, Any]) -> list[Change]:
    old = {str(status): r for status, r in old_op.get("responses", {}).items()}
    new = {str(status): r for status, r in new_op.get("responses", {}).items()}
    changes: list[Change] = []
    for status, response in old.items():
        where = replace(here, prefix=f"response {status}")
        if status not in new:
            changes.append(where.change("status-removed"))
            continue
        old_content = here.old.resolve(response).get("content", {})
        new_content = here.new.resolve(new[status]).get("content", {})
        changes += _contents(where, old_content, new_content)
    for status in new:
        if status not in old:
            changes.append(replace(here, prefix=f"response {status}").change("status-added"))
    return changes


def _contents(here: _Where, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    old = {media.lower(): content for media, content in old.items()}
    new = {media.lower(): content for media, content in new.items()}
    changes: list[Change] = []
    for media, content in old.items():
        if media not in new:
            changes.append(here.at(media).change("media-type-removed"))
            continue
        old_schema = content.get("schema", {})
        new_schema = new[media].get("schema", {})
        root = here.at(_ref_name(new_schema) or _ref_name(old_schema) or "")
        changes += _schemas(root, old_schema, new_schema, frozenset())
    for media in new:
        if media not in old:
            changes.append(here.at(media).change("media-type-added"))
    return changes


def _required(here: _Where, was: bool, now: bool) -> list[Change]:
    if was == now:
        return []
    return [here.change("became-required" if now else "became-optional", was, now)]


# --- schemas ----------------------------------------------------------------------------------

_MAXIMA: Final = ("maxLength", "maxItems", "maxProperties", "maximum")
_MINIMA: Final = ("minLength", "minItems", "minProperties", "minimum")
_PATTERNS: Final = ("pattern", "x-key-pattern")
_FLAGS: Final = ("exclusiveMaximum", "exclusiveMinimum", "uniqueItems")  # true is tighter
# Formats of one type ordered narrow to wide; a missing format is the widest.
_WIDTHS: Final = {"int32": ("integer", 0), "int64": ("integer", 1), "float": ("number", 0),
                  "double": ("number", 1)}  # fmt: skip

Seen = frozenset[tuple[str | None, str | None]]


def _schemas(here: _Where, old_node: Any, new_node: Any, seen: Seen) -> list[Change]:
    """The changes from one schema to another at `here`, both followed through $ref and allOf."""
    refs = (_ref_name(old_node), _ref_name(new_node))
    if refs != (None, None):
        if refs in seen:  # a recursive schema: this pair is being compared further up
            return []
        seen = seen | {refs}
    old, new = _flat(here.old, old_node), _flat(here.new, new_node)
    if _is_union(old) and _is_union(new):
        return _unions(here, old, new, refs[1] or refs[0], seen)
    old_type, new_type = _type(old), _type(new)
    if old_type != new_type:
        # Below a type change nothing compares: one change says it all.
        return [here.change("type-changed", old_type, new_type)]
    changes = list(_keywords(here, old, new))
    if old_type == "object":
        changes += _properties(here, old, new, seen)
        changes += _additional(here, old, new, seen)
    elif old_type == "array":
        changes += _schemas(here.at(f"{here.path}[]"), old.get("items", {}), new.get("items", {}),
                            seen)  # fmt: skip
    return changes


def _ref_name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    return str(ref).rsplit("/", 1)[-1] if ref else None


def _flat(spec: Spec, node: Any, depth: int = 0) -> Mapping[str, Any]:
    """A schema with its $ref followed and its allOf parts merged into one: properties and
    required lists joined, other keywords taken from the first part stating them."""
    if depth > 64:
        raise SpecInputError(f"{spec.path}: allOf nested too deep (a cycle?)")
    schema: Mapping[str, Any] = spec.resolve(node) if isinstance(node, Mapping) else {}
    parts: list[Any] = schema.get("allOf") or []
    if not parts:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    properties: dict[str, Any] = dict(merged.get("properties", {}))
    required: list[str] = list(merged.get("required", []))
    for part in parts:
        flat = _flat(spec, part, depth + 1)
        for name, prop in flat.get("properties", {}).items():
            properties.setdefault(name, prop)
        required += [name for name in flat.get("required", []) if name not in required]
        for key, value in flat.items():
            if key not in ("properties", "required"):
                merged.setdefault(key, value)
    if properties:
        merged["properties"] = properties
    if required:
        merged["required"] = required
    return merged


def _is_union(schema: Mapping[str, Any]) -> bool:
    return "oneOf" in schema or "anyOf" in schema


def _type(schema: Mapping[str, Any]) -> str | None:
    if "type" in schema:
        return str(schema["type"])
    if "properties" in schema or "additionalProperties" in schema:
        return "object"
    if "items" in schema:
        return "array"
    if _is_union(schema):
        return "oneOf" if "oneOf" in schema else "anyOf"
    return None


def _summary(spec: Spec, node: Any) -> str:
    """A schema in a few words for old/new: `integer int64`, `string`, `array`."""
    schema = _flat(spec, node)
    kind = _type(schema) or "any"
    return f"{kind} {schema['format']}" if "format" in schema else kind


def _keywords(here: _Where, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    yield from _format(here, old.get("format"), new.get("format"))
    was_nullable, is_nullable = bool(old.get("nullable")), bool(new.get("nullable"))
    if was_nullable != is_nullable:
        kind = "nullable-added" if is_nullable else "nullable-removed"
        yield here.change(kind, was_nullable, is_nullable)
    if "default" not in old and "default" in new:
        yield here.change("default-added", None, new["default"])
    elif "default" in old and "default" not in new:
        yield here.change("default-removed", old["default"], None)
    elif "default" in old and not _same(old["default"], new["default"]):
        yield here.change("default-changed", old["default"], new["default"])
    yield from _enum(here, old.get("enum"), new.get("enum"))
    yield from _limits(here, old, new)


def _format(here: _Where, old: str | None, new: str | None) -> Iterator[Change]:
    if old == new:
        return
    old_width, new_width = _WIDTHS.get(old or ""), _WIDTHS.get(new or "")
    if old is None and new_width:
        old_width = (new_width[0], 2)
    if new is None and old_width:
        new_width = (old_width[0], 2)
    if old_width and new_width and old_width[0] == new_width[0]:
        kind = "format-widened" if new_width[1] > old_width[1] else "format-narrowed"
    else:
        kind = "format-changed"
    yield here.change(kind, old, new)


def _enum(here: _Where, old: list[Any] | None, new: list[Any] | None) -> Iterator[Change]:
    if old is None and new is None:
        return
    if old is None:
        yield here.change("limit-tightened", None, new, "enum")
        return
    if new is None:
        yield here.change("limit-loosened", old, None, "enum")
        return
    for value in old:
        if not any(_same(value, other) for other in new):
            yield here.change("enum-value-removed", value, None)
    for value in new:
        if not any(_same(value, other) for other in old):
            yield here.change("enum-value-added", None, value)


def _limits(here: _Where, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    key_limits = sorted({k for k in (*old, *new) if k.startswith("x-key-max-length")})
    for key in (*_MAXIMA, *key_limits):
        yield from _bound(here, key, old.get(key), new.get(key), smaller_is_tighter=True)
    for key in _MINIMA:
        yield from _bound(here, key, old.get(key), new.get(key), smaller_is_tighter=False)
    for key in _PATTERNS:
        before, after = old.get(key), new.get(key)
        if before != after:
            kind = (
                "limit-tightened" if before is None
                else "limit-loosened" if after is None
                else "limit-changed"
            )  # fmt: skip
            yield here.change(kind, before, after, key)
    for key in _FLAGS:
        before, after = bool(old.get(key)), bool(new.get(key))
        if before != after:
            yield here.change("limit-tightened" if after else "limit-loosened", before, after, key)
    before, after = old.get("multipleOf"), new.get("multipleOf")
    if before != after:
        if before is None or (after is not None and after % before == 0):
            kind = "limit-tightened"  # every multiple of the new step is one of the old
        elif after is None or before % after == 0:
            kind = "limit-loosened"
        else:
            kind = "limit-changed"
        yield here.change(kind, before, after, "multipleOf")


def _bound(
    here: _Where, key: str, old: Any, new: Any, *, smaller_is_tighter: bool
) -> Iterator[Change]:
    if old == new:
        return
    if old is None:
        tighter = True
    elif new is None:
        tighter = False
    else:
        tighter = (new < old) == smaller_is_tighter
    yield here.change("limit-tightened" if tighter else "limit-loosened", old, new, key)


def _properties(
    here: _Where, old: Mapping[str, Any], new: Mapping[str, Any], seen: Seen
) -> list[Change]:
    old_props: Mapping[str, Any] = old.get("properties", {})
    new_props: Mapping[str, Any] = new.get("properties", {})
    old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
    renamed = _renames(
        [name for name in old_props if name not in new_props],
        [name for name in new_props if name not in old_props],
        lambda name: _type(_flat(here.old, old_props[name])),
        lambda name: _type(_flat(here.new, new_props[name])),
    )
    changes: list[Change] = []
    for name, schema in old_props.items():
        target = name if name in new_props else renamed.get(name)
        if target is None:
            kind = "required-field-removed" if name in old_required else "field-removed"
            changes.append(here.field(name).change(kind, _summary(here.old, schema), None))
            continue
        where = here.field(target)
        if target != name:
            kind = "required-field-renamed" if name in old_required else "field-renamed"
            changes.append(where.change(kind, name, target))
        changes += _required(where, name in old_required, target in new_required)
        changes += _schemas(where, schema, new_props[target], seen)
    for name, schema in new_props.items():
        if name not in old_props and name not in renamed.values():
            kind = "required-field-added" if name in new_required else "field-added"
            changes.append(here.field(name).change(kind, None, _summary(here.new, schema)))
    return changes


def _additional(
    here: _Where, old: Mapping[str, Any], new: Mapping[str, Any], seen: Seen
) -> list[Change]:
    before, after = old.get("additionalProperties"), new.get("additionalProperties")
    if (before is False) != (after is False):
        kind = "limit-tightened" if after is False else "limit-loosened"
        return [here.change(kind, before, after, "additionalProperties")]
    if isinstance(before, Mapping) or isinstance(after, Mapping):
        before = before if isinstance(before, Mapping) else {}
        after = after if isinstance(after, Mapping) else {}
        return _schemas(here.at(f"{here.path}.*"), before, after, seen)
    return []


def _renames(
    gone: list[str],
    came: list[str],
    old_type: Callable[[str], str | None],
    new_type: Callable[[str], str | None],
    name: Callable[[str], str] = str,
) -> dict[str, str]:
    """Which gone names reappear respelled: same type, names alike, the best pairs first."""
    scored = sorted(
        (-difflib.SequenceMatcher(None, name(a).lower(), name(b).lower()).ratio(), a, b)
        for a in gone
        for b in came
        if old_type(a) == new_type(b)
    )
    pairs: dict[str, str] = {}
    for negative_ratio, a, b in scored:
        if -negative_ratio < RENAME_RATIO:
            break
        if a not in pairs and b not in pairs.values():
            pairs[a] = b
    return pairs


# --- unions -----------------------------------------------------------------------------------


def _variants(union: Mapping[str, Any], holder: str) -> dict[str, tuple[str, Any]]:
    """key -> (label, schema) for each variant: the discriminator mapping key when there is one,
    else the component name, else the position."""
    options = union.get("oneOf") or union.get("anyOf") or []
    mapping = (union.get("discriminator") or {}).get("mapping") or {}
    key_of = {str(target).rsplit("/", 1)[-1]: key for key, target in mapping.items()}
    found: dict[str, tuple[str, Any]] = {}
    for index, option in enumerate(options, 1):
        name = _ref_name(option)
        key = (key_of.get(name) if name else None) or name or f"#{index}"
        found[str(key)] = (name or f"{holder}(variant {index})", option)
    return found


def _unions(
    here: _Where, old: Mapping[str, Any], new: Mapping[str, Any], name: str | None, seen: Seen
) -> list[Change]:
    holder = name or here.path
    old_variants, new_variants = _variants(old, holder), _variants(new, holder)
    changes: list[Change] = []
    matched: list[tuple[str, list[Change]]] = []
    for key, (label, option) in old_variants.items():
        if key not in new_variants:
            changes.append(here.at(label).change("variant-removed", key, None))
            continue
        new_label, new_option = new_variants[key]
        where = here.at(new_label)
        matched.append((where.location(), _schemas(where, option, new_option, seen)))
    for key, (label, _) in new_variants.items():
        if key not in old_variants:
            changes.append(here.at(label).change("variant-added", None, key))
    return changes + _collapse(here.at(holder).location(), matched)


def _collapse(holder: str, matched: list[tuple[str, list[Change]]]) -> list[Change]:
    """Changes found alike in every variant (a shared base's field) once, on the union's name;
    then the rest, variant by variant."""
    relative = [[_relative(base, change) for change in found] for base, found in matched]
    common: list[Change] = []
    if len(matched) > 1:
        common = [
            change
            for change in relative[0]
            if change is not None and all(change in others for others in relative[1:])
        ]
    kept = [replace(change, location=holder + change.location) for change in common]
    for (_, found), rels in zip(matched, relative, strict=True):
        kept += [change for change, rel in zip(found, rels, strict=True) if rel not in common]
    return kept


def _relative(base: str, change: Change) -> Change | None:
    """The change with its location relative to the variant (`.href maxLength`), or None when it
    lies elsewhere (under a nested union's own names)."""
    rest = change.location[len(base) :]
    if change.location.startswith(base) and (not rest or rest[0] in ".[ "):
        return replace(change, location=rest)
    return None


# --- output -----------------------------------------------------------------------------------

_STYLES: Final = {Level.ERR: "bold red", Level.WARN: "yellow", Level.INFO: "green"}


def counts(changes: list[Change]) -> str:
    tally = {level: sum(c.level is level for c in changes) for level in Level}
    return ", ".join(f"{n} {level}" for level, n in tally.items())


def show(value: Any) -> str:
    """A value as the text and markdown outputs print it."""
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return value
    return json.dumps(value, default=str)


def _values(change: Change) -> str:
    if change.old is None and change.new is None:
        return ""
    return f"{show(change.old)} -> {show(change.new)}"


def _by_operation(changes: list[Change]) -> dict[str, list[Change]]:
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.operation, []).append(change)
    return groups


def render_text(changes: list[Change], old: str, new: str) -> list[Text]:
    """One line per change, grouped per operation, columns aligned, levels styled (rich prints
    the styles on a terminal only)."""
    lines = [Text(f"{old} -> {new}: {len(changes)} changes ({counts(changes)})", style="bold")]
    for operation, group in _by_operation(changes).items():
        lines.append(Text(operation, style="bold"))
        widths = [
            min(60, max(len(text(change)) for change in group))
            for text in (lambda c: c.location, lambda c: c.kind, _values)
        ]
        for change in group:
            cells = (change.location, change.kind, _values(change))
            line = Text("  ")
            line.append(f"{change.level:<4}", style=_STYLES[change.level])
            line.append("  ")
            for cell, width in zip(cells, widths, strict=True):
                line.append(f"{cell:<{width}}  ")
            line.append(change.reason)
            lines.append(line)
    return lines


def render_markdown(changes: list[Change], old: str, new: str) -> str:
    rows = [
        f"**{old} -> {new}**: {len(changes)} changes ({counts(changes)})",
        "",
        "| level | operation | location | change | old | new | reason |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in changes:
        cells = (
            str(c.level), c.operation, f"`{c.location}`", c.kind,
            f"`{show(c.old)}`", f"`{show(c.new)}`", c.reason,
        )  # fmt: skip
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows)


def render_json(changes: list[Change]) -> str:
    return json.dumps([change.to_dict() for change in changes], indent=2, default=str)
