"""Benchmarks, run by `make bench` (`python -m benchmarks`). Figures are ratios against a
baseline measured in the same run, never absolute times."""
