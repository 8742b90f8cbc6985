"""Loading a spec for `contracts diff` the way other OpenAPI tools read it.

- YAML as YAML 1.2's core schema reads it (as kin-openapi, swagger-parser and Redocly do): mapping
  keys are the text written (`200:` is the status "200"), dates stay strings (`version:
  2024-01-01`), `yes`/`no`/`on` are words, not booleans. contracts/specs.py keeps PyYAML's
  defaults for our own specs; only `diff` reads foreign documents.
- OpenAPI 3.0 and 3.1, checked by openapi-spec-validator (it picks the dialect).
- `$ref`s to other local files (`common.yaml#/components/schemas/Pet`, `pet.json`), relative to
  the file holding them, are bundled into the document under `x-diff-files` and rewritten as
  local refs, so the comparison follows one document. URLs are refused: diffing never fetches.
- A spec at a git revision, `REF:PATH` (`git show`), its relative `$ref`s read at the same
  revision.

Anything that cannot be read raises SpecLoadError with one line naming the file and the reason.
"""

from __future__ import annotations

import json
import posixpath
import re
import subprocess
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, Final

import yaml
from jsonschema.exceptions import ValidationError
from openapi_spec_validator import validate
from openapi_spec_validator.exceptions import OpenAPIError
from referencing.exceptions import Unresolvable

from .. import registry
from ..errors import SpecError
from ..specs import Spec


class SpecLoadError(SpecError):
    """A spec that cannot be compared: missing, not YAML/JSON, not a valid OpenAPI document
    (exit status 2, as every SpecError)."""


BUNDLE_KEY: Final = "x-diff-files"


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core scalars and mapping keys kept as written."""

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise yaml.constructor.ConstructorError(
                None, None, f"expected a mapping, found {type(node).__name__}", node.start_mark
            )
        self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    "while reading a mapping", node.start_mark, "a key that is not a scalar",
                    key_node.start_mark,
                )  # fmt: skip
            mapping[str(key_node.value)] = self.construct_object(value_node, deep=deep)
        return mapping


_Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("merge", r"^(?:<<)$", "<"),
):  # fmt: skip
    _Loader.add_implicit_resolver(f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first))


def _construct_int(loader: yaml.SafeLoader, node: yaml.Node) -> int:
    text = str(loader.construct_scalar(node))  # type: ignore[arg-type]
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)  # decimal, leading zeros and all: 010 is ten in YAML 1.2


_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)


def parse(text: str, where: str) -> Any:
    """A YAML or JSON text as other OpenAPI tools read it."""
    if text.lstrip().startswith("{"):
        try:
            return json.loads(text)
        except ValueError:
            pass  # JSON-like YAML (comments, trailing commas): YAML reads it
    try:
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        raise SpecLoadError(f"{where}: not YAML or JSON: {_one_line(error)}") from None


Reader = Callable[[str], str]


def _file_reader(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecLoadError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SpecLoadError(f"{path}: {_one_line(error)}") from None


def _git_reader(revision: str) -> Reader:
    def read(path: str) -> str:
        done = subprocess.run(
            ["git", "show", f"{revision}:{path}"], capture_output=True, check=False
        )
        if done.returncode != 0:
            why = _one_line(done.stderr.decode("utf-8", "replace")) or "git show failed"
            raise SpecLoadError(f"{revision}:{path}: {why}")
        try:
            return done.stdout.decode("utf-8")
        except UnicodeDecodeError as error:
            raise SpecLoadError(f"{revision}:{path}: {_one_line(error)}") from None

    return read


def _git_path(path: str) -> str:
    """PATH of REF:PATH relative to the repository's root (`./x` and `../x` from the cwd)."""
    if not path.startswith(("./", "../")):
        return posixpath.normpath(path)
    done = subprocess.run(
        ["git", "rev-parse", "--show-prefix"], capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise SpecLoadError(f"{path}: not inside a git repository")
    return posixpath.normpath(posixpath.join(done.stdout.strip(), path))


_URL: Final = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://|^//")


class _Bundle:
    """The root document with every local file it refers to, under `x-diff-files`."""

    def __init__(self, read: Reader, root: str) -> None:
        self.read = read
        self.root = root
        self.keys: dict[str, str] = {}  # path -> key under x-diff-files
        self.files: dict[str, Any] = {}

    def prefix(self, path: str) -> str:
        return "#" if path == self.root else f"#/{BUNDLE_KEY}/{self.keys[path]}"

    def add(self, path: str) -> Any:
        if path != self.root:
            stem = posixpath.splitext(posixpath.basename(path))[0] or "file"
            key, n = stem, 1
            while key in self.files:
                n += 1
                key = f"{stem}{n}"
            self.keys[path] = key
            self.files[key] = None  # taken before walking: a cycle of files ends here
        document = parse(self.read(path), path)
        document = self.rewrite(document, path)
        if path != self.root:
            self.files[self.keys[path]] = document
        return document

    def rewrite(self, node: Any, path: str) -> Any:
        if isinstance(node, list):
            return [self.rewrite(item, path) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: self.rewrite(value, path) for key, value in node.items()}
        ref = out.get("$ref")
        if isinstance(ref, str):
            out["$ref"] = self.local(ref, path)
        return out

    def local(self, ref: str, path: str) -> str:
        target, _, pointer = ref.partition("#")
        if _URL.match(target):
            raise SpecLoadError(f"{path}: only local $ref can be compared, got {ref!r}")
        if not target:
            return self.prefix(path) + pointer
        full = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        if full != self.root and full not in self.keys:
            self.add(full)
        return self.prefix(full) + pointer


def load(name_or_path: str) -> Spec:
    """A spec by name (`kameleoon-data`), path, or `REF:PATH` at a git revision; checked to be a
    readable OpenAPI 3.0/3.1 document. Raises SpecLoadError with one line saying what is wrong,
    never another exception for bad input."""
    path = Path(name_or_path)
    read: Reader = _file_reader
    if path.is_file():
        where = path.as_posix()
    elif re.match(r"^[^:/\\]+:.", name_or_path):
        revision, _, inside = name_or_path.partition(":")
        read, where = _git_reader(revision), _git_path(inside)
    elif path.suffix in (".yaml", ".yml", ".json"):
        raise SpecLoadError(f"no spec {name_or_path!r}: no such file")
    else:
        try:
            path = registry.load_spec(name_or_path).path  # an edition's name: where it lives
        except SpecError as error:
            raise SpecLoadError(str(error)) from None
        where = path.as_posix()
    bundle = _Bundle(read, where)
    try:
        document = bundle.add(where)
    except RecursionError:  # YAML aliases that contain themselves
        raise SpecLoadError(f"{name_or_path}: nested too deep (a self-referring alias?)") from None
    if not isinstance(document, dict) or "openapi" not in document:
        raise SpecLoadError(f"{name_or_path}: not an OpenAPI document")
    document["openapi"] = str(document["openapi"])  # `openapi: 3.1` unquoted is a float
    if bundle.files:
        document[BUNDLE_KEY] = bundle.files
    _check(name_or_path, document)
    name = path.stem if path.suffix else posixpath.splitext(posixpath.basename(where))[0]
    return Spec(name, Path(where), document)


def _check(name: str, document: dict[str, Any]) -> None:
    try:
        validate(document)
    except ValidationError as error:
        where = "/".join(map(str, error.absolute_path)) or "(document)"
        raise SpecLoadError(
            f"{name}: not a valid OpenAPI document: {where}: {_one_line(error.message)}"
        ) from None
    except Unresolvable as error:
        raise SpecLoadError(_one_line(f"{name}: unresolvable $ref {error}")) from None
    except OpenAPIError as error:
        raise SpecLoadError(_one_line(f"{name}: not an OpenAPI 3 document ({error!r})")) from None
    except RecursionError:
        raise SpecLoadError(f"{name}: $refs nested too deep (a cycle?)") from None
    bad = next(_dangling(document, document), None)
    if bad is not None:
        raise SpecLoadError(f"{name}: unresolvable $ref {bad!r}")


def _dangling(node: Any, document: Mapping[str, Any]) -> Iterator[str]:
    """$refs that name nothing (the validator does not follow every one)."""
    if isinstance(node, Mapping):
        ref = node.get("$ref")
        if isinstance(ref, str) and not _points(document, ref):
            yield ref
        for value in node.values():
            yield from _dangling(value, document)
    elif isinstance(node, list):
        for value in node:
            yield from _dangling(value, document)


def _points(document: Mapping[str, Any], ref: str) -> bool:
    if not ref.startswith("#"):
        return False
    target: Any = document
    for part in ref[2:].split("/") if len(ref) > 1 else []:
        key = part.replace("~1", "/").replace("~0", "~")
        if isinstance(target, Mapping) and key in target:
            target = target[key]
        elif isinstance(target, list) and key.isdigit() and int(key) < len(target):
            target = target[int(key)]
        else:
            return False
    return True


def _one_line(error: object) -> str:
    return " ".join(str(error).split())[:200]
