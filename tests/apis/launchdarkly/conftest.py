"""A LaunchDarkly mock on 127.0.0.1 for the tests of this folder, started once and emptied before
each test that uses it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contracts.mock import MockConfig, RunningMock, running_mock


@pytest.fixture(scope="session")
def _served() -> Iterator[RunningMock]:
    with running_mock(MockConfig(apis=("launchdarkly",))) as mock:
        yield mock


@pytest.fixture
def mock(_served: RunningMock) -> RunningMock:
    """The shared mock, with no segments, no journal and fresh rate-limit counters."""
    _served.reset("launchdarkly")
    return _served
