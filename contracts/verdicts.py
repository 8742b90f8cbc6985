"""What the contract expects of an answer, and the checks each answer goes through: the spec's
(schemathesis), ours (`expected_outcome`), and the contract's verdict on the request as sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests
from schemathesis.core.failures import Failure, FailureGroup

from . import checks as contract_checks
from .context import Driver
from .exchange import HttpRequest
from .probes import Probe
from .rules import Expectation
from .samples import Sample
from .security import satisfied
from .specs import Spec
from .transport import NoAnswer, NoAnswerFailure, send, sent_request
from .validation import find_operation


def lacks_credentials(spec: Spec, request: HttpRequest) -> bool:
    """Whether the operation of the request requires credentials the request does not carry (an
    unknown operation: whether any operation requires credentials the request lacks)."""
    matched = find_operation(spec, request.method, request.path)
    operations = [matched[0]] if matched else spec.operations()
    return any(not satisfied(spec, op.definition, request) for op in operations)


def contract_verdict(driver: Driver, response: requests.Response) -> tuple[Expectation, str]:
    """What the contract (the spec and the rules beyond it) says of the request sent: accepted,
    refused, and why. schemathesis knows only the spec; the rules know more (a name may not be
    empty, an unexposition cause needs the reference variation, ...), and each API says which
    of its findings its service refuses."""
    sent = sent_request(response)
    if lacks_credentials(driver.spec, sent):
        return "refuse", "no credentials, and the operation requires them"
    found = driver.rules.check_request(sent, None)
    for violation in found:
        if driver.expectation(Sample(None, violation.rule)) == "refuse":
            return "refuse", str(violation)
    if found:
        return "accept", f"the service accepts it despite {found[0]}"
    return "accept", "no rule of the contract is broken"


def checks_for(
    driver: Driver, probe: Probe, response: requests.Response
) -> dict[str, Callable[..., Any]]:
    chosen: dict[str, Callable[..., Any]] = dict(contract_checks.RESPONSE_CHECKS)
    conflict = driver.room.state_conflict
    if probe.generated:
        verdict, why = contract_verdict(driver, response)
        if verdict == "accept" and not probe.negative:
            for name, positive_check in contract_checks.POSITIVE_CHECKS.items():
                chosen[name] = contract_checks.unless(conflict, positive_check)
        elif verdict == "accept":  # schema-violating on paper, but not in what the API checks
            chosen["positive_data_accepted"] = contract_checks.expected_outcome(
                "accept", why, conflict
            )
        elif verdict == "refuse" and probe.negative:
            chosen.update(contract_checks.NEGATIVE_CHECKS)
        elif verdict == "refuse":  # schema-valid, but a rule beyond the schema refuses it
            chosen["negative_data_rejected"] = contract_checks.expected_outcome(
                "refuse", why, conflict
            )
    if probe.expectation is not None:
        chosen["expected_outcome"] = contract_checks.expected_outcome(
            probe.expectation, probe.note, conflict
        )
    return chosen


def check_probe(
    driver: Driver, probe: Probe, base_url: str, session: requests.Session
) -> tuple[Any, dict[str, Failure | None]]:
    """Send a probe and run each check on its answer: the response and each check's failure."""
    try:
        response = send(driver, probe, base_url, session)
    except requests.RequestException as error:  # a dropped connection is a server fault too
        failure = NoAnswerFailure(
            operation=driver.operation.label, message=f"{type(error).__name__}: {error}"
        )
        request = error.request or requests.Request("POST", base_url).prepare()
        return NoAnswer(request, str(error)), {"not_a_server_error": failure}  # type: ignore[arg-type]
    results: dict[str, Failure | None] = {}
    for name, check in checks_for(driver, probe, response).items():
        try:
            probe.case.validate_response(response, checks=[check], headers=driver.credentials)
            results[name] = None
        except FailureGroup as group:
            results[name] = group.exceptions[0]
    return response, results
