"""How `contracts check` drives `POST /api/v2/segments/{projectKey}/{environmentKey}`."""

from __future__ import annotations

from typing import Any

from ...vendor import ChecksRoom, Expectation, Sample, Scenario, Step, expected_by_rules, tagged
from .rules import KEY_PATTERN, RULES

# The mock's own project and environment (contracts/apis/launchdarkly/mock.py); against a live
# account pass real ones with --param projectKey=... --param environmentKey=...
PATH_PARAMETERS = {"projectKey": "default", "environmentKey": "production"}
AUTH_RULES = frozenset({"api_key_required"})  # samples that bring their own credentials


def credentials(token: str) -> dict[str, str]:
    return {"Authorization": token}  # the raw API key (launchdarkly-create-segment.txt:7-8)


def mock_settings(token: str) -> dict[str, Any]:
    return {"tokens": [token]}


def unique(body: Any, tag: int) -> Any:
    """A segment key is unique per project and environment: each probe gets its own, so that a
    second probe is not refused as a duplicate. The key keeps its length (a body at a size limit
    stays at it); a key that is not a valid key (breaking a rule on purpose) stays as it is."""
    if not isinstance(body, dict) or not isinstance(body.get("key"), str):
        return body
    key: str = body["key"]
    if not KEY_PATTERN.fullmatch(key):
        return body
    return {**body, "key": tagged(key, tag)}


def state_conflict(response: Any) -> bool:
    """The refusal of a key already taken (409), which says nothing about the payload."""
    return int(response.status_code) == 409


def expectation(sample: Sample) -> Expectation:
    return expected_by_rules(RULES, sample)


def scenarios() -> list[Scenario]:
    """A key is unique in its project and environment: the second create is refused (the spec's
    409, x-choice on the response)."""
    segment = Sample({"name": "Contracts check", "key": "contracts-check"})
    return [
        Scenario(
            "a duplicate segment key",
            [
                Step(segment, frozenset({201}), note="create"),
                Step(segment, frozenset({409}), note="create the same key again"),
            ],
        ),
        Scenario(
            "no API key",
            [
                Step(
                    segment,
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
