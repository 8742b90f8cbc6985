"""Any OpenAPI spec as the whole contract (`contracts check|fuzz|mock|validate|verify --spec FILE`).

`load_spec_api(path)` reads the spec (`contracts.spec_loading`: YAML or JSON, 3.0 or 3.1, other
files' `$ref`s bundled) and gives a `SpecApi`: an `Api` with no vendor folder, whose rooms are made
from the spec alone:

    rules       the spec's JSON Schema checks of a request (operation, parameters, body), each
                violation naming the field, the keyword and the place in the spec that states it
                (`pets.yaml#/components/schemas/Pet/properties/name/maxLength`)
    strategies  per operation: schemathesis' own valid requests; each body keyword of the spec
                (maxLength, enum, required, type, ...) broken alone; values at each limit
    checks      credentials from the spec's security schemes; path parameters from the schemas
    mock        `contracts.spec_mock`: validates requests, answers with the spec's examples

Every finding rests on the spec itself, so every rule is an ERROR: the spec is the page.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from hypothesis import strategies as st

from .api import Api
from .errors import SpecError
from .exchange import HttpRequest
from .rooms import ChecksRoom, CoverageRoom, MockRoom, RulesRoom, StrategiesRoom
from .rules import Rule, RuleBook
from .samples import Sample
from .schemas import schema_violations
from .secrecy import register_security_schemes
from .security import credentials_for
from .spec_loading import load_openapi
from .spec_values import static_value, types_of
from .specs import DocRef, Operation, Spec, document_pointer
from .validation import find_operation, json_body
from .violations import Violation

EDITION = "spec"  # the one edition of a spec-only API


def load_spec(path: str | Path) -> Spec:
    """The spec at `path`, bundled, citing itself by file and JSON pointer."""
    path = Path(path)
    document = load_openapi(path)
    info = document.setdefault("info", {})
    if not isinstance(info, dict):
        raise SpecError(f"{path}: `info` is not an object")
    info.setdefault("title", path.stem)
    info["x-doc-page"] = path.name  # what every citation names (`pets.yaml#/...`)
    register_security_schemes(document)
    return Spec(path.stem, path.resolve(), document, cites_pointers=True)


def load_spec_api(path: str | Path) -> SpecApi:
    spec = load_spec(path)
    name = re.sub(r"[^a-z0-9-]+", "-", spec.name.lower()).strip("-") or "spec"
    return SpecApi(name, spec.title, "", {EDITION: spec.path.name}, source=spec)


@dataclass(frozen=True)
class SpecApi(Api):
    """An API that is one spec file and nothing else (no vendor folder, no pages)."""

    source: Spec = field(repr=False, compare=False)

    @property
    def folder(self) -> Path:
        return self.source.path.parent

    def spec_path(self, edition: str | None = None) -> Path:
        return self.source.path

    def spec(self, edition: str | None = None) -> Spec:
        return self.source

    def specs(self) -> list[Spec]:
        return [self.source]

    def rules(self) -> RulesRoom:
        return self._rules

    def strategies(self) -> StrategiesRoom | None:
        return self._strategies

    def mock(self) -> MockRoom | None:
        from .spec_mock import mock_room

        return mock_room(self)

    def checks(self) -> ChecksRoom | None:
        return self._checks

    def coverage(self) -> CoverageRoom | None:
        return None

    @functools.cached_property
    def _rules(self) -> RulesRoom:
        return rules_room(self.source)

    @functools.cached_property
    def _checks(self) -> ChecksRoom:
        return checks_room(self.source)

    @functools.cached_property
    def _strategies(self) -> StrategiesRoom:
        return strategies_room(self)

    @functools.cached_property
    def schema(self) -> Any:
        """The schemathesis schema of the bundled spec."""
        import schemathesis

        return schemathesis.openapi.from_dict(dict(self.source.document))

    def schemathesis_operation(self, operation: Operation) -> Any:
        for result in self.schema.get_all_operations():
            found = result.ok()
            if found.method.lower() == operation.method and found.path == operation.path:
                return found
        raise SpecError(f"schemathesis cannot read {operation.label} of {self.source.path}")


# -- rules --------------------------------------------------------------------------------------


def _cite(spec: Spec, node: Mapping[str, Any] | None, keyword: str = "") -> DocRef:
    return spec.doc(node, keyword) if node is not None else DocRef(spec.page, None, "")


def _book(spec: Spec) -> RuleBook:
    paths = spec.document.get("paths", {})
    return RuleBook(
        [
            Rule("operation", _cite(spec, paths), "The request is one of the spec's operations."),
            Rule("json", _cite(spec, paths), "A JSON request body is valid JSON."),
            Rule("content_type", _cite(spec, paths),
                 "The body is sent as one of the media types the operation documents."),
            Rule("body_required", _cite(spec, paths),
                 "An operation whose requestBody is required gets a body."),
        ]
    )  # fmt: skip


def rules_room(spec: Spec) -> RulesRoom:
    book = _book(spec)

    def check_request(request: HttpRequest, edition: str | None) -> list[Violation]:
        matched = find_operation(spec, request.method, request.path)
        if matched is None:
            rule = book["operation"]
            message = f"{request.method} {request.path} is not an operation of the spec"
            return [rule.violation("request", message)]
        operation, path_values = matched
        return [
            *parameter_violations(spec, operation, request, path_values),
            *body_violations(spec, operation, request, book),
        ]

    return RulesRoom(book=book, check_request=check_request)


def parameters(spec: Spec, operation: Operation) -> list[Mapping[str, Any]]:
    """The operation's parameters, path-level ones included (the operation's win), resolved."""
    item = spec.document.get("paths", {}).get(operation.path, {})
    found: dict[tuple[str, str], Mapping[str, Any]] = {}
    for param in [*item.get("parameters", []), *operation.definition.get("parameters", [])]:
        param = spec.resolve(param)
        found[(str(param.get("in")), str(param.get("name")))] = param
    return list(found.values())


NUMBER = re.compile(r"[+-]?\d+(\.\d*)?([eE][+-]?\d+)?")


def _coerce(spec: Spec, schema: Any, text: str) -> Any:
    """A parameter's text as the value its schema types (`5` -> 5 for an integer)."""
    schema = spec.resolve(schema) if isinstance(schema, Mapping) else {}
    kinds = types_of(schema)
    if "integer" in kinds and re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if ("number" in kinds or "integer" in kinds) and NUMBER.fullmatch(text):
        number = float(text)
        return int(number) if number.is_integer() and "integer" in kinds else number
    if "boolean" in kinds and text in ("true", "false"):
        return text == "true"
    if "null" in kinds and text in ("", "null"):
        return None
    return text


def _values(
    param: Mapping[str, Any], request: HttpRequest, path_values: Mapping[str, str]
) -> list[str] | None:
    name, where = str(param.get("name")), param.get("in")
    if where == "path":
        return [unquote(path_values[name])] if name in path_values else None
    if where == "query":
        return request.query.get(name)
    if where == "header":
        value = request.header(name)
        return None if value is None else [value]
    return []  # cookies are not checked


def parameter_violations(
    spec: Spec, operation: Operation, request: HttpRequest, path_values: Mapping[str, str]
) -> list[Violation]:
    found: list[Violation] = []
    for param in parameters(spec, operation):
        where = str(param.get("in"))
        if where == "cookie":
            continue
        field_name = f"{'headers' if where == 'header' else where}.{param.get('name')}"
        values = _values(param, request, path_values)
        if values is None:
            if param.get("required") or where == "path":
                found.append(Violation("required", field_name, "is required but missing",
                                       _cite(spec, param, "required")))  # fmt: skip
            continue
        schema = param.get("schema")
        if not isinstance(schema, Mapping):
            continue  # `content` parameters: not checked
        resolved = spec.resolve(schema)
        kinds = types_of(resolved)
        if "object" in kinds:
            continue  # deepObject and friends: not checked
        if "array" in kinds:
            items = resolved.get("items", {})
            texts = values if param.get("explode", where == "query") else values[0].split(",")
            value: Any = [_coerce(spec, items, text) for text in texts]
        else:
            value = _coerce(spec, schema, values[0])
        found += schema_violations(spec, schema_ref(spec, schema), value, prefix=field_name)
    return found


def schema_ref(spec: Spec, schema: Mapping[str, Any]) -> Mapping[str, Any]:
    """A schema of the document as a `$ref` to its place, so its validator is built once."""
    pointer = document_pointer(spec.document, schema)
    return {"$ref": f"#{pointer}"} if pointer is not None else schema


def request_body(spec: Spec, operation: Operation) -> Mapping[str, Any] | None:
    body = operation.definition.get("requestBody")
    return spec.resolve(body) if isinstance(body, Mapping) else None


def media_match(media_type: str, documented: Mapping[str, Any]) -> str | None:
    """The documented media type (`application/json`, `application/*`, `*/*`) a sent one falls
    under, or None."""
    media_type = media_type.lower()
    for candidate in documented:
        low = candidate.lower().split(";")[0].strip()
        if low == media_type:
            return candidate
    for candidate in documented:
        low = candidate.lower().split(";")[0].strip()
        if low == "*/*" or (low.endswith("/*") and media_type.startswith(low[:-1])):
            return candidate
    return None


def is_json(media_type: str) -> bool:
    low = media_type.lower().split(";")[0].strip()
    return low == "application/json" or low.endswith("+json") or low == "*/*"


def body_violations(
    spec: Spec, operation: Operation, request: HttpRequest, book: RuleBook
) -> list[Violation]:
    body = request_body(spec, operation)
    if body is None:
        return []
    sent = (request.header("content-type") or "").split(";")[0].strip()
    # No body: nothing sent, or an empty JSON body (an empty text body is a body, the empty text)
    if not request.body and (not sent or is_json(sent)):
        if body.get("required"):
            return [Violation("body_required", "body", "is required but missing",
                              _cite(spec, body, "required"))]  # fmt: skip
        return []
    content = body.get("content") or {}
    matched = media_match(sent, content)
    if matched is None:
        documented = ", ".join(content)
        message = f"{sent or 'no content type'} is not documented (documented: {documented})"
        return [Violation("content_type", "headers.content-type", message, _cite(spec, content))]
    schema = (content[matched] or {}).get("schema")
    if not isinstance(schema, Mapping):
        return []
    if sent.startswith("text/") and "string" in types_of(spec.resolve(schema)):
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError:
            return [Violation("encoding", "body", "is not UTF-8 text", _cite(spec, content))]
        return _named(schema_violations(spec, schema_ref(spec, schema), text))
    if not is_json(sent or matched):
        return []  # other media types: not checked beyond their type
    value, problems = json_body(spec, request.body, "body", _cite(spec, content[matched]))
    if problems:
        return problems
    return _named(schema_violations(spec, schema_ref(spec, schema), value))


def _named(found: list[Violation]) -> list[Violation]:
    """A violation of the body as a whole names `body` (its fields name themselves)."""
    return [dataclasses.replace(v, field=v.field or "body") for v in found]


# -- checks -------------------------------------------------------------------------------------


def checks_room(spec: Spec) -> ChecksRoom:
    definitions = [op.definition for op in spec.operations()]

    def credentials(token: str) -> dict[str, str]:
        return credentials_for(spec, token, definitions)[0]

    def query_credentials(token: str) -> dict[str, str]:
        return credentials_for(spec, token, definitions)[1]

    def example_query(media_type: str) -> dict[str, str]:
        return required_query(spec)

    def media_type(sample: Sample) -> str:
        return sample.headers.get("Content-Type", "application/json")

    def mock_settings(token: str) -> dict[str, Any]:
        return {"tokens": [token]}  # the embedded mock accepts exactly the run's credentials

    return ChecksRoom(
        credentials=credentials,
        query_credentials=query_credentials,
        path_parameters=path_parameters(spec),
        media_type=media_type,
        example_query=example_query,
        mock_settings=mock_settings,
    )


def required_query(spec: Spec) -> dict[str, str]:
    """A value for each required query parameter of the spec (sent with the spec's request
    examples, which carry a body only)."""
    found: dict[str, str] = {}
    for operation in spec.operations():
        for param in parameters(spec, operation):
            name = str(param.get("name"))
            if param.get("in") == "query" and param.get("required") and name not in found:
                found[name] = _text(
                    param.get("example", static_value(spec, param.get("schema"), "request"))
                )
    return found


def _text(value: Any) -> str:
    return str(value).lower() if isinstance(value, bool) else str(value)


def path_parameters(spec: Spec) -> dict[str, str]:
    """A value for each path parameter of the spec, from its schema (the first operation that
    names a parameter gives its value)."""
    found: dict[str, str] = {}
    for operation in spec.operations():
        for param in parameters(spec, operation):
            name = str(param.get("name"))
            if param.get("in") == "path" and name not in found:
                value = param.get("example", static_value(spec, param.get("schema"), "request"))
                found[name] = str(value).lower() if isinstance(value, bool) else str(value)
    return found


# -- strategies ---------------------------------------------------------------------------------

# The keywords a body sample breaks, one at a time, on a top-level property of the body.
BROKEN_KEYWORDS = (
    "additionalProperties", "enum", "format", "maxItems", "maxLength", "maximum", "minItems",
    "minLength", "minimum", "required", "type",
)  # fmt: skip
_BAD_FORMATS = {"date": "2024-13-45", "date-time": "yesterday", "email": "no-at-sign",
                "uuid": "not-a-uuid", "ipv4": "999.1.1.1"}  # fmt: skip


def strategies_room(api: SpecApi) -> StrategiesRoom:
    spec = api.source

    def for_operation(operation_id: str) -> StrategiesRoom | None:
        return operation_strategies(api, spec.operation(operation_id))

    def nothing() -> st.SearchStrategy[Sample]:
        return st.nothing()

    return StrategiesRoom(nothing, nothing, nothing, for_operation=for_operation)


def _json_body_schema(spec: Spec, operation: Operation) -> tuple[str, Mapping[str, Any]] | None:
    body = request_body(spec, operation)
    for media, content in ((body or {}).get("content") or {}).items():
        if is_json(media) and media != "*/*" and isinstance((content or {}).get("schema"), Mapping):
            return media, content["schema"]
    return None


def _properties(spec: Spec, schema: Mapping[str, Any]) -> tuple[dict[str, Any], set[str], bool]:
    """(properties, required, closed) of an object schema, allOf parts merged."""
    schema = spec.resolve(schema)
    properties = dict(schema.get("properties") or {})
    required = set(schema.get("required") or [])
    closed = schema.get("additionalProperties") is False
    for part in schema.get("allOf") or []:
        more, needed, _ = _properties(spec, part)
        properties.update(more)
        required |= needed
    return properties, required, closed


def _wrong_type(kinds: list[str]) -> Any:
    for candidate in ("not-a-number", 12345, ["x"], {"x": 1}, True):
        kind = {str: "string", int: "integer", list: "array", dict: "object", bool: "boolean"}
        name = kind[type(candidate)]
        if name not in kinds and not (name == "integer" and "number" in kinds):
            return candidate
    return None


def _mutations(
    spec: Spec, schema: Mapping[str, Any], body: Any, keyword: str
) -> list[tuple[Any, str, str]]:
    """(body, field, note) for each way of breaking `keyword` alone on a top-level property of
    `body`; a limit's `at` counterpart is made by `_at_limits`."""
    if not isinstance(body, dict):
        return []
    properties, required, closed = _properties(spec, schema)
    found: list[tuple[Any, str, str]] = []
    if keyword == "required":
        for name in sorted(required):
            if name in body:
                left = {k: v for k, v in body.items() if k != name}
                found.append((left, name, f"{name} left out"))
    if keyword == "additionalProperties" and closed:
        unknown = "x-contracts-unknown"
        found.append(({**body, unknown: 1}, unknown, "an unknown field"))
    for name, sub in properties.items():
        sub = spec.resolve(sub) if isinstance(sub, Mapping) else {}
        value = _breaking(sub, keyword)
        if value is not _NONE:
            found.append(({**body, name: value}, name, f"{name} breaks {keyword}"))
    return found


_NONE = object()


def _breaking(schema: Mapping[str, Any], keyword: str) -> Any:
    limit = schema.get(keyword)
    if keyword == "maxLength" and isinstance(limit, int):
        return "x" * (limit + 1)
    if keyword == "minLength" and isinstance(limit, int) and limit > 0:
        return "x" * (limit - 1)
    if keyword == "maximum" and isinstance(limit, (int, float)):
        return limit + 1
    if keyword == "minimum" and isinstance(limit, (int, float)):
        return limit - 1
    if keyword == "maxItems" and isinstance(limit, int):
        return [None] * (limit + 1) if not schema.get("items") else _NONE
    if keyword == "minItems" and isinstance(limit, int) and limit > 0:
        return []
    if keyword == "enum" and isinstance(limit, list) and limit:
        strings = [v for v in limit if isinstance(v, str)]
        if strings:
            return "not-" + "-".join(strings)[:40]
        numbers = [v for v in limit if isinstance(v, (int, float)) and not isinstance(v, bool)]
        return max(numbers) + 1 if numbers else _NONE
    if keyword == "type" and types_of(schema):
        wrong = _wrong_type(types_of(schema))
        return wrong if wrong is not None else _NONE
    if keyword == "format" and schema.get("format") in _BAD_FORMATS:
        return _BAD_FORMATS[str(schema["format"])]
    return _NONE


def _at_limits(spec: Spec, schema: Mapping[str, Any], body: Any) -> list[tuple[Any, str, str]]:
    if not isinstance(body, dict):
        return []
    properties, _, _ = _properties(spec, schema)
    found: list[tuple[Any, str, str]] = []
    for name, sub in properties.items():
        sub = spec.resolve(sub) if isinstance(sub, Mapping) else {}
        for keyword in ("maxLength", "minLength", "maximum", "minimum"):
            limit = sub.get(keyword)
            if not isinstance(limit, (int, float)) or isinstance(limit, bool):
                continue
            value = "x" * int(limit) if keyword.endswith("Length") else limit
            found.append(({**body, name: value}, name, f"{name} at its {keyword} {limit}"))
    return found


def operation_strategies(api: SpecApi, operation: Operation) -> StrategiesRoom | None:
    """Samples for one operation with a JSON body: None for the others (schemathesis' positive
    and negative phases still cover them)."""
    spec = api.source
    found = _json_body_schema(spec, operation)
    if found is None:
        return None
    media, schema = found
    ref = schema_ref(spec, schema)
    from schemathesis import GenerationMode

    schemathesis_operation = api.schemathesis_operation(operation)
    fallback = static_value(spec, schema, "request")

    def breaks_only(body: Any, keyword: str) -> bool:
        rules = {v.rule for v in schema_violations(spec, ref, body)}
        return rules == {keyword}

    def is_valid(body: Any) -> bool:
        return not schema_violations(spec, ref, body)

    def sample(case: Any, body: Any, breaks: str | None, field: str | None, note: str) -> Sample:
        headers = {str(k): str(v) for k, v in (case.headers or {}).items()}
        headers["Content-Type"] = media
        return Sample(body, breaks, field, note, dict(case.query or {}), headers)

    @functools.cache
    def positive() -> st.SearchStrategy[Any]:
        cases = schemathesis_operation.as_strategy(generation_mode=GenerationMode.POSITIVE)
        # An operation with several media types: ours are the JSON ones (as_strategy's own
        # media_type does not choose among them).
        return cases.filter(lambda case: case.media_type == media)  # type: ignore[no-any-return]

    def valid_samples() -> st.SearchStrategy[Sample]:
        return positive().map(lambda case: sample(case, case.body, None, None, "valid payload"))

    def breakings(body: Any, keyword: str) -> list[tuple[Any, str, str]]:
        found = _mutations(spec, schema, body, keyword)
        return [m for m in found if breaks_only(m[0], keyword)]

    def broken(keyword: str) -> st.SearchStrategy[Sample]:
        def pick(case: Any) -> st.SearchStrategy[Sample]:
            options = breakings(case.body, keyword) or breakings(fallback, keyword)
            return st.sampled_from(options).map(lambda m: sample(case, m[0], keyword, m[1], m[2]))

        return positive().flatmap(pick)

    @functools.cache
    def kinds() -> dict[str, st.SearchStrategy[Sample]]:
        usable = [keyword for keyword in BROKEN_KEYWORDS if breakings(fallback, keyword)]
        return {keyword: broken(keyword) for keyword in usable}

    def invalid_samples() -> st.SearchStrategy[Sample]:
        strategies = list(kinds().values())
        return st.one_of(strategies) if strategies else st.nothing()

    def boundary_samples() -> st.SearchStrategy[Sample]:
        def pick(case: Any) -> st.SearchStrategy[Sample]:
            options = [m for m in _at_limits(spec, schema, case.body) if is_valid(m[0])]
            if not options:
                return st.just(sample(case, case.body, None, None, "valid payload"))
            return st.sampled_from(options).map(lambda m: sample(case, m[0], None, m[1], m[2]))

        at = positive().flatmap(pick)
        limits = ("maxLength", "minLength", "maximum", "minimum")
        past = [kinds()[k] for k in limits if k in kinds()]
        return st.one_of(at, *past)

    return StrategiesRoom(
        valid_samples=valid_samples,
        boundary_samples=boundary_samples,
        invalid_samples=invalid_samples,
        invalid_sample_kinds=kinds,
    )
