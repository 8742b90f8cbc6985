"""Reading the request's date-times and writing the response's, in the forms the page shows.

Requests send RFC 3339 date-times (`fromDate`, `targetCycleStartDateISO`, ...) and period bounds
whose zone may be missing or written without a colon (the spec's pattern, page line 688). The
response writes plain dates for the group and its periods (lines 383, 410), UTC date-times with
milliseconds for the cycle (line 454), UTC date-times to the second for the `...ISO` fields (line
456) and `+0000` stamps in attributions (line 391).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

# The spec's pattern for period bounds (TargetGroupPeriodCreate.startDate), with groups; the
# RFC 3339 fields are a subset of it, so one parser serves both.
DATE_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$"
)


def has_date_time_shape(value: object) -> bool:
    """Whether a value looks like a date-time the spec admits (whether or not it is a real one)."""
    return isinstance(value, str) and DATE_TIME.match(value) is not None


def parse_date_time(value: object) -> datetime | None:
    """The instant a request date-time names (zone-less ones read as UTC, as Capillary's service
    does), or None when it is not a string of that shape or names no real instant (2025-02-30,
    25:00, an offset of 24 hours or more)."""
    if not isinstance(value, str):
        return None
    match = DATE_TIME.match(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    offset = offset_minutes(zone)
    if offset is None and zone:
        return None
    try:
        tz = timezone(timedelta(minutes=offset)) if offset is not None else UTC
        return datetime(
            int(year), int(month), int(day), int(hour), int(minute), int(second),
            int((fraction or "0")[:6].ljust(6, "0")), tzinfo=tz,
        )  # fmt: skip
    except ValueError:
        return None


def offset_minutes(zone: str | None) -> int | None:
    """`+05:30` -> 330, `Z` -> 0, `-0800` -> -480; None when there is no zone or it is not a real
    clock offset (hours 24 or more, minutes 60 or more)."""
    if not zone:
        return None
    if zone == "Z":
        return 0
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        return None
    sign = -1 if zone[0] == "-" else 1
    return sign * (hours * 60 + minutes)


def zone_of(value: object) -> str | None:
    """The zone part of a date-time string (`+05:30`, `Z`), or None."""
    if not isinstance(value, str):
        return None
    match = DATE_TIME.match(value)
    return match.group(8) if match else None


def _ymd_hms(moment: datetime) -> str:
    # Not strftime: its %Y does not zero-pad years before 1000 on every platform.
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    )


def utc_date(moment: datetime) -> str:
    """`2025-07-17`: how the response writes fromDate, toDate and period bounds (line 383)."""
    return _ymd_hms(moment.astimezone(UTC))[:10]


def utc_millis(moment: datetime) -> str:
    """`2026-02-01T05:00:00.000Z`: targetCycleStartDate/EndDate in the response (line 454)."""
    moment = moment.astimezone(UTC)
    return _ymd_hms(moment) + f".{moment.microsecond // 1000:03d}Z"


def utc_seconds(moment: datetime) -> str:
    """`2026-02-01T05:00:00Z`: the `...ISO` fields of the response (lines 392, 456)."""
    return _ymd_hms(moment.astimezone(UTC)) + "Z"


def attribution_stamp(moment: datetime) -> str:
    """`2026-01-13T05:13:17.578+0000`: createdOn/lastUpdatedOn (lines 391, 414)."""
    moment = moment.astimezone(UTC)
    return _ymd_hms(moment) + f".{moment.microsecond // 1000:03d}+0000"
