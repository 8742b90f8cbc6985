"""report.html as a person sees it: opened in a real headless browser (Debian's `chromium`), its
rendered DOM checked and a screenshot kept under reports/screenshots/ (a CI artifact).

Skipped, saying why, when chromium is not installed and CI is not set; on CI it must run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from contracts.cli import main
from tests.broken_servers import TOKEN, broken_server, group_id_as_string

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "reports" / "screenshots"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="chromium is not installed (apt-get install -y chromium); CI installs it and runs this",
)


def browser(url: str, *args: str) -> str:
    """Run headless chromium on `url` with a fresh profile; its stdout."""
    assert CHROMIUM is not None, "CI must have chromium: .ci/run installs it"
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, url],
            capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
    return done.stdout


MIN_WINDOW = 500  # headless chromium lays a window out at least this wide


def screenshot(page: Path, name: str, width: int, height: int) -> Path:
    """A screenshot of `page` laid out `width` CSS pixels wide. Narrower than the browser's
    smallest window, the page is shown in a frame that wide (its media queries see the frame)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / name
    target.unlink(missing_ok=True)
    shown = page
    if width < MIN_WINDOW:
        shown = page.with_name(f"phone-{page.name}")
        shown.write_text(
            "<!doctype html><body style='margin:0'><iframe src='" + page.name + "' style='border:0;"
            f"width:{width}px;height:{height}px'></iframe></body>",
            encoding="utf-8",
        )
    window = max(width, MIN_WINDOW)
    browser(shown.as_uri(), f"--screenshot={target}", f"--window-size={window},{height}")
    assert target.stat().st_size > 10_000  # a rendered page, not a blank one
    return target


def test_a_planted_fault_shows_its_rule_page_words_and_curl_on_a_phone(tmp_path: Path) -> None:
    """capillary's data.id answered as a string: the failure names the spec's 200 response, cites
    capillary-create-target-group-behavioural.txt:291 and quotes it ("Response parameters")."""
    with broken_server("capillary", group_id_as_string) as server:
        result = CliRunner().invoke(main, [
            "check", "capillary", "--url", server.url, "--token", TOKEN,
            "--max-examples", "2", "--report", str(tmp_path),
        ])  # fmt: skip
    assert result.exit_code == 1, result.output
    page = tmp_path / "report.html"
    dom = browser(page.as_uri(), "--dump-dom", "--window-size=390,844")
    articles = re.findall(r'<article class="finding".*?</article>', dom, re.S)
    schema = [a for a in articles if "response_schema_conformance" in a]
    assert schema, dom[:2000]
    first = schema[0]
    assert "spec: responses 200" in first
    assert 'href="#capillary-create-target-group-behavioural-L291"' in first
    assert re.search(r"<blockquote>\s*Response parameters\s*</blockquote>", first)
    assert "curl -X POST" in first and "Authorization: [Filtered]" in first and TOKEN not in dom
    # The page line one click away: following the link opens the page at that line.
    opened = browser(
        page.as_uri() + "#capillary-create-target-group-behavioural-L291", "--dump-dom"
    )
    assert re.search(r'<details class="page" id="capillary-create-target-group-behavioural" open',
                     opened)  # fmt: skip
    assert phone_overflow(page) == 0  # nothing wider than a 390-pixel screen: no sideways scroll
    screenshot(page, "failure-phone.png", 390, 1600)


def phone_overflow(page: Path, width: int = 390) -> int:
    """How many CSS pixels the page lays out wider than a `width`-pixel screen (in a frame that
    wide, read from the frame's document)."""
    probe = page.with_name(f"overflow-{page.name}")
    probe.write_text(
        f"<!doctype html><body><iframe src='{page.name}' style='width:{width}px;height:800px' "
        'onload="var d = this.contentDocument.documentElement; '
        "document.body.setAttribute('data-overflow', d.scrollWidth - d.clientWidth)\">"
        "</iframe></body>",
        encoding="utf-8",
    )
    dom = browser(probe.as_uri(), "--dump-dom", "--allow-file-access-from-files")
    found = re.search(r'data-overflow="(-?\d+)"', dom)
    assert found, dom[:500]
    return int(found.group(1))


def test_the_coverage_table_lists_every_rule_with_its_page_line(tmp_path: Path) -> None:
    """A passing run (the embedded mock): coverage first, a row per rule of capillary's book with
    its page line and counts; the one rule no probe breaks stands out (a state rule, broken by a
    stateful scenario)."""
    result = CliRunner().invoke(
        main, ["check", "capillary", "--max-examples", "2", "--report", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    page = tmp_path / "report.html"
    dom = browser(page.as_uri(), "--dump-dom", "--window-size=1280,1000")
    from contracts.registry import get_api

    book = get_api("capillary").rules().book
    rows = re.findall(r'<tr class="(ok|never|failed)"[^>]*><td><span class="rule">([^<]+)</span>'
                      r'.*?href="#([\w-]+-L\d+)"', dom)  # fmt: skip
    assert {name for _, name, _ in rows} == set(book.names())
    for _, name, anchor in rows:
        assert anchor == f"capillary-create-target-group-behavioural-L{book[name].doc.line}"
        assert f'id="{anchor}"' in dom  # the line is on the page, anchored
    never = {name for css, name, _ in rows if css == "never"}
    assert "target_group_name_unique" in never
    assert "rule never exercised" in dom or "rules never exercised" in dom
    assert dom.index('id="coverage"') < dom.index('id="failures"')
    screenshot(page, "coverage-desktop.png", 1280, 1400)
