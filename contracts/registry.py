"""The registered vendor APIs: the folders under `contracts/apis/`, and those other packages
register through the `contracts.apis` entry point group:

    [project.entry-points."contracts.apis"]
    acme = "acme_contracts:API"

Every command, the mock and the pytest plugin see the same list, in name order. Two APIs with one
name are an error, not a silent choice.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from pathlib import Path

from .api import Api
from .entry_point_files import group_may_be_declared
from .errors import SpecError, UnknownApiError, VendorError
from .specs import Spec, read_spec

ENTRY_POINT_GROUP = "contracts.apis"
BUILT_IN = "contracts.apis"


def _built_in() -> list[Api]:
    package = importlib.import_module(BUILT_IN)
    found = []
    for module in pkgutil.iter_modules(package.__path__):
        if module.ispkg:
            found.append(_api_of(importlib.import_module(f"{BUILT_IN}.{module.name}"), module.name))
    return found


def _api_of(module: object, where: str) -> Api:
    api = getattr(module, "API", module)
    if not isinstance(api, Api):
        raise VendorError(f"{where}: a vendor package must define API = contracts.vendor.Api(...)")
    return api


def _registered() -> list[Api]:
    if not group_may_be_declared(ENTRY_POINT_GROUP):
        return []  # nothing installed names the group: importlib.metadata would find none
    from importlib.metadata import entry_points

    found = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = entry.load()
        except ImportError as error:
            raise VendorError(f"entry point {entry.name} = {entry.value}: {error}") from None
        found.append(_api_of(loaded, f"entry point {entry.name} = {entry.value}"))
    return found


@functools.cache
def all_apis() -> tuple[Api, ...]:
    """Every API, built in or registered, in name order."""
    by_name: dict[str, Api] = {}
    for api in [*_built_in(), *_registered()]:
        other = by_name.get(api.name)
        if other is not None and other.package != api.package:
            raise VendorError(f"two APIs are named {api.name!r}: {other.package} and {api.package}")
        by_name[api.name] = api
    return tuple(sorted(by_name.values(), key=lambda api: api.name))


def get_api(name: str) -> Api:
    for api in all_apis():
        if api.name == name:
            return api
    known = ", ".join(api.name for api in all_apis())
    raise UnknownApiError(f"no API {name!r} (known: {known})")


def all_specs() -> list[Spec]:
    """The spec of every edition of every API, by file name."""
    specs = {spec.path: spec for api in all_apis() for spec in api.specs()}
    return sorted(specs.values(), key=lambda spec: spec.name)


def load_spec(name_or_path: str | Path) -> Spec:
    """A spec by its name (`launchdarkly`, `kameleoon-data-legacy`) or by a file path."""
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml", ".json"):
        return read_spec(path.resolve())
    for api in all_apis():
        for edition in api.editions:
            if api.spec_path(edition).stem == str(name_or_path):
                return api.spec(edition)
    known = ", ".join(spec.name for spec in all_specs())
    raise SpecError(f"no spec {str(name_or_path)!r} (known: {known})")


def page_path(page: str) -> Path:
    """A vendor page by file name, from the folder of the spec that cites it."""
    for spec in all_specs():
        if spec.page == page:
            return spec.page_path
    raise SpecError(f"no spec cites the page {page!r}")
