"""The audit log: every admin change is a structured log entry and an `admin_audit` record.

A record is written in the same Firestore transaction as the change it describes (so there is
no change without its record, nor the reverse) and logged once the transaction commits. Records
carry who, what, the target and before/after views, which never hold secret values.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from shared.admin.caller import Caller
from shared.log import get_logger

__all__ = ["AUDIT", "AuditLog", "AuditRecord"]

AUDIT = "admin_audit"
log = get_logger("gatehouse.audit")


def _utcnow() -> datetime:
    return datetime.now(UTC)


class AuditRecord:
    def __init__(self, ref: Any, data: dict[str, Any]) -> None:
        self.ref = ref
        self.data = data

    def emit(self) -> None:
        """The structured log line (after the change committed)."""
        log.info("admin change", extra={"audit": _jsonable(self.data)})


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


class AuditLog:
    def __init__(self, db: Callable[[], Any], clock: Callable[[], datetime] = _utcnow) -> None:
        self._db = db
        self._clock = clock

    def record(
        self,
        caller: Caller,
        action: str,
        tenant: str | None,
        target: str,
        before: Any = None,
        after: Any = None,
    ) -> AuditRecord:
        """A record to `txn.set(rec.ref, rec.data)` inside the change's transaction, then `emit()`."""
        data = {
            "at": self._clock(),
            "actor": caller.identity,
            "via": caller.via,
            "action": action,
            "tenant": tenant,
            "target": target,
            "before": _jsonable(before),
            "after": _jsonable(after),
        }
        ref = self._db().collection(AUDIT).document(uuid.uuid4().hex)
        return AuditRecord(ref, data)

    async def write(self, record: AuditRecord) -> None:
        """For changes outside Firestore (Secret Manager, cache deletions): write, then log."""
        await record.ref.set(record.data, timeout=10)
        record.emit()

    async def list(self, tenant: str | None, page_size: int, after: str | None) -> dict[str, Any]:
        """Newest first; `after` is the id of the last record of the previous page."""
        from google.cloud import firestore
        from google.cloud.firestore_v1.base_query import FieldFilter

        col = self._db().collection(AUDIT)
        query = col.order_by("at", direction=firestore.Query.DESCENDING)
        if tenant:
            query = col.where(filter=FieldFilter("tenant", "==", tenant)).order_by(
                "at", direction=firestore.Query.DESCENDING
            )
        if after:
            cursor = await col.document(after).get(timeout=10)
            if cursor.exists:
                query = query.start_after(cursor)
        snaps = [s async for s in query.limit(page_size + 1).stream(timeout=30)]
        records = [{"id": s.id, **_jsonable(s.to_dict())} for s in snaps[:page_size]]
        return {
            "records": records,
            "next_page_token": records[-1]["id"] if len(snaps) > page_size else None,
        }
