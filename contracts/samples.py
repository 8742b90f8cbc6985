"""What payload strategies draw: a request body (with its query and headers where they matter),
and the one rule it breaks, if any."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Sample:
    """A payload drawn by a strategy.

    `breaks` is None for a valid payload, else the name of the one rule it breaks (a rule of the
    API's RuleBook, or a JSON Schema keyword such as `maxLength` for what the spec itself says).
    """

    body: Any
    breaks: str | None = None
    field: str | None = None  # where the broken rule should be reported, when it matters
    note: str = ""  # what makes it interesting ("title at exactly 256 characters")
    query: dict[str, str] = dataclasses.field(default_factory=dict)
    headers: dict[str, str] = dataclasses.field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return self.breaks is None
