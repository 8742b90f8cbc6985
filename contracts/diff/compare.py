"""Comparing two documents: operations, webhooks, servers, security, parameters, bodies and
statuses; the schemas under them go to `schemas.compare`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, Final

from ..specs import HTTP_METHODS, Spec
from . import lifecycle
from .context import Options, Where, resolve, same
from .rules import REQ, RES, Change
from .schemas import compare, flat, ref_name, renames, required, summary, types

ALL_OPERATIONS: Final = "(all operations)"


def diff_specs(old: Spec, new: Spec, options: Options | None = None) -> list[Change]:
    """Every change from `old` to `new`, in document order (global ones first), each once."""
    top = Where(old, new, ALL_OPERATIONS, REQ, "", options=options or Options())
    changes = [*_servers(top), *_security_schemes(top)]
    old_ops, new_ops = _operations(old), _operations(new)
    for key, was in old_ops.items():
        if key not in new_ops:
            where = replace(top, operation=was.label, prefix="operation")
            kind = lifecycle.removal("operation-removed", was.definition, top.options)
            changes.append(where.change(kind))
            continue
        now = new_ops[key]
        here = replace(top, operation=now.label)
        changes += lifecycle.changes(replace(here, prefix="operation"), was.definition,
                                     now.definition)  # fmt: skip
        old_id, new_id = was.definition.get("operationId"), now.definition.get("operationId")
        if old_id and new_id and old_id != new_id:
            changes.append(replace(here, prefix="operationId").change(
                "operation-id-changed", old_id, new_id))  # fmt: skip
        changes += _security(here, was.definition, now.definition)
        changes += _parameters(here, was, now)
        changes += _request_body(here, was.definition, now.definition)
        changes += _responses(replace(here, side=RES), was.definition, now.definition)
    for key, now in new_ops.items():
        if key not in old_ops:
            where = replace(top, operation=now.label, prefix="operation")
            changes.append(where.change("operation-added"))
    hooks = replace(top, side=RES)
    for key, was in old_ops.items():
        if key in new_ops:
            changes += _webhooks(hooks, _callbacks(old, was), _callbacks(new, new_ops[key]))
    label = lambda method, name: f"WEBHOOK {name} {method}"  # noqa: E731
    webhooks = (old.document.get("webhooks"), new.document.get("webhooks"))
    changes += _webhooks(hooks, _operations(old, webhooks[0] or {}, label),
                         _operations(new, webhooks[1] or {}, label))  # fmt: skip
    return list(dict.fromkeys(changes))


# --- document level ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Operation:
    label: str  # "POST /visit/events"
    path: str
    item: Mapping[str, Any]  # the path item, for its shared parameters
    definition: Mapping[str, Any]


_PATH_PARAMETER: Final = re.compile(r"\{([^}]*)\}")


def _operations(
    spec: Spec, items: Any = None, label: Callable[[str, str], str] | None = None
) -> dict[tuple[str, str], _Operation]:
    """(method, path with its parameters unnamed) -> operation, of `paths` (or of other path
    items: webhooks, callbacks, labelled by `label(METHOD, name)`)."""
    if items is None:
        items = spec.document.get("paths")
    found: dict[tuple[str, str], _Operation] = {}
    for path, item in (items or {}).items():
        item = resolve(spec, item)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), Mapping):
                text = label(method.upper(), str(path)) if label else f"{method.upper()} {path}"
                found[(method, _PATH_PARAMETER.sub("{}", str(path)))] = _Operation(
                    text, str(path), item, item[method]
                )
    return found


def _callbacks(spec: Spec, op: _Operation) -> dict[tuple[str, str], _Operation]:
    """An operation's callbacks (3.0 and 3.1), `name expression` -> path item."""
    items: dict[str, Any] = {}
    for name, callback in (op.definition.get("callbacks") or {}).items():
        for expression, item in resolve(spec, callback).items():
            if not str(expression).startswith("x-"):
                items[f"{name} {expression}"] = item
    return _operations(spec, items, lambda method, path: f"{op.label} CALLBACK {path} {method}")


def _webhooks(
    top: Where, old: dict[tuple[str, str], _Operation], new: dict[tuple[str, str], _Operation]
) -> list[Change]:
    """Webhooks (3.1) and callbacks: what the API sends to its clients. Their bodies are read by
    the client (the response side); one removed is a call clients stop receiving."""
    changes: list[Change] = []
    for key, was in old.items():
        here = replace(top, operation=was.label, prefix="webhook")
        if key not in new:
            changes.append(here.change("webhook-removed"))
            continue
        old_body = resolve(top.old, was.definition.get("requestBody", {}))
        new_body = resolve(top.new, new[key].definition.get("requestBody", {}))
        body = replace(here, prefix="webhook body")
        changes += _contents(body, old_body.get("content") or {}, new_body.get("content") or {})
    for key, now in new.items():
        if key not in old:
            changes.append(replace(top, operation=now.label, prefix="webhook").change(
                "webhook-added"))  # fmt: skip
    return changes


def _servers(top: Where) -> Iterator[Change]:
    here = replace(top, prefix="servers")
    old = [str(s.get("url")) for s in top.old.document.get("servers") or []]
    new = [str(s.get("url")) for s in top.new.document.get("servers") or []]
    for url in old:
        if url not in new:
            yield here.change("server-removed", url, None)
    for url in new:
        if url not in old:
            yield here.change("server-added", None, url)


def _needed_schemes(top: Where) -> set[str]:
    """The old spec's security schemes some client may still need: named by a requirement of an
    operation that no new requirement satisfies (or of an operation removed)."""
    new_ops = _operations(top.new)
    needed: set[str] = set()
    for key, op in _operations(top.old).items():
        new = _requirements(top.new, new_ops[key].definition) if key in new_ops else []
        for requirement in _requirements(top.old, op.definition):
            if not any(_satisfies(requirement, alternative) for alternative in new):
                needed |= set(requirement)
    return needed


def _security_schemes(top: Where) -> Iterator[Change]:
    old = (top.old.document.get("components") or {}).get("securitySchemes") or {}
    new = (top.new.document.get("components") or {}).get("securitySchemes") or {}
    needed = _needed_schemes(top)
    for name, scheme in old.items():
        here = replace(top, prefix="security scheme", path=name)
        if name not in new:
            kind = "security-scheme-removed" if name in needed else "unused-security-scheme-removed"
            yield here.change(kind, _scheme(top.old, scheme), None)
        elif not same(_scheme(top.old, scheme), _scheme(top.new, new[name])):
            yield here.change(
                "security-scheme-changed", _scheme(top.old, scheme), _scheme(top.new, new[name])
            )
    for name, scheme in new.items():
        if name not in old:
            here = replace(top, prefix="security scheme", path=name)
            yield here.change("security-scheme-added", None, _scheme(top.new, scheme))


def _scheme(spec: Spec, scheme: Mapping[str, Any]) -> str:
    """What of a security scheme a client depends on (not its description)."""
    scheme = resolve(spec, scheme)
    kept = {k: v for k, v in scheme.items() if k != "description" and not k.startswith("x-")}
    return json.dumps(kept, sort_keys=True, default=str)


Requirement = dict[str, frozenset[str]]


def _security(here: Where, old_op: Mapping[str, Any], new_op: Mapping[str, Any]) -> list[Change]:
    """Security requirements are alternatives: a client keeps working when some new alternative
    asks for no more than the one it uses (same schemes or fewer, same scopes or fewer)."""
    old = _requirements(here.old, old_op)
    new = _requirements(here.new, new_op)
    where = replace(here, prefix="security")
    changes: list[Change] = []
    for requirement in old:
        if not any(_satisfies(requirement, alternative) for alternative in new):
            changes.append(where.change("security-requirement-removed", _label(requirement)))
    for requirement in new:
        if requirement not in old:
            changes.append(where.change("security-requirement-added", None, _label(requirement)))
    return changes


def _satisfies(held: Requirement, wanted: Requirement) -> bool:
    return all(name in held and scopes <= held[name] for name, scopes in wanted.items())


def _requirements(spec: Spec, op: Mapping[str, Any]) -> list[Requirement]:
    requirements = op.get("security", spec.document.get("security")) or []
    if not requirements:
        return [{}]  # anonymous
    return [
        {str(name): frozenset(map(str, scopes or [])) for name, scopes in requirement.items()}
        for requirement in requirements
    ]


def _label(requirement: Requirement) -> str:
    """A requirement as `scheme[scopes]+scheme`; `anonymous` for none needed."""
    return (
        "+".join(
            f"{name}[{','.join(sorted(scopes))}]" if scopes else name
            for name, scopes in sorted(requirement.items())
        )
        or "anonymous"
    )


# --- parameters -------------------------------------------------------------------------------

# OpenAPI's default style and explode per parameter location.
_SERIALIZATION: Final = {
    "query": ("form", True),
    "cookie": ("form", True),
    "path": ("simple", False),
    "header": ("simple", False),
}


def _parameter_map(spec: Spec, op: _Operation) -> dict[str, Any]:
    """`in name` -> parameter; operation parameters override the path item's. Header names are
    case-free; a path parameter is known by its place in the path (its name is not sent)."""
    places = {name: place for place, name in enumerate(_PATH_PARAMETER.findall(op.path))}
    found: dict[str, Any] = {}
    for parameter in [*op.item.get("parameters", []), *op.definition.get("parameters", [])]:
        parameter = resolve(spec, parameter)
        where, name = str(parameter.get("in")), str(parameter.get("name"))
        if where == "header":
            name = name.lower()
        elif where == "path" and name in places:
            name = f"#{places[name]}"
        found[f"{where} {name}"] = parameter
    return found


def _parameter_schema(spec: Spec, parameter: Mapping[str, Any]) -> Any:
    if "schema" in parameter:
        return parameter["schema"]
    for media in (parameter.get("content") or {}).values():
        return media.get("schema", {})
    return {}


def _parameters(here: Where, was: _Operation, now: _Operation) -> list[Change]:
    old = _parameter_map(here.old, was)
    new = _parameter_map(here.new, now)
    renamed: dict[str, str] = {}
    for where in {p["in"] for p in old.values()}:
        gone = [k for k, p in old.items() if p["in"] == where and k not in new]
        came = [k for k, p in new.items() if p["in"] == where and k not in old]
        renamed |= renames(
            gone,
            came,
            lambda k: types(_flat_schema(here.old, old[k])),
            lambda k: types(_flat_schema(here.new, new[k])),
            name=lambda k: k.partition(" ")[2],
        )
    changes: list[Change] = []
    for key, parameter in old.items():
        target = key if key in new else renamed.get(key)
        old_schema = _parameter_schema(here.old, parameter)
        if target is None:
            where = replace(here, prefix=parameter["in"], path=parameter["name"])
            kind = lifecycle.removal("param-removed", parameter, here.options)
            changes.append(where.change(kind, summary(here.old, old_schema), None))
            continue
        counterpart = new[target]
        where = replace(here, prefix=counterpart["in"], path=counterpart["name"])
        if target != key:
            changes.append(where.change("param-renamed", parameter["name"], counterpart["name"]))
        changes += lifecycle.changes(where, parameter, counterpart)
        changes += required(where, _param_required(parameter), _param_required(counterpart))
        old_way, new_way = _serialization(parameter), _serialization(counterpart)
        if old_way != new_way:
            changes.append(where.change("serialization-changed", old_way, new_way))
        new_schema = _parameter_schema(here.new, counterpart)
        changes += compare(where, old_schema, new_schema)
    for key, parameter in new.items():
        if key not in old and key not in renamed.values():
            where = replace(here, prefix=parameter["in"], path=parameter["name"])
            kind = "required-param-added" if _param_required(parameter) else "param-added"
            schema = _parameter_schema(here.new, parameter)
            changes.append(where.change(kind, None, summary(here.new, schema)))
    return changes


def _flat_schema(spec: Spec, parameter: Mapping[str, Any]) -> Mapping[str, Any]:
    return flat(spec, _parameter_schema(spec, parameter))


def _param_required(parameter: Mapping[str, Any]) -> bool:
    return parameter.get("in") == "path" or bool(parameter.get("required"))


def _serialization(parameter: Mapping[str, Any]) -> str:
    style, explode = _SERIALIZATION.get(str(parameter.get("in")), ("form", True))
    style = str(parameter.get("style", style))
    explode = bool(parameter.get("explode", style == "form"))
    return f"style={style} explode={str(explode).lower()}"


# --- bodies and responses ---------------------------------------------------------------------


def _request_body(
    here: Where, old_op: Mapping[str, Any], new_op: Mapping[str, Any]
) -> list[Change]:
    old = resolve(here.old, old_op.get("requestBody", {}))
    new = resolve(here.new, new_op.get("requestBody", {}))
    body = replace(here, prefix="request body")
    changes = required(body, bool(old.get("required")), bool(new.get("required")))
    old_limit, new_limit = old.get("x-max-body-bytes"), new.get("x-max-body-bytes")
    if old_limit != new_limit:
        tighter = old_limit is None or (new_limit is not None and new_limit < old_limit)
        kind = "body-limit-tightened" if tighter else "body-limit-loosened"
        changes.append(body.change(kind, old_limit, new_limit))
    return changes + _contents(body, old.get("content") or {}, new.get("content") or {})


def _responses(here: Where, old_op: Mapping[str, Any], new_op: Mapping[str, Any]) -> list[Change]:
    old = {str(status): r for status, r in (old_op.get("responses") or {}).items()}
    new = {str(status): r for status, r in (new_op.get("responses") or {}).items()}
    changes: list[Change] = []
    # Clients handle the success statuses they know: when none of them is left, success comes
    # under a status they do not expect (200 -> 201). One removed while another stays is fine.
    successes_left = any(_success(status) for status in old if status in new)
    for status, response in old.items():
        where = replace(here, prefix=f"response {status}")
        if status not in new:
            lost = _success(status) and not successes_left
            changes.append(where.change("success-status-removed" if lost else "status-removed"))
            continue
        old_response, new_response = resolve(here.old, response), resolve(here.new, new[status])
        changes += _headers(where, old_response, new_response)
        old_content = old_response.get("content") or {}
        new_content = new_response.get("content") or {}
        changes += _contents(where, old_content, new_content)
    for status in new:
        if status not in old:
            changes.append(replace(here, prefix=f"response {status}").change("status-added"))
    return changes


def _success(status: str) -> bool:
    return status.startswith("2")


def _headers(here: Where, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Response headers, names case-free: removed, added, made optional, their schemas."""
    before = {str(k).lower(): resolve(here.old, v) for k, v in (old.get("headers") or {}).items()}
    after = {str(k).lower(): resolve(here.new, v) for k, v in (new.get("headers") or {}).items()}
    changes: list[Change] = []
    prefix = f"{here.prefix} header"
    for name, header in before.items():
        where = replace(here, prefix=prefix, path=name)
        if name not in after:
            kind = (
                "required-response-header-removed" if header.get("required")
                else "response-header-removed"
            )  # fmt: skip
            changes.append(
                where.change(kind, summary(here.old, _parameter_schema(here.old, header)), None)
            )
            continue
        changes += required(where, bool(header.get("required")), bool(after[name].get("required")))
        changes += lifecycle.changes(where, header, after[name])
        changes += compare(where, _parameter_schema(here.old, header),
                           _parameter_schema(here.new, after[name]))  # fmt: skip
    for name in after:
        if name not in before:
            changes.append(replace(here, prefix=prefix, path=name).change("response-header-added"))
    return changes


def _contents(here: Where, old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    old = {str(media).lower(): content for media, content in old.items()}
    new = {str(media).lower(): content for media, content in new.items()}
    changes: list[Change] = []
    for media, content in old.items():
        if media not in new:
            changes.append(here.at(media).change("media-type-removed"))
            continue
        old_schema = (content or {}).get("schema", {})
        new_schema = (new[media] or {}).get("schema", {})
        root = here.at(ref_name(new_schema) or ref_name(old_schema) or "")
        changes += compare(root, old_schema, new_schema)
    for media in new:
        if media not in old:
            changes.append(here.at(media).change("media-type-added"))
    return changes
