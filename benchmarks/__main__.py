"""`python -m benchmarks [NAME ...]`: run the benchmarks (all by default), print their figures."""

from __future__ import annotations

import sys

from . import bench_mock_throughput, bench_validate_process, bench_visit_events

BENCHMARKS = {
    "visit-events-validation": bench_visit_events.main,
    "visit-events-validate-process": bench_validate_process.main,
    "mock-throughput": bench_mock_throughput.main,
}


def main() -> int:
    chosen = sys.argv[1:] or list(BENCHMARKS)
    for name in chosen:
        if name not in BENCHMARKS:
            print(f"unknown benchmark {name!r} (known: {', '.join(BENCHMARKS)})")
            return 2
        BENCHMARKS[name]()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
