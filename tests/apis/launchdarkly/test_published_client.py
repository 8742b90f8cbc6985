"""LaunchDarkly's own published Python client (launchdarkly-api, `launchdarkly_api`) driven
against the mock: what it sends, the mock accepts; what the mock answers, it deserializes."""

from __future__ import annotations

from collections.abc import Iterator

import launchdarkly_api
import pytest
from launchdarkly_api.api.segments_api import SegmentsApi
from launchdarkly_api.models.segment_body import SegmentBody
from launchdarkly_api.models.user_segment import UserSegment

from contracts.journal import REDACTED
from contracts.mock import RunningMock

from .support import TOKEN


def segments_api(mock: RunningMock, token: str | None = TOKEN) -> Iterator[SegmentsApi]:
    api_key = {"ApiKey": token} if token is not None else {}
    configuration = launchdarkly_api.Configuration(host=mock.url, api_key=api_key)
    with launchdarkly_api.ApiClient(configuration) as client:
        yield SegmentsApi(client)


@pytest.fixture
def segments(mock: RunningMock) -> Iterator[SegmentsApi]:
    yield from segments_api(mock)


def test_the_client_creates_a_segment(segments: SegmentsApi, mock: RunningMock) -> None:
    """post_segment returns the created UserSegment (launchdarkly-create-segment.txt:39), with
    what was sent, and the client sent the token raw in Authorization (:7), journaled redacted."""
    body = SegmentBody(name="Beta testers", key="beta-testers", description="Beta", tags=["qa"])
    segment = segments.post_segment("default", "production", segment_body=body)
    assert isinstance(segment, UserSegment)
    assert (segment.name, segment.key, segment.description) == (
        "Beta testers",
        "beta-testers",
        "Beta",
    )
    assert segment.tags == ["qa"] and segment.rules == [] and segment.version == 1
    assert segment.included == [] and segment.unbounded is False
    assert segment.links["self"].href == "/api/v2/segments/default/production/beta-testers"
    (entry,) = mock.journal("launchdarkly")
    assert entry.status == 201 and entry.request_headers["authorization"] == REDACTED


def test_the_client_creates_a_big_segment(segments: SegmentsApi) -> None:
    """A big segment (unbounded, launchdarkly-create-segment.txt:30) keeps its context kind (:34)
    and comes back without target lists (:66, :70)."""
    # The client's field name; mypy without pydantic's plugin knows only the alias.
    body = SegmentBody(
        name="Imported",
        key="imported",
        unbounded=True,
        unbounded_context_kind="user",  # type: ignore[call-arg]
    )
    segment = segments.post_segment("default", "production", segment_body=body)
    assert segment.unbounded is True and segment.unbounded_context_kind == "user"
    assert segment.included is None and segment.excluded is None
    assert segment.unbounded_metadata is not None and segment.unbounded_metadata.included_count == 0


def test_a_duplicate_raises_409(segments: SegmentsApi) -> None:
    """A second segment with the same key is refused with 409 conflict (the spec's x-choice)."""
    body = SegmentBody(name="Beta", key="beta")
    segments.post_segment("default", "production", segment_body=body)
    with pytest.raises(launchdarkly_api.ApiException) as raised:
        segments.post_segment("default", "production", segment_body=body)
    assert raised.value.status == 409
    assert '"code":"conflict"' in (raised.value.body or "")


def test_no_token_raises_401(mock: RunningMock) -> None:
    """Without an API key the client sends no Authorization (launchdarkly-create-segment.txt:7):
    401 (:96)."""
    for segments in segments_api(mock, token=None):
        with pytest.raises(launchdarkly_api.ApiException) as raised:
            segments.post_segment(
                "default", "production", segment_body=SegmentBody(name="B", key="b")
            )
        assert raised.value.status == 401
        assert isinstance(raised.value, launchdarkly_api.exceptions.UnauthorizedException)


def test_an_unknown_environment_raises_404(segments: SegmentsApi) -> None:
    """An environment the project does not have: 404 (launchdarkly-create-segment.txt:14, :100)."""
    with pytest.raises(launchdarkly_api.exceptions.NotFoundException) as raised:
        segments.post_segment("default", "staging", segment_body=SegmentBody(name="B", key="b"))
    assert raised.value.status == 404


def test_a_key_outside_the_provider_format_is_created_with_a_warning(
    segments: SegmentsApi, mock: RunningMock
) -> None:
    """The client does not check key formats and the page states none (launchdarkly-create-segment
    .txt:24 says only 'keystring Required'): the faithful mock creates 'beta testers' (201) and
    journals the key_format warning, where it used to answer 400."""
    body = SegmentBody(name="Beta", key="beta testers")
    segment = segments.post_segment("default", "production", segment_body=body)
    assert segment.key == "beta testers"
    (entry,) = mock.journal("launchdarkly")
    assert entry.status == 201
    assert [v["rule"] for v in entry.violations] == ["key_format"]
