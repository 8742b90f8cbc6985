"""Kameleoon's own SDK against the mock: its traffic must be accepted with warnings only.

A strict contract that rejects the vendor's own client is wrong; what the SDK sends beyond the
pages (camelCase event types, the activity event, userAgent, sdkName/sdkVersion/bodyUa, aiohttp's
user agent) is an undocumented extension, reported as warnings."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from contracts.apis.kameleoon_data.rules import check_request
from contracts.exchange import HttpRequest
from contracts.mock import MockConfig, running_mock
from contracts.violations import Severity, errors

HERE = Path(__file__).parent
SDK_CONFIG = {
    "configuration": {"realTimeUpdate": False, "consentType": "OPTIONAL", "dataApiDomain": None},
    "customData": [
        {
            "id": 101,
            "index": 0,
            "name": "cd",
            "localOnly": False,
            "scope": "VISIT",
            "isMappingIdentifier": False,
        },
    ],
    "segments": [],
    "featureFlags": [],
    "dateModified": 0,
}


def test_the_sdk_runs_against_the_mock_with_warnings_only() -> None:
    settings = {"kameleoon-data": {"sdk_config": SDK_CONFIG}}
    with running_mock(MockConfig(apis=("kameleoon-data",), settings=settings)) as mock:
        subprocess.run(
            [sys.executable, str(HERE / "sdk_driver.py"), mock.url, "sitecode01"],
            timeout=60, check=True, capture_output=True,
        )  # fmt: skip
        journal = mock.journal("kameleoon-data")
        events = mock.store.records("kameleoon-data", "event")

    tracking = [e for e in journal if e.path == "/visit/events"]
    assert {e.path for e in journal} >= {"/v3/sitecode01", "/oauth/token", "/visit/events"}
    assert tracking and {e.status for e in tracking} == {202}
    found = [v for e in tracking for v in e.violations]
    assert [v for v in found if v["severity"] == "error"] == []
    rules = Counter(v["rule"] for v in found)
    assert {"sdk_extension", "event_type_case", "library_user_agent"} <= set(rules)
    stored_types = {value["eventType"] for _, value in events}
    assert {"staticData", "page", "conversion", "customData", "geolocation"} <= stored_types


def test_the_captured_sdk_traffic_has_no_error_but_the_long_visitor_code() -> None:
    """tests/apis/kameleoon_data/sdk_traffic.json, captured from kameleoon-client-python 3.22.2:
    the only errors are the 200-character visitor code the capture used on purpose (O:107 limits
    visitorCode to 100 characters; the SDK itself allows 255)."""
    traffic = json.loads((HERE / "sdk_traffic.json").read_text())
    posts = [t for t in traffic if t["path"] == "/visit/events"]
    assert len(posts) == 34
    found = []
    for sent in posts:
        request = HttpRequest.build(
            "POST", sent["path"], sent["query"], sent["headers"], sent["body"]
        )
        found += check_request(request)
    assert {(v.rule, v.field) for v in errors(found)} == {("visitorCode:max_length", "visitorCode")}
    warnings = Counter(v.rule for v in found if v.severity is Severity.WARNING)
    assert set(warnings) == {"sdk_extension", "event_type_case", "library_user_agent",
                             "other_edition_field"}  # fmt: skip
