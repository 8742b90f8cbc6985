"""`contracts mock` as a user runs it, in its own process: the two-terminal flow of the README
(`contracts mock --token T` beside `contracts check --url ... --token T`)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.served import free_port, wait_until_serving

CONTRACTS = [sys.executable, "-m", "contracts"]


@contextmanager
def mock_process(*args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """`contracts mock ARGS` on a free port in a subprocess; yields its URL, stops it after."""
    with server_process("mock", *args, env=env) as url:
        yield url


@contextmanager
def server_process(command: str, *args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """`contracts COMMAND ARGS` on a free port in a subprocess; yields its URL; stops it with
    Ctrl-C (SIGINT) after, as a user would."""
    port = free_port()
    process = subprocess.Popen(
        [*CONTRACTS, command, "--port", str(port), *args],
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, process)
        yield url
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


AUTHENTICATED = ("launchdarkly", "capillary", "kameleoon-automation")


def test_mock_and_check_with_the_same_token_pass_clean() -> None:
    """The README's two terminals: each API's mock accepts exactly the token `check` sends, in the
    form its scheme wants (raw key, Basic, bearer), so `auth_enforced` finds nothing; a token set
    per API (CONTRACTS_TOKEN_<API>) is mapped the same way on both sides."""
    # user:password, sent as Basic (capillary-create-target-group-behavioural.txt:73)
    env = {"CONTRACTS_TOKEN_CAPILLARY": "till:secret"}
    with mock_process("--token", "t", env=env) as url:
        run = subprocess.run(
            [*CONTRACTS, "check", *AUTHENTICATED, "--url", url, "--token", "t",
             "--max-examples", "3"],
            env={**os.environ, **env}, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "passed: 0 distinct failures" in run.stdout


def test_mock_with_a_token_refuses_another() -> None:
    """With --token the mock accepts only that token: LaunchDarkly answers another with 401
    (launchdarkly-create-segment.txt:96), and without --token it accepts any."""
    body = {"name": "Beta", "key": "beta"}
    path = "/api/v2/segments/default/production"
    with mock_process("--token", "t", "--api", "launchdarkly") as url:
        wrong = httpx.post(url + path, json=body, headers={"Authorization": "other"})
        right = httpx.post(url + path, json=body, headers={"Authorization": "t"})
    assert (wrong.status_code, right.status_code) == (401, 201)
    with mock_process("--api", "launchdarkly") as url:
        anyone = httpx.post(url + path, json=body, headers={"Authorization": "other"})
    assert anyone.status_code == 201


def test_proxy_records_a_har_that_verify_reads(tmp_path: Path) -> None:
    """The README's proxy flow: mock, proxy with --record, traffic, Ctrl-C, `contracts verify`."""
    har = tmp_path / "traffic.har"
    body = {"name": "Beta", "key": "beta"}
    path = "/api/v2/segments/default/production"
    with (
        mock_process("--token", "t", "--api", "launchdarkly") as mock_url,
        server_process("proxy", "--upstream", mock_url, "--record", str(har)) as url,
    ):
        created = httpx.post(url + path, json=body, headers={"Authorization": "t"})
        duplicate = httpx.post(url + path, json=body, headers={"Authorization": "t"})
        invalid = httpx.post(url + path, json={"key": 5}, headers={"Authorization": "t"})
    assert (created.status_code, duplicate.status_code, invalid.status_code) == (201, 409, 400)
    assert int(invalid.headers["x-contract-violations"]) >= 1
    run = subprocess.run([*CONTRACTS, "verify", str(har), "--format", "json"],
                         capture_output=True, text=True, timeout=120)  # fmt: skip
    report = json.loads(run.stdout)
    # Exit 1: the application's invalid body is its error, and the only one reported.
    assert run.returncode == 1
    assert report["summary"]["exchanges"] == report["summary"]["checked"] == 3
    assert [e["status"] for e in report["exchanges"]] == [201, 409, 400]
    wrong = [
        (e["status"], v["severity"]) for e in report["exchanges"] for v in e["violations"]
        if v["severity"] == "error"
    ]  # fmt: skip
    assert wrong and {status for status, _ in wrong} == {400}
    entries = json.loads(har.read_text())["log"]["entries"]
    sent = [h["value"] for e in entries for h in e["request"]["headers"]
            if h["name"].lower() == "authorization"]  # fmt: skip
    assert sent == ["<redacted>"] * 3


def test_a_chosen_answer_is_used_as_many_times_as_asked_across_workers() -> None:
    """Choices live in the shared store: with two worker processes, times=2 gives exactly two
    429s (kameleoon-data-visit-events-openapi.txt:280) among many requests."""
    with mock_process("--workers", "2", "--api", "kameleoon-data") as url:
        made = httpx.post(f"{url}/_contracts/answers",
                          json={"api": "kameleoon-data", "status": 429, "times": 2})  # fmt: skip
        assert made.status_code == 201
        statuses = []
        for _ in range(12):  # new connections: spread over both workers
            with httpx.Client() as client:
                answer = client.post(
                    f"{url}/visit/events", params={"siteCode": "s", "visitorCode": "v"}, content=""
                )
                statuses.append(answer.status_code)
    assert sorted(statuses) == [202] * 10 + [429] * 2
