"""Per-request latency split, rendered as a `Server-Timing` header and a log field."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["Timings"]


class Timings:
    """Accumulates named spans (ms). `gateway` is total minus upstream: Gatehouse's own cost."""

    __slots__ = ("_clock", "_start", "spans")

    def __init__(self, clock: Callable[[], float] = time.perf_counter) -> None:
        self._clock = clock
        self._start = clock()
        self.spans: dict[str, float] = {}

    @contextmanager
    def span(self, name: str) -> Iterator[None]:
        start = self._clock()
        try:
            yield
        finally:
            self.add(name, (self._clock() - start) * 1000.0)

    def add(self, name: str, ms: float) -> None:
        self.spans[name] = self.spans.get(name, 0.0) + ms

    def elapsed_ms(self) -> float:
        return (self._clock() - self._start) * 1000.0

    def summary(self) -> dict[str, float]:
        total = self.elapsed_ms()
        out = dict(self.spans)
        out["gateway"] = max(0.0, total - self.spans.get("upstream", 0.0))
        out["total"] = total
        return out

    def header(self) -> str:
        return ", ".join(f"{name};dur={ms:.3f}" for name, ms in self.summary().items())
