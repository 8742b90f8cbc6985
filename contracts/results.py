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
    # Why the contract expected otherwise, recorded when the finding is made: the rule (of the
    # book, or `spec: ...` for the spec's own keywords), its page line, what was expected.
    rule: str = ""
    doc: str = ""  # PAGE:LINE, or PAGE
    expected: str = ""
    answer: str = ""  # the response body, cut short (secrets filtered)

    @property
    def signature(self) -> str:
        return signature(f"{self.api}/{self.phase}/{self.check}", self.title, self.status)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class RuleInfo:
    """A rule as the reports show it: its page line, severity and statement."""

    doc: str  # PAGE:LINE
    severity: str
    statement: str


@dataclass
class Coverage:
    """What one API's probes exercised: per rule of its book, how many probes kept it and how many
    broke it (the rule our sample breaks on purpose, and every violation the rules find in the
    request as sent), and how the service answered those that broke it; per constraint of its spec
    (`contracts.boundaries`), how many requests held it at its limit and one past it; the statuses
    answered against those the spec documents; for a body of variants (the data API's event
    types), the variants sent. Plain data, for the summary, report.json and report.html."""

    rules: list[str] = field(default_factory=list)  # every rule of the book
    exceptions: dict[str, str] = field(default_factory=dict)  # rule -> why no probe breaks it
    kept: dict[str, int] = field(default_factory=dict)
    broken: dict[str, int] = field(default_factory=dict)
    constraints: list[str] = field(default_factory=list)  # every constraint of the spec, by key
    at_limit: dict[str, int] = field(default_factory=dict)
    past_limit: dict[str, int] = field(default_factory=dict)
    # What the reports show beside the counts (set by whoever starts the count).
    edition: str = ""
    page: str = ""  # the spec's page file (`x-doc-page`)
    rule_info: dict[str, RuleInfo] = field(default_factory=dict)
    constraint_docs: dict[str, str] = field(default_factory=dict)  # key -> PAGE:LINE
    documented_statuses: list[str] = field(default_factory=list)  # `200`, `4XX`, `default`
    statuses: dict[str, int] = field(default_factory=dict)  # status answered -> requests
    refused: dict[str, int] = field(default_factory=dict)  # rule -> breaking requests refused
    accepted: dict[str, int] = field(default_factory=dict)  # rule -> breaking requests accepted
    variant_label: str = ""  # "event types"; empty: the API's body has no variants
    documented_variants: list[str] = field(default_factory=list)
    variants: dict[str, int] = field(default_factory=dict)  # variant sent -> items

    def record(
        self,
        broken: set[str],
        limits: set[tuple[str, bool]],
        status: int | None = None,
        variants: list[str] | None = None,
    ) -> None:
        """One request: the rules it broke (every other rule it kept), the constraints it held
        at their limit (True) or one past it (False), the status answered, the variants sent."""
        for rule in self.rules:
            counts = self.broken if rule in broken else self.kept
            counts[rule] = counts.get(rule, 0) + 1
        for key, at in limits:
            counts = self.at_limit if at else self.past_limit
            counts[key] = counts.get(key, 0) + 1
        if status is not None:
            _add(self.statuses, str(status))
            answered = self.accepted if 200 <= status < 300 else self.refused
            for rule in broken & set(self.rules):
                if status < 500:
                    _add(answered, rule)
        for variant in variants or []:
            _add(self.variants, variant)

    def merge(self, other: Coverage) -> None:
        """Add the counts of another part of the run (a worker's) for the same API."""
        for mine, theirs in (
            (self.kept, other.kept), (self.broken, other.broken),
            (self.at_limit, other.at_limit), (self.past_limit, other.past_limit),
            (self.statuses, other.statuses), (self.refused, other.refused),
            (self.accepted, other.accepted), (self.variants, other.variants),
        ):  # fmt: skip
            for key, count in theirs.items():
                mine[key] = mine.get(key, 0) + count

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

    def statuses_covered(self) -> list[str]:
        """The documented response keys some answer fell under (`404` under `4XX`)."""
        covered = {status_key(self.documented_statuses, int(s)) for s in self.statuses}
        return [key for key in self.documented_statuses if key in covered]

    def undocumented_statuses(self) -> list[str]:
        return [s for s in self.statuses if status_key(self.documented_statuses, int(s)) is None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "edition": self.edition,
            "page": self.page,
            "rules": {"exercised": len(self.exercised()), "total": len(self.rules)},
            "constraints": {"at_limit": len(self.hit()), "total": len(self.constraints)},
            "unexercised_rules": self.unexercised(),
            "constraints_not_at_limit": [c for c in self.constraints if not self.at_limit.get(c)],
            "per_rule": {r: [self.kept.get(r, 0), self.broken.get(r, 0)] for r in self.rules},
            "per_constraint": {
                c: [self.at_limit.get(c, 0), self.past_limit.get(c, 0)] for c in self.constraints
            },
            "rule_details": {
                rule: {
                    **dataclasses.asdict(info),
                    "kept": self.kept.get(rule, 0),
                    "broken": self.broken.get(rule, 0),
                    "broken_refused": self.refused.get(rule, 0),
                    "broken_accepted": self.accepted.get(rule, 0),
                }
                for rule, info in self.rule_info.items()
            },
            "constraint_docs": dict(self.constraint_docs),
            "statuses": {
                "documented": list(self.documented_statuses),
                "seen": dict(sorted(self.statuses.items())),
                "covered": self.statuses_covered(),
                "undocumented": self.undocumented_statuses(),
            },
            "variants": {
                "label": self.variant_label,
                "documented": list(self.documented_variants),
                "seen": dict(sorted(self.variants.items())),
            },
        }


def _add(counts: dict[str, int], key: str) -> None:
    counts[key] = counts.get(key, 0) + 1


def status_key(documented: list[str], status: int) -> str | None:
    """The documented response key a status falls under: itself, its class (`4XX`), `default`."""
    text = str(status)
    for key in (text, f"{text[0]}XX", "default"):
        if key in documented:
            return key
    return None


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
        for api, coverage in other.coverage.items():
            if api in self.coverage:
                self.coverage[api].merge(coverage)
            else:
                self.coverage[api] = coverage
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
