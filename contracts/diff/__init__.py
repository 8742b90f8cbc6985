"""`contracts diff`: what changed between two editions of a contract, and what it does to a client.

Two OpenAPI documents (3.0 or 3.1; OLD, NEW) are compared operation by operation, operations
matched by method and path (path parameter names aside: `/a/{id}` matches `/a/{key}`), webhooks
by name. Every difference is a `Change(level, kind, operation, location, old, new, reason)` whose
level is for a *client* of the API, the one party we are:

- ERR: breaks existing clients;
- WARN: may break some (exhaustive switches on enums and statuses, strict parsers, clients
  validating responses, reliance on a default, a scheduled removal);
- INFO: breaks none.

Direction decides the level. What the client sends (the operation itself, its servers and
security, parameters, request body) is read one way; what it reads (statuses, response bodies,
webhook bodies) the other way round: a tighter request limit rejects values clients send (ERR), a
tighter response limit only narrows what they receive (INFO); a request integer widened to number
breaks no sender (INFO), a response one breaks readers (ERR). The policy is the table
`rules.RULES`: one row per (kind, side) with its level, the reason shown to the user and a
one-line example; tests/test_diff_corpus.py covers every row with spec pairs.

Modules: `loading` (reading specs as other tools do: YAML 1.2 scalars, integer keys, dates as
strings, $refs to other local files, `REF:PATH` at a git revision), `rules` (the table),
`compare` (operations, webhooks, servers, security, parameters, bodies, statuses), `schemas`
(schemas in a normal form: $refs followed, allOf merged, nullability of both dialects, every
2020-12 keyword), `lifecycle` (deprecated, x-sunset), `ignoring` (--ignore), `output`.

Choices:
- A location names the thing changed: `query delayed`, `request body PageEvent.href maxLength`,
  `response 200 Segment.tags[]`, `response 413`. Schema paths start at the body's component name,
  or at the variant's name inside a union (`PageEvent.href`); `[]` is an array's items, `.*` a
  map's values, `[contains]`, `[then]`, `[prefixItems/0]` ... a subschema keyword. The keyword is
  appended for limits only (the other kinds name their keyword).
- A change found identically in every variant of a union (a field of a shared base) is reported
  once, on the union's name (`VisitEvent.time`), not once per variant. Variants are matched by
  discriminator value, else by component name, else (inline ones) by position; a variant left
  unmatched whose resolved schema equals one left on the other side is that one (moved inline ->
  $ref, or its component renamed).
- Renames: a removed and an added field (or parameter) of the same object and the same type whose
  names are at least `RENAME_RATIO` alike (difflib ratio, case-free) are one rename.
- Introducing an enum, a limit or a subschema keyword where there was none is a tightening;
  dropping one, a loosening; a pattern every string matches (`.*`) is no pattern. `if` and `not`
  changed are a limit-changed (their effect on the accepted values is not monotonic).
- A request never carries readOnly properties and a response never writeOnly ones: they are
  left out of that side's comparison (a property becoming readOnly is removed from requests).
- Security requirements are alternatives: an old one is kept when some new one asks for no more
  (fewer schemes, fewer scopes). A removed security scheme no requirement used is INFO.
- Keywords this tool does not know (not `x-`) are compared as values: a change is a WARN.
- `--deprecation-days N` turns the removal of something deprecated long enough (its x-sunset
  passed, else its x-deprecation-date N days old, or N = 0) into a WARN, and warns about a sunset
  set nearer than N days.
- `contracts diff` exits 1 when a change reaches `--fail-on` (default ERR) and 2 when a spec
  cannot be read, so CI can tell a breaking change from a broken input.
"""

from __future__ import annotations

from ..specs import Spec
from . import ignoring
from .compare import ALL_OPERATIONS, diff_specs
from .context import Options
from .ignoring import Accepted, IgnoreFileError
from .loading import SpecLoadError, load
from .output import render_changelog, render_json, render_markdown, render_text, show
from .rules import (
    ERR,
    INFO,
    POLICY,
    REQ,
    RES,
    RULES,
    WARN,
    Change,
    Level,
    Rule,
    Side,
    table_markdown,
)
from .schemas import RENAME_RATIO

SpecInputError = SpecLoadError  # the name before issue 13

__all__ = [
    "ALL_OPERATIONS",
    "ERR",
    "INFO",
    "POLICY",
    "RENAME_RATIO",
    "REQ",
    "RES",
    "RULES",
    "WARN",
    "Accepted",
    "Change",
    "IgnoreFileError",
    "Level",
    "Options",
    "Rule",
    "Side",
    "Spec",
    "SpecInputError",
    "SpecLoadError",
    "diff_files",
    "diff_specs",
    "fails",
    "ignoring",
    "load",
    "render_changelog",
    "render_json",
    "render_markdown",
    "render_text",
    "show",
    "table_markdown",
]


def diff_files(old: str, new: str, options: Options | None = None) -> list[Change]:
    return diff_specs(load(old), load(new), options)


def fails(changes: list[Change], fail_on: Level | None) -> bool:
    """True when a change reaches the `--fail-on` level (None: never)."""
    return fail_on is not None and any(c.level.rank >= fail_on.rank for c in changes)
