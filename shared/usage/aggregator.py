"""Per-instance usage buffer: requests add to memory; one batched ledger write per interval.

No Firestore write sits on a request's critical path. A flush is scheduled as a background
task when the interval has passed (checked on each `add`), and `drain` writes everything at
shutdown (the runtime calls it when the serving loop stops, on SIGTERM); if a write fails or is
cancelled, its deltas go back into the buffer for the next flush. Loss bound: an instance killed
without SIGTERM (SIGKILL, OOM, host loss) loses at most what it served since its last flush,
`usage_flush_interval_s` of traffic; the request logs hold it, and `shared.usage.reconcile`
restores it (docs/decisions/2026-11-29-hardening.md).
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
        if not self._buffer:
            return
        loop = asyncio.get_running_loop()
        if self._task is None or self._task.done():
            self._task = loop.create_task(self.flush())
        else:  # a flush is in flight: what arrived meanwhile must not wait for the next request
            loop.call_later(max(self._interval, 0.05), self._flush_soon)

    def pending(self) -> dict[UsageKey, UsageDelta]:
        return dict(self._buffer)

    async def flush(self) -> None:
        self._last_flush = self._clock()
        if not self._buffer:
            return
        batch, self._buffer = self._buffer, {}
        try:
            await self._ledger.write(batch)
        except BaseException as error:  # failed or cancelled (shutdown): nothing is dropped
            for key, delta in batch.items():
                self.add_back(key, delta)
            if not isinstance(error, Exception):
                raise
            log.warning("usage flush failed; will retry", extra={"error": type(error).__name__})

    async def drain(self) -> None:
        """Write everything buffered: wait for a flush in flight (its deltas come back if it was
        cancelled), then flush the rest. Called at shutdown."""
        task = self._task
        if task is not None and not task.done() and task is not asyncio.current_task():
            await asyncio.wait([task])
        await self.flush()

    def add_back(self, key: UsageKey, delta: UsageDelta) -> None:
        current = self._buffer.setdefault(key, UsageDelta())
        current.add(delta)
