"""Tenant and API-key reads that survive a tenant-store outage (serve-stale-on-error).

Every read goes through a `DependencyGuard` (short timeout under the request deadline, breaker).
A successful read is remembered as the last good record; when a read fails, the last good record
is served if it is at most `stale_s` old. A key this instance has never read (or whose record is
older than `stale_s`) gets 503 UNAVAILABLE at once. "Not found" answers are not remembered, so a
flood of random keys cannot evict real records. Revocation semantics: docs/decisions/2026-11-29-hardening.md.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from shared.errors import DeadlineExceeded, ServiceUnavailable
from shared.log import get_logger
from shared.resilience.guard import DependencyGuard
from shared.tenants import ApiKeyRecord, Tenant, TenantStore

__all__ = ["LastGoodRead", "ResilientTenantStore"]

T = TypeVar("T")
log = get_logger("gatehouse.auth")


class ResilientTenantStore:
    """A `TenantStore` wrapper: guarded reads with a bounded-staleness fallback; writes pass through."""

    def __init__(
        self,
        inner: TenantStore,
        guard: DependencyGuard,
        *,
        stale_s: float = 3600.0,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
        prepare: Callable[[], object] | None = None,
    ) -> None:
        self._inner = inner
        self._prepare = prepare  # builds the client (imports, no I/O) outside the timed call
        self._guard = guard
        self._stale_s = stale_s
        self._max_entries = max_entries
        self._clock = clock
        self._last: OrderedDict[tuple[str, str], tuple[float, Any]] = OrderedDict()
        self.stale_served = 0

    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        return await self._read(("tenant", tenant_id), lambda: self._inner.get_tenant(tenant_id))

    async def get_key(self, key_hash: str) -> ApiKeyRecord | None:
        return await self._read(("key", key_hash), lambda: self._inner.get_key(key_hash))

    async def put_tenant(self, tenant: Tenant) -> None:
        await self._inner.put_tenant(tenant)

    async def put_key(self, record: ApiKeyRecord) -> None:
        await self._inner.put_key(record)

    async def _read(self, slot: tuple[str, str], make: Callable[[], Awaitable[T | None]]) -> T | None:
        if self._prepare is not None:
            self._prepare()
            self._prepare = None
        try:
            value = await self._guard.call(make)
        except (ServiceUnavailable, DeadlineExceeded) as error:
            hit = self._last.get(slot)
            if hit is None or self._clock() - hit[0] > self._stale_s:
                raise ServiceUnavailable(
                    "the tenant store is unavailable and this API key is not cached here; retry shortly",
                    retry_after=error.retry_after or 1,
                ) from error
            self.stale_served += 1
            if self.stale_served == 1 or self.stale_served % 1000 == 0:
                log.warning(
                    "serving the last good tenant record while the store fails",
                    extra={
                        "kind": slot[0],
                        "age_s": round(self._clock() - hit[0], 1),
                        "error": error.message,
                    },
                )
            stale: T = hit[1]
            return stale
        if value is None:
            self._last.pop(slot, None)
        else:
            self._last[slot] = (self._clock(), value)
            self._last.move_to_end(slot)
            while len(self._last) > self._max_entries:
                self._last.popitem(last=False)
        return value


class LastGoodRead(Generic[T]):
    """A guarded zero-argument read (the pepper rotation state) whose last good answer, None
    included ("no rotation" is a state), serves for `stale_s` while the read fails."""

    def __init__(
        self,
        read: Callable[[], Awaitable[T]],
        guard: DependencyGuard,
        *,
        stale_s: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._read = read
        self._guard = guard
        self._stale_s = stale_s
        self._clock = clock
        self._last: tuple[float, T] | None = None

    async def __call__(self) -> T:
        try:
            value = await self._guard.call(self._read)
        except (ServiceUnavailable, DeadlineExceeded):
            if self._last is None or self._clock() - self._last[0] > self._stale_s:
                raise
            return self._last[1]
        self._last = (self._clock(), value)
        return value
