"""Erasing a tenant for good, in bounded batches with progress.

Only a soft-deleted tenant can be erased (two steps: `DELETE` revokes, `:erase` destroys). Each
call deletes at most `max_batches` batches of `batch` documents and reports what it deleted and
whether it is done, so one call stays well inside the function timeout and the CLI repeats it
with a progress bar. Phases, in order: API keys, cache entries, the semantic cache's calibration
counters (`cache_calibration/{tenant}:{model}`), jobs (with their chunks) and idempotency keys,
job usage and ledger rows older than the retention (`erasure_keep_usage_days`; younger rows are
kept as billing records), the callback signing secret, the tenant itself.
Audit records are kept: they are the record of the erasure and hold no prompt data.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from shared.admin.audit import AuditLog
from shared.admin.caller import Caller
from shared.cache.calibration import COLLECTION as CALIBRATION
from shared.cache.store import COLLECTION as CACHE
from shared.errors import Conflict, InvalidRequest, NotFound, ServiceUnavailable
from shared.jobs.blobs import CHUNKS
from shared.jobs.store import JOBS, KEYS, USAGE
from shared.tenants import API_KEYS, TENANTS
from shared.usage.ledger import COLLECTION as LEDGER

__all__ = ["PHASES", "Eraser"]

PHASES = ("keys", "cache", "cache_calibration", "jobs", "job_keys", "job_usage", "usage", "secret", "tenant")


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _id_prefix(collection: Any, prefix: str) -> Any:
    """The documents whose id starts with `prefix` (which ends in ':'; ';' is the next character)."""
    from google.cloud.firestore_v1.base_query import FieldFilter
    from google.cloud.firestore_v1.field_path import FieldPath

    name = FieldPath.document_id()
    return collection.where(filter=FieldFilter(name, ">=", collection.document(prefix))).where(
        filter=FieldFilter(name, "<", collection.document(prefix[:-1] + ";"))
    )


class Eraser:
    def __init__(
        self,
        db: Callable[[], Any],
        secret_client: Callable[[], Any],
        project: str,
        callback_prefix: str,
        audit: AuditLog,
        *,
        batch: int = 200,
        keep_usage_days: int = 400,
        clock: Callable[[], datetime] = _utcnow,
    ) -> None:
        self._db = db
        self._secret_client = secret_client
        self._project = project
        self._prefix = callback_prefix
        self._audit = audit
        self._batch = batch
        self._keep_days = keep_usage_days
        self._clock = clock

    def _query(self, phase: str, tenant: str) -> Any:
        from google.cloud.firestore_v1.base_query import FieldFilter

        db = self._db()
        if phase == "cache_calibration":  # ids `tenant:model`, no tenant field: an id range
            return _id_prefix(db.collection(CALIBRATION), f"{tenant}:").limit(self._batch)
        collection, field = {
            "keys": (API_KEYS, "tenant_id"),
            "cache": (CACHE, "tenant"),
            "jobs": (JOBS, "tenant"),
            "job_keys": (KEYS, "tenant"),
            "job_usage": (USAGE, "tenant"),
            "usage": (LEDGER, "tenant"),
        }[phase]
        query = db.collection(collection).where(filter=FieldFilter(field, "==", tenant))
        cutoff = self._clock() - timedelta(days=self._keep_days)
        if phase == "usage" and self._keep_days:
            query = query.where(filter=FieldFilter("day", "<", cutoff.strftime("%Y-%m-%d")))
        if phase == "job_usage" and self._keep_days:
            query = query.where(filter=FieldFilter("recorded_at", "<", cutoff))
        return query.limit(self._batch)

    async def step(
        self, tenant_id: str, confirm: Any, caller: Caller, max_batches: int = 10
    ) -> dict[str, Any]:
        from google.api_core import exceptions

        if confirm != tenant_id:
            raise InvalidRequest("must repeat the tenant id to erase it for good", field="confirm")
        snap = await self._db().collection(TENANTS).document(tenant_id).get(timeout=10)
        if not snap.exists:
            raise NotFound(f"tenant `{tenant_id}` not found")
        if not (snap.to_dict() or {}).get("deleted_at"):
            raise Conflict(
                f"tenant `{tenant_id}` is not deleted: delete it first (its keys are revoked then)"
            )
        deleted: dict[str, int] = {}
        batches = 0
        try:
            for phase in PHASES[:-2]:
                while batches < max_batches:
                    count = await self._delete_batch(phase, tenant_id)
                    batches += 1
                    if count:
                        deleted[phase] = deleted.get(phase, 0) + count
                    if count < self._batch:
                        break
                else:
                    return {"tenant": tenant_id, "done": False, "phase": phase, "deleted": deleted}
            if await asyncio.to_thread(self._delete_secret, self._prefix + tenant_id):
                deleted["secret"] = 1
            record = self._audit.record(
                caller, "tenant.erase", tenant_id, f"tenants/{tenant_id}", None,
                {"keep_usage_days": self._keep_days},
            )  # fmt: skip
            batch = self._db().batch()
            batch.delete(self._db().collection(TENANTS).document(tenant_id))
            batch.set(record.ref, record.data)
            await batch.commit(timeout=10)
            record.emit()
            deleted["tenant"] = 1
        except exceptions.GoogleAPIError as error:
            raise ServiceUnavailable(f"erasure interrupted ({type(error).__name__}); run it again") from error
        return {"tenant": tenant_id, "done": True, "phase": "tenant", "deleted": deleted}

    async def _delete_batch(self, phase: str, tenant: str) -> int:
        snaps = await self._query(phase, tenant).get(timeout=30)
        if not snaps:
            return 0
        db = self._db()
        batch = db.batch()
        writes = 0
        for snap in snaps:
            if phase == "jobs":  # a job's large request/result live in its chunks subcollection
                async for chunk in snap.reference.collection(CHUNKS).list_documents():
                    batch.delete(chunk)
                    writes += 1
                    if writes >= 400:
                        await batch.commit(timeout=30)
                        batch, writes = db.batch(), 0
            batch.delete(snap.reference)
            writes += 1
        await batch.commit(timeout=30)
        return len(snaps)

    def _delete_secret(self, secret_id: str) -> bool:
        from google.api_core import exceptions

        try:
            self._secret_client().delete_secret(
                name=f"projects/{self._project}/secrets/{secret_id}", timeout=10
            )
        except exceptions.NotFound:
            return False
        return True
