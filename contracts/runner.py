"""Running the checks: schemathesis' generation and ours, against the embedded mock or a live URL.

For each API a run goes through phases. Each phase is a Hypothesis test over a strategy of probes
(a request and what the contract expects of its answer); every answer goes through the response
checks of `contracts.checks` one by one, so each finding is attributed to its check:

    examples   the spec's own examples (from the pages)                must be accepted
    positive   schemathesis' schema-valid requests                     accepted; auth enforced
    negative   schemathesis' schema-violating requests                 refused, where the API does
    valid      our strategies' valid payloads (every event type, ...)  accepted
    boundary   every limit at and one past it, every enum value        as the contract says
               (every listed one sent whatever the seed: the vendor's, and the spec's own from
               `contracts.boundaries`)
    invalid    payloads breaking exactly one named rule                refused, where the API does
    stateful   scenarios: a duplicate after a create, a retry          the documented refusal

Whether a schemathesis request is valid is not left to the schema alone: the API's rules judge the
request as sent (`contract_verdict`), so a schema-valid request that breaks a rule beyond the
schema is expected to be refused. A failing probe is shrunk by Hypothesis to a minimal one before
it is reported (not in live mode), and the phase runs again to look for other distinct failures.
Every request sent is counted for coverage (`observe`): the rules it kept and broke, the spec's
constraints it held at or one past their limit. Same seed, same run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import hypothesis
import requests
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.errors import Flaky

from . import boundaries
from .api import Api
from .checks import Scenario
from .context import NEGATIVE_PHASES, PHASES, CheckOptions, Driver
from .coverage_docs import start_count
from .errors import UnreachableError
from .probes import (
    Probe,
    invalid_kinds,
    listed_boundaries,
    phase_strategy,
    sample_probes,
    spec_examples,
)
from .results import (
    Finding,
    Report,
    Tally,
    iter_failing_checks,
    probes_per_second,
    signature,
)
from .transport import (
    LimitedSession,
    NoAnswer,
    RateLimiter,
    curl_for,
    is_loopback,
    request_record,
)
from .verdicts import answer_of, check_probe, finding_reason, read_sent

MAX_DISTINCT_FAILURES = 5  # per phase: past that, a phase reports and moves on


class _NewFailure(Exception):
    """Raised inside a phase so that Hypothesis shrinks the probe that found a new failure."""


@dataclass
class Progress:
    """What a display wants to know as the run goes (all optional)."""

    on_phase: Callable[[str, str], None] = lambda api, phase: None
    on_probe: Callable[[str, str, int, int], None] = lambda api, phase, probes, failures: None
    on_finding: Callable[[Finding], None] = lambda finding: None


def run_phase(
    driver: Driver,
    phase: str,
    options: CheckOptions,
    report: Report,
    session: requests.Session,
    progress: Progress,
) -> None:
    """One phase for one API: a Hypothesis run over its probes (for the invalid phase, one run per
    kind of breakage, where the API's strategies name them, so that every rule is broken)."""
    runs: list[tuple[str, st.SearchStrategy[Probe], int]]
    if phase == "examples":
        pages = spec_examples(driver)
        runs = [(phase, st.sampled_from(pages), len(pages))] if pages else []
    elif phase == "invalid" and invalid_kinds(driver):
        kinds = invalid_kinds(driver)
        each = max(1, -(-options.max_examples // len(kinds)))  # ceiling: the budget, shared
        runs = [
            (f"{phase}/{kind}", sample_probes(driver, strategy, phase), each)
            for kind, strategy in sorted(kinds.items())
        ]
    else:
        strategy = phase_strategy(driver, phase)
        runs = [(phase, strategy, options.max_examples)] if strategy is not None else []
    explicit = listed_boundaries(driver) if phase == "boundary" else []
    for label, probes, budget in runs:
        _run_hypothesis(driver, phase, label, probes, budget, explicit, options, report,
                        session, progress)  # fmt: skip


def _run_hypothesis(
    driver: Driver,
    phase: str,
    label: str,
    strategy: st.SearchStrategy[Probe],
    examples: int,
    explicit: list[Probe],
    options: CheckOptions,
    report: Report,
    session: requests.Session,
    progress: Progress,
) -> None:
    api = driver.label
    known = report.known  # a failure found in an earlier round is counted, not reported again
    last: dict[str, list[Finding]] = {}  # the new failures of the last failing probe

    def test(probe: Probe) -> None:
        response, results = check_probe(driver, probe, options.base_url, session)
        report.probes[api] = report.probes.get(api, 0) + 1
        report.count(api, results)
        observe(driver, report, response, probe.breaks)
        fresh = []
        for name, failure in results.items():
            if failure is None:
                continue
            key = signature(f"{api}/{phase}/{name}", failure.title, response.status_code)
            if key not in known:
                rule, doc, expected = finding_reason(driver, probe.breaks, name, response)
                fresh.append(
                    Finding(api, phase, name, failure.title, failure.message,
                            curl_for(response.request), response.status_code, probe.note,
                            request_record(response.request), rule, doc, expected,
                            _answer(driver, response))
                )  # fmt: skip
        failures = sum(1 for f in report.findings if f.api == api)
        progress.on_probe(api, phase, report.probes[api], failures)
        if fresh:
            last["findings"] = fresh
            if options.shrink:
                raise _NewFailure(fresh[0].title)
            for finding in fresh:
                _record(report, known, finding, progress)

    # No target phase: hill-climbing on a measure (response time, say) costs far more requests
    # than it finds faults here.
    hypothesis_phases = [Phase.explicit, Phase.reuse, Phase.generate]
    if options.shrink:
        hypothesis_phases.append(Phase.shrink)
    wrapped = settings(
        max_examples=examples,
        deadline=None,
        database=options.database,
        phases=hypothesis_phases,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
        derandomize=False,
        print_blob=False,
    )(seed(options.seed)(given(strategy)(test)))
    for probe in reversed(explicit):  # @example runs them first, in order
        wrapped = hypothesis.example(probe)(wrapped)
    for attempt in range(MAX_DISTINCT_FAILURES):
        # Each (API, phase, kind) keeps its own entries in the example database, and so does each
        # attempt: a rerun (looking for a further failure) replays the stored failure without
        # raising, as it is known by then, and Hypothesis would delete an example that passes.
        # (Hypothesis keys its database by the inner test function: the digest goes there.)
        test._hypothesis_internal_add_digest = hashlib.sha256(  # type: ignore[attr-defined]
            f"contracts/{api}/{label}/{attempt}".encode()
        ).digest()
        last.clear()
        try:
            wrapped()
            return
        except (_NewFailure, Flaky):
            findings = last.get("findings")
            if not findings:
                return
            for finding in findings:  # every check the minimal probe fails
                _record(report, known, finding, progress)


def _record(report: Report, known: set[str], finding: Finding, progress: Progress) -> None:
    check = f"{finding.api}/{finding.phase}/{finding.check}"
    known.add(signature(check, finding.title, finding.status))
    report.findings.append(finding)
    progress.on_finding(finding)


def _answer(driver: Driver, response: object) -> str:
    """The answer's body for a finding, with the run's credentials cut out should it echo them."""
    text = answer_of(response)
    for value in driver.credentials.values():
        for secret in {value, value.split(" ", 1)[-1]}:
            if len(secret) >= 4:
                text = text.replace(secret, "[Filtered]")
    return text


def observe(driver: Driver, report: Report, response: object, breaks: str | None) -> None:
    """Count what a request sent exercised: the rules it broke (what our sample breaks on purpose,
    and whatever the rules find in it as sent) and kept, the constraints it held at or one past
    their limit, the status answered and the variants (event types) its body carries."""
    coverage = report.coverage.get(driver.label)
    if coverage is None or isinstance(response, NoAnswer):
        return
    sent, found = read_sent(driver, response)  # type: ignore[arg-type]
    broken = {violation.rule for violation in found}
    if breaks is not None:
        broken.add(breaks)
    limits = boundaries.hits(driver.spec, sent, which(driver))
    room = driver.api.coverage()
    variants = [variant for variant, _ in room.items(sent, None)] if room is not None else []
    coverage.record(broken, {(constraint.key, at) for constraint, at in limits},
                    response.status_code, variants)  # type: ignore[attr-defined]  # fmt: skip


def which(driver: Driver) -> tuple[str, str]:
    """The driver's operation, as `contracts.boundaries` names it."""
    return str(driver.operation.method), str(driver.operation.path)


def start_coverage(driver: Driver, report: Report) -> None:
    """The rules and constraints of an API, counted from nothing (kept across fuzzing rounds)."""
    if driver.label in report.coverage:
        return
    strategies = driver.strategies
    report.coverage[driver.label] = start_count(
        driver.api, driver.api.default_edition, driver.rules.book,
        dict(strategies.not_sampled) if strategies is not None else {}, which(driver),
    )  # fmt: skip


def run_scenarios(
    driver: Driver,
    options: CheckOptions,
    report: Report,
    session: requests.Session,
    progress: Progress,
) -> None:
    api = driver.label
    scenarios: list[Scenario] = driver.room.scenarios()
    for scenario in scenarios:
        if scenario.mock_only and options.live:
            continue
        tag = driver.next_tag()  # the steps of a scenario share it: the same key twice
        for index, step in enumerate(scenario.steps):
            sample = dataclasses.replace(
                step.sample, body=driver.room.unique(step.sample.body, tag)
            )
            case = driver.case_for(sample, credentials=step.credentials)
            probe = Probe(case, None, f"{scenario.name}, step {index + 1}")
            response, results = check_probe(driver, probe, options.base_url, session)
            report.probes[api] = report.probes.get(api, 0) + 1
            observe(driver, report, response, step.sample.breaks)
            problem = None
            if isinstance(response, NoAnswer):
                problem = f"got no answer ({response.error})"
            elif response.status_code not in step.statuses:
                allowed = ", ".join(str(s) for s in sorted(step.statuses))
                problem = f"answered {response.status_code}, the contract says {allowed}"
            elif step.verify is not None:
                problem = step.verify(response)
            tally = report.tally(api, "stateful")
            if problem is None:
                tally.passed += 1
            else:
                tally.failed += 1
                allowed = ", ".join(str(s) for s in sorted(step.statuses))
                rule, doc, _ = finding_reason(driver, step.sample.breaks, "stateful", response)
                finding = Finding(
                    api, "stateful", "stateful", f"{scenario.name}: {step.note or 'step'} failed",
                    f"step {index + 1} ({step.note}) {problem}", curl_for(response.request),
                    response.status_code, scenario.name, request_record(response.request),
                    rule, doc, f"step {index + 1} of {scenario.name}: {allowed}",
                    _answer(driver, response),
                )  # fmt: skip
                key = signature(f"{api}/stateful/stateful", finding.title, finding.status)
                if key not in report.known:
                    _record(report, report.known, finding, progress)
            report.count(api, results)


def run_checks(
    apis: list[Api],
    options: CheckOptions,
    progress: Progress | None = None,
    report: Report | None = None,
    deadline: float | None = None,
    clock: Callable[[], float] = time.monotonic,
    build: Callable[[Api, CheckOptions], list[Driver]] = Driver.build_all,
) -> Report:
    """Run every phase for every API against `options.base_url`.

    `report` accumulates rounds (fuzzing); `deadline` (on `clock`) stops before a phase that would
    start after it; `build` makes the drivers of an API (a worker process keeps them from one
    phase to the next, as one process does).
    """
    progress = progress or Progress()
    report = report or Report(options.base_url, options.seed, options.live)
    try:
        requests.get(options.base_url, timeout=10)  # any answer will do: is anybody there?
    except requests.RequestException as error:
        raise UnreachableError(f"cannot reach {options.base_url}: {type(error).__name__}") from None
    session = LimitedSession(RateLimiter(options.rate_limit, options.rate_limit_auto))
    session.headers["User-Agent"] = "contracts-check/0.1"
    if is_loopback(options.base_url):
        # requests reads the proxy variables and ~/.netrc from the environment at every request
        # (a few % of a run against the embedded mock); a server on this machine is reached
        # directly, without a proxy or .netrc credentials, whatever the environment says.
        session.trust_env = False
    start = time.monotonic()
    report.rounds += 1
    with independent_draws():
        for api in apis:
            _run_api(api, options, report, session, progress, deadline, clock, build)
    report.duration += time.monotonic() - start
    report.retries += session.retries
    report.waited += session.waited
    return report


def _run_api(
    api: Api,
    options: CheckOptions,
    report: Report,
    session: requests.Session,
    progress: Progress,
    deadline: float | None,
    clock: Callable[[], float],
    build: Callable[[Api, CheckOptions], list[Driver]],
) -> None:
    for driver in build(api, options):
        name = driver.label
        start_coverage(driver, report)
        report.phases_run.setdefault(name, [])
        for phase in options.phases:
            if deadline is not None and clock() >= deadline:
                break
            progress.on_phase(name, phase)
            report.phases_run[name].append(phase)
            driver.start_phase(phase)
            if phase == "stateful":
                run_scenarios(driver, options, report, session, progress)
            else:
                run_phase(driver, phase, options, report, session, progress)


@contextmanager
def independent_draws() -> Iterator[None]:
    """Hypothesis draws, now and then, constants found in the local modules loaded so far, so a
    run's draws would change with the vendor packages installed and loaded. The server under test
    is none of those modules: during a run no local constant is drawn, so the same seed gives the
    same run whatever else is installed. (Hypothesis internals: when they move, the draws fall back
    to depending on the loaded modules, and `test_same_seed_whatever_is_loaded` says so.)"""
    try:
        from hypothesis.internal.conjecture import providers
        from hypothesis.internal.constants_ast import Constants

        original = providers._get_local_constants
        cache = providers.CONSTANTS_CACHE
        empty = Constants()
    except (ImportError, AttributeError):  # pragma: no cover - a Hypothesis that moved them
        yield
        return
    providers._get_local_constants = lambda: empty
    cache.cache.clear()
    try:
        yield
    finally:
        providers._get_local_constants = original
        cache.cache.clear()


__all__ = [  # what the commands, reports and tests use from the run, wherever it is defined
    "NEGATIVE_PHASES",
    "PHASES",
    "CheckOptions",
    "Finding",
    "Progress",
    "Report",
    "Tally",
    "is_loopback",
    "iter_failing_checks",
    "probes_per_second",
    "run_checks",
]
