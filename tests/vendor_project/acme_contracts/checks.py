"""How `contracts check` drives `POST /orders`."""

from __future__ import annotations

from typing import Any

from contracts.vendor import ChecksRoom, Sample, Scenario, Step


def credentials(token: str) -> dict[str, str]:
    return {"X-Api-Key": token}  # acme.txt:7


def mock_settings(token: str) -> dict[str, Any]:
    return {"tokens": [token]}


def scenarios() -> list[Scenario]:
    """Without an API key the order is refused with 401 (acme.txt:8)."""
    order = Sample({"sku": "ANVIL42", "quantity": 1})
    return [
        Scenario(
            "no API key",
            [Step(order, frozenset({401}), note="create without a key", credentials=False)],
        )
    ]


ROOM = ChecksRoom(credentials=credentials, mock_settings=mock_settings, scenarios=scenarios)
