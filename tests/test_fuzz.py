"""`contracts fuzz`: rounds until the time is up, a corpus that replays known failures first, a
corpus shared through Redis."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import fakeredis
import pytest
from hypothesis.database import DirectoryBasedExampleDatabase, ExampleDatabase
from hypothesis.extra.redis import RedisExampleDatabase

from contracts.apis.launchdarkly import checks as launchdarkly_checks
from contracts.fuzzing import fuzz, open_database, parse_duration
from contracts.mock import MockConfig, build_app, serving
from contracts.registry import get_api
from contracts.runner import CheckOptions, Finding, Progress

TOKEN = "fuzz-token"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90", 90.0), ("90s", 90.0), ("10m", 600.0), ("2h", 7200.0), ("1h30m", 5400.0), ("1.5", 1.5)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "ten minutes", "10x", "m"])
def test_bad_durations_are_refused_clearly(text: str) -> None:
    with pytest.raises(ValueError, match="is not a duration"):
        parse_duration(text)


def test_a_redis_url_opens_a_shared_database(tmp_path: Path) -> None:
    assert isinstance(open_database("redis://127.0.0.1:6399/0"), RedisExampleDatabase)
    assert isinstance(open_database(str(tmp_path)), DirectoryBasedExampleDatabase)


@contextmanager
def broken_launchdarkly(answered: list[int] | None = None) -> Iterator[str]:
    """The LaunchDarkly mock with a planted fault: a 500 for two-character segment names
    (Hypothesis draws short strings often, so every session meets it, but not first).
    `answered` collects the 500s and the other answers ("ok") in the order they were sent."""
    answered = answered if answered is not None else []
    app = build_app(
        MockConfig(apis=("launchdarkly",), settings={"launchdarkly": {"tokens": [TOKEN]}})
    )

    async def broken(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await app(scope, receive, send)
            return
        chunks = []
        more = True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        body = b"".join(chunks)
        try:
            name = str(json.loads(body).get("name", ""))
        except (ValueError, AttributeError):
            name = ""
        answered.append(500 if len(name) == 2 else 0)
        if len(name) == 2:
            await send({"type": "http.response.start", "status": 500, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if sent:
                return {"type": "http.disconnect"}
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await app(scope, replay, send)

    with serving(broken) as url:
        yield url


def quarter_seconds() -> Any:
    """A clock that moves a quarter of a second each time it is read: a one-second session is
    one round (rounds and phases read it), whatever the machine's speed."""
    ticks = iter(range(10**6))
    return lambda: next(ticks) / 4


def session(url: str, database: ExampleDatabase, seed: int) -> list[Finding]:
    """One short fuzzing session on the positive phase (schemathesis' generation); its findings."""
    found: list[Finding] = []

    options = CheckOptions(
        base_url=url, tokens={"launchdarkly": TOKEN}, max_examples=150, seed=seed,
        phases=("positive",), database=database,
    )  # fmt: skip
    hooks = Progress(on_finding=found.append)
    fuzz([get_api("launchdarkly")], options, duration=1.0, clock=quarter_seconds(), progress=hooks)
    return found


def test_a_stored_failure_is_replayed_first_in_the_next_session(tmp_path: Path) -> None:
    """Session one finds the planted fault and stores the minimal failing request; session two,
    with another seed, confirms it with its very first request."""
    database = DirectoryBasedExampleDatabase(str(tmp_path / "corpus"))
    answered: list[int] = []
    with broken_launchdarkly(answered) as url:
        first = session(url, database, seed=1)
        checks = {f.check for f in first}
        assert "not_a_server_error" in checks
        assert all('"name": "00"' in f.curl for f in first)  # shrunk to the smallest name
        assert answered[0] != 500  # a fresh corpus does not start with the fault
        answered.clear()
        second = session(url, database, seed=2)
    assert {f.check for f in second} == checks
    assert answered[0] == 500  # the stored failure is the session's first request


def test_machines_share_one_corpus_through_redis() -> None:
    """Two clients of one Redis server (two machines): what one stores, the other replays."""
    server = fakeredis.FakeServer()
    machine_one = RedisExampleDatabase(fakeredis.FakeStrictRedis(server=server))
    machine_two = RedisExampleDatabase(fakeredis.FakeStrictRedis(server=server))
    answered: list[int] = []
    with broken_launchdarkly(answered) as url:
        assert session(url, machine_one, seed=1)
        answered.clear()
        assert session(url, machine_two, seed=7)
    assert answered[0] == 500  # machine two starts from machine one's failure


def test_the_mock_passes_a_fuzzing_round() -> None:
    """Our own mock: a round of every phase of every API finds nothing."""
    from contracts.mock import running_mock

    apis = [get_api(name) for name in ("launchdarkly", "kameleoon-data")]
    settings = {"launchdarkly": launchdarkly_checks.mock_settings(TOKEN)}
    with running_mock(
        MockConfig(apis=("launchdarkly", "kameleoon-data"), settings=settings)
    ) as mock:
        options = CheckOptions(
            base_url=mock.url, tokens={"launchdarkly": TOKEN, "kameleoon-data": ""},
            max_examples=20, seed=3,
        )  # fmt: skip
        report = fuzz(apis, options, duration=1.0, clock=quarter_seconds())
    assert report.rounds >= 1
    assert report.findings == []
