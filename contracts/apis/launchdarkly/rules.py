"""What LaunchDarkly's create-segment contract says beyond the JSON Schema of `SegmentBody`.

The page (specs/pages/launchdarkly-create-segment.txt) states the API key in the Authorization
header (lines 7-8, refused with 401, line 96), that the body is an object (line 19) and the fields
with their types; those are ERRORs. The formats below come from LaunchDarkly's own tooling (its
Terraform provider validates keys and tags client-side, its SDKs validate context kinds) or from our
reading, so by the house rule (an ERROR, and a refusal by the faithful mock, needs a page line) they
are WARNINGs the faithful mock accepts (a strict mock refuses them), with the choice beside them.
Whether the service refuses a breach is each rule's flag (`Rule.service_refuses`, read through
`RULES.refuses`/`RULES.refused` by the mock and `contracts check`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...vendor import (
    DocRef,
    HttpRequest,
    Rule,
    RuleBook,
    RulesRoom,
    Severity,
    Spec,
    Violation,
    find_operation,
    json_body,
    schema_violations,
    short,
)
from . import API

PAGE = "launchdarkly-create-segment.txt"
OPERATION_ID = "create_segment"
BODY_SCHEMA = {"$ref": "#/components/schemas/SegmentBody"}

# The fields the page lists for the request body (lines 20-35), in page order.
BODY_FIELDS = ("name", "key", "description", "tags", "unbounded", "unboundedContextKind")
MAX_BODY_BYTES = 1024 * 1024
MAX_TAG_LENGTH = 64
# LaunchDarkly's Terraform provider (validation_helper.go, validateKey) checks resource keys so.
KEY_PATTERN = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_.-]*")
# The same provider's tag check (validateTags): 1 to 64 of these characters.
TAG_PATTERN = re.compile(r"[a-zA-Z0-9_.-]*")
# What LaunchDarkly's SDKs accept as a context kind; "kind" and "multi" are reserved there.
CONTEXT_KIND_PATTERN = re.compile(r"[a-zA-Z0-9_.-]+")
RESERVED_CONTEXT_KINDS = ("kind", "multi")

_KEY_CHOICE = (
    "The page states no key format. LaunchDarkly's Terraform provider refuses keys outside "
    "^[a-zA-Z0-9][a-zA-Z0-9_.-]*$ (letters, digits, '.', '_', '-', starting with a letter or "
    "digit) before calling the API; that the service refuses them too is our reading of another "
    "source, so this is a warning: the faithful mock accepts them (400 only in strict mode)."
)

RULES = RuleBook(
    [
        Rule(
            "operation",
            DocRef(PAGE, 1),
            "The request is POST /api/v2/segments/{projectKey}/{environmentKey}.",
        ),
        Rule(
            "api_key_required",
            DocRef(PAGE, 7),
            "The request carries the API key in the Authorization header (page lines 7-8: "
            "'Authorization string, API Key authentication via header'); without it the service "
            "answers 401 Unauthorized (line 96).",
            choice="A missing header, or one whose value is empty or only white space, carries no "
            "key. The page does not describe the key's shape, so any other value is taken for a "
            "key: whether it is a valid one is the account's business (401 from the mock only "
            "when its `tokens` setting lists the keys it accepts). The value is never quoted.",
        ),
        Rule(
            "body_json",
            DocRef(PAGE, 19),
            "The body is a JSON document (the endpoint expects an object).",
        ),
        Rule(
            "body_too_large",
            DocRef(PAGE, 19),
            f"The body is at most {MAX_BODY_BYTES} bytes.",
            Severity.WARNING,
            "The page states no size limit, so this is a warning. 1 MiB is ours, far above any "
            "segment body (six short fields); the mock refuses larger bodies (400, even when not "
            "strict) so it never holds an unbounded body in memory: the one refusal without a page "
            "line, a bound of the mock's own resources.",
            refused_by_service=True,
        ),
        Rule(
            "content_type_json",
            DocRef(PAGE, 19),
            "The body is sent with Content-Type: application/json.",
            Severity.WARNING,
            "The page does not say; LaunchDarkly's API overview (bundled in launchdarkly-api "
            "25.0.1) says POST bodies must be JSON with Content-Type application/json. We guess "
            "the service parses the body anyway, so the mock accepts it (400 only in strict mode).",
        ),
        Rule(
            "unknown_field_ignored",
            DocRef(PAGE, 19),
            "The body holds only the fields the page lists (name, key, description, tags, "
            "unbounded, unboundedContextKind); any other field is ignored by the service.",
            Severity.WARNING,
            "LaunchDarkly's API overview says unknown request fields are ignored without an "
            "error; a client sending included, excluded or rules on create loses them silently, "
            "so we warn. The mock accepts and drops them (400 only in strict mode).",
        ),
        Rule(
            "name_not_empty",
            DocRef(PAGE, 20),
            "name is not empty or blank.",
            Severity.WARNING,
            "The page marks name Required (line 20) and calls it human-friendly (line 22); we "
            "read an empty or whitespace-only name as missing, but the page does not say the "
            "service refuses it, so the faithful mock accepts it (400 only in strict mode).",
        ),
        Rule(
            "key_not_empty",
            DocRef(PAGE, 25),
            "key is not empty: it is the key used to reference the segment.",
            Severity.WARNING,
            "An empty key cannot reference a segment in a URL path "
            "(/api/v2/segments/{projectKey}/{environmentKey}/{key}); that the service refuses it "
            "is an extrapolation the page (line 24 marks key Required, which '' is) does not "
            "state, so the faithful mock accepts it (400 only in strict mode).",
        ),
        Rule(
            "key_format",
            DocRef(PAGE, 24),
            "key holds only letters, digits, '.', '_' and '-', and starts with a letter or digit.",
            Severity.WARNING,
            _KEY_CHOICE,
        ),
        Rule(
            "tag_length",
            DocRef(PAGE, 28),
            f"Each tag is 1 to {MAX_TAG_LENGTH} characters long.",
            Severity.WARNING,
            "The page says only 'list of strings'; LaunchDarkly's Terraform provider "
            "(validateTags) refuses tags outside 1 to 64 characters before calling the API; that "
            "the service does too is our reading, so the faithful mock accepts them (400 only in "
            "strict mode).",
        ),
        Rule(
            "tag_format",
            DocRef(PAGE, 28),
            "Each tag holds only letters, digits, '.', '_' and '-'.",
            Severity.WARNING,
            "The page says only 'list of strings'; LaunchDarkly's Terraform provider "
            "(validateTags) refuses other characters before calling the API; that the service "
            "does too is our reading, so the faithful mock accepts them (400 only in strict "
            "mode).",
        ),
        Rule(
            "unbounded_context_kind_requires_unbounded",
            DocRef(PAGE, 35),
            "unboundedContextKind is only meaningful for a big segment (unbounded: true).",
            Severity.WARNING,
            "The page says 'For big segments, the targeted context kind' (lines 34-35) without "
            "saying what happens otherwise. LaunchDarkly ignores request fields that do not apply "
            "(API overview) and its SDKs read unboundedContextKind only when unbounded is true, so "
            "we guess the service accepts and ignores it: the mock answers 201 without the field "
            "(400 only in strict mode).",
        ),
        Rule(
            "context_kind_format",
            DocRef(PAGE, 35),
            "unboundedContextKind is a context kind: non-empty, only letters, digits, '.', '_' and "
            "'-', and not the reserved 'kind' or 'multi'.",
            Severity.WARNING,
            "The page says only 'string'; LaunchDarkly's SDKs refuse other context kinds, and we "
            "guess the service would too, but the page does not say so: the faithful mock accepts "
            "them (400 only in strict mode). Omitted, it defaults to 'user' (as LaunchDarkly's "
            "Terraform provider documents).",
        ),
        Rule(
            "project_key_format",
            DocRef(PAGE, 12),
            "projectKey is a LaunchDarkly key: letters, digits, '.', '_' and '-', starting with a "
            "letter or digit.",
            Severity.WARNING,
            _KEY_CHOICE + " A malformed project key names no project the mock knows, so the mock "
            "answers 404 for the state (an unknown project), not for the format.",
        ),
        Rule(
            "environment_key_format",
            DocRef(PAGE, 14),
            "environmentKey is a LaunchDarkly key: letters, digits, '.', '_' and '-', starting "
            "with a letter or digit.",
            Severity.WARNING,
            _KEY_CHOICE + " A malformed environment key names no environment the mock knows, so "
            "the mock answers 404 for the state (an unknown environment), not for the format.",
        ),
    ]
)


def check_request(request: HttpRequest, edition: str | None = None) -> list[Violation]:
    """Everything the contract says about a create-segment request: operation and path keys, JSON
    body, the spec's schema for SegmentBody, and the rules above. Never raises on bad input."""
    spec = API.spec(edition)
    found = path_violations(spec, request.method, request.path)
    if found and found[0].rule == "operation":
        return found
    found += api_key_violations(request.header("authorization"))
    found += header_violations(request.header("content-type"))
    return found + body_violations(spec, request.body)


def path_violations(spec: Spec, method: str, path: str) -> list[Violation]:
    match = find_operation(spec, method, path)
    if match is None or match[0].operation_id != OPERATION_ID:
        return [
            RULES["operation"].violation(
                "request", f"{method} {short(path)} is not POST {_operation_path(spec)}"
            )
        ]
    params = match[1]
    return [
        *_key_violations("project_key_format", "projectKey", params["projectKey"]),
        *_key_violations("environment_key_format", "environmentKey", params["environmentKey"]),
    ]


def api_key_violations(authorization: str | None) -> list[Violation]:
    """The Authorization header's breach of api_key_required, if any (its value stays unsaid)."""
    if authorization is None:
        message = "is missing; send the API key as 'Authorization: <key>'"
    elif not authorization.strip():
        message = "is empty; send the API key as 'Authorization: <key>'"
    else:
        return []
    return [RULES["api_key_required"].violation("headers.authorization", message)]


def header_violations(content_type: str | None) -> list[Violation]:
    media_type = (content_type or "").split(";")[0].strip().lower()
    if media_type == "application/json":
        return []
    shown = short(content_type) if content_type else "no Content-Type"
    return [
        RULES["content_type_json"].violation(
            "headers.content-type", f"{shown} is not application/json"
        )
    ]


def body_violations(spec: Spec, body: bytes) -> list[Violation]:
    """The body's violations: size, JSON, schema and rules, in that order."""
    if len(body) > MAX_BODY_BYTES:
        return [
            RULES["body_too_large"].violation(
                "body", f"{len(body)} bytes is more than {MAX_BODY_BYTES} bytes"
            )
        ]
    try:
        return _json_violations(spec, body)
    except RecursionError:
        # Deep nesting makes json.loads, the validator or repr give up with RecursionError (not
        # ValueError); a body nested that deep is no segment body, so it is bad JSON to us.
        return [RULES["body_json"].violation("body", "is nested too deeply to be checked")]


def _json_violations(spec: Spec, body: bytes) -> list[Violation]:
    value, problems = json_body(spec, body)
    if problems:
        # The core's JSON violation, under this API's rule so it cites the page line.
        return [RULES["body_json"].violation("body", problem.message) for problem in problems]
    # The OAS 3.0 validator reports a null for a non-nullable field twice (as "not nullable" and
    # as "not of type"); both read the same once named, so keep one.
    schema = list(dict.fromkeys(schema_violations(spec, BODY_SCHEMA, value)))
    return schema + rule_violations(value)


def rule_violations(body: Any) -> list[Violation]:
    """The rules beyond the schema, for a parsed body. Each looks only at values of the right
    type, so a value the schema already refuses is reported once, by the schema."""
    if not isinstance(body, Mapping):
        return []
    return [
        *_unknown_fields(body),
        *_name(body.get("name")),
        *_key(body.get("key")),
        *_tags(body.get("tags")),
        *_unbounded_context_kind(body),
    ]


def _unknown_fields(body: Mapping[str, Any]) -> list[Violation]:
    rule = RULES["unknown_field_ignored"]
    return [
        rule.violation(str(name), f"{short(name)} is not a field of the request; it is ignored")
        for name in body
        if name not in BODY_FIELDS
    ]


def _name(name: Any) -> list[Violation]:
    if isinstance(name, str) and not name.strip():
        return [RULES["name_not_empty"].violation("name", f"{short(name)} is empty or blank")]
    return []


def _key(key: Any) -> list[Violation]:
    if not isinstance(key, str):
        return []
    if key == "":
        return [RULES["key_not_empty"].violation("key", "'' is empty")]
    return _key_violations("key_format", "key", key)


def _key_violations(rule_name: str, field: str, key: str) -> list[Violation]:
    if KEY_PATTERN.fullmatch(key):
        return []
    return [
        RULES[rule_name].violation(
            field,
            f"{short(key)} is not a key: only letters, digits, '.', '_' and '-', "
            "starting with a letter or digit",
        )
    ]


def _tags(tags: Any) -> list[Violation]:
    if not isinstance(tags, list):
        return []
    found = []
    for index, tag in enumerate(tags):
        if not isinstance(tag, str):
            continue
        field = f"tags[{index}]"
        if not 1 <= len(tag) <= MAX_TAG_LENGTH:
            found.append(
                RULES["tag_length"].violation(
                    field, f"{short(tag)} is {len(tag)} characters, not 1 to {MAX_TAG_LENGTH}"
                )
            )
        if not TAG_PATTERN.fullmatch(tag):
            found.append(
                RULES["tag_format"].violation(
                    field,
                    f"{short(tag)} holds characters other than letters, digits, '.', '_', '-'",
                )
            )
    return found


def _unbounded_context_kind(body: Mapping[str, Any]) -> list[Violation]:
    kind = body.get("unboundedContextKind")
    if not isinstance(kind, str):
        return []
    found = []
    if body.get("unbounded") is not True:
        unbounded = short(body["unbounded"]) if "unbounded" in body else "not given"
        found.append(
            RULES["unbounded_context_kind_requires_unbounded"].violation(
                "unboundedContextKind",
                f"{short(kind)} is given but unbounded is {unbounded}, not true; it is ignored",
            )
        )
    if not CONTEXT_KIND_PATTERN.fullmatch(kind) or kind in RESERVED_CONTEXT_KINDS:
        found.append(
            RULES["context_kind_format"].violation(
                "unboundedContextKind",
                f"{short(kind)} is not a context kind: non-empty, only letters, digits, '.', '_', "
                f"'-', and not {' or '.join(map(repr, RESERVED_CONTEXT_KINDS))}",
            )
        )
    return found


def _operation_path(spec: Spec) -> str:
    return spec.operation(OPERATION_ID).path


ROOM = RulesRoom(book=RULES, check_request=check_request)
