"""`contracts verify --report DIR`: the coverage view of `contracts check` (`contracts.report_html`)
for recorded traffic, in report.html and report.json.

Per API and edition the traffic reached: every rule of that edition's book with the exchanges that
kept and broke it, every spec constraint held at or past its limit, the statuses answered against
those documented, the variants sent (the data API's event types). Each error found is a failure
with its rule, page line, the page's words and a curl made from the recorded request (secrets
filtered: the URL as verify redacts it, secret headers as `[Filtered]`).

report.json is `contracts verify --format json` plus `"rule_coverage": {"API (edition)": ...}`, each
as `contracts check`'s report.json `coverage` entries (see `contracts.report`), and `"failures"`
as its `findings`.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import boundaries
from .coverage_docs import quote, start_count
from .har import Exchange
from .report_html import View, render
from .results import Coverage, Finding
from .secrecy import is_secret_header
from .verdicts import ANSWER_SHOWN
from .violations import Severity, Violation

if TYPE_CHECKING:
    from .verify import Report, Target


class RuleTally:
    """What the checked exchanges exercised of each rule and constraint, and their failures."""

    def __init__(self) -> None:
        self.coverage: dict[str, Coverage] = {}
        self.failures: list[Finding] = []

    def add(
        self, index: int, url: str, exchange: Exchange, target: Target, found: list[Violation]
    ) -> None:
        api, edition = target.api, target.edition
        label = f"{api.name} ({edition})"
        coverage = self.coverage.get(label)
        if coverage is None:
            coverage = start_count(api, edition, api.rules().rules_of(edition), {})
            self.coverage[label] = coverage
        request = exchange.request
        broken = {v.rule for v in found if not v.field.startswith("response")}
        room = api.coverage()
        variants = [v for v, _ in room.items(request, edition)] if room is not None else []
        limits = (
            {(c.key, at) for c, at in boundaries.hits(target.spec, request)}
            if exchange.request_body_recorded
            else set()
        )
        status = exchange.response.status if exchange.response is not None else None
        coverage.record(broken, limits, status, variants)
        for violation in found:
            if violation.severity is Severity.ERROR:
                self.failures.append(_failure(index, url, exchange, target, violation))


def _failure(
    index: int, url: str, exchange: Exchange, target: Target, violation: Violation
) -> Finding:
    request, response = exchange.request, exchange.response
    headers = {
        name: "[Filtered]" if is_secret_header(name) else value
        for name, value in request.headers.items()
        if name.lower() != "content-length"
    }
    body = request.body.decode("utf-8", "replace")
    parts = ["curl", "-X", request.method]
    for name, value in headers.items():
        parts += ["-H", f"{name}: {value}"]
    if body:
        parts += ["--data-raw", body[:ANSWER_SHOWN]]
    answer = response.body.decode("utf-8", "replace")[:ANSWER_SHOWN] if response else ""
    rule = target.api.rules().rules_of(target.edition).get(violation.rule)
    where = "the response" if violation.field.startswith("response") else "the request"
    expected = f"{where} keeps {violation.rule}" + (f": {rule.statement}" if rule else "")
    return Finding(
        api=target.api.name,
        phase="recorded",
        check=f"exchange #{index}",
        title=violation.message,
        message=str(violation),
        curl=" ".join(shlex.quote(part) for part in [*parts, url]),
        status=response.status if response else None,
        note=f"{target.operation.label}, edition {target.edition}",
        request={"method": request.method, "url": url, "headers": headers, "body": body},
        rule=violation.rule,
        doc=str(violation.doc or ""),
        expected=expected,
        answer=answer,
    )


def verify_view(report: Report) -> View:
    summary = report.to_dict()["summary"]
    line = (
        f"{report.source} ({report.format}): {summary['exchanges']} exchanges, "
        f"{summary['checked']} against a contract, {summary['not_in_contract']} in none; "
        f"{report.errors} errors, {report.warnings} warnings"
    )
    coverage = sorted(report.rules.coverage.items())
    return View("contracts verify", not report.errors, line, coverage, report.rules.failures)


def to_json(report: Report) -> dict[str, Any]:
    return {
        **report.to_dict(),
        "rule_coverage": {label: c.to_dict() for label, c in sorted(report.rules.coverage.items())},
        "failures": [
            {**f.to_dict(), "quote": quote(f.doc), "signature": f.signature}
            for f in report.rules.failures
        ],
    }


def write_verify_reports(report: Report, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    page, data = folder / "report.html", folder / "report.json"
    page.write_text(render(verify_view(report)), encoding="utf-8")
    data.write_text(json.dumps(to_json(report), indent=2, default=str), encoding="utf-8")
    return [page, data]
