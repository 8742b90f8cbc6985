"""`contracts validate` on the 3 MB / 30,000-event body, as a whole process (start-up, imports,
spec loading and validation), against a baseline process that parses then runs jsonschema
(benchmarks/baseline_validate.py). Target: at least 15x (issue 12)."""

from __future__ import annotations

import compileall
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import benchmarks
import contracts

from .bench_visit_events import EVENTS, build_body


def best_of(runs: int, command: list[str], expect: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        assert result.returncode == expect, result.stderr.decode()[-2000:]
    return min(times)


def compile_bytecode() -> None:
    """Write the bytecode of both sides' own modules (contracts, benchmarks), as pip does when it
    installs a wheel. An editable install under PYTHONDONTWRITEBYTECODE=1 (set on this kind of
    machine) never writes it, so every start would compile each module again (about 30 ms of
    contracts' start-up): that times the compiler, not what users run."""
    for package in (contracts, benchmarks):
        for folder in package.__path__:
            compileall.compile_dir(folder, quiet=1)


def main() -> dict[str, float]:
    compile_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "body.txt"
        path.write_bytes(build_body())
        ours = [sys.executable, "-m", "contracts", "validate", "kameleoon-data", str(path),
                "--query", "visitorCode=v"]  # fmt: skip
        baseline = [sys.executable, "-m", "benchmarks.baseline_validate", str(path)]
        ours_s = best_of(5, ours, 0)
        baseline_s = best_of(2, baseline, 0)
        size = path.stat().st_size
    ratio = baseline_s / ours_s
    print(f"visit-events validation, whole process: {size:,} bytes, {EVENTS:,} events")
    print(f"  baseline process (parse + jsonschema):  {baseline_s * 1000:8.1f} ms")
    print(f"  contracts validate:                     {ours_s * 1000:8.1f} ms")
    print(f"  speed-up: {ratio:.1f}x (target >= 15x)")
    return {"baseline_s": baseline_s, "ours_s": ours_s, "ratio": ratio}


if __name__ == "__main__":
    main()
