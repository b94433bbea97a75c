"""Every Firestore query shape the stores run, and the TTL fields they write, declared as data.

This list is the code's side of one source of truth: `infra/firestore/indexes.json` (which
Terraform reads with `jsondecode(file())`) must hold the index each shape needs, and the TTL
policy of each TTL field. The emulator never demands an index, so these checks keep code and
infra in step instead:

- `tests/unit/test_firestore_indexes.py`: every shape here has its index in the data file, and
  the data file holds no index that no shape needs;
- `tests/integration/test_firestore_queries.py`: the stores' real queries, run against the
  emulator, have exactly these shapes (a new or changed query that is not declared here fails).

Index rule (Firestore's): equality filters first (ascending), then the range/order fields in
their order and direction. A query with equality filters only, or on one field only, is served by
the automatic single-field indexes (index merging) and needs no composite index. A `find_nearest`
with equality pre-filters needs a vector index: the pre-filter fields, then the vector field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["QUERIES", "TTL_FIELDS", "QueryShape", "TtlField"]

Direction = Literal["ASCENDING", "DESCENDING"]


@dataclass(frozen=True, slots=True)
class QueryShape:
    name: str  # the store method that runs it
    collection: str
    equality: tuple[str, ...] = ()
    order: tuple[tuple[str, Direction], ...] = ()  # range and order-by fields, in index order
    vector_field: str | None = None  # set for a find_nearest query

    def index_fields(self) -> tuple[tuple[str, str], ...]:
        """The index this shape needs, as (field, ASCENDING|DESCENDING|VECTOR); () when none."""
        if self.vector_field is not None:
            return (*((f, "ASCENDING") for f in self.equality), (self.vector_field, "VECTOR"))
        fields = (*((f, "ASCENDING") for f in self.equality), *self.order)
        if not self.order or len({f for f, _ in fields if f != "__name__"}) < 2:
            return ()
        return fields


@dataclass(frozen=True, slots=True)
class TtlField:
    collection: str  # a collection group id (chunks live under jobs/{id}/chunks)
    field: str = "expire_at"


QUERIES: tuple[QueryShape, ...] = (
    # shared/jobs/store.py
    QueryShape(
        "FirestoreJobStore.list_jobs",
        "jobs",
        ("tenant",),
        (("created_at", "DESCENDING"), ("__name__", "DESCENDING")),
    ),
    QueryShape(
        "FirestoreJobStore.stranded/unpublished", "jobs", ("published",), (("created_at", "ASCENDING"),)
    ),
    QueryShape(
        "FirestoreJobStore.stranded/lease_expired", "jobs", ("state",), (("lease_expires_at", "ASCENDING"),)
    ),
    QueryShape(
        "FirestoreJobStore.stranded/callback_pending",
        "jobs",
        ("callback_state",),
        (("finished_at", "ASCENDING"),),
    ),
    QueryShape("FirestoreJobStore.stranded/deferred", "jobs", ("state",), (("not_before", "ASCENDING"),)),
    # shared/usage/ledger.py
    QueryShape("FirestoreLedger.report", "usage_shards", ("tenant",), (("day", "ASCENDING"),)),
    # shared/cache/store.py
    QueryShape(
        "FirestoreCache.nearest", "cache_entries", ("tenant", "model", "scope"), vector_field="embedding"
    ),
    QueryShape("FirestoreCache.purge", "cache_entries", ("tenant",)),
    QueryShape("FirestoreCache.purge/model", "cache_entries", ("tenant", "model")),
    # shared/admin/
    QueryShape("AuditLog.list", "admin_audit", (), (("at", "DESCENDING"),)),
    QueryShape("AuditLog.list/tenant", "admin_audit", ("tenant",), (("at", "DESCENDING"),)),
    QueryShape("TenantAdmin.list", "tenants", (), (("__name__", "ASCENDING"),)),
    QueryShape("KeyAdmin._find", "api_keys", ("key_id",)),
    QueryShape("KeyAdmin.list", "api_keys", ("tenant_id",)),  # also TenantAdmin.delete, Eraser keys
    # ids `tenant:model`: one tenant's counters are an id range (no composite index)
    QueryShape(
        "FirestoreCalibrationStore.models, Eraser/cache_calibration",
        "cache_calibration",
        (),
        (("__name__", "ASCENDING"),),
    ),
    QueryShape("Eraser/jobs", "jobs", ("tenant",)),
    QueryShape("Eraser/job_keys", "job_keys", ("tenant",)),
    QueryShape("Eraser/job_usage", "job_usage", ("tenant",), (("recorded_at", "ASCENDING"),)),
    QueryShape("Eraser/usage", "usage_shards", ("tenant",), (("day", "ASCENDING"),)),
)

TTL_FIELDS: tuple[TtlField, ...] = (
    TtlField("cache_entries"),
    TtlField("jobs"),
    TtlField("chunks"),  # jobs/{id}/chunks and idempotency/{id}/chunks: large bodies and outcomes
    TtlField("job_keys"),  # idempotency records of job submissions
    TtlField("idempotency"),  # shared/limits/idempotency.py: sync Idempotency-Key records
    TtlField("limit_counters"),  # shared/limits/store.py: quota window counters
    TtlField("limit_leases"),  # shared/limits/store.py: concurrency leases
)
