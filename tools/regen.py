"""Rebuild `contracts/generated/` from the vendor folders' specs: a client and models per spec.

    python tools/regen.py            # rewrite contracts/generated/
    python tools/regen.py --check    # exit 1 and name the files when it is stale

For each `contracts/apis/*/specs/<name>.yaml` this writes the package
`contracts/generated/<name_with_underscores>/`:
`client/` (openapi-python-client) and `models.py` (datamodel-code-generator). Output is
byte-for-byte reproducible: the generators and ruff/black/isort are pinned in pyproject.toml, no
timestamps are written, and both formatters run inside the step with settings of their own.

The generators read a *codegen view* of each spec, not the spec itself (the spec stays the
contract):
- request-body media types the client generator cannot send (`text/plain`) are left out when
  another form remains; the hand-written codec sends that form;
- a parameter's `x-codegen-default` replaces its `default`, for switches that must match the only
  body form left (the data API's `json=true`).
"""

from __future__ import annotations

import argparse
import copy
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "contracts" / "generated"  # imported as contracts.generated.<spec>
CLIENT_CONFIG = ROOT / "tools" / "openapi-python-client.yaml"
UNSENDABLE_MEDIA_TYPES = {"text/plain"}
MODELS_PRESET = "standard-py311-20261027"  # dated, so a datamodel-codegen upgrade cannot restyle

PACKAGE_INIT = '''"""Generated from specs/{spec} by `make regen` (tools/regen.py); do not edit.

- `client`: typed HTTP client (openapi-python-client)
- `models`: pydantic v2 models (datamodel-code-generator)
"""
'''
ROOT_INIT = '''"""Code generated from specs/ by `make regen` (tools/regen.py); do not edit by hand.

One package per spec; generated code never imports the hand-written `contracts` package.
"""
'''


def spec_paths() -> list[Path]:
    """Every built-in vendor folder's specs (`contracts/apis/<vendor>/specs/*.yaml`), by name."""
    return sorted((ROOT / "contracts" / "apis").glob("*/specs/*.yaml"), key=lambda p: p.name)


def package_name(spec_path: Path) -> str:
    return spec_path.stem.replace("-", "_")


def codegen_view(document: dict[str, Any]) -> dict[str, Any]:
    """The spec as the generators should see it (see the module docstring)."""
    view = copy.deepcopy(document)
    for item in view.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            content = operation.get("requestBody", {}).get("content", {})
            sendable = [media for media in content if media not in UNSENDABLE_MEDIA_TYPES]
            if sendable:
                for media in list(content):
                    if media not in sendable:
                        del content[media]
            for parameter in operation.get("parameters", []):
                if "x-codegen-default" in parameter:
                    parameter["schema"]["default"] = parameter["x-codegen-default"]
    return view


def run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"regen: {command[0]} failed (exit {result.returncode})")


def generate_spec(spec_path: Path, out: Path, work: Path) -> None:
    """Write generated/<package>/ for one spec into `out`."""
    package = out / package_name(spec_path)
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(PACKAGE_INIT.format(spec=spec_path.name))

    # The view keeps the spec's file name and is read from a fixed relative path, so nothing
    # that depends on where the temporary directory is can leak into the output.
    view_dir = work / "views"
    view_dir.mkdir(exist_ok=True)
    view_path = view_dir / spec_path.name
    document = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    view_path.write_text(yaml.safe_dump(codegen_view(document), sort_keys=False))

    bin_dir = Path(sys.executable).parent
    run(
        [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            f"views/{spec_path.name}",
            "--meta",
            "none",
            "--output-path",
            "client",
            "--config",
            str(CLIENT_CONFIG),
            "--fail-on-warning",
        ],
        cwd=work,
    )
    shutil.move(str(work / "client"), str(package / "client"))

    run(
        [
            str(bin_dir / "datamodel-codegen"),
            "--input",
            f"views/{spec_path.name}",
            "--input-file-type",
            "openapi",
            "--output",
            "models.py",
            "--output-model-type",
            "pydantic_v2.BaseModel",
            "--preset",
            MODELS_PRESET,
            "--target-pydantic-version",
            "2.14",
            "--use-missing-sentinel",
            "--disable-timestamp",
            "--custom-file-header",
            f"# Generated from specs/{spec_path.name} by `make regen`; do not edit.",
            "--openapi-scopes",
            "schemas",
        ],
        cwd=work,
    )
    shutil.move(str(work / "models.py"), str(package / "models.py"))


def generate_all(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "__init__.py").write_text(ROOT_INIT)
    for spec_path in spec_paths():
        with tempfile.TemporaryDirectory(prefix="regen-") as work:
            generate_spec(spec_path, out, Path(work))


def stale_files(fresh: Path, current: Path) -> list[str]:
    """Paths (relative to generated/) that differ between two trees."""
    differ: list[str] = []

    def walk(comparison: filecmp.dircmp[str], prefix: str) -> None:
        differ.extend(prefix + name for name in comparison.left_only + comparison.right_only)
        differ.extend(prefix + name for name in comparison.diff_files)
        for name, sub in comparison.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(fresh, current, ignore=["__pycache__"]), "")
    return sorted(differ)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report stale files")
    args = parser.parse_args()
    # The generators shell out to ruff, black and isort from PATH: use this venv's pinned ones.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    with tempfile.TemporaryDirectory(prefix="generated-") as tmp:
        fresh = Path(tmp) / "generated"
        generate_all(fresh)
        if args.check:
            stale = stale_files(fresh, GENERATED) if GENERATED.exists() else ["(missing)"]
            for path in stale:
                print(f"stale: contracts/generated/{path}")
            if stale:
                print("contracts/generated/ is out of date with the specs: run `make regen`")
                return 1
            print("contracts/generated/ is up to date")
            return 0
        if GENERATED.exists():
            shutil.rmtree(GENERATED)
        shutil.copytree(fresh, GENERATED)
    print(f"regenerated {len(spec_paths())} specs into contracts/generated/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
