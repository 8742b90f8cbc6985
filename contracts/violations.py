"""What a check finds: a violation of a named rule, with the field, the value and the page line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .specs import DocRef

# Names of rules every vendor shares (re-exported by contracts.vendor with BODY_SIZE).
JSON_SYNTAX = "json_syntax"


class Severity(StrEnum):
    # ERROR: the page states the rule, breaking it is a contract breach.
    # WARNING: an undocumented extension, or a rule resting on our reading of a vague page.
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Violation:
    """One rule broken by one value.

    `field` is where the value sits (`siteCode`, `[3].href`, `targets[0].name`); `line` is the body
    line for line-per-event bodies; `message` says the value and the rule in words.
    """

    rule: str
    field: str
    message: str
    doc: DocRef | None = None
    severity: Severity = Severity.ERROR
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        field = f"{self.field}: " if self.field else ""
        source = f"; {self.doc}" if self.doc else ""
        return f"{where}{field}{self.message} [{self.rule}{source}]"

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "field": self.field,
            "message": self.message,
            "severity": str(self.severity),
            "line": self.line,
            "doc": str(self.doc) if self.doc else None,
        }


def errors(violations: list[Violation]) -> list[Violation]:
    return [v for v in violations if v.severity is Severity.ERROR]


def short(value: Any, limit: int = 60) -> str:
    """A value as it should appear in a message: repr, cut to a readable length."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 15]}...({len(text)} chars)"
