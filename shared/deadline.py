"""The current request's deadline (monotonic seconds), seen by every dependency call it makes.

The gateway sets it when a request arrives (its `X-Server-Timeout`, else the gateway's upstream
deadline); `DependencyGuard` never lets a Firestore, Secret Manager or Pub/Sub call outlive it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextvars import ContextVar, Token

__all__ = ["remaining", "reset_deadline", "set_deadline"]

_deadline: ContextVar[float | None] = ContextVar("gatehouse_request_deadline", default=None)


def set_deadline(at: float | None) -> Token[float | None]:
    return _deadline.set(at)


def reset_deadline(token: Token[float | None]) -> None:
    _deadline.reset(token)


def remaining(clock: Callable[[], float] = time.monotonic) -> float | None:
    """Seconds left before the current request's deadline; None outside a request."""
    at = _deadline.get()
    return None if at is None else at - clock()
