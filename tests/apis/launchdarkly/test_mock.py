"""The LaunchDarkly mock on 127.0.0.1: what it accepts and how, every documented error, the
journal, reset, rate limits counted across workers."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings

from contracts.apis.launchdarkly.mock import token_digest
from contracts.apis.launchdarkly.rules import RULES
from contracts.apis.launchdarkly.strategies import (
    boundary_cases,
    encode_body,
    invalid_samples,
    valid_samples,
)
from contracts.journal import REDACTED
from contracts.mock import MockConfig, RunningMock, build_app, running_mock
from contracts.samples import Sample

from .support import (
    HTTP,
    SPEC,
    TOKEN,
    assert_answer,
    contract_problems,
    post,
    segments_path,
    stored_segments,
)

MOCK_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
DAY = 86400  # a rate window no test run crosses (windows are aligned on the epoch)


def request_example() -> dict[str, Any]:
    (example,) = [e for e in SPEC.examples() if e.where == "request"]
    return dict(example.value)


def response_example() -> dict[str, Any]:
    (example,) = [e for e in SPEC.examples() if e.where == "response 201"]
    return dict(example.value)


def without_dates(segment: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in segment.items() if k not in ("creationDate", "lastModifiedDate")}


# -- created -------------------------------------------------------------------------------------


def test_the_spec_request_example_creates_the_spec_response_example(mock: RunningMock) -> None:
    """The spec's request example gets 201 and the spec's response example, but for the dates,
    which are now in epoch milliseconds (launchdarkly-create-segment.txt:39, :46, :48)."""
    before = int(time.time() * 1000)
    response = post(mock.url, request_example())
    after = int(time.time() * 1000)
    assert_answer(response, 201)
    segment = response.json()
    assert without_dates(segment) == without_dates(response_example())
    assert before <= segment["creationDate"] == segment["lastModifiedDate"] <= after


def test_a_minimal_segment_gets_the_defaults(mock: RunningMock) -> None:
    """tags defaults to an empty array (launchdarkly-create-segment.txt:45), description is
    omitted when not given (:62), a new segment is not deleted and has no rules (:52, :56)."""
    response = post(mock.url, {"name": "Beta", "key": "beta"})
    assert_answer(response, 201)
    segment = response.json()
    assert segment["tags"] == [] and segment["rules"] == [] and segment["deleted"] is False
    assert "description" not in segment
    assert segment["unbounded"] is False and "unboundedContextKind" not in segment
    assert segment["_links"]["self"]["href"] == segments_path() + "/beta"


def test_a_big_segment_has_the_big_segment_fields(mock: RunningMock) -> None:
    """A big segment keeps its context kind (launchdarkly-create-segment.txt:83), has metadata
    (:85) and omits the included and excluded arrays (:66, :70)."""
    body = {"name": "Imported", "key": "imported", "unbounded": True, "unboundedContextKind": "org"}
    response = post(mock.url, body)
    assert_answer(response, 201)
    segment = response.json()
    assert segment["unbounded"] is True
    assert segment["unboundedContextKind"] == "org"
    assert segment["_unboundedMetadata"]["includedCount"] == 0
    assert segment["_importInProgress"] is False
    assert not {"included", "excluded"} & set(segment)


def test_a_big_segment_without_a_context_kind_targets_users(mock: RunningMock) -> None:
    """Without unboundedContextKind a big segment targets the 'user' kind (our choice,
    launchdarkly-create-segment.txt:35)."""
    response = post(mock.url, {"name": "Imported", "key": "imported", "unbounded": True})
    assert_answer(response, 201)
    assert response.json()["unboundedContextKind"] == "user"


def test_a_context_kind_on_a_standard_segment_is_accepted_and_dropped(mock: RunningMock) -> None:
    """unboundedContextKind is for big segments only (launchdarkly-create-segment.txt:35): the
    mock accepts it on a standard segment, drops it and reports the warning in its headers."""
    response = post(mock.url, {"name": "Beta", "key": "beta", "unboundedContextKind": "user"})
    assert_answer(response, 201)
    assert "unboundedContextKind" not in response.json()
    assert response.headers["x-contract-rules"] == "unbounded_context_kind_requires_unbounded"


@MOCK_SETTINGS
@given(sample=valid_samples())
def test_valid_samples_are_created_as_sent(mock: RunningMock, sample: Sample) -> None:
    """Every valid body gets 201 with a segment that fits the spec and holds what was sent, and
    the segment is stored under project/environment/key."""
    mock.reset("launchdarkly")
    response = post(mock.url, sample.body)
    assert_answer(response, 201)
    segment = response.json()
    for field in ("name", "key", "description", "tags", "unboundedContextKind"):
        if field in sample.body:
            assert segment[field] == sample.body[field]
    assert segment["unbounded"] is (sample.body.get("unbounded") is True)
    records = stored_segments(mock.url)
    assert records == [{"key": f"default/production/{sample.body['key']}", "value": segment}]


@MOCK_SETTINGS
@given(sample=invalid_samples())
def test_invalid_samples_are_refused_naming_their_rule(mock: RunningMock, sample: Sample) -> None:
    """A body breaking a rule the service refuses (its flag) gets 400 invalid_request naming the
    rule and its page line (401 for the API key); one breaking a rule the service tolerates gets
    201 with the rule reported."""
    mock.reset("launchdarkly")
    token = None if sample.breaks == "api_key_required" else TOKEN
    response = post(mock.url, sample.body, token=token, headers=sample.headers)
    assert response.headers["x-contract-rules"] == sample.breaks
    if not RULES.refuses(sample.breaks):
        assert_answer(response, 201)
        return
    if sample.breaks == "api_key_required":
        assert_answer(response, 401, "unauthorized")
        assert stored_segments(mock.url) == []
        return
    assert_answer(response, 400, "invalid_request")
    message = response.json()["message"]
    assert f"[{sample.breaks}; launchdarkly-create-segment.txt" in message
    assert stored_segments(mock.url) == []


@pytest.mark.parametrize("sample", boundary_cases(), ids=lambda s: s.note)
def test_boundaries_through_the_mock(mock: RunningMock, sample: Sample) -> None:
    """At every limit the mock creates the segment; one past it, it answers 400 naming the rule
    where the rule's flag says the service refuses it, else 201 reporting it."""
    response = post(mock.url, sample.body)
    if sample.valid or not RULES.refuses(sample.breaks):
        assert_answer(response, 201)
        assert response.headers.get("x-contract-rules") == sample.breaks
    else:
        assert_answer(response, 400, "invalid_request")
        assert f"[{sample.breaks}; " in response.json()["message"]


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ({"name": "Beta", "key": "beta testers"}, "key_format"),  # :24 "keystring Required"
        ({"name": "Beta", "key": ""}, "key_not_empty"),  # :24-25
        ({"name": " ", "key": "blank-name"}, "name_not_empty"),  # :20-22
        ({"name": "Beta", "key": "tagged", "tags": ["qa team"]}, "tag_format"),  # :28-29
        ({"name": "Beta", "key": "tag-long", "tags": ["t" * 65]}, "tag_length"),  # :28-29
        (
            {"name": "Big", "key": "big", "unbounded": True, "unboundedContextKind": "multi"},
            "context_kind_format",
        ),  # :34-35 "unboundedContextKindstringOptional"
    ],
)
def test_formats_from_other_sources_are_accepted_and_warned(
    mock: RunningMock, body: dict[str, Any], rule: str
) -> None:
    """House rule: a refusal needs a page line. The page gives these fields a type only
    (launchdarkly-create-segment.txt:20-35); the formats come from the Terraform provider and the
    SDKs, so the faithful mock creates the segment (201, where it used to answer 400) and names the
    warning; a strict mock refuses it."""
    response = post(mock.url, body)
    assert_answer(response, 201)
    assert response.headers["x-contract-rules"] == rule
    with running_mock(MockConfig(apis=("launchdarkly",), strict=True)) as strict:
        refused = post(strict.url, body)
        assert_answer(refused, 400, "invalid_request")
        assert f"[{rule}; launchdarkly-create-segment.txt" in refused.json()["message"]


def test_strict_mode_refuses_what_the_service_tolerates() -> None:
    """In strict mode a body breaking a tolerated rule (here unknown_field_ignored, against
    launchdarkly-create-segment.txt:19) gets 400 instead of 201."""
    config = MockConfig(apis=("launchdarkly",), strict=True)
    with running_mock(config) as strict:
        response = post(strict.url, {"name": "Beta", "key": "beta", "included": ["u1"]})
        assert_answer(response, 400, "invalid_request")
        assert "unknown_field_ignored" in response.json()["message"]


# -- errors --------------------------------------------------------------------------------------


def test_malformed_json_is_400(mock: RunningMock) -> None:
    """The endpoint expects a JSON object (launchdarkly-create-segment.txt:19)."""
    response = post(mock.url, b'{"name": "Beta", "key": ')
    assert_answer(response, 400, "invalid_request")
    assert "body_json; launchdarkly-create-segment.txt:19" in response.json()["message"]


def test_deeply_nested_json_is_400_not_a_crash(mock: RunningMock) -> None:
    """Nesting past the parser's depth is bad JSON (launchdarkly-create-segment.txt:19): 400."""
    response = post(mock.url, b"[" * 100_000 + b"]" * 100_000)
    assert_answer(response, 400, "invalid_request")
    assert "body_json" in response.json()["message"]


def test_a_400_names_the_first_violations_and_counts_the_rest(mock: RunningMock) -> None:
    """The message names three violations (field, rule, page line) and counts the others; all
    are in the x-contract headers (launchdarkly-create-segment.txt:20-35)."""
    body = {"name": 1, "key": 2, "description": 3, "tags": [4], "unbounded": "no", "x": 0}
    response = post(mock.url, body)
    assert_answer(response, 400, "invalid_request")
    message = response.json()["message"]
    assert message.startswith("Invalid request body: description: 3 is not of type")
    assert message.endswith("(and 2 more)")  # five refused; the warning (x) is not counted
    assert response.headers["x-contract-violations"] == "6"


@pytest.mark.parametrize("token", [None, ""], ids=["missing", "empty"])
def test_no_token_is_401(mock: RunningMock, token: str | None) -> None:
    """Authorization carries the access token (launchdarkly-create-segment.txt:7); without it,
    401 Unauthorized (:96)."""
    response = post(mock.url, {"name": "Beta", "key": "beta"}, token=token)
    assert_answer(response, 401, "unauthorized")
    assert stored_segments(mock.url) == []


def test_only_configured_tokens_are_accepted_when_tokens_are_configured() -> None:
    """With a `tokens` setting, any other token is invalid: 401
    (launchdarkly-create-segment.txt:96)."""
    config = MockConfig(apis=("launchdarkly",), settings={"launchdarkly": {"tokens": [TOKEN]}})
    with running_mock(config) as limited:
        assert_answer(post(limited.url, {"name": "B", "key": "b"}, token="api-other"), 401)
        assert_answer(post(limited.url, {"name": "B", "key": "b"}), 201)


def test_a_read_only_token_is_403() -> None:
    """A token that may not write gets 403 Forbidden (launchdarkly-create-segment.txt:98)."""
    settings = {"launchdarkly": {"read_only_tokens": ["api-reader"]}}
    with running_mock(MockConfig(apis=("launchdarkly",), settings=settings)) as mock:
        assert_answer(
            post(mock.url, {"name": "B", "key": "b"}, token="api-reader"), 403, "forbidden"
        )
        assert_answer(post(mock.url, {"name": "B", "key": "b"}), 201)


@pytest.mark.parametrize(
    ("project", "environment"),
    [("mobile", "production"), ("default", "staging"), ("-bad", "production")],
)
def test_unknown_project_or_environment_is_404(
    mock: RunningMock, project: str, environment: str
) -> None:
    """The project and environment must exist (launchdarkly-create-segment.txt:12, :14): 404 Not
    Found (:100)."""
    response = post(mock.url, {"name": "B", "key": "b"}, project=project, environment=environment)
    assert_answer(response, 404, "not_found")
    assert repr(project if project != "default" else environment) in response.json()["message"]


def test_both_default_environments_exist(mock: RunningMock) -> None:
    """The mock starts with project 'default' and its environments 'production' and 'test'."""
    for environment in ("production", "test"):
        assert_answer(post(mock.url, {"name": "B", "key": "b"}, environment=environment), 201)


def test_projects_come_from_the_settings() -> None:
    """`projects` replaces the default project (launchdarkly-create-segment.txt:12, :14)."""
    settings = {"launchdarkly": {"projects": {"mobile": ["staging"]}}}
    with running_mock(MockConfig(apis=("launchdarkly",), settings=settings)) as mock:
        assert_answer(post(mock.url, {"name": "B", "key": "b"}), 404, "not_found")
        body = {"name": "B", "key": "b"}
        assert_answer(post(mock.url, body, project="mobile", environment="staging"), 201)


def test_a_duplicate_key_is_409_and_keys_are_per_environment(mock: RunningMock) -> None:
    """The key is unique (launchdarkly-create-segment.txt:24) within a project's environment: a
    second segment with it gets 409 conflict; the same key in another environment is new."""
    body = {"name": "Beta", "key": "beta"}
    first = post(mock.url, body)
    assert_answer(first, 201)
    assert_answer(post(mock.url, {**body, "name": "Other"}), 409, "conflict")
    assert_answer(post(mock.url, body, environment="test"), 201)
    records = stored_segments(mock.url)
    assert [r["key"] for r in records] == ["default/production/beta", "default/test/beta"]
    assert records[0]["value"] == first.json()


def test_concurrent_duplicates_store_one_segment(mock: RunningMock) -> None:
    """Many clients creating the same key at once: exactly one 201, the others 409."""
    body = {"name": "Beta", "key": "beta"}
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = sorted(pool.map(lambda _: post(mock.url, body).status_code, range(8)))
    assert statuses == [201] + [409] * 7


def test_two_workers_store_one_segment(tmp_path: Any) -> None:
    """Two worker processes share the store file: a key created through one is a duplicate
    through the other."""
    config = MockConfig(apis=("launchdarkly",), db=str(tmp_path / "mock.sqlite3"))
    statuses = asyncio.run(_post_through_workers(config, [{"name": "B", "key": "b"}] * 2))
    assert statuses == [201, 409]


async def _post_through_workers(
    config: MockConfig, bodies: list[Any], token: str = TOKEN
) -> list[int]:
    """POST each body through the next of two apps on the same store, as two workers would."""
    workers = [build_app(config), build_app(config)]
    statuses = []
    for index, body in enumerate(bodies):
        transport = httpx.ASGITransport(app=workers[index % 2])
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            response = await client.post(
                segments_path(),
                content=encode_body(body),
                headers={"Authorization": token, "Content-Type": "application/json"},
            )
            statuses.append(response.status_code)
    return statuses


def test_rate_limit_per_token_is_429_with_retry_after() -> None:
    """Past `rate_limit` requests per window a token gets 429 rate_limited with Retry-After
    (launchdarkly-create-segment.txt:102); the remaining count falls on every answer, and another
    token is not limited."""
    settings = {"launchdarkly": {"rate_limit": 3, "rate_window": DAY}}
    with running_mock(MockConfig(apis=("launchdarkly",), settings=settings)) as mock:
        answers = [post(mock.url, {"name": "B", "key": f"b{i}"}) for i in range(4)]
        for answer in answers[:3]:
            assert_answer(answer, 201)
        remaining = [a.headers["x-ratelimit-route-remaining"] for a in answers]
        assert remaining == ["2", "1", "0", "0"]
        limited = answers[3]
        assert_answer(limited, 429, "rate_limited")
        assert 1 <= int(limited.headers["retry-after"]) <= DAY
        reset = int(limited.headers["x-ratelimit-reset"])
        assert reset % (DAY * 1000) == 0 and reset > time.time() * 1000
        assert_answer(post(mock.url, {"name": "B", "key": "b9"}, token="api-other"), 201)
        # The counters name the token by its digest only.
        with sqlite3.connect(mock.config.db or "") as db:
            names = [row[0] for row in db.execute("SELECT name FROM counters")]
        assert any(token_digest(TOKEN) in name for name in names)
        assert not any(TOKEN in name for name in names)


def test_the_global_limit_counts_all_tokens() -> None:
    """`global_rate_limit` counts every token's requests together: past it, 429 for anyone."""
    settings = {"launchdarkly": {"global_rate_limit": 2, "rate_window": DAY}}
    with running_mock(MockConfig(apis=("launchdarkly",), settings=settings)) as mock:
        statuses = [post(mock.url, {"name": "B", "key": "b"}, token=f"api-{i}") for i in range(3)]
        assert [s.status_code for s in statuses] == [201, 409, 429]
        assert statuses[1].headers["x-ratelimit-global-remaining"] == "0"


def test_the_rate_limit_is_counted_across_workers(tmp_path: Any) -> None:
    """Requests through two workers count against one limit (the counter lives in the store)."""
    config = MockConfig(
        apis=("launchdarkly",),
        db=str(tmp_path / "mock.sqlite3"),
        settings={"launchdarkly": {"rate_limit": 2, "rate_window": DAY}},
    )
    bodies = [{"name": "B", "key": f"b{i}"} for i in range(3)]
    assert asyncio.run(_post_through_workers(config, bodies)) == [201, 201, 429]


def test_the_default_limit_does_not_trigger_in_normal_use(mock: RunningMock) -> None:
    """Without settings a token has 1000 requests per 10 seconds, so tests are never limited."""
    response = post(mock.url, {"name": "B", "key": "b"})
    assert int(response.headers["x-ratelimit-route-remaining"]) == 999
    assert int(response.headers["x-ratelimit-reset"]) - time.time() * 1000 <= 10_000


# -- journal and reset ---------------------------------------------------------------------------


def test_the_journal_records_exchanges_with_the_token_redacted(mock: RunningMock) -> None:
    """Each exchange is journaled in order with its status, bodies and violations; the access
    token appears nowhere, neither through RunningMock.journal() nor GET /_contracts/journal."""
    post(mock.url, {"name": "Beta", "key": "beta"})
    post(mock.url, {"name": 1, "key": "beta-2"})
    post(mock.url, {"name": "Beta", "key": "beta"}, token=None)
    entries = mock.journal("launchdarkly")
    assert [e.status for e in entries] == [201, 400, 401]
    assert [e.path for e in entries] == [segments_path()] * 3
    assert entries[0].request_headers["authorization"] == REDACTED
    assert json.loads(entries[0].request_body or b"") == {"name": "Beta", "key": "beta"}
    assert json.loads(entries[0].response_body or b"")["key"] == "beta"
    assert [v["rule"] for v in entries[1].violations] == ["type"]
    served = HTTP.get(f"{mock.url}/_contracts/journal", params={"api": "launchdarkly"}).json()
    assert [e["response"]["status"] for e in served] == [201, 400, 401]
    assert served[0]["request"]["headers"]["authorization"] == REDACTED
    assert TOKEN not in json.dumps(served)
    assert TOKEN not in repr(entries)


def test_an_oversized_body_is_refused_unread(mock: RunningMock) -> None:
    """A body over 1 MiB is refused with 400 and journaled without its body."""
    response = post(mock.url, {"name": "B", "key": "b", "description": "x" * (1024 * 1024)})
    assert_answer(response, 400, "invalid_request")
    assert "body_too_large" in response.json()["message"]
    (entry,) = mock.journal("launchdarkly")
    assert entry.request_body is None and entry.request_size > 1024 * 1024


def test_reset_forgets_segments_journal_and_counters(mock: RunningMock) -> None:
    """POST /_contracts/reset empties the journal and the segments and restarts the counters: the
    same key can be created again with the full rate limit."""
    body = {"name": "Beta", "key": "beta"}
    assert_answer(post(mock.url, body), 201)
    assert (
        HTTP.post(f"{mock.url}/_contracts/reset", params={"api": "launchdarkly"}).status_code == 204
    )
    assert mock.journal("launchdarkly") == []
    assert stored_segments(mock.url) == []
    again = post(mock.url, body)
    assert_answer(again, 201)
    assert again.headers["x-ratelimit-route-remaining"] == "999"


def test_every_answer_fits_the_spec(mock: RunningMock) -> None:
    """The answers to one request of each kind are all documented by the spec (status, headers,
    Error or UserSegment body)."""
    answers = [
        post(mock.url, {"name": "B", "key": "b"}),
        post(mock.url, {"name": "B", "key": "b"}),
        post(mock.url, {"name": "B"}),
        post(mock.url, {"name": "B", "key": "b"}, token=None),
        post(mock.url, {"name": "B", "key": "b"}, project="nope"),
    ]
    assert [a.status_code for a in answers] == [201, 409, 400, 401, 404]
    assert all(contract_problems(a) == [] for a in answers)
