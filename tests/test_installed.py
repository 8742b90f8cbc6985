"""The package as a user gets it: built as a wheel, installed (not editable) in a fresh virtual
environment, and used from a directory that is not this checkout.

The wheel test also installs tests/vendor_project (`acme-contracts`), a vendor folder packaged
outside the toolkit and registered through the `contracts.apis` entry point group, and checks it
end to end: listed by `contracts specs`, its rule applied by `contracts validate`, its mock passed
by `contracts check`, served by the pytest plugin's fixtures.

It takes one to two minutes (two wheel builds, a dependency install from pip's cache), so it runs
on CI (CI set) or when asked (CONTRACTS_WHEEL_TEST=1); the normal suite skips it.
"""

from __future__ import annotations

import ast
import json
import os
import resource
import shutil
import subprocess
import sys
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from contracts.pytest_plugin import has_generated_client
from contracts.registry import all_apis, get_api
from contracts.specs import read_spec

ROOT = Path(__file__).resolve().parents[1]
VENDOR_PROJECT = ROOT / "tests" / "vendor_project"
BUILT_OUTSIDE = shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__", ".*")


def _wanted() -> bool:
    ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    return ci or os.environ.get("CONTRACTS_WHEEL_TEST") == "1"


wheel_test = pytest.mark.skipif(
    not _wanted(),
    reason="builds the wheel and installs it in a fresh venv (1-2 min): run it with "
    "CONTRACTS_WHEEL_TEST=1 python -m pytest tests/test_installed.py (CI runs it)",
)

# Import everything the commands, the mock and the checks use, and every room of every API, with
# pytest made unimportable: an environment without pytest must run all of it. Only the plugin
# (loaded by pytest itself, through the `pytest11` entry point) imports pytest.
WITHOUT_PYTEST = """
import sys

class NoPytest:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("pytest", "_pytest"):
            raise ModuleNotFoundError(f"No module named {name!r} (blocked by the test)")
        return None

sys.meta_path.insert(0, NoPytest())
import contracts, contracts.cli, contracts.mock, contracts.runner, contracts.verify, contracts.diff
from contracts.registry import all_apis
for api in all_apis():
    api.rules(), api.strategies(), api.mock(), api.checks(), api.coverage()
assert "pytest" not in sys.modules, "pytest was imported"
contracts.cli.main(["specs", "--json"])
"""


def test_contracts_runs_without_pytest(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_PYTEST],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    listed = {entry["api"] for entry in json.loads(result.stdout)}
    assert listed == {api.name for api in all_apis()}


def test_the_pytest_dependency_is_an_extra() -> None:
    """pytest is needed only by the plugin: it sits in the `pytest` extra (with its pin), not in
    the runtime dependencies."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [_name(requirement) for requirement in project["dependencies"]]
    assert "pytest" not in names
    assert [_name(r) for r in project["optional-dependencies"]["pytest"]] == ["pytest"]
    assert "contracts[pytest]" in project["optional-dependencies"]["dev"]


def test_clients_leave_out_an_api_without_a_generated_client() -> None:
    """`contracts_clients` serves every API that has a client in `contracts.generated`; a vendor
    from outside has none there, and must not break the fixture for everyone else."""
    assert all(has_generated_client(api.spec()) for api in all_apis())
    acme = read_spec(VENDOR_PROJECT / "acme_contracts" / "specs" / "acme.yaml")
    assert not has_generated_client(acme)


def test_the_outside_vendor_imports_only_contracts_vendor() -> None:
    """A vendor folder of one's own needs `contracts.vendor` and nothing else of the toolkit."""
    imported = set()
    for module in (VENDOR_PROJECT / "acme_contracts").glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(str(node.module))
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    ours = {name for name in imported if name.partition(".")[0] == "contracts"}
    assert ours == {"contracts.vendor"}


def _name(requirement: str) -> str:
    for index, char in enumerate(requirement):
        if not (char.isalnum() or char in "-_."):
            return requirement[:index].lower()
    return requirement.lower()


# -- the wheel, installed -------------------------------------------------------------------------


class Steps:
    """Runs the steps of the wheel test, timing each, with output kept for the failure message."""

    def __init__(self, cwd: Path, env: dict[str, str]) -> None:
        self.cwd = cwd
        self.env = env
        self.times: list[tuple[str, float, float]] = []  # step, wall and CPU seconds

    def run(
        self, step: str, args: Sequence[str | Path], expect: int = 0, timeout: float = 300
    ) -> str:
        start, cpu = time.monotonic(), _children_cpu()
        result = subprocess.run(
            [str(arg) for arg in args],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        self.times.append((step, time.monotonic() - start, _children_cpu() - cpu))
        output = result.stdout + result.stderr
        assert result.returncode == expect, (
            f"{step}: exit {result.returncode}, expected {expect}\n$ {' '.join(map(str, args))}\n"
            + output[-4000:]
        )
        return result.stdout

    def summary(self) -> str:
        wall = sum(seconds for _, seconds, _ in self.times)
        cpu = sum(seconds for _, _, seconds in self.times)
        steps = ", ".join(f"{step} {seconds:.1f} s" for step, seconds, _ in self.times)
        return f"wheel test: {wall:.1f} s, {cpu:.1f} s of CPU ({steps})"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _clean_env(venv: Path) -> dict[str, str]:
    """The environment of a user's shell with the fresh venv activated: nothing of this test run
    (no PYTHONPATH, no pytest or xdist variables, no other venv)."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("PYTEST_", "PYTHON", "VIRTUAL_ENV", "COV_CORE"))
    }
    env["VIRTUAL_ENV"] = str(venv)
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return env


def _top_level(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return {name.split("/")[0] for name in archive.namelist()}


@wheel_test
def test_the_wheel_installed_in_a_fresh_venv(tmp_path: Path) -> None:
    # Build from copies, so that setuptools' build/ and *.egg-info (and their stale files) stay
    # out of the checkout and out of the wheel.
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "contracts", source / "contracts", ignore=BUILT_OUTSIDE)
    vendor = tmp_path / "acme-src"
    shutil.copytree(VENDOR_PROJECT, vendor, ignore=BUILT_OUTSIDE)
    work = tmp_path / "work"  # a user's directory: neither checkout nor source
    work.mkdir()
    venv = tmp_path / "venv"
    steps = Steps(work, _clean_env(venv))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]

    # One top-level package, carrying the specs and the pages.
    dist = tmp_path / "dist"
    steps.run("build", [*pip, "wheel", "--no-deps", "-w", dist, source, vendor])
    (wheel,) = dist.glob("contracts-*.whl")
    (acme_wheel,) = dist.glob("acme_contracts-*.whl")
    assert _top_level(wheel) == {"contracts", wheel.name.split("-py3")[0] + ".dist-info"}
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())
    for api in all_apis():
        for edition in api.editions:
            spec = api.spec(edition)
            assert spec.path.relative_to(ROOT).as_posix() in shipped, spec.path
            assert spec.page_path.relative_to(ROOT).as_posix() in shipped, spec.page_path
    print(f"{wheel.name}: {wheel.stat().st_size} bytes, top level {sorted(_top_level(wheel))}")

    # A fresh venv (no system site-packages), the wheels installed as a user would: pip's own
    # resolution, dependencies from its cache. The venv gets no pip of its own: this pip installs
    # into it (--python), which saves seeding one; bytecode is compiled as modules are first
    # imported rather than all at install (--no-compile).
    steps.run("venv", [sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    steps.run(
        "install",
        [*pip, "--python", python, "install", "--no-compile", f"{wheel}[pytest]", acme_wheel],
    )
    steps.run("pip check", [*pip, "--python", python, "check"])
    where = steps.run(
        "imports",
        [python, "-c", "import contracts, acme_contracts; print(contracts.__file__); "
         "print(acme_contracts.__file__)"],
    )  # fmt: skip
    for path in where.split():
        assert Path(path).is_relative_to(venv), f"imported from {path}, not the venv"

    # `contracts specs`: every built-in API and the one from outside, specs inside the venv.
    listed = json.loads(steps.run("specs", ["contracts", "specs", "--json"]))
    assert {entry["api"] for entry in listed} == {api.name for api in all_apis()} | {"acme"}
    for entry in listed:
        assert Path(entry["spec"]).is_relative_to(venv), entry
        assert Path(entry["spec"]).is_file(), entry
    (acme,) = [entry for entry in listed if entry["api"] == "acme"]
    assert acme["page"] == "acme.txt"
    assert acme["operations"] == [
        {"method": "POST", "path": "/orders", "operationId": "create_order"}
    ]

    # `contracts validate`: a page example of a built-in API is valid; the outside vendor's rule
    # applies (acme.txt:20: an express order without an address is refused).
    launchdarkly = get_api("launchdarkly").spec()
    example = next(e for e in launchdarkly.examples() if e.where == "request")
    (work / "segment.json").write_text(json.dumps(example.value), encoding="utf-8")
    valid = steps.run("validate", ["contracts", "validate", "launchdarkly", "segment.json"])
    assert "segment.json: valid (0 errors" in valid
    (work / "express.json").write_text(
        json.dumps({"sku": "ANVIL42", "quantity": 2, "delivery": "express"}), encoding="utf-8"
    )
    refused = steps.run(
        "validate acme", ["contracts", "validate", "acme", "express.json"], expect=1
    )
    assert "express_needs_address; acme.txt:20" in refused
    assert "invalid (1 errors, 0 warnings)" in refused
    (work / "express.json").write_text(
        json.dumps({"sku": "ANVIL42", "quantity": 2, "delivery": "express", "address": "Mesa"}),
        encoding="utf-8",
    )
    steps.run("validate acme", ["contracts", "validate", "acme", "express.json"])

    # A short `contracts check` of a built-in API and the outside one, on the embedded mock.
    steps.run(
        "check",
        ["contracts", "check", "launchdarkly", "acme", "--max-examples", "5", "--seed", "1",
         "--report", "reports"],
    )  # fmt: skip
    report = json.loads((work / "reports" / "report.json").read_text(encoding="utf-8"))
    assert report["ok"] and report["findings"] == []
    acme_checks = {row["check"]: row for row in report["results"] if row["api"] == "acme"}
    # The page's example, our strategies (a rule broken on purpose) and the stateful scenario
    # all reached the outside vendor's mock.
    assert acme_checks["expected_outcome"]["passed"] > 0
    assert acme_checks["stateful"]["passed"] > 0
    assert acme_checks["auth_enforced"]["passed"] > 0

    # A user's own test suite with the plugin's fixtures.
    shutil.copy2(VENDOR_PROJECT / "user_suite.py", work / "test_user_suite.py")
    suite = steps.run(
        "pytest", [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_user_suite.py"]
    )
    assert "3 passed" in suite
    print(steps.summary())
