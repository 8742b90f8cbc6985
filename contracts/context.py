"""The run context: the options of a run, and per API what the phases need (its spec and
schemathesis operation, its rooms, its credentials and path parameters, a counter for unique
names)."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import schemathesis
from hypothesis.database import ExampleDatabase

from .api import Api
from .errors import VendorError
from .exchange import HttpRequest
from .rooms import ChecksRoom, RulesRoom, StrategiesRoom
from .rules import Expectation, expected_by_rules
from .samples import Sample
from .specs import Spec
from .violations import Violation

PHASES = ("examples", "positive", "negative", "valid", "boundary", "invalid", "stateful")
NEGATIVE_PHASES = frozenset({"negative", "invalid"})  # what a live run leaves out unless asked
TAGS_PER_PHASE = 10**5  # unique names a phase may use before running into the next phase's


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
    rate_limit_auto: bool = False  # also follow the server's X-Ratelimit-* headers
    database: ExampleDatabase | None = None  # Hypothesis' example database (fuzzing)
    path_parameters: dict[str, str] = field(default_factory=dict)


@dataclass
class Driver:
    """What the runner needs about one operation of an API: its spec, operation, rooms and
    credentials. An API of one operation (every built-in one) has one driver, labelled by the
    API's name; an API of several (a spec read as the whole contract) has one per operation,
    labelled `<api>.<operationId>` in reports."""

    api: Api
    spec: Spec
    room: ChecksRoom  # how to drive the API (contracts.rooms)
    rules: RulesRoom
    strategies: StrategiesRoom | None
    schema: Any  # schemathesis schema
    operation: Any  # schemathesis APIOperation
    credentials: dict[str, str]
    path_parameters: dict[str, str]
    tags: Iterator[int]  # a counter for the names and keys that must be unique
    first_tag: int = 0
    label: str = ""  # the name the run reports under (default: the API's)
    credential_query: dict[str, str] = field(default_factory=dict)  # apiKey `in: query`
    # The last answer's request as the rules read it, and what they found: the verdict and the
    # coverage count both read each request sent (contracts.verdicts.read_sent), once is enough.
    last_read: tuple[Any, HttpRequest, tuple[Violation, ...]] | None = field(
        default=None, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        self.label = self.label or self.api.name

    def next_tag(self) -> int:
        return next(self.tags)

    def expectation(self, sample: Sample) -> Expectation:
        """What the service does with a sample: the room's say, else the rule book's."""
        if self.room.expectation is not None:
            return self.room.expectation(sample)
        return expected_by_rules(self.rules.book, sample)

    @classmethod
    def build(cls, api: Api, options: CheckOptions) -> Driver:
        """The driver of an API of one operation."""
        (driver,) = cls.build_all(api, options)
        return driver

    @classmethod
    def build_all(cls, api: Api, options: CheckOptions) -> list[Driver]:
        """One driver per operation of the API's (default edition's) spec, in spec order."""
        room = api.checks()
        if room is None:
            raise VendorError(f"{api.name} has no checks.py: `contracts check` cannot drive it")
        spec = api.spec()
        if spec.cites_pointers:  # read and bundled by contracts.spec_loading: use that reading
            schema = schemathesis.openapi.from_dict(dict(spec.document))
        else:
            schema = schemathesis.openapi.from_path(str(spec.path))
        operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
        token = options.tokens.get(api.name, "")
        params = {**room.path_parameters, **options.path_parameters}
        # Against our mock a run starts from a fresh state: tags from 0 (same seed, same run). A
        # live account keeps what earlier runs created: tags from the clock, so keys stay new.
        start = int(time.time() * 1000) if options.live else options.seed * 10**6
        strategies = api.strategies()
        drivers = []
        for index, operation in enumerate(operations):
            own = strategies
            if strategies is not None and strategies.for_operation is not None:
                own = strategies.for_operation(_operation_id(spec, operation))
            label = api.name
            if len(operations) > 1:
                label = f"{api.name}.{_operation_id(spec, operation)}"
            # Each operation, and each phase of it, draws its tags from a range of its own.
            first = start + index * len(PHASES) * TAGS_PER_PHASE
            driver = cls(api, spec, room, api.rules(), own, schema, operation,
                         room.credentials(token), params, itertools.count(first), first, label,
                         room.query_credentials(token))  # fmt: skip
            drivers.append(driver)
        return drivers

    def start_phase(self, phase: str) -> None:
        """Each phase draws its tags from its own range, so a phase sends the same names whether
        it runs after the others or alone in a worker process (`--workers`)."""
        self.tags = itertools.count(self.first_tag + PHASES.index(phase) * TAGS_PER_PHASE)

    def case_for(self, sample: Sample, credentials: bool = True) -> Any:
        """A schemathesis Case carrying one of our samples (and our credentials, unless the
        sample brings broken ones of its own)."""
        media_type = sample.headers.get("Content-Type") or self.room.media_type(sample)
        if sample.breaks in self.room.auth_rules or not credentials:
            headers = dict(sample.headers)  # the sample's own (broken) credentials, not ours
        else:
            headers = {**sample.headers, **self.credentials}
        query = dict(sample.query)
        if credentials and sample.breaks not in self.room.auth_rules:
            query.update(self.credential_query)
        return self.operation.Case(
            body=sample.body,
            query=query,
            headers=headers,
            path_parameters=dict(self.path_parameters),
            media_type=media_type,
        )


def _operation_id(spec: Spec, operation: Any) -> str:
    """The spec's operationId of a schemathesis operation (its label when the spec has none)."""
    for candidate in spec.operations():
        if candidate.method == operation.method.lower() and candidate.path == operation.path:
            return candidate.operation_id
    return str(operation.label)
