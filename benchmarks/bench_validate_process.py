"""`contracts validate` on the 3 MB / 30,000-event body, as a whole process (start-up, imports,
spec loading and validation), against a baseline process that parses then runs jsonschema
(benchmarks/baseline_validate.py). Target: at least 15x (issue 12)."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .bench_visit_events import EVENTS, build_body


def best_of(runs: int, command: list[str], expect: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        assert result.returncode == expect, result.stderr.decode()[-2000:]
    return min(times)


def main() -> dict[str, float]:
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
