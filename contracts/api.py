"""What each vendor folder declares about itself: `API = Api(...)` in its `__init__`."""

from __future__ import annotations

import importlib
import importlib.util
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .errors import UnknownApiError, VendorError
from .rooms import ChecksRoom, CoverageRoom, MockRoom, RulesRoom, StrategiesRoom
from .specs import Spec, read_spec

RoomT = TypeVar("RoomT")


@dataclass(frozen=True)
class Api:
    """One vendor API: its command-line name, and the spec of each edition inside its folder.

    `editions` maps an edition name to a spec file, relative to the folder (`specs/x.yaml`); the
    first is the default. The folder's pages sit in `specs/pages/`. Rooms are modules with fixed
    names (`contracts.rooms`), each defining `ROOM`, loaded on first use.
    """

    name: str
    title: str
    package: str  # the folder's module name (`__name__` in its __init__)
    editions: Mapping[str, str]

    def __post_init__(self) -> None:
        if not self.editions:
            raise VendorError(f"{self.package}: API {self.name!r} names no spec edition")

    @property
    def folder(self) -> Path:
        module = sys.modules.get(self.package) or importlib.import_module(self.package)
        if module.__file__ is None:
            raise VendorError(f"{self.package}: a vendor folder must be a regular package")
        return Path(module.__file__).resolve().parent

    @property
    def default_edition(self) -> str:
        return next(iter(self.editions))

    def spec_path(self, edition: str | None = None) -> Path:
        edition = edition or self.default_edition
        if edition not in self.editions:
            known = ", ".join(self.editions)
            raise UnknownApiError(f"{self.name} has no edition {edition!r} (known: {known})")
        return self.folder / self.editions[edition]

    def spec(self, edition: str | None = None) -> Spec:
        return read_spec(self.spec_path(edition))

    def specs(self) -> list[Spec]:
        return [self.spec(edition) for edition in self.editions]

    # -- rooms ------------------------------------------------------------------------------------

    def rules(self) -> RulesRoom:
        room: RulesRoom | None = _room(self.package, "rules", RulesRoom)
        if room is None:
            raise VendorError(f"{self.package}: a vendor folder needs rules.py defining ROOM")
        return room

    def strategies(self) -> StrategiesRoom | None:
        return _room(self.package, "strategies", StrategiesRoom)

    def mock(self) -> MockRoom | None:
        return _room(self.package, "mock", MockRoom)

    def checks(self) -> ChecksRoom | None:
        return _room(self.package, "checks", ChecksRoom)

    def coverage(self) -> CoverageRoom | None:
        return _room(self.package, "coverage", CoverageRoom)


def _room(package: str, name: str, kind: type[RoomT]) -> RoomT | None:
    """The `ROOM` of the folder's `name` module, or None when it has no such module."""
    module_name = f"{package}.{name}"
    module = sys.modules.get(module_name)
    if module is None:
        if importlib.util.find_spec(module_name) is None:
            return None
        module = importlib.import_module(module_name)
    room: Any = getattr(module, "ROOM", None)
    if not isinstance(room, kind):
        raise VendorError(
            f"{module_name}: must define ROOM = {kind.__name__}(...) (contracts.rooms), "
            f"found {type(room).__name__}"
        )
    return room


def generated_package(spec: Spec) -> str:
    """The package `make regen` writes for a built-in spec (`contracts.generated.<name>`)."""
    return "contracts.generated." + spec.name.replace("-", "_")
