"""Where a comparison stands (operation, side, location) and the options it runs with."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..specs import Spec
from .rules import POLICY, Change, Side


@dataclass(frozen=True)
class Options:
    """`today` dates the lifecycle rules (a sunset passed or not); `deprecation_days` is
    `--deprecation-days N`: None keeps every removal at its usual level."""

    today: dt.date = field(default_factory=dt.date.today)
    deprecation_days: int | None = None


@dataclass(frozen=True)
class Where:
    """The place being compared: which operation, which side, and the location so far."""

    old: Spec
    new: Spec
    operation: str
    side: Side
    prefix: str  # "query", "request body", "response 200", "servers"
    path: str = ""  # "PageEvent.keyPageIndices[]"
    options: Options = field(default_factory=Options)

    def at(self, path: str) -> Where:
        return replace(self, path=path)

    def field(self, name: str) -> Where:
        return self.at(f"{self.path}.{name}" if self.path else name)

    def location(self, keyword: str = "") -> str:
        return " ".join(part for part in (self.prefix, self.path, keyword) if part)

    def change(self, kind: str, old: Any = None, new: Any = None, keyword: str = "") -> Change:
        rule = POLICY[(kind, self.side)]
        return Change(
            rule.level, kind, self.operation, self.location(keyword), frozen(old), frozen(new),
            rule.reason,
        )  # fmt: skip


def frozen(value: Any) -> Any:
    """Values kept hashable (a Change is frozen and deduplicated); maps become their JSON text."""
    if isinstance(value, list | tuple):
        return tuple(frozen(item) for item in value)
    if isinstance(value, Mapping):
        return json.dumps(value, sort_keys=True, default=str)
    return value


def same(a: Any, b: Any) -> bool:
    """Equal as JSON values (True is not 1 here, unlike in Python)."""
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def resolve(spec: Spec, node: Any) -> Mapping[str, Any]:
    """Follow a local `$ref` (repeatedly, through lists too) to the node it names; a boolean
    schema becomes its object form (true: {}, false: {not: {}})."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and "$ref" in node:
        ref = str(node["$ref"])
        if ref in seen:
            return {}
        seen.add(ref)
        target: Any = spec.document
        for part in ref[2:].split("/") if len(ref) > 1 else []:
            key = part.replace("~1", "/").replace("~0", "~")
            target = target[int(key)] if isinstance(target, list) else target[key]
        # 3.1: siblings of $ref apply too (`$ref` + `description`, `nullable`): merged over it.
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        node = {**target, **siblings} if siblings and isinstance(target, Mapping) else target
    if node is True or node is None:
        return {}
    if node is False:
        return {"not": {}}
    return node if isinstance(node, Mapping) else {}
