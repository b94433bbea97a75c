"""A value derived once per object, remembered by the object's identity.

For frozen objects that are handed out again and again: a Tenant (the auth cache hands out the same
object until it re-reads the tenant, so a value derived from its settings is built once per read, not
per request) or a tuple of detectors. The entry holds the object, so its `id` is not reused while the
entry lives; a new object (a re-read tenant) is a new entry, so changed settings are never served from
here. Bounded: cleared when full, and rebuilt on demand.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

__all__ = ["IdentityMemo"]

_O = TypeVar("_O")
_V = TypeVar("_V")


class IdentityMemo(Generic[_O, _V]):
    __slots__ = ("_bound", "_entries")

    def __init__(self, bound: int) -> None:
        self._bound = bound
        self._entries: dict[Any, tuple[_O, _V]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, obj: _O, make: Callable[[_O], _V], extra: Hashable = None) -> _V:
        """`make(obj)`, built once per object (and `extra`, e.g. a model name) while remembered."""
        key = id(obj) if extra is None else (id(obj), extra)
        found = self._entries.get(key)
        if found is not None and found[0] is obj:
            return found[1]
        value = make(obj)
        if len(self._entries) >= self._bound:
            self._entries.clear()
        self._entries[key] = (obj, value)
        return value
