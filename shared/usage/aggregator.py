"""Per-instance usage buffer: requests add to memory; one batched ledger write per interval.

No Firestore write sits on a request's critical path. A flush is scheduled as a background
task when the interval has passed (checked on each `add`) and at shutdown (`flush`); if a
write fails, its deltas go back into the buffer for the next flush.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from shared.log import get_logger
from shared.usage.ledger import Ledger, UsageDelta, UsageKey

__all__ = ["UsageAggregator"]

log = get_logger("gatehouse.usage")


class UsageAggregator:
    def __init__(
        self,
        ledger: Ledger,
        interval_s: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ledger = ledger
        self._interval = interval_s
        self._clock = clock
        self._buffer: dict[UsageKey, UsageDelta] = {}
        self._last_flush = clock()
        self._task: asyncio.Task[None] | None = None

    def add(self, key: UsageKey, delta: UsageDelta) -> None:
        was_empty = not self._buffer
        current = self._buffer.get(key)
        if current is None:
            self._buffer[key] = delta
        else:
            current.add(delta)
        loop = asyncio.get_running_loop()
        if self._clock() - self._last_flush >= self._interval and (self._task is None or self._task.done()):
            self._task = loop.create_task(self.flush())
        elif was_empty:  # the last requests before a quiet spell must not wait for a next request
            loop.call_later(self._interval, self._flush_soon)

    def _flush_soon(self) -> None:
        if self._buffer and (self._task is None or self._task.done()):
            self._task = asyncio.get_running_loop().create_task(self.flush())

    def pending(self) -> dict[UsageKey, UsageDelta]:
        return dict(self._buffer)

    async def flush(self) -> None:
        self._last_flush = self._clock()
        if not self._buffer:
            return
        batch, self._buffer = self._buffer, {}
        try:
            await self._ledger.write(batch)
        except Exception as error:  # the ledger is best-effort per flush; nothing is dropped
            log.warning("usage flush failed; will retry", extra={"error": type(error).__name__})
            for key, delta in batch.items():
                self.add_back(key, delta)

    def add_back(self, key: UsageKey, delta: UsageDelta) -> None:
        current = self._buffer.setdefault(key, UsageDelta())
        current.add(delta)
