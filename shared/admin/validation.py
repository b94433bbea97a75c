"""Strict admin input: unknown fields are rejected by walking the pydantic model, at any depth.

Stored profiles are read leniently (`extra="ignore"`, so older code reads newer data); what an
admin sends is checked field by field against the same models first, so a misspelt key (e.g.
`cache.ttl` for `cache.ttl_s`) is a 400 naming it instead of a setting silently ignored.
Updates are JSON merge patches (RFC 7386): objects merge, `null` resets a field to its default.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from shared.errors import InvalidRequest

__all__ = ["invalid_from", "merge_patch", "reject_fields", "unknown_fields", "validate_strict"]

M = TypeVar("M", bound=BaseModel)


def unknown_fields(model: type[BaseModel], data: Any, path: str = "") -> list[str]:
    """Dotted paths of every key in `data` that `model` (recursively) does not define."""
    if not isinstance(data, Mapping):
        return []
    found: list[str] = []
    fields = model.model_fields
    by_alias = {f.alias: name for name, f in fields.items() if f.alias}
    for key, value in data.items():
        name = key if key in fields else by_alias.get(key)
        where = f"{path}.{key}" if path else str(key)
        if name is None:
            found.append(where)
            continue
        found += _walk(fields[name].annotation, value, where)
    return found


def _walk(annotation: Any, value: Any, path: str) -> list[str]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return _walk(args[0], value, path)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return unknown_fields(annotation, value, path)
    if origin in (typing.Union, types.UnionType):
        candidates = [_walk(arg, value, path) for arg in args if _has_models(arg)]
        return min(candidates, key=len) if candidates else []  # the member the value fits best
    if origin in (dict, Mapping) and isinstance(value, Mapping) and len(args) == 2:
        return [e for k, v in value.items() for e in _walk(args[1], v, f"{path}.{k}")]
    if origin in (tuple, list, set, frozenset) and isinstance(value, list | tuple) and args:
        item = args[0]
        return [e for i, v in enumerate(value) for e in _walk(item, v, f"{path}[{i}]")]
    return []


def _has_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_has_models(arg) for arg in typing.get_args(annotation))


def reject_fields(data: Mapping[str, Any], paths: Iterable[str], why: str) -> None:
    """400 when `data` sets any of the dotted `paths` (server-owned fields)."""
    for path in paths:
        node: Any = data
        for part in path.split("."):
            if not isinstance(node, Mapping) or part not in node:
                break
            node = node[part]
        else:
            raise InvalidRequest(why, field=path)


def invalid_from(error: ValidationError) -> InvalidRequest:
    """The first pydantic error as a 400 naming the field (`routing.plans.fast.targets[0].region`)."""
    item = error.errors()[0]
    parts: list[str] = []
    for part in item["loc"]:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif not str(part).startswith(("function-", "literal[", "is-instance[")):  # union members
            parts.append(("." if parts else "") + str(part))
    message = str(item["msg"]).removeprefix("Value error, ")
    return InvalidRequest(message, field="".join(parts) or None)


def validate_strict(model: type[M], data: Any, *, server_fields: Iterable[str] = ()) -> M:
    """Validate admin input: an object, no unknown or server-owned fields, then the model's own rules."""
    if not isinstance(data, Mapping):
        raise InvalidRequest("the body must be a JSON object")
    unknown = unknown_fields(model, data)
    if unknown:
        raise InvalidRequest("unknown field (check the spelling)", field=unknown[0])
    reject_fields(data, server_fields, "is set by the server, not by an admin")
    try:
        return model.model_validate(dict(data))
    except ValidationError as error:
        raise invalid_from(error) from None


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON merge patch: objects merge recursively, `null` removes, anything else replaces."""
    if not isinstance(patch, Mapping):
        return patch
    out = dict(target) if isinstance(target, Mapping) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out
