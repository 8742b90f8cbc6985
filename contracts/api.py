"""What each vendor folder under `contracts/apis/` declares about itself."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from types import ModuleType

from .specs import Spec, load_spec


@dataclass(frozen=True)
class Api:
    """One vendor API: its command-line name and the spec of each edition.

    Every folder under `contracts/apis/` defines one of these as `API` in its `__init__`; the core
    finds them there, so adding an API touches nothing outside its folder and its spec. The folder's
    rooms are modules with fixed names (`rules`, `codec`, `strategies`, `mock`), loaded on demand.
    """

    name: str
    title: str
    editions: Mapping[str, str]  # edition -> spec name in specs/; the first is the default
    package: str  # the folder's module name (`__name__` in its __init__)

    @property
    def default_edition(self) -> str:
        return next(iter(self.editions))

    def spec(self, edition: str | None = None) -> Spec:
        edition = edition or self.default_edition
        if edition not in self.editions:
            known = ", ".join(self.editions)
            raise KeyError(f"{self.name} has no edition {edition!r} (known: {known})")
        return load_spec(self.editions[edition])

    def specs(self) -> list[Spec]:
        return [load_spec(name) for name in self.editions.values()]

    def room(self, name: str) -> ModuleType | None:
        """The folder's `name` module (`mock`, `rules`, ...), or None when it has none."""
        module = f"{self.package}.{name}"
        if importlib.util.find_spec(module) is None:
            return None
        return importlib.import_module(module)


def generated_package(spec: Spec) -> str:
    """The package under `generated/` that `make regen` writes for a spec."""
    return "generated." + spec.name.replace("-", "_")
