"""How `contracts check` drives `POST /v3/targetGroups`."""

from __future__ import annotations

import base64
from typing import Any

from ...vendor import (
    ChecksRoom,
    Expectation,
    Sample,
    Scenario,
    Step,
    error_code_is,
    expected_by_rules,
    tagged,
)
from .rules import NAME_EXISTS, RULES, TARGET_NAME_TOO_LONG

PATH_PARAMETERS: dict[str, str] = {}
AUTH_RULES = frozenset({"credentials_required"})  # samples that bring their own credentials


def credentials(token: str) -> dict[str, str]:
    """'user:password' is sent as Basic (page line 73), anything else as an OAuth bearer token."""
    if ":" in token:
        return {"Authorization": "Basic " + base64.b64encode(token.encode()).decode("ascii")}
    return {"Authorization": f"Bearer {token}"}


def mock_settings(token: str) -> dict[str, Any]:
    return {"credentials": [token]}


def unique(body: Any, tag: int) -> Any:
    """A group name is unique in an org (error 310069): each probe gets its own. The name keeps
    its length, so a name at the 200-character limit stays at it."""
    if not isinstance(body, dict) or not isinstance(body.get("name"), str):
        return body
    return {**body, "name": tagged(body["name"], tag)}


def state_conflict(response: Any) -> bool:
    """The refusal of a name already taken (310069), which says nothing about the payload."""
    return int(response.status_code) == 400 and error_code_is(NAME_EXISTS)(response) is None


def expectation(sample: Sample) -> Expectation:
    return expected_by_rules(RULES, sample)  # warnings accepted, reported in x-contract-* headers


def scenarios() -> list[Scenario]:
    group = Sample({"name": "contracts check group"})
    long_target = Sample({"name": "contracts check long target",
                          "targets": [{"name": "t" * 201, "targetType": "COUNT",
                                       "targetEntity": "EVENT", "eventName": "e"}]})  # fmt: skip
    return [
        Scenario(
            "a duplicate group name",
            [
                Step(group, frozenset({200}), note="create"),
                Step(
                    group,
                    frozenset({400}),
                    error_code_is(NAME_EXISTS),
                    note="create the same name again (310069)",
                ),
            ],
        ),
        Scenario(
            "a target name past 200 characters",
            [
                Step(
                    long_target,
                    frozenset({400}),
                    error_code_is(TARGET_NAME_TOO_LONG),
                    note="create (310008)",
                )
            ],
        ),
        Scenario(
            "no credentials",
            [
                Step(
                    group,
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
