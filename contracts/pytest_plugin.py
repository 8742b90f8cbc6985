"""pytest fixtures for a user's own test suite, registered by the package (entry point `pytest11`),
so installing `contracts` is the whole set-up:

    def test_my_integration(contracts_mock, contracts_clients):
        my_app.send_events(base_url=contracts_mock.url)       # the mock, on a free port
        assert contracts_mock.journal("kameleoon-data")[-1].status == 202
        contracts_clients.launchdarkly                           # generated client, pointed at it

Fixtures:
- `contracts_mock_config`: the MockConfig to serve (override it in your conftest for settings,
  strict mode or a subset of APIs);
- `contracts_mock_server` (session): the mock on 127.0.0.1, a free port, started once;
- `contracts_mock` (function): the same server with its journal and state reset before the test;
  `contracts_mock.answer(api, status=429 | error=NAME, times=1, delay=2.0, drop=True)` makes
  the next requests get one of the API's documented errors, a delay or a dropped connection,
  for this test only (`contracts mock --list-answers` names them);
- `contracts_app` (function): the mock as an in-process ASGI app with a store of its own, for
  `httpx.ASGITransport`;
- `contracts_clients`: the generated client of every API that has one (the built-in APIs; a vendor
  registered from outside has none in `contracts.generated`), pointed at `contracts_mock` and
  authenticated with test credentials in the form each spec's security scheme wants.
"""

from __future__ import annotations

import base64
import importlib
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette

from .api import generated_package
from .handlers import MockConfig
from .mock import RunningMock, build_app, running_mock
from .registry import all_apis
from .specs import Spec

TEST_TOKEN = "contracts-test-token"
TEST_BASIC = base64.b64encode(b"contracts-test:contracts-test").decode()


@pytest.fixture(scope="session")
def contracts_mock_config() -> MockConfig:
    """Every API, faithful mode; override to change."""
    return MockConfig()


@pytest.fixture(scope="session")
def contracts_mock_server(contracts_mock_config: MockConfig) -> Iterator[RunningMock]:
    with running_mock(contracts_mock_config) as server:
        yield server


@pytest.fixture
def contracts_mock(contracts_mock_server: RunningMock) -> Iterator[RunningMock]:
    """The session's mock, reset for this test; answers the test chose (`answer(...)`) end
    with it."""
    contracts_mock_server.reset()
    yield contracts_mock_server
    contracts_mock_server.clear_answers()


@pytest.fixture
def contracts_app(contracts_mock_config: MockConfig, tmp_path: Path) -> Starlette:
    config = MockConfig(
        contracts_mock_config.apis,
        contracts_mock_config.strict,
        str(tmp_path / "contracts-mock.sqlite3"),
        contracts_mock_config.settings,
        contracts_mock_config.admin_token,
    )
    return build_app(config)


@dataclass(frozen=True)
class Clients:
    """The generated clients by API name: `clients["kameleoon-data"]`, `clients.kameleoon_data`."""

    by_api: dict[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.by_api[name]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.by_api[name.replace("_", "-")]
        except KeyError:
            raise AttributeError(name) from None


def has_generated_client(spec: Spec) -> bool:
    """Whether `make regen` wrote a client for the spec (under `contracts.generated`)."""
    try:
        return importlib.util.find_spec(f"{generated_package(spec)}.client") is not None
    except ModuleNotFoundError:  # no `contracts.generated.<name>` package at all
        return False


def generated_client(spec: Spec, base_url: str, token: str = TEST_TOKEN) -> Any:
    """The generated client of a spec at `base_url`, authenticated as its security scheme says."""
    module = importlib.import_module(f"{generated_package(spec)}.client")
    schemes = spec.document.get("components", {}).get("securitySchemes", {})
    required = spec.document.get("security") or [
        requirement
        for operation in spec.operations()
        for requirement in operation.definition.get("security", [])
    ]
    names = [name for requirement in required for name in requirement]
    if not names:
        return module.Client(base_url=base_url)
    scheme = schemes[names[0]]
    if scheme.get("type") == "http" and scheme.get("scheme") == "basic":
        return module.AuthenticatedClient(base_url=base_url, token=TEST_BASIC, prefix="Basic")
    if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
        return module.AuthenticatedClient(
            base_url=base_url, token=token, prefix="", auth_header_name=scheme["name"]
        )
    return module.AuthenticatedClient(base_url=base_url, token=token)


@pytest.fixture
def contracts_clients(contracts_mock: RunningMock) -> Clients:
    return Clients(
        {
            api.name: generated_client(api.spec(), contracts_mock.url)
            for api in all_apis()
            if has_generated_client(api.spec())
        }
    )
