"""Where each thing a coverage count is about sits on the vendor page: a rule's line (from the rule
book), a spec constraint's line (the nearest node of the spec that cites one), and the page's own
words at a line, for the reports."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from . import boundaries
from .api import Api
from .errors import SpecError
from .registry import page_path
from .results import Coverage, RuleInfo
from .rules import RuleBook
from .specs import Spec

QUOTE_LINES = 3  # a quote is the cited line and, where it runs on, the lines after it
QUOTE_CHARS = 400  # and no longer than this
TAG = re.compile(r"<[^<>]{1,80}>")


def start_count(
    api: Api,
    edition: str,
    book: RuleBook,
    exceptions: dict[str, str],
    which: tuple[str, str] | None = None,
) -> Coverage:
    """A coverage count from nothing for one API and edition (and one of its operations, for a
    spec with several: `which` is its method and path), with every rule and constraint and where
    each sits on the page."""
    spec = api.spec(edition)
    constraints = boundaries.constraints(spec, which)
    room = api.coverage()
    operations = spec.operations()
    chosen = [
        op
        for op in operations
        if which and (op.method.upper(), op.path) == (which[0].upper(), which[1])
    ]
    operation = (chosen or operations)[0]
    return Coverage(
        rules=book.names(),
        exceptions=exceptions,
        constraints=[constraint.key for constraint in constraints],
        edition=edition,
        page=spec.page,
        rule_info={
            rule.name: RuleInfo(str(rule.doc), str(rule.severity), rule.statement) for rule in book
        },
        constraint_docs={c.key: constraint_doc(spec, c) for c in constraints},
        documented_statuses=sorted(str(key) for key in operation.definition.get("responses", {})),
        variant_label=room.label if room is not None else "",
        documented_variants=list(room.documented(edition)) if room is not None else [],
    )


def constraint_doc(spec: Spec, constraint: boundaries.Constraint) -> str:
    """PAGE:LINE of a constraint: the line its parameter or body field cites, else the nearest
    enclosing node's, else the operation's."""
    operation = spec.operations()[0]
    best = spec.doc(operation.definition)
    if constraint.place in ("query", "header", "path"):
        for param in operation.definition.get("parameters", []):
            param = spec.resolve(param)
            if param.get("name") == constraint.where and param.get("in") == constraint.place:
                line = _line(spec, param) or _line(spec, param.get("schema"))
                return f"{spec.page}:{line}" if line else str(best)
        return str(best)
    body = spec.resolve(operation.definition.get("requestBody") or {})
    line = _line(spec, body)
    content = body.get("content", {}) if isinstance(body, Mapping) else {}
    schema = next((c.get("schema") for t, c in content.items() if "json" in t), None)
    node: Any = schema
    line = _line(spec, node) or line
    for part in _parts(constraint.where):
        node = _child(spec, node, part)
        if node is None:
            break
        line = _line(spec, node) or line
    return f"{spec.page}:{line}" if line else str(best)


def _parts(where: str) -> list[str]:
    """`targets[].name` -> ['targets', '[]', 'name']; `[].x` -> ['[]', 'x']; `{}` a map value."""
    parts: list[str] = []
    for piece in where.split("."):
        while piece:
            if piece.startswith(("[]", "{}")):
                parts.append(piece[:2])
                piece = piece[2:]
                continue
            cut = min((i for i in (piece.find("[]"), piece.find("{}")) if i > 0),
                      default=len(piece))  # fmt: skip
            parts.append(piece[:cut])
            piece = piece[cut:]
    return parts


def _line(spec: Spec, node: Any) -> int | None:
    if not isinstance(node, Mapping):
        return None
    line = node.get("x-doc-line")
    if line is None and "$ref" in node:
        line = spec.resolve(node).get("x-doc-line")
    return int(line) if line is not None else None


def _child(spec: Spec, node: Any, part: str, depth: int = 0) -> Any:
    """The schema under `node` for one step of a path, looking through allOf/oneOf/anyOf."""
    if not isinstance(node, Mapping) or depth > 12:
        return None
    node = spec.resolve(node)
    if part == "[]" and "items" in node:
        return node["items"]
    if part == "{}" and isinstance(node.get("additionalProperties"), Mapping):
        return node["additionalProperties"]
    if part in node.get("properties", {}):
        return node["properties"][part]
    for key in ("allOf", "oneOf", "anyOf"):
        for branch in node.get(key, []):
            found = _child(spec, branch, part, depth + 1)
            if found is not None:
                return found
    return None


@functools.cache
def page_lines(page: str) -> tuple[str, ...]:
    """The lines of a vendor page (none when no spec cites it)."""
    try:
        return tuple(page_path(page).read_text(encoding="utf-8").splitlines())
    except (SpecError, OSError):
        return ()


def quote(doc: str) -> str:
    """The page's own words at PAGE:LINE: the line, and the next ones while the sentence runs on
    (up to QUOTE_LINES); empty when there is no such line."""
    page, _, line = doc.partition(":")
    if not line.isdigit():
        return ""
    lines = page_lines(page)
    index = int(line) - 1
    if not 0 <= index < len(lines):
        return ""
    words = [lines[index].strip()]
    for following in lines[index + 1 : index + QUOTE_LINES]:
        if not following.strip() or words[-1].endswith((".", ":")):
            break
        words.append(following.strip())
    text = " ".join(TAG.sub(" ", " ".join(words)).split())  # pages saved as HTML keep tags
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 3] + "..."
