"""L1: the per-instance edge cache. An LRU with a TTL per entry, bounded in bytes; no I/O."""

from __future__ import annotations

import sys
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["L1Entry", "MemoryCache"]


@dataclass(slots=True)
class L1Entry:
    value: bytes
    expires: float
    tenant: str
    model: str
    # what serving this answer saves (tokens, USD or None when unpriced), a function of the entry
    # alone: priced on its first hit and kept here (the cache stage's, shared/cache/stage.py)
    saved: tuple[int, float | None] | None = None


# Bookkeeping per entry beyond the key and value objects: the entry object, its OrderedDict node and
# dict slot (measured with tracemalloc: ~154 bytes on CPython 3.11), and once it has been served
# its priced savings (a tuple of an int and a float: ~112 more), rounded up.
_OVERHEAD = 288


def _footprint(key: str, value: bytes) -> int:
    """What an entry holds: the key and value objects as allocated, plus the bookkeeping."""
    return sys.getsizeof(key) + sys.getsizeof(value) + _OVERHEAD


class MemoryCache:
    """Values are serialized answers (bytes). The byte budget counts what each entry really holds:
    the key and value objects (`sys.getsizeof`) plus a fixed bookkeeping overhead. Values are
    stored as exact-size copies: orjson returns bytes with spare capacity (a 30 KB answer sits
    in a ~250 KB allocation), which `len()` and `getsizeof()` both hide, so keeping orjson's
    object would let the process grow to several times the budget.

    Not thread-safe: it lives on one event loop. Entries larger than `max_entry_bytes` are
    not kept, so one huge answer cannot flush the whole instance.
    """

    def __init__(
        self,
        max_bytes: int,
        max_entry_bytes: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_entry_bytes if max_entry_bytes is not None else max(1, max_bytes // 16)
        self._clock = clock
        self._data: OrderedDict[str, L1Entry] = OrderedDict()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: str) -> bytes | None:
        entry = self.entry(key)
        return None if entry is None else entry.value

    def entry(self, key: str) -> L1Entry | None:
        """The live entry under `key` (its value is `get`'s), marked as recently used."""
        entry = self._data.get(key)
        if entry is None:
            return None
        if entry.expires <= self._clock():
            self._drop(key)
            return None
        self._data.move_to_end(key)
        return entry

    def put(self, key: str, value: bytes, ttl_s: float, tenant: str = "", model: str = "") -> bool:
        size = _footprint(key, value)
        if size > self.max_entry_bytes or ttl_s <= 0:
            return False
        if key in self._data:
            self._drop(key)
        compact = memoryview(value).tobytes()  # exact-size copy: drops orjson's spare capacity
        # interned: one string per tenant and model, not one per entry
        self._data[key] = L1Entry(compact, self._clock() + ttl_s, sys.intern(tenant), sys.intern(model))
        self.bytes += size
        while self.bytes > self.max_bytes and self._data:
            self._drop(next(iter(self._data)))
        return True

    def purge(self, tenant: str, model: str | None = None) -> int:
        doomed = [k for k, e in self._data.items() if e.tenant == tenant and model in (None, e.model)]
        for key in doomed:
            self._drop(key)
        return len(doomed)

    def _drop(self, key: str) -> None:
        entry = self._data.pop(key)
        self.bytes -= _footprint(key, entry.value)
