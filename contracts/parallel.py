"""`--workers N`: a run split into units, one API's phase each, sent from worker processes.

Each unit is the same Hypothesis run it is in a single process (same seed, same tags: each phase
draws its unique names from its own range), so the findings are the same whatever the number of
workers; the parts are merged in the order a single process would have run them. The server (the
embedded mock, or --url) is shared: units of different APIs touch different state, and run side by
side; the phases of one API run one after the other, in the single-process order, since a phase
may meet what the earlier ones left in the server (a context kind created, a key taken), and so
its answers, and the coverage counted from them, would change were it to run sooner.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Collection, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from .api import Api
from .context import CheckOptions, Driver
from .registry import get_api
from .results import Report
from .runner import Progress, run_checks

# How long each phase takes, roughly, relative to the others (measured on the embedded mocks, at
# the default budget): a free worker takes up the API with the most left to run, so that the
# longest chain of phases does not start last.
PHASE_WEIGHT = {"positive": 4.0, "negative": 3.0, "boundary": 2.0, "invalid": 1.5,
                "valid": 1.5, "examples": 0.1, "stateful": 0.1}  # fmt: skip


def next_api(left: Mapping[str, Sequence[str]], busy: Collection[str]) -> str | None:
    """The API whose next phase a free worker starts: of those with phases left and none running
    (an API's phases run one after the other), the one with the most work left (the first of
    equals, in the run's order); None when there is none."""
    ready = [api for api, phases in left.items() if phases and api not in busy]
    if not ready:
        return None
    return max(ready, key=lambda api: sum(PHASE_WEIGHT.get(phase, 1.0) for phase in left[api]))


def worker_count(text: str) -> int:
    """`auto` (the machine's cores) or a positive number."""
    if text == "auto":
        return os.cpu_count() or 1
    count = int(text)
    if count < 1:
        raise ValueError("--workers: at least 1")
    return count


def _unit(api_name: str, options: CheckOptions, db: str | None, deadline: float | None) -> Report:
    """One API's phase, in a worker process (its own example database connection)."""
    if db is not None:
        from .fuzzing import open_database

        options = dataclasses.replace(options, database=open_database(db))
    wall = (lambda: time.time()) if deadline is not None else time.monotonic
    return run_checks([get_api(api_name)], options, deadline=deadline, clock=wall, build=_drivers)


_built: dict[str, list[Driver]] = {}  # per worker process: the drivers of the run, per API
_built_for: list[tuple[object, ...]] = []  # the run they belong to


def _drivers(api: Api, options: CheckOptions) -> list[Driver]:
    """The drivers of an API, built once per worker process and run: a later phase of the API in
    the same process uses them again, as a single process does, and schemathesis keeps what it
    worked out about the operation (its strategies) instead of starting over at every phase. A
    live run builds them anew: its unique names start from the clock."""
    if options.live:
        return Driver.build_all(api, options)
    run = (options.base_url, options.seed, tuple(sorted(options.tokens.items())),
           tuple(sorted(options.path_parameters.items())))  # fmt: skip
    if _built_for != [run]:  # another run (a fuzzing round's new seed): start afresh
        _built.clear()
        _built_for[:] = [run]
    if api.name not in _built:
        _built[api.name] = Driver.build_all(api, options)
    return _built[api.name]


def run_parallel(
    apis: list[Api],
    options: CheckOptions,
    workers: int,
    progress: Progress | None = None,
    report: Report | None = None,
    db: str | None = None,
    deadline: float | None = None,
) -> Report:
    """Every phase of every API over `workers` processes; one merged report. `deadline` is wall
    clock time (time.time()), shared by the processes."""
    progress = progress or Progress()
    report = report or Report(options.base_url, options.seed, options.live)
    names = [api.name for api in apis]
    order = [(api, phase) for api in names for phase in options.phases]  # one process's
    left = {api: deque(options.phases) for api in names}  # per API, the phases not started
    base = dataclasses.replace(options, database=None)
    started = time.monotonic()
    context = multiprocessing.get_context("spawn")  # no server threads copied into workers
    done: dict[tuple[str, str], Report] = {}
    merged = 0
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        running: dict[Future[Report], tuple[str, str]] = {}

        def start_next() -> None:
            api = next_api(left, {api for api, _ in running.values()})
            if api is None:
                return
            phase = left[api].popleft()
            unit = dataclasses.replace(base, phases=(phase,))
            running[pool.submit(_unit, api, unit, db, deadline)] = (api, phase)

        for _ in range(workers):
            start_next()
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                done[running.pop(future)] = future.result()
            while len(running) < workers and any(left.values()):
                before = len(running)
                start_next()
                if len(running) == before:  # every API with phases left has one running
                    break
            while merged < len(order) and order[merged] in done:  # in one process's order
                api, phase = order[merged]
                _merge(report, done.pop(order[merged]), api, phase, progress)
                merged += 1
    report.rounds += 1
    report.duration += time.monotonic() - started
    return report


def _merge(report: Report, part: Report, api: str, phase: str, progress: Progress) -> None:
    progress.on_phase(api, phase)
    before = len(report.findings)
    report.merge(part)
    for finding in report.findings[before:]:
        progress.on_finding(finding)
    progress.on_probe(api, phase, report.probes.get(api, 0), len(report.findings))
