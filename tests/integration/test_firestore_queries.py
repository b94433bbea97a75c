"""The stores' real queries, run against the Firestore emulator, have exactly the declared shapes.

The emulator serves any query without an index, so a new or changed query would pass every other
test and fail in production (FAILED_PRECONDITION: the query requires an index). Here each store
method that queries runs against the emulator while the client records the shape of every query it
sends; the recorded shapes must equal `shared/firestore_queries.QUERIES`, whose indexes
tests/unit/test_firestore_indexes.py finds in infra/firestore/indexes.json.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from google.cloud.firestore_v1.async_query import AsyncQuery
from google.cloud.firestore_v1.async_vector_query import AsyncVectorQuery

from dev.stack import PROJECT
from shared.admin.audit import AuditLog
from shared.admin.erasure import Eraser
from shared.cache.store import FirestoreCache
from shared.firestore_queries import QUERIES
from shared.jobs.store import FirestoreJobStore
from shared.usage.ledger import FirestoreLedger

pytestmark = pytest.mark.integration

_EQUAL = 5  # StructuredQuery.FieldFilter.Operator.EQUAL
_DIRECTION = {1: "ASCENDING", 2: "DESCENDING"}
Shape = tuple[str, tuple[str, ...], tuple[tuple[str, str], ...], str | None]


def _shape(query: Any, vector_field: str | None = None) -> Shape:
    equality: list[str] = []
    order: list[tuple[str, str]] = []
    for f in query._field_filters:
        if f.op == _EQUAL:
            equality.append(f.field.field_path)
        elif f.field.field_path not in [o[0] for o in order]:  # a range field is ordered ascending
            order.append((f.field.field_path, "ASCENDING"))
    for o in query._orders:
        explicit = (o.field.field_path, _DIRECTION[o.direction])
        order = [p for p in order if p[0] != explicit[0]] + [explicit]
    return (query._parent._path[-1], tuple(sorted(equality)), tuple(order), vector_field)


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> set[Shape]:
    shapes: set[Shape] = set()

    def wrap(cls: type, name: str, vector: bool) -> None:
        original = getattr(cls, name)

        def recording(self: Any, *args: Any, **kwargs: Any) -> Any:
            if vector:
                shapes.add(_shape(self._nested_query, self._vector_field))
            else:
                shapes.add(_shape(self))
            return original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, recording)

    for name in ("get", "stream"):
        wrap(AsyncQuery, name, vector=False)
        wrap(AsyncVectorQuery, name, vector=True)
    return shapes


async def test_store_queries_have_the_declared_shapes(stack, recorded: set[Shape]) -> None:  # type: ignore[no-untyped-def]
    db = stack.firestore()
    tenant = f"shape-{uuid.uuid4().hex[:8]}"
    jobs = FirestoreJobStore(db)
    await jobs.list_jobs(tenant, page_size=5, after=None)
    await jobs.stranded(datetime.now(UTC) - timedelta(seconds=60), limit=5, due=datetime.now(UTC))
    await FirestoreLedger(lambda: db).report(tenant, "2026-11-01", "2026-11-30")
    cache = FirestoreCache(lambda: db, timeout_s=5)
    await cache.nearest(tenant, "gemini-2.5-flash", "scope", [1.0, 0.0, 0.0, 0.0], threshold=0.1)
    await cache.purge(tenant)
    await cache.purge(tenant, "gemini-2.5-flash")
    assert cache.errors == 0  # the vector query really ran (a failure would be a silent miss)
    audit = AuditLog(lambda: db)
    await audit.list(tenant, page_size=5, after=None)
    await audit.list(None, page_size=5, after=None)
    eraser = Eraser(lambda: db, lambda: None, PROJECT, "gatehouse-callback-", audit)
    for phase in ("keys", "cache", "cache_calibration", "jobs", "job_keys", "job_usage", "usage"):
        await eraser._query(phase, tenant).get(timeout=10)

    declared = {(q.collection, tuple(sorted(q.equality)), q.order, q.vector_field) for q in QUERIES}
    indexed = {
        (q.collection, tuple(sorted(q.equality)), q.order, q.vector_field)
        for q in QUERIES
        if q.index_fields()
    }
    assert recorded - declared == set(), "declare these in shared/firestore_queries.py (and index them)"
    assert indexed - recorded == set(), "indexed shapes no store ran here: run them (or drop the index)"
