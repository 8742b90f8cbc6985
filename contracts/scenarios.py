"""Stateful checks a vendor folder declares: `Scenario`s of `Step`s sent in order to one server
(a create, then its duplicate), and helpers for names that must be unique per account."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .samples import Sample


@dataclass(frozen=True)
class Step:
    """One request of a scenario and what its answer must be."""

    sample: Sample
    statuses: frozenset[int]  # the statuses the contract allows here
    # A further look at the answer (a requests.Response): a failure message, or None.
    verify: Callable[[Any], str | None] | None = None
    note: str = ""
    credentials: bool = True  # False: sent without the run's credentials


@dataclass(frozen=True)
class Scenario:
    """A stateful check: steps sent in order to the same server (a create, then its duplicate)."""

    name: str
    steps: list[Step] = field(default_factory=list)
    mock_only: bool = False  # depends on state only our mock exposes


TAG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def tagged(text: str, tag: int) -> str:
    """`text` with its tail replaced by `tag` written in base 62, keeping its length, so that a
    name unique per account differs from probe to probe without leaving its length boundary.
    Short texts take the tag's last digits (62 values for one character)."""
    digits = ""
    while True:
        tag, digit = divmod(tag, len(TAG_ALPHABET))
        digits = TAG_ALPHABET[digit] + digits
        if tag == 0:
            break
    if not text:
        return text
    keep = max(0, len(text) - len(digits))
    return text[:keep] + digits[-(len(text) - keep) :]


def error_code_is(code: int) -> Callable[[Any], str | None]:
    """A `verify` for envelopes carrying `errors: [{code, ...}]` (Capillary)."""

    def verify(response: Any) -> str | None:
        try:
            body = response.json()
        except ValueError:
            return f"expected error code {code} in a JSON envelope, got no JSON"
        entries = (body or {}).get("errors") or [] if isinstance(body, Mapping) else []
        codes = [e.get("code") for e in entries if isinstance(e, Mapping)]
        return None if code in codes else f"expected error code {code}, got {codes or 'none'}"

    return verify
