"""Loading any OpenAPI document the way other OpenAPI tools read it (the `--spec FILE` commands).

The built-in specs are written to our conventions (`contracts.specs.read_spec`); a user's spec is
not, so this loader copes with what real specs do:

- YAML mapping keys are the text as written: an unquoted `200:` response code, `2024-01-01:` or
  `yes:` is the string `"200"`, `"2024-01-01"`, `"yes"` (PyYAML alone makes an int, a date and a
  bool of them); unquoted dates among values stay strings too, as JSON would have them.
- `$ref`s to other files (`schemas/pet.yaml`, `common.json#/components/schemas/Error`), relative
  to the file that holds them, are bundled into one document: the target is copied in place of the
  reference, and marked `x-contracts-source: <file>#<pointer>` so a finding can cite the file it
  comes from. A reference cycle through other files is hoisted into `components/schemas` and
  referenced locally. Only local files are read, never URLs.
- An operation without an `operationId` gets one made of its method and path (`get_pets_petId`).

(The spec diff, `contracts.diff`, has its own loader for now; the two are to be unified.)
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from .errors import SpecError
from .yaml_loading import FAST_SAFE_LOADER, load_yaml

SOURCE_KEY = "x-contracts-source"  # where a bundled node came from: `file#/pointer`
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


class _TextKeys(yaml.constructor.SafeConstructor):
    """Mapping keys are the scalar text as written (the constructor half of the loaders below)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)  # merge keys (`<<: *anchor`) first
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key: Any = key_node.value
            else:
                key = self.construct_object(key_node, deep=deep)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


_TextKeys.add_constructor(
    "tag:yaml.org,2002:map",
    lambda loader, node: loader.construct_mapping(node),  # type: ignore[arg-type]
)


class _TextKeyLoader(_TextKeys, yaml.SafeLoader):
    """SafeLoader whose mapping keys are the scalar text as written, and which reads no dates."""


# No timestamps: `2024-01-01` stays the string it is in JSON.
_TextKeyLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_FastTextKeyLoader: type[yaml.CSafeLoader] | None = None
if FAST_SAFE_LOADER is not None:  # the same loader on libyaml's parser

    class _CTextKeyLoader(_TextKeys, yaml.CSafeLoader):
        """`_TextKeyLoader` on libyaml's parser."""

    _CTextKeyLoader.yaml_implicit_resolvers = _TextKeyLoader.yaml_implicit_resolvers
    _FastTextKeyLoader = _CTextKeyLoader


def read_document(path: Path) -> Any:
    """One YAML or JSON file, keys as text; SpecError when it cannot be read."""
    if not path.is_file():
        raise SpecError(f"no spec file {path}")
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            return json.loads(text)
        return load_yaml(text, _TextKeyLoader, _FastTextKeyLoader)  # SafeLoader subclasses
    except (yaml.YAMLError, ValueError) as error:
        raise SpecError(f"{path}: not YAML or JSON: {_one_line(error)}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SpecError(f"{path}: cannot be read: {_one_line(error)}") from None


def _one_line(error: object) -> str:
    return " ".join(str(error).split())[:200]


def escape_pointer(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _follow(document: Any, pointer: str, where: str) -> Any:
    node = document
    if pointer in ("", "/"):
        return node
    for raw in pointer.lstrip("/").split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        try:
            node = node[int(part)] if isinstance(node, list) else node[part]
        except (KeyError, IndexError, ValueError, TypeError):
            raise SpecError(f"{where}: the reference #{pointer} names nothing") from None
    return node


class _Bundler:
    def __init__(self, root: Path, document: dict[str, Any]) -> None:
        self.root = root
        self.document = document
        self.files: dict[Path, Any] = {root: document}
        self.expanding: list[tuple[Path, str]] = []
        self.hoisted: dict[tuple[Path, str], str] = {}
        self.schemas: dict[str, Any] = {}  # hoisted out of cycles, for components/schemas

    def _file(self, path: Path) -> Any:
        if path not in self.files:
            self.files[path] = read_document(path)
        return self.files[path]

    def _name(self, path: Path, pointer: str) -> str:
        return path.stem if not pointer else f"{path.stem}_{pointer.rsplit('/', 1)[-1]}"

    def _display(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root.parent))
        except ValueError:
            return str(path)

    def walk(self, node: Any, here: Path) -> Any:
        """`node` (read from the file `here`) with every reference bundled."""
        if isinstance(node, list):
            return [self.walk(item, here) for item in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref")
        if isinstance(ref, str):
            target_file, _, pointer = ref.partition("#")
            if target_file.startswith(("http://", "https://")):
                raise SpecError(f"{here}: remote reference {ref} (only local files are read)")
            path = (here.parent / target_file).resolve() if target_file else here
            if path == self.root:
                return {**node, "$ref": f"#{pointer}"}  # local to the main document: keep it
            return self._inline(node, path, pointer, here)
        return {key: self.walk(value, here) for key, value in node.items()}

    def _inline(self, node: dict[str, Any], path: Path, pointer: str, here: Path) -> Any:
        key = (path, pointer)
        if key in self.hoisted:
            return {"$ref": self.hoisted[key]}
        if key in self.expanding:  # a cycle through other files: refer to one copy of it
            name = self._name(path, pointer)
            taken = (self.document.get("components") or {}).get("schemas") or {}
            while name in taken or name in self.schemas:
                name += "_"
            self.schemas[name] = {}  # reserved; filled when the outer expansion ends
            self.hoisted[key] = f"#/components/schemas/{escape_pointer(name)}"
            return {"$ref": self.hoisted[key]}
        target = _follow(self._file(path), pointer, f"{here}: {node['$ref']}")
        self.expanding.append(key)
        try:
            bundled = self.walk(copy.deepcopy(target), path)
        finally:
            self.expanding.pop()
        if isinstance(bundled, dict):
            bundled = {**bundled, SOURCE_KEY: f"{self._display(path)}#{pointer}"}
        if key in self.hoisted:
            ref = self.hoisted[key]
            name = ref.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")
            self.schemas[name] = bundled
            return {"$ref": ref}
        return bundled


def _name_operations(document: dict[str, Any]) -> None:
    taken = set()
    for item in (document.get("paths") or {}).values():
        for method in HTTP_METHODS:
            if isinstance(item, dict) and isinstance(item.get(method), dict):
                taken.add(item[method].get("operationId"))
    for path, item in (document.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if not isinstance(item, dict) or not isinstance(item.get(method), dict):
                continue
            operation = item[method]
            if not operation.get("operationId"):
                name = re.sub(r"[^A-Za-z0-9]+", "_", f"{method}_{path}").strip("_")
                while name in taken:
                    name += "_"
                taken.add(name)
                operation["operationId"] = name


def load_openapi(path: Path) -> dict[str, Any]:
    """The OpenAPI 3.0 or 3.1 document at `path`, bundled into one with text keys."""
    path = path.resolve()
    document = read_document(path)
    if not isinstance(document, dict) or "openapi" not in document:
        raise SpecError(f"{path}: not an OpenAPI document (no `openapi` key)")
    version = str(document["openapi"])
    if not version.startswith(("3.0", "3.1")):
        raise SpecError(f"{path}: OpenAPI {version} is not supported (3.0 and 3.1 are)")
    bundler = _Bundler(path, document)
    bundled: dict[str, Any] = bundler.walk(document, path)
    if bundler.schemas:  # hoisted out of cycles through other files
        bundled.setdefault("components", {}).setdefault("schemas", {}).update(bundler.schemas)
    _name_operations(bundled)
    return bundled


def is_31(document: Mapping[str, Any]) -> bool:
    return str(document.get("openapi", "")).startswith("3.1")
