"""The vendor APIs, one package each; every package defines `API` (a `contracts.api.Api`)."""

from __future__ import annotations

import functools
import importlib
import pkgutil

from ..api import Api


@functools.cache
def all_apis() -> tuple[Api, ...]:
    """Every API folder under `contracts/apis/`, in name order."""
    found = []
    for module in pkgutil.iter_modules(__path__):
        if module.ispkg:
            package = importlib.import_module(f"{__name__}.{module.name}")
            found.append(package.API)
    return tuple(sorted(found, key=lambda api: api.name))


def get_api(name: str) -> Api:
    for api in all_apis():
        if api.name == name:
            return api
    known = ", ".join(api.name for api in all_apis())
    raise KeyError(f"no API {name!r} (known: {known})")
