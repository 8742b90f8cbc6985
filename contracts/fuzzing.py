"""Long fuzzing sessions: rounds of checks until time runs out, over a shared example database.

Hypothesis' example database holds the corpus: every failing request, shrunk, replayed first in
the next session (so a known fault is confirmed before anything new is tried). A directory by
default; `redis://host:port/db` shares one corpus between machines fuzzing the same APIs.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable
from pathlib import Path

from hypothesis.database import DirectoryBasedExampleDatabase, ExampleDatabase

from .api import Api
from .errors import InputError
from .runner import CheckOptions, Progress, Report, run_checks

DEFAULT_DATABASE = Path(".contracts") / "fuzz-db"
DURATION = re.compile(r"(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?")


def parse_duration(text: str) -> float:
    """Seconds in `90`, `90s`, `10m`, `2h`, `1h30m`; ValueError otherwise."""
    text = text.strip().lower()
    if text.replace(".", "", 1).isdigit():
        return float(text)
    match = DURATION.fullmatch(text)
    if not text or not match or not any(match.groups()):
        raise InputError(f"{text!r} is not a duration (examples: 90s, 10m, 2h, 1h30m)")
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    return float(hours * 3600 + minutes * 60 + seconds)


def open_database(where: str | None) -> ExampleDatabase:
    """The example database at a directory path or a redis:// URL."""
    if where and where.startswith(("redis://", "rediss://", "unix://")):
        try:
            import redis
            from hypothesis.extra.redis import RedisExampleDatabase
        except ImportError:
            raise InputError(
                "--db redis://... needs the redis client: pip install 'contracts[redis]'"
            ) from None
        return RedisExampleDatabase(redis.Redis.from_url(where), key_prefix=b"contracts-fuzz:")
    return DirectoryBasedExampleDatabase(str(Path(where) if where else DEFAULT_DATABASE))


def fuzz(
    apis: list[Api],
    options: CheckOptions,
    duration: float,
    progress: Progress | None = None,
    clock: Callable[[], float] = time.monotonic,
    workers: int = 1,
    db: str | None = None,
) -> Report:
    """Rounds of every phase with a new seed each, until `duration` seconds have passed or
    Ctrl-C; the findings of all rounds in one report (each distinct failure once). With several
    `workers`, each round's phases run in worker processes, each opening the database `db`."""
    deadline = clock() + duration
    report = Report(options.base_url, options.seed, options.live)
    round_number = 0
    try:
        while clock() < deadline:
            seeded = dataclasses.replace(options, seed=options.seed + round_number)
            if workers > 1:
                from .parallel import run_parallel

                wall_deadline = time.time() + (deadline - clock())
                run_parallel(apis, seeded, workers, progress, report, db, wall_deadline)
            else:
                run_checks(apis, seeded, progress, report, deadline, clock)
            round_number += 1
    except KeyboardInterrupt:
        pass  # what was found so far is the session's result
    return report
