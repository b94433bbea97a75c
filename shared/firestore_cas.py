"""Compare-and-set on one Firestore document: read it, decide, write only if it has not changed.

A transaction does the same, but on a database in pessimistic concurrency mode (the local
emulator always is; production is OPTIMISTIC, infra/modules/firestore) its read takes a lock that
a client killed before it commits leaves held for about a minute: every other write to the
document, even a plain conditional one, fails with ABORTED "Transaction lock timeout" until then
(measured on the emulator: 60.6 s). Here the only server-side step is the write itself, so a crash
at any point leaves nothing held, and the periodic writes that are the likeliest to be in flight
when an instance dies (job heartbeats, concurrency leases) use it.

The write carries a precondition: the document's update time as read (or, when it did not exist,
that it still does not). A write that finds the document changed (FAILED_PRECONDITION,
ALREADY_EXISTS, NOT_FOUND) or meets contention (ABORTED) did not apply; the whole step is retried
from the read, at most `attempts` times with a short jittered backoff, then `Contended` is raised.
That is contention, not an outage: the store answered every time.

`is_contention` is the one place that decides whether an error from Firestore is contention
(the store answered) rather than a failure: `Contended`, ABORTED, and the client library's
"Failed to commit transaction in N attempts" ValueError around an ABORTED. Every store that
meets it raises `shared.errors.Contention` (503, Retry-After 1), which the dependency guard
passes through as an answer: no breaker failure, no outage fallback.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

__all__ = ["Contended", "backoff_s", "compare_and_set", "is_contention"]

T = TypeVar("T")


def backoff_s(attempt: int, base_s: float = 0.01, cap_s: float = 0.2) -> float:
    """The jittered pause after failed attempt `attempt` (0-based): uniform in [0, min(cap, base x 2^n)]."""
    return random.uniform(0.0, min(cap_s, base_s * 2**attempt))  # noqa: S311  # jitter, not crypto


class Contended(Exception):
    """Every attempt found the document changed (or locked) between its read and its write."""


def is_contention(error: BaseException) -> bool:
    """Whether `error` means the store answered but the document was contended (see above)."""
    from google.api_core import exceptions

    if isinstance(error, Contended | exceptions.Aborted):
        return True
    # a transaction that ran out of attempts: the client wraps the last ABORTED in a ValueError
    return isinstance(error, ValueError) and isinstance(error.__cause__, exceptions.Aborted)


def _conflicts() -> tuple[type[Exception], ...]:
    from google.api_core import exceptions

    return (exceptions.FailedPrecondition, exceptions.AlreadyExists, exceptions.NotFound, exceptions.Aborted)


async def compare_and_set(
    ref: Any,
    decide: Callable[[Any], tuple[dict[str, Any] | None, T]],
    *,
    attempts: int = 8,
    base_delay_s: float = 0.01,
    max_delay_s: float = 0.2,
    timeout_s: float | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> T:
    """`decide(snapshot)` -> (fields to write, or None for no write; the result). The fields
    replace those top-level fields (an `update`) or, when the document did not exist, are the new
    document (a `create`). Other errors of the store propagate unchanged."""
    from google.cloud.firestore_v1.base_client import BaseClient

    conflicts = _conflicts()
    for attempt in range(attempts):
        snap = await ref.get(timeout=timeout_s)
        fields, result = decide(snap)
        if fields is None:
            return result
        try:
            if snap.exists:
                option = BaseClient.write_option(last_update_time=snap.update_time)
                await ref.update(fields, option=option, timeout=timeout_s)
            else:
                await ref.create(fields, timeout=timeout_s)
            return result
        except conflicts:
            pass
        if attempt + 1 < attempts:
            await sleep(backoff_s(attempt, base_delay_s, max_delay_s))
    raise Contended(f"{ref.path}: changed between read and write in {attempts} attempts")
