"""How `contracts check` drives `POST /key-moments`."""

from __future__ import annotations

from typing import Any

from ...vendor import ChecksRoom, Expectation, Sample, Scenario, Step, expected_by_rules
from .rules import RULES

PATH_PARAMETERS: dict[str, str] = {}
AUTH_RULES = frozenset({"bearer_token"})  # samples that bring their own credentials


def credentials(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}  # kameleoon-automation-create-key-moment.txt:136


def mock_settings(token: str) -> dict[str, Any]:
    return {"tokens": [token]}


def unique(body: Any, tag: int) -> Any:
    return body  # names need not be unique


def state_conflict(response: Any) -> bool:
    return False  # nothing here is refused for the state


def expectation(sample: Sample) -> Expectation:
    return expected_by_rules(RULES, sample)


def scenarios() -> list[Scenario]:
    moment = Sample({"name": "Contracts check", "siteId": 8372})
    return [
        Scenario(
            "the same name twice",
            [
                Step(moment, frozenset({201}), note="create"),
                Step(moment, frozenset({201}), note="create the same name again (allowed)"),
            ],
        ),
        Scenario(
            "no bearer token",
            [
                Step(
                    moment,
                    frozenset({401}),
                    note="create without credentials",
                    credentials=False,
                )
            ],
        ),
    ]


ROOM = ChecksRoom(
    credentials=credentials,
    path_parameters=PATH_PARAMETERS,
    auth_rules=AUTH_RULES,
    mock_settings=mock_settings,
    expectation=expectation,
    unique=unique,
    state_conflict=state_conflict,
    scenarios=scenarios,
)
