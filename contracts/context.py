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
from .rooms import ChecksRoom, RulesRoom, StrategiesRoom
from .rules import Expectation, expected_by_rules
from .samples import Sample
from .specs import Spec

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
    tags: Iterator[int]  # a counter for the names and keys that must be unique
    first_tag: int = 0

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
        return cls(api, spec, room, api.rules(), api.strategies(), schema, operation,
                   room.credentials(token), params, itertools.count(start), start)  # fmt: skip

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
        return self.operation.Case(
            body=sample.body,
            query=dict(sample.query),
            headers=headers,
            path_parameters=dict(self.path_parameters),
            media_type=media_type,
        )
