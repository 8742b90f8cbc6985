"""`contracts fuzz`: rounds until the time is up, a corpus that replays known failures first, a
corpus shared between processes through a real Redis server (fakeredis only where none starts)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import fakeredis
import pytest
import redis
from hypothesis.database import DirectoryBasedExampleDatabase, ExampleDatabase
from hypothesis.extra.redis import RedisExampleDatabase

from contracts.apis.launchdarkly import checks as launchdarkly_checks
from contracts.fuzzing import KEY_PREFIX, fuzz, open_database, parse_duration
from contracts.mock import MockConfig, build_app, serving
from contracts.registry import get_api
from contracts.runner import CheckOptions, Finding, Progress

from .redis_server import RedisUnavailable, on_ci, redis_server

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
def broken_launchdarkly(
    answered: list[int] | None = None, names: list[str] | None = None
) -> Iterator[str]:
    """The LaunchDarkly mock with a planted fault: a 500 for two-character segment names
    (Hypothesis draws short strings often, so every session meets it, but not first).
    `answered` collects the 500s and the other answers (0) in the order the POSTs came, `names`
    their segment names."""
    answered = answered if answered is not None else []
    names = names if names is not None else []
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
        names.append(name)
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


@pytest.fixture(scope="module")
def real_redis() -> Iterator[str | RedisUnavailable]:
    """A real redis-server for this module (its URL), or why none could start; on CI, where
    `.ci/run` installs it, a server that cannot start is an error."""
    try:
        with redis_server() as url:
            yield url
    except RedisUnavailable as error:
        fail_on_ci(error)
        yield error


def fail_on_ci(error: RedisUnavailable) -> None:
    if on_ci():
        pytest.fail(f"{error}; on CI .ci/run installs redis-server and this test must run")


@pytest.fixture
def redis_url(real_redis: str | RedisUnavailable) -> str:
    """The real server, emptied; the test is skipped, saying why, where none can start."""
    if isinstance(real_redis, RedisUnavailable):
        pytest.skip(f"needs a real Redis server, and none can start here: {real_redis}")
    redis.Redis.from_url(real_redis).flushdb()
    return real_redis


@pytest.fixture
def redis_clients(real_redis: str | RedisUnavailable) -> Callable[[], Any]:
    """A factory of clients of one empty Redis server: the real one, or, where none can start
    (never on CI), fakeredis, with a warning saying so."""
    if isinstance(real_redis, RedisUnavailable):
        warnings.warn(f"no real Redis here ({real_redis}): fakeredis stands in", stacklevel=1)
        server = fakeredis.FakeServer()
        return lambda: fakeredis.FakeStrictRedis(server=server)
    redis.Redis.from_url(real_redis).flushdb()
    return lambda: redis.Redis.from_url(real_redis)


def test_machines_share_one_corpus_through_redis(redis_clients: Callable[[], Any]) -> None:
    """Two clients of one Redis server (two machines): what one stores, the other replays."""
    machine_one = RedisExampleDatabase(redis_clients(), key_prefix=KEY_PREFIX)
    machine_two = RedisExampleDatabase(redis_clients(), key_prefix=KEY_PREFIX)
    answered: list[int] = []
    with broken_launchdarkly(answered) as url:
        assert session(url, machine_one, seed=1)
        assert answered[0] != 500  # machine one starts from an empty corpus
        answered.clear()
        assert session(url, machine_two, seed=7)
    assert answered[0] == 500  # machine two starts from machine one's failure


def test_the_corpus_password_can_stay_out_of_the_url(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--db redis://host:port/0` with the password in REDISCLI_AUTH (the URL is printed)."""
    secret = "corpus-password"
    with ExitStack() as stack:
        try:
            url = stack.enter_context(redis_server("--requirepass", secret))
        except RedisUnavailable as error:
            fail_on_ci(error)
            pytest.skip(f"needs a real Redis server, and none can start here: {error}")
        monkeypatch.delenv("REDISCLI_AUTH", raising=False)
        with pytest.raises(redis.AuthenticationError):
            open_database(url).save(b"key", b"value")
        monkeypatch.setenv("REDISCLI_AUTH", secret)
        database = open_database(url)
        database.save(b"key", b"value")
        assert list(database.fetch(b"key")) == [b"value"]


def _fuzz_process(url: str, database: str, seed: int) -> tuple[int, str]:
    """`contracts fuzz` of LaunchDarkly in its own process, as on another machine, stopped with
    Ctrl-C (SIGINT) once it reports its first finding (not after a fixed time: on a busy machine
    a short session may end before its first generated request). Exit status and output."""
    command = [
        sys.executable, "-c", "from contracts.cli import main; main()",
        "fuzz", "launchdarkly", "--url", url, "--token", TOKEN, "--db", database,
        "--duration", "3m", "--seed", str(seed), "--max-examples", "60", "--no-negative",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    lines = []
    for line in process.stdout:  # rich flushes each line
        lines.append(line)
        if line.startswith("found:"):
            process.send_signal(signal.SIGINT)
            break
    rest, _ = process.communicate(timeout=120)
    return process.returncode, "".join(lines) + rest


def test_two_fuzz_processes_share_one_corpus_on_a_real_redis(redis_url: str) -> None:
    """Two `contracts fuzz` processes (two machines) with one corpus on a real redis-server:
    the failure the first finds, shrunk, is the first generated request of the second, before
    anything new; only the page's own examples (a phase of their own, which never fails here)
    come before it."""
    database = redis.Redis.from_url(redis_url)
    page_names = {
        example.value["name"]
        for example in get_api("launchdarkly").spec().examples()
        if example.where == "request"
    }
    answered: list[int] = []
    names: list[str] = []
    with broken_launchdarkly(answered, names) as url:
        status, first = _fuzz_process(url, redis_url, seed=1)
        assert status == 1, first  # 1: findings
        assert "not_a_server_error" in first
        assert '"name": "00"' in first  # shrunk to the smallest failing name
        assert answered.index(500) > 0  # an empty corpus: the first session has to search
        assert database.keys(KEY_PREFIX + b"*"), "nothing stored in Redis"
        answered.clear()
        names.clear()
        status, second = _fuzz_process(url, redis_url, seed=7)
    assert status == 1, second
    replayed = answered.index(500)
    assert names[replayed] == "00"  # the first session's minimal failure, not a new one
    assert set(names[:replayed]) <= page_names  # before it: only the page's examples
    assert "not_a_server_error" in second


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
