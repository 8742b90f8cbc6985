"""Running the checks: schemathesis' generation and ours, against the embedded mock or a live URL.

For each API a run goes through phases. Each phase is a Hypothesis test over a strategy of probes
(a request and what the contract expects of its answer); every answer goes through the response
checks of `contracts.checks` one by one, so each finding is attributed to its check:

    examples   the spec's own examples (from the pages)                must be accepted
    positive   schemathesis' schema-valid requests                     accepted; auth enforced
    negative   schemathesis' schema-violating requests                 refused, where the API does
    valid      our strategies' valid payloads (every event type, ...)  accepted
    boundary   every limit at and one past it, every enum value        as the contract says
    invalid    payloads breaking exactly one named rule                refused, where the API does
    stateful   scenarios: a duplicate after a create, a retry          the documented refusal

Whether a schemathesis request is valid is not left to the schema alone: the API's rules judge the
request as sent (`contract_verdict`), so a schema-valid request that breaks a rule beyond the
schema is expected to be refused. A failing probe is shrunk by Hypothesis to a minimal one before
it is reported (not in live mode), and the phase runs again to look for other distinct failures.
Same seed, same run.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import hypothesis
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from hypothesis.database import ExampleDatabase
from hypothesis.errors import Flaky
from schemathesis import GenerationMode
from schemathesis.core.failures import Failure, FailureGroup

from . import checks as contract_checks
from .api import Api
from .checks import Scenario
from .errors import UnreachableError, VendorError
from .exchange import HttpRequest
from .rooms import ChecksRoom, RulesRoom, StrategiesRoom
from .rules import Expectation, expected_by_rules
from .samples import Sample
from .specs import Spec

PHASES = ("examples", "positive", "negative", "valid", "boundary", "invalid", "stateful")
NEGATIVE_PHASES = frozenset({"negative", "invalid"})
MAX_DISTINCT_FAILURES = 5  # per phase: past that, a phase reports and moves on
SECRET_HEADERS = ("authorization", "x-cap-api-oauth-token", "cookie", "x-api-key")


@dataclass(frozen=True)
class CheckOptions:
    base_url: str
    tokens: dict[str, str]  # per API name
    max_examples: int = 25
    seed: int = 0
    phases: tuple[str, ...] = PHASES
    live: bool = False
    shrink: bool = True
    rate_limit: float | None = None  # requests per second, for live servers
    database: ExampleDatabase | None = None  # Hypothesis' example database (fuzzing)
    path_parameters: dict[str, str] = field(default_factory=dict)


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


@dataclass(frozen=True)
class Probe:
    """A request to send and what the contract expects of its answer."""

    case: Any  # a schemathesis Case
    expectation: Expectation = None
    note: str = ""
    generated: bool = False  # made by schemathesis (sent with case.call) rather than by us
    negative: bool = False
    # The body before `room.unique` gave its names and keys a fresh tag; re-tagged at each send,
    # since Hypothesis may send the same probe again (replaying, shrinking).
    untagged: Any = None
    retag: bool = False


class _NewFailure(Exception):
    """Raised inside a phase so that Hypothesis shrinks the probe that found a new failure."""


class RateLimiter:
    def __init__(self, per_second: float | None) -> None:
        self.interval = 1.0 / per_second if per_second else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            delay = self._next - now
            self._next = max(now, self._next) + self.interval
        if delay > 0:
            time.sleep(delay)


class LimitedSession(requests.Session):
    """A requests session that keeps to the rate limit (schemathesis sends through it too)."""

    def __init__(self, limiter: RateLimiter) -> None:
        super().__init__()
        self.limiter = limiter

    def request(self, *args: Any, **kwargs: Any) -> requests.Response:
        self.limiter.wait()
        return super().request(*args, **kwargs)


def curl_for(request: requests.PreparedRequest) -> str:
    """The request as a curl command, credentials filtered."""
    import shlex

    parts = ["curl", "-X", str(request.method)]
    for name, value in request.headers.items():
        if name.lower() in (
            "content-length",
            "accept-encoding",
            "connection",
            "accept",
            "x-schemathesis-testcaseid",
        ):  # random: same seed, same text
            continue
        shown = "[Filtered]" if name.lower() in SECRET_HEADERS else str(value)
        parts += ["-H", f"{name}: {shown}"]
    body = request.body
    if isinstance(body, (bytes, str)) and body:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        if len(text) > 2000:
            text = text[:2000] + "...(cut)"
        parts += ["--data-raw", text]
    parts.append(str(request.url))
    return " ".join(shlex.quote(part) for part in parts)


@dataclass
class Driver:
    """What the runner needs about one API: its spec, operation, room and credentials."""

    api: Api
    spec: Spec
    room: ChecksRoom  # how to drive the API (contracts.rooms)
    rules: RulesRoom
    strategies: StrategiesRoom | None
    schema: Any  # schemathesis schema
    operation: Any  # schemathesis APIOperation (every spec here has one operation)
    credentials: dict[str, str]
    path_parameters: dict[str, str]
    tags: Iterator[int]  # a run-wide counter for the names and keys that must be unique

    def next_tag(self) -> int:
        return next(self.tags)

    def expectation(self, sample: Sample) -> Expectation:
        """What the service does with a sample: the room's say, else the rule book's."""
        if self.room.expectation is not None:
            return self.room.expectation(sample)
        return expected_by_rules(self.rules.book, sample)

    @classmethod
    def build(cls, api: Api, options: CheckOptions) -> Driver:
        room = api.checks()
        if room is None:
            raise VendorError(f"{api.name} has no checks.py: `contracts check` cannot drive it")
        spec = api.spec()
        schema = schemathesis.openapi.from_path(str(spec.path))
        (operation,) = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
        token = options.tokens.get(api.name, "")
        params = {**room.path_parameters, **options.path_parameters}
        # Against our mock a run starts from a fresh state: tags from 0 (same seed, same run). A
        # live account keeps what earlier runs created: tags from the clock, so keys stay new.
        start = int(time.time() * 1000) if options.live else options.seed * 10**6
        tags = itertools.count(start)
        return cls(api, spec, room, api.rules(), api.strategies(), schema, operation,
                   room.credentials(token), params, tags)  # fmt: skip

    def case_for(self, sample: Sample, credentials: bool = True) -> Any:
        """A schemathesis Case carrying one of our samples (and our credentials, unless the
        sample brings broken ones of its own)."""
        media_type = sample.headers.get("Content-Type") or self.room.media_type(sample)
        if sample.breaks in self.room.auth_rules or not credentials:
            headers = dict(sample.headers)  # the sample's own (broken) credentials, not ours
        else:
            headers = {**sample.headers, **self.credentials}
        return self.operation.Case(
            body=sample.body,
            query=dict(sample.query),
            headers=headers,
            path_parameters=dict(self.path_parameters),
            media_type=media_type,
        )


def _send(driver: Driver, probe: Probe, base_url: str, session: requests.Session) -> Any:
    case = probe.case
    if probe.retag:
        case.body = driver.room.unique(probe.untagged, driver.next_tag())
    if probe.generated:
        return case.call(base_url=base_url, session=session, headers=driver.credentials)
    path = driver.operation.path
    for name, value in (case.path_parameters or {}).items():
        path = path.replace("{" + name + "}", str(value))
    body = case.body
    if isinstance(body, str):
        data: bytes | None = body.encode("utf-8")
    elif isinstance(body, bytes):
        data = body
    elif body is None:
        data = None
    else:
        data = json.dumps(body).encode("utf-8")
    headers = dict(case.headers or {})
    headers.setdefault("Content-Type", case.media_type or "application/json")
    return session.request(
        driver.operation.method.upper(),
        base_url.rstrip("/") + path,
        params=case.query,
        headers=headers,
        data=data,
        timeout=30,
    )


def _sent_request(response: requests.Response) -> HttpRequest:
    """What actually went over the wire, as the rules read requests."""
    request = response.request
    url = urlsplit(str(request.url))
    body = request.body or b""
    headers = {
        name.lower(): value.decode("latin-1") if isinstance(value, bytes) else value
        for name, value in request.headers.items()
    }
    return HttpRequest(
        str(request.method),
        url.path,
        parse_qs(url.query, keep_blank_values=True),
        headers,
        body.encode("utf-8") if isinstance(body, str) else body,  # type: ignore[arg-type]
    )


def _lacks_credentials(spec: Spec, request: HttpRequest) -> bool:
    """Whether the spec requires credentials and the request carries none of the alternatives."""
    schemes = spec.document.get("components", {}).get("securitySchemes", {})
    requirements = spec.document.get("security") or [
        requirement
        for operation in spec.operations()
        for requirement in operation.definition.get("security", [])
    ]
    headers = set()
    for requirement in requirements:
        for name in requirement:
            scheme = schemes.get(name, {})
            headers.add(
                scheme["name"].lower() if scheme.get("type") == "apiKey" else "authorization"
            )
    return bool(headers) and not any(request.header(header) for header in headers)


def contract_verdict(driver: Driver, response: requests.Response) -> tuple[Expectation, str]:
    """What the contract (the spec and the rules beyond it) says of the request sent: accepted,
    refused, and why. schemathesis knows only the spec; the rules know more (a name may not be
    empty, an unexposition cause needs the reference variation, ...), and each API says which
    of its findings its service refuses."""
    sent = _sent_request(response)
    if _lacks_credentials(driver.spec, sent):
        return "refuse", "no credentials, and the operation requires them"
    found = driver.rules.check_request(sent, None)
    for violation in found:
        if driver.expectation(Sample(None, violation.rule)) == "refuse":
            return "refuse", str(violation)
    if found:
        return "accept", f"the service accepts it despite {found[0]}"
    return "accept", "no rule of the contract is broken"


def _checks_for(
    driver: Driver, probe: Probe, response: requests.Response
) -> dict[str, Callable[..., Any]]:
    chosen: dict[str, Callable[..., Any]] = dict(contract_checks.RESPONSE_CHECKS)
    conflict = driver.room.state_conflict
    if probe.generated:
        verdict, why = contract_verdict(driver, response)
        if verdict == "accept" and not probe.negative:
            for name, positive_check in contract_checks.POSITIVE_CHECKS.items():
                chosen[name] = contract_checks.unless(conflict, positive_check)
        elif verdict == "accept":  # schema-violating on paper, but not in what the API checks
            chosen["positive_data_accepted"] = contract_checks.expected_outcome(
                "accept", why, conflict
            )
        elif verdict == "refuse" and probe.negative:
            chosen.update(contract_checks.NEGATIVE_CHECKS)
        elif verdict == "refuse":  # schema-valid, but a rule beyond the schema refuses it
            chosen["negative_data_rejected"] = contract_checks.expected_outcome(
                "refuse", why, conflict
            )
    if probe.expectation is not None:
        chosen["expected_outcome"] = contract_checks.expected_outcome(
            probe.expectation, probe.note, conflict
        )
    return chosen


class NoAnswerFailure(Failure):
    """The server closed the connection, or never answered."""

    code = "ST903"
    kind_title = "No answer"


@dataclass(frozen=True)
class NoAnswer:
    """Stands in for the response of a request that got none."""

    request: requests.PreparedRequest
    error: str
    status_code: None = None


def check_probe(
    driver: Driver, probe: Probe, base_url: str, session: requests.Session
) -> tuple[Any, dict[str, Failure | None]]:
    """Send a probe and run each check on its answer: the response and each check's failure."""
    try:
        response = _send(driver, probe, base_url, session)
    except requests.RequestException as error:  # a dropped connection is a server fault too
        failure = NoAnswerFailure(
            operation=driver.operation.label, message=f"{type(error).__name__}: {error}"
        )
        request = error.request or requests.Request("POST", base_url).prepare()
        return NoAnswer(request, str(error)), {"not_a_server_error": failure}  # type: ignore[arg-type]
    results: dict[str, Failure | None] = {}
    for name, check in _checks_for(driver, probe, response).items():
        try:
            probe.case.validate_response(response, checks=[check], headers=driver.credentials)
            results[name] = None
        except FailureGroup as group:
            results[name] = group.exceptions[0]
    return response, results


def _signature(check: str, title: str, status: int | None) -> str:
    """What makes two failures the same one: the check, its title and the status answered."""
    return f"{check}|{title}|{status}"


# -- the phases' strategies ---------------------------------------------------------------------


def _spec_examples(driver: Driver) -> list[Probe]:
    probes = []
    for example in driver.spec.examples():
        if example.where != "request":
            continue
        sample = Sample(
            example.value,
            query=driver.room.example_query(example.media_type),
            headers={"Content-Type": example.media_type},
        )
        note = f"the page's example {example.name}"
        case = driver.case_for(sample)
        probes.append(Probe(case, "accept", note, untagged=example.value, retag=True))
    return probes


def sample_probe(driver: Driver, sample: Sample) -> Probe:
    """One of our samples as a probe, expecting what the API's service does with it."""
    expectation = driver.expectation(sample)
    note = sample.note or (f"breaks {sample.breaks}" if sample.breaks else "valid payload")
    case = driver.case_for(sample)
    return Probe(case, expectation, note, negative=not sample.valid, untagged=sample.body,
                 retag=True)  # fmt: skip


def _sample_probes(
    driver: Driver, samples: st.SearchStrategy[Sample], phase: str
) -> st.SearchStrategy[Probe]:
    return samples.map(lambda sample: sample_probe(driver, sample))


def listed_boundaries(driver: Driver) -> list[Probe]:
    """Every boundary sample, where the API's strategies can list them (`all_boundary_samples`):
    each is sent, whatever the budget, so that a fault past one limit is not left to chance."""
    strategies = driver.strategies
    listing = strategies.all_boundary_samples() if strategies is not None else []
    return [sample_probe(driver, sample) for sample in listing]


def _generated_probes(driver: Driver, negative: bool) -> st.SearchStrategy[Probe]:
    mode = GenerationMode.NEGATIVE if negative else GenerationMode.POSITIVE
    strategy = driver.operation.as_strategy(
        generation_mode=mode, path_parameters=dict(driver.path_parameters) or None
    )

    def probe(case: Any) -> Probe:
        driver.room.align_case(case)
        return Probe(case, None, "schemathesis-generated", generated=True, negative=negative,
                     untagged=case.body, retag=not negative)  # fmt: skip

    mapped: st.SearchStrategy[Probe] = strategy.map(probe)
    return mapped


def phase_strategy(driver: Driver, phase: str) -> st.SearchStrategy[Probe] | None:
    strategies = driver.strategies
    if phase == "positive":
        return _generated_probes(driver, negative=False)
    if phase == "negative":
        return _generated_probes(driver, negative=True)
    if strategies is None:
        return None
    functions = {
        "valid": strategies.valid_samples,
        "boundary": strategies.boundary_samples,
        "invalid": strategies.invalid_samples,
    }
    if phase not in functions:
        return None
    return _sample_probes(driver, functions[phase](), phase)


# -- running --------------------------------------------------------------------------------


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
        pages = _spec_examples(driver)
        runs = [(phase, st.sampled_from(pages), len(pages))] if pages else []
    elif phase == "invalid" and _invalid_kinds(driver):
        kinds = _invalid_kinds(driver)
        each = max(1, -(-options.max_examples // len(kinds)))  # ceiling: the budget, shared
        runs = [
            (f"{phase}/{kind}", _sample_probes(driver, strategy, phase), each)
            for kind, strategy in sorted(kinds.items())
        ]
    else:
        strategy = phase_strategy(driver, phase)
        runs = [(phase, strategy, options.max_examples)] if strategy is not None else []
    explicit = listed_boundaries(driver) if phase == "boundary" else []
    for label, probes, budget in runs:
        _run_hypothesis(driver, phase, label, probes, budget, explicit, options, report,
                        session, progress)  # fmt: skip


def _invalid_kinds(driver: Driver) -> dict[str, st.SearchStrategy[Sample]]:
    strategies = driver.strategies
    return dict(strategies.invalid_sample_kinds()) if strategies is not None else {}


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
    api = driver.api.name
    known = report.known  # a failure found in an earlier round is counted, not reported again
    last: dict[str, list[Finding]] = {}  # the new failures of the last failing probe

    def test(probe: Probe) -> None:
        response, results = check_probe(driver, probe, options.base_url, session)
        report.probes[api] = report.probes.get(api, 0) + 1
        report.count(api, results)
        fresh = []
        for name, failure in results.items():
            if failure is None:
                continue
            signature = _signature(f"{api}/{phase}/{name}", failure.title, response.status_code)
            if signature not in known:
                fresh.append(
                    Finding(api, phase, name, failure.title, failure.message,
                            curl_for(response.request), response.status_code, probe.note)
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
    known.add(_signature(check, finding.title, finding.status))
    report.findings.append(finding)
    progress.on_finding(finding)


def run_scenarios(
    driver: Driver,
    options: CheckOptions,
    report: Report,
    session: requests.Session,
    progress: Progress,
) -> None:
    api = driver.api.name
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
                finding = Finding(
                    api, "stateful", "stateful", f"{scenario.name}: {step.note or 'step'} failed",
                    f"step {index + 1} ({step.note}) {problem}", curl_for(response.request),
                    response.status_code, scenario.name,
                )  # fmt: skip
                signature = _signature(f"{api}/stateful/stateful", finding.title, finding.status)
                if signature not in report.known:
                    _record(report, report.known, finding, progress)
            report.count(api, results)


def run_checks(
    apis: list[Api],
    options: CheckOptions,
    progress: Progress | None = None,
    report: Report | None = None,
    deadline: float | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Report:
    """Run every phase for every API against `options.base_url`.

    `report` accumulates rounds (fuzzing); `deadline` (on `clock`) stops before a phase that would
    start after it.
    """
    progress = progress or Progress()
    report = report or Report(options.base_url, options.seed, options.live)
    try:
        requests.get(options.base_url, timeout=10)  # any answer will do: is anybody there?
    except requests.RequestException as error:
        raise UnreachableError(f"cannot reach {options.base_url}: {type(error).__name__}") from None
    session = LimitedSession(RateLimiter(options.rate_limit))
    session.headers["User-Agent"] = "contracts-check/0.1"
    start = time.monotonic()
    report.rounds += 1
    with independent_draws():
        for api in apis:
            _run_api(api, options, report, session, progress, deadline, clock)
    report.duration += time.monotonic() - start
    return report


def _run_api(
    api: Api,
    options: CheckOptions,
    report: Report,
    session: requests.Session,
    progress: Progress,
    deadline: float | None,
    clock: Callable[[], float],
) -> None:
    driver = Driver.build(api, options)
    report.phases_run.setdefault(api.name, [])
    for phase in options.phases:
        if deadline is not None and clock() >= deadline:
            break
        progress.on_phase(api.name, phase)
        report.phases_run[api.name].append(phase)
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


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")


def probes_per_second(report: Report) -> float:
    return report.total_probes / report.duration if report.duration else 0.0


def iter_failing_checks(report: Report) -> Iterator[tuple[str, str, Tally]]:
    for (api, check), tally in sorted(report.tallies.items()):
        if tally.failed:
            yield api, check, tally
