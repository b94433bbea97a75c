"""One windowed limit as one instance sees it: a local pool of units leased in blocks.

The fast path is arithmetic on the pool. When the pool cannot cover a request, the instance takes
a block from the shared counter (one Firestore `Increment`) and keeps whatever part of it fits
under the limit. Units are only ever handed out below the limit, so instances together never
admit more than the limit; what a block costs is under-use: units an instance took but did not
spend before the window ended (at most one block per instance per window).

Block size follows the instance's recent rate: a block used up within `target_s` doubles the
next one, a slower one shrinks it towards rate x `target_s` (one take per counter per `target_s`
under steady load). It is at least what the request needs and at most `max_share` of the
window's limit (so a 60 RPM tenant takes one to three units at a time: it cannot generate load).

When the store is unreachable the instance serves a local allowance per window: what the last
known counter left, capped at `outage_share` of the limit (bounded overshoot: instances x that).
A take that met contention on every attempt (`StoreContended`) is not an outage: the request is
refused with 503 and the store stays marked up.
"""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from dataclasses import dataclass

from shared.limits.store import CounterStore, StoreContended, StoreUnavailable
from shared.log import get_logger

__all__ = ["BlockPolicy", "Counter", "Health"]

log = get_logger("gatehouse.limits")


@dataclass(frozen=True, slots=True)
class BlockPolicy:
    target_s: float = 10.0
    max_share: float = 0.05
    outage_share: float = 0.1
    cooldown_s: float = 5.0


class Health:
    """Shared by an instance's counters: after a store failure, skip the store for `cooldown_s`."""

    def __init__(self, cooldown_s: float, clock: Callable[[], float]) -> None:
        self.cooldown_s = cooldown_s
        self.clock = clock
        self.down_until = 0.0

    def failed(self, error: StoreUnavailable) -> None:
        if self.clock() >= self.down_until:
            log.warning(
                "limits store unreachable; serving local allowances",
                extra={"error": error.message, "cooldown_s": self.cooldown_s},
            )
        self.down_until = self.clock() + self.cooldown_s

    @property
    def up(self) -> bool:
        return self.clock() >= self.down_until


class Counter:
    """A (scope, metric) limit in this instance; `reset` moves it to a new window."""

    __slots__ = (
        "_lock",
        "_pending",
        "base",
        "debt",
        "exhausted",
        "extra",
        "got",
        "key",
        "last_block",
        "last_take",
        "limit",
        "outage_granted",
        "pool",
        "start",
        "used_seen",
        "window",
        "window_end",
    )

    def __init__(self, key: str) -> None:
        self.key = key  # counter name without the window
        self.window = -1
        self.window_end = 0.0
        self.start = 0.0
        self.limit = 0
        self.pool = 0
        self.used_seen = -1  # the shared counter after our last take; -1: not read this window
        # units spent in this window = got - pool + extra, derived rather than counted per request:
        self.got = 0  # units put in the pool (blocks granted, outage allowance)
        self.extra = 0  # units charged beyond the pool (settlement above the reservation)
        self.last_block = 0
        self.last_take = 0.0
        self.outage_granted = 0
        self.exhausted = False
        self.debt = 0
        self.base = 0  # remaining() - pool, kept by `rebase` (the admission's fast path reads it)
        self._lock: asyncio.Lock | None = None
        self._pending: asyncio.Task[None] | None = None

    def roll(self, window: int, end: float, length: float, limit: int, now: float) -> None:
        if window == self.window:
            self.limit = limit
            self.rebase()
            return
        self.window, self.window_end, self.start, self.limit = window, end, end - length, limit
        self.pool = self.got = self.extra = self.outage_granted = 0
        self.used_seen = -1
        self.exhausted = False
        self.rebase()

    def rebase(self) -> None:
        """Recompute `base` after `limit`, `used_seen`, `got` or `extra` changed (never `pool`:
        what is left is `base + pool`, at least 0)."""
        seen = self.used_seen
        self.base = (
            (self.limit - seen if self.limit > seen else 0)
            if seen >= 0
            else self.limit - self.got - self.extra
        )

    def doc(self, window: int | None = None) -> str:
        return f"{self.key}__{self.window if window is None else window}"

    @property
    def spent(self) -> int:
        """Units this instance spent in the window (refunds given back)."""
        return self.got - self.pool + self.extra

    def remaining(self) -> int:
        """Units this instance believes are left in the window (exact at block size 1): after a take,
        what the shared counter left plus the pool; before one, the limit less what was spent here."""
        left = self.base + self.pool
        return left if left > 0 else 0

    def take_local(self, units: int) -> bool:
        if self.pool >= units:
            self.pool -= units
            return True
        return False

    def block(self, need: int, policy: BlockPolicy, now: float) -> int:
        interval = now - self.last_take
        if interval < policy.target_s:
            size = 2 * self.last_block
        else:  # the last block lasted `interval`: size the next one to `target_s` at that rate
            size = math.ceil(self.last_block * policy.target_s / interval)
        cap = max(1, int(self.limit * policy.max_share))
        block = max(need, min(size, cap), 1)
        self.last_block, self.last_take = block, now
        return block

    async def reserve(
        self,
        units: int,
        store: CounterStore,
        policy: BlockPolicy,
        health: Health,
        now: float,
        fail_closed: bool = False,
    ) -> bool:
        """Take `units` for one request; False when the limit cannot cover them in this window."""
        if self.take_local(units):
            return True
        if self.exhausted:
            return False
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:  # one take per counter at a time; waiters re-check the pool
            if self.take_local(units):
                return True
            if self.exhausted:
                return False
            if not health.up:
                return self._outage(units, policy, fail_closed)
            need = units - self.pool
            block = self.block(need, policy, now)
            window = self.window
            try:
                used = await store.take(self.doc(), block, self.window_end + 86_400)
            except StoreUnavailable as error:
                health.failed(error)
                return self._outage(units, policy, fail_closed)
            if window != self.window:  # the window rolled while we waited: count nothing twice
                return self.take_local(units)
            before = used - block
            granted = max(0, min(block, self.limit - before))
            self.pool += granted
            self.got += granted
            self.used_seen = used
            self.rebase()
            if used >= self.limit:
                self.exhausted = True
            return self.take_local(units)

    def _outage(self, units: int, policy: BlockPolicy, fail_closed: bool) -> bool:
        if fail_closed:
            raise StoreUnavailable("the limits store is unreachable")
        known_left = self.limit - self.used_seen if self.used_seen >= 0 else self.limit
        allowance = min(known_left, math.ceil(self.limit * policy.outage_share))
        if self.outage_granted + units > allowance:
            return False
        self.outage_granted += units
        self.pool += units
        self.got += units
        self.rebase()
        return self.take_local(units)

    def refund(self, units: int, window: int) -> None:
        """Give back reserved units the request did not use (only while their window lasts)."""
        if window == self.window and units > 0:
            self.pool += units

    def charge(self, units: int, window: int, store: CounterStore, health: Health) -> None:
        """Count units spent beyond the reservation: from the pool, else onto the shared counter
        (in the background, coalesced: at most one write in flight per counter)."""
        if units <= 0:
            return
        if window == self.window:
            local = min(units, self.pool)
            self.pool -= local
            self.extra += units - local
            self.rebase()
            units -= local
        if units <= 0:
            return
        self.debt += units
        if self._pending is None or self._pending.done():
            self._pending = asyncio.get_running_loop().create_task(
                self._flush(self.doc(window), store, health)
            )

    async def _flush(self, doc: str, store: CounterStore, health: Health) -> None:
        while self.debt > 0:
            units, self.debt = self.debt, 0
            try:
                used = await store.take(doc, units, self.window_end + 86_400)
            except StoreUnavailable as error:
                health.failed(error)  # the excess stays uncounted: within the outage bound
                return
            except StoreContended:
                self.debt += units  # counted by the next flush
                return
            if doc == self.doc() and used >= self.limit:
                self.exhausted = True
