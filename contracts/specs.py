"""Loading OpenAPI documents and finding things in them.

Each vendor folder keeps its specs in `specs/` beside its code, and the pages they are assembled
from in `specs/pages/` (conventions: `contracts/apis/SPECS.md`); `contracts.registry` finds a spec
by name among the registered APIs. Here a spec is read from a path.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import SpecError
from .secrecy import register_security_schemes
from .yaml_loading import load_yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class DocRef:
    """A place on a vendor page: what a rule or a field cites.

    A spec without pages (`contracts check --spec FILE`) cites itself: `page` is the spec file and
    `pointer` the JSON pointer of the node (`pets.yaml#/components/schemas/Pet/properties/name`).
    """

    page: str
    line: int | None = None
    pointer: str | None = None

    def __str__(self) -> str:
        if self.line:
            return f"{self.page}:{self.line}"
        if self.pointer is not None:
            return f"{self.page}#{self.pointer}"
        return self.page


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation_id: str
    summary: str
    definition: Mapping[str, Any] = field(repr=False, compare=False)

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"


@dataclass(frozen=True)
class Spec:
    """One OpenAPI document, loaded and read-only."""

    name: str
    path: Path
    document: Mapping[str, Any] = field(repr=False, compare=False)
    # A spec read as the whole contract (`contracts.spec_api`): it has no pages, so what it says
    # is cited by the spec file and a JSON pointer. (Compared: never equal to the same file read
    # as a built-in spec, whose cached validators follow other rules.)
    cites_pointers: bool = False

    @property
    def title(self) -> str:
        return str(self.document["info"]["title"])

    @property
    def page(self) -> str:
        return str(self.document["info"].get("x-doc-page", ""))

    @property
    def page_path(self) -> Path:
        """The page file beside the spec (`pages/<x-doc-page>`)."""
        return self.path.parent / "pages" / self.page

    @property
    def edition(self) -> str | None:
        edition = self.document["info"].get("x-edition")
        return str(edition) if edition else None

    def doc(self, node: Mapping[str, Any] | None = None, keyword: str = "") -> DocRef:
        """The page line a node of this spec cites (`x-doc-line`), or the page alone. A spec that
        cites pointers cites the node itself (and the `keyword` in it, when given)."""
        line = node.get("x-doc-line") if node else None
        if self.cites_pointers:  # its own pointers, even where it cites pages of its own
            page, pointer = pointer_of(self.document, node) if node else (self.page, "")
            return DocRef(page or self.page, None, pointer + (f"/{keyword}" if keyword else ""))
        return DocRef(self.page, int(line) if line is not None else None)

    def operations(self) -> list[Operation]:
        found = []
        for path, item in self.document.get("paths", {}).items():
            for method in HTTP_METHODS:
                if method in item:
                    op = item[method]
                    found.append(
                        Operation(method, path, op["operationId"], op.get("summary", ""), op)
                    )
        return found

    def operation(self, operation_id: str) -> Operation:
        for op in self.operations():
            if op.operation_id == operation_id:
                return op
        raise KeyError(f"{self.name}: no operation {operation_id!r}")

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """Follow a local `$ref` (repeatedly) to the node it names."""
        while "$ref" in node:
            ref = str(node["$ref"])
            if not ref.startswith("#/"):
                raise ValueError(f"{self.name}: only local references are supported, got {ref}")
            target: Any = self.document
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node

    def schema(self, name: str) -> Mapping[str, Any]:
        return self.document["components"]["schemas"][name]  # type: ignore[no-any-return]

    def examples(self) -> Iterator[Example]:
        """Every example the spec carries, with the schema it must satisfy."""
        for op in self.operations():
            body = op.definition.get("requestBody")
            if body:
                body = self.resolve(body)
                for media_type, content in body.get("content", {}).items():
                    yield from _media_examples(self, op, "request", media_type, content)
            for status, response in op.definition.get("responses", {}).items():
                response = self.resolve(response)
                for media_type, content in response.get("content", {}).items():
                    yield from _media_examples(self, op, f"response {status}", media_type, content)


@dataclass(frozen=True)
class Example:
    operation: Operation
    where: str
    media_type: str
    name: str
    value: Any = field(repr=False)
    schema: Mapping[str, Any] = field(repr=False)

    @property
    def label(self) -> str:
        return f"{self.operation.operation_id} {self.where} {self.media_type} {self.name}"


def _media_examples(
    spec: Spec, op: Operation, where: str, media_type: str, content: Mapping[str, Any]
) -> Iterator[Example]:
    schema = content.get("schema", {})
    if "example" in content:
        yield Example(op, where, media_type, "example", content["example"], schema)
    for name, example in content.get("examples", {}).items():
        example = spec.resolve(example)  # `$ref: '#/components/examples/x'`
        if "value" in example:  # an `externalValue` is not read
            yield Example(op, where, media_type, name, example["value"], schema)


SOURCE_KEY = "x-contracts-source"  # set by contracts.spec_loading on nodes from other files

_Places = dict[int, tuple[str, str, str]]  # id(node) -> (file, pointer there, pointer here)
_pointer_indexes: dict[int, tuple[Mapping[str, Any], _Places]] = {}


def _places(document: Mapping[str, Any]) -> _Places:
    entry = _pointer_indexes.get(id(document))
    if entry is None or entry[0] is not document:
        entry = (document, _index_pointers(document))
        _pointer_indexes[id(document)] = entry
    return entry[1]


def pointer_of(document: Mapping[str, Any], node: Mapping[str, Any]) -> tuple[str, str]:
    """(file, JSON pointer) of a node of a loaded document, found by identity; a node bundled
    from another file (`x-contracts-source`) is placed in that file. ("", "") when not found."""
    page, pointer, _ = _places(document).get(id(node), ("", "", ""))
    return page, pointer


def document_pointer(document: Mapping[str, Any], node: Mapping[str, Any]) -> str | None:
    """The JSON pointer of a node in the document itself (a `$ref` to it resolves), or None."""
    found = _places(document).get(id(node))
    return found[2] if found else None


def _index_pointers(document: Mapping[str, Any]) -> _Places:
    index: _Places = {}
    stack: list[tuple[Any, str, str, str]] = [(document, "", "", "")]
    while stack:
        node, page, pointer, here = stack.pop()
        if isinstance(node, Mapping):
            source = node.get(SOURCE_KEY)
            if isinstance(source, str):
                page, _, pointer = source.partition("#")
            if id(node) in index:
                continue
            index[id(node)] = (page, pointer, here)
            for key, value in node.items():
                if isinstance(value, (Mapping, list)):
                    escaped = str(key).replace("~", "~0").replace("/", "~1")
                    stack.append((value, page, f"{pointer}/{escaped}", f"{here}/{escaped}"))
        elif isinstance(node, list):
            for position, value in enumerate(node):
                if isinstance(value, (Mapping, list)):
                    stack.append((value, page, f"{pointer}/{position}", f"{here}/{position}"))
    return index


@functools.cache
def read_spec(path: Path) -> Spec:
    """The OpenAPI document at `path` (YAML or JSON); read once per process."""
    if not path.is_file():
        raise SpecError(f"no spec file {path}")
    try:
        with path.open(encoding="utf-8") as handle:
            document = load_yaml(handle)  # libyaml's parser when PyYAML has it
    except yaml.YAMLError as error:
        raise SpecError(f"{path}: not YAML or JSON: {_one_line(error)}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SpecError(f"{path}: cannot be read: {_one_line(error)}") from None
    if not isinstance(document, dict) or "openapi" not in document:
        raise SpecError(f"{path}: not an OpenAPI document (no `openapi` key)")
    register_security_schemes(document)
    return Spec(path.stem, path, document)


def _one_line(error: object) -> str:
    return " ".join(str(error).split())[:200]
