"""`--workers N`: a run split into units, one API's phase each, sent from worker processes.

Each unit is the same Hypothesis run it is in a single process (same seed, same tags: each phase
draws its unique names from its own range), so the findings are the same whatever the number of
workers; the parts are merged in the order a single process would have run them. The server (the
embedded mock, or --url) is shared: units of different APIs touch different state, and units of
one API use disjoint names.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import time
from concurrent.futures import Future, ProcessPoolExecutor

from .api import Api
from .context import CheckOptions
from .registry import get_api
from .results import Report
from .runner import Progress, run_checks


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
    return run_checks([get_api(api_name)], options, deadline=deadline, clock=wall)


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
    units = [(api.name, phase) for api in apis for phase in options.phases]
    base = dataclasses.replace(options, database=None)
    started = time.monotonic()
    context = multiprocessing.get_context("spawn")  # no server threads copied into workers
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures: list[tuple[str, str, Future[Report]]] = [
            (api, phase, pool.submit(
                _unit, api, dataclasses.replace(base, phases=(phase,)), db, deadline))
            for api, phase in units
        ]  # fmt: skip
        for api, phase, future in futures:
            part = future.result()
            progress.on_phase(api, phase)
            before = len(report.findings)
            report.merge(part)
            for finding in report.findings[before:]:
                progress.on_finding(finding)
            progress.on_probe(api, phase, report.probes.get(api, 0), len(report.findings))
    report.rounds += 1
    report.duration += time.monotonic() - started
    return report
