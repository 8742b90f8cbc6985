"""Named rules: what each vendor folder's `rules.py` states beyond its spec's JSON Schema.

A rule is data (name, page line, one-line statement, severity); checking it is a plain function
in the vendor folder that returns `rule.violation(...)` for each breach. Strategies for invalid
payloads name the rule they break, so a test can assert that exactly that rule fired.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from .samples import Sample
from .specs import DocRef
from .violations import Severity, Violation


@dataclass(frozen=True)
class Rule:
    name: str
    doc: DocRef
    statement: str  # the rule in one sentence, as the page states it (or as we read it)
    severity: Severity = Severity.ERROR
    choice: str = ""  # where the page is vague: what we chose and why
    # Whether the service refuses a request that breaks only this rule, where that is not what
    # the severity says (an ERROR is refused, a WARNING accepted and reported).
    refused_by_service: bool | None = None

    def service_refuses(self) -> bool:
        if self.refused_by_service is None:
            return self.severity is Severity.ERROR
        return self.refused_by_service

    def violation(self, field: str, message: str, line: int | None = None) -> Violation:
        return Violation(self.name, field, message, self.doc, self.severity, line)


class RuleBook:
    """The rules of one API (or one edition), by name."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self._rules = {rule.name: rule for rule in rules}

    def __getitem__(self, name: str) -> Rule:
        return self._rules[name]

    def get(self, name: str | None) -> Rule | None:
        return self._rules.get(name) if name is not None else None

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def names(self) -> list[str]:
        return list(self._rules)

    def refuses(self, name: str | None) -> bool:
        """Whether the service refuses a request breaking `name`: the rule's own flag; a name
        outside the book is a keyword of the spec's JSON Schema (or unreadable JSON), which the
        spec itself states, so it is refused."""
        rule = self.get(name)
        return rule is None or rule.service_refuses()

    def refused(self, violations: Iterable[Violation], strict: bool = False) -> list[Violation]:
        """The violations the service refuses a request for; in strict mode, all of them."""
        return [v for v in violations if strict or self.refuses(v.rule)]


# What the service does with a request: accepts it (2xx), refuses it (4xx), or either (None).
Expectation = Literal["accept", "refuse"] | None


def expected_by_rules(book: RuleBook, sample: Sample) -> Expectation:
    """What the service does with a sample: a valid one is accepted; one that breaks a rule is
    refused when the rule says the service refuses it; one that breaks a keyword of the spec's
    schema (not a named rule) is refused."""
    if sample.valid:
        return "accept"
    return "refuse" if book.refuses(sample.breaks) else "accept"
