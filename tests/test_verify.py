"""`contracts verify` on recorded traffic: real exchanges with the mock (recorded client-side by
`HarRecorder`, or exported from the mock's journal), Kameleoon's own SDK, and unreadable inputs."""

from __future__ import annotations

import copy
import io
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from contracts.apis.capillary.auth import basic
from contracts.cli import main
from contracts.exchange import HttpRequest, HttpResponse
from contracts.har import (
    Exchange,
    HarRecorder,
    har_exchanges,
    journal_to_har,
    read_har,
    to_har,
    write_har,
)
from contracts.journal import REDACTED, JournalEntry
from contracts.mock import MockConfig, running_mock
from contracts.registry import all_apis, get_api
from contracts.secrecy import is_secret_header
from contracts.verify import present_fields, render_json, render_text, schema_fields, verify

SDK_DRIVER = Path(__file__).parent / "apis" / "kameleoon_data" / "sdk_driver.py"
USER_AGENT = "contracts-tests/1.0 (verify)"
LD_PATH = "/api/v2/segments/{}/production"


def request_examples(api: str) -> list[Any]:
    return [e for e in get_api(api).spec().examples() if e.where == "request"]


@dataclass(frozen=True)
class Sent:
    index: int  # 1-based, as verify numbers exchanges
    api: str | None  # None: no contract covers it
    body: Any = None
    breaks: tuple[str, str] | None = None  # the (rule, field) it was built to break


@dataclass(frozen=True)
class Drive:
    exchanges: list[Exchange]  # as HarRecorder recorded them
    sent: list[Sent]
    journal: list[dict[str, Any]]  # GET /_contracts/journal, as exported


def drive_every_api(url: str) -> Drive:
    """Each API's own request examples, a few requests with a known flaw, and statuses beyond
    success (409, 404, 401), all through HarRecorder."""
    recorder = HarRecorder()
    sent: list[Sent] = []
    with httpx.Client(transport=recorder, base_url=url, headers={"user-agent": USER_AGENT}) as c:

        def post(api: str, path: str, body: Any, breaks: tuple[str, str] | None = None,
                 **kwargs: Any) -> None:  # fmt: skip
            c.post(path, **kwargs)
            sent.append(Sent(len(recorder.exchanges), api, body, breaks))

        capillary = {"authorization": basic("till.user", "not-a-real-password")}
        for example in request_examples("capillary"):
            post("capillary", "/v3/targetGroups", example.value, json=example.value,
                 headers=capillary)  # fmt: skip
        nameless = copy.deepcopy(request_examples("capillary")[0].value)
        del nameless["name"]
        post("capillary", "/v3/targetGroups", nameless, ("required", "name"), json=nameless,
             headers=capillary)  # fmt: skip

        bearer = {"authorization": "Bearer not-a-real-token"}
        key_moment = request_examples("kameleoon-automation")[0].value
        post("kameleoon-automation", "/key-moments", key_moment, json=key_moment, headers=bearer)
        siteless = {k: v for k, v in key_moment.items() if k != "siteId"}
        post("kameleoon-automation", "/key-moments", siteless, ("required", "siteId"),
             json=siteless, headers=bearer)  # fmt: skip
        post("kameleoon-automation", "/key-moments", key_moment,
             ("bearer_token", "headers.authorization"), json=key_moment)  # fmt: skip

        token = {"authorization": "api-not-a-real-token"}
        segment = request_examples("launchdarkly")[0].value
        post("launchdarkly", LD_PATH.format("default"), segment, json=segment, headers=token)
        post("launchdarkly", LD_PATH.format("default"), segment, json=segment, headers=token)  # 409
        post("launchdarkly", LD_PATH.format("nowhere"), segment, json=segment, headers=token)  # 404
        # 401: 'API Key authentication via header', launchdarkly-create-segment.txt:7-8
        post("launchdarkly", LD_PATH.format("default"), segment,
             ("api_key_required", "headers.authorization"), json=segment)  # fmt: skip
        keyless = {k: v for k, v in segment.items() if k != "key"}
        post("launchdarkly", LD_PATH.format("default"), keyless, ("required", "key"),
             json=keyless, headers=token)  # fmt: skip

        query = {"siteCode": "site01", "visitorCode": "visitor-01"}
        for example in request_examples("kameleoon-data"):
            as_json = example.media_type == "application/json"
            content = json.dumps(example.value) if as_json else example.value
            post("kameleoon-data", "/visit/events", example.value, content=content,
                 params={**query, "json": "true"} if as_json else query,
                 headers={"content-type": example.media_type})  # fmt: skip
        unknown = "nonce=0123456789abcdef&eventType=NOPE"
        post("kameleoon-data", "/visit/events", unknown, ("event_type_known", "eventType"),
             content=unknown, params=query, headers={"content-type": "text/plain"})  # fmt: skip

        c.get("/_contracts/health")  # the mock's own route: in no contract
        sent.append(Sent(len(recorder.exchanges), None))
    journal = httpx.get(f"{url}/_contracts/journal").json()
    return Drive(recorder.exchanges, sent, journal)


@pytest.fixture(scope="module")
def drive() -> Iterator[Drive]:
    with running_mock(MockConfig()) as mock:
        yield drive_every_api(mock.url)


def run_verify(path: Path, *options: str) -> tuple[Result, dict[str, Any]]:
    result = CliRunner().invoke(main, ["verify", str(path), "--format", "json", *options])
    return result, json.loads(result.output)


def sent_keys(sent: list[Sent], api: str) -> set[str]:
    return {key for s in sent if s.api == api for key in s.body}


def event_types(body: Any) -> list[str]:
    """The eventType of each event of a data API body, read with the standard library only."""
    if isinstance(body, list):
        return [str(event["eventType"]).upper() for event in body]
    return [dict(parse_qsl(line))["eventType"].upper() for line in body.splitlines() if line]


def test_a_recorded_har_has_errors_exactly_where_invalid_requests_were_sent(
    drive: Drive, tmp_path: Path
) -> None:
    """Each deliberately broken request, and only those, has errors, each of exactly the rule it
    breaks: capillary-create-target-group-behavioural.txt:213 (name required),
    kameleoon-automation-create-key-moment.txt:151 (siteId required) and :136 (bearer token),
    launchdarkly-create-segment.txt:24 (key required) and :7 (the API key in Authorization),
    kameleoon-data-visit-events-openapi.txt:110
    (eventType one of the listed types). The mocks' answers all fit their specs."""
    har = tmp_path / "traffic.har"
    write_har(drive.exchanges, har)
    result, report = run_verify(har)

    assert result.exit_code == 1
    assert report["format"] == "har"
    assert report["summary"]["exchanges"] == len(drive.sent)
    by_index = {row["index"]: row for row in report["exchanges"]}
    broken = {s.index: s.breaks for s in drive.sent if s.breaks}
    with_errors = {
        index: {(v["rule"], v["field"]) for v in row["violations"] if v["severity"] == "error"}
        for index, row in by_index.items()
    }
    assert {i for i, found in with_errors.items() if found} == set(broken)
    for index, breaks in broken.items():
        assert with_errors[index] == {breaks}
    assert not [v for row in report["exchanges"] for v in row["violations"]
                if v["field"].startswith("response")]  # fmt: skip
    for s in drive.sent:
        if s.api is not None:
            assert by_index[s.index]["api"] == s.api
    assert [row["index"] for row in report["not_in_contract"]] == [
        s.index for s in drive.sent if s.api is None
    ]
    assert report["summary"]["errors"] == len(broken)


def test_coverage_counts_what_was_sent(drive: Drive, tmp_path: Path) -> None:
    """Coverage is consistent with the traffic: every API's one operation exercised, the statuses
    seen are those the mock answered, SegmentBody's fields seen are the keys sent
    (launchdarkly-create-segment.txt:19-30), the data API's event types seen are those sent
    (kameleoon-data-visit-events-openapi.txt:110) with the unknown one beside them."""
    har = tmp_path / "traffic.har"
    write_har(drive.exchanges, har)
    _, report = run_verify(har)
    coverage = report["coverage"]

    apis = {row["api"]: row for row in coverage["operations"]}
    assert set(apis) == {api.name for api in all_apis()}
    for row in apis.values():
        assert (row["exercised"], row["documented"], row["percent"]) == (1, 1, 100.0)
        answered = Counter(
            str(drive.exchanges[s.index - 1].response.status)  # type: ignore[union-attr]
            for s in drive.sent
            if s.api == row["api"]
        )
        assert row["operations"][0]["statuses"]["seen"] == dict(answered)
        assert row["operations"][0]["statuses"]["undocumented"] == []

    segment = next(r for r in coverage["fields"] if r["schema"] == "SegmentBody")
    documented = list(get_api("launchdarkly").spec().schema("SegmentBody")["properties"])
    sent = sent_keys(drive.sent, "launchdarkly")
    assert segment["documented"] == len(documented)
    assert segment["missing"] == [name for name in documented if name not in sent]
    assert segment["seen"] == len(documented) - len(segment["missing"])

    (events,) = coverage["variants"]
    types = Counter(t for s in drive.sent if s.api == "kameleoon-data" for t in event_types(s.body))
    assert events["seen"] == {t: n for t, n in types.items() if t in events["documented"]}
    assert events["undocumented"] == {"NOPE": 1}
    assert len(events["documented"]) == 10


def test_field_coverage_walks_nested_bodies(drive: Drive) -> None:
    """The fields seen in a nested body are exactly the documented paths it carries, down to
    conditionDataList[].targetingCondition.targetingType
    (kameleoon-automation-create-key-moment.txt:151 onwards)."""
    spec = get_api("kameleoon-automation").spec()
    schema = spec.operation("create_key_moment").definition["requestBody"]["content"][
        "application/json"
    ]["schema"]
    body = request_examples("kameleoon-automation")[0].value

    def paths(value: Any, prefix: str = "") -> Iterator[str]:
        if isinstance(value, dict):
            for key, inner in value.items():
                here = f"{prefix}.{key}" if prefix else key
                yield here
                yield from paths(inner, here)
        elif isinstance(value, list):
            for item in value:
                yield from paths(item, f"{prefix}[]")

    documented = set(schema_fields(spec, schema))
    assert "conditionDataList[].targetingCondition.targetingType" in documented
    assert set(present_fields(spec, schema, body)) == set(paths(body)) & documented


def test_the_journal_export_gives_the_findings_of_the_har(drive: Drive, tmp_path: Path) -> None:
    """The mock's journal of the same exchanges (GET /_contracts/journal) gives, exchange by
    exchange, the findings of the HAR recorded client-side; where the mock did not read a body
    (kameleoon-automation-create-key-moment.txt:136: a missing bearer token is refused first), the
    headers are still checked and the report says the body was not."""
    har, journal = tmp_path / "traffic.har", tmp_path / "journal.json"
    write_har(drive.exchanges, har)
    journal.write_text(json.dumps(drive.journal))
    from_har = run_verify(har)[1]
    result, from_journal = run_verify(journal)

    assert result.exit_code == 1
    assert from_journal["format"] == "journal"
    assert len(from_journal["exchanges"]) == len(from_har["exchanges"])
    unread = 0
    for ours, theirs, entry in zip(from_har["exchanges"], from_journal["exchanges"],
                                   drive.journal, strict=True):  # fmt: skip
        assert (theirs["method"], theirs["url"], theirs["status"], theirs["api"]) == (
            ours["method"], ours["url"], ours["status"], ours["api"])  # fmt: skip
        if entry["request"]["body"] is not None:
            assert (theirs["violations"], theirs["notes"]) == (ours["violations"], ours["notes"])
        else:
            unread += 1
            assert all(v in ours["violations"] for v in theirs["violations"])
            assert any("body not recorded" in note for note in theirs["notes"])
    assert unread > 0
    no_token = next(s.index for s in drive.sent if s.breaks and s.breaks[0] == "bearer_token")
    position = [row["index"] for row in from_har["exchanges"]].index(no_token)
    assert {v["rule"] for v in from_journal["exchanges"][position]["violations"]} == {
        "bearer_token"
    }
    assert from_journal["summary"]["errors"] == from_har["summary"]["errors"]
    assert from_journal["coverage"]["operations"] == from_har["coverage"]["operations"]
    assert from_journal["coverage"]["variants"] == from_har["coverage"]["variants"]


def test_a_recorded_har_is_har_1_2(drive: Drive, tmp_path: Path) -> None:
    """Every entry written carries the fields HAR 1.2 requires (log: version, creator, entries;
    entry: startedDateTime, time, request, response, cache, timings; ...), and no credential
    sent (Basic, bearer, API token) is in the file."""
    har = tmp_path / "traffic.har"
    write_har(drive.exchanges, har)
    text = har.read_text()
    document = json.loads(text)
    assert document["log"]["version"] == "1.2"
    assert set(document["log"]["creator"]) >= {"name", "version"}
    required = {
        "entry": {"startedDateTime", "time", "request", "response", "cache", "timings"},
        "request": {"method", "url", "httpVersion", "cookies", "headers", "queryString",
                    "headersSize", "bodySize"},
        "response": {"status", "statusText", "httpVersion", "cookies", "headers", "content",
                     "redirectURL", "headersSize", "bodySize"},
    }  # fmt: skip
    for entry in document["log"]["entries"]:
        assert set(entry) >= required["entry"]
        assert set(entry["request"]) >= required["request"]
        assert set(entry["response"]) >= required["response"]
        assert set(entry["response"]["content"]) >= {"size", "mimeType"}
        assert set(entry["timings"]) >= {"send", "wait", "receive"}
        assert entry["request"]["url"].startswith("http://127.0.0.1:")
    for secret in ("not-a-real-password", "not-a-real-token", basic("till.user", "x")[6:14]):
        assert secret not in text
    assert len(read_har(har)) == len(drive.exchanges)


def test_secrets_never_reach_the_report(tmp_path: Path) -> None:
    """A token in the query is echoed by no finding (kameleoon-data-visit-events-openapi.txt:89:
    an undocumented parameter is reported with its value, here cut out), in text or JSON, read
    from memory (values in clear) or from the written HAR (values redacted, noted)."""
    secret = "s3cr3t-0123456789abcdefghij"
    with running_mock(MockConfig(apis=("kameleoon-data",))) as mock:
        recorder = HarRecorder()
        with httpx.Client(transport=recorder) as client:
            client.post(
                f"{mock.url}/visit/events",
                params={"siteCode": "site01", "visitorCode": "v-1", "apiToken": secret},
                headers={"authorization": f"Bearer {secret}x", "user-agent": USER_AGENT},
                content="nonce=0123456789abcdef&eventType=PAGE&href=https%3A%2F%2Fa.example",
            )
    in_memory = verify(recorder.exchanges, "memory", "har")
    ((finding),) = in_memory.findings
    assert [v.rule for v in finding.violations] == ["unknown_query_param"]
    assert "<redacted>" in finding.violations[0].message
    console = Console(file=io.StringIO(), record=True, width=200)
    render_text(in_memory, console)
    assert secret[:8] not in console.export_text() + render_json(in_memory)

    har = tmp_path / "secret.har"
    write_har(recorder.exchanges, har)
    assert secret[:8] not in har.read_text()
    result = CliRunner().invoke(main, ["verify", str(har)])
    assert result.exit_code == 0
    assert secret[:8] not in result.output
    assert "apitoken, authorization: redacted in the recording, so not checked" in result.output


def test_kameleoons_sdk_traffic_has_no_errors_and_its_extensions_as_warnings(
    tmp_path: Path,
) -> None:
    """kameleoon-client-python (run in a subprocess against the mock; its HTTP is aiohttp, so the
    HAR is the mock's journal export converted) breaks no rule; what it sends beyond the pages
    is reported as warnings: camelCase event types (kameleoon-data-visit-events-openapi.txt:110
    lists them in upper case), the `activity` event, `userAgent`, `sdkName`/`sdkVersion`/`bodyUa`
    (:89) and aiohttp's user agent (:10). Its config and token calls are in no contract."""
    sdk_config = {
        "configuration": {"realTimeUpdate": False, "consentType": "OPTIONAL"},
        "customData": [{"id": 101, "index": 0, "name": "cd", "localOnly": False,
                        "scope": "VISIT", "isMappingIdentifier": False}],
        "segments": [], "featureFlags": [], "dateModified": 0,
    }  # fmt: skip
    settings = {"kameleoon-data": {"sdk_config": sdk_config}}
    with running_mock(MockConfig(settings=settings)) as mock:
        subprocess.run([sys.executable, str(SDK_DRIVER), mock.url, "sitecode01"],
                       timeout=30, check=True, capture_output=True)  # fmt: skip
        rows = httpx.get(f"{mock.url}/_contracts/journal").json()
        journal_to_har(
            [JournalEntry.from_dict(row) for row in rows], tmp_path / "sdk.har", mock.url
        )
    # The OAuth token the mock handed the SDK is redacted in the journal, hence in the HAR.
    token = next(json.loads(r["response"]["body"]) for r in rows
                 if r["request"]["path"] == "/oauth/token")["access_token"]  # fmt: skip
    assert token == REDACTED

    result, report = run_verify(tmp_path / "sdk.har")
    assert result.exit_code == 0
    assert report["summary"]["errors"] == 0
    warnings = [v for row in report["exchanges"] for v in row["violations"]]
    assert {v["severity"] for v in warnings} == {"warning"}
    extensions = {v["field"] for v in warnings if v["rule"] == "sdk_extension"}
    assert extensions >= {"eventType", "userAgent", "sdkName", "sdkVersion", "bodyUa"}
    assert {"event_type_case", "library_user_agent"} <= {v["rule"] for v in warnings}
    assert {(r["method"], urlsplit(r["url"]).path) for r in report["not_in_contract"]} == {
        ("GET", "/v3/sitecode01"),
        ("POST", "/oauth/token"),
    }
    tracking = [r for r in rows if r["request"]["path"] == "/visit/events"]
    sent = Counter(t for r in tracking for t in event_types(r["request"]["body"]))
    (events,) = report["coverage"]["variants"]
    assert events["seen"] == {t: n for t, n in sent.items() if t != "ACTIVITY"}
    assert sent["ACTIVITY"] > 0
    assert events["undocumented"] == {"ACTIVITY": sent["ACTIVITY"]}
    (data,) = report["coverage"]["operations"]
    assert data["operations"][0]["statuses"]["seen"] == {"202": len(tracking)}

    text = CliRunner().invoke(main, ["verify", str(tmp_path / "sdk.har")])
    assert text.exit_code == 0
    assert "no errors (0 errors" in text.output
    assert "ACTIVITY (undocumented)" in text.output


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("not json at all {", "not JSON"),
        ('{"log": {"version": "1.2"}}', "neither a HAR file"),
        ("[1, 2, 3]", "neither a HAR file"),
        ('{"log": {"entries": [{"response": {"status": 200}}]}}', "log.entries[0]"),
        ('{"log": {"entries": "none"}}', "log.entries is not a list"),
        ('[{"api": "x", "request": {}, "response": {}}]', "entry [0]"),
        (None, "no such file"),
    ],
)
def test_unreadable_input_is_one_line_and_exit_2(
    tmp_path: Path, content: str | None, says: str
) -> None:
    """Input that is neither a HAR file nor a journal export, or not JSON, or missing: one clear
    line naming the file, exit status 2 (not 1, which means the traffic breaks a contract)."""
    path = tmp_path / "traffic.json"
    if content is not None:
        path.write_text(content)
    result = CliRunner().invoke(main, ["verify", str(path)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1
    assert says in lines[0] and str(path) in lines[0]
    assert "Traceback" not in result.output


def test_unknown_api_or_edition_is_exit_2(tmp_path: Path) -> None:
    """--api and --edition must name something: one line, exit 2."""
    path = tmp_path / "empty.json"
    path.write_text("[]")
    for options in (["--api", "nope"], ["--api", "launchdarkly", "--edition", "legacy"]):
        result = CliRunner().invoke(main, ["verify", str(path), *options])
        assert result.exit_code == 2
        assert len(result.output.strip().splitlines()) == 1


# Names that are not secret (contracts.secrecy.is_secret_header: what the journal redacts).
header_names = st.from_regex(r"x-[a-z]{1,12}", fullmatch=True).filter(
    lambda name: not is_secret_header(name)
)
header_values = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=30)
query_pairs = st.lists(
    st.tuples(st.from_regex(r"[a-z]{1,8}", fullmatch=True), st.text(max_size=10)), max_size=4
)


@settings(max_examples=50, deadline=None)
@given(
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    segments=st.lists(st.from_regex(r"[A-Za-z0-9_.~-]{1,10}", fullmatch=True), max_size=4),
    query=query_pairs,
    headers=st.dictionaries(header_names, header_values, max_size=4),
    body=st.binary(max_size=64),
    status=st.sampled_from([200, 201, 204, 400, 404, 500]),
    answer=st.binary(max_size=64),
)
def test_a_har_written_reads_back_as_the_same_exchange(
    method: str,
    segments: list[str],
    query: list[tuple[str, str]],
    headers: dict[str, str],
    body: bytes,
    status: int,
    answer: bytes,
) -> None:
    """Property: read(write(exchange)) is the exchange (method, URL, path, query, headers, request
    and response bodies, status) for any bytes bodies (base64 when not UTF-8) and headers whose
    names are not secret."""
    url = "http://127.0.0.1:9/" + "/".join(segments)
    if query:
        url += f"?{httpx.QueryParams(query)}"
    split = urlsplit(url)
    media = {"content-type": "application/octet-stream"}
    exchange = Exchange(
        url=url,
        request=HttpRequest.build(method, split.path, split.query, {**headers, **media}, body),
        response=HttpResponse(status, {**headers, **media}, answer),
        started="2024-01-01T00:00:00.000+00:00",
    )
    document = to_har([exchange])
    (back,) = har_exchanges(json.loads(json.dumps(document)))
    assert back.url == exchange.url
    assert back.request == exchange.request
    assert back.response == exchange.response
    assert back.request_body_recorded and back.response_body_recorded
