"""A tenant's async jobs, for admins: list (newest first, paged) and get (with the result)."""

from __future__ import annotations

from typing import Any

from shared.errors import InvalidRequest, NotFound
from shared.jobs.store import FirestoreJobStore

__all__ = ["JobAdmin"]


class JobAdmin:
    def __init__(self, store: FirestoreJobStore) -> None:
        self._store = store

    async def list(self, tenant: str, page_size: int, after: str | None) -> dict[str, Any]:
        try:
            jobs, last = await self._store.list_jobs(tenant, page_size, after)
        except NotFound:
            raise InvalidRequest("is not a page token of this listing", field="page_token") from None
        return {"jobs": [job.view() for job in jobs], "next_page_token": last}

    async def get(self, tenant: str, job_id: str) -> dict[str, Any]:
        job = await self._store.get(job_id) if job_id.isalnum() and len(job_id) <= 64 else None
        if job is None or job.tenant != tenant:
            raise NotFound(f"job `{job_id}` of tenant `{tenant}` not found")
        result = await self._store.result_of(job) if job.state == "done" else None
        return job.view(result)
