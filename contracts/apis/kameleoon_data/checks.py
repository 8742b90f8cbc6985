"""How `contracts check` drives `/visit/events` (see contracts/runner.py)."""

from __future__ import annotations

from typing import Any

from ...vendor import ChecksRoom, Expectation, Sample, Scenario, Step, expected_by_rules
from .events import SITE_CODE
from .rules import RULES

PATH_PARAMETERS: dict[str, str] = {}
AUTH_RULES = frozenset({"authorization_header"})  # samples that bring their own credentials


def credentials(token: str) -> dict[str, str]:
    return {}  # the operation declares no security (openapi.txt:27)


def mock_settings(token: str) -> dict[str, Any]:
    return {}


def media_type(sample: Sample) -> str:
    return "application/json" if sample.query.get("json") == "true" else "text/plain"


def example_query(media_type: str) -> dict[str, str]:
    query = {"siteCode": SITE_CODE, "visitorCode": "contracts-check"}
    return query | ({"json": "true"} if media_type == "application/json" else {})


def unique(body: Any, tag: int) -> Any:
    return body  # a repeated nonce is a retry the service accepts (and stores once)


def state_conflict(response: Any) -> bool:
    return False  # nothing here is refused for the state


def align_case(case: Any) -> None:
    """The `json` switch must say which form the body is in (OpenAPI cannot tie them)."""
    query = case.query if isinstance(case.query, dict) else None
    if query is None or str(query.get("json", "false")).lower() not in ("true", "false"):
        return  # a deliberately broken switch stays broken
    query["json"] = "true" if case.media_type == "application/json" else "false"


def expectation(sample: Sample) -> Expectation:
    # Each rule says whether the service refuses it (rules.py: the query, Authorization, the
    # user agent and the size at once; the body's content is accepted and checked later).
    return expected_by_rules(RULES, sample)


def scenarios() -> list[Scenario]:
    """A retry with the same nonces is accepted and, on our mock, stores nothing twice
    (openapi.txt:108-110: a nonce is unique to each event)."""
    body = "nonce=5a5a5a5a5a5a5a5a&eventType=PAGE&href=https%3A%2F%2Fexample.com%2F"
    retry = Sample(body, query={"siteCode": SITE_CODE, "visitorCode": "contracts-check"})
    return [
        Scenario(
            "a retry with the same nonce",
            [
                Step(retry, frozenset({202}), note="send"),
                Step(retry, frozenset({202}), _stored_nothing, "the retry stores nothing again"),
            ],
            mock_only=True,
        )
    ]


def _stored_nothing(response: Any) -> str | None:
    duplicates = response.headers.get("x-contract-events-duplicate")
    return None if duplicates == "1" else f"the mock stored the retried event again ({duplicates})"


ROOM = ChecksRoom(
    credentials=credentials,
    path_parameters=PATH_PARAMETERS,
    auth_rules=AUTH_RULES,
    mock_settings=mock_settings,
    expectation=expectation,
    unique=unique,
    state_conflict=state_conflict,
    scenarios=scenarios,
    media_type=media_type,
    example_query=example_query,
    align_case=align_case,
)
