"""The pytest plugin, used as a user would: a test suite with no set-up, run by pytester."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

USER_SUITE = """
import httpx

def test_mock_on_a_free_port(contracts_mock):
    body = "nonce=0123456789abcdef&eventType=PAGE&href=h"
    answer = httpx.post(f"{contracts_mock.url}/visit/events",
                        params={"siteCode": "s", "visitorCode": "v"}, content=body)
    assert answer.status_code == 202
    (entry,) = contracts_mock.journal("kameleoon-data")
    assert entry.status == 202

def test_state_is_reset_between_tests(contracts_mock):
    assert contracts_mock.journal() == []

def test_a_chosen_answer_holds_for_its_test(contracts_mock):
    contracts_mock.answer("kameleoon-data", status=429)  # no times: every request of this test
    for _ in range(2):
        answer = httpx.post(f"{contracts_mock.url}/visit/events",
                            params={"siteCode": "s", "visitorCode": "v"}, content="")
        assert answer.status_code == 429

def test_and_ends_with_it(contracts_mock):
    answer = httpx.post(f"{contracts_mock.url}/visit/events",
                        params={"siteCode": "s", "visitorCode": "v"}, content="")
    assert answer.status_code == 202

def test_generated_clients_point_at_the_mock(contracts_clients):
    from contracts.generated.launchdarkly.client.api.default import create_segment
    from contracts.generated.launchdarkly.client.models import SegmentBody, UserSegment
    answer = create_segment.sync_detailed(
        "default", "production", client=contracts_clients.launchdarkly,
        body=SegmentBody(name="Beta", key="beta"))
    assert answer.status_code == 201 and isinstance(answer.parsed, UserSegment)

    from contracts.generated.kameleoon_automation.client.api.default import create_key_moment
    from contracts.generated.kameleoon_automation.client.models import KeyMomentCreate
    moment = create_key_moment.sync_detailed(
        client=contracts_clients["kameleoon-automation"],
        body=KeyMomentCreate(name="KM", site_id=1))
    assert moment.status_code == 201

    from contracts.generated.capillary.client.api.default import create_target_group
    from contracts.generated.capillary.client.models import TargetGroupCreate
    group = create_target_group.sync_detailed(
        client=contracts_clients.capillary, body=TargetGroupCreate(name="tg"))
    assert group.status_code == 200

def test_in_process_app(contracts_app):
    import asyncio

    async def ask():
        transport = httpx.ASGITransport(app=contracts_app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            return await client.get("/_contracts/health")

    assert "launchdarkly" in asyncio.run(ask()).json()["apis"]
"""

CONFTEST = """
import pytest
from contracts.mock import MockConfig

@pytest.fixture(scope="session")
def contracts_mock_config():
    return MockConfig(apis=("kameleoon-data",), strict=True)
"""


def test_fixtures_work_in_a_suite_with_no_set_up(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_user=USER_SUITE)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=6)


def test_the_config_fixture_can_be_overridden(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(
        test_user="""
import httpx

def test_strict(contracts_mock):
    answer = httpx.post(f"{contracts_mock.url}/visit/events",
                        params={"siteCode": "s", "visitorCode": "v"}, content="nonce=zz")
    assert answer.status_code == 400
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
