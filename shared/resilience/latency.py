"""Observed latency per target (recent successful attempts): the p95 that hedging waits for."""

from __future__ import annotations

from collections import deque

__all__ = ["LatencyTracker"]


class LatencyTracker:
    """Keeps the last `size` latencies per target; quantiles are recomputed every few samples."""

    def __init__(self, size: int = 256, min_samples: int = 20, refresh_every: int = 16) -> None:
        self._size = size
        self._min = min_samples
        self._every = refresh_every
        self._samples: dict[str, deque[float]] = {}
        self._cached: dict[str, tuple[float, float]] = {}  # name -> (p50, p95)
        self._since: dict[str, int] = {}

    def observe(self, name: str, seconds: float) -> None:
        samples = self._samples.get(name)
        if samples is None:
            samples = self._samples[name] = deque(maxlen=self._size)
        samples.append(seconds)
        self._since[name] = self._since.get(name, 0) + 1
        if len(samples) >= self._min and (name not in self._cached or self._since[name] >= self._every):
            ordered = sorted(samples)
            self._cached[name] = (
                ordered[len(ordered) // 2],
                ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))],
            )
            self._since[name] = 0

    def p50(self, name: str) -> float | None:
        cached = self._cached.get(name)
        return cached[0] if cached else None

    def p95(self, name: str) -> float | None:
        cached = self._cached.get(name)
        return cached[1] if cached else None
