"""The checks `contracts check` applies to every response, as plain functions.

Most are schemathesis' own (same signature: `(ctx, response, case) -> bool | None`, raising a
`Failure`); `expected_outcome` is ours: it holds the server to what the contract says about a
payload drawn from our strategies (accepted, or refused with a 4xx). Stateful behaviour (a duplicate
after a create, a retry) is checked by `Scenario`s that each vendor folder's `checks.py` defines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from schemathesis import checks as st_checks
from schemathesis.core.failures import Failure
from schemathesis.specs.openapi import checks as openapi_checks

from .rules import RuleBook
from .samples import Sample

CheckFunction = Callable[..., bool | None]
Expectation = Literal["accept", "refuse"] | None

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


def expected_by_rules(book: RuleBook, sample: Sample) -> Expectation:
    """What the service does with a sample: a valid one is accepted; one that breaks a rule is
    refused when the rule says the service refuses it; one that breaks a keyword of the spec's
    schema (not a named rule) is refused."""
    if sample.valid:
        return "accept"
    return "refuse" if book.refuses(sample.breaks) else "accept"


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


@dataclass(frozen=True)
class Step:
    """One request of a scenario and what its answer must be."""

    sample: Sample
    statuses: frozenset[int]  # the statuses the contract allows here
    # A further look at the answer (a requests.Response): a failure message, or None.
    verify: Callable[[Any], str | None] | None = None
    note: str = ""
    credentials: bool = True  # False: sent without the run's credentials


@dataclass(frozen=True)
class Scenario:
    """A stateful check: steps sent in order to the same server (a create, then its duplicate)."""

    name: str
    steps: list[Step] = field(default_factory=list)
    mock_only: bool = False  # depends on state only our mock exposes


TAG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def tagged(text: str, tag: int) -> str:
    """`text` with its tail replaced by `tag` written in base 62, keeping its length, so that a
    name unique per account differs from probe to probe without leaving its length boundary.
    Short texts take the tag's last digits (62 values for one character)."""
    digits = ""
    while True:
        tag, digit = divmod(tag, len(TAG_ALPHABET))
        digits = TAG_ALPHABET[digit] + digits
        if tag == 0:
            break
    if not text:
        return text
    keep = max(0, len(text) - len(digits))
    return text[:keep] + digits[-(len(text) - keep) :]


def error_code_is(code: int) -> Callable[[Any], str | None]:
    """A `verify` for envelopes carrying `errors: [{code, ...}]` (Capillary)."""

    def verify(response: Any) -> str | None:
        try:
            body = response.json()
        except ValueError:
            return f"expected error code {code} in a JSON envelope, got no JSON"
        entries = (body or {}).get("errors") or [] if isinstance(body, Mapping) else []
        codes = [e.get("code") for e in entries if isinstance(e, Mapping)]
        return None if code in codes else f"expected error code {code}, got {codes or 'none'}"

    return verify
