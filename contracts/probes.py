"""The probes of each phase: a request to send (a schemathesis Case) and what the contract expects
of its answer, from the spec's examples, schemathesis' generation, and the vendor's strategies."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st
from schemathesis import GenerationMode

from . import boundaries
from .context import Driver
from .offline import request_of
from .rules import Expectation
from .samples import Sample


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
    breaks: str | None = None  # the rule our sample breaks on purpose (a state rule, say)


def spec_examples(driver: Driver) -> list[Probe]:
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
                 retag=True, breaks=sample.breaks)  # fmt: skip


def sample_probes(
    driver: Driver, samples: st.SearchStrategy[Sample], phase: str
) -> st.SearchStrategy[Probe]:
    return samples.map(lambda sample: sample_probe(driver, sample))


def example_samples(driver: Driver) -> list[Sample]:
    """The spec's example requests as samples (with the query each media type goes with)."""
    return [
        Sample(
            example.value,
            query=driver.room.example_query(example.media_type),
            headers={"Content-Type": example.media_type},
        )
        for example in driver.spec.examples()
        if example.where == "request"
    ]


def judged(driver: Driver, sample: Sample) -> Sample:
    """A sample naming the rule it breaks as the rule book reads the request it stands for: the
    first rule the service refuses it for, else the first warning, else none (valid)."""
    body = sample.body
    if not isinstance(body, bytes | str):
        body = json.dumps(body).encode("utf-8")
    headers = {**sample.headers, **driver.credentials}  # sent with the run's, as `case_for` does
    request = request_of(driver.api, dataclasses.replace(sample, body=body, headers=headers))
    found = driver.rules.check_request(request, None)
    refused = [v for v in found if driver.expectation(Sample(None, v.rule)) == "refuse"]
    if not found:
        return dataclasses.replace(sample, breaks=None)
    chosen = (refused or found)[0]
    return dataclasses.replace(sample, breaks=chosen.rule, field=chosen.field)


def spec_boundaries(driver: Driver) -> list[Sample]:
    """The spec's limits at and one past each, from its examples (`contracts.boundaries`), each
    judged by the rule book."""
    found = boundaries.boundaries(driver.spec, example_samples(driver))
    return [judged(driver, boundary.sample) for boundary in found]


def listed_samples(driver: Driver) -> list[Sample]:
    """Every boundary sample that can be listed: the API's own (`all_boundary_samples`) and those
    the spec's limits give (`spec_boundaries`)."""
    strategies = driver.strategies
    listing = strategies.all_boundary_samples() if strategies is not None else []
    return [*listing, *spec_boundaries(driver)]


def listed_boundaries(driver: Driver) -> list[Probe]:
    """`listed_samples` as probes: each is sent in every run, whatever the seed and budget, so that
    a fault at or past one limit is not left to chance."""
    return [sample_probe(driver, sample) for sample in listed_samples(driver)]


def generated_probes(driver: Driver, negative: bool) -> st.SearchStrategy[Probe]:
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
        return generated_probes(driver, negative=False)
    if phase == "negative":
        return generated_probes(driver, negative=True)
    if strategies is None:
        return None
    functions = {
        "valid": strategies.valid_samples,
        "boundary": strategies.boundary_samples,
        "invalid": strategies.invalid_samples,
    }
    if phase not in functions:
        return None
    return sample_probes(driver, functions[phase](), phase)


def invalid_kinds(driver: Driver) -> dict[str, st.SearchStrategy[Sample]]:
    strategies = driver.strategies
    return dict(strategies.invalid_sample_kinds()) if strategies is not None else {}
