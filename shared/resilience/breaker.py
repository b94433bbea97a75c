"""Circuit breakers per target on a rolling error rate: closed -> open -> half-open -> closed.

Written here rather than taken from pybreaker/circuitbreaker/aiobreaker, which trip on
consecutive failures only and wrap a call; see docs/decisions/2026-11-25-circuit-breakers.md.
Outcomes are recorded from outside a call, so the breaker is a small state machine, not a
decorator: the terminal records at most one outcome per request and target (retries of one
request count once); a stream is judged at its end (a clean end is a success, a cut after the
first chunk a failure), a hedged loser slower than the target's p95 counts as a failure, and
failures the caller caused (its own deadline, a request the upstream rejects) are not recorded.

It opens when at least `min_calls` requests were seen and the error rate reached `error_rate` over
the whole window, or halfway from `error_rate` to 100% over its last fifth (so a sudden outage
after a busy healthy spell trips within seconds, while a steady moderate error rate does not trip
on a short-window fluctuation), and the failures are not one tenant's alone while other tenants
succeed (request-specific failures of a noisy tenant do not open the breaker for everyone).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from shared.log import get_logger

__all__ = ["Breaker", "BreakerConfig", "Breakers", "State"]

log = get_logger("gatehouse.breaker")

State = Literal["closed", "open", "half_open"]
_BUCKETS = 10
_FAST_BUCKETS = 2  # the short window: the last fifth of the rolling window


@dataclass(frozen=True, slots=True)
class BreakerConfig:
    window_s: float = 30.0
    min_calls: int = 10
    error_rate: float = 0.5
    open_s: float = 15.0
    half_open_calls: int = 1


_TENANTS_PER_BUCKET = 64  # tenant names kept per bucket (enough to tell "one" from "many")


@dataclass(slots=True)
class _Bucket:
    start: float
    ok: int = 0
    failed: int = 0
    served: set[str] = field(default_factory=set)  # tenants with a success in this bucket
    failing: set[str] = field(default_factory=set)  # tenants with a failure in this bucket


class Breaker:
    """One target's breaker. The error rate is taken over `window_s` in ten rolling buckets."""

    def __init__(self, name: str, config: BreakerConfig, clock: Callable[[], float]) -> None:
        self.name = name
        self._config = config
        self._clock = clock
        self._bucket_s = config.window_s / _BUCKETS
        self._buckets: list[_Bucket] = []
        self.state: State = "closed"
        self._opened_at = 0.0
        self._probes = 0
        self._probe_at = 0.0
        self.transitions = 0
        self.last_status: int | None = None

    # -- rolling window --------------------------------------------------------------------
    def _bucket(self, now: float) -> _Bucket:
        start = now - (now % self._bucket_s)
        if not self._buckets or self._buckets[-1].start != start:
            self._buckets.append(_Bucket(start))
            horizon = now - self._config.window_s
            while self._buckets and self._buckets[0].start + self._bucket_s <= horizon:
                self._buckets.pop(0)
        return self._buckets[-1]

    def _recent(self, span_s: float) -> list[_Bucket]:
        horizon = self._clock() - span_s
        return [b for b in self._buckets if b.start + self._bucket_s > horizon]

    def counts(self) -> tuple[int, int]:
        recent = self._recent(self._config.window_s)
        return sum(b.ok for b in recent), sum(b.failed for b in recent)

    def _should_trip(self) -> bool:
        rate = self._config.error_rate
        # the short window has few calls, so a moderate error rate fluctuates past the threshold
        # there: it trips only on a clear majority, halfway from the threshold to 100% (75% for 50%)
        for span, threshold in (
            (self._config.window_s, rate),
            (self._bucket_s * _FAST_BUCKETS, (1 + rate) / 2),
        ):
            recent = self._recent(span)
            good, bad = sum(b.ok for b in recent), sum(b.failed for b in recent)
            if good + bad < self._config.min_calls or bad / (good + bad) < threshold:
                continue
            failing: set[str] = set()
            served: set[str] = set()
            for b in recent:
                failing |= b.failing
                served |= b.served
            if len(failing) != 1 or not (served - failing):  # not one tenant's alone while others succeed
                return True
        return False

    # -- state machine ---------------------------------------------------------------------
    def allow(self) -> bool:
        """May a request go to this target now? In half-open, admits `half_open_calls` probes."""
        if self.state == "closed":
            return True
        if self.state == "open":
            if self._clock() - self._opened_at < self._config.open_s:
                return False
            self._move("half_open")
            self._probes = 0
        now = self._clock()
        if self._probes >= self._config.half_open_calls and now - self._probe_at > self._config.open_s:
            self._probes = 0  # a probe that never reported (abandoned) must not wedge the breaker
        if self._probes < self._config.half_open_calls:
            self._probes += 1
            self._probe_at = now
            return True
        return False

    def retry_in(self) -> float:
        """Seconds until an open breaker admits a probe (0 when it admits now)."""
        if self.state != "open":
            return 0.0
        return max(0.0, self._config.open_s - (self._clock() - self._opened_at))

    def release(self) -> None:
        """An admitted call ended without an outcome (cancelled): free its half-open probe slot."""
        if self.state == "half_open" and self._probes > 0:
            self._probes -= 1

    def record(self, ok: bool, status: int | None = None, tenant: str | None = None) -> None:
        """One request's outcome on this target; `status` is the HTTP status of a failure (kept
        to answer while open), `tenant` whose request it was (None: anonymous)."""
        if not ok and status is not None:
            self.last_status = status
        now = self._clock()
        bucket = self._bucket(now)
        who = tenant or ""
        if ok:
            bucket.ok += 1
            if len(bucket.served) < _TENANTS_PER_BUCKET:
                bucket.served.add(who)
        else:
            bucket.failed += 1
            if len(bucket.failing) < _TENANTS_PER_BUCKET:
                bucket.failing.add(who)
        if self.state == "half_open":
            if ok:
                fresh = _Bucket(now - (now % self._bucket_s), ok=1)
                fresh.served.add(who)
                self._buckets = [fresh]
                self._move("closed")
            else:
                self._trip(now)
            return
        if self.state == "closed" and not ok and self._should_trip():
            self._trip(now)

    def _trip(self, now: float) -> None:
        self._opened_at = now
        self._move("open")

    def _move(self, state: State) -> None:
        if state == self.state:
            return
        ok, failed = self.counts()
        log.warning(
            "circuit breaker state change",
            extra={
                "breaker": {"target": self.name, "from": self.state, "to": state, "ok": ok, "failed": failed}
            },
        )
        self.state = state
        self.transitions += 1

    def snapshot(self) -> dict[str, Any]:
        ok, failed = self.counts()
        return {
            "target": self.name,
            "state": self.state,
            "calls": ok + failed,
            "failures": failed,
            "error_rate": round(failed / (ok + failed), 4) if ok + failed else 0.0,
            "retry_in_s": round(self.retry_in(), 3),
        }


class Breakers:
    """The instance's breakers, one per target name, created on first use."""

    def __init__(self, config: BreakerConfig, clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self._clock = clock
        self._by_name: dict[str, Breaker] = {}

    def get(self, name: str) -> Breaker:
        breaker = self._by_name.get(name)
        if breaker is None:
            breaker = self._by_name[name] = Breaker(name, self.config, self._clock)
        return breaker

    def snapshot(self) -> list[dict[str, Any]]:
        return [b.snapshot() for _, b in sorted(self._by_name.items())]
