"""Concurrency across instances: slots leased from a shared holder map, released when idle.

An instance holds `n` slots under a lease that expires (`lease_s`, renewed while it uses them),
so a crashed instance's slots come back on their own. A request uses a held slot when one is
free (no I/O); otherwise a transaction asks for more, granted only while the live holders' sum
stays within the limit. When the instance goes idle it gives its slots back after `linger_s`.
While the store is unreachable an instance admits up to `outage_share` of the limit at once.
Contention on the holder map is not unreachability: `StoreContended` (the grant's bounded retries
all met it) refuses the call (503, Retry-After) and leaves the store marked up.
"""

from __future__ import annotations

import asyncio
import math
import os
import socket
import uuid
from collections.abc import Callable

from shared.limits.counter import BlockPolicy, Health
from shared.limits.store import CounterStore, StoreContended, StoreUnavailable

__all__ = ["Slots", "instance_id"]


def instance_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


class Slots:
    def __init__(
        self,
        key: str,
        name: str,
        holder: str,
        lease_s: float,
        clock: Callable[[], float],
        linger_s: float = 0.5,
    ) -> None:
        self.key = key
        self.name = name  # e.g. tenant.concurrent_requests
        self.limit = 0
        self.holder = holder
        self.lease_s = lease_s
        self.linger_s = linger_s
        self.clock = clock
        self.held = 0
        self.in_use = 0
        self.expires = 0.0
        self.outage = False
        self._lock = asyncio.Lock()
        self._idle: asyncio.TimerHandle | None = None

    def remaining(self) -> int:
        return max(0, self.limit - self.in_use) if self.outage else max(0, self.held - self.in_use)

    def take_local(self, limit: int, now: float) -> bool:
        """Use a held slot under a lease that is not yet half spent (no I/O); False: `acquire`."""
        self.limit = limit
        if self.in_use < self.held and self.expires - now > self.lease_s / 2:
            self.in_use += 1
            return True
        return False

    async def acquire(
        self, limit: int, store: CounterStore, policy: BlockPolicy, health: Health, fail_closed: bool = False
    ) -> bool:
        self.limit = limit
        now = self.clock()
        if self.in_use < self.held and self.expires - now > self.lease_s / 2:
            self.in_use += 1
            return True
        async with self._lock:
            now = self.clock()
            if self.in_use < self.held and self.expires - now > self.lease_s / 2:
                self.in_use += 1
                return True
            if not health.up:
                return self._outage(limit, policy, fail_closed)
            extra = min(max(1, int(limit * policy.max_share)), max(1, math.ceil(self.in_use / 4)))
            try:
                held = await store.lease(self.key, self.holder, self.in_use + extra, limit, now, self.lease_s)
            except StoreUnavailable as error:
                health.failed(error)
                return self._outage(limit, policy, fail_closed)
            self.outage = False
            self.held, self.expires = held, now + self.lease_s
            if self.in_use < held:
                self.in_use += 1
                return True
            return False

    def _outage(self, limit: int, policy: BlockPolicy, fail_closed: bool) -> bool:
        if fail_closed:
            raise StoreUnavailable("the limits store is unreachable")
        self.outage = True
        if self.in_use < math.ceil(limit * policy.outage_share):
            self.in_use += 1
            return True
        return False

    def release(self, store: CounterStore, health: Health) -> None:
        self.in_use = max(0, self.in_use - 1)
        if self.in_use == 0 and self.held and self._idle is None:
            loop = asyncio.get_running_loop()
            self._idle = loop.call_later(
                self.linger_s, lambda: loop.create_task(self._give_back(store, health))
            )

    async def _give_back(self, store: CounterStore, health: Health) -> None:
        self._idle = None
        if self.in_use or not self.held or not health.up:
            return
        async with self._lock:
            if self.in_use:
                return
            try:
                self.held = await store.lease(self.key, self.holder, 0, 0, self.clock(), self.lease_s)
            except StoreUnavailable as error:
                health.failed(error)  # the lease expires by itself
            except StoreContended:
                return  # the lease expires by itself; the next give-back or grant sets it
