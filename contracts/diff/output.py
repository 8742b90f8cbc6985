"""The outputs of `contracts diff`: text (a terminal), markdown (a table for a pull request), JSON
(for tools) and changelog (release notes, grouped by what they mean for clients)."""

from __future__ import annotations

import json
from typing import Any, Final

from rich.text import Text

from .rules import Change, Level

_STYLES: Final = {Level.ERR: "bold red", Level.WARN: "yellow", Level.INFO: "green"}


def counts(changes: list[Change]) -> str:
    tally = {level: sum(c.level is level for c in changes) for level in Level}
    return ", ".join(f"{n} {level}" for level, n in tally.items())


def show(value: Any) -> str:
    """A value as the text and markdown outputs print it."""
    if value is None:
        return "(none)"
    if isinstance(value, str):
        return value
    return json.dumps(value, default=str)


def _values(change: Change) -> str:
    if change.old is None and change.new is None:
        return ""
    return f"{show(change.old)} -> {show(change.new)}"


def _by_operation(changes: list[Change]) -> dict[str, list[Change]]:
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(change.operation, []).append(change)
    return groups


def render_text(changes: list[Change], old: str, new: str) -> list[Text]:
    """One line per change, grouped per operation, columns aligned, levels styled (rich prints
    the styles on a terminal only)."""
    lines = [Text(f"{old} -> {new}: {len(changes)} changes ({counts(changes)})", style="bold")]
    for operation, group in _by_operation(changes).items():
        lines.append(Text(operation, style="bold"))
        widths = [
            min(60, max(len(text(change)) for change in group))
            for text in (lambda c: c.location, lambda c: c.kind, _values)
        ]
        for change in group:
            cells = (change.location, change.kind, _values(change))
            line = Text("  ")
            line.append(f"{change.level:<4}", style=_STYLES[change.level])
            line.append("  ")
            for cell, width in zip(cells, widths, strict=True):
                line.append(f"{cell:<{width}}  ")
            line.append(change.reason)
            lines.append(line)
    return lines


def render_markdown(changes: list[Change], old: str, new: str) -> str:
    rows = [
        f"**{old} -> {new}**: {len(changes)} changes ({counts(changes)})",
        "",
        "| level | operation | location | change | old | new | reason |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in changes:
        cells = (
            str(c.level), c.operation, f"`{c.location}`", c.kind,
            f"`{show(c.old)}`", f"`{show(c.new)}`", c.reason,
        )  # fmt: skip
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows)


def render_json(changes: list[Change]) -> str:
    return json.dumps([change.to_dict() for change in changes], indent=2, default=str)


_CHANGELOG_SECTIONS: Final = (
    (Level.ERR, "Breaking changes", "Clients must change before upgrading."),
    (Level.WARN, "Changes that may affect clients", "Check the clients that rely on these."),
    (Level.INFO, "Other changes", "Nothing for clients to do."),
)


def render_changelog(changes: list[Change], old: str, new: str, ignored: int = 0) -> str:
    """Markdown release notes: a section per level, one bullet per change, operation first."""
    lines = [f"## Changes from {old} to {new}", ""]
    if not changes:
        lines.append("No changes for clients.")
    for level, title, advice in _CHANGELOG_SECTIONS:
        group = [c for c in changes if c.level is level]
        if not group:
            continue
        lines += [f"### {title} ({len(group)})", "", f"_{advice}_", ""]
        for c in group:
            values = f": {_values(c)}" if _values(c) else ""
            where = "" if c.operation == c.location else f"`{c.operation}` "
            lines.append(f"- {where}`{c.location}` {c.kind.replace('-', ' ')}{values}"
                         f" ({c.reason})")  # fmt: skip
        lines.append("")
    if ignored:
        lines.append(f"_{ignored} accepted change(s) left out (--ignore)._")
    return "\n".join(lines).rstrip() + "\n"
