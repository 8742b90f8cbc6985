"""The checks `contracts check` applies to every response, as plain functions.

Most are schemathesis' own (same signature: `(ctx, response, case) -> bool | None`, raising a
`Failure`); `expected_outcome` is ours: it holds the server to what the contract says about a
payload drawn from our strategies (accepted, or refused with a 4xx). Stateful behaviour (a duplicate
after a create, a retry) is checked by `Scenario`s that each vendor folder's `checks.py` defines.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from schemathesis import checks as st_checks
from schemathesis.core.failures import Failure
from schemathesis.specs.openapi import checks as openapi_checks

from .rules import Expectation, expected_by_rules
from .samples import Sample
from .scenarios import Scenario, Step, error_code_is, tagged

CheckFunction = Callable[..., bool | None]

# Response checks applied to every probe, by the name reports use.
RESPONSE_CHECKS: dict[str, CheckFunction] = {
    "not_a_server_error": st_checks.not_a_server_error,
    "status_code_conformance": openapi_checks.status_code_conformance,
    "content_type_conformance": openapi_checks.content_type_conformance,
    "response_headers_conformance": openapi_checks.response_headers_conformance,
    "response_schema_conformance": openapi_checks.response_schema_conformance,
}
POSITIVE_CHECKS: dict[str, CheckFunction] = {
    "positive_data_accepted": openapi_checks.positive_data_acceptance,
    "auth_enforced": openapi_checks.ignored_auth,
}
NEGATIVE_CHECKS: dict[str, CheckFunction] = {
    "negative_data_rejected": openapi_checks.negative_data_rejection,
}


class UnexpectedOutcome(Failure):
    """The server accepted what the contract refuses, or refused what it accepts."""

    code = "ST902"
    kind_title = "Outcome differs from the contract"


def expected_outcome(
    expectation: Expectation, reason: str, conflict: Callable[[Any], bool] = lambda r: False
) -> CheckFunction:
    """A check that the response is a 2xx (`accept`) or a 4xx (`refuse`). `conflict` tells the
    API's refusal for the state, not the payload (a key already taken): no verdict on those."""

    def check(ctx: Any, response: Any, case: Any) -> bool | None:
        status = int(response.status_code)
        if conflict(response):
            return None
        if expectation == "accept" and not 200 <= status < 300:
            raise UnexpectedOutcome(
                operation=case.operation.label,
                title="Valid payload refused",
                message=f"{reason}: the contract accepts it, the server answered {status}",
            )
        if expectation == "refuse" and not 400 <= status < 500:
            raise UnexpectedOutcome(
                operation=case.operation.label,
                title="Invalid payload accepted",
                message=f"{reason}: the contract refuses it, the server answered {status}",
            )
        return True

    check.__name__ = "expected_outcome"
    return check


def unless(conflict: Callable[[Any], bool], check: CheckFunction) -> CheckFunction:
    """`check`, except on answers that refuse for the state (a name already taken): a short name
    drawn twice is a conflict of the run, not a fault of the server."""

    def guarded(ctx: Any, response: Any, case: Any) -> bool | None:
        return None if conflict(response) else check(ctx, response, case)

    guarded.__name__ = getattr(check, "__name__", "check")
    return guarded


def json_media_type(sample: Sample) -> str:
    return "application/json"


def no_query(media_type: str) -> dict[str, str]:
    return {}


def leave_case(case: Any) -> None:
    pass


# What a vendor folder's checks.py may leave out: a JSON body, no query, nothing to align.
DEFAULT_HOOKS: dict[str, Callable[..., Any]] = {
    "media_type": json_media_type,  # (sample) -> the media type to send it as
    "example_query": no_query,  # (media type) -> the query the spec's examples go with
    "align_case": leave_case,  # (schemathesis case) -> None: tie what OpenAPI cannot
}


__all__ = [  # the shapes vendor folders used to import from here (now in contracts.vendor)
    "Expectation",
    "Scenario",
    "Step",
    "error_code_is",
    "expected_by_rules",
    "tagged",
]
