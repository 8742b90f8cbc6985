"""Key-moment mocks on 127.0.0.1 for the tests of this folder, each started once and emptied before
each test that uses it: the default mock, a strict one, and one with settings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from contracts.apis.kameleoon_automation import API
from contracts.mock import MockConfig, RunningMock, running_mock

SETTINGS: dict[str, Any] = {
    "account_id": 424242,
    "tokens": ["allowed-token"],
    "forbidden_sites": [666],
}


@pytest.fixture(scope="session")
def _served() -> Iterator[RunningMock]:
    with running_mock(MockConfig(apis=(API.name,))) as mock:
        yield mock


@pytest.fixture(scope="session")
def _served_strict() -> Iterator[RunningMock]:
    with running_mock(MockConfig(apis=(API.name,), strict=True)) as mock:
        yield mock


@pytest.fixture(scope="session")
def _served_configured() -> Iterator[RunningMock]:
    with running_mock(MockConfig(apis=(API.name,), settings={API.name: SETTINGS})) as mock:
        yield mock


@pytest.fixture
def mock(_served: RunningMock) -> RunningMock:
    """The default mock, with no key moments, no journal and its counters back at the start."""
    _served.reset(API.name)
    return _served


@pytest.fixture
def strict_mock(_served_strict: RunningMock) -> RunningMock:
    _served_strict.reset(API.name)
    return _served_strict


@pytest.fixture
def configured_mock(_served_configured: RunningMock) -> RunningMock:
    """A mock with `SETTINGS`: one accepted token, a forbidden site, its own account id."""
    _served_configured.reset(API.name)
    return _served_configured
