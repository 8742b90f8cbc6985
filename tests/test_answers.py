"""Answers chosen per request (contracts.answers): through the user-facing fixture
(`contracts_mock.answer`), the control endpoint and Prism's `Prefer` header. Every documented
answer of every vendor is driven and checked against its spec."""

from __future__ import annotations

import time
from typing import Any

import httpx
import pytest

from contracts.answers import AnswerError, documented
from contracts.exchange import HttpResponse
from contracts.mock import MockConfig, RunningMock, running_mock
from contracts.registry import all_apis, get_api
from contracts.validation import check_response, find_operation

DOCUMENTED = [(api.name, name) for api in all_apis() for name in documented(api)]


def operation_url(mock: RunningMock, api_name: str) -> str:
    """The URL of the API's operation, its path parameters filled as `contracts check` fills
    them for the mock."""
    api = get_api(api_name)
    operation = api.spec().operations()[0]
    path = operation.path
    checks = api.checks()
    for name, value in (checks.path_parameters if checks else {}).items():
        path = path.replace(f"{{{name}}}", value)
    return mock.url + path


def send(mock: RunningMock, api_name: str, **headers: str) -> httpx.Response:
    return httpx.post(
        operation_url(mock, api_name),
        params={"siteCode": "s", "visitorCode": "v"} if api_name == "kameleoon-data" else None,
        json={"name": "n", "key": "k", "siteId": 1},
        headers={"Authorization": "Bearer t", **headers},
        timeout=30,
    )


def spec_problems(api_name: str, response: httpx.Response) -> list[str]:
    """What the spec finds wrong with a response: status, content type, body schema, required
    headers (check_response), and the value of every declared header that is present."""
    api = get_api(api_name)
    spec = api.spec()
    path = httpx.URL(str(response.request.url)).path
    found = find_operation(spec, "POST", path)
    assert found is not None
    operation, _ = found
    answer = HttpResponse(response.status_code, dict(response.headers), response.content)
    problems = [str(v) for v in check_response(spec, operation, answer)]
    definition = spec.resolve(operation.definition["responses"][str(response.status_code)])
    for name, header in definition.get("headers", {}).items():
        schema: dict[str, Any] = spec.resolve(header).get("schema", {})
        value = response.headers.get(name)
        if value is None or schema.get("type") != "integer":
            continue
        low, high = schema.get("minimum", -(2**63)), schema.get("maximum", 2**63)
        if not (value.isdigit() and low <= int(value) <= high):
            problems.append(f"header {name}: {value!r} is not an integer in [{low}, {high}]")
    return problems


@pytest.mark.parametrize(("api_name", "name"), DOCUMENTED)
def test_each_documented_answer_is_served_valid_for_its_spec(
    contracts_mock: RunningMock, api_name: str, name: str
) -> None:
    """The fixture drives the mock to each documented error; the answer is the documented one
    (its doc line names a page or the spec) and fits the spec for its status."""
    expected = documented(get_api(api_name))[name]
    assert expected.doc
    contracts_mock.answer(api_name, error=name, times=1)
    response = send(contracts_mock, api_name)
    assert response.status_code == expected.status
    assert spec_problems(api_name, response) == []
    (entry,) = contracts_mock.journal(api_name)
    assert entry.status == expected.status


def test_launchdarkly_429_carries_retry_after_and_is_used_once(
    contracts_mock: RunningMock,
) -> None:
    """status=429 picks the rate-limit answer with Retry-After (launchdarkly-create-segment.txt:102
    and the spec's 429 headers); times=1: the next request gets the handler's own answer."""
    contracts_mock.answer("launchdarkly", status=429, times=1)
    first = send(contracts_mock, "launchdarkly", Authorization="token")
    second = send(contracts_mock, "launchdarkly", Authorization="token")
    assert first.status_code == 429 and int(first.headers["retry-after"]) >= 1
    assert first.json()["code"] == "rate_limited"
    assert second.status_code == 201


def test_capillary_error_by_code_in_its_envelope(contracts_mock: RunningMock) -> None:
    """error=310069 answers the page's "Target group name already exists"
    (capillary-create-target-group-behavioural.txt:683) in the v3 envelope, until cleared."""
    contracts_mock.answer("capillary", error=310069)
    for _ in range(2):
        response = send(contracts_mock, "capillary")
        assert response.status_code == 400
        assert response.json() == {
            "data": None,
            "errors": [{"code": 310069, "message": "Target group name already exists"}],
            "warnings": None,
        }
    contracts_mock.clear_answers("capillary")
    assert send(contracts_mock, "capillary").status_code == 200


def test_an_undocumented_status_is_refused_naming_the_documented_ones(
    contracts_mock: RunningMock,
) -> None:
    """A chosen answer must be one the spec documents: LaunchDarkly lists no 500."""
    with pytest.raises(AnswerError, match=r"no documented answer with status 500.*rate_limited"):
        contracts_mock.answer("launchdarkly", status=500)
    with pytest.raises(AnswerError, match="nothing chosen"):
        contracts_mock.answer("launchdarkly")
    with pytest.raises(AnswerError, match="delay"):
        contracts_mock.answer("launchdarkly", delay=-1)


def test_delay_then_the_handler_answers(contracts_mock: RunningMock) -> None:
    contracts_mock.answer("kameleoon-automation", delay=0.5, times=1)
    started = time.monotonic()
    response = send(contracts_mock, "kameleoon-automation")
    assert time.monotonic() - started >= 0.5
    assert response.status_code == 201


def test_drop_closes_the_connection_without_an_answer(contracts_mock: RunningMock) -> None:
    contracts_mock.answer("launchdarkly", drop=True, times=1)
    with pytest.raises(httpx.TransportError):
        send(contracts_mock, "launchdarkly")
    assert send(contracts_mock, "launchdarkly").status_code == 201  # used once
    assert [e.status for e in contracts_mock.journal("launchdarkly")] == [201]


def test_prefer_header_chooses_per_request(contracts_mock: RunningMock) -> None:
    """Prism's convention: `Prefer: code=N` and `Prefer: example=NAME`; `dynamic=true` alone
    leaves the handler's answer; an undocumented code is a 400 naming the documented ones."""
    assert send(contracts_mock, "launchdarkly", Prefer="code=404").status_code == 404
    named = send(contracts_mock, "launchdarkly", Prefer="example=conflict")
    assert named.status_code == 409 and spec_problems("launchdarkly", named) == []
    assert send(contracts_mock, "launchdarkly", Prefer="dynamic=true").status_code == 201
    refused = send(contracts_mock, "launchdarkly", Prefer="code=418")
    assert refused.status_code == 400 and "not_found (404)" in refused.json()["message"]


def test_control_endpoint_chooses_lists_clears_and_reset_forgets() -> None:
    with running_mock(MockConfig(apis=("launchdarkly", "kameleoon-data"))) as mock:
        control = f"{mock.url}/_contracts/answers"
        made = httpx.post(control, json={"api": "kameleoon-data", "status": 429, "times": 2})
        assert made.status_code == 201 and made.json()["name"] == "rate_limited"
        assert [c["name"] for c in httpx.get(control).json()] == ["rate_limited"]
        assert send(mock, "kameleoon-data").status_code == 429
        httpx.post(f"{mock.url}/_contracts/reset")
        assert httpx.get(control).json() == []
        assert send(mock, "kameleoon-data").status_code == 202

        httpx.post(control, json={"api": "launchdarkly", "error": "forbidden"})
        assert httpx.delete(control, params={"api": "launchdarkly"}).status_code == 204
        assert send(mock, "launchdarkly").status_code == 201

        bad = httpx.post(control, json={"api": "launchdarkly", "status": 500})
        assert bad.status_code == 400 and "no documented answer" in bad.json()["message"]
        unknown = httpx.post(control, json={"api": "nope", "status": 429})
        assert unknown.status_code == 400 and "not served here" in unknown.json()["message"]
        assert httpx.post(control, content=b"[[[").status_code == 400


def test_list_answers_names_each_vendors_documented_errors() -> None:
    from click.testing import CliRunner

    from contracts.cli import main

    result = CliRunner().invoke(main, ["mock", "--list-answers"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for api_name, name in DOCUMENTED:
        assert any(api_name in line and f" {name} " in line for line in result.output.splitlines())
