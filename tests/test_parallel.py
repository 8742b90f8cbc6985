"""`--workers N` (contracts.parallel): the same findings, with the same minimal requests, as one
process, for a given seed, on the planted-fault servers of tests/broken_servers.py."""

from __future__ import annotations

import re

import pytest

from contracts.parallel import run_parallel, worker_count
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
            runs.append((findings(report, server.url), report.total_probes, tallies))
    assert runs[0][0], "the planted fault is found"
    assert runs[1] == runs[0]


def test_worker_count() -> None:
    assert worker_count("3") == 3 and worker_count("auto") >= 1
    with pytest.raises(ValueError):
        worker_count("0")
