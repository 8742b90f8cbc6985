"""Our generated client (generated/capillary, from specs/capillary.yaml) against the mock: what a
caller of the client sees for a create, a taken name and a long target name."""

from __future__ import annotations

import base64
from typing import Any

from contracts.generated.capillary.client import AuthenticatedClient
from contracts.generated.capillary.client.api.default import create_target_group
from contracts.generated.capillary.client.models import TargetGroupCreate, TargetGroupResponse
from contracts.mock import RunningMock

from .support import PASSWORD, USER, count_body, event_attribute_body


def client(mock: RunningMock) -> AuthenticatedClient:
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    return AuthenticatedClient(base_url=mock.url, token=token, prefix="Basic")


def create(mock: RunningMock, body: dict[str, Any]) -> tuple[int, TargetGroupResponse]:
    response = create_target_group.sync_detailed(
        client=client(mock), body=TargetGroupCreate.from_dict(body)
    )
    assert isinstance(response.parsed, TargetGroupResponse), response.content
    return response.status_code, response.parsed


def test_the_client_creates_a_target_group(mock: RunningMock) -> None:
    """The page's EVENT_ATTRIBUTE request (capillary-create-target-group-behavioural.txt:74-131),
    sent by the generated client with Basic credentials (line 73), comes back as the created group
    with its periods and targets (lines 529-678)."""
    status, parsed = create(mock, event_attribute_body())
    assert status == 200
    data = parsed.to_dict()["data"]
    assert data["name"] == "uatTargetGroupBE02"
    assert [p["refCode"] for p in data["periods"]] == ["Cycle_1", "Cycle_2"]
    (target,) = data["targets"]
    assert target["extendedFieldInfo"] == {"name": "Customer", "aggregateFunction": "SUM"}
    assert [v["periodId"] for v in target["defaultValues"]] == [p["id"] for p in data["periods"]]
    assert parsed.to_dict()["errors"] is None


def test_the_client_sees_310069_for_a_taken_name(mock: RunningMock) -> None:
    """'Target group name already exists', 310069 (capillary-create-target-group-behavioural.txt:
    683), parsed by the client from the 400 envelope."""
    assert create(mock, count_body())[0] == 200
    status, parsed = create(mock, count_body())
    assert status == 400
    body = parsed.to_dict()
    assert body["data"] is None
    assert [e["code"] for e in body["errors"]] == [310069]


def test_the_client_sees_310008_for_a_long_target_name(mock: RunningMock) -> None:
    """'Length of Target rule name cannot exceed 200', 310008
    (capillary-create-target-group-behavioural.txt:685)."""
    body = count_body()
    body["targets"][0]["name"] = "t" * 201
    status, parsed = create(mock, body)
    assert status == 400
    assert [e["code"] for e in parsed.to_dict()["errors"]] == [310008]
