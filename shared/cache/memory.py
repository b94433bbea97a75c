"""L1: the per-instance edge cache. An LRU with a TTL per entry, bounded in bytes; no I/O."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["MemoryCache"]


@dataclass(slots=True)
class _Entry:
    value: bytes
    expires: float
    tenant: str
    model: str


_OVERHEAD = 200  # bytes of bookkeeping per entry (dict slot, entry object, key string header)


class MemoryCache:
    """Values are serialized answers (bytes); value + key + a fixed overhead is what the byte
    budget counts.

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
        self._data: OrderedDict[str, _Entry] = OrderedDict()
        self.bytes = 0

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: str) -> bytes | None:
        entry = self._data.get(key)
        if entry is None:
            return None
        if entry.expires <= self._clock():
            self._drop(key)
            return None
        self._data.move_to_end(key)
        return entry.value

    def put(self, key: str, value: bytes, ttl_s: float, tenant: str = "", model: str = "") -> bool:
        size = len(value) + len(key) + _OVERHEAD
        if size > self.max_entry_bytes or ttl_s <= 0:
            return False
        if key in self._data:
            self._drop(key)
        self._data[key] = _Entry(value, self._clock() + ttl_s, tenant, model)
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
        self.bytes -= len(entry.value) + len(key) + _OVERHEAD
