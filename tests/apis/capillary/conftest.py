"""A Capillary mock on 127.0.0.1 for the tests of this folder, started once (with its clock fixed
at the page's response time) and emptied before each test that uses it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from contracts.mock import MockConfig, RunningMock, running_mock

from .support import NOW


@pytest.fixture(scope="session")
def _served() -> Iterator[RunningMock]:
    config = MockConfig(apis=("capillary",), settings={"capillary": {"now": NOW}})
    with running_mock(config) as mock:
        yield mock


@pytest.fixture
def mock(_served: RunningMock) -> RunningMock:
    """The shared mock, with no target groups, no journal and fresh ID counters."""
    _served.reset("capillary")
    return _served
