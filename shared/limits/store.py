"""Shared limit state in Firestore: window counters taken in blocks, and concurrency leases.

    limit_counters/{scope}__{metric}__{window}   `used`: units handed out in that window. An
        instance takes a block with one atomic `Increment`; the commit returns the new value
        (the write's transform result), so a take is one write and never a contended transaction.
    limit_leases/{scope}                          `holders.{instance}`: {n, exp}. Concurrency slots
        held by each live instance; a transaction grants slots while the unexpired sum stays
        within the limit, so a dead instance's slots free themselves at `exp`.

Both carry `expire_at` for Firestore's TTL policy. Every call runs under a short timeout and a
breaker (`DependencyGuard`); a failure raises `StoreUnavailable`, and the caller falls back to
its local allowance.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from shared.errors import ServiceUnavailable
from shared.resilience.guard import DependencyGuard

__all__ = ["COUNTERS", "LEASES", "CounterStore", "FirestoreLimitStore", "StoreUnavailable"]

COUNTERS = "limit_counters"
LEASES = "limit_leases"


class StoreUnavailable(ServiceUnavailable):
    """The limits store did not answer in time (or failed)."""


class CounterStore(Protocol):
    async def take(self, key: str, units: int, expire_at: float) -> int:
        """Add `units` to counter `key` atomically; return its value after the addition."""
        ...

    async def lease(self, key: str, holder: str, want: int, limit: int, now: float, lease_s: float) -> int:
        """Set `holder`'s slots to at most `want` within `limit` (unexpired holders counted);
        renew its lease; return the slots it holds now (never fewer than it keeps in use)."""
        ...


def _ts(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


class FirestoreLimitStore:
    """Each call goes through a `DependencyGuard` (per-call timeout under the request's deadline,
    breaker over consecutive failures); the instance's first call may also open the channel."""

    def __init__(self, db: Callable[[], Any], guard: DependencyGuard, connect_s: float = 10.0) -> None:
        self._db = db  # a factory: the client is built on first use
        self._dependency = guard
        self._connect = max(connect_s, guard.timeout_s)
        self._connected = False

    async def _guard(self, make: Callable[[], Awaitable[Any]]) -> Any:
        from google.api_core import exceptions

        timeout = None if self._connected else self._connect
        try:
            result = await self._dependency.call(make, timeout_s=timeout)
        except ServiceUnavailable as error:
            raise StoreUnavailable(f"limits store unavailable: {error.message}") from error
        except (exceptions.GoogleAPIError, ValueError) as error:  # ValueError: contended transaction
            raise StoreUnavailable(f"limits store unavailable ({type(error).__name__})") from error
        self._connected = True
        return result

    async def take(self, key: str, units: int, expire_at: float) -> int:
        from google.cloud import firestore

        ref = self._db().collection(COUNTERS).document(key)
        data = {"used": firestore.Increment(units), "expire_at": _ts(expire_at)}
        result = await self._guard(lambda: ref.set(data, merge=True))
        return int(result.transform_results[0].integer_value)

    async def lease(self, key: str, holder: str, want: int, limit: int, now: float, lease_s: float) -> int:
        from google.cloud import firestore

        db = self._db()
        ref = db.collection(LEASES).document(key)

        @firestore.async_transactional
        async def run(txn: Any) -> int:
            snap = await ref.get(transaction=txn)
            holders: dict[str, Any] = (snap.to_dict() or {}).get("holders", {}) if snap.exists else {}
            live = {h: v for h, v in holders.items() if isinstance(v, dict) and v.get("exp", 0) > now}
            others = sum(int(v.get("n", 0)) for h, v in live.items() if h != holder)
            mine = int(live.get(holder, {}).get("n", 0))
            granted = max(min(want, limit - others), min(mine, want), 0)
            if granted:
                live[holder] = {"n": granted, "exp": now + lease_s}
            else:
                live.pop(holder, None)
            txn.set(ref, {"holders": live, "expire_at": _ts(now + 2 * lease_s)})
            return granted

        granted: int = await self._guard(lambda: run(db.transaction(max_attempts=5)))
        return granted
