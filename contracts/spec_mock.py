"""The mock of a spec read as the whole contract (`contracts mock --spec FILE`), the way Prism
mocks one: each operation's route

1. refuses a request without the credentials the operation's security requires (401);
2. refuses a request that breaks the spec (a parameter, the body, its media type) with 400 and a
   body naming each field, rule and place in the spec (415 for an undocumented media type, where
   the spec documents 415; 422 where it documents 422 and not 400);
3. answers with the documented success status (the lowest 2xx) and the spec's example for it, or,
   with no example, a value made from the response schema (`contracts.spec_values`).

A `Prefer` request header chooses among what the spec documents: `code=404` a status,
`example=name` a named example, `dynamic=true` a response drawn by Hypothesis from the schema
(still valid). Unknown paths are 404 and unknown methods 405 (Starlette's own answers).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request

from .exchange import HttpRequest, parse_query
from .handlers import Answer, MockContext, MockRoute, read_body
from .rooms import MockRoom
from .schemas import schema_violations
from .security import satisfied
from .spec_api import SpecApi, schema_ref
from .spec_values import static_value
from .specs import Operation, Spec
from .violations import Violation, errors

MAX_BODY_BYTES = 10 * 1024 * 1024  # ours: the mock never holds an unbounded body
MESSAGE_FIELDS = ("message", "detail", "error", "title", "description", "msg")
DEFAULT_TOKEN = "contracts-check-token"  # what `contracts check` sends when given no token


def accepted_tokens(ctx: MockContext) -> list[str]:
    """The credentials the mock accepts: its `tokens` setting, else CONTRACTS_TOKEN, else the
    token `contracts check` sends by default; anything else is refused with 401, so that a check
    that sends wrong credentials (schemathesis' ignored_auth) finds them refused."""
    tokens = ctx.settings.get("tokens")
    if isinstance(tokens, list) and tokens:
        return [str(token) for token in tokens]
    return [os.environ.get("CONTRACTS_TOKEN") or DEFAULT_TOKEN]


def mock_room(api: SpecApi) -> MockRoom:
    def routes(ctx: MockContext) -> list[MockRoute]:
        spec = api.source
        tokens = accepted_tokens(ctx)
        # Literal paths before templated ones: `/pets/mine` before `/pets/{petId}`.
        ordered = sorted(spec.operations(), key=lambda op: (op.path.count("{"), op.path))
        return [
            MockRoute(op.method.upper(), _route_path(op.path), _handler(api, op, tokens))
            for op in ordered
        ]

    return MockRoom(routes=routes)


def _route_path(path: str) -> str:
    """The spec's path as a Starlette route: parameters renamed (a name may hold a `-`)."""
    names = iter(range(1000))
    return re.sub(r"\{[^}]+\}", lambda m: f"{{p{next(names)}}}", path)


def _handler(api: SpecApi, operation: Operation, tokens: list[str]) -> Any:
    spec = api.source
    rules = api.rules()

    async def handle(request: Request) -> Answer:
        body = await read_body(request, MAX_BODY_BYTES)
        if body is None:
            return _refusal(spec, operation, 413, "the body is larger than the mock reads", [])
        raw_path = request.scope.get("raw_path") or request.url.path.encode()
        sent = HttpRequest(
            request.method,
            raw_path.decode("latin-1").split("?")[0],
            parse_query(request.url.query),
            {k.lower(): v for k, v in request.headers.items()},
            body,
        )
        if not satisfied(spec, operation.definition, sent, tokens):
            answer = _refusal(spec, operation, 401, "credentials missing or not accepted", [])
            answer.request_body = body
            return answer
        found = errors(rules.check_request(sent, None))
        if found:
            status = 400
            if all(v.rule == "content_type" for v in found) and "415" in _responses(operation):
                status = 415
            elif "400" not in _responses(operation) and "422" in _responses(operation):
                status = 422
            answer = _refusal(spec, operation, status, "the request breaks the spec", found)
            answer.request_body = body
            return answer
        answer = success(spec, operation, _prefer(request.headers.get("prefer", "")))
        answer.request_body = body
        return answer

    return handle


def _responses(operation: Operation) -> Mapping[str, Any]:
    return operation.definition.get("responses") or {}


def _prefer(header: str) -> dict[str, str]:
    found = {}
    for part in re.split(r"[,;]", header):
        name, sep, value = part.strip().partition("=")
        if sep:
            found[name.strip().lower()] = value.strip().strip('"')
    return found


def _response_for(operation: Operation, status: int) -> tuple[str, Any] | None:
    responses = _responses(operation)
    text = str(status)
    for key in (text, f"{text[0]}XX", "default"):
        if key in responses:
            return key, responses[key]
    return None


def _pick_media(content: Mapping[str, Any]) -> str | None:
    for media in content:
        if media.split(";")[0].strip().lower() == "application/json":
            return media
    for media in content:
        if "json" in media.lower():
            return media
    return next(iter(content), None)


def _example(spec: Spec, content: Mapping[str, Any], name: str | None) -> tuple[bool, Any]:
    examples = {
        key: spec.resolve(example)
        for key, example in (content.get("examples") or {}).items()
        if isinstance(example, Mapping)
    }
    if name and "value" in examples.get(name, {}):
        return True, examples[name]["value"]
    if "example" in content:
        return True, content["example"]
    for example in examples.values():
        if "value" in example:
            return True, example["value"]
    return False, None


_drawers: dict[int, tuple[Any, Any]] = {}  # id(schema) -> (schema, its strategy)


def _dynamic(spec: Spec, schema: Any) -> tuple[bool, Any]:
    """A value drawn from the schema by schemathesis' generation (a one-operation document whose
    request body is the schema), or (False, None) when it cannot draw one."""
    import random

    from hypothesis import HealthCheck, Phase, find, settings
    from schemathesis import GenerationMode

    from .runner import independent_draws

    try:
        known = _drawers.get(id(schema))
        if known is None or known[0] is not schema:
            known = (schema, _body_strategy(spec, schema, GenerationMode.POSITIVE))
            _drawers[id(schema)] = known
        # The first example Hypothesis generates is the simplest one; skipping a few at random
        # gives an answer that varies from request to request, without shrinking it back.
        wanted = random.randint(2, 10)  # variety, not secrecy
        calls = [0]

        def nth(case: Any) -> bool:
            calls[0] += 1
            return calls[0] >= wanted

        quick = settings(database=None, max_examples=50, phases=[Phase.generate],
                         suppress_health_check=list(HealthCheck), derandomize=False)  # fmt: skip
        with independent_draws():  # not a scan of every loaded module's constants first
            return True, find(known[1], nth, settings=quick).body
    except Exception:  # a schema it cannot draw from: the static value then
        return False, None


def _body_strategy(spec: Spec, schema: Any, mode: Any) -> Any:
    import schemathesis

    body = {"required": True, "content": {"application/json": {"schema": schema}}}
    document = {
        "openapi": spec.document.get("openapi", "3.0.3"),
        "info": {"title": "response", "version": "1"},
        "paths": {"/r": {"post": {"requestBody": body, "responses": {"200": {"description": ""}}}}},
        "components": spec.document.get("components", {}),
    }
    results = schemathesis.openapi.from_dict(document).get_all_operations()
    operation = next(iter(results)).ok()  # type: ignore[union-attr]
    return operation.as_strategy(generation_mode=mode)


def _body(
    spec: Spec, content: Mapping[str, Any], prefer: Mapping[str, str]
) -> tuple[str | None, Any]:
    media = _pick_media(content)
    if media is None:
        return None, None
    media_content = content[media] or {}
    schema = media_content.get("schema")
    candidates: list[Any] = []
    if prefer.get("dynamic") == "true" and isinstance(schema, Mapping):
        drawn, value = _dynamic(spec, schema)
        if drawn:
            candidates.append(value)
    has_example, example = _example(spec, media_content, prefer.get("example"))
    if has_example:
        candidates.append(example)
    candidates.append(static_value(spec, schema, "response"))
    if not isinstance(schema, Mapping) or "json" not in media.lower():
        return media, candidates[0]
    for value in candidates:  # the first that fits: a spec's example may not
        if not schema_violations(spec, schema_ref(spec, schema), value, "response"):
            return media, value
    return media, candidates[-1]


def _headers(spec: Spec, definition: Mapping[str, Any]) -> dict[str, str]:
    found = {}
    for name, header in (definition.get("headers") or {}).items():
        header = spec.resolve(header)
        if name.lower() == "content-type":
            continue
        value = header.get("example", static_value(spec, header.get("schema"), "response"))
        found[name] = json.dumps(value) if isinstance(value, (dict, list)) else str(value)
    return found


def _answer(status: int, media: str | None, body: Any, headers: dict[str, str]) -> Answer:
    if media is None:
        return Answer(status, None, headers)
    if "json" in media.lower():
        return Answer(status, body, headers, media_type=media)
    text = body if isinstance(body, (str, bytes)) else json.dumps(body)
    raw = text.encode() if isinstance(text, str) else text
    return Answer(status, raw, headers, media_type=media)


def success(spec: Spec, operation: Operation, prefer: Mapping[str, str]) -> Answer:
    """The documented answer the request asks for (`Prefer: code=...`), else the lowest 2xx."""
    responses = _responses(operation)
    key = None
    wanted = prefer.get("code", "")
    if wanted.isdigit() and _response_for(operation, int(wanted)):
        key = wanted
    if key is None:
        ok = sorted(k for k in responses if k.isdigit() and k.startswith("2"))
        key = ok[0] if ok else ("2XX" if "2XX" in responses else "200")
    found = _response_for(operation, int(key.replace("XX", "00")))
    definition = spec.resolve(found[1]) if found else {}
    status = int(key.replace("XX", "00"))
    media, body = _body(spec, definition.get("content") or {}, prefer)
    return _answer(status, media, body, _headers(spec, definition))


def _violations(spec: Spec, schema: Mapping[str, Any], value: Any) -> list[Violation]:
    return schema_violations(spec, schema_ref(spec, schema), value, "response")


def _refusal(
    spec: Spec, operation: Operation, status: int, summary: str, violations: list[Violation]
) -> Answer:
    """A refusal whose body fits what the spec documents for the status, saying what is wrong
    where the schema has room for it (a `message` string, and `violations` unless the schema is
    closed); undocumented, a plain JSON body of both."""
    text = summary if not violations else "; ".join(str(v) for v in violations[:10])
    listed = [v.to_dict() for v in violations]
    plain = {"message": text, "violations": listed}
    found = _response_for(operation, status)
    if found is None:
        return Answer(status, plain, violations=violations)
    definition = spec.resolve(found[1])
    content = definition.get("content") or {}
    media = _pick_media(content)
    headers = _headers(spec, definition)
    if media is None:
        return Answer(status, None, headers, violations=violations)
    schema = (content[media] or {}).get("schema")
    _, base = _body(spec, content, {})
    candidates = [base]
    if isinstance(base, dict):
        said = {**base, **{k: text for k in MESSAGE_FIELDS if isinstance(base.get(k), str)}}
        candidates = [{**said, "violations": listed}, said, base]
    if isinstance(base, str):
        candidates = [text, base]
    for body in candidates:
        if not isinstance(schema, Mapping) or not _violations(spec, schema, body):
            answer = _answer(status, media, body, headers)
            answer.violations = violations
            return answer
    answer = _answer(status, media, base, headers)
    answer.violations = violations
    return answer
