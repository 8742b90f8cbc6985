"""What a check run found, for people (a summary table) and machines (JUnit XML, JSON) and for
sharing (one self-contained HTML file).

report.json:

    {"base_url": str, "seed": int, "live": bool, "duration_s": float, "requests": int, "ok": bool,
     "results": [{"api", "check", "passed", "failed"}, ...],
     "findings": [{"api", "phase", "check", "title", "message", "curl", "status", "note",
                   "request": {"method", "url", "headers", "body"},   # secrets filtered
                   "rule": str,       # the rule that decided the expected answer ("" if none);
                                      # `spec: responses 200`, `spec: security`, ... for the spec's
                   "doc": "PAGE:LINE",  # where the page states it
                   "quote": str,      # the page's own words at that line
                   "expected": str,   # what the contract expected, and why
                   "answer": str,     # the response body, cut at 2000 characters
                   "signature": str}, ...],
     "coverage": {API: {
         "edition": str, "page": PAGE,
         "rules": {"exercised": N, "total": M},          # rules some probe kept and some broke
         "constraints": {"at_limit": N, "total": M},     # spec constraints some request held at
                                                         # their limit (contracts.boundaries)
         "unexercised_rules": {rule: why},               # the room's reason, or what is missing
         "constraints_not_at_limit": [constraint key],
         "per_rule": {rule: [probes that kept it, probes that broke it]},
         "per_constraint": {constraint key: [requests at the limit, requests one past it]},
         "rule_details": {rule: {"doc": "PAGE:LINE", "severity", "statement",
                                 "kept": N, "broken": N,
                                 "broken_refused": N,    # of those breaking it, answered 4xx
                                 "broken_accepted": N}}, # answered 2xx
         "constraint_docs": {constraint key: "PAGE:LINE"},
         "statuses": {"documented": [response key], "seen": {status: N},
                      "covered": [response key], "undocumented": [status]},
         "variants": {"label": "event types" or "", "documented": [variant],
                      "seen": {variant: items}}}}}

A constraint key reads `PLACE [WHERE]: KEYWORD LIMIT`: `query visitorCode: maxLength 100`,
`body targets[].name: minLength 1`, `body [].deviceType: enum PHONE` (each enum value is one).
"""

from __future__ import annotations

import html
import json
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .coverage_docs import quote
from .errors import InputError
from .report_html import View, render
from .runner import Report, probes_per_second


def summary_table(report: Report) -> Table:
    table = Table(title="contracts check: results per API and check")
    for column in ("API", "check", "passed", "failed"):
        table.add_column(column, justify="right" if column in ("passed", "failed") else "left")
    for (api, check), tally in sorted(report.tallies.items()):
        failed = f"[red]{tally.failed}[/]" if tally.failed else "0"
        table.add_row(api, check, str(tally.passed), failed)
    return table


def _percent(part: int, whole: int) -> str:
    return f"{100 * part // whole}%" if whole else "n/a"


def coverage_lines(report: Report) -> list[str]:
    """Per API, one screen in all: rules exercised N/M, constraints at their limit N/M, documented
    statuses seen N/M (and the variants sent, where the body has them); then the rules not
    exercised with why, and the documented statuses never seen."""
    lines = []
    for api, coverage in sorted(report.coverage.items()):
        rules, hit = coverage.exercised(), coverage.hit()
        statuses = coverage.statuses_covered()
        line = (
            f"{api}: rules exercised {len(rules)}/{len(coverage.rules)} "
            f"({_percent(len(rules), len(coverage.rules))}), constraints at their limit "
            f"{len(hit)}/{len(coverage.constraints)} "
            f"({_percent(len(hit), len(coverage.constraints))}), documented statuses seen "
            f"{len(statuses)}/{len(coverage.documented_statuses)}"
        )
        if coverage.variant_label:
            seen = [v for v in coverage.documented_variants if coverage.variants.get(v)]
            line += f", {coverage.variant_label} {len(seen)}/{len(coverage.documented_variants)}"
        lines.append(line)
        for rule, why in sorted(coverage.unexercised().items()):
            doc = coverage.rule_info[rule].doc if rule in coverage.rule_info else ""
            lines.append(f"   not exercised: {rule} ({doc}): {why}")
        unseen = [s for s in coverage.documented_statuses if s not in statuses]
        if unseen:
            lines.append(f"   statuses never answered: {', '.join(unseen)}")
    return lines


def print_report(report: Report, console: Console) -> None:
    console.print(summary_table(report))
    for line in coverage_lines(report):
        console.print(escape(line), highlight=False, soft_wrap=True)
    for number, finding in enumerate(report.findings, start=1):
        console.print(
            f"\n[bold red]{number}. {escape(finding.api)} / {escape(finding.check)}[/] "
            f"({escape(finding.phase)}): {escape(finding.title)}",
            highlight=False,
        )
        if finding.note:
            console.print(f"   probe: {escape(finding.note)}", highlight=False)
        if finding.rule or finding.expected:
            text = f"   expected: {finding.expected} [{finding.rule or 'no rule'}; {finding.doc}]"
            console.print(escape(text), highlight=False, soft_wrap=True)
        for line in finding.message.splitlines()[:12]:
            console.print(f"   {escape(line)}", highlight=False, soft_wrap=True)
        console.print("   reproduce:", highlight=False)
        console.print(f"   {escape(finding.curl)}", highlight=False, soft_wrap=True)
    verdict = "[red]FAILED[/]" if report.findings else "[green]passed[/]"
    console.print(
        f"\n{verdict}: {len(report.findings)} distinct failures, {report.total_probes} requests "
        f"in {report.duration:.1f} s ({probes_per_second(report):.0f}/s), seed {report.seed}, "
        f"against {escape(report.base_url)}",
        highlight=False,
    )


def to_json(report: Report) -> dict[str, object]:
    return {
        "base_url": report.base_url,
        "seed": report.seed,
        "live": report.live,
        "duration_s": round(report.duration, 3),
        "requests": report.total_probes,
        "retries": report.retries,
        "waited_s": round(report.waited, 3),
        "ok": report.ok,
        "results": [
            {"api": api, "check": check, "passed": t.passed, "failed": t.failed}
            for (api, check), t in sorted(report.tallies.items())
        ],
        "findings": [
            {**finding.to_dict(), "quote": quote(finding.doc), "signature": finding.signature}
            for finding in report.findings
        ],
        "coverage": {api: c.to_dict() for api, c in sorted(report.coverage.items())},
    }


def known_signatures(path: Path) -> set[str]:
    """The signatures of the failures an earlier run's report.json lists (`--baseline`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {str(finding["signature"]) for finding in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{path}: not a report.json of contracts check ({error})") from None


def write_junit(report: Report, path: Path) -> None:
    """One test suite per API, one test case per check; a failed check lists its findings."""
    by_api: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for (api, check), tally in sorted(report.tallies.items()):
        by_api[api].append((check, tally.passed, tally.failed))
    findings = defaultdict(list)
    for finding in report.findings:
        findings[(finding.api, finding.check)].append(finding)
    suites = ET.Element(
        "testsuites",
        name="contracts check",
        tests=str(len(report.tallies)),
        failures=str(sum(1 for t in report.tallies.values() if t.failed)),
        time=f"{report.duration:.3f}",
    )
    for api, rows in by_api.items():
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=api,
            tests=str(len(rows)),
            failures=str(sum(1 for _, _, failed in rows if failed)),
            timestamp=time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(report.started)),
        )
        for check, passed, failed in rows:
            case = ET.SubElement(suite, "testcase", classname=api, name=check)
            ET.SubElement(case, "system-out").text = f"{passed} passed, {failed} failed"
            if failed:
                listed = findings.get((api, check), [])
                text = "\n\n".join(
                    f"{f.title} ({f.phase})\n{f.message}\nreproduce: {f.curl}" for f in listed
                )
                title = listed[0].title if listed else f"{failed} responses failed {check}"
                ET.SubElement(case, "failure", message=title).text = text or title
    ET.indent(suites)
    path.write_bytes(ET.tostring(suites, encoding="utf-8", xml_declaration=True))


def check_view(report: Report) -> View:
    """What report.html shows for a check or fuzz run."""
    rows = "".join(
        f"<tr class='{'failed' if t.failed else 'ok'}'><td>{html.escape(api)}</td>"
        f"<td>{html.escape(check)}</td><td class='n'>{t.passed}</td><td class='n'>{t.failed}</td>"
        "</tr>"
        for (api, check), t in sorted(report.tallies.items())
    )
    checks = (
        "<div class='scroll'><table><thead><tr><th>API</th><th>check</th><th>passed</th>"
        f"<th>failed</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )
    summary = (
        f"{len(report.findings)} distinct failures; {report.total_probes} requests in "
        f"{report.duration:.1f} s; seed {report.seed}; target {report.base_url}"
    )
    coverage = [
        (f"{api} ({c.edition})" if c.edition else api, c)
        for api, c in sorted(report.coverage.items())
    ]
    return View("contracts check", report.ok, summary, coverage, report.findings,
                [("Checks per API", checks)])  # fmt: skip


def write_html(report: Report, path: Path) -> None:
    """One self-contained page (`contracts.report_html`)."""
    path.write_text(render(check_view(report)), encoding="utf-8")


def write_reports(report: Report, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    junit, page, data = folder / "junit.xml", folder / "report.html", folder / "report.json"
    write_junit(report, junit)
    write_html(report, page)
    data.write_text(json.dumps(to_json(report), indent=2), encoding="utf-8")
    return [junit, page, data]
