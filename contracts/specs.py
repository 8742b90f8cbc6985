"""Loading the hand-written OpenAPI documents in `specs/` and finding things in them."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def specs_dir() -> Path:
    """The `specs/` folder: `$CONTRACTS_SPECS_DIR`, else the one beside the package."""
    override = os.environ.get("CONTRACTS_SPECS_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "specs"


def pages_dir() -> Path:
    """The vendor reference pages the specs are assembled from."""
    return specs_dir() / "pages"


@dataclass(frozen=True)
class DocRef:
    """A place on a vendor page: what a rule or a field cites."""

    page: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.page}:{self.line}" if self.line else self.page


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

    @property
    def title(self) -> str:
        return str(self.document["info"]["title"])

    @property
    def page(self) -> str:
        return str(self.document["info"].get("x-doc-page", ""))

    @property
    def edition(self) -> str | None:
        edition = self.document["info"].get("x-edition")
        return str(edition) if edition else None

    def doc(self, node: Mapping[str, Any] | None = None) -> DocRef:
        """The page line a node of this spec cites (`x-doc-line`), or the page alone."""
        line = node.get("x-doc-line") if node else None
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
                    yield from _media_examples(op, "request", media_type, content)
            for status, response in op.definition.get("responses", {}).items():
                response = self.resolve(response)
                for media_type, content in response.get("content", {}).items():
                    yield from _media_examples(op, f"response {status}", media_type, content)


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
    op: Operation, where: str, media_type: str, content: Mapping[str, Any]
) -> Iterator[Example]:
    schema = content.get("schema", {})
    if "example" in content:
        yield Example(op, where, media_type, "example", content["example"], schema)
    for name, example in content.get("examples", {}).items():
        yield Example(op, where, media_type, name, example["value"], schema)


@functools.cache
def load_spec(name_or_path: str | Path) -> Spec:
    """A spec by name (`launchdarkly`) or by path; loaded once per process."""
    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml", ".json"):
        path = specs_dir() / f"{name_or_path}.yaml"
    if not path.is_file():
        known = ", ".join(s.stem for s in sorted(specs_dir().glob("*.yaml")))
        raise FileNotFoundError(f"no spec {str(name_or_path)!r} (known: {known})")
    with path.open(encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    if not isinstance(document, dict) or "openapi" not in document:
        raise ValueError(f"{path}: not an OpenAPI document")
    return Spec(path.stem, path, document)


def all_specs() -> list[Spec]:
    """Every spec in `specs/`, by file name."""
    return [load_spec(path) for path in sorted(specs_dir().glob("*.yaml"))]
