"""Live runs that respect the vendor (issue 12): a 429 or 503 with Retry-After is waited out and
sent again, counted in the report and never a finding by itself; `--rate-limit auto` follows the
server's X-Ratelimit-* headers; `--baseline` makes the exit status depend on new failures only;
`contracts replay` sends a stored failure again. Servers are the mocks behind planted faults on
127.0.0.1 (tests/broken_servers.py)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import requests

from contracts.registry import get_api
from contracts.runner import CheckOptions, run_checks
from contracts.transport import LimitedSession, RateLimiter, reset_in, retry_after
from tests.broken_servers import (
    TOKEN,
    Fault,
    Forward,
    Reply,
    Sent,
    broken_server,
    group_id_as_string,
    json_reply,
)
from tests.test_check_finds_faults import invoke


def every_nth_rate_limited(n: int) -> Fault:
    """Every nth POST answered 429 with `Retry-After: 1` and LaunchDarkly's error body, as its
    rate limiter does (launchdarkly-create-segment.txt: 429 is documented); the retry succeeds."""
    count = 0

    async def fault(sent: Sent, forward: Forward) -> Reply:
        nonlocal count
        if sent.method == "POST":
            count += 1
            if count % n == 0:
                reply = json_reply(429, {"code": "rate_limited", "message": "slow down"})
                return reply.with_header("retry-after", "1")
        return await forward(sent)

    return fault


def test_a_429_with_retry_after_is_waited_out_counted_and_no_finding() -> None:
    with broken_server("launchdarkly", every_nth_rate_limited(4)) as server:
        options = CheckOptions(base_url=server.url, tokens={"launchdarkly": TOKEN},
                               max_examples=6, phases=("examples", "valid"))  # fmt: skip
        report = run_checks([get_api("launchdarkly")], options)
    assert report.findings == []
    statuses = server.statuses()
    assert statuses.count(429) == report.retries > 0
    assert report.waited == pytest.approx(report.retries * 1.0)
    # Each 429 was followed by the same request again, answered for real.
    for index, (sent, reply) in enumerate(server.served[:-1]):
        if reply.status == 429:
            again, answer = server.served[index + 1]
            assert (again.path, again.body) == (sent.path, sent.body) and answer.status != 429


def test_retries_are_bounded() -> None:
    """A server that always answers 429 gets MAX_RETRIES more tries, then its answer counts."""

    async def always(sent: Sent, forward: Forward) -> Reply:
        return json_reply(429, {"code": "rate_limited", "message": "no"}).with_header(
            "retry-after", "0"
        )

    with broken_server("launchdarkly", always) as server:
        session = LimitedSession(RateLimiter(None))
        response = session.post(server.url + "/api/v2/segments/default/production", json={})
    assert response.status_code == 429 and session.retries == 3 == len(server.served) - 1


def test_retry_after_reads_seconds_and_http_dates() -> None:
    """RFC 9110 section 10.2.3: delay-seconds or an HTTP-date."""
    assert retry_after("7") == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:05 GMT", now=1445412480.0) == 5.0
    assert retry_after("soon") is None and retry_after(None) is None


def test_auto_rate_limit_pauses_until_the_reset_when_the_budget_is_spent() -> None:
    """LaunchDarkly's X-Ratelimit-Route-Remaining: 0 with X-Ratelimit-Reset (epoch ms): the next
    request waits for the reset; with budget left, or without `auto`, nothing waits."""
    spent = requests.Response()
    spent.headers.update({"X-Ratelimit-Route-Remaining": "0",
                          "X-Ratelimit-Reset": str(int((time.time() + 30) * 1000))})  # fmt: skip
    left = requests.Response()
    left.headers.update({"X-Ratelimit-Route-Remaining": "5", "X-Ratelimit-Reset": "1"})
    auto, fixed = RateLimiter(None, auto=True), RateLimiter(None)
    auto.observe(left)
    assert auto._next <= time.monotonic()
    fixed.observe(spent)
    assert fixed._next == 0.0
    auto.observe(spent)
    assert 25 < auto._next - time.monotonic() <= 30
    assert reset_in("1500", now=0) == 1500 and reset_in(str(10**12 + 5000), now=10**9) == 5.0


def test_baseline_exit_status_depends_on_new_failures_only(tmp_path: Path) -> None:
    """The first run's failure, listed in its report.json, is known to the second run: exit 0 and
    listed apart. Against a server with no fault, a baseline changes nothing either."""
    with broken_server("capillary", group_id_as_string) as server:
        first = invoke("check", "capillary", "--url", server.url, "--token", TOKEN,
                       "--max-examples", "2", "--report", str(tmp_path / "a"))  # fmt: skip
        assert first.exit_code == 1, first.output
        baseline = str(tmp_path / "a" / "report.json")
        second = invoke("check", "capillary", "--url", server.url, "--token", TOKEN,
                        "--max-examples", "2", "--baseline", baseline)  # fmt: skip
    assert second.exit_code == 0, second.output
    assert "0 new failures" in second.output and "known (in" in second.output
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({"findings": []}))
    with broken_server("capillary", group_id_as_string) as server:
        third = invoke("check", "capillary", "--url", server.url, "--token", TOKEN,
                       "--max-examples", "2", "--baseline", str(empty))  # fmt: skip
    assert third.exit_code == 1 and "new failures, 0 known" in third.output


def test_replay_sends_a_stored_failure_again_with_the_credentials_put_back(
    tmp_path: Path,
) -> None:
    with broken_server("capillary", group_id_as_string) as server:
        run = invoke("check", "capillary", "--url", server.url, "--token", TOKEN,
                     "--max-examples", "2", "--report", str(tmp_path))  # fmt: skip
        assert run.exit_code == 1
        stored = json.loads((tmp_path / "report.json").read_text())["findings"][0]["request"]
        assert TOKEN not in json.dumps(stored)  # the report keeps no secret
        before = len(server.served)
        replayed = invoke("replay", str(tmp_path / "report.json"), "1", "--url", server.url,
                          "--token", TOKEN)  # fmt: skip
    assert replayed.exit_code == 0, replayed.output
    sent, reply = server.served[before]
    assert sent.body.decode() == stored["body"] and sent.headers["authorization"]
    assert f"< {reply.status}" in replayed.output and TOKEN not in replayed.output
    assert "Authorization: [Filtered]" in replayed.output


def test_replay_of_a_missing_failure_is_one_clear_line(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"findings": []}))
    result = invoke("replay", str(report), "3")
    assert result.exit_code == 2 and "lists 0 failures" in result.output
