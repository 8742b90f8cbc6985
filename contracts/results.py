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
    rounds: int = 0
    retries: int = 0  # requests sent again after a 429/503 with Retry-After
    waited: float = 0.0  # seconds spent waiting them out

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def total_probes(self) -> int:
        return sum(self.probes.values())

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
