"""The current request's deadline (monotonic seconds), seen by every dependency call it makes.

The gateway sets it when a request arrives (its `X-Server-Timeout`, else the gateway's upstream
deadline); `DependencyGuard` never lets a Firestore, Secret Manager or Pub/Sub call outlive it.
While a guard runs a call it also sets that call's own end (its per-call timeout), so a read that
retries inside the call (shared/google_rest.py) starts a retry only if it can finish before the
guard gives up on it: `call_remaining()` is the nearer of the two.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar, Token

__all__ = [
    "call_remaining",
    "remaining",
    "reset_call_deadline",
    "reset_deadline",
    "set_call_deadline",
    "set_deadline",
]

_deadline: ContextVar[float | None] = ContextVar("gatehouse_request_deadline", default=None)
_call_deadline: ContextVar[float | None] = ContextVar("gatehouse_dependency_call_deadline", default=None)


def set_deadline(at: float | None) -> Token[float | None]:
    return _deadline.set(at)


def reset_deadline(token: Token[float | None]) -> None:
    _deadline.reset(token)


def remaining(clock: Callable[[], float] = time.monotonic) -> float | None:
    """Seconds left before the current request's deadline; None outside a request."""
    at = _deadline.get()
    return None if at is None else at - clock()


def set_call_deadline(at: float | None) -> Token[float | None]:
    """The end of the dependency call being made (a `DependencyGuard`'s timeout), monotonic seconds."""
    return _call_deadline.set(at)


def reset_call_deadline(token: Token[float | None]) -> None:
    _call_deadline.reset(token)


def call_remaining(clock: Callable[[], float] = time.monotonic) -> float | None:
    """Seconds left for the current dependency call: the nearer of the request's deadline and the
    guard's per-call timeout; None when neither is set."""
    at, call_at = _deadline.get(), _call_deadline.get()
    if call_at is not None and (at is None or call_at < at):
        at = call_at
    return None if at is None else at - clock()
