"""Names a module exports but imports on first use (PEP 562 `__getattr__`): how `contracts` and
`contracts.vendor` keep `python -m contracts` and a vendor's import from loading what they do not
use. One place, so that both look names up, fail and cache them the same way."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any


def lazy_attribute(
    module: str, where: Mapping[str, str], namespace: dict[str, Any], name: str
) -> Any:
    """`name` for the module called `module` (whose globals are `namespace`): imported from the
    `contracts` submodule `where` names for it, then bound in `namespace`, so that the next
    lookup never comes here. AttributeError for a name `where` does not list."""
    submodule = where.get(name)
    if submodule is None:
        raise AttributeError(f"module {module!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"contracts.{submodule}"), name)
    namespace[name] = value
    return value
