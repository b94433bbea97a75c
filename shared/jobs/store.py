"""Jobs in Firestore: create (idempotent), claim with a lease, finish exactly once, list, cancel.

Documents:
    jobs/{id}                   the Job (model.py); chunks/ holds values over 256 KiB (blobs.py)
    job_keys/{sha256(t, key)}   Idempotency-Key -> job id, written in the job's create transaction
    job_usage/{id}              the usage ledger: created in the transaction that marks the job
                                done, so a job is billed at most once whatever the deliveries

Every state change reads the job first and writes only if it is unchanged, so concurrent
deliveries of the same message serialize on the document and only one of them wins: one
transaction each, except the heartbeat (`renew`), a compare-and-set that holds no lock
(shared/firestore_cas.py), so a worker killed mid-heartbeat cannot block the takeover.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from shared.dialects.native import Usage
from shared.errors import (
    Conflict,
    Contention,
    GatehouseError,
    NotFound,
    ServiceUnavailable,
    UnprocessableEntity,
)
from shared.firestore_cas import Contended, compare_and_set, is_contention
from shared.jobs.blobs import CHUNKS, INLINE_BYTES, BlobRef, encode, read_blob, write_blob
from shared.jobs.model import CallbackState, Job, JobError, JobState, now

__all__ = ["Claim", "ClaimKind", "FirestoreJobStore"]

JOBS = "jobs"
KEYS = "job_keys"
USAGE = "job_usage"
RETENTION = timedelta(days=30)  # expire_at on every job document (Firestore TTL policy in infra)
_LIST_FIELDS = [f for f in Job.model_fields if f not in ("id", "request", "result")]


class ClaimKind(StrEnum):
    CLAIMED = "claimed"  # this worker holds the lease now: run it
    MISSING = "missing"  # no such job: drop the message
    FINISHED = "finished"  # already done/failed/cancelled: ack (maybe finish its callback)
    BUSY = "busy"  # another worker holds a live lease: retry later
    EXHAUSTED = "exhausted"  # out of attempts: marked failed now
    DEFERRED = "deferred"  # queued with a not-before time still ahead: ack; the sweeper republishes it


@dataclass(frozen=True, slots=True)
class Claim:
    kind: ClaimKind
    job: Job | None = None


def key_id(tenant: str, key: str) -> str:
    return hashlib.sha256(f"v1\x00{tenant}\x00{key}".encode()).hexdigest()


def _doc(job: Job) -> dict[str, Any]:
    data = job.model_dump(exclude={"id"})
    data["expire_at"] = job.created_at + RETENTION
    return data


def _unavailable(error: Exception) -> ServiceUnavailable:
    """The store's error as the caller's: contention (the store answered; the breaker does not
    count it) or unavailable."""
    if is_contention(error):
        return Contention(f"job store contention ({error})")
    return ServiceUnavailable(f"job store unavailable ({type(error).__name__})")


def _job(snap: Any) -> Job:
    return Job.model_validate({**snap.to_dict(), "id": snap.id})


class FirestoreJobStore:
    def __init__(self, db: Any, clock: Callable[[], datetime] = now) -> None:
        """`db`: the Firestore client, or a zero-argument factory that builds it on first use."""
        self._client = db
        self._clock = clock

    @property
    def _db(self) -> Any:
        return self._client() if callable(self._client) else self._client

    def _ref(self, job_id: str) -> Any:
        return self._db.collection(JOBS).document(job_id)

    async def _txn(self, body: Callable[[Any], Any]) -> Any:
        from google.api_core import exceptions
        from google.cloud import firestore

        @firestore.async_transactional
        async def run(transaction: Any) -> Any:
            return await body(transaction)

        try:
            return await run(self._db.transaction(max_attempts=10))
        except (exceptions.GoogleAPIError, ValueError) as error:
            if isinstance(error, ValueError) and not is_contention(error):  # a bug, not the store
                raise
            raise _unavailable(error) from error

    # -- submit ------------------------------------------------------------------------------------
    async def create(self, job: Job, request: dict[str, Any], request_hash: str) -> tuple[Job, bool]:
        """Store a queued job; with an idempotency key, return the earlier job instead (created=False).

        Raises UnprocessableEntity (422) when the key was used for a different request.
        """
        ref = self._ref(job.id)
        data = encode(request)
        if len(data) > INLINE_BYTES:
            blob = await write_blob(self._db, ref, "request", data, job.created_at + RETENTION)
            job = job.model_copy(update={"request": None, "request_ref": blob})
        else:
            job = job.model_copy(update={"request": request})
        key_ref = self._db.collection(KEYS).document(key_id(job.tenant, job.idempotency_key or ""))

        async def body(txn: Any) -> tuple[Job, bool]:
            if job.idempotency_key:
                existing = await key_ref.get(transaction=txn)
                if existing.exists:
                    if existing.get("request_hash") != request_hash:
                        raise UnprocessableEntity(  # 422, as on sync generate calls (IETF draft)
                            "Idempotency-Key was already used for a different request; use a new key"
                        )
                    earlier = await self._ref(existing.get("job_id")).get(transaction=txn)
                    if earlier.exists:
                        return _job(earlier), False
                txn.set(
                    key_ref,
                    {
                        "job_id": job.id,
                        "tenant": job.tenant,
                        "request_hash": request_hash,
                        "expire_at": job.created_at + RETENTION,
                    },
                )
            txn.create(ref, _doc(job))
            return job, True

        if not job.idempotency_key:  # nothing to read first: one write that fails if the id exists
            await self._write(ref.create(_doc(job), timeout=10))
            return job, True
        result: tuple[Job, bool] = await self._txn(body)
        return result

    async def _write(self, pending: Any) -> Any:
        from google.api_core import exceptions

        try:
            return await pending
        except exceptions.GoogleAPIError as error:
            raise _unavailable(error) from error

    async def discard(self, job: Job) -> None:
        """Take back a job just created whose publish failed: the job, its idempotency key and
        request chunks go in one batch, so a retry of the submission starts afresh."""
        ref = self._ref(job.id)
        batch = self._db.batch()
        batch.delete(ref)
        if job.idempotency_key:
            batch.delete(self._db.collection(KEYS).document(key_id(job.tenant, job.idempotency_key)))
        if job.request_ref is not None:
            for index in range(job.request_ref.chunks):
                batch.delete(ref.collection(CHUNKS).document(f"{job.request_ref.prefix}-{index:04d}"))
        await self._write(batch.commit(timeout=10))

    async def mark_published(self, job_id: str) -> None:
        await self._write(self._ref(job_id).update({"published": True}, timeout=10))

    # -- read ----------------------------------------------------------------------------------------
    async def get(self, job_id: str) -> Job | None:
        from google.api_core import exceptions

        try:
            snap = await self._ref(job_id).get(timeout=10)
        except exceptions.GoogleAPIError as error:
            raise _unavailable(error) from error
        return _job(snap) if snap.exists else None

    async def request_of(self, job: Job) -> dict[str, Any]:
        if job.request_ref is not None:
            value: dict[str, Any] = await read_blob(self._ref(job.id), job.request_ref)
            return value
        if job.request is None:
            raise GatehouseError(f"job {job.id} has no stored request")
        return job.request

    async def result_of(self, job: Job) -> dict[str, Any] | None:
        if job.result_ref is not None:
            value: dict[str, Any] = await read_blob(self._ref(job.id), job.result_ref)
            return value
        return job.result

    async def list_jobs(self, tenant: str, page_size: int, after: str | None) -> tuple[list[Job], str | None]:
        """Newest first; `after` is the id of the last job of the previous page (same tenant)."""
        from google.cloud import firestore
        from google.cloud.firestore_v1.base_query import FieldFilter

        query = (
            self._db.collection(JOBS)
            .where(filter=FieldFilter("tenant", "==", tenant))
            .order_by("created_at", direction=firestore.Query.DESCENDING)
            .order_by("__name__", direction=firestore.Query.DESCENDING)
            .select(_LIST_FIELDS)
        )
        if after is not None:
            cursor = await self._ref(after).get(timeout=10)
            if not cursor.exists or cursor.get("tenant") != tenant:
                raise NotFound("page_token does not name a page of this tenant's jobs")
            query = query.start_after(cursor)
        snaps = [s async for s in query.limit(page_size + 1).stream(timeout=30)]
        jobs = [_job(s) for s in snaps[:page_size]]
        return jobs, (jobs[-1].id if len(snaps) > page_size else None)

    # -- state changes --------------------------------------------------------------------------------
    async def cancel(self, tenant: str, job_id: str) -> Job:
        ref = self._ref(job_id)

        async def body(txn: Any) -> Job:
            snap = await ref.get(transaction=txn)
            if not snap.exists or snap.get("tenant") != tenant:
                raise NotFound(f"job {job_id} not found")
            job = _job(snap)
            if job.state == JobState.CANCELLED:
                return job
            if job.state != JobState.QUEUED:
                raise Conflict(f"job {job_id} is {job.state.value}; only a queued job can be cancelled")
            at = self._clock()
            update = {"state": JobState.CANCELLED.value, "updated_at": at, "finished_at": at}
            txn.update(ref, update)
            return job.model_copy(update={"state": JobState.CANCELLED, "updated_at": at, "finished_at": at})

        job: Job = await self._txn(body)
        return job

    async def claim(self, job_id: str, worker: str, lease_s: float, max_attempts: int) -> Claim:
        ref = self._ref(job_id)

        async def body(txn: Any) -> Claim:
            snap = await ref.get(transaction=txn)
            if not snap.exists:
                return Claim(ClaimKind.MISSING)
            job = _job(snap)
            at = self._clock()
            if job.state.terminal:
                return Claim(ClaimKind.FINISHED, job)
            if job.state == JobState.RUNNING and job.lease_expires_at and job.lease_expires_at > at:
                return Claim(ClaimKind.BUSY, job)
            if job.state == JobState.QUEUED and job.not_before and job.not_before > at:
                return Claim(ClaimKind.DEFERRED, job)
            if job.attempts >= max_attempts:
                error = JobError(
                    code="attempts_exhausted",
                    message=f"the job did not finish in {job.attempts} attempts"
                    + (f" (last error: {job.error.message})" if job.error else ""),
                )
                txn.update(ref, self._finish_fields(JobState.FAILED, at, job, error=error))
                return Claim(ClaimKind.EXHAUSTED, job.model_copy(update={"state": JobState.FAILED}))
            lease = at + timedelta(seconds=lease_s)
            update = {
                "state": JobState.RUNNING.value,
                "attempts": job.attempts + 1,
                "lease_owner": worker,
                "lease_expires_at": lease,
                "updated_at": at,
            }
            txn.update(ref, update)
            return Claim(ClaimKind.CLAIMED, job.model_copy(update={**update, "state": JobState.RUNNING}))

        claim: Claim = await self._txn(body)
        return claim

    async def renew(self, job_id: str, worker: str, lease_s: float) -> bool:
        """The heartbeat: extend a running job's lease while `worker` still holds it. False: lost
        (another worker claimed it after the lease ran out, or the job was cancelled).

        A compare-and-set, not a transaction: it is the write most likely to be in flight when a
        worker dies, and a transaction's read lock (pessimistic mode: the emulator) would outlive
        the worker by a minute and refuse the takeover's claim all that time."""
        from google.api_core import exceptions

        def decide(snap: Any) -> tuple[dict[str, Any] | None, bool]:
            if not (
                snap.exists
                and snap.get("state") == JobState.RUNNING.value
                and snap.get("lease_owner") == worker
            ):
                return None, False
            return {"lease_expires_at": self._clock() + timedelta(seconds=lease_s)}, True

        try:
            renewed: bool = await compare_and_set(self._ref(job_id), decide, timeout_s=10)
        except Contended as error:
            raise Contention(f"job store contention ({error})") from error
        except exceptions.GoogleAPIError as error:
            raise _unavailable(error) from error
        return renewed

    def _finish_fields(self, state: JobState, at: datetime, job: Job, **extra: Any) -> dict[str, Any]:
        fields: dict[str, Any] = {
            "state": state.value,
            "updated_at": at,
            "finished_at": at,
            "lease_owner": None,
            "lease_expires_at": None,
        }
        if job.callback_url:
            fields["callback_state"] = CallbackState.PENDING.value
        for name, value in extra.items():
            fields[name] = value.model_dump() if hasattr(value, "model_dump") else value
        return fields

    async def complete(self, job: Job, worker: str, result: dict[str, Any], usage: Usage) -> Job | None:
        """Mark the job done with its result and record its usage, once. None: the lease was lost."""
        ref = self._ref(job.id)
        data = encode(result)
        inline: dict[str, Any] | None = result
        blob: BlobRef | None = None
        if len(data) > INLINE_BYTES:
            prefix = f"result-{job.attempts}-{worker[-12:]}"
            blob = await write_blob(self._db, ref, prefix, data, job.created_at + RETENTION)
            inline = None

        async def body(txn: Any) -> Job | None:
            snap = await ref.get(transaction=txn)
            if not snap.exists:
                return None
            current = _job(snap)
            if current.state != JobState.RUNNING or current.lease_owner != worker:
                return None
            at = self._clock()
            fields = self._finish_fields(
                JobState.DONE, at, current, result=inline, result_ref=blob, usage=usage, error=None
            )
            txn.update(ref, fields)
            txn.create(
                self._db.collection(USAGE).document(job.id),
                {"tenant": job.tenant, "model": job.model, "recorded_at": at, **usage.model_dump()},
            )
            return current.model_copy(
                update={
                    "state": JobState.DONE,
                    "finished_at": at,
                    "updated_at": at,
                    "result": inline,
                    "result_ref": blob,
                    "usage": usage,
                    "callback_state": CallbackState.PENDING
                    if current.callback_url
                    else current.callback_state,
                }
            )

        done: Job | None = await self._txn(body)
        return done

    async def fail(self, job_id: str, error: JobError, worker: str | None = None) -> Job | None:
        """Mark failed unless already terminal. With `worker`, only while it holds the lease."""
        ref = self._ref(job_id)

        async def body(txn: Any) -> Job | None:
            snap = await ref.get(transaction=txn)
            if not snap.exists:
                return None
            job = _job(snap)
            if job.state.terminal or (worker is not None and job.lease_owner != worker):
                return None
            at = self._clock()
            txn.update(ref, self._finish_fields(JobState.FAILED, at, job, error=error))
            pending = CallbackState.PENDING if job.callback_url else job.callback_state
            return job.model_copy(
                update={
                    "state": JobState.FAILED,
                    "error": error,
                    "finished_at": at,
                    "callback_state": pending,
                }
            )

        failed: Job | None = await self._txn(body)
        return failed

    async def release(self, job_id: str, worker: str, error: JobError) -> None:
        """A transient failure: give the job back (queued, no lease) so a redelivery runs it now."""
        ref = self._ref(job_id)

        async def body(txn: Any) -> None:
            snap = await ref.get(transaction=txn)
            if (
                snap.exists
                and snap.get("state") == JobState.RUNNING.value
                and snap.get("lease_owner") == worker
            ):
                txn.update(
                    ref,
                    {
                        "state": JobState.QUEUED.value,
                        "lease_owner": None,
                        "lease_expires_at": None,
                        "error": error.model_dump(),
                        "updated_at": self._clock(),
                    },
                )

        await self._txn(body)

    async def defer(self, job_id: str, worker: str, not_before: datetime, error: JobError) -> bool:
        """A rate limit refused the run: back to queued until `not_before`, and the claim's attempt is
        given back (a quota wait is not a failure). False: the lease was lost meanwhile."""
        ref = self._ref(job_id)

        async def body(txn: Any) -> bool:
            snap = await ref.get(transaction=txn)
            if not (
                snap.exists
                and snap.get("state") == JobState.RUNNING.value
                and snap.get("lease_owner") == worker
            ):
                return False
            txn.update(
                ref,
                {
                    "state": JobState.QUEUED.value,
                    "attempts": max(0, int(snap.get("attempts")) - 1),
                    "lease_owner": None,
                    "lease_expires_at": None,
                    "not_before": not_before,
                    "error": error.model_dump(),
                    "updated_at": self._clock(),
                },
            )
            return True

        deferred: bool = await self._txn(body)
        return deferred

    async def set_callback(self, job_id: str, state: CallbackState, attempts: int, error: str | None) -> None:
        await self._ref(job_id).update(
            {"callback_state": state.value, "callback_attempts": attempts, "callback_error": error},
            timeout=10,
        )

    # -- sweeping -------------------------------------------------------------------------------------
    async def stranded(self, older_than: datetime, limit: int, due: datetime | None = None) -> list[Job]:
        """Jobs that need a (re)publish: never published, lease expired, callback never finished, or
        deferred by a rate limit until a time now past (`due`)."""
        from google.cloud.firestore_v1.base_query import FieldFilter

        jobs = self._db.collection(JOBS)
        queries = [
            jobs.where(filter=FieldFilter("published", "==", False)).where(
                filter=FieldFilter("created_at", "<", older_than)
            ),
            jobs.where(filter=FieldFilter("state", "==", JobState.RUNNING.value)).where(
                filter=FieldFilter("lease_expires_at", "<", older_than)
            ),
            jobs.where(filter=FieldFilter("callback_state", "==", CallbackState.PENDING.value)).where(
                filter=FieldFilter("finished_at", "<", older_than)
            ),
        ]
        if due is not None:
            queries.append(
                jobs.where(filter=FieldFilter("state", "==", JobState.QUEUED.value)).where(
                    filter=FieldFilter("not_before", "<=", due)
                )
            )
        found: dict[str, Job] = {}
        for query in queries:
            async for snap in query.select(_LIST_FIELDS).limit(limit).stream(timeout=30):
                found.setdefault(snap.id, _job(snap))
        return list(found.values())[:limit]
