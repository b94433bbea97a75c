"""What ingress does with jobs: submit through the pipeline, read, list and cancel (tenant-scoped).

Submission runs the SAME pipeline stages as a sync call with `operation = "enqueue"` and an
enqueue terminal, so the policy stage has redacted `call.body` before the terminal stores it.
Store and queue calls run under `DependencyGuard`s (short timeouts under the request deadline,
breakers). When the job cannot be published, the job just stored is deleted again and the caller
gets 503 UNAVAILABLE (nothing half-written); only if that delete fails too does the caller get
202 and the sweeper publish the job later.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import uuid
from dataclasses import dataclass
from typing import Any

import orjson

from shared.errors import DeadlineExceeded, InvalidRequest, NotFound, ServiceUnavailable
from shared.jobs.egress import EgressPolicy, EgressRefused
from shared.jobs.message import JOB_ID
from shared.jobs.model import Job
from shared.jobs.publisher import Publisher
from shared.jobs.store import FirestoreJobStore
from shared.limits.stage import KEY_ATTR
from shared.log import get_logger
from shared.pipeline import Call, Outcome, Pipeline
from shared.resilience.guard import DependencyGuard

__all__ = ["JobService", "Submission", "request_hash"]

log = get_logger("gatehouse.jobs")
MAX_PAGE_SIZE = 100


def request_hash(request: Any) -> str:
    """Canonical JSON (sorted keys, no whitespace) plus a version, hashed."""
    return hashlib.sha256(
        b"job-request-v1\x00" + orjson.dumps(request, option=orjson.OPT_SORT_KEYS)
    ).hexdigest()


@dataclass(frozen=True, slots=True)
class Submission:
    job: Job
    created: bool  # False: an Idempotency-Key replay returned the earlier job


class JobService:
    def __init__(
        self,
        store: FirestoreJobStore,
        publisher: Publisher,
        pipeline: Pipeline,
        egress: EgressPolicy,
        *,
        store_guard: DependencyGuard | None = None,
        queue_guard: DependencyGuard | None = None,
        write_timeout_s: float = 2.0,
    ) -> None:
        self._store = store
        self._publisher = publisher
        self._pipeline = pipeline
        self._egress = egress
        self._guard = store_guard or DependencyGuard("job store", timeout_s=0.5)
        self._queue = queue_guard or DependencyGuard("job queue", timeout_s=2.0)
        self._write_timeout_s = write_timeout_s

    def check_callback_url(self, url: str | None) -> None:
        if url is None:
            return
        try:
            self._egress.check_url(url)
        except EgressRefused as error:
            raise InvalidRequest(error.message, field="callback_url") from None

    async def submit(
        self,
        call: Call,
        *,
        request_hash: str,
        callback_url: str | None = None,
        idempotency_key: str | None = None,
        metadata: dict[str, str] | None = None,
    ) -> Submission:
        callbacks = call.tenant.callbacks
        callback_url = callback_url or callbacks.url
        self.check_callback_url(callback_url)
        if callback_url and not callbacks.allows(callback_url):
            raise InvalidRequest("host is not in the tenant's callbacks.allowed_hosts", field="callback_url")
        call.operation = "enqueue"
        call.stored = dict(metadata or {})  # redacted by the policy stage before it is stored

        async def enqueue(c: Call) -> Outcome:
            job = Job(
                id=uuid.uuid4().hex,
                tenant=c.tenant.id,
                model=c.model,
                request_id=c.request_id,
                idempotency_key=idempotency_key,
                callback_url=callback_url,
                metadata=c.stored,
                api_key_id=c.attrs.get(KEY_ATTR),
            )
            with c.timings.span("jobs"):
                stored, created = await self._guard.call(
                    lambda: self._store.create(job, c.body, request_hash), timeout_s=self._write_timeout_s
                )
                if not stored.published:
                    await self._publish(stored, created)
            c.attrs["job"] = Submission(stored, created)
            return Outcome(response={}, cache="bypass")

        await self._pipeline.run(call, terminal=enqueue)
        submission: Submission = call.attrs["job"]
        return submission

    async def _publish(self, job: Job, created: bool) -> None:
        try:
            await self._queue.call(lambda: self._publisher.publish(job.id, job.tenant))
        except (ServiceUnavailable, DeadlineExceeded) as error:
            if created and await self._discard(job):
                raise ServiceUnavailable(
                    "the job queue is unavailable; no job was created, retry shortly",
                    retry_after=error.retry_after or 1,
                ) from error
            # an earlier submission's job (idempotent replay), or one we could not take back: it
            # exists, unpublished, and the sweeper publishes it
            log.warning("job stored but not published yet", extra={"job_id": job.id, "error": error.message})
            return
        try:
            await self._guard.call(
                lambda: self._store.mark_published(job.id), timeout_s=self._write_timeout_s
            )
        except (ServiceUnavailable, DeadlineExceeded) as error:  # published: a duplicate is claimed once
            log.warning("job published but not marked", extra={"job_id": job.id, "error": error.message})

    async def _discard(self, job: Job) -> bool:
        try:
            await self._guard.call(lambda: self._store.discard(job), timeout_s=self._write_timeout_s)
        except (ServiceUnavailable, DeadlineExceeded) as error:
            log.warning(
                "unpublished job could not be deleted", extra={"job_id": job.id, "error": error.message}
            )
            return False
        return True

    async def _owned(self, tenant: str, job_id: str) -> Job:
        job = await self._guard.call(lambda: self._store.get(job_id)) if JOB_ID.match(job_id) else None
        if job is None or job.tenant != tenant:  # another tenant's job does not exist for you
            raise NotFound(f"job {job_id} not found")
        return job

    async def get(self, tenant: str, job_id: str) -> dict[str, Any]:
        job = await self._owned(tenant, job_id)
        result = None
        if job.state == "done":  # a large result is several chunk documents: the longer timeout
            result = await self._guard.call(
                lambda: self._store.result_of(job), timeout_s=self._write_timeout_s
            )
        return job.view(result)

    async def cancel(self, tenant: str, job_id: str) -> dict[str, Any]:
        await self._owned(tenant, job_id)
        cancelled = await self._guard.call(
            lambda: self._store.cancel(tenant, job_id), timeout_s=self._write_timeout_s
        )
        return cancelled.view()

    async def list(self, tenant: str, page_size: str | None, page_token: str | None) -> dict[str, Any]:
        try:
            size = int(page_size) if page_size else 20
        except ValueError:
            raise InvalidRequest("must be an integer", field="page_size") from None
        if not 1 <= size <= MAX_PAGE_SIZE:
            raise InvalidRequest(f"must be between 1 and {MAX_PAGE_SIZE}", field="page_size")
        after = _decode_token(page_token) if page_token else None
        try:
            jobs, last = await self._guard.call(
                lambda: self._store.list_jobs(tenant, size, after), timeout_s=self._write_timeout_s
            )
        except NotFound:
            raise InvalidRequest("is not a page token of this listing", field="page_token") from None
        out: dict[str, Any] = {"object": "list", "jobs": [job.view() for job in jobs]}
        out["next_page_token"] = _encode_token(last) if last else None
        return out


def _encode_token(job_id: str) -> str:
    return base64.urlsafe_b64encode(f"v1:{job_id}".encode()).decode().rstrip("=")


def _decode_token(token: str) -> str:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise InvalidRequest("is not a page token of this listing", field="page_token") from None
    version, _, job_id = raw.partition(":")
    if version != "v1" or not JOB_ID.match(job_id):
        raise InvalidRequest("is not a page token of this listing", field="page_token")
    return job_id
