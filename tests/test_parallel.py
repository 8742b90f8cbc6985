"""`--workers N` (contracts.parallel): the same findings, with the same minimal requests, as one
process, for a given seed, on the planted-fault servers of tests/broken_servers.py."""

from __future__ import annotations

import os
import re
from collections import deque
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contracts.cli import _Plan, _workers
from contracts.context import PHASES
from contracts.parallel import next_api, run_parallel, worker_count
from contracts.registry import get_api
from contracts.results import Report
from contracts.runner import CheckOptions, run_checks
from tests.broken_servers import TOKEN, broken_server, group_id_as_string, teapot_for_descriptions


def findings(report: Report, url: str) -> list[tuple[str, str, str, str]]:
    return [
        (f.phase, f.check, f.title, re.sub(r"X-Schemathesis-TestCaseId: \w+", "",
                                           f.curl.replace(url, "URL")))
        for f in report.findings
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("api", "fault", "phases"),
    [
        ("capillary", group_id_as_string, ("examples", "positive", "boundary")),
        ("kameleoon-automation", teapot_for_descriptions, ("positive", "valid", "stateful")),
    ],
    ids=["capillary-id-as-string", "key-moments-teapot"],
)
def test_two_workers_find_what_one_finds(api: str, fault: object, phases: tuple[str, ...]) -> None:
    runs = []
    for workers in (1, 2):
        with broken_server(api, fault) as server:  # type: ignore[arg-type]
            options = CheckOptions(base_url=server.url, tokens={api: TOKEN}, max_examples=8,
                                   seed=4, phases=phases)  # fmt: skip
            if workers == 1:
                report = run_checks([get_api(api)], options)
            else:
                report = run_parallel([get_api(api)], options, workers)
            tallies = sorted((k, t.passed, t.failed) for k, t in report.tallies.items())
            coverage = {api: c.to_dict() for api, c in report.coverage.items()}
            runs.append((findings(report, server.url), report.total_probes, tallies, coverage))
    assert runs[0][0], "the planted fault is found"
    assert runs[1] == runs[0]


def test_worker_count() -> None:
    assert worker_count("3") == 3 and worker_count("auto") >= 1
    with pytest.raises(ValueError):
        worker_count("0")


@given(
    apis=st.integers(1, 5),
    workers=st.integers(1, 4),
    durations=st.lists(st.integers(1, 30), min_size=5 * len(PHASES), max_size=5 * len(PHASES)),
)
def test_the_phases_of_an_api_run_in_order_one_at_a_time(
    apis: int, workers: int, durations: list[int]
) -> None:
    """The schedule `run_parallel` follows, simulated with any unit durations: an API's phases
    start one after the other in the single-process order, each once the one before it ended (a
    phase may meet what the earlier ones left in the server), and a worker is never left idle
    while an API with no phase running has phases left."""
    names = [f"api{i}" for i in range(apis)]
    left = {name: deque(PHASES) for name in names}
    took = {(name, phase): durations[i * len(PHASES) + j]
            for i, name in enumerate(names) for j, phase in enumerate(PHASES)}  # fmt: skip
    running: dict[tuple[str, str], int] = {}  # unit -> when it ends
    started: list[tuple[str, str, int]] = []
    ended: dict[tuple[str, str], int] = {}
    now = 0
    while running or any(left.values()):
        while len(running) < workers:
            api = next_api(left, {name for name, _ in running})
            if api is None:
                break
            phase = left[api].popleft()
            running[(api, phase)] = now + took[(api, phase)]
            started.append((api, phase, now))
        idle_apis = [n for n in names if left[n] and n not in {a for a, _ in running}]
        assert len(running) == workers or not idle_apis
        unit = min(running, key=lambda u: (running[u], u))
        now = running.pop(unit)
        ended[unit] = now
    for name in names:
        mine = [(phase, at) for api, phase, at in started if api == name]
        assert [phase for phase, _ in mine] == list(PHASES)
        for (before, _), (_, at) in pairwise(mine):
            assert ended[(name, before)] <= at


def _plan(apis: int, live: bool = False, from_spec: bool = False) -> _Plan:
    return _Plan([get_api("launchdarkly")] * apis, {}, {}, live, None, False, PHASES, from_spec)


def test_check_runs_a_worker_per_core_by_default_but_no_more_than_apis() -> None:
    cores = os.cpu_count() or 1
    assert _workers(None, _plan(4), default="auto") == min(cores, 4)
    assert _workers(None, _plan(1), default="auto") == 1  # an API's phases run in turn
    assert _workers("3", _plan(2)) == 2
    # A live vendor keeps one process's rate limit; a spec file is not in the registry.
    assert _workers(None, _plan(4, live=True), default="auto") == 1
    assert _workers(None, _plan(1, from_spec=True), default="auto") == 1
    assert _workers(None, _plan(4)) == 1  # fuzz: one process unless asked
