"""The POST /key-moments mock on 127.0.0.1: what it answers, what it stores, what it journals."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings

from contracts.apis.kameleoon_automation import API
from contracts.apis.kameleoon_automation.rules import BODY_LIMIT, RULES
from contracts.apis.kameleoon_automation.strategies import (
    boundary_samples,
    invalid_samples,
    sample_request,
    valid_samples,
)
from contracts.journal import REDACTED
from contracts.mock import MockConfig, RunningMock, build_app
from contracts.samples import Sample

from .conftest import SETTINGS
from .support import (
    BASE,
    HTTP,
    PAGE,
    SPEC,
    TOKEN,
    contract_problems,
    page_request,
    post,
    rules_header,
    stored,
)

MOCK_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def parse_date(text: str) -> datetime:
    assert text.endswith("Z"), f"{text} is not UTC written with Z"
    return datetime.fromisoformat(text)


# -- 201 ----------------------------------------------------------------------------------------


def test_the_page_example_is_created(mock: RunningMock) -> None:
    """The page's request example (kameleoon-automation-create-key-moment.txt:11-58) is answered 201
    with a body the spec accepts, carrying the read-only fields of the response example (lines
    60-121): id, createdBy, dates, audienceTrackingEditable, isConditionBlock, condition ids and
    htmlDescription."""
    sent = page_request()
    before = datetime.now(UTC).replace(microsecond=0)
    response = post(mock.url, sent)
    after = datetime.now(UTC)

    assert response.status_code == 201, response.text
    assert contract_problems(response) == []
    answer = response.json()
    for field in ("name", "siteId", "description", "isFavorite", "audienceTracking"):
        assert answer[field] == sent[field]
    assert isinstance(answer["id"], int) and answer["id"] >= 1
    assert isinstance(answer["createdBy"], int) and answer["createdBy"] >= 1
    assert before <= parse_date(answer["dateCreated"]) <= after
    assert answer["dateModified"] == answer["dateCreated"]
    assert answer["audienceTrackingEditable"] is True

    (item,) = answer["conditionDataList"]
    (sent_item,) = sent["conditionDataList"]
    assert {k: item[k] for k in ("id", "parentId", "logicalOperator")} == {
        k: sent_item[k] for k in ("id", "parentId", "logicalOperator")
    }
    assert item["isConditionBlock"] is False  # it carries a condition: a leaf
    condition = item["targetingCondition"]
    assert {k: v for k, v in condition.items() if k not in ("id", "htmlDescription")} == (
        sent_item["targetingCondition"]
    )
    (level,) = answer["conditionsData"]["firstLevel"]
    (other,) = level["conditions"]
    assert condition["id"] != other["id"]
    assert "<strong>" in condition["htmlDescription"]
    assert answer["conditionDataTree"]["isConditionBlock"] is True
    assert answer["conditionDataTree"]["conditionData"] == []
    assert level["orOperators"] == sent["conditionsData"]["firstLevel"][0]["orOperators"]
    # the page's filler parentId 123 on item 123 is accepted, and said
    assert rules_header(response) == {"condition_parent_not_self"}


def test_created_key_moments_are_stored(mock: RunningMock) -> None:
    """Each 201 body is kept under its id, for reads to come (kameleoon-automation-create-key-
    moment.txt:272: id is the key moment's unique id)."""
    first = post(mock.url, {**BASE, "name": "A"}).json()
    second = post(mock.url, {**BASE, "name": "B"}).json()
    assert stored(mock.url) == [
        {"key": str(first["id"]), "value": first},
        {"key": str(second["id"]), "value": second},
    ]


def test_duplicate_names_are_accepted(mock: RunningMock) -> None:
    """The page (kameleoon-automation-create-key-moment.txt:141-149) does not make names unique:
    the same name twice on one site gives two key moments with distinct, increasing ids."""
    first = post(mock.url, BASE)
    second = post(mock.url, BASE)
    assert (first.status_code, second.status_code) == (201, 201)
    assert second.json()["id"] > first.json()["id"]


def test_read_only_fields_sent_are_replaced(mock: RunningMock) -> None:
    """id, createdBy and dateCreated are read-only (kameleoon-automation-create-key-moment.txt:247,
    253, 274): values sent are ignored (warned about) and the service's own are answered."""
    body = {**BASE, "id": 99999, "createdBy": 5, "dateCreated": "2001-01-01T00:00:00Z"}
    reference = post(mock.url, BASE).json()
    response = post(mock.url, body)
    assert response.status_code == 201
    answer = response.json()
    assert answer["id"] == reference["id"] + 1
    assert answer["createdBy"] == reference["createdBy"]
    assert parse_date(answer["dateCreated"]) >= parse_date(reference["dateCreated"])
    assert rules_header(response) == {"read_only_field"}


def test_predictive_conditions_track_the_audience(mock: RunningMock) -> None:
    """audienceTracking cannot be disabled with predictive conditions (kameleoon-automation-create-
    key-moment.txt:228): a conversion-probability condition answers tracking on, not editable."""
    predictive = {"targetingType": "CONVERSION_PROBABILITY"}
    body = {
        **BASE,
        "audienceTracking": False,
        "conditionsData": {"firstLevel": [{"conditions": [predictive]}]},
    }
    answer = post(mock.url, body).json()
    assert (answer["audienceTracking"], answer["audienceTrackingEditable"]) == (True, False)
    plain = post(mock.url, {**BASE, "audienceTracking": False}).json()
    assert (plain["audienceTracking"], plain["audienceTrackingEditable"]) == (False, True)


def test_created_by_does_not_depend_on_the_token(mock: RunningMock) -> None:
    """createdBy (kameleoon-automation-create-key-moment.txt:245) is the account's id: the same for
    any token, and no answer carries the token."""
    first = post(mock.url, BASE, token="first-token")
    second = post(mock.url, BASE, token="second-token")
    assert first.json()["createdBy"] == second.json()["createdBy"]
    assert "first-token" not in first.text and "second-token" not in second.text


def test_the_account_id_comes_from_the_settings(configured_mock: RunningMock) -> None:
    """createdBy (kameleoon-automation-create-key-moment.txt:245) is the configured account."""
    answer = post(configured_mock.url, BASE, token="allowed-token").json()
    assert answer["createdBy"] == SETTINGS["account_id"]


# -- errors -------------------------------------------------------------------------------------


def test_an_invalid_body_is_answered_400_naming_field_value_rule_and_line(
    mock: RunningMock,
) -> None:
    """Broken rules (name required, kameleoon-automation-create-key-moment.txt:143; siteId an id,
    line 151) are answered 400 with the spec's Error body, naming each."""
    response = post(mock.url, {"name": "", "siteId": 0, "isFavourite": True})
    assert response.status_code == 400
    assert contract_problems(response) == []
    message = response.json()["message"]
    assert f"siteId: 0 is below the minimum 1 [minimum; {PAGE}:151]" in message
    assert "name: '' is empty" in message and f"[name_not_empty; {PAGE}:143]" in message
    assert "isFavourite" in message  # the warning is told too
    assert rules_header(response) == {"minimum", "name_not_empty", "unknown_field"}
    assert stored(mock.url) == []


def test_malformed_json_is_answered_400(mock: RunningMock) -> None:
    """The body is JSON (kameleoon-automation-create-key-moment.txt:140)."""
    response = post(mock.url, b'{"name": "x", "siteId": ')
    assert response.status_code == 400
    assert contract_problems(response) == []
    assert "is not valid JSON" in response.json()["message"]


def test_a_body_over_the_limit_is_refused_unread(mock: RunningMock) -> None:
    """Our 1 MiB limit (rules.BODY_SIZE; the page states none, kameleoon-automation-create-key-
    moment.txt:138): refused with 400 and journaled without its body."""
    response = post(mock.url, b"{" + b" " * BODY_LIMIT + b"}")
    assert response.status_code == 400
    assert rules_header(response) == {"body_size"}
    (entry,) = mock.journal(API.name)
    assert entry.request_body is None and entry.request_size == BODY_LIMIT + 2


@pytest.mark.parametrize("authorization", [None, "Basic dXNlcjpwYXNz", "Bearer", TOKEN])
def test_a_missing_or_malformed_token_is_answered_401(
    mock: RunningMock, authorization: str | None
) -> None:
    """'Authorization: Bearer <token>' is required (kameleoon-automation-create-key-moment.txt:131-
    136); without it the answer is 401 with the spec's Error body, whatever the body."""
    headers = {"Authorization": authorization} if authorization is not None else {}
    response = post(mock.url, {"name": ""}, token=None, headers=headers)
    assert response.status_code == 401
    assert contract_problems(response) == []
    assert rules_header(response) == {"bearer_token"}
    assert "dXNlcjpwYXNz" not in response.text and TOKEN not in response.text


def test_a_token_outside_the_configured_ones_is_answered_401(configured_mock: RunningMock) -> None:
    """With `tokens` set, only those bearer tokens (kameleoon-automation-create-key-moment.txt:136)
    are valid."""
    assert post(configured_mock.url, BASE, token="allowed-token").status_code == 201
    response = post(configured_mock.url, BASE, token="another-token")
    assert response.status_code == 401
    assert contract_problems(response) == []
    assert "another-token" not in response.text


def test_a_forbidden_site_is_answered_403(configured_mock: RunningMock) -> None:
    """siteId (kameleoon-automation-create-key-moment.txt:151) on a site the account may not use:
    403 with the spec's Error body, nothing stored."""
    response = post(configured_mock.url, {**BASE, "siteId": 666}, token="allowed-token")
    assert response.status_code == 403
    assert contract_problems(response) == []
    assert "666" in response.json()["message"]
    assert stored(configured_mock.url) == []


def test_every_documented_status_is_produced(configured_mock: RunningMock) -> None:
    """Each status the spec documents for POST /key-moments is answered to some request, with a
    body the spec accepts."""
    url = configured_mock.url
    produced = [
        post(url, BASE, token="allowed-token"),
        post(url, {**BASE, "siteId": "8372"}, token="allowed-token"),
        post(url, BASE, token=None),
        post(url, {**BASE, "siteId": 666}, token="allowed-token"),
    ]
    documented = set(SPEC.operation("create_key_moment").definition["responses"])
    assert {str(r.status_code) for r in produced} == documented
    for response in produced:
        assert contract_problems(response) == []


def test_warnings_are_accepted_unless_strict(mock: RunningMock, strict_mock: RunningMock) -> None:
    """A misspelt field (not on the page's Body list, kameleoon-automation-create-key-moment.txt:
    138-193) is accepted and said; a strict mock refuses it."""
    body = {**BASE, "isFavourite": True}
    lenient = post(mock.url, body)
    assert lenient.status_code == 201
    assert "isFavourite" not in lenient.json()
    assert rules_header(lenient) == {"unknown_field"}
    strict = post(strict_mock.url, body)
    assert strict.status_code == 400
    assert "[unknown_field;" in strict.json()["message"]


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        # targetingType: the page shows PAGE_URL only (line 21); current SDKs use more kinds
        (
            {**BASE, "conditionDataList": [{"targetingCondition": {"targetingType": "NEW_KIND"}}]},
            "targeting_type_known",
        ),
        # logicalOperator: the page shows AND only (line 18)
        ({**BASE, "conditionDataTree": {"logicalOperator": "XOR"}}, "logical_operator_known"),
        # name: required (line 143) says it is sent, not that it is non-empty
        ({**BASE, "name": ""}, "name_not_empty"),
        # ids: the page shows id 123 only (line 17) and states no tree rule
        (
            {
                **BASE,
                "conditionDataList": [
                    {"id": 1, "logicalOperator": "AND"},
                    {"id": 2, "parentId": 1, "targetingCondition": {"targetingType": "PAGE_URL"}},
                    {"id": 2, "parentId": 1, "targetingCondition": {"targetingType": "VISITS"}},
                ],
            },
            "condition_ids_unique",
        ),
    ],
)
def test_what_the_page_does_not_state_is_accepted_and_warned(
    mock: RunningMock, strict_mock: RunningMock, body: dict[str, Any], rule: str
) -> None:
    """House rule: a refusal needs a page line (kameleoon-automation-create-key-moment.txt:17-21,
    143 show example values only). The faithful mock creates the key moment (201) and names the
    warning; the strict mock refuses it."""
    lenient = post(mock.url, body)
    assert lenient.status_code == 201, lenient.text
    assert contract_problems(lenient) == []
    assert rules_header(lenient) == {rule}
    strict = post(strict_mock.url, body)
    assert strict.status_code == 400
    assert f"[{rule};" in strict.json()["message"]


@pytest.mark.parametrize(
    "kind", ["SEGMENT", "SDK_LANGUAGE", "VISITOR_CODE", "TARGET_FEATURE_FLAG",
             "EXCLUSIVE_FEATURE_FLAG"],
)  # fmt: skip
def test_targeting_types_of_current_sdks_are_created(mock: RunningMock, kind: str) -> None:
    """targetingType (kameleoon-automation-create-key-moment.txt:21): the kinds current SDKs use
    are created without a finding (the old closed list answered 400)."""
    body = {**BASE, "conditionDataList": [{"targetingCondition": {"targetingType": kind}}]}
    response = post(mock.url, body)
    assert response.status_code == 201, response.text
    assert contract_problems(response) == []
    assert rules_header(response) == set()
    (item,) = response.json()["conditionDataList"]
    assert item["targetingCondition"]["targetingType"] == kind


def test_bad_settings_are_refused_at_start(tmp_path: Any) -> None:
    """A mock misconfigured is told at start, not at the first request."""
    for bad in ({"account_id": 0}, {"tokens": "t"}, {"forbidden_sites": ["x"]}, {"nope": 1}):
        config = MockConfig(
            apis=(API.name,), db=str(tmp_path / "m.sqlite3"), settings={API.name: bad}
        )
        with pytest.raises(ValueError, match="kameleoon-automation"):
            build_app(config)


# -- journal and reset --------------------------------------------------------------------------


def test_the_journal_records_each_exchange_with_the_token_redacted(mock: RunningMock) -> None:
    """Every exchange is journaled: request (token redacted), status, answer, violations."""
    created = post(mock.url, BASE)
    refused = post(mock.url, {**BASE, "siteId": -1})
    journal = HTTP.get(f"{mock.url}/_contracts/journal", params={"api": API.name}).json()
    assert TOKEN not in json.dumps(journal)
    first, second = journal
    assert first["request"]["headers"]["authorization"] == REDACTED
    assert json.loads(first["request"]["body"]) == BASE
    assert (first["response"]["status"], json.loads(first["response"]["body"])) == (
        201,
        created.json(),
    )
    assert first["violations"] == []
    assert second["response"]["status"] == 400
    ((violation),) = second["violations"]
    assert (violation["rule"], violation["field"], violation["doc"]) == (
        "minimum",
        "siteId",
        f"{PAGE}:151",
    )
    assert refused.json()["message"] in second["response"]["body"]


def test_reset_forgets_key_moments_journal_and_ids(mock: RunningMock) -> None:
    """After a reset the mock is as new: no key moments, no journal, ids from the start again."""
    first = post(mock.url, BASE).json()["id"]
    post(mock.url, BASE)
    assert HTTP.post(f"{mock.url}/_contracts/reset", params={"api": API.name}).status_code == 204
    assert stored(mock.url) == []
    assert mock.journal(API.name) == []
    assert post(mock.url, BASE).json()["id"] == first


# -- properties over the strategies ---------------------------------------------------------------


def refused(breaks: str) -> bool:
    """Whether the (lenient) mock refuses a body breaking `breaks`: what the rule's flag says
    (schema keywords are refused)."""
    return RULES.refuses(breaks)


def send(mock: RunningMock, sample: Sample) -> httpx.Response:
    request = sample_request(sample)
    return HTTP.post(mock.url + request.path, content=request.body, headers=dict(request.headers))


@MOCK_SETTINGS
@given(sample=valid_samples())
def test_valid_samples_are_created_as_sent(mock: RunningMock, sample: Sample) -> None:
    """Property: a valid key moment is answered 201, the answer fits the spec, and it echoes what
    was sent (name, site, description, conditions) with no finding."""
    response = send(mock, sample)
    assert response.status_code == 201, response.text
    assert contract_problems(response) == []
    assert rules_header(response) == set()
    answer, sent = response.json(), sample.body
    for field in ("name", "siteId", "description"):
        assert answer.get(field) == sent.get(field)
    assert len(answer.get("conditionDataList", [])) == len(sent.get("conditionDataList", []))
    for item, sent_item in zip(
        answer.get("conditionDataList", []), sent.get("conditionDataList", []), strict=True
    ):
        assert item["isConditionBlock"] is ("targetingCondition" not in sent_item)
        assert item.get("parentId") == sent_item.get("parentId")


@MOCK_SETTINGS
@given(sample=boundary_samples())
def test_boundary_samples_are_created_or_refused_by_their_rule(
    mock: RunningMock, sample: Sample
) -> None:
    """Property: at a limit the mock creates (201) with no finding; one past it is named in
    x-contract-rules and refused (400) unless the limit is a WARNING rule."""
    response = send(mock, sample)
    assert contract_problems(response) == []
    if sample.valid:
        assert response.status_code == 201
        assert rules_header(response) == set()
    else:
        assert response.status_code == (400 if refused(sample.breaks) else 201)
        assert rules_header(response) == {sample.breaks}


@MOCK_SETTINGS
@given(sample=invalid_samples())
def test_invalid_samples_are_refused_or_warned_by_their_rule(
    mock: RunningMock, sample: Sample
) -> None:
    """Property: a body breaking an ERROR rule is refused (401 for the token, else 400); one
    breaking a WARNING rule is created with the rule in x-contract-rules; either way the answer
    fits the spec and names the rule."""
    response = send(mock, sample)
    assert contract_problems(response) == []
    assert rules_header(response) == {sample.breaks}
    assert sample.breaks is not None
    if sample.breaks == "bearer_token":
        assert response.status_code == 401
    else:
        assert response.status_code == (400 if refused(sample.breaks) else 201)
