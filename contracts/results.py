"""What a run of `contracts check` or `contracts fuzz` found: per-check tallies, the distinct
failures (each with a minimal request as a curl), and the probes sent, per API."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from schemathesis.core.failures import Failure


@dataclass
class Tally:
    passed: int = 0
    failed: int = 0


@dataclass(frozen=True)
class Finding:
    """A distinct failure, with a minimal request reproducing it."""

    api: str
    phase: str
    check: str
    title: str
    message: str
    curl: str
    status: int | None
    note: str = ""
    request: dict[str, Any] = field(default_factory=dict)  # for `contracts replay`

    @property
    def signature(self) -> str:
        return signature(f"{self.api}/{self.phase}/{self.check}", self.title, self.status)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class Coverage:
    """What one API's probes exercised: per rule of its book, how many probes kept it and how many
    broke it (the rule our sample breaks on purpose, and every violation the rules find in the
    request as sent); per constraint of its spec (`contracts.boundaries`), how many requests held
    it at its limit and one past it. Plain data, for the summary line, report.json and any view
    built on them."""

    rules: list[str] = field(default_factory=list)  # every rule of the book
    exceptions: dict[str, str] = field(default_factory=dict)  # rule -> why no probe breaks it
    kept: dict[str, int] = field(default_factory=dict)
    broken: dict[str, int] = field(default_factory=dict)
    constraints: list[str] = field(default_factory=list)  # every constraint of the spec, by key
    at_limit: dict[str, int] = field(default_factory=dict)
    past_limit: dict[str, int] = field(default_factory=dict)

    def record(self, broken: set[str], limits: set[tuple[str, bool]]) -> None:
        """One request: the rules it broke (every other rule it kept) and the constraints it held
        at their limit (True) or one past it (False)."""
        for rule in self.rules:
            counts = self.broken if rule in broken else self.kept
            counts[rule] = counts.get(rule, 0) + 1
        for key, at in limits:
            counts = self.at_limit if at else self.past_limit
            counts[key] = counts.get(key, 0) + 1

    def exercised(self) -> list[str]:
        """The rules some probe kept and some probe broke."""
        return [r for r in self.rules if self.kept.get(r) and self.broken.get(r)]

    def unexercised(self) -> dict[str, str]:
        """Each rule not exercised, with why: the room's reason, or what is missing."""
        missing = {}
        for rule in self.rules:
            if self.kept.get(rule) and self.broken.get(rule):
                continue
            why = "no probe kept it" if self.broken.get(rule) else "no probe broke it"
            missing[rule] = self.exceptions.get(rule, why)
        return missing

    def hit(self) -> list[str]:
        """The constraints some request held at their limit."""
        return [c for c in self.constraints if self.at_limit.get(c)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rules": {"exercised": len(self.exercised()), "total": len(self.rules)},
            "constraints": {"at_limit": len(self.hit()), "total": len(self.constraints)},
            "unexercised_rules": self.unexercised(),
            "constraints_not_at_limit": [c for c in self.constraints if not self.at_limit.get(c)],
            "per_rule": {r: [self.kept.get(r, 0), self.broken.get(r, 0)] for r in self.rules},
            "per_constraint": {
                c: [self.at_limit.get(c, 0), self.past_limit.get(c, 0)] for c in self.constraints
            },
        }


@dataclass
class Report:
    base_url: str
    seed: int
    live: bool
    started: float = field(default_factory=time.time)
    duration: float = 0.0
    tallies: dict[tuple[str, str], Tally] = field(default_factory=dict)  # (api, check)
    findings: list[Finding] = field(default_factory=list)
    probes: dict[str, int] = field(default_factory=dict)  # per API
    phases_run: dict[str, list[str]] = field(default_factory=dict)
    known: set[str] = field(default_factory=set)  # signatures of the findings, per API and phase
    coverage: dict[str, Coverage] = field(default_factory=dict)  # per API
    rounds: int = 0
    retries: int = 0  # requests sent again after a 429/503 with Retry-After
    waited: float = 0.0  # seconds spent waiting them out

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def total_probes(self) -> int:
        return sum(self.probes.values())

    def merge(self, other: Report) -> None:
        """Add a part of the run (one API's phase, run in a worker process) to this report."""
        for key, tally in other.tallies.items():
            mine = self.tally(*key)
            mine.passed += tally.passed
            mine.failed += tally.failed
        self.findings += [f for f in other.findings if f.signature not in self.known]
        self.known |= other.known
        for api, count in other.probes.items():
            self.probes[api] = self.probes.get(api, 0) + count
        for api, phases in other.phases_run.items():
            self.phases_run.setdefault(api, []).extend(phases)
        self.retries += other.retries
        self.waited += other.waited

    def tally(self, api: str, check: str) -> Tally:
        return self.tallies.setdefault((api, check), Tally())

    def count(self, api: str, results: dict[str, Failure | None]) -> None:
        """Add one answer's check results (a failure, or None for a pass) to the tallies."""
        for check, failure in results.items():
            tally = self.tally(api, check)
            if failure is None:
                tally.passed += 1
            else:
                tally.failed += 1


def signature(check: str, title: str, status: int | None) -> str:
    """What makes two failures the same one: the check, its title and the status answered."""
    return f"{check}|{title}|{status}"


def probes_per_second(report: Report) -> float:
    return report.total_probes / report.duration if report.duration else 0.0


def iter_failing_checks(report: Report) -> Iterator[tuple[str, str, Tally]]:
    for (api, check), tally in sorted(report.tallies.items()):
        if tally.failed:
            yield api, check, tally
