"""Contention on the limits store is not an outage: ABORTED and changed-since-read writes are
retried (bounded), then refused with 503; the store stays up, the breaker closed, and no instance
switches to its outage allowance (which would admit past the limit)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

import pytest
from google.api_core import exceptions
from google.cloud.firestore_v1.types import firestore as firestore_types

from shared.cost.prices import PriceTable
from shared.errors import ResourceExhausted, ServiceUnavailable
from shared.limits.config import LimitSettings
from shared.limits.limiter import Limiter
from shared.limits.store import FirestoreLimitStore, StoreContended
from shared.resilience.guard import DependencyGuard
from shared.tenants import Tenant

MODEL = "gemini-2.5-flash"
BODY: dict[str, Any] = {"contents": [{"parts": [{"text": "hi"}]}]}


class Snap:
    def __init__(self, data: dict[str, Any] | None, update_time: datetime | None) -> None:
        self._data, self.update_time = data, update_time
        self.exists = data is not None

    def to_dict(self) -> dict[str, Any] | None:
        return None if self._data is None else dict(self._data)


class Doc:
    """One document with Firestore's write semantics that matter here: `update` with a
    last-update-time precondition, `create` that fails when it exists, `set(merge)` with
    `Increment`; `aborts` writes fail with ABORTED first (lock contention)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.data: dict[str, Any] | None = None
        self.version = 0
        self.aborts = 0
        self.writes = 0
        self._document_path = ""

    def _time(self) -> datetime | None:
        return None if self.data is None else datetime.fromtimestamp(self.version, UTC)

    def _abort(self) -> None:
        if self.aborts:
            self.aborts -= 1
            raise exceptions.Aborted("too much contention on these documents")

    async def get(self, timeout: float | None = None) -> Snap:
        await asyncio.sleep(0)  # another instance's read or write may come between
        return Snap(self.data, self._time())

    async def update(self, fields: dict[str, Any], option: Any = None, timeout: float | None = None) -> None:
        await asyncio.sleep(0)
        self._abort()
        if self.data is None:
            raise exceptions.NotFound("no document")
        if option is not None and option._last_update_time != self._time():
            raise exceptions.FailedPrecondition("the document changed")
        self.data = {**self.data, **fields}
        self.version += 1
        self.writes += 1

    async def create(self, data: dict[str, Any], timeout: float | None = None) -> None:
        await asyncio.sleep(0)
        self._abort()
        if self.data is not None:
            raise exceptions.AlreadyExists("exists")
        self.data = dict(data)
        self.version += 1
        self.writes += 1

    def increment(self, units: int, expire_at: datetime) -> int:
        """What the store's counter take asks for: `used` += units, `expire_at` set (merge)."""
        self._abort()
        used = int((self.data or {}).get("used", 0)) + units
        self.data = {**(self.data or {}), "expire_at": expire_at, "used": used}
        self.version += 1
        self.writes += 1
        return used


class Db:
    """The client surface the limits store uses: documents, and the commit a counter take sends."""

    _database_string = "projects/demo/databases/(default)"
    _rpc_metadata: list[tuple[str, str]] = []

    def __init__(self) -> None:
        self.docs: dict[str, Doc] = {}
        self._firestore_api = self

    async def commit(self, request: Any, metadata: Any) -> Any:
        (write,) = request.writes
        doc = self.doc(write.update.name.split("/documents/", 1)[1])
        (transform,) = write.update_transforms
        assert (transform.field_path, list(write.update_mask.field_paths)) == ("used", ["expire_at"])
        expire_at = write.update.fields["expire_at"].timestamp_value  # proto-plus: a datetime
        used = doc.increment(transform.increment.integer_value, expire_at)
        result = {"transform_results": [{"integer_value": used}]}
        return firestore_types.CommitResponse({"write_results": [result]})

    def collection(self, name: str) -> Db:
        self._collection = name
        return self

    def document(self, key: str) -> Doc:
        doc = self.doc(f"{self._collection}/{key}")
        doc._document_path = f"{self._database_string}/documents/{doc.path}"
        return doc

    def doc(self, path: str) -> Doc:
        return self.docs.setdefault(path, Doc(path))


def _instance(db: Db) -> tuple[Limiter, DependencyGuard]:
    guard = DependencyGuard("limits store", timeout_s=5.0)
    return Limiter(FirestoreLimitStore(lambda: db, guard), PriceTable.load(), lease_s=60), guard


def _tenant(**limits: Any) -> Tenant:
    return Tenant(id="acme", limits=LimitSettings.model_validate({"tenant": limits}))


async def _admit(limiter: Limiter, tenant: Tenant) -> bool:
    try:
        await limiter.admit(tenant, None, MODEL, BODY)
    except ResourceExhausted:
        return False
    return True


async def test_aborted_lease_writes_are_retried_not_an_outage(caplog: pytest.LogCaptureFixture) -> None:
    db = Db()
    limiter, guard = _instance(db)
    tenant = _tenant(concurrent_requests=3)
    db.doc("limit_leases/t_acme__conc").aborts = 3
    with caplog.at_level(logging.WARNING, logger="gatehouse.limits"):
        assert await _admit(limiter, tenant)
    assert not [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert guard.state == "closed"
    holders = db.docs["limit_leases/t_acme__conc"].data or {}
    assert sum(h["n"] for h in holders["holders"].values()) >= 1


async def test_contention_on_every_attempt_refuses_with_503_and_never_admits_locally(
    caplog: pytest.LogCaptureFixture,
) -> None:
    db = Db()
    limiter, guard = _instance(db)
    tenant = _tenant(concurrent_requests=3)
    doc = db.doc("limit_leases/t_acme__conc")
    doc.aborts = 10_000  # ABORTED on every write, however often it is retried
    with caplog.at_level(logging.WARNING, logger="gatehouse.limits"):
        for _ in range(2):  # before the fix: the first failure switched to the outage allowance
            with pytest.raises(StoreContended) as refused:
                await limiter.admit(tenant, None, MODEL, BODY)
            assert isinstance(refused.value, ServiceUnavailable)
            assert refused.value.retry_after == 1
    assert not [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert guard.state == "closed"  # the store answered every time: nothing for the breaker
    assert limiter._health.up
    assert doc.writes == 0
    doc.aborts = 0  # contention over: the next call is granted by the store, as usual
    assert await _admit(limiter, tenant)
    assert doc.data is not None


async def test_contended_increments_are_retried_then_refused_not_an_outage(
    caplog: pytest.LogCaptureFixture,
) -> None:
    db = Db()
    limiter, guard = _instance(db)
    tenant = _tenant(requests_per_minute=60)
    window = int(limiter._clock() // limiter._window_s)
    doc = db.doc(f"limit_counters/t_acme__rpm__{window}")
    doc.aborts = 2
    assert await _admit(limiter, tenant)
    assert (doc.data or {})["used"] >= 1
    counter = limiter._counters["t_acme__rpm"]
    counter.pool = 0  # the next request needs the store again
    doc.aborts = 10_000
    with caplog.at_level(logging.WARNING, logger="gatehouse.limits"), pytest.raises(StoreContended):
        await limiter.admit(tenant, None, MODEL, BODY)
    assert not [r for r in caplog.records if "unreachable" in r.getMessage()]
    assert guard.state == "closed"
    assert limiter._health.up
    assert counter.outage_granted == 0


async def test_racing_grants_from_two_instances_never_exceed_the_limit() -> None:
    """Reads and writes of two instances interleave; a write whose read went stale fails its
    precondition and is decided again from a fresh read."""
    db = Db()
    (a, _), (b, _) = _instance(db), _instance(db)
    tenant = _tenant(concurrent_requests=3)
    results = await asyncio.gather(*(_admit(x, tenant) for x in (a, b, a, b, a, b, a, b)))
    assert sum(results) == 3
    holders = (db.docs["limit_leases/t_acme__conc"].data or {})["holders"]
    assert sum(h["n"] for h in holders.values()) == 3
