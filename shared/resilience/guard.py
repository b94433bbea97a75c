"""A guard for one dependency on the request path (Firestore reads, Secret Manager, Pub/Sub).

Every call runs under a short per-call timeout, never past the request's deadline
(`shared.deadline`), and behind a breaker over consecutive failures: after `failures_to_open`
failures in a row the dependency is skipped for `open_s` (calls fail at once with 503
UNAVAILABLE), then one probe call decides. A timeout caused by the caller's own deadline is the
caller's (504, not counted); any other exception that is not a GatehouseError is the
dependency's (503, counted). GatehouseErrors the wrapped call raises itself pass through
unchanged, and only ServiceUnavailable among them counts as a failure, except `Contention`: the
dependency answered (a contended document), so it counts as an answer, never as a failure. Until
the dependency has answered once, calls get `first_timeout_s` (still within the request's
deadline) and failures do not open the breaker: a new instance's first calls (client set-up,
TLS, credentials, the first connection) may be slow, and must neither fail nor make it refuse
every call for `open_s`.
That allowance belongs to one client (transport): a dependency reached both over REST and through
its client library has one guard per path, so a REST answer cannot spend the client's first-call
time. `prepare`, if given, runs once before the first call, outside the timed call (it builds the
client: imports, no I/O).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from shared.deadline import remaining, reset_call_deadline, set_call_deadline
from shared.errors import Contention, DeadlineExceeded, GatehouseError, ServiceUnavailable
from shared.log import get_logger

__all__ = ["DependencyGuard"]

T = TypeVar("T")
log = get_logger("gatehouse.dependency")


class DependencyGuard:
    def __init__(
        self,
        name: str,
        *,
        timeout_s: float,
        failures_to_open: int = 3,
        open_s: float = 5.0,
        first_timeout_s: float | None = None,
        prepare: Callable[[], object] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.name = name
        self.timeout_s = timeout_s
        self.first_timeout_s = max(first_timeout_s or 0.0, timeout_s)
        self._failures_to_open = failures_to_open
        self._open_s = open_s
        self._clock = clock
        self._failures = 0
        self._open_until = 0.0
        self._probing = False
        self._answered = False  # the dependency has answered at least once
        self._prepare = prepare

    @property
    def state(self) -> str:
        if self._failures < self._failures_to_open:
            return "closed"
        return "open" if self._clock() < self._open_until or self._probing else "half_open"

    async def call(self, make: Callable[[], Awaitable[T]], *, timeout_s: float | None = None) -> T:
        if self._prepare is not None:
            prepare, self._prepare = self._prepare, None
            try:
                prepare()
            except Exception as error:
                self._prepare = prepare  # retried by the next call; not the dependency's failure
                raise ServiceUnavailable(
                    f"{self.name} unavailable (client set-up: {type(error).__name__})", retry_after=1
                ) from error
        probe = self._admit()
        budget = self.timeout_s if timeout_s is None else timeout_s
        if not self._answered:
            budget = max(budget, self.first_timeout_s)
        left = remaining(self._clock)
        caller_bound = left is not None and left < budget
        if caller_bound:
            budget = max(0.0, left or 0.0)
        # the call sees its own end (shared.deadline.call_remaining): a read that retries inside it
        # starts a retry only if the retry can finish before this timeout cancels it
        call_end = set_call_deadline(time.monotonic() + budget)
        try:
            if budget <= 0:
                raise DeadlineExceeded(f"the request deadline was spent before {self.name} was called")
            result = await asyncio.wait_for(make(), budget)
        except TimeoutError:
            if caller_bound:
                self._release(probe)
                raise DeadlineExceeded(f"the request deadline passed while waiting for {self.name}") from None
            self._failure(probe)
            raise ServiceUnavailable(
                f"{self.name} unavailable (no answer within {budget:g} s)", retry_after=1
            ) from None
        except Contention:  # the dependency answered: contention on one document, not an outage
            self._success()
            raise
        except ServiceUnavailable:
            self._failure(probe)
            raise
        except GatehouseError:
            self._release(probe)
            raise
        except asyncio.CancelledError:
            self._release(probe)
            raise
        except Exception as error:
            self._failure(probe)
            raise ServiceUnavailable(
                f"{self.name} unavailable ({type(error).__name__})", retry_after=1
            ) from error
        finally:
            reset_call_deadline(call_end)
        self._success()
        return result

    def _admit(self) -> bool:
        """Whether this call is the half-open probe; raises while the breaker is open."""
        if self._failures < self._failures_to_open:
            return False
        now = self._clock()
        if now < self._open_until or self._probing:
            wait = max(self._open_until - now, 0.0)
            raise ServiceUnavailable(
                f"{self.name} unavailable (failing; next try in {wait:.1f} s)", retry_after=max(1.0, wait)
            )
        self._probing = True
        return True

    def _release(self, probe: bool) -> None:
        if probe:
            self._probing = False

    def _success(self) -> None:
        if self._failures >= self._failures_to_open:
            log.warning("dependency recovered", extra={"dependency": self.name})
        self._failures = 0
        self._probing = False
        self._answered = True

    def _failure(self, probe: bool) -> None:
        self._release(probe)
        if not self._answered:  # slow first calls of a new instance: each fails alone
            return
        self._failures += 1
        if self._failures >= self._failures_to_open:
            if self._clock() >= self._open_until:
                log.warning(
                    "dependency failing: calls skipped",
                    extra={"dependency": self.name, "open_s": self._open_s, "failures": self._failures},
                )
            self._open_until = self._clock() + self._open_s
