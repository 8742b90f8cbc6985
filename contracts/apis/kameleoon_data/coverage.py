"""Coverage of `/visit/events` bodies by event type, for `contracts verify` and the reports: the
documented event types of an edition with their fields, and the event types and fields a request
body carries (in either form: lines, or the JSON array behind `json=true`)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ...vendor import CoverageRoom, HttpRequest
from .codec import split_line
from .events import edition


def documented(edition_name: str | None) -> Mapping[str, Sequence[str]]:
    return {name: list(spec.fields) for name, spec in edition(edition_name).events.items()}


def items(request: HttpRequest, edition_name: str | None) -> list[tuple[str, set[str]]]:
    """(event type in upper case, field names) for each event of the body; nothing when the body
    cannot be read (its findings say why)."""
    try:
        text = request.body.decode("utf-8")
    except UnicodeDecodeError:
        return []
    if request.param("json") == "true":
        try:
            decoded = json.loads(text)
        except (ValueError, RecursionError):
            return []
        events = [e for e in decoded if isinstance(e, dict)] if isinstance(decoded, list) else []
    else:
        lines = (line.removesuffix("\r") for line in text.split("\n"))
        events = [split_line(line)[0] for line in lines if line]
    found = []
    for event in events:
        event_type = str(event.get("eventType", "")).upper()
        if event_type:
            found.append((event_type, {str(name) for name in event}))
    return found


ROOM = CoverageRoom(label="event types", documented=documented, items=items)
