"""libyaml's parser and the pure-Python one read our specs the same (contracts/yaml_loading.py).

`contracts.specs.read_spec` and `contracts.spec_loading.read_document` read with the C parser
when PyYAML has it; what they return must be exactly what the pure loader returns: the same
values, of the same types, in the same order (compared by repr, where 1, 1.0 and True differ)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from contracts import all_specs
from contracts.errors import SpecError
from contracts.spec_loading import _FastTextKeyLoader, _TextKeyLoader, read_document
from contracts.specs import Spec, read_spec
from contracts.yaml_loading import FAST_SAFE_LOADER, load_yaml

pytestmark = pytest.mark.skipif(
    FAST_SAFE_LOADER is None, reason="PyYAML without libyaml: only the pure loader runs"
)
TESTS = Path(__file__).parent
OTHER_SPECS = sorted([*(TESTS / "specs").rglob("*.yaml"), *(TESTS / "diff_corpus").glob("*.yaml")])


def same(left: Any, right: Any) -> bool:
    return left == right and repr(left) == repr(right)


@pytest.mark.parametrize("spec", all_specs(), ids=lambda s: s.name)
def test_every_registered_spec_reads_the_same_with_either_parser(spec: Spec) -> None:
    text = spec.path.read_text(encoding="utf-8")
    fast = load_yaml(text)
    assert same(fast, load_yaml(text, fast=None))
    assert same(fast, dict(spec.document))  # what read_spec gave the registry


@pytest.mark.parametrize(
    "path", [*(spec.path for spec in all_specs()), *OTHER_SPECS], ids=lambda p: p.name
)
def test_any_spec_reads_the_same_with_either_parser(path: Path) -> None:
    """The `--spec FILE` loader (keys as written, no dates) on libyaml's parser."""
    text = path.read_text(encoding="utf-8")
    fast = load_yaml(text, _TextKeyLoader, _FastTextKeyLoader)
    assert same(fast, load_yaml(text, _TextKeyLoader, None))
    assert same(fast, read_document(path))


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(),
    st.sampled_from(["yes", "no", "on", "~", "null", "2024-01-01", "0o17", "0x1f", "1e3", "<<"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(documents, st.booleans())
def test_both_parsers_read_a_dumped_document_the_same(document: Any, flow: bool) -> None:
    """For any document PyYAML writes, in block or flow style, both loaders read the same."""
    text = yaml.safe_dump(document, default_flow_style=flow, allow_unicode=True)
    assert same(load_yaml(text), load_yaml(text, fast=None))
    text_keys = load_yaml(text, _TextKeyLoader, _FastTextKeyLoader)
    assert same(text_keys, load_yaml(text, _TextKeyLoader, None))


@pytest.mark.parametrize(
    "text", ["paths: [unclosed", "a: b: c", "- a\nb: c", "key: 'open", "\tx: 1", "a: &x 1\nb: *y"]
)
def test_a_broken_spec_gets_the_pure_loaders_message(tmp_path: Path, text: str) -> None:
    """The error a user sees does not depend on libyaml: the pure loader reads again and words
    it, naming the file."""
    with pytest.raises(yaml.YAMLError) as pure:
        load_yaml(text, fast=None)
    with pytest.raises(yaml.YAMLError) as fast:
        load_yaml(text)
    assert str(fast.value) == str(pure.value)
    path = tmp_path / "broken.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SpecError) as error:
        read_spec(path)
    with pytest.raises(yaml.YAMLError) as from_file, path.open(encoding="utf-8") as handle:
        yaml.safe_load(handle)  # PyYAML's own reading of the file, without us
    words = " ".join(str(from_file.value).split())[:200]
    assert str(error.value) == f"{path}: not YAML or JSON: {words}"
    assert str(path) in words  # a file: the message names it
