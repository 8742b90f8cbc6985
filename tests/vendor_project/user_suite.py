"""A user's own test suite, run by tests/test_installed.py (copied as test_user_suite.py) in a
fresh environment where `contracts` and `acme-contracts` are installed from their wheels: the
plugin's fixtures work there, for the built-in APIs and for a vendor registered from outside."""

from __future__ import annotations

import httpx


def test_a_generated_client_against_the_mock(contracts_mock, contracts_clients):
    from contracts.generated.launchdarkly.client.api.default import create_segment
    from contracts.generated.launchdarkly.client.models import SegmentBody

    response = create_segment.sync_detailed(
        "default",
        "production",
        client=contracts_clients.launchdarkly,
        body=SegmentBody(name="Beta users", key="beta-users"),
    )
    assert response.status_code == 201
    assert contracts_mock.journal("launchdarkly")[-1].status == 201


def test_the_outside_vendor_is_served_by_the_mock(contracts_mock):
    order = {"sku": "ANVIL42", "quantity": 2, "delivery": "express"}
    headers = {"X-Api-Key": "user-suite-key"}
    refused = httpx.post(f"{contracts_mock.url}/orders", json=order, headers=headers)
    # acme.txt:20: an express order without an address is refused with 400.
    assert refused.status_code == 400
    assert "express_needs_address" in refused.json()["message"]
    order["address"] = "1 Desert Road"
    created = httpx.post(f"{contracts_mock.url}/orders", json=order, headers=headers)
    assert created.status_code == 201
    assert created.json()["delivery"] == "express"
    assert [entry.status for entry in contracts_mock.journal("acme")] == [400, 201]


def test_the_journal_is_reset_between_tests(contracts_mock):
    assert contracts_mock.journal("acme") == []
