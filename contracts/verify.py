"""`contracts verify`: recorded traffic checked against the contracts, with coverage.

Each exchange of a HAR file or a journal export (`contracts.har.read_traffic`) is matched to an
operation by method and path: every API (or those asked for) is tried, its chosen edition first
(`--edition`, else its default) and then its other editions, and among several APIs the one whose
spec lists the URL's host wins, else the first by name. A matched request goes to its API's
`rules.check_request` (spec schema plus rules, errors and warnings), its response to
`validation.check_response`. Exchanges no operation matches (an SDK's config and token calls) are
listed as in no contract: information, not errors.

What the recording hides is not checked, and the report says so: a redacted header or query value
(`<redacted>`) silences the findings about that header or parameter; a body the recording did not
keep is not checked. Secret values never reach the output: URLs show secret-named query values as
`<redacted>`, headers are not printed, and a secret value quoted by a rule's message is cut out.

Coverage, each as a percentage with its counts:
- operations: per API and edition, the spec's operations with at least one exchange;
- statuses: per operation, the documented response keys (`202`, `4XX`, `default`) that a response
  fell under; statuses no key covers are listed as undocumented (they are errors too);
- fields: per operation, the documented query and header parameters sent at least once, and per
  JSON request body schema the documented property paths (`targets[].name`, `metadata.*.x`) that
  appeared at least once, found by walking each body against the schema (following $ref, allOf,
  oneOf/anyOf by discriminator or else all variants, items, additionalProperties);
- variants: for an API with a coverage room (`contracts.rooms.CoverageRoom`: the data API's event
  types, in either body form), the documented variants sent of those the edition lists,
  undocumented ones beside, and per variant the documented fields that appeared.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final
from urllib.parse import urlsplit

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .api import Api
from .errors import UnknownApiError
from .exchange import HttpRequest
from .har import Exchange, TrafficFormat, read_traffic
from .journal import REDACTED, redact_url
from .registry import all_apis, get_api
from .secrecy import SECRET_PARAM, is_secret_header
from .specs import Operation, Spec
from .validation import check_response, find_operation
from .verify_report import RuleTally
from .violations import Severity, Violation

MISSING_LIST: Final = 8  # how many missing fields the text output names before "..."


# -- matching -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """The operation an exchange is for."""

    api: Api
    edition: str
    spec: Spec
    operation: Operation


def selected_apis(names: Iterable[str] = (), edition: str | None = None) -> list[Api]:
    """The APIs to check against (all by default); KeyError for an unknown name, or an edition
    that none of the named APIs has."""
    apis = [get_api(name) for name in names] or list(all_apis())
    if edition and not any(edition in api.editions for api in apis):
        known = sorted({e for api in apis for e in api.editions})
        raise UnknownApiError(
            f"no API here has the edition {edition!r} (known: {', '.join(known)})"
        )
    return apis


def _editions(api: Api, edition: str | None) -> list[str]:
    if edition and edition in api.editions:
        return [edition]
    first = api.default_edition
    return [first, *(e for e in api.editions if e != first)]


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def match(exchange: Exchange, apis: list[Api], edition: str | None) -> Target | None:
    found: list[Target] = []
    for api in apis:
        for name in _editions(api, edition):
            spec = api.spec(name)
            matched = find_operation(spec, exchange.request.method, exchange.request.path)
            if matched:
                found.append(Target(api, name, spec, matched[0]))
                break
    host = _host(exchange.url)
    for target in found:
        if host and host in _server_hosts(target.spec):
            return target
    return found[0] if found else None


def _server_hosts(spec: Spec) -> set[str]:
    return {_host(str(server.get("url", ""))) for server in spec.document.get("servers", [])}


# -- checking -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One exchange and what checking it found."""

    index: int  # 1-based, in recording order
    method: str
    url: str  # secrets redacted
    status: int | None
    target: Target | None
    violations: tuple[Violation, ...] = ()
    notes: tuple[str, ...] = ()  # what was not checked, and why

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "index": self.index,
            "method": self.method,
            "url": self.url,
            "status": self.status,
        }
        if self.target:
            data |= {
                "api": self.target.api.name,
                "edition": self.target.edition,
                "operation": self.target.operation.label,
                "violations": [v.to_dict() for v in self.violations],
                "notes": list(self.notes),
            }
        return data


def _secret_header(name: str) -> bool:
    return is_secret_header(name)


def _redacted_names(exchange: Exchange) -> set[str]:
    """Header and query names whose values the recording redacted, in lower case."""
    request = exchange.request
    names = {name for name, value in request.headers.items() if REDACTED in value}
    names |= {name.lower() for name, values in request.query.items() if REDACTED in values}
    return names


def _secrets(exchange: Exchange) -> list[str]:
    """Secret values the request carries in clear (a HAR from a browser keeps them)."""
    request = exchange.request
    values = [v for name, v in request.headers.items() if _secret_header(name)]
    values += [v for name, vs in request.query.items() if SECRET_PARAM.search(name) for v in vs]
    credentials = [value.split(" ", 1)[-1] for value in values]  # without `Basic `/`Bearer `
    found = {v for v in values + credentials if len(v) >= 4 and v != REDACTED}
    return sorted(found, key=len, reverse=True)  # longest first: a token before its prefix


def scrub(text: str, secrets: list[str]) -> str:
    """`text` with each secret, and any start of it 8 characters or longer (messages cut long
    values short), replaced by `<redacted>`."""
    for secret in secrets:
        for size in range(len(secret), min(len(secret), 8) - 1, -1):
            if secret[:size] in text:
                text = text.replace(secret[:size], REDACTED)
                break
    return text


def _subject(violation: Violation) -> str:
    """The header, query or path name a violation is about, in lower case (if it is about one)."""
    where = violation.field.lower()
    for prefix in ("headers.", "header.", "query.", "request.headers.", "request.query."):
        where = where.removeprefix(prefix)
    return where.split(".")[0].split("[")[0]


def _concerns(violation: Violation, names: set[str]) -> bool:
    """Whether a violation is about one of these (lower-case) header, query or path names."""
    subject = _subject(violation)
    return bool(subject) and subject in names


def _request_names(target: Target, request: HttpRequest) -> set[str]:
    """What a request carries outside its body, in lower case: its query and header names, the
    operation's parameters, and `authorization` (security schemes send credentials there)."""
    names = {name.lower() for name in (*request.query, *request.headers)}
    item = target.spec.document.get("paths", {}).get(target.operation.path, {})
    parameters = [*item.get("parameters", []), *target.operation.definition.get("parameters", [])]
    names |= {str(target.spec.resolve(p).get("name", "")).lower() for p in parameters}
    return names | {"authorization"}


def check_exchange(index: int, exchange: Exchange, target: Target | None) -> Finding:
    request, response = exchange.request, exchange.response
    status = response.status if response else None
    url = redact_url(exchange.url)
    if target is None:
        return Finding(index, request.method, url, status, None)
    notes: list[str] = []
    found: list[Violation] = []
    rules = target.api.rules()
    if not exchange.request_body_recorded:
        # Only what does not rest on the body can be checked: the query, headers and path.
        names = _request_names(target, request)
        found += [v for v in rules.check_request(request, target.edition) if _concerns(v, names)]
        notes.append("request body not recorded: only the query, headers and path checked")
    else:
        found += rules.check_request(request, target.edition)
    if response is None:
        notes.append("response not checked: none was recorded")
    else:
        answer = check_response(target.spec, target.operation, response)
        if not exchange.response_body_recorded:
            answer = [v for v in answer if not v.field.startswith("response.body")]
            notes.append("response body not checked: it was not recorded")
        found += answer
    redacted = _redacted_names(exchange)
    if redacted:
        hidden = sorted({_subject(v) for v in found if _concerns(v, redacted)})
        if hidden:
            notes.append(f"{', '.join(hidden)}: redacted in the recording, so not checked")
            found = [v for v in found if not _concerns(v, redacted)]
    secrets = _secrets(exchange)
    if secrets:
        found = [
            Violation(v.rule, v.field, scrub(v.message, secrets), v.doc, v.severity, v.line)
            for v in found
        ]
    return Finding(index, request.method, url, status, target, tuple(found), tuple(notes))


# -- coverage -----------------------------------------------------------------------------------


def _percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _status_key(responses: Mapping[str, Any], status: int) -> str | None:
    text = str(status)
    for key in (text, f"{text[0]}XX", "default"):
        if key in responses:
            return key
    return None


def _parameters(spec: Spec, operation: Operation) -> list[tuple[str, str]]:
    """(in, name) of the operation's query and header parameters, path-level ones included."""
    item = spec.document.get("paths", {}).get(operation.path, {})
    found: dict[tuple[str, str], None] = {}
    for param in [*item.get("parameters", []), *operation.definition.get("parameters", [])]:
        param = spec.resolve(param)
        if param.get("in") in ("query", "header"):
            found[(str(param["in"]), str(param["name"]))] = None
    return list(found)


def _ref_name(node: Any) -> str | None:
    ref = node.get("$ref") if isinstance(node, Mapping) else None
    return str(ref).rsplit("/", 1)[-1] if ref else None


@dataclass
class _Shape:
    """A schema node flattened: its properties (allOf merged, union variants joined), items and
    map values."""

    properties: dict[str, Any] = field(default_factory=dict)
    items: Any = None
    values: Any = None
    discriminator: str | None = None
    variants: dict[str, Any] = field(default_factory=dict)  # discriminator value -> schema


def _shape(spec: Spec, node: Any, depth: int = 0) -> _Shape:
    shape = _Shape()
    if not isinstance(node, Mapping) or depth > 32:
        return shape
    node = spec.resolve(node)
    for part in node.get("allOf", []):
        inner = _shape(spec, part, depth + 1)
        for name, prop in inner.properties.items():
            shape.properties.setdefault(name, prop)
        shape.items = shape.items or inner.items
        shape.values = shape.values or inner.values
    union = node.get("oneOf") or node.get("anyOf") or []
    discriminator = node.get("discriminator") or {}
    if union and discriminator.get("propertyName"):
        shape.discriminator = str(discriminator["propertyName"])
        for key, ref in (discriminator.get("mapping") or {}).items():
            shape.variants[str(key)] = {"$ref": ref}
    for option in union:
        inner = _shape(spec, option, depth + 1)
        for name, prop in inner.properties.items():
            shape.properties.setdefault(name, prop)
        shape.items = shape.items or inner.items
        shape.values = shape.values or inner.values
    for name, prop in node.get("properties", {}).items():
        shape.properties[name] = prop
    if "items" in node:
        shape.items = node["items"]
    if isinstance(node.get("additionalProperties"), Mapping):
        shape.values = node["additionalProperties"]
    return shape


def schema_fields(
    spec: Spec, schema: Any, path: str = "", seen: frozenset[str] = frozenset()
) -> list[str]:
    """Every property path a schema documents: `name`, `targets[].name`, `metadata.*.id`. A
    schema met again inside itself (a tree) is not walked twice."""
    ref = _ref_name(schema)
    if ref in seen:
        return []
    seen = seen | {ref} if ref else seen
    shape = _shape(spec, schema)
    found: list[str] = []
    for name, prop in shape.properties.items():
        here = f"{path}.{name}" if path else name
        found.append(here)
        found += schema_fields(spec, prop, here, seen)
    if shape.items is not None:
        found += schema_fields(spec, shape.items, f"{path}[]", seen)
    if shape.values is not None:
        found += schema_fields(spec, shape.values, f"{path}.*" if path else "*", seen)
    return found


def present_fields(
    spec: Spec, schema: Any, instance: Any, path: str = "", depth: int = 0
) -> Iterator[str]:
    """The documented property paths an instance carries (see `schema_fields`)."""
    if depth > 64:
        return
    shape = _shape(spec, schema)
    if isinstance(instance, dict):
        if shape.discriminator and str(instance.get(shape.discriminator)) in shape.variants:
            variant = shape.variants[str(instance[shape.discriminator])]
            yield from present_fields(spec, variant, instance, path, depth + 1)
            return
        for name, value in instance.items():
            here = f"{path}.{name}" if path else name
            if name in shape.properties:
                yield here
                yield from present_fields(spec, shape.properties[name], value, here, depth + 1)
            elif shape.values is not None:
                where = f"{path}.*" if path else "*"
                yield from present_fields(spec, shape.values, value, where, depth + 1)
    elif isinstance(instance, list) and shape.items is not None:
        for item in instance:
            yield from present_fields(spec, shape.items, item, f"{path}[]", depth + 1)


@dataclass
class _OperationTally:
    exchanges: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    parameters: set[str] = field(default_factory=set)
    bodies: dict[str, set[str]] = field(default_factory=dict)  # schema name -> paths seen
    variants: Counter[str] = field(default_factory=Counter)  # the data API's event types, ...
    variant_fields: dict[str, set[str]] = field(default_factory=dict)  # variant -> fields seen


def _body_schema(spec: Spec, operation: Operation, media_type: str) -> tuple[str, Any] | None:
    """(name, schema) of the JSON request body for a media type."""
    body = operation.definition.get("requestBody")
    if not body:
        return None
    content = spec.resolve(body).get("content", {})
    json_types = [t for t in content if t == "application/json" or t.endswith("+json")]
    chosen = media_type if media_type in json_types else (json_types[0] if json_types else None)
    if chosen is None or "schema" not in content[chosen]:
        return None
    schema = content[chosen]["schema"]
    return _ref_name(schema) or f"{operation.operation_id} body", schema


class CoverageTally:
    """What the checked exchanges exercised, per API, edition and operation."""

    def __init__(self, apis: Iterable[Api], edition: str | None, asked: Iterable[str] = ()) -> None:
        self.apis = {api.name: api for api in apis}
        self.edition = edition
        self.asked = tuple(asked)  # APIs named by --api: reported even when traffic missed them
        self.operations: dict[tuple[str, str, str], _OperationTally] = {}

    def add(self, exchange: Exchange, target: Target) -> None:
        key = (target.api.name, target.edition, target.operation.operation_id)
        tally = self.operations.setdefault(key, _OperationTally())
        tally.exchanges += 1
        request = exchange.request
        if exchange.response is not None:
            tally.statuses[exchange.response.status] += 1
        for where, name in _parameters(target.spec, target.operation):
            sent = request.param(name) if where == "query" else request.header(name)
            if sent is not None:
                tally.parameters.add(f"{where}.{name}")
        if not exchange.request_body_recorded:
            return
        if target.api.coverage() is not None:
            self._add_variants(target, exchange, tally)
            return
        media_type = (request.header("content-type") or "").split(";")[0].strip()
        found = _body_schema(target.spec, target.operation, media_type)
        if found is None:
            return
        name, schema = found
        try:
            body = json.loads(request.body)
        except (ValueError, UnicodeDecodeError, RecursionError):
            return
        tally.bodies.setdefault(name, set()).update(present_fields(target.spec, schema, body))

    def _add_variants(self, target: Target, exchange: Exchange, tally: _OperationTally) -> None:
        room = target.api.coverage()
        assert room is not None
        documented = room.documented(target.edition)
        for variant, names in room.items(exchange.request, target.edition):
            tally.variants[variant] += 1
            if variant in documented:
                seen = names & set(documented[variant])
                tally.variant_fields.setdefault(variant, set()).update(seen)

    def _apis_shown(self) -> list[tuple[str, str]]:
        """(API, edition) names to report: those traffic reached, plus the APIs asked for."""
        shown = {(api, edition) for api, edition, _ in self.operations}
        return sorted(shown | {(name, self._edition(name)) for name in self.asked})

    def _edition(self, name: str) -> str:
        api = self.apis[name]
        if self.edition and self.edition in api.editions:
            return self.edition
        return api.default_edition

    def report(self) -> dict[str, list[dict[str, Any]]]:
        operations, fields, variants = [], [], []
        for name, edition in self._apis_shown():
            api = self.apis[name]
            spec = api.spec(edition)
            rows = []
            for operation in spec.operations():
                tally = self.operations.get((name, edition, operation.operation_id))
                tally = tally or _OperationTally()
                rows.append(self._statuses(operation, tally))
                fields += self._fields(api, edition, spec, operation, tally)
                if api.coverage() is not None:
                    variants.append(self._variants(api, edition, operation, tally))
            exercised = sum(row["exchanges"] > 0 for row in rows)
            operations.append(
                {
                    "api": name,
                    "edition": edition,
                    "documented": len(rows),
                    "exercised": exercised,
                    "percent": _percent(exercised, len(rows)),
                    "operations": rows,
                }
            )
        return {"operations": operations, "fields": fields, "variants": variants}

    @staticmethod
    def _statuses(operation: Operation, tally: _OperationTally) -> dict[str, Any]:
        responses = operation.definition.get("responses", {})
        covered: set[str] = set()
        undocumented: set[int] = set()
        for status in tally.statuses:
            key = _status_key(responses, status)
            if key is None:
                undocumented.add(status)
            else:
                covered.add(key)
        documented = sorted(responses)
        return {
            "operation": operation.label,
            "exchanges": tally.exchanges,
            "statuses": {
                "documented": documented,
                "seen": {str(s): n for s, n in sorted(tally.statuses.items())},
                "covered": sorted(covered),
                "undocumented": [str(s) for s in sorted(undocumented)],
                "percent": _percent(len(covered), len(documented)),
            },
        }

    @staticmethod
    def _fields(
        api: Api, edition: str, spec: Spec, operation: Operation, tally: _OperationTally
    ) -> list[dict[str, Any]]:
        base = {"api": api.name, "edition": edition, "operation": operation.label}
        rows = []
        parameters = [f"{where}.{name}" for where, name in _parameters(spec, operation)]
        if parameters:
            rows.append(_field_row(base, "parameters", parameters, tally.parameters))
        if api.coverage() is not None:
            return rows  # the body's fields are counted per variant (the data API's event types)
        found = _body_schema(spec, operation, "application/json")
        if found is not None:
            name, schema = found
            documented = list(dict.fromkeys(schema_fields(spec, schema)))
            rows.append(_field_row(base, name, documented, tally.bodies.get(name, set())))
        return rows

    @staticmethod
    def _variants(
        api: Api, edition: str, operation: Operation, tally: _OperationTally
    ) -> dict[str, Any]:
        room = api.coverage()
        assert room is not None
        documented = room.documented(edition)
        seen = {t: n for t, n in sorted(tally.variants.items()) if t in documented}
        per_variant = [
            {"variant": variant, **_counts(list(names), tally.variant_fields.get(variant, set()))}
            for variant, names in documented.items()
            if variant in seen
        ]
        return {
            "api": api.name,
            "edition": edition,
            "operation": operation.label,
            "label": room.label,
            "documented": list(documented),
            "seen": seen,
            "undocumented": {t: n for t, n in sorted(tally.variants.items()) if t not in seen},
            "percent": _percent(len(seen), len(documented)),
            "fields": per_variant,
        }


def _counts(documented: list[str], seen: set[str]) -> dict[str, Any]:
    hit = [name for name in documented if name in seen]
    return {
        "documented": len(documented),
        "seen": len(hit),
        "percent": _percent(len(hit), len(documented)),
        "missing": [name for name in documented if name not in seen],
    }


def _field_row(
    base: Mapping[str, Any], name: str, documented: list[str], seen: set[str]
) -> dict[str, Any]:
    return {**base, "schema": name, **_counts(documented, seen)}


# -- the whole run ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    source: str
    format: TrafficFormat
    findings: list[Finding]
    coverage: dict[str, list[dict[str, Any]]]
    # Rules and constraints exercised, per API and edition, and the errors as failures with their
    # page lines (`contracts.verify_report`, for --report).
    rules: RuleTally = field(default_factory=RuleTally)

    @property
    def violations(self) -> list[tuple[Finding, Violation]]:
        return [(f, v) for f in self.findings for v in f.violations]

    @property
    def errors(self) -> int:
        return sum(v.severity is Severity.ERROR for _, v in self.violations)

    @property
    def warnings(self) -> int:
        return sum(v.severity is Severity.WARNING for _, v in self.violations)

    def rule_counts(self) -> list[dict[str, Any]]:
        counts: Counter[tuple[str, str, str, str]] = Counter()
        for finding, violation in self.violations:
            assert finding.target is not None
            doc = str(violation.doc) if violation.doc else ""
            counts[(finding.target.api.name, violation.rule, str(violation.severity), doc)] += 1
        rows: dict[tuple[str, str, str], dict[str, Any]] = {}
        for (api, rule, severity, doc), count in counts.items():
            row = rows.setdefault(
                (api, rule, severity),
                {"api": api, "rule": rule, "severity": severity, "count": 0, "docs": []},
            )
            row["count"] += count
            if doc and doc not in row["docs"]:
                row["docs"].append(doc)
        order = {"error": 0, "warning": 1}
        return sorted(rows.values(), key=lambda r: (order[r["severity"]], r["api"], r["rule"]))

    def to_dict(self) -> dict[str, Any]:
        checked = [f for f in self.findings if f.target is not None]
        return {
            "source": self.source,
            "format": self.format,
            "summary": {
                "exchanges": len(self.findings),
                "checked": len(checked),
                "not_in_contract": len(self.findings) - len(checked),
                "errors": self.errors,
                "warnings": self.warnings,
            },
            "rules": self.rule_counts(),
            "exchanges": [f.to_dict() for f in checked],
            "not_in_contract": [f.to_dict() for f in self.findings if f.target is None],
            "coverage": self.coverage,
        }


def verify(
    exchanges: list[Exchange],
    source: str,
    traffic_format: TrafficFormat,
    api_names: Iterable[str] = (),
    edition: str | None = None,
    apis: list[Api] | None = None,
    progress: Callable[[int, int, int], None] | None = None,
) -> Report:
    """Check every exchange; `progress(done, total, errors)` is called after each. `apis`: check
    against these instead of the registered ones (a spec read as the whole contract)."""
    api_names = tuple(api_names)
    apis = selected_apis(api_names, edition) if apis is None else apis
    tally = CoverageTally(apis, edition, api_names)
    rules = RuleTally()
    findings = []
    errors = 0
    for index, exchange in enumerate(exchanges, start=1):
        target = match(exchange, apis, edition)
        finding = check_exchange(index, exchange, target)
        findings.append(finding)
        if target is not None:
            tally.add(exchange, target)
            rules.add(index, finding.url, exchange, target, list(finding.violations))
        errors += sum(v.severity is Severity.ERROR for v in finding.violations)
        if progress is not None:
            progress(index, len(exchanges), errors)
    return Report(source, traffic_format, findings, tally.report(), rules)


def verify_file(
    path: str,
    api_names: Iterable[str] = (),
    edition: str | None = None,
    apis: list[Api] | None = None,
    progress: Callable[[int, int, int], None] | None = None,
) -> Report:
    """Read a HAR file or journal export and check it (TrafficError when it cannot be read)."""
    traffic_format, exchanges = read_traffic(path)
    return verify(exchanges, path, traffic_format, api_names, edition, apis, progress)


# -- output -------------------------------------------------------------------------------------


def _ratio(part: int, whole: int) -> str:
    percent = _percent(part, whole)
    return f"{part}/{whole} ({percent:g}%)" if percent is not None else "0/0"


def _missing(names: list[str]) -> str:
    shown = ", ".join(names[:MISSING_LIST])
    return shown + (f", ... (+{len(names) - MISSING_LIST})" if len(names) > MISSING_LIST else "")


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def render_text(report: Report, out: Console) -> None:
    """The report for people: summary, per-rule counts, coverage, then every error in full."""
    data = report.to_dict()
    summary = data["summary"]
    verdict = "[red]errors[/]" if report.errors else "[green]no errors[/]"
    out.print(
        f"[bold]{escape(report.source)}[/] ({report.format}): {summary['exchanges']} exchanges,"
        f" {summary['checked']} against a contract, {summary['not_in_contract']} in none;"
        f" {verdict} ({report.errors} errors, {report.warnings} warnings)"
    )
    per_api = _table("Exchanges", "API", "edition", "exchanges", "errors", "warnings", "with notes")
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in report.findings:
        if finding.target is not None:
            key = (finding.target.api.name, finding.target.edition)
            groups.setdefault(key, []).append(finding)
    for (api, edition), found in sorted(groups.items()):
        errors = sum(v.severity is Severity.ERROR for f in found for v in f.violations)
        warnings = sum(v.severity is Severity.WARNING for f in found for v in f.violations)
        noted = sum(bool(f.notes) for f in found)
        per_api.add_row(api, edition, str(len(found)), str(errors), str(warnings), str(noted))
    if groups:
        out.print(per_api)
    if data["rules"]:
        rules = _table("Rules", "API", "rule", "severity", "count", "page line")
        for row in data["rules"]:
            style = "red" if row["severity"] == "error" else "yellow"
            rules.add_row(row["api"], escape(row["rule"]), f"[{style}]{row['severity']}[/]",
                          str(row["count"]), escape(", ".join(row["docs"])))  # fmt: skip
        out.print(rules)
    _render_coverage(data["coverage"], out)
    if data["not_in_contract"]:
        other = _table("Not in any contract", "method", "path", "exchanges", "statuses", "first #")
        grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for row in data["not_in_contract"]:
            grouped.setdefault((row["method"], urlsplit(row["url"]).path), []).append(row)
        for (method, path), rows in grouped.items():
            statuses = ", ".join(sorted({str(r["status"]) for r in rows}))
            other.add_row(method, escape(path), str(len(rows)), statuses, str(rows[0]["index"]))
        out.print(other)
    _render_warnings(report, out)
    notes: dict[str, list[int]] = {}
    for finding in report.findings:
        for note in finding.notes:
            notes.setdefault(note, []).append(finding.index)
    for note, indexes in notes.items():
        numbers = ", ".join(f"#{i}" for i in indexes[:MISSING_LIST])
        more = f", ... (+{len(indexes) - MISSING_LIST})" if len(indexes) > MISSING_LIST else ""
        out.print(f"note: {escape(note)} ({len(indexes)} exchanges: {numbers}{more})")
    if report.errors:
        out.print("[bold]Errors[/]")
    for finding, violation in report.violations:
        if violation.severity is Severity.ERROR:
            out.print(f"#{finding.index} {finding.method} {escape(finding.url)}"
                      f" -> {finding.status}: [red]error[/] {escape(str(violation))}")  # fmt: skip


def _example(violation: Violation) -> str:
    """A warning's message alone: its rule, field and page line have their own columns."""
    return (f"line {violation.line}: " if violation.line is not None else "") + violation.message


def _render_warnings(report: Report, out: Console) -> None:
    """Each distinct warning once (by API, rule and field), with how many exchanges and an
    example message: the list of undocumented extensions the traffic uses."""
    distinct: dict[tuple[str, str, str], list[tuple[Finding, Violation]]] = {}
    for finding, violation in report.violations:
        if violation.severity is Severity.WARNING and finding.target is not None:
            where = "".join(c for c in violation.field if not c.isdigit())
            key = (finding.target.api.name, violation.rule, where)
            distinct.setdefault(key, []).append((finding, violation))
    if not distinct:
        return
    table = _table("Warnings (distinct)", "API", "rule", "field", "count", "first #", "example")
    for (api, rule, where), found in distinct.items():
        first, violation = found[0]
        table.add_row(api, escape(rule), escape(where), str(len(found)), str(first.index),
                      escape(_example(violation)))  # fmt: skip
    out.print(table)


def _render_coverage(coverage: Mapping[str, list[dict[str, Any]]], out: Console) -> None:
    operations = _table("Coverage: operations", "API", "edition", "operations exercised",
                        "not exercised")  # fmt: skip
    statuses = _table("Coverage: statuses", "API", "operation", "exchanges", "statuses seen",
                      "documented statuses seen", "not seen")  # fmt: skip
    for api in coverage["operations"]:
        idle = [row["operation"] for row in api["operations"] if not row["exchanges"]]
        operations.add_row(api["api"], api["edition"], _ratio(api["exercised"], api["documented"]),
                           _missing(idle))  # fmt: skip
        for row in api["operations"]:
            found = row["statuses"]
            seen = ", ".join(f"{s} x{n}" for s, n in found["seen"].items()) or "-"
            missing = [s for s in found["documented"] if s not in found["covered"]]
            statuses.add_row(api["api"], row["operation"], str(row["exchanges"]), seen,
                             _ratio(len(found["covered"]), len(found["documented"])),
                             _missing(missing))  # fmt: skip
    out.print(operations)
    out.print(statuses)
    if coverage["fields"]:
        fields = _table("Coverage: fields", "API", "operation", "of", "fields seen", "not seen")
        for row in coverage["fields"]:
            fields.add_row(row["api"], row["operation"], escape(row["schema"]),
                           _ratio(row["seen"], row["documented"]),
                           escape(_missing(row["missing"])))  # fmt: skip
        out.print(fields)
    for row in coverage["variants"]:
        label = row["label"]
        title = f"Coverage: {label} of {row['api']} {row['operation']} ({row['edition']})"
        events = _table(title, label, "items", "fields seen", "not seen")
        for entry in row["fields"]:
            events.add_row(entry["variant"], str(row["seen"][entry["variant"]]),
                           _ratio(entry["seen"], entry["documented"]),
                           escape(_missing(entry["missing"])))  # fmt: skip
        for variant, count in row["undocumented"].items():
            events.add_row(f"{escape(variant)} (undocumented)", str(count), "", "")
        missing = [t for t in row["documented"] if t not in row["seen"]]
        events.add_row(f"[bold]{label}[/]", _ratio(len(row["seen"]), len(row["documented"])),
                       "", "not sent: " + _missing(missing) if missing else "")  # fmt: skip
        out.print(events)


def render_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, default=str)
