"""The Capillary mock: the page's requests answered like the page's responses, every documented
error code, 401, the journal, reset, and agreement between workers on taken names."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts.apis.capillary.rules import BODY_LIMIT, RULES, error_code
from contracts.apis.capillary.strategies import (
    invalid_sample_kinds,
    invalid_samples,
    valid_samples,
)
from contracts.journal import REDACTED
from contracts.mock import MockConfig, RunningMock, build_app
from contracts.samples import Sample
from contracts.store import Store

from .support import (
    BASIC,
    HTTP,
    PAGE,
    PASSWORD,
    TOKEN,
    USER,
    contract_problems,
    count_body,
    error_codes,
    event_attribute_body,
    example,
    keys,
    post,
)

MOCK_SETTINGS = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
KINDS = invalid_sample_kinds()
LINKS = ("id", "periodId", "targetGroupId", "emfRuleSetId", "attribution")


def unlinked(value: Any) -> Any:
    """A response's data without what the service assigns (IDs, attributions): what a request
    determines. The ID-keyed map becomes the list of its values."""
    if isinstance(value, dict):
        return {
            key: sorted(map(json.dumps, map(unlinked, item.values())))
            if key == "targetPeriodDefaultValuesMap"
            else unlinked(item)
            for key, item in value.items()
            if key not in LINKS
        }
    if isinstance(value, list):
        return [unlinked(item) for item in value]
    return value


def assert_linked(data: dict[str, Any]) -> None:
    """Periods and targets point at their group; default values at the periods, in order; the map
    holds the same values keyed by period ID; no ID is used twice."""
    period_ids = [period["id"] for period in data["periods"]]
    for period in data["periods"]:
        assert period["targetGroupId"] == data["id"]
    for target in data["targets"]:
        assert target["targetGroupId"] == data["id"]
        values = target["defaultValues"]
        assert [v["periodId"] for v in values] == period_ids[: len(values)]
        assert target["targetPeriodDefaultValuesMap"] == {str(v["periodId"]): v for v in values}
    ids = [data["id"], *period_ids]
    for target in data["targets"]:
        ids += [target["id"], target["emfRuleSetId"], *(v["id"] for v in target["defaultValues"])]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("request_name", "response_name"),
    [("count_target", "count_target_created"),
     ("event_attribute_target", "event_attribute_target_created")],
)  # fmt: skip
def test_the_pages_requests_get_the_pages_responses(
    mock: RunningMock, request_name: str, response_name: str
) -> None:
    """The curl bodies (capillary-create-target-group-behavioural.txt:136-193 and 74-131) are
    answered like the page's responses (lines 379-528 and 529-678): same fields, same values for
    everything the request decides (dates as plain dates, the cycle in UTC, ENDED periods, the
    fixed flags), fresh IDs linked the same way."""
    response = post(mock.url, example(request_name))
    assert response.status_code == 200, response.text
    assert contract_problems(response) == []
    page = example(response_name, "response 200")
    body = response.json()
    assert keys(body) == keys(page)
    assert unlinked(body) == unlinked(page)
    assert_linked(body["data"])
    period = body["data"]["periods"][0]
    assert period["attribution"]["createdOnISO"] == "2026-01-13T05:13:18Z"
    assert period["attribution"]["createdBy"]["code"] == USER


def test_the_body_params_default_is_created_with_numeric_values(mock: RunningMock) -> None:
    """The Body Params default sends defaultValue "2" (capillary-create-target-group-
    behavioural.txt:688); the response writes default values as numbers (line 368)."""
    response = post(mock.url, example("body_params_default_visit_target"))
    assert response.status_code == 200, response.text
    assert contract_problems(response) == []
    (target,) = response.json()["data"]["targets"]
    assert [v["defaultValue"] for v in target["defaultValues"]] == [2, 3]


def test_period_status_follows_the_clock(mock: RunningMock) -> None:
    """Both page examples send RUNNING and NOT_STARTED for past periods and get ENDED back
    (capillary-create-target-group-behavioural.txt:94, 101 against 413, 443): the status follows
    the dates. At the mock's clock (2026-01-13T05:13:18Z) a period around it runs and a later one
    has not started."""
    body = count_body()
    body["periods"][0].update(startDate="2026-01-01T00:00:00Z", endDate="2026-01-31T00:00:00Z")
    body["periods"][1].update(startDate="2026-02-01T00:00:00Z", endDate="2026-02-28T00:00:00Z")
    body["periods"][1]["periodStatus"] = "UPCOMING"
    response = post(mock.url, body)
    statuses = [p["periodStatus"] for p in response.json()["data"]["periods"]]
    assert statuses == ["RUNNING", "UPCOMING"]


def test_a_taken_name_is_310069(mock: RunningMock) -> None:
    """'Target group name already exists', code 310069 (capillary-create-target-group-
    behavioural.txt:683): names are unique per org (the credentials), case-insensitively; the
    same OAuth token in either header is the same org; other credentials are another org."""
    assert post(mock.url, count_body()).status_code == 200
    again = count_body()
    again["name"] = again["name"].upper()
    response = post(mock.url, again)
    assert (response.status_code, error_codes(response)) == (400, [310069])
    assert response.json()["data"] is None
    assert contract_problems(response) == []
    assert response.headers["x-contract-rules"] == "target_group_name_unique"

    other = {"Authorization": f"Bearer {TOKEN}"}
    assert post(mock.url, count_body(), other).status_code == 200
    same_token = post(mock.url, count_body(), {"X-CAP-API-OAUTH-TOKEN": TOKEN})
    assert error_codes(same_token) == [310069]


def test_invalid_input_is_300004(mock: RunningMock) -> None:
    """'Invalid input, check all values', code 300004 (capillary-create-target-group-
    behavioural.txt:684): here an EVENT target without eventName (line 39)."""
    body = count_body()
    del body["targets"][0]["eventName"]
    response = post(mock.url, body)
    assert (response.status_code, error_codes(response)) == (400, [300004])
    assert response.json()["errors"][0]["message"].startswith("Invalid input")
    assert contract_problems(response) == []


def test_a_long_target_name_is_310008(mock: RunningMock) -> None:
    """'Length of Target rule name cannot exceed 200', code 310008
    (capillary-create-target-group-behavioural.txt:685); 200 characters are fine."""
    body = event_attribute_body()
    body["targets"][0]["name"] = "t" * 201
    response = post(mock.url, body)
    assert (response.status_code, error_codes(response)) == (400, [310008])
    assert contract_problems(response) == []
    body["targets"][0]["name"] = "t" * 200
    assert post(mock.url, body).status_code == 200


def test_each_code_once_per_answer(mock: RunningMock) -> None:
    """A request breaking several rules gets each code once (lines 683-685), in the order found."""
    body = count_body()
    body["name"] = "g" * 201
    body["targets"][0]["name"] = "t" * 201
    del body["targets"][0]["eventName"]
    response = post(mock.url, body)
    assert error_codes(response) == [300004, 310008]
    assert response.headers["x-contract-violations"] == "3"


@pytest.mark.parametrize("raw", [b"", b"{", b"not json", b"\xff"])
def test_malformed_json_is_300004(mock: RunningMock, raw: bytes) -> None:
    """A body that is not JSON is invalid input (capillary-create-target-group-behavioural.txt:684),
    answered in the envelope, not with a traceback."""
    response = post(mock.url, raw)
    assert (response.status_code, error_codes(response)) == (400, [300004])
    assert contract_problems(response) == []


def test_an_oversized_body_is_refused_unread(mock: RunningMock) -> None:
    """The mock reads at most 1 MiB of a body (the page states no limit; a group is a few KB) and
    answers 300004 (capillary-create-target-group-behavioural.txt:684) beyond it."""
    body = count_body()
    body["description"] = "x" * (1024 * 1024)
    response = post(mock.url, body)
    assert (response.status_code, error_codes(response)) == (400, [300004])
    (entry,) = mock.journal("capillary")
    assert entry.request_body is None


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Basic bm9jb2xvbg=="}, {"Authorization": "Bearer"},
     {"Authorization": "Digest abc"}, {"X-CAP-API-OAUTH-TOKEN": ""}],
    ids=["none", "basic-without-colon", "empty-bearer", "other-scheme", "empty-token"],
)  # fmt: skip
def test_no_usable_credentials_is_401(mock: RunningMock, headers: dict[str, str]) -> None:
    """Basic/OAuth authentication is required (capillary-create-target-group-behavioural.txt:197):
    without it, 401 in the envelope with a Basic challenge, and nothing is created."""
    response = post(mock.url, count_body(), headers)
    assert response.status_code == 401
    assert response.json() == {
        "data": None, "errors": [{"code": 401, "message": "Unauthorized"}], "warnings": None,
    }  # fmt: skip
    assert response.headers["www-authenticate"].startswith("Basic")
    assert contract_problems(response) == []
    assert post(mock.url, count_body()).status_code == 200  # the name was not taken


@pytest.mark.parametrize(
    "headers",
    [BASIC, {"X-CAP-API-OAUTH-TOKEN": TOKEN}, {"Authorization": f"Bearer {TOKEN}"}],
    ids=["basic", "oauth-header", "bearer"],
)
def test_each_credential_scheme_is_accepted(mock: RunningMock, headers: dict[str, str]) -> None:
    """Basic (capillary-create-target-group-behavioural.txt:73), the OAuth token header (line 197)
    and the bearer form the spec adds all authenticate; a token user is not named by its token."""
    response = post(mock.url, count_body(), headers)
    assert response.status_code == 200
    assert TOKEN not in response.text


def test_warnings_are_accepted_and_flagged(mock: RunningMock) -> None:
    """A body breaking only a WARNING rule (totalPeriods against periods, line 217) is created,
    with the rule in the x-contract-rules header and the journal."""
    body = count_body()
    body["totalPeriods"] = 5
    response = post(mock.url, body)
    assert response.status_code == 200
    assert response.headers["x-contract-rules"] == "periods_match_total_periods"
    assert response.json()["data"]["totalPeriods"] == 5


def _swapped_period(body: dict[str, Any]) -> None:
    period = body["periods"][0]
    period["startDate"], period["endDate"] = period["endDate"], period["startDate"]


def _blank_event_name(body: dict[str, Any]) -> None:
    body["targets"][0]["eventName"] = " "


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        # startDate/endDate are Date Time (lines 243, 246); their order is not stated
        (_swapped_period, "period_start_before_end"),
        # eventName is 'name of the behavioral event' (line 38), present (line 39)
        (_blank_event_name, "event_name_not_blank"),
    ],
)
def test_what_the_page_does_not_state_is_created_and_flagged(
    mock: RunningMock, change: Any, rule: str
) -> None:
    """House rule: a refusal needs a page line (capillary-create-target-group-behavioural.txt:38,
    243-246 state no such refusal). The faithful mock creates the group (200, where it used to
    answer 400) and flags the rule."""
    body = count_body()
    change(body)
    response = post(mock.url, body)
    assert response.status_code == 200, response.text
    assert contract_problems(response) == []
    assert rule in response.headers["x-contract-rules"].split(",")


def test_a_body_over_the_limit_names_a_rule_of_the_book(mock: RunningMock) -> None:
    """The page states no size limit (its body table starts at
    capillary-create-target-group-behavioural.txt:208): the mock's own 1 MiB bound refuses with
    300004 (line 684) under body_size, a rule of the book (it used to name a rule the book
    lacked)."""
    body = {**count_body(), "description": "d" * BODY_LIMIT}
    response = post(mock.url, body)
    assert (response.status_code, error_codes(response)) == (400, [300004])
    assert response.headers["x-contract-rules"] == "body_size"
    assert "body_size" in RULES and RULES.refuses("body_size")
    (entry,) = mock.journal("capillary")
    assert [v["doc"] for v in entry.violations] == [f"{PAGE}:208"]


def test_strict_mode_refuses_warnings(tmp_path: Any) -> None:
    """With --strict a WARNING rule is refused as invalid input (line 684) too."""
    config = MockConfig(apis=("capillary",), strict=True, db=str(tmp_path / "s.sqlite3"))
    body = count_body()
    body["periods"].reverse()  # periods_ordered, a warning (line 240)

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=build_app(config))
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as client:
            return await client.post("/v3/targetGroups", json=body, headers=BASIC)

    response = asyncio.run(send())
    assert (response.status_code, error_codes(response)) == (400, [300004])


def test_the_journal_records_exchanges_without_secrets(mock: RunningMock) -> None:
    """Every exchange is journaled with its body, status and violations; credentials (Basic,
    the OAuth header, bearer) are redacted and appear nowhere in the journal."""
    post(mock.url, count_body())
    post(mock.url, count_body(), {"X-CAP-API-OAUTH-TOKEN": TOKEN})
    post(mock.url, count_body(), {"Authorization": f"Bearer {TOKEN}"})
    entries = HTTP.get(f"{mock.url}/_contracts/journal", params={"api": "capillary"}).json()
    assert [e["response"]["status"] for e in entries] == [200, 200, 400]
    first, second, third = (e["request"]["headers"] for e in entries)
    assert first["authorization"] == REDACTED
    assert second["x-cap-api-oauth-token"] == REDACTED
    assert third["authorization"] == REDACTED
    assert json.loads(entries[0]["request"]["body"]) == count_body()
    assert entries[2]["violations"][0]["rule"] == "target_group_name_unique"
    dump = json.dumps(entries)
    for secret in (TOKEN, PASSWORD, BASIC["Authorization"].split()[1]):
        assert secret not in dump


def test_reset_forgets_groups_names_and_ids(mock: RunningMock) -> None:
    """POST /_contracts/reset?api=capillary empties the journal, the groups and the taken names,
    and IDs start over."""
    first = post(mock.url, count_body()).json()["data"]
    assert len(HTTP.get(f"{mock.url}/_contracts/records/capillary/target_groups").json()) == 1
    assert HTTP.post(f"{mock.url}/_contracts/reset", params={"api": "capillary"}).status_code == 204
    assert HTTP.get(f"{mock.url}/_contracts/journal", params={"api": "capillary"}).json() == []
    assert HTTP.get(f"{mock.url}/_contracts/records/capillary/target_groups").json() == []
    again = post(mock.url, count_body())
    assert again.status_code == 200
    assert again.json()["data"]["id"] == first["id"]


def test_stored_groups_are_what_was_answered(mock: RunningMock) -> None:
    """The store keeps the created group as answered; the taken-name keys show neither user nor
    group name."""
    data = post(mock.url, count_body()).json()["data"]
    (record,) = HTTP.get(f"{mock.url}/_contracts/records/capillary/target_groups").json()
    assert record == {"key": str(data["id"]), "value": data}
    (name,) = HTTP.get(f"{mock.url}/_contracts/records/capillary/group_names").json()
    assert USER not in name["key"] and data["name"] not in name["key"]


def test_workers_agree_on_a_taken_name(tmp_path: Any) -> None:
    """Two workers (two apps, two store handles on one file) sent the same name at once: one
    creates it, the other answers 310069 (line 683)."""
    config = MockConfig(apis=("capillary",), db=str(tmp_path / "s.sqlite3"))
    apps = [build_app(config, Store(config.db or "")) for _ in range(2)]

    async def send() -> list[int]:
        clients = [
            httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://mock")
            for app in apps
        ]
        responses = await asyncio.gather(
            *(c.post("/v3/targetGroups", json=count_body(), headers=BASIC) for c in clients * 4)
        )
        for client in clients:
            await client.aclose()
        return sorted(code for r in responses for code in [r.status_code])

    statuses = asyncio.run(send())
    assert statuses == [200] + [400] * 7


@MOCK_SETTINGS
@given(sample=valid_samples())
def test_valid_samples_are_created(mock: RunningMock, sample: Sample) -> None:
    """Every valid request is created: 200, a body the spec accepts, one period per period sent,
    one target per target sent, every ID fresh and linked."""
    mock.reset("capillary")
    response = post(mock.url, sample.body, sample.headers)
    assert response.status_code == 200, response.text
    assert contract_problems(response) == []
    data = response.json()["data"]
    assert data["name"] == sample.body["name"]
    assert len(data["periods"]) == len(sample.body.get("periods", []))
    assert [t["name"] for t in data["targets"]] == [
        t["name"] for t in sample.body.get("targets", [])
    ]
    assert_linked(data)


@MOCK_SETTINGS
@given(sample=invalid_samples())
def test_invalid_samples_get_their_answer(mock: RunningMock, sample: Sample) -> None:
    """A request breaking a rule the service refuses (its flag) or the schema gets 400 with the
    rule's code (lines 683-685); missing credentials 401; a rule the service accepts is created
    and flagged. Every answer is one the spec documents."""
    assert_answered_as_its_rule_says(mock, sample)


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=3, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_each_kind_of_invalid_request_gets_its_answer(
    mock: RunningMock, kind: str, data: st.DataObject
) -> None:
    """Each way to break the contract, sent to the mock, gets the answer its rule says (400 with
    the rule's code, 401, or 200 flagged for a WARNING rule)."""
    assert_answered_as_its_rule_says(mock, data.draw(KINDS[kind]))


def assert_answered_as_its_rule_says(mock: RunningMock, sample: Sample) -> None:
    mock.reset("capillary")
    response = post(mock.url, sample.body, sample.headers)
    assert contract_problems(response) == []
    assert sample.breaks is not None
    rule = RULES[sample.breaks] if sample.breaks in RULES else None  # noqa: SIM401 (no .get)
    if sample.breaks == "credentials_required":
        assert response.status_code == 401
    elif not RULES.refuses(sample.breaks):  # the rule's flag: accepted and flagged
        assert response.status_code == 200
        assert sample.breaks in response.headers["x-contract-rules"].split(",")
    else:
        code = error_code(rule.violation("", "")) if rule else 300004
        assert (response.status_code, error_codes(response)) == (400, [code])
