"""`contracts validate` checks a body as `contracts check` would send it: credentials a file does
not carry are a stand-in in the scheme's form (a missing key is judged only when --header sends
one), the path template is filled, and the Content-Type is the one the API's checks send."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from contracts.cli import main


def validate(tmp_path: Path, *args: str) -> tuple[int, str]:
    body = tmp_path / "segment.json"
    body.write_text(json.dumps({"name": "Beta testers", "key": "beta-testers"}))
    result = CliRunner().invoke(main, ["validate", "launchdarkly", str(body), *args])
    return result.exit_code, result.output


def test_a_body_alone_is_judged_as_a_body(tmp_path: Path) -> None:
    code, output = validate(tmp_path)
    assert code == 0 and "(0 errors, 0 warnings)" in output, output


def test_an_empty_api_key_sent_is_an_error(tmp_path: Path) -> None:
    """launchdarkly-create-segment.txt:7-8: the API key goes in the Authorization header."""
    code, output = validate(tmp_path, "--header", "Authorization: ")
    assert (
        code == 1 and "api_key_required" in output and "launchdarkly-create-segment.txt:7" in output
    )
