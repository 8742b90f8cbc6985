"""What a check run found, for people (a summary table) and machines (JUnit XML, JSON) and for
sharing (one self-contained HTML file).

report.json:

    {"base_url": str, "seed": int, "live": bool, "duration_s": float, "requests": int, "ok": bool,
     "results": [{"api", "check", "passed", "failed"}, ...],
     "findings": [{"api", "phase", "check", "title", "message", "curl", "status", "note"}, ...],
     "coverage": {API: {
         "rules": {"exercised": N, "total": M},          # rules some probe kept and some broke
         "constraints": {"at_limit": N, "total": M},     # spec constraints some request held at
                                                         # their limit (contracts.boundaries)
         "unexercised_rules": {rule: why},               # the room's reason, or what is missing
         "constraints_not_at_limit": [constraint key],
         "per_rule": {rule: [probes that kept it, probes that broke it]},
         "per_constraint": {constraint key: [requests at the limit, requests one past it]}}}}

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

from .errors import InputError
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
    """Per API: rules exercised N/M, constraints at their limit N/M, and the rules not exercised
    with why."""
    lines = []
    for api, coverage in sorted(report.coverage.items()):
        rules, hit = coverage.exercised(), coverage.hit()
        lines.append(
            f"{api}: rules exercised {len(rules)}/{len(coverage.rules)} "
            f"({_percent(len(rules), len(coverage.rules))}), constraints at their limit "
            f"{len(hit)}/{len(coverage.constraints)} "
            f"({_percent(len(hit), len(coverage.constraints))})"
        )
        for rule, why in sorted(coverage.unexercised().items()):
            lines.append(f"   not exercised: {rule}: {why}")
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
            {**finding.to_dict(), "signature": finding.signature} for finding in report.findings
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


def write_html(report: Report, path: Path) -> None:
    """A self-contained page: the summary table and every finding with its curl command."""
    rows = "".join(
        f"<tr class='{'bad' if t.failed else 'ok'}'><td>{html.escape(api)}</td>"
        f"<td>{html.escape(check)}</td><td>{t.passed}</td><td>{t.failed}</td></tr>"
        for (api, check), t in sorted(report.tallies.items())
    )
    findings = "".join(
        f"<section><h3>{n}. {html.escape(f.api)} / {html.escape(f.check)}: "
        f"{html.escape(f.title)}</h3><p>phase {html.escape(f.phase)}; probe: "
        f"{html.escape(f.note)}; status {f.status}</p><pre>{html.escape(f.message)}</pre>"
        f"<p>Reproduce:</p><pre>{html.escape(f.curl)}</pre></section>"
        for n, f in enumerate(report.findings, start=1)
    )
    verdict = "FAILED" if report.findings else "passed"
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>contracts check: {verdict}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #222; }}
table {{ border-collapse: collapse; }} td, th {{ border: 1px solid #ccc; padding: .3rem .6rem; }}
tr.bad td {{ background: #fde8e8; }} tr.ok td:last-child {{ color: #888; }}
pre {{ background: #f6f6f6; padding: .6rem; white-space: pre-wrap; word-break: break-all; }}
h1 span.FAILED {{ color: #b00; }} h1 span.passed {{ color: #070; }}
</style></head><body>
<h1>contracts check: <span class="{verdict}">{verdict}</span></h1>
<p>{len(report.findings)} distinct failures; {report.total_probes} requests in
{report.duration:.1f} s; seed {report.seed}; target {html.escape(report.base_url)}.</p>
<table><tr><th>API</th><th>check</th><th>passed</th><th>failed</th></tr>{rows}</table>
<h2>Failures</h2>{findings or "<p>None.</p>"}
</body></html>
"""
    path.write_text(page, encoding="utf-8")


def write_reports(report: Report, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    junit, page, data = folder / "junit.xml", folder / "report.html", folder / "report.json"
    write_junit(report, junit)
    write_html(report, page)
    data.write_text(json.dumps(to_json(report), indent=2), encoding="utf-8")
    return [junit, page, data]
