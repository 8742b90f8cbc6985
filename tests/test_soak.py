"""Soak: a bounded run (CONTRACTS_SOAK_SECONDS, 60 by default) of mixed valid, invalid and
hostile traffic over many connections, to the mock and through the proxy to it, on loopback.

What must hold: no 5xx and no broken connection, whatever was sent; memory and disk bounded
(the journal is trimmed to its caps, contracts.retention); every accepted event stored exactly
once (the data API stores events per (siteCode, nonce), a retry stores nothing twice).
CONTRACTS_SKIP_SOAK=1 skips it locally; CI runs it."""

from __future__ import annotations

import asyncio
import json
import os
import random
import resource
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from contracts import retention
from contracts.mock import MockConfig, RunningMock, running_mock
from contracts.proxy import ProxyConfig, RunningProxy, running_proxy

pytestmark = [
    pytest.mark.soak,
    pytest.mark.skipif(bool(os.environ.get("CONTRACTS_SKIP_SOAK")), reason="CONTRACTS_SKIP_SOAK"),
]
SECONDS = float(os.environ.get("CONTRACTS_SOAK_SECONDS", "60"))
WORKERS = 24
REQUESTS_PER_CONNECTION = 40  # then a new connection
SITE = "soaksite01"
# Caps for the run, well under the defaults, so that trimming happens and is measured.
JOURNAL_ENTRIES = 500
JOURNAL_BYTES = 16 * 1024 * 1024


@dataclass
class Tally:
    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    accepted_nonces: set[str] = field(default_factory=set)
    stored_reported: int = 0
    peak_rss: int = 0  # bytes
    peak_disk: int = 0  # bytes


def rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def disk(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.exists())


@dataclass
class Traffic:
    """One request to send, and whether its 202 carries events to count."""

    method: str
    path: str
    params: dict[str, str] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    content: bytes | None = None
    nonces: tuple[str, ...] = ()


class Generator:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        self.counter = 0
        self.sent_bodies: list[tuple[bytes, tuple[str, ...]]] = []

    def nonce(self) -> str:
        self.counter += 1
        return f"{self.random.getrandbits(32):08x}{self.counter:08x}"[-16:]

    def events(self) -> Traffic:
        if self.sent_bodies and self.random.random() < 0.15:  # a retry: nothing new stored
            body, nonces = self.random.choice(self.sent_bodies)
        else:
            nonces = tuple(self.nonce() for _ in range(self.random.randint(1, 5)))
            lines = [f"nonce={n}&eventType=PAGE&href=https%3A%2F%2Fexample.com%2F{n}"
                     for n in nonces]  # fmt: skip
            body = "\n".join(lines).encode()
            if len(self.sent_bodies) < 500:
                self.sent_bodies.append((body, nonces))
        params = {"siteCode": SITE, "visitorCode": f"v{self.random.randint(1, 50)}"}
        return Traffic("POST", "/visit/events", params, {"Content-Type": "text/plain"}, body,
                       nonces)  # fmt: skip

    def valid(self) -> Traffic:
        self.counter += 1
        n = self.counter
        choice = self.random.randrange(4)
        if choice == 0:
            return Traffic("POST", "/api/v2/segments/default/production",
                           headers={"Authorization": "api-soak"},
                           content=json.dumps({"name": f"s{n}", "key": f"seg-{n}-{id(self)}"}
                                              ).encode())  # fmt: skip
        if choice == 1:
            return Traffic(
                "POST",
                "/key-moments",
                headers={"Authorization": "Bearer soak"},
                content=json.dumps({"name": f"km{n}", "siteId": 1}).encode(),
            )
        if choice == 2:
            return Traffic(
                "POST",
                "/v3/targetGroups",
                headers={"Authorization": "Bearer soak"},
                content=json.dumps({"name": f"tg-{n}-{id(self)}"}).encode(),
            )
        return self.events()

    def invalid(self) -> Traffic:
        choice = self.random.randrange(5)
        if choice == 0:  # no siteCode (kameleoon-data-visit-events-openapi.txt:269)
            return Traffic("POST", "/visit/events", {"visitorCode": "v"}, content=b"x")
        if choice == 1:
            return Traffic(
                "POST",
                "/api/v2/segments/default/production",
                headers={"Authorization": "api-soak"},
                content=b'{"key": "no name"}',
            )
        if choice == 2:
            return Traffic("POST", "/key-moments", content=b'{"name": "no token"}')
        if choice == 3:
            return Traffic(
                "POST",
                "/visit/events",
                {"siteCode": SITE, "visitorCode": "v"},
                {"User-Agent": "Googlebot/2.1"},
                b"nonce=zz",
            )
        return Traffic(
            "POST",
            "/v3/targetGroups",
            headers={"Authorization": "Bearer soak"},
            content=b'{"name": 12, "periods": "no"}',
        )

    def hostile(self) -> Traffic:
        choice = self.random.randrange(9)
        deep = b"[" * 50_000 + b"]" * 50_000
        if choice == 0:
            return Traffic(
                "POST",
                "/visit/events",
                {"siteCode": SITE, "visitorCode": "v", "json": "true"},
                content=deep,
            )
        if choice == 1:
            return Traffic(
                "POST",
                "/api/v2/segments/default/production",
                headers={"Authorization": "api-soak"},
                content=b'{"name":' + b'{"a":' * 30_000 + b"1" + b"}" * 30_000 + b"}",
            )
        if choice == 2:  # over the data API's 3 MiB limit: refused early (413)
            return Traffic(
                "POST",
                "/visit/events",
                {"siteCode": SITE, "visitorCode": "v"},
                content=b"nonce=0&" * (450 * 1024),
            )
        if choice == 3:
            return Traffic(
                "POST",
                "/key-moments",
                headers={"Authorization": "Bearer soak"},
                content=bytes(self.random.getrandbits(8) for _ in range(2048)),
            )
        if choice == 4:
            return Traffic(
                "POST",
                "/v3/targetGroups",
                headers={"Authorization": "Bearer soak", "Prefer": "code=abc"},
                content=b'{"name": "\\ud800\\udfff\\ud800"}',
            )
        if choice == 5:
            return Traffic("GET", "/_contracts/journal", {"after": "not-a-number"})
        if choice == 6:
            return Traffic("POST", "/_contracts/answers", content=b'{"api": [[[[]]]]}')
        if choice == 7:
            return Traffic("POST", "/visit/events", {"siteCode": "\udcff" * 3, "visitorCode": ""},
                           content=b"\xff\xfe\x00" * 1000)  # fmt: skip
        return Traffic("DELETE", "/..%2f..%2fetc/passwd", content=b"")

    def next(self) -> Traffic:
        kind = self.random.random()
        if kind < 0.55:
            return self.valid()
        if kind < 0.8:
            return self.invalid()
        return self.hostile()


async def worker(index: int, targets: list[str], deadline: float, tally: Tally) -> None:
    generator = Generator(index)
    while time.monotonic() < deadline:
        base = targets[index % len(targets)]
        limits = httpx.Limits(max_connections=1)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
            for _ in range(REQUESTS_PER_CONNECTION):
                if time.monotonic() >= deadline:
                    return
                traffic = generator.next()
                try:
                    params = {k: v.encode("utf-8", "surrogateescape").decode("latin-1")
                              for k, v in (traffic.params or {}).items()}  # fmt: skip
                    answer = await client.request(
                        traffic.method, traffic.path, params=params,
                        headers=traffic.headers, content=traffic.content,
                    )  # fmt: skip
                except httpx.HTTPError as error:
                    tally.failures.append(f"{traffic.method} {traffic.path}: {error!r}")
                    continue
                tally.requests += 1
                tally.statuses[answer.status_code] += 1
                if answer.status_code >= 500:
                    tally.failures.append(f"{traffic.method} {traffic.path}: "
                                          f"{answer.status_code} {answer.text[:200]}")  # fmt: skip
                if traffic.nonces and answer.status_code == 202:
                    tally.accepted_nonces.update(traffic.nonces)
                    tally.stored_reported += int(answer.headers["x-contract-events-stored"])


async def monitor(deadline: float, paths: list[Path], tally: Tally) -> None:
    while time.monotonic() < deadline + 1:
        tally.peak_rss = max(tally.peak_rss, rss())
        tally.peak_disk = max(tally.peak_disk, sum(disk(p) for p in paths))
        await asyncio.sleep(0.5)


@pytest.fixture
def servers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[
    tuple[RunningMock, RunningProxy]
]:  # fmt: skip
    monkeypatch.setattr(retention, "JOURNAL_ENTRIES", JOURNAL_ENTRIES)
    monkeypatch.setattr(retention, "JOURNAL_BYTES", JOURNAL_BYTES)
    monkeypatch.setattr(retention, "TRIM_EVERY", 100)
    config = MockConfig(db=str(tmp_path / "mock.sqlite3"))
    with running_mock(config) as mock:
        proxy_config = ProxyConfig(mock.url, db=str(tmp_path / "proxy.sqlite3"))
        with running_proxy(proxy_config) as proxy:
            yield mock, proxy


def test_soak(servers: tuple[RunningMock, RunningProxy], tmp_path: Path) -> None:
    mock, proxy = servers
    started_rss = rss()
    started = time.monotonic()
    deadline = started + SECONDS
    tally = Tally()
    stores = [tmp_path / "mock.sqlite3", tmp_path / "proxy.sqlite3"]

    async def run() -> None:
        await asyncio.gather(
            monitor(deadline, stores, tally),
            *(worker(i, [mock.url, proxy.url], deadline, tally) for i in range(WORKERS)),
        )

    asyncio.run(run())
    elapsed = time.monotonic() - started
    stored = mock.store.count("kameleoon-data", "event")
    figures: dict[str, Any] = {
        "requests": tally.requests,
        "seconds": round(elapsed, 1),
        "per_second": round(tally.requests / elapsed),
        "statuses": dict(sorted(tally.statuses.items())),
        "rss_start_mib": round(started_rss / 2**20),
        "rss_peak_mib": round(tally.peak_rss / 2**20),
        "disk_peak_mib": round(tally.peak_disk / 2**20, 1),
        "journal_entries": [len(mock.journal()), len(proxy.journal())],
        "events_stored": stored,
    }
    print("\nsoak:", json.dumps(figures))
    assert tally.failures == [], tally.failures[:10]
    # Every part of the mix flowed: created, accepted and read (valid), refused (invalid), and
    # the early refusal of an oversized body (hostile).
    assert {200, 201, 202, 400, 401, 403, 413} <= set(tally.statuses)
    assert stored == len(tally.accepted_nonces) == tally.stored_reported  # exactly once
    assert stored > 0
    for journal in figures["journal_entries"]:
        assert journal <= JOURNAL_ENTRIES + 100 * 2  # trimmed every 100 requests, per server
    assert tally.peak_rss - started_rss < 400 * 2**20
    assert tally.peak_disk < 160 * 2**20
