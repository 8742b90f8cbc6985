"""The generated clients and models, used for real: each operation is called through its generated
client against a server on 127.0.0.1 that answers with the page's own response example, and each
page's response example is parsed by the generated pydantic model in strict mode."""

from __future__ import annotations

import base64
import importlib
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

from contracts import load_spec
from contracts.specs import Example
from tests.canned_server import CannedServer, canned_server


@pytest.fixture
def server() -> Iterator[CannedServer]:
    with canned_server() as state:
        yield state


def normalised(value: Any) -> Any:
    """JSON with date-time strings as datetimes: the clients write `+00:00` where a page wrote `Z`
    and six fraction digits where it wrote three; both are the same RFC 3339 instant."""
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalised(v) for v in value]
    if isinstance(value, str) and "T" in value:
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return value
    return value


def examples(spec_name: str, where: str) -> list[Example]:
    found = [
        e
        for e in load_spec(spec_name).examples()
        if e.where == where and e.media_type == "application/json"
    ]
    assert found, f"{spec_name} has no {where} JSON example"
    return found


@pytest.mark.parametrize("spec_name", ["kameleoon-data", "kameleoon-data-legacy"])
def test_visit_events_client_sends_the_page_example_as_a_json_array(
    server: CannedServer, spec_name: str
) -> None:
    """The page's JSON-array example goes out through the generated client with json=true, the
    form that client sends (kameleoon-data-visit-events-openapi.txt:99, -reference.txt:38)."""
    package = f"contracts.generated.{spec_name.replace('-', '_')}.client"
    client_module = importlib.import_module(package)
    models = importlib.import_module(f"{package}.models")
    tag = "visit" if spec_name == "kameleoon-data" else "default"  # the page tags it "Visit"
    operation = importlib.import_module(f"{package}.api.{tag}.post_visit_events")

    spec = load_spec(spec_name)
    mapping = spec.schema("VisitEvent")["discriminator"]["mapping"]
    (page_example,) = examples(spec_name, "request")
    events: list[dict[str, Any]] = page_example.value
    body = [
        getattr(models, mapping[event["eventType"]].rsplit("/", 1)[1]).from_dict(event)
        for event in events
    ]
    server.answer = (202, None)

    response = operation.sync_detailed(
        client=client_module.Client(base_url=server.url), body=body, site_code="a1b2c3d4e5"
    )

    assert response.status_code == 202
    (sent,) = server.requests
    assert sent.path == "/visit/events"
    assert sent.query["siteCode"] == ["a1b2c3d4e5"]
    assert sent.query["json"] == ["true"]
    assert sent.json() == events


def test_key_moment_client_round_trip(server: CannedServer) -> None:
    """POST /key-moments with a bearer token; the 201 body is the page's response example
    (kameleoon-automation-create-key-moment.txt:60-121), read-only fields included."""
    from contracts.generated.kameleoon_automation.client import AuthenticatedClient
    from contracts.generated.kameleoon_automation.client.api.default import create_key_moment
    from contracts.generated.kameleoon_automation.client.models import KeyMoment, KeyMomentCreate

    (request_example,) = examples("kameleoon-automation", "request")
    (response_example,) = examples("kameleoon-automation", "response 201")
    server.answer = (201, response_example.value)
    client = AuthenticatedClient(base_url=server.url, token="t0ken")

    response = create_key_moment.sync_detailed(
        client=client, body=KeyMomentCreate.from_dict(request_example.value)
    )

    assert response.status_code == 201
    assert isinstance(response.parsed, KeyMoment)
    assert response.parsed.id == response_example.value["id"]
    assert response.parsed.date_created.year == 2023
    (sent,) = server.requests
    assert sent.path == "/key-moments"
    assert sent.headers["authorization"] == "Bearer t0ken"
    assert normalised(sent.json()) == normalised(request_example.value)


def test_launchdarkly_client_round_trip(server: CannedServer) -> None:
    """POST /api/v2/segments/{projectKey}/{environmentKey} with the raw API key in Authorization
    (launchdarkly-create-segment.txt:7-8); 201 with the segment."""
    from contracts.generated.launchdarkly.client import AuthenticatedClient
    from contracts.generated.launchdarkly.client.api.default import create_segment
    from contracts.generated.launchdarkly.client.models import SegmentBody, UserSegment

    (request_example,) = examples("launchdarkly", "request")
    (response_example,) = examples("launchdarkly", "response 201")
    server.answer = (201, response_example.value)
    client = AuthenticatedClient(base_url=server.url, token="api-123", prefix="")

    response = create_segment.sync_detailed(
        "default", "production", client=client, body=SegmentBody.from_dict(request_example.value)
    )

    assert response.status_code == 201
    assert isinstance(response.parsed, UserSegment)
    assert response.parsed.key == response_example.value["key"]
    (sent,) = server.requests
    assert sent.path == "/api/v2/segments/default/production"
    assert sent.headers["authorization"] == "api-123"
    assert normalised(sent.json()) == normalised(request_example.value)


def test_launchdarkly_client_parses_error_bodies(server: CannedServer) -> None:
    """Error responses carry {code, message} (the spec's Error schema)."""
    from contracts.generated.launchdarkly.client import AuthenticatedClient
    from contracts.generated.launchdarkly.client.api.default import create_segment
    from contracts.generated.launchdarkly.client.models import Error, SegmentBody

    server.answer = (404, {"code": "not_found", "message": "Unknown project"})
    client = AuthenticatedClient(base_url=server.url, token="api-123", prefix="")
    response = create_segment.sync_detailed(
        "nope", "production", client=client, body=SegmentBody(name="n", key="k")
    )
    assert isinstance(response.parsed, Error)
    assert response.parsed.code == "not_found"


@pytest.mark.parametrize("index", [0, 1])
def test_capillary_client_round_trip(server: CannedServer, index: int) -> None:
    """POST /v3/targetGroups with Basic credentials (capillary page:73, 197); the success body is
    the page's {data, errors, warnings} example (lines 379-678)."""
    from contracts.generated.capillary.client import AuthenticatedClient
    from contracts.generated.capillary.client.api.default import create_target_group
    from contracts.generated.capillary.client.models import TargetGroupCreate, TargetGroupResponse

    request_example = examples("capillary", "request")[index]
    response_example = examples("capillary", "response 200")[index]
    server.answer = (200, response_example.value)
    basic = base64.b64encode(b"till:secret").decode()
    client = AuthenticatedClient(base_url=server.url, token=basic, prefix="Basic")

    response = create_target_group.sync_detailed(
        client=client, body=TargetGroupCreate.from_dict(request_example.value)
    )

    assert response.status_code == 200
    assert isinstance(response.parsed, TargetGroupResponse)
    assert response.parsed.to_dict()["data"]["id"] == response_example.value["data"]["id"]
    (sent,) = server.requests
    assert sent.path == "/v3/targetGroups"
    assert sent.headers["authorization"] == f"Basic {basic}"
    assert normalised(sent.json()) == normalised(request_example.value)


RESPONSE_MODELS = {
    "kameleoon-automation": "KeyMoment",
    "launchdarkly": "UserSegment",
    "capillary": "TargetGroupResponse",
}


@pytest.mark.parametrize(
    ("spec_name", "example"),
    [
        (name, e)
        for name in RESPONSE_MODELS
        for e in load_spec(name).examples()
        if e.where.startswith("response 2")
    ],
    ids=lambda value: getattr(value, "label", value),
)
def test_response_examples_parse_with_generated_models_strictly(
    spec_name: str, example: Example
) -> None:
    """Each page's success example is read by the generated pydantic model in strict mode (so
    "5" for an int or a null where none is allowed would fail)."""
    models = importlib.import_module(f"contracts.generated.{spec_name.replace('-', '_')}.models")
    model = getattr(models, RESPONSE_MODELS[spec_name])
    parsed = model.model_validate_json(json.dumps(example.value), strict=True)
    dumped = parsed.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert normalised(dumped) == normalised(example.value)


def test_generated_models_reject_what_the_spec_forbids() -> None:
    """The models enforce limits written in the spec: visitorCode at most 100 characters
    (kameleoon-data-visit-events-openapi.txt:107) and int32 ranges (line 117)."""
    from pydantic import ValidationError

    from contracts.generated.kameleoon_data.models import PageEvent, StaticDataEvent

    ok = {"nonce": "d2ce4d22083348fb", "eventType": "PAGE", "href": "https://x", "visitorCode": "v"}
    PageEvent.model_validate_json(json.dumps(ok), strict=True)
    with pytest.raises(ValidationError, match="visitorCode"):
        PageEvent.model_validate_json(json.dumps(ok | {"visitorCode": "v" * 101}), strict=True)
    with pytest.raises(ValidationError, match="visitNumber"):
        StaticDataEvent.model_validate_json(
            json.dumps(
                {"nonce": "d2ce4d22083348fb", "eventType": "STATICDATA", "visitNumber": 2**31}
            ),
            strict=True,
        )
