"""What `contracts validate` loads, and the shortcuts that spare it the rest (issue 12: the whole
process, start-up included, is what users wait for).

Behaviour, not timing: which modules the process imports, that the plain verdict line is the
line rich would have printed, and that the look before `importlib.metadata` never misses a
registered vendor."""

from __future__ import annotations

import importlib.metadata
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

import contracts
from contracts.entry_point_files import group_may_be_declared
from contracts.plain_output import plain_line_fits
from contracts.registry import ENTRY_POINT_GROUP

# kameleoon-data-visit-events-openapi.txt:228: a PAGE event in the line form (the page's example).
CLEAN_EVENT = "nonce=b0a4253d8acd01c7&eventType=PAGE&href=https%3A%2F%2Fwww.supersite.com%2F"
HEAVY = ("hypothesis", "starlette", "schemathesis", "jsonschema", "openapi_schema_validator",
         "pydantic", "rich", "httpx", "uvicorn")  # fmt: skip
RICH_SWITCHES = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS")


# `python -m contracts`, then the names of every module loaded, at exit (after click's exit).
AS_MAIN = """\
import atexit, runpy, sys
atexit.register(lambda: sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n"))
sys.argv = ["contracts", *sys.argv[1:]]
runpy.run_module("contracts", run_name="__main__", alter_sys=True)
"""


def run_validate(body: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """`python -m contracts validate` on `body` (run beside it: a short name, which no width
    wraps); the process and the modules it had loaded when it exited."""
    environ = {k: v for k, v in os.environ.items() if k not in RICH_SWITCHES} | env
    command = [sys.executable, "-c", AS_MAIN, "validate",
               "kameleoon-data", body.name, "--query", "visitorCode=v"]  # fmt: skip
    result = subprocess.run(
        command, capture_output=True, text=True, env=environ, cwd=body.parent, check=False
    )
    modules = result.stderr.rpartition("\nMODULES ")[2].split()
    return result, set(modules)


def test_validate_on_a_clean_body_loads_no_server_fuzzer_or_schema_library(tmp_path: Path) -> None:
    body = tmp_path / "body.txt"
    body.write_text(CLEAN_EVENT + "\n")
    result, imported = run_validate(body)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == "body.txt: valid (0 errors, 0 warnings)\n"
    assert "contracts.apis.kameleoon_data.rules" in imported  # the listing is read right
    loaded = sorted(name for name in imported if name.split(".")[0] in HEAVY)
    assert loaded == []
    if not group_may_be_declared(ENTRY_POINT_GROUP):  # no vendor installed by entry point here
        assert "importlib.metadata" not in imported


def test_validate_with_violations_prints_them_through_rich(tmp_path: Path) -> None:
    """A body with a violation is printed as before (rich: markup, colour when forced)."""
    body = tmp_path / "body.txt"
    body.write_text("nonce=b0a4253d8acd01c7&eventType=PAGE\n")  # :138 href is Required
    result, imported = run_validate(body, FORCE_COLOR="1")
    assert result.returncode == 1, result.stderr[-2000:]
    assert "PAGE.href" in result.stdout and "\x1b[" in result.stdout  # rich's colours
    assert "rich" in imported and "hypothesis" not in imported


def test_a_clean_verdict_in_colour_is_still_rich(tmp_path: Path) -> None:
    body = tmp_path / "body.txt"
    body.write_text(CLEAN_EVENT + "\n")
    result, imported = run_validate(body, FORCE_COLOR="1")
    assert result.returncode == 0 and "\x1b[" in result.stdout and "rich" in imported


def rich_prints(markup: str) -> str:
    out = io.StringIO()  # not a terminal, as a pipe
    Console(file=out).print(markup)  # as `contracts validate` prints its verdict
    return out.getvalue()


# File names made of pieces rich treats specially (markup, emoji codes, escapes, tabs, wide
# characters) and of plain ones long enough to reach the wrapping width.
PIECES = ["body", "/tmp/", ".txt", "-", " ", ":", "smile", "[", "]", "[green]", "\\", "\t", "é",
          "日", "\a", "x" * 30]  # fmt: skip
names = st.lists(st.sampled_from(PIECES), max_size=8).map("".join) | st.text(max_size=40)


@given(names)
def test_a_plain_verdict_is_what_rich_would_print(name: str) -> None:
    """Whenever the plain line is allowed, rich prints exactly it (colours off, no wrapping)."""
    plain = f"{name}: valid (0 errors, 0 warnings)"
    if plain_line_fits(plain, io.StringIO()):
        assert rich_prints(f"{name}: [green]valid[/] (0 errors, 0 warnings)") == plain + "\n"


def test_what_rich_would_change_is_left_to_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a[b]", "x:smile:", "tab\there", "é", "bell\a"):
        assert not plain_line_fits(f"{name}: valid (0 errors, 0 warnings)", io.StringIO())
    monkeypatch.setenv("COLUMNS", "20")
    assert not plain_line_fits("body.txt: valid (0 errors, 0 warnings)", io.StringIO())
    monkeypatch.setenv("COLUMNS", "80")
    assert plain_line_fits("body.txt: valid (0 errors, 0 warnings)", io.StringIO())
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert not plain_line_fits("body.txt: valid (0 errors, 0 warnings)", io.StringIO())


def test_every_public_name_still_imports() -> None:
    """`from contracts import X` for each name of `contracts.__all__` (loaded on first use)."""
    for name in contracts.__all__:
        assert getattr(contracts, name) is not None
    assert contracts.errors.__module__ == "contracts.violations"  # the function, not the module


# -- the look before importlib.metadata ---------------------------------------------------------


def dist(folder: Path, name: str, entry_points: str | None) -> None:
    info = folder / name
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name.split('-')[0]}\n")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points)


DECLARES = "[contracts.apis]\nacme = acme_contracts:API\n"


@pytest.mark.parametrize(
    ("layout", "declared"),
    [
        ({"acme-1.0.dist-info": DECLARES}, True),
        ({"Acme-1.0.DIST-INFO": DECLARES}, True),
        ({"acme.egg-info": DECLARES}, True),
        ({"acme-1.0.dist-info": "[console_scripts]\nacme = acme:main\n"}, False),
        ({"acme-1.0.dist-info": None, "other-2.0.dist-info": None}, False),
        ({"acme": DECLARES}, False),  # not a distribution's metadata folder
    ],
)
def test_the_look_agrees_with_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, layout: dict[str, str | None], declared: bool
) -> None:
    for name, text in layout.items():
        dist(tmp_path, name, text)
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert group_may_be_declared(ENTRY_POINT_GROUP) is declared
    found = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    assert bool(found) is declared


def test_an_egg_and_a_zip_are_not_missed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    egg = tmp_path / "acme-1.0.egg"
    dist(egg, "EGG-INFO", DECLARES)
    monkeypatch.setattr(sys, "path", [str(egg)])
    assert group_may_be_declared(ENTRY_POINT_GROUP)
    archive = tmp_path / "vendors.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("acme-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: acme\n")
        zipped.writestr("acme-1.0.dist-info/entry_points.txt", DECLARES)
    monkeypatch.setattr(sys, "path", [str(archive)])
    assert group_may_be_declared(ENTRY_POINT_GROUP)  # "maybe": importlib.metadata reads it
    assert importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)


def test_no_means_none_in_this_environment() -> None:
    assert group_may_be_declared("console_scripts")  # pytest, ruff, ... install scripts
    for group in ("pytest11", ENTRY_POINT_GROUP, "contracts.no-such-group"):
        if not group_may_be_declared(group):
            assert not importlib.metadata.entry_points(group=group), group
