"""What the contract expects of an answer, and the checks each answer goes through: the spec's
(schemathesis), ours (`expected_outcome`), and the contract's verdict on the request as sent."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests
from schemathesis.core.failures import Failure, FailureGroup

from . import boundaries
from . import checks as contract_checks
from .context import Driver
from .coverage_docs import constraint_doc
from .exchange import HttpRequest
from .probes import Probe
from .rules import Expectation
from .samples import Sample
from .security import satisfied
from .specs import Spec
from .transport import NoAnswer, NoAnswerFailure, send, sent_request
from .validation import find_operation
from .violations import Violation

ANSWER_SHOWN = 2000  # characters of a response body a finding keeps

# The checks about the answer alone: they rest on the spec's responses, not on a rule.
RESPONSE_ONLY = frozenset(contract_checks.RESPONSE_CHECKS) - {"not_a_server_error"}


def lacks_credentials(spec: Spec, request: HttpRequest) -> bool:
    """Whether the operation of the request requires credentials the request does not carry (an
    unknown operation: whether any operation requires credentials the request lacks)."""
    matched = find_operation(spec, request.method, request.path)
    operations = [matched[0]] if matched else spec.operations()
    return any(not satisfied(spec, op.definition, request) for op in operations)


def read_sent(
    driver: Driver, response: requests.Response
) -> tuple[HttpRequest, tuple[Violation, ...]]:
    """The request of an answer as the rules read it, and the violations they find in it (with no
    store: what the request alone breaks). Read once per answer: the verdict on a generated
    request and the coverage count ask for the same answer's."""
    last = driver.last_read
    if last is not None and last[0] is response:
        return last[1], last[2]
    sent = sent_request(response)
    found = tuple(driver.rules.check_request(sent, None))
    driver.last_read = (response, sent, found)
    return sent, found


def contract_verdict(driver: Driver, response: requests.Response) -> tuple[Expectation, str]:
    """What the contract (the spec and the rules beyond it) says of the request sent: accepted,
    refused, and why. schemathesis knows only the spec; the rules know more (a name may not be
    empty, an unexposition cause needs the reference variation, ...), and each API says which
    of its findings its service refuses."""
    verdict, why, _ = deciding_violation(driver, response)
    return verdict, why


def deciding_violation(
    driver: Driver, response: requests.Response
) -> tuple[Expectation, str, Violation | None]:
    """`contract_verdict` with the violation that decided it (None: no rule broken, or no
    credentials)."""
    sent, found = read_sent(driver, response)
    if lacks_credentials(driver.spec, sent):
        return "refuse", "no credentials, and the operation requires them", None
    for violation in found:
        if driver.expectation(Sample(None, violation.rule)) == "refuse":
            return "refuse", str(violation), violation
    if found:
        return "accept", f"the service accepts it despite {found[0]}", found[0]
    return "accept", "no rule of the contract is broken", None


def finding_reason(
    driver: Driver, breaks: str | None, check: str, response: Any
) -> tuple[str, str, str]:
    """(rule, PAGE:LINE, what the contract expected) for a failure of `check` on the answer to a
    probe breaking `breaks` (None: our sample breaks nothing on purpose). The rule is the book's
    when a rule decided what the answer should be, else the spec's own (`spec: responses 200`)."""
    spec = driver.spec
    operation = driver.spec.operations()[0]
    status = getattr(response, "status_code", None)
    if check in RESPONSE_ONLY or isinstance(response, NoAnswer):
        responses = operation.definition.get("responses", {})
        key = next((k for k in (str(status), f"{str(status)[:1]}XX", "default")
                    if k in responses), None)  # fmt: skip
        if key is None:
            documented = ", ".join(sorted(responses))
            return ("spec: responses", str(spec.doc(operation.definition)),
                    f"one of the documented statuses ({documented}); got {status}")  # fmt: skip
        node = spec.resolve(responses[key])
        return (f"spec: responses {key}", str(spec.doc(node)),
                f"an answer as the spec documents for {key}")  # fmt: skip
    if check == "not_a_server_error":
        return "spec: no server error", str(spec.doc(operation.definition)), "no 5xx, whatever sent"
    rule = driver.rules.book.get(breaks)
    if rule is not None:
        expected = driver.expectation(Sample(None, rule.name)) or "either"
        return rule.name, str(rule.doc), f"{expected}: the request breaks {rule.name}"
    if isinstance(response, requests.Response):
        verdict, why, violation = deciding_violation(driver, response)
        if violation is not None:
            return violation.rule, str(violation.doc or ""), f"{verdict}: {why}"
        if "credentials" in why:
            return "spec: security", str(spec.doc(operation.definition)), f"{verdict}: {why}"
        sent, _ = read_sent(driver, response)
        held = sorted(c for c, at in boundaries.hits(spec, sent) if at)
        if verdict == "accept" and held:  # valid at a limit: the limit is what the page states
            constraint = held[0]
            return (f"spec: {constraint.key}", constraint_doc(spec, constraint),
                    f"accept: the request holds {constraint.key} at its limit")  # fmt: skip
        return "", str(spec.doc(operation.definition)), f"{verdict}: {why}"
    return "", "", ""


def answer_of(response: Any) -> str:
    """The body of an answer as a finding shows it: cut short."""
    text = getattr(response, "text", "") or ""
    return text if len(text) <= ANSWER_SHOWN else text[:ANSWER_SHOWN] + "...(cut)"


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
