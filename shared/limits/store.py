"""Shared limit state in Firestore: window counters taken in blocks, and concurrency leases.

    limit_counters/{scope}__{metric}__{window}   `used`: units handed out in that window. An
        instance takes a block with one atomic `Increment`; the commit returns the new value
        (the write's transform result), so a take is one write and never a contended transaction.
    limit_leases/{scope}                          `holders.{instance}`: {n, exp}. Concurrency slots
        held by each live instance; a compare-and-set (a read, then a write conditioned on the
        document being unchanged: shared/firestore_cas.py) grants slots while the unexpired sum
        stays within the limit, so a dead instance's slots free themselves at `exp`, and an
        instance killed mid-grant leaves no transaction lock behind.

Both carry `expire_at` for Firestore's TTL policy. Every call runs under a short timeout and a
breaker (`DependencyGuard`); a failure raises `StoreUnavailable`, and the caller falls back to
its local allowance. Contention is not a failure: a write that meets ABORTED, or a document that
changed since it was read, is retried (bounded); if every attempt meets it, `StoreContended` is
raised. The store answered, so the breaker does not count it, the instance does not switch to
its outage allowance, and the call is refused (503 with a short Retry-After), never over-admitted.
"""

from __future__ import annotations

import asyncio
import calendar
import functools
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from shared.errors import Contention, ServiceUnavailable
from shared.firestore_cas import Contended, backoff_s, compare_and_set
from shared.resilience.guard import DependencyGuard

__all__ = ["COUNTERS", "LEASES", "CounterStore", "FirestoreLimitStore", "StoreContended", "StoreUnavailable"]

COUNTERS = "limit_counters"
LEASES = "limit_leases"
TAKE_ATTEMPTS = 5  # an increment answered with ABORTED did not apply: sent again at most this often


class StoreUnavailable(ServiceUnavailable):
    """The limits store did not answer in time (or failed)."""


class StoreContended(Contention):
    """The limits store answered, but every attempt met contention on the document."""

    def __init__(self, message: str = "the limits store is contended; retry shortly") -> None:
        super().__init__(message, retry_after=1)


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


def increment_request(database: str, document: str, units: int, expire_at: float) -> Any:
    """The commit that `set({"used": Increment(units), "expire_at": ...}, merge=True)` on the
    document sends, built as raw protobuf: set() resolves field paths, encodes values and wraps
    every message on each call, most of a take's ~1.5 M instructions. Byte for byte the same
    request (tests/unit/test_limits_store_request.py)."""
    from google.cloud.firestore_v1.types import firestore

    when = _ts(expire_at)
    request = _commit_pb()(database=database)
    write = request.writes.add()
    write.update.name = document
    stamp = write.update.fields["expire_at"].timestamp_value
    stamp.seconds, stamp.nanos = calendar.timegm(when.utctimetuple()), when.microsecond * 1000
    write.update_mask.field_paths.append("expire_at")
    transform = write.update_transforms.add()
    transform.field_path = "used"
    transform.increment.integer_value = units
    return firestore.CommitRequest.wrap(request)


@functools.cache
def _commit_pb() -> Any:
    from google.cloud.firestore_v1.types import firestore

    return firestore.CommitRequest.pb()


class FirestoreLimitStore:
    """Each call goes through a `DependencyGuard` (per-call timeout under the request's deadline,
    breaker over consecutive failures); the instance's first call may also open the channel."""

    def __init__(self, db: Callable[[], Any], guard: DependencyGuard, connect_s: float = 10.0) -> None:
        self._db = db  # a factory: the client is built on first use
        self._dependency = guard
        self._connect = max(connect_s, guard.timeout_s)
        self._connected = False
        self._paths: dict[str, str] = {}  # counter key -> document name

    async def _guard(self, make: Callable[[], Awaitable[Any]]) -> Any:
        from google.api_core import exceptions

        timeout = None if self._connected else self._connect
        try:
            result = await self._dependency.call(make, timeout_s=timeout)
        except StoreContended:  # the store answered (the guard counts it as an answer, not a failure)
            self._connected = True
            raise
        except ServiceUnavailable as error:
            raise StoreUnavailable(f"limits store unavailable: {error.message}") from error
        except exceptions.GoogleAPIError as error:
            raise StoreUnavailable(f"limits store unavailable ({type(error).__name__})") from error
        self._connected = True
        return result

    async def take(self, key: str, units: int, expire_at: float) -> int:
        from google.api_core import exceptions

        db = self._db()
        request = increment_request(db._database_string, self._path(db, key), units, expire_at)

        async def increment() -> Any:
            api = db._firestore_api  # the client's GAPIC client, as set() uses it: retry, errors
            for attempt in range(TAKE_ATTEMPTS):
                try:
                    return await api.commit(request=request, metadata=db._rpc_metadata)
                except exceptions.Aborted:
                    if attempt + 1 < TAKE_ATTEMPTS:
                        await asyncio.sleep(backoff_s(attempt))
            raise StoreContended()

        response = await self._guard(increment)
        return int(type(response).pb(response).write_results[0].transform_results[0].integer_value)

    def _path(self, db: Any, key: str) -> str:
        """The counter document's full name (what `collection(...).document(key)` resolves to)."""
        path = self._paths.get(key)
        if path is None:
            if len(self._paths) >= 10_000:  # one per counter and window: keep it bounded
                self._paths.clear()
            path = self._paths[key] = db.collection(COUNTERS).document(key)._document_path
        return path

    async def lease(self, key: str, holder: str, want: int, limit: int, now: float, lease_s: float) -> int:
        ref = self._db().collection(LEASES).document(key)

        def decide(snap: Any) -> tuple[dict[str, Any], int]:
            holders: dict[str, Any] = (snap.to_dict() or {}).get("holders", {}) if snap.exists else {}
            live = {h: v for h, v in holders.items() if isinstance(v, dict) and v.get("exp", 0) > now}
            others = sum(int(v.get("n", 0)) for h, v in live.items() if h != holder)
            mine = int(live.get(holder, {}).get("n", 0))
            granted = max(min(want, limit - others), min(mine, want), 0)
            if granted:
                live[holder] = {"n": granted, "exp": now + lease_s}
            else:
                live.pop(holder, None)
            return {"holders": live, "expire_at": _ts(now + 2 * lease_s)}, granted

        async def grant() -> Any:
            try:
                return await compare_and_set(ref, decide)
            except Contended as error:
                raise StoreContended() from error

        granted: int = await self._guard(grant)
        return granted
