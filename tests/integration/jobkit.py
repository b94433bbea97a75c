"""Helpers for the async-lane tests: HTTP calls, waiting on jobs, reading Firestore directly."""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import httpx

from dev.stack import PROJECT
from dev.topics import JOBS_TOPIC
from shared.jobs.publisher import JobPublisher
from shared.jobs.store import FirestoreJobStore
from shared.tenants import Tenant

MODEL = "gemini-2.5-flash"


def new_tenant(stack: Any, prefix: str = "t", **fields: Any) -> tuple[str, dict[str, str]]:
    tenant_id = f"{prefix}-{uuid.uuid4().hex[:8]}"
    key = stack.add_tenant(Tenant(id=tenant_id, **fields))
    return tenant_id, {"authorization": f"Bearer {key}"}


def client(stack: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=stack.ingress, timeout=30)


async def submit(http: httpx.AsyncClient, headers: dict[str, str], **body: Any) -> httpx.Response:
    payload = {"model": MODEL, **body}
    return await http.post("/v1/jobs", json=payload, headers=headers)


async def wait_job(
    http: httpx.AsyncClient, headers: dict[str, str], job_id: str, timeout: float = 30.0, until: Any = None
) -> dict[str, Any]:
    """Poll until the job is terminal (or `until(job)` holds); fail with the last view on timeout."""
    deadline = time.monotonic() + timeout
    job: dict[str, Any] = {}
    while time.monotonic() < deadline:
        job = (await http.get(f"/v1/jobs/{job_id}", headers=headers)).json()
        done = until(job) if until else job.get("state") in ("done", "failed", "cancelled")
        if done:
            return job
        await asyncio.sleep(0.2)
    raise AssertionError(f"job {job_id} did not settle in {timeout}s: {job}")


def store(stack: Any) -> FirestoreJobStore:
    return FirestoreJobStore(stack.firestore())


def publisher() -> JobPublisher:
    return JobPublisher(PROJECT, JOBS_TOPIC)


async def tenant_jobs(stack: Any, tenant: str) -> list[dict[str, Any]]:
    from google.cloud.firestore_v1.base_query import FieldFilter

    query = stack.firestore().collection("jobs").where(filter=FieldFilter("tenant", "==", tenant))
    return [{**s.to_dict(), "id": s.id} async for s in query.stream()]


async def usage_docs(stack: Any, tenant: str) -> list[dict[str, Any]]:
    from google.cloud.firestore_v1.base_query import FieldFilter

    query = stack.firestore().collection("job_usage").where(filter=FieldFilter("tenant", "==", tenant))
    return [{**s.to_dict(), "id": s.id} async for s in query.stream()]
