# Day-to-day commands. CI (.ci/run) runs the same steps without make.
PYTHON ?= python

.PHONY: install regen regen-check test lint bench check fuzz

install:
	$(PYTHON) -m pip install -e '.[dev]'

regen:            ## rebuild contracts/generated/ from the specs (reproducible; commit the result)
	$(PYTHON) tools/regen.py

regen-check:      ## fail when contracts/generated/ is stale
	$(PYTHON) tools/regen.py --check

test:
	$(PYTHON) -m pytest -n auto -q

lint:
	ruff check contracts tools tests benchmarks
	ruff format --check contracts tools tests benchmarks
	mypy contracts tools

bench:           ## speed figures as ratios against baselines measured in the same run
	$(PYTHON) -m benchmarks

check:           ## the main job: every check against the embedded mocks
	contracts check --report reports/check

DURATION ?= 10m
fuzz:            ## a fuzzing session; its corpus stays in .contracts/fuzz-db
	contracts fuzz --duration $(DURATION) --report reports/fuzz
