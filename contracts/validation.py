"""Checks every API shares: finding the operation of a request, and checking a response against
what its spec says (documented status, content type, body schema, declared headers)."""

from __future__ import annotations

import json
import re
from typing import Any

from .exchange import HttpResponse
from .schemas import schema_violations
from .specs import DocRef, Operation, Spec
from .violations import JSON_SYNTAX, Violation


def _template_pattern(path: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[^}]+\})", path)
    regex = "".join(
        f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part) for part in parts
    )
    return re.compile(f"^{regex}$")


def find_operation(spec: Spec, method: str, path: str) -> tuple[Operation, dict[str, str]] | None:
    """The operation a request is for, with its path parameters; None when the spec has none."""
    for operation in spec.operations():
        if operation.method.upper() != method.upper():
            continue
        match = _template_pattern(operation.path).match(path)
        if match:
            return operation, match.groupdict()
    return None


def json_body(
    spec: Spec, body: bytes, field: str = "body", doc: DocRef | None = None
) -> tuple[Any, list[Violation]]:
    """Parse a JSON body; a violation (not an exception) when it is not JSON. `doc` is the page
    line that says the body is JSON (the request body's), when the caller knows it."""
    try:
        return json.loads(body), []
    except (ValueError, UnicodeDecodeError) as error:
        message = f"is not valid JSON ({error})"
    except RecursionError:
        message = "is nested too deeply to read"
    return None, [Violation(JSON_SYNTAX, field, message, doc or spec.doc())]


def check_response(
    spec: Spec, operation: Operation, response: HttpResponse, *, where: str = "response"
) -> list[Violation]:
    """Whether a response is one the spec documents for the operation, with a body that fits."""
    responses = operation.definition.get("responses", {})
    status = str(response.status)
    definition = (
        responses.get(status) or responses.get(f"{status[0]}XX") or responses.get("default")
    )
    if definition is None:
        documented = ", ".join(sorted(responses))
        return [
            Violation(
                "status_code",
                where,
                f"status {status} is not documented (documented: {documented})",
                spec.doc(operation.definition),
            )
        ]
    definition = spec.resolve(definition)
    found: list[Violation] = []
    for name, header in definition.get("headers", {}).items():
        header = spec.resolve(header)
        if header.get("required") and response.header(name) is None:
            found.append(
                Violation("header", f"{where}.headers.{name}", "is required but missing",
                          spec.doc(header))
            )  # fmt: skip
    content = definition.get("content", {})
    if not content:
        return found
    media_type = (response.header("content-type") or "").split(";")[0].strip()
    if media_type not in content:
        return [
            *found,
            Violation(
                "content_type",
                f"{where}.headers.content-type",
                f"{media_type or 'no content type'} is not documented for status {status}"
                f" (documented: {', '.join(content)})",
                spec.doc(definition),
            ),
        ]
    schema = content[media_type].get("schema")
    if schema is None or not media_type.endswith("json"):
        return found
    body, problems = json_body(spec, response.body, f"{where}.body")
    if problems:
        return [*found, *problems]
    return [*found, *schema_violations(spec, schema, body, "response", prefix=f"{where}.body")]
