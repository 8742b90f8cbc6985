"""Deprecation and sunset dates (`deprecated`, `x-sunset`, `x-deprecation-date`) on operations,
parameters and schema properties, and whether a removal came after a long enough deprecation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from .context import Options, Where
from .rules import Change


def date(value: Any) -> dt.date | None:
    """A date written as `2027-01-01` (or a date-time, or a YAML date); None when unreadable."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def changes(here: Where, old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    was, now = bool(old.get("deprecated")), bool(new.get("deprecated"))
    if now and not was:
        yield here.change("deprecated", False, True)
    elif was and not now:
        yield here.change("undeprecated", True, False)
    before, after = date(old.get("x-sunset")), date(new.get("x-sunset"))
    if after and not before:
        yield here.change("sunset-set", None, after.isoformat(), "x-sunset")
    elif before and after and after < before:
        yield here.change("sunset-earlier", before.isoformat(), after.isoformat(), "x-sunset")
    elif before and (after is None or after > before):
        yield here.change(
            "sunset-later", before.isoformat() if before else None,
            after.isoformat() if after else None, "x-sunset",
        )  # fmt: skip
    days = here.options.deprecation_days
    soon = after is not None and days is not None and (after - here.options.today).days < days
    if now and after != before and soon:
        assert after is not None
        yield here.change("sunset-too-soon", None, after.isoformat(), "x-sunset")


def deprecated_long_enough(node: Mapping[str, Any], options: Options) -> bool:
    """With --deprecation-days N: deprecated, and its x-sunset has passed, or (without one) its
    x-deprecation-date is N days old; with N = 0 being deprecated at all is enough."""
    days = options.deprecation_days
    if days is None or not node.get("deprecated"):
        return False
    sunset, since = date(node.get("x-sunset")), date(node.get("x-deprecation-date"))
    if sunset is not None:
        return sunset <= options.today
    if since is not None:
        return (options.today - since).days >= days
    return days == 0


def removal(kind: str, node: Mapping[str, Any], options: Options) -> str:
    """The kind of a removal: `deprecated-removed` (WARN) for something deprecated long enough."""
    return "deprecated-removed" if deprecated_long_enough(node, options) else kind
