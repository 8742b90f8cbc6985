"""Our generated client (generated/kameleoon_automation) driven against the mock on 127.0.0.1:
what a service built on it sees when it creates key moments."""

from __future__ import annotations

from datetime import UTC, datetime

from contracts.generated.kameleoon_automation.client import AuthenticatedClient, Client
from contracts.generated.kameleoon_automation.client.api.default import create_key_moment
from contracts.generated.kameleoon_automation.client.models import Error, KeyMoment, KeyMomentCreate
from contracts.generated.kameleoon_automation.client.types import UNSET
from contracts.mock import RunningMock

from .support import PAGE, TOKEN, page_request


def test_the_client_creates_the_page_example(mock: RunningMock) -> None:
    """The page's request example (kameleoon-automation-create-key-moment.txt:11-58) sent through
    the client comes back parsed as a KeyMoment with its id and dates (lines 245-276)."""
    client = AuthenticatedClient(base_url=mock.url, token=TOKEN)
    sent = page_request()
    before = datetime.now(UTC).replace(microsecond=0)

    response = create_key_moment.sync_detailed(client=client, body=KeyMomentCreate.from_dict(sent))

    assert response.status_code == 201
    created = response.parsed
    assert isinstance(created, KeyMoment)
    assert (created.name, created.site_id, created.description) == (
        sent["name"],
        sent["siteId"],
        sent["description"],
    )
    assert isinstance(created.id, int) and created.id >= 1
    assert isinstance(created.created_by, int)
    assert isinstance(created.date_created, datetime)
    assert created.date_created.tzinfo is not None
    assert before <= created.date_created <= datetime.now(UTC)
    assert created.date_modified == created.date_created
    assert created.audience_tracking_editable is True
    assert created.condition_data_list is not UNSET
    (item,) = created.condition_data_list
    assert item.targeting_condition is not UNSET
    assert isinstance(item.targeting_condition.id, int)


def test_the_client_gets_an_error_for_an_invalid_body(mock: RunningMock) -> None:
    """A siteId out of its range (kameleoon-automation-create-key-moment.txt:151) comes back as a
    400 parsed into the spec's Error, its message naming the rule and line."""
    client = AuthenticatedClient(base_url=mock.url, token=TOKEN)

    response = create_key_moment.sync_detailed(
        client=client, body=KeyMomentCreate(name="Site zero", site_id=0)
    )

    assert response.status_code == 400
    assert isinstance(response.parsed, Error)
    assert f"[minimum; {PAGE}:151]" in response.parsed.message


def test_the_client_without_a_token_gets_401(mock: RunningMock) -> None:
    """Without 'Authorization: Bearer <token>' (kameleoon-automation-create-key-moment.txt:131-136)
    the answer is a 401 parsed into the spec's Error, and nothing is created."""
    client = Client(base_url=mock.url)  # the unauthenticated client: no Authorization header
    body = KeyMomentCreate(name="No token", site_id=8372)

    response = create_key_moment.sync_detailed(client=client, body=body)  # type: ignore[arg-type]

    assert response.status_code == 401
    assert isinstance(response.parsed, Error)
    assert "Bearer <token>" in response.parsed.message
    assert mock.store.count("kameleoon-automation", "key-moments") == 0
