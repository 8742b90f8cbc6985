"""contracts/apis/README.md documents the vendor interface as it is in code: each room's section
lists exactly the fields of its dataclass in `contracts.rooms` (and `Api`'s), with the same
required/default split, so the page cannot drift from the interface."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

import contracts.apis
from contracts import rooms
from contracts.api import Api

README = Path(contracts.apis.__file__).parent / "README.md"


def documented(section: str) -> dict[str, str]:
    """hook -> its default column, from the table under `## \\`section\\``."""
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"^## `{section}`.*?\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"README has no section for {section}"
    rows = re.findall(r"^\| `(\w+)` \|(?: ([^|]*) \|)?", match.group(1), re.M)
    return {name: default.strip() for name, default in rows}


@pytest.mark.parametrize("kind", [*rooms.ROOM_TYPES.values()], ids=lambda k: k.__name__)
def test_each_room_section_lists_exactly_its_hooks(kind: type) -> None:
    rows = documented(kind.__name__)
    fields = {f.name: f for f in dataclasses.fields(kind)}
    assert set(rows) == set(fields)
    for name, field in fields.items():
        required = field.default is dataclasses.MISSING and (
            field.default_factory is dataclasses.MISSING
        )
        assert (rows[name] == "(required)") == required, name


def test_the_api_section_lists_its_fields() -> None:
    assert set(documented("Api")) == {f.name for f in dataclasses.fields(Api)}


def test_every_room_module_is_named_in_the_page() -> None:
    text = README.read_text(encoding="utf-8")
    for module in rooms.ROOM_MODULES:
        assert f"{module}.py" in text
