"""The reports people read: coverage traced to the page, failures with their rule and the page's
words, the pages with line anchors, one self-contained file; `contracts verify --report`; the
progress lines of a run outside a terminal."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from contracts.cli import main
from contracts.coverage_docs import page_lines, quote
from contracts.exchange import HttpRequest
from contracts.har import Exchange, write_har
from contracts.registry import get_api
from contracts.report import to_json, write_reports
from contracts.report_html import render
from contracts.results import Coverage, Finding, Report, RuleInfo
from contracts.runner import CheckOptions, run_checks
from tests.broken_servers import TOKEN, broken_server, group_id_as_string

HERE = Path(__file__).parent
CAPILLARY_PAGE = "capillary-create-target-group-behavioural.txt"


@pytest.fixture(scope="module")
def faulty_run() -> Report:
    """capillary's mock answering data.id as a string: a response schema failure."""
    with broken_server("capillary", group_id_as_string) as server:
        options = CheckOptions(base_url=server.url, tokens={"capillary": TOKEN}, max_examples=3,
                               phases=("examples", "boundary", "stateful"))  # fmt: skip
        return run_checks([get_api("capillary")], options)


def test_a_failure_names_its_rule_page_line_words_and_answer(faulty_run: Report) -> None:
    """The string id breaks the spec's 200 response, which cites
    capillary-create-target-group-behavioural.txt:291 ("Response parameters")."""
    schema = [f for f in faulty_run.findings if f.check == "response_schema_conformance"]
    assert schema, [f.title for f in faulty_run.findings]
    finding = schema[0]
    assert (finding.rule, finding.doc) == ("spec: responses 200", f"{CAPILLARY_PAGE}:291")
    assert quote(finding.doc) == "Response parameters"
    assert '"id": "' in finding.answer or '"id":"' in finding.answer  # the string id, as answered
    assert TOKEN not in finding.answer + finding.curl + json.dumps(finding.request)
    data = to_json(faulty_run)
    (row,) = [f for f in data["findings"] if f["signature"] == finding.signature]  # type: ignore[union-attr]
    assert row["quote"] == "Response parameters" and row["rule"] == "spec: responses 200"


def test_every_rule_and_constraint_is_listed_with_a_page_line_that_exists(
    faulty_run: Report,
) -> None:
    coverage = to_json(faulty_run)["coverage"]["capillary"]  # type: ignore[index]
    book = get_api("capillary").rules().book
    assert set(coverage["rule_details"]) == set(book.names())
    lines = page_lines(CAPILLARY_PAGE)
    for rule, details in coverage["rule_details"].items():
        assert details["doc"] == str(book[rule].doc)
        page, _, line = details["doc"].partition(":")
        assert page == CAPILLARY_PAGE and 1 <= int(line) <= len(lines), rule
        assert details["kept"] + details["broken"] == faulty_run.probes["capillary"]
    for doc in coverage["constraint_docs"].values():
        assert doc.startswith(f"{CAPILLARY_PAGE}:") and int(doc.rsplit(":", 1)[1]) <= len(lines)
    # capillary-create-target-group-behavioural.txt:213: the name's 200-character limit
    assert coverage["constraint_docs"]["body name: maxLength 200"] == f"{CAPILLARY_PAGE}:213"
    assert "200" in coverage["statuses"]["covered"]


def test_the_html_is_one_file_with_anchored_pages_and_rules_linked_to_them(
    faulty_run: Report, tmp_path: Path
) -> None:
    write_reports(faulty_run, tmp_path)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=['"]?(https?:)?//""", page)  # no network
    assert "<link" not in page and "@import" not in page
    anchors = set(re.findall(r"id=([\w-]+-L\d+)", page))
    assert len(anchors) == len(page_lines(CAPILLARY_PAGE))
    links = set(re.findall(r"href='#([\w-]+-L\d+)'", page))
    assert "capillary-create-target-group-behavioural-L291" in links  # the finding's rule
    assert "capillary-create-target-group-behavioural-L213" in links  # target_group_name_length
    assert links <= anchors  # every page line linked is on the page
    assert page.index("id='failures'") < page.index("id='coverage'")  # a failed run: failures first
    assert "Response parameters" in page and "curl -X POST" in page


def test_never_exercised_rules_stand_out_and_merge_keeps_every_field() -> None:
    info = {r: RuleInfo(f"{CAPILLARY_PAGE}:{n}", "error", f"rule {r}") for n, r in
            ((10, "a"), (20, "b"))}  # fmt: skip
    first = Report("http://127.0.0.1:1", 0, False)
    first.coverage["x"] = Coverage(rules=["a", "b"], rule_info=info, documented_statuses=["200"])
    first.coverage["x"].record({"a"}, {("q: maxLength 3", True)}, 400)
    second = Report("http://127.0.0.1:1", 0, False)
    second.coverage["x"] = Coverage(rules=["a", "b"], rule_info=info, documented_statuses=["200"])
    second.coverage["x"].record(set(), set(), 200, ["PAGE"])
    found = Finding("x", "boundary", "expected_outcome", "t", "m", "curl", 400, rule="a",
                    doc=f"{CAPILLARY_PAGE}:10", expected="accept", answer="{}")  # fmt: skip
    second.findings.append(found)
    first.merge(second)
    merged = first.coverage["x"]
    assert (merged.kept, merged.broken) == ({"b": 2, "a": 1}, {"a": 1})
    assert (merged.statuses, merged.refused, merged.variants) == (
        {"400": 1, "200": 1}, {"a": 1}, {"PAGE": 1})  # fmt: skip
    assert first.findings == [found]
    html = render(__import__("contracts.report").report.check_view(first))
    assert "1 rule never exercised" in html and "never broken" in html
    assert re.search(r"<tr class='failed'[^>]*><td><span class='rule'>a</span>", html)


def test_quote_is_the_page_line_without_markup() -> None:
    # kameleoon-data-visit-events-openapi.txt:105 is saved as HTML: the quote drops the tags
    words = quote("kameleoon-data-visit-events-openapi.txt:105")
    assert "Limit to 100" in words and "<" not in words
    assert quote("kameleoon-data-visit-events-openapi.txt:999999") == ""
    assert quote("no-such-page.txt:1") == ""


def sdk_har(path: Path) -> Path:
    """tests/apis/kameleoon_data/sdk_traffic.json (requests captured from the Python SDK) as a
    HAR file without responses."""
    traffic = json.loads((HERE / "apis/kameleoon_data/sdk_traffic.json").read_text())
    exchanges = [
        Exchange(
            f"https://data.kameleoon.io{t['path']}" + (f"?{t['query']}" if t["query"] else ""),
            HttpRequest.build(t["method"], t["path"], t["query"], t["headers"], t["body"]),
            None,
        )
        for t in traffic
    ]
    write_har(exchanges, path)
    return path


def test_verify_report_on_the_sdk_traffic(tmp_path: Path) -> None:
    """The SDK capture's only errors are its two 200-character visitor codes
    (kameleoon-data-visit-events-openapi.txt:105: "Limit to 100")."""
    har = sdk_har(tmp_path / "sdk.har")
    result = CliRunner().invoke(main, ["verify", str(har), "--report", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    data: dict[str, Any] = json.loads((tmp_path / "out/report.json").read_text())
    coverage = data["rule_coverage"]["kameleoon-data (current)"]
    assert coverage["rule_details"]["visitorCode:max_length"]["broken"] == 2
    assert sum(coverage["per_rule"]["visitorCode:max_length"]) == 34  # the /visit/events posts
    assert {"PAGE", "CONVERSION"} <= set(coverage["variants"]["seen"])
    assert [f["rule"] for f in data["failures"]] == ["visitorCode:max_length"] * 2
    assert "Limit to 100" in data["failures"][0]["quote"]
    page = (tmp_path / "out/report.html").read_text(encoding="utf-8")
    assert "kameleoon-data-visit-events-openapi-L105" in page and "contracts verify" in page


def test_check_prints_plain_progress_lines_outside_a_terminal(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "launchdarkly", "--max-examples", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(re.fullmatch(r"launchdarkly: examples \(0 requests .*0 failures so far\)", line)
               for line in lines), result.output  # fmt: skip
    assert any(line.startswith("launchdarkly: rules exercised") and "statuses seen" in line
               for line in lines)  # fmt: skip


def test_fuzz_prints_plain_progress_with_time_left_outside_a_terminal(tmp_path: Path) -> None:
    command = ["fuzz", "launchdarkly", "--duration", "3s", "--max-examples", "2"]
    result = CliRunner().invoke(main, [*command, "--db", str(tmp_path / "db")])
    assert result.exit_code == 0, result.output
    assert re.search(r"^fuzzing launchdarkly / examples: \d+ s of 3 \(\d+ s left\), \d+ requests "
                     r"\(\d+/s\), 0 failures$", result.output, re.M), result.output  # fmt: skip
