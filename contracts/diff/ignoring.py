"""`--ignore FILE`: changes a team has accepted, left out of the output and the exit status.

One per line, `KIND [METHOD /path] LOCATION # REASON`, the kind and location as the text output
prints them; without an operation the line matches that location in every operation. The reason
is required (a CI exception nobody can explain is a risk). Blank lines and `#` lines are comments:

    # dropped in v2; every client moved to the JSON form by 2026-01
    param-removed POST /visit/events query delayed # announced 2025-10, no client sends it
    status-added response 429 # our clients retry any 4xx
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ..errors import InputError
from ..specs import HTTP_METHODS
from .rules import POLICY, Change


class IgnoreFileError(InputError):
    """An --ignore file that cannot be read: missing, or a line without kind, location or reason."""


_OPERATION: Final = re.compile(rf"^((?:{'|'.join(m.upper() for m in HTTP_METHODS)}) /\S*) (.+)$")
_KINDS: Final = frozenset(kind for kind, _ in POLICY)


@dataclass(frozen=True)
class Accepted:
    kind: str
    operation: str | None  # None: any operation
    location: str
    reason: str
    line: int

    def matches(self, change: Change) -> bool:
        return (
            change.kind == self.kind
            and change.location == self.location
            and self.operation in (None, change.operation)
        )


def parse(text: str, source: str) -> list[Accepted]:
    accepted: list[Accepted] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        what, hash_, reason = line.partition(" #")
        reason = reason.strip()
        if not hash_ or not reason:
            raise IgnoreFileError(f"{source}:{number}: no reason (`KIND LOCATION # REASON`)")
        kind, _, rest = what.strip().partition(" ")
        if kind not in _KINDS:
            raise IgnoreFileError(f"{source}:{number}: unknown kind {kind!r}")
        rest = rest.strip()
        if not rest:
            raise IgnoreFileError(f"{source}:{number}: no location after {kind!r}")
        match = _OPERATION.match(rest)
        operation, location = (match.group(1), match.group(2)) if match else (None, rest)
        accepted.append(Accepted(kind, operation, location, reason, number))
    return accepted


def read(path: str) -> list[Accepted]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise IgnoreFileError(f"{path}: {error}") from None
    return parse(text, path)


def split(
    changes: list[Change], accepted: list[Accepted]
) -> tuple[list[Change], list[Change], list[Accepted]]:
    """(kept, ignored, accepted lines that matched nothing: stale entries to clean up)."""
    kept = [c for c in changes if not any(a.matches(c) for a in accepted)]
    ignored = [c for c in changes if c not in kept]
    unused = [a for a in accepted if not any(a.matches(c) for c in changes)]
    return kept, ignored, unused
