"""Requests per second of the `/visit/events` mock, validating, deduplicating and storing every
request's events, against the same server answering 202 without looking at the request.

The baseline is the same `contracts mock` process with `--setting kameleoon-data.blind=true` (its
route answers 202 without reading; the core still journals the exchange). For reference the bare
stack (starlette on uvicorn, no journal) is measured too. Every server runs as its own process (one
worker, no access log) under the same load: a raw-socket HTTP/1.1 client with keep-alive
connections sending bodies of mixed events with fresh nonces. Target: at least half the baseline
for typical bodies.

The nonces are fresh in every request. In the first three cases they count up (as the issue's
first figures were measured); the last case sends what an SDK sends, 16 random hex digits. Keys
like those, kept in a unique index, cost about an index page each per commit, more as the store
grows (a few seconds of load store ~100,000 events): this case is what keeps the store honest
about them (`contracts/unique_records.py`).

Requests per second on a shared machine move with whatever else runs; the server's own CPU time
per request (read from /proc, Linux) moves much less, so it is printed too, with its ratio
(blind's CPU per request over the full mock's: the throughput ratio of a server with a core of
its own).
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from contracts.apis.kameleoon_data.codec import write_lines

from .bench_visit_events import TEMPLATES

CONNECTIONS = 16
# Kameleoon's SDK sends 1 to 13 events per request, median 1 (tests/apis/kameleoon_data/
# sdk_traffic.json): 1 and 5 are typical, 20 a heavy batch. With each, whether the nonces are
# random (as the SDK's) rather than counting up.
CASES = ((1, False), (5, False), (20, False), (20, True))
DURATION = 4.0  # seconds of load per server


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc), or None elsewhere."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def serving(command: list[str], port: int) -> Iterator[int]:
    """The server running; yields its process id."""
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.post(f"{url}/visit/events?siteCode=s&visitorCode=v", content=b"")
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{command} did not start") from None
                time.sleep(0.1)
        yield server.pid
    finally:
        server.terminate()
        server.wait(timeout=10)


def _request(port: int, counter: int, events_per_request: int, random_nonces: bool) -> bytes:
    draw = random.Random(counter)  # the same bodies in every run
    events = [
        {
            "nonce": f"{draw.getrandbits(64):016X}" if random_nonces else f"{counter:08x}{i:08x}",
            **TEMPLATES[i % len(TEMPLATES)],
        }
        for i in range(events_per_request)
    ]
    body = write_lines(events).encode()
    head = (
        f"POST /visit/events?siteCode=s&visitorCode=v HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        f"User-Agent: contracts-bench/1.0\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


async def _connection(port: int, requests: list[bytes], stop: float, done: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    index = 0
    while time.monotonic() < stop:
        writer.write(requests[index % len(requests)])
        index += 1
        head = await reader.readuntil(b"\r\n\r\n")
        if not head.startswith(b"HTTP/1.1 202"):
            raise RuntimeError(f"unexpected answer: {head[:60]!r}")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        if length:
            await reader.readexactly(length)
        done[0] += 1
    writer.close()


def load(
    port: int, events_per_request: int, pid: int, random_nonces: bool = False
) -> tuple[float, float | None]:
    """Requests per second over DURATION seconds of CONNECTIONS keep-alive connections, and the
    server's (process `pid`) CPU seconds per request."""
    # Fresh nonces per request (a pool big enough never to repeat within the run).
    requests = [_request(port, n, events_per_request, random_nonces) for n in range(20_000)]

    async def run() -> tuple[float, float | None]:
        done = [0]
        cpu_before = cpu_seconds(pid)
        start = time.monotonic()
        stop = start + DURATION
        await asyncio.gather(*(_connection(port, requests[i::CONNECTIONS], stop, done)
                               for i in range(CONNECTIONS)))  # fmt: skip
        rate = done[0] / (time.monotonic() - start)
        cpu_after = cpu_seconds(pid)
        if cpu_before is None or cpu_after is None or not done[0]:
            return rate, None
        return rate, (cpu_after - cpu_before) / done[0]

    return asyncio.run(run())


def main() -> dict[str, float]:
    python = sys.executable
    mock = [python, "-m", "contracts", "mock", "--api", "kameleoon-data"]
    servers = {
        "bare starlette answering 202 (no journal)": [
            python, "-m", "uvicorn", "benchmarks.plain_app:app", "--no-access-log",
            "--log-level", "warning", "--port"],
        "contracts mock, blind (202 without looking)": [
            *mock, "--setting", "kameleoon-data.blind=true", "--port"],
        "contracts mock (validate, dedup, store)": [*mock, "--port"],
    }  # fmt: skip
    figures: dict[str, float] = {}
    print(f"mock throughput: {CONNECTIONS} connections, {DURATION:.0f} s per server, "
          f"{os.cpu_count()} cores")  # fmt: skip
    for events, random_nonces in CASES:
        rates, cpu = {}, {}
        for name, command in servers.items():
            port = _free_port()
            with serving([*command, str(port)], port) as pid:
                rates[name], cpu[name] = load(port, events, pid, random_nonces)
        bare = rates["bare starlette answering 202 (no journal)"]
        blind = rates["contracts mock, blind (202 without looking)"]
        full = rates["contracts mock (validate, dedup, store)"]
        case = f"{events}_random" if random_nonces else str(events)
        nonces = "random nonces, as an SDK's" if random_nonces else "nonces counting up"
        print(f"  {events} events per request, {nonces}:")
        for name, rate in rates.items():
            used = cpu[name]
            per_request = f"{used * 1e6:6.0f} us CPU/request" if used is not None else ""
            print(f"    {name:45} {rate:8.0f} requests/s   {per_request}")
        print(f"    ratio to the same server answering without looking: {full / blind:.2f}"
              f" (target >= 0.5); to the bare stack: {full / bare:.2f}")  # fmt: skip
        figures[f"ratio_{case}"] = full / blind
        blind_cpu = cpu["contracts mock, blind (202 without looking)"]
        full_cpu = cpu["contracts mock (validate, dedup, store)"]
        if blind_cpu and full_cpu:
            print(f"    CPU per request, blind over full: {blind_cpu / full_cpu:.2f}")
            figures[f"cpu_ratio_{case}"] = blind_cpu / full_cpu
    return figures


if __name__ == "__main__":
    main()
