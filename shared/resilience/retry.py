"""The retry policy: which target the next attempt goes to, how long to wait, and when to stop.

`AttemptPlanner` is a tenacity `wait` and `stop` for one call. Tenacity computes the wait first,
then asks stop, so the planner picks the next candidate and its delay in `wait` and vetoes it in
`stop` when the deadline cannot fit it. Delays are full-jitter exponential (tenacity's
`wait_random_exponential`), and never shorter than a Retry-After the same target sent; a
different target is tried at once. A Retry-After longer than `max_delay_s` rules that target out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from shared.resilience.breaker import Breakers
from shared.resilience.classify import Failure, classify
from shared.resilience.latency import LatencyTracker
from shared.routing.router import Candidate

if TYPE_CHECKING:  # tenacity is imported by the first backoff (shared/resilience/terminal.py), not at start
    from tenacity import RetryCallState, wait_random_exponential

__all__ = ["AttemptPlanner", "RetryConfig", "latency_key"]


def latency_key(target: str, stream: bool) -> str:
    """Latency samples per target and kind: a stream's first chunk, or a whole unary answer."""
    return f"{target}|stream" if stream else f"{target}|unary"


@dataclass(frozen=True, slots=True)
class RetryConfig:
    max_attempts: int = 5
    base_delay_s: float = 0.05
    max_delay_s: float = 2.0
    min_attempt_s: float = 0.05  # no attempt starts with less time than this (or the target's p50) left
    failover_slack_s: float = 0.1  # added to the time held back for a failover
    hedge_default_delay_s: float = 0.3
    hedge_min_delay_s: float = 0.02
    hedge_max_delay_s: float = 1.0
    # Per-attempt time to response headers (a stream: to its first chunk), when a failover is
    # possible: `attempt_timeout_factor` x the target's observed p95 for that kind of call, within
    # [min, max]; `attempt_timeout_default_s` until 20 samples exist. A stream that has sent its
    # first chunk is making progress and only the request deadline ends it.
    attempt_timeout_factor: float = 4.0
    attempt_timeout_min_s: float = 5.0
    attempt_timeout_max_s: float = 60.0
    attempt_timeout_default_s: float = 30.0
    # A timeout counts against a target only if the attempt had at least twice the target's
    # observed p95 (or another plan target's; this long before any has 20 samples); a shorter
    # budget was the caller's own deadline.
    fair_default_s: float = 0.5


@dataclass(slots=True)
class AttemptPlanner:
    """Per-call routing state: candidates in plan order, what was tried, what failed."""

    candidates: list[Candidate]
    breakers: Breakers
    latency: LatencyTracker
    config: RetryConfig
    deadline: float
    clock: Callable[[], float]
    current: Candidate | None = None
    upcoming: Candidate | None = None
    attempts: int = 0
    failovers: int = 0
    hedged: bool = False
    tried: dict[str, int] = field(default_factory=dict)
    not_before: dict[str, float] = field(default_factory=dict)  # Retry-After, per target, this call
    last_failure: Failure | None = None
    last_target: Candidate | None = None
    recorded: set[str] = field(default_factory=set)  # targets whose breaker has this call's failure
    _jitter: wait_random_exponential | None = field(default=None, init=False)  # the first backoff builds it

    # -- bookkeeping -------------------------------------------------------------------------
    def begin(self, candidate: Candidate) -> None:
        """An attempt starts on `candidate` (also called for a hedge)."""
        if self.current is not None and candidate.target != self.current.target:
            self.failovers += 1
        self.current = candidate
        self.attempts += 1
        self.tried[candidate.target.name] = self.tried.get(candidate.target.name, 0) + 1

    def failed(self, candidate: Candidate, error: BaseException) -> None:
        self.last_failure = classify(error)
        self.last_target = candidate
        retry_after = getattr(error, "retry_after", None)
        if retry_after:
            self.not_before[candidate.target.name] = self.clock() + float(retry_after)

    def needed(self, candidate: Candidate) -> float:
        """Time an attempt on `candidate` is expected to need: its p50, at least `min_attempt_s`."""
        return max(self.config.min_attempt_s, self.latency.p50(candidate.target.name) or 0.0)

    def attempt_timeout(self, candidate: Candidate, stream: bool) -> float:
        """The longest an attempt may wait for headers (a stream: its first chunk) when another
        target could still be tried: a multiple of what this target usually needs."""
        p95 = self.latency.p95(latency_key(candidate.target.name, stream))
        if p95 is None:
            return self.config.attempt_timeout_default_s
        scaled = self.config.attempt_timeout_factor * p95
        return min(self.config.attempt_timeout_max_s, max(self.config.attempt_timeout_min_s, scaled))

    def fair_time(self, candidate: Candidate, stream: bool) -> float:
        """Time within which this target normally answers: a timeout shorter than it is the caller's.
        Twice its observed p95; for a target with no answers yet (a region hung from the start), that
        of the first other target in the plan with samples (the same work elsewhere), else a default."""
        for other in (candidate, *self.candidates):
            p95 = self.latency.p95(latency_key(other.target.name, stream))
            if p95 is not None:
                return 2 * p95
        return self.config.fair_default_s

    def first(self) -> Candidate | None:
        for candidate in self.candidates:
            if self.breakers.get(candidate.target.name).allow():
                return candidate
        return None

    # -- choosing the next attempt -----------------------------------------------------------
    def _fresh(self, wanted: Callable[[Candidate], bool]) -> Candidate | None:
        for candidate in self.candidates:
            name = candidate.target.name
            if name not in self.tried and wanted(candidate) and self.breakers.get(name).allow():
                return candidate
        return None

    def reserve_for_failover(self, current: Candidate, remaining: float) -> float:
        """Time to hold back from an attempt so an untried healthy target can still be called.

        Twice that target's expected need plus `failover_slack_s` (event-loop lag, GC pauses), at
        most half of what is left; 0 when none is left
        or when this is the last attempt allowed.
        """
        if self.attempts >= self.config.max_attempts:
            return 0.0
        for candidate in self.candidates:
            name = candidate.target.name
            if candidate.target == current.target or name in self.tried:
                continue
            if self.breakers.get(name).retry_in() == 0.0:
                return min(remaining / 2, 2 * self.needed(candidate) + self.config.failover_slack_s)
        return 0.0

    def hedge_for(self, primary: Candidate) -> Candidate | None:
        return self._fresh(lambda c: c.target != primary.target)

    def hedge_delay(self, primary: Candidate) -> float:
        p95 = self.latency.p95(primary.target.name)
        if p95 is None:
            return self.config.hedge_default_delay_s
        return min(self.config.hedge_max_delay_s, max(self.config.hedge_min_delay_s, p95))

    def _next(self, state: RetryCallState) -> tuple[Candidate | None, float]:
        failed, failure = self.last_target, self.last_failure
        if failed is None or failure is None:
            return None, 0.0
        if failure is Failure.SAFETY:
            models = {c.target.model for c in self.candidates if c.target.name in self.tried}
            return self._fresh(lambda c: c.target.model not in models), 0.0
        if failure is Failure.CONTEXT:
            window = failed.context_window or 0
            return self._fresh(lambda c: (c.context_window or 0) > window), 0.0
        if failure is Failure.FATAL:
            return None, 0.0
        if failure is Failure.CAPACITY:  # another region first, then anything untried
            other = self._fresh(lambda c: c.target.region != failed.target.region)
            if other is not None:
                return other, 0.0
        fresh = self._fresh(lambda c: True)
        if fresh is not None:
            return fresh, 0.0
        return self._again(state)

    def _again(self, state: RetryCallState) -> tuple[Candidate | None, float]:
        """Every candidate was tried once: back off, then retry the one that can go soonest."""
        if self._jitter is None:
            from tenacity import wait_random_exponential

            self._jitter = wait_random_exponential(
                multiplier=self.config.base_delay_s, max=self.config.max_delay_s
            )
        backoff = float(self._jitter(state))
        now = self.clock()
        best: tuple[float, Candidate] | None = None
        for candidate in self.candidates:
            delay = max(backoff, self.not_before.get(candidate.target.name, now) - now)
            if delay > self.config.max_delay_s:
                continue  # its Retry-After is longer than we will wait
            if best is None or delay < best[0]:
                best = (delay, candidate)
        if best is None or not self.breakers.get(best[1].target.name).allow():
            return None, 0.0
        return best[1], best[0]

    # -- tenacity hooks ----------------------------------------------------------------------
    def wait(self, state: RetryCallState) -> float:
        self.upcoming, delay = self._next(state)
        return delay

    def stop(self, state: RetryCallState) -> bool:
        upcoming = self.upcoming
        if upcoming is None:
            return True
        fits = self.clock() + state.upcoming_sleep + self.needed(upcoming) <= self.deadline
        if self.attempts >= self.config.max_attempts or not fits:
            self.breakers.get(upcoming.target.name).release()
            self.upcoming = None
            return True
        return False
