"""The control routes (`/_contracts/*`) of the mock and the proxy: open on loopback, behind an
admin token when the server listens beyond it; the journal they serve stays redacted."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from contracts.control import admin_token_for, is_loopback_host
from contracts.journal import REDACTED
from contracts.mock import MockConfig, build_app
from contracts.proxy import ProxyConfig, build_proxy
from contracts.store import Store

ADMIN = "admin-secret-token"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_on_loopback_no_token_is_needed(host: str) -> None:
    assert is_loopback_host(host) and admin_token_for(host, None) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "mock.internal"])
def test_beyond_loopback_a_token_is_generated(host: str) -> None:
    first, second = admin_token_for(host, None), admin_token_for(host, None)
    assert first and second and first != second and len(first) >= 24
    assert admin_token_for(host, "given") == "given"


def ask(app: Starlette, method: str, path: str, **kwargs: object) -> httpx.Response:
    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://server") as client:
            return await client.request(method, path, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(go())


def guarded_mock(tmp_path: Path) -> Starlette:
    config = MockConfig(apis=("kameleoon-data", "launchdarkly"), admin_token=ADMIN,
                        db=str(tmp_path / "mock.sqlite3"))  # fmt: skip
    return build_app(config)


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/_contracts/journal"), ("POST", "/_contracts/reset"),
     ("GET", "/_contracts/records/kameleoon-data/event"), ("GET", "/_contracts/answers"),
     ("DELETE", "/_contracts/answers")],
)  # fmt: skip
def test_control_routes_need_the_token(tmp_path: Path, method: str, path: str) -> None:
    app = guarded_mock(tmp_path)
    assert ask(app, method, path).status_code == 401
    assert ask(app, method, path, headers={"X-Contracts-Admin": "wrong"}).status_code == 401
    assert ask(app, method, path, headers={"X-Contracts-Admin": ADMIN}).status_code < 300
    assert ask(app, method, path, headers={"Authorization": f"Bearer {ADMIN}"}).status_code < 300


def test_the_apis_need_no_admin_token_and_the_journal_stays_redacted(tmp_path: Path) -> None:
    app = guarded_mock(tmp_path)
    sent = ask(app, "POST", "/api/v2/segments/default/production",
               json={"name": "a", "key": "a", "api_key": "body-secret"},
               headers={"Authorization": "vendor-secret"})  # fmt: skip
    assert sent.status_code == 201
    journal = ask(app, "GET", "/_contracts/journal", headers={"X-Contracts-Admin": ADMIN})
    (entry,) = journal.json()
    assert entry["request"]["headers"]["authorization"] == REDACTED
    assert "vendor-secret" not in journal.text and "body-secret" not in journal.text
    assert ADMIN not in journal.text


def test_the_proxy_guards_its_control_routes_too(tmp_path: Path) -> None:
    config = ProxyConfig("http://127.0.0.1:9", admin_token=ADMIN)
    app = build_proxy(config, Store(tmp_path / "proxy.sqlite3"))
    assert ask(app, "GET", "/_contracts/journal").status_code == 401
    assert (
        ask(app, "GET", "/_contracts/har", headers={"X-Contracts-Admin": ADMIN}).status_code == 200
    )
