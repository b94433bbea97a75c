"""The generate function's work: claim a job, run the pipeline, store the result, call back.

Outcomes per message (the function returns = ack; raises = Pub/Sub redelivers):

    claimed -> pipeline ok -> done (+ usage, once) -> callback          ack
    claimed -> permanent error (4xx, too large, tenant gone) -> failed  ack
    claimed -> transient error (429/5xx, timeout, unknown) -> released  raise (retry)
    claimed -> a quota refuses (rate, tokens, concurrency) -> queued with not_before, attempt given
               back; the sweeper republishes it when due                      ack
    claimed -> a hard budget refuses -> failed (budget_exceeded)             ack
    deferred (not_before ahead) -> nothing to do now                          ack
    claimed on the last attempt -> any error -> failed                  ack
    busy (another live lease) -> wait for it to end (bounded), then claim or ack; ack when its
                                 worker is alive (lease renewed meanwhile); raise otherwise

Leases are short (30 s by default) and renewed by a heartbeat while the job runs, so a job of any
length keeps its lease, and a dead worker's job is taken over about one lease after its last
heartbeat, by the next delivery of its message (the dead worker never acked it).
    finished -> finish a pending callback; missing or malformed -> log and drop
"""

from __future__ import annotations

import asyncio
import os
import random
import socket
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from cachetools import TTLCache

from shared.dialects.native import usage_of
from shared.errors import GatehouseError, ResourceExhausted, ServiceUnavailable
from shared.jobs.callbacks import CallbackSender
from shared.jobs.message import PubSubMessage
from shared.jobs.model import CallbackState, Job, JobError
from shared.jobs.model import now as utcnow
from shared.jobs.store import Claim, ClaimKind, FirestoreJobStore
from shared.jobs.sweeper import Sweeper
from shared.limits.stage import KEY_ATTR
from shared.log import LOGGED_ATTRS, LogContext, get_logger, set_context
from shared.pipeline import Call, Pipeline
from shared.tenants import Tenant, TenantStore
from shared.timing import Timings
from shared.usage.aggregator import UsageAggregator

__all__ = ["JobRetry", "JobWorker", "deliver_callback"]

log = get_logger("gatehouse.jobs.worker")


_T = TypeVar("_T")


class LeaseLost(Exception):
    """Another worker took the job over (this one's heartbeat stopped or came too late)."""


class JobRetry(GatehouseError):
    """Raised out of the function so Pub/Sub redelivers the message later."""

    http_status = 503
    code = "retry"
    retryable = True


def error_of(error: GatehouseError) -> JobError:
    return JobError(code=error.code, message=error.message, status=error.status)


async def deliver_callback(store: FirestoreJobStore, sender: CallbackSender | None, job: Job) -> None:
    """Deliver a finished job's callback if it has one pending, and record how it went."""
    if sender is None or not job.callback_url or job.callback_state != CallbackState.PENDING:
        return
    result = await store.result_of(job) if job.state == "done" else None
    outcome = await sender.deliver(job.tenant, job.id, job.callback_url, job.view(result))
    state = CallbackState.DELIVERED if outcome.delivered else CallbackState.FAILED
    await store.set_callback(job.id, state, job.callback_attempts + outcome.attempts, outcome.error)


class JobWorker:
    def __init__(
        self,
        store: FirestoreJobStore,
        tenants: TenantStore,
        pipeline: Pipeline,
        callbacks: CallbackSender | None,
        sweeper: Sweeper | None,
        *,
        lease_s: float,
        max_attempts: int,
        run_timeout_s: float,
        tenant_ttl_s: float = 30.0,
        busy_wait_s: float = 45.0,
        busy_poll_s: float = 1.0,
        heartbeat_s: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utcnow,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        usage: UsageAggregator | None = None,
    ) -> None:
        self._usage = usage
        self._busy_wait_s = busy_wait_s
        self._busy_poll_s = busy_poll_s
        self._now = now
        self._sleep = sleep
        self._store = store
        self._tenants = tenants
        self._pipeline = pipeline
        self._callbacks = callbacks
        self._sweeper = sweeper
        self._lease_s = lease_s
        self._heartbeat_s = heartbeat_s if heartbeat_s is not None else lease_s / 3
        self._max_attempts = max_attempts
        self._run_timeout = run_timeout_s  # the heartbeat keeps the lease for as long as the run lasts
        self._instance = f"{socket.gethostname()}-{os.getpid()}"
        # Same staleness as the authenticator's key cache: a disabled tenant stops within the TTL.
        self._tenant_cache: TTLCache[str, Tenant] = TTLCache(maxsize=10_000, ttl=tenant_ttl_s, timer=clock)

    async def handle(self, message: PubSubMessage) -> None:
        if message.kind == "sweep":
            if self._sweeper is not None:
                await self._sweeper.sweep()
            return
        job_id = message.job_id()
        if job_id is None:
            log.error("malformed job message dropped", extra={"message_id": message.message_id})
            return
        set_context(LogContext(request_id=f"job-{job_id}", tenant=message.attributes.get("tenant")))
        worker = f"{self._instance}-{uuid.uuid4().hex[:12]}"  # one lease token per claim
        timings = Timings()
        with timings.span("claim"):
            claim, alive = await self._claim(job_id, worker)
        extra: dict[str, Any] = {
            "job_id": job_id,
            "message_id": message.message_id,
            "claim": claim.kind.value,
        }
        if message.delivery_attempt is not None:
            extra["delivery_attempt"] = message.delivery_attempt
        log.info("job message", extra=extra)
        if claim.kind == ClaimKind.MISSING:
            log.warning("message for a job that does not exist dropped", extra=extra)
        elif claim.kind == ClaimKind.DEFERRED:
            log.info("job deferred by a quota; the sweeper republishes it when due", extra=extra)
        elif claim.kind == ClaimKind.BUSY and alive:
            # its worker renewed the lease while this delivery waited: it is alive and holds its own
            # delivery; if it dies, that delivery comes back (or the sweeper republishes the job)
            log.info("job is running under a renewed lease elsewhere; duplicate acked", extra=extra)
        elif claim.kind == ClaimKind.BUSY:
            raise JobRetry(f"job {job_id} is running under another lease")
        elif claim.kind in (ClaimKind.FINISHED, ClaimKind.EXHAUSTED):
            assert claim.job is not None
            job = await self._store.get(job_id) if claim.kind == ClaimKind.EXHAUSTED else claim.job
            if job is not None:
                await deliver_callback(self._store, self._callbacks, job)
        else:
            assert claim.job is not None
            await self._run(claim.job, worker, timings)

    async def _claim(self, job_id: str, worker: str) -> tuple[Claim, bool]:
        """Claim; while another live lease holds the job, wait (up to `busy_wait_s`) for it to end.
        Also says whether that lease was renewed meanwhile (its worker's heartbeat: alive).

        A duplicate of a running job then acks as soon as the original finishes, and a crashed
        worker's job is taken over when its lease expires, without spending Pub/Sub delivery
        attempts (which would send the message to the dead-letter topic). Polls are a plain read,
        at most every `busy_poll_s`, and right after the lease's expiry.
        """
        claim = await self._try_claim(job_id, worker, await self._store.get(job_id))
        first = claim.job.lease_expires_at if claim.kind == ClaimKind.BUSY and claim.job else None
        waited = 0.0
        while claim.kind == ClaimKind.BUSY and claim.job is not None and claim.job.lease_expires_at:
            remaining = (claim.job.lease_expires_at - self._now()).total_seconds()
            pause = min(self._busy_poll_s, max(0.05, remaining + 0.05))
            if waited + pause > self._busy_wait_s:
                break
            await self._sleep(pause)
            waited += pause
            claim = await self._try_claim(job_id, worker, await self._store.get(job_id))
        expires = claim.job.lease_expires_at if claim.kind == ClaimKind.BUSY and claim.job else None
        return claim, bool(first and expires and expires > first)

    async def _try_claim(self, job_id: str, worker: str, current: Job | None) -> Claim:
        """A plain read settles most duplicates (finished, or held under a live lease) without a
        transaction; only a claimable job pays for one. Contended transactions are retried a few
        times before the delivery is nacked."""
        if current is not None and current.state.terminal:
            return Claim(ClaimKind.FINISHED, current)
        if current is not None and current.lease_expires_at and current.lease_expires_at > self._now():
            return Claim(ClaimKind.BUSY, current)
        if current is not None and current.not_before and current.not_before > self._now():
            return Claim(ClaimKind.DEFERRED, current)
        for attempt in range(3):
            try:
                return await self._store.claim(job_id, worker, self._lease_s, self._max_attempts)
            except ServiceUnavailable:
                if attempt == 2:
                    raise
                await self._sleep(0.05 + random.random() * 0.2 * (attempt + 1))  # noqa: S311  # jitter
        raise AssertionError("unreachable")

    async def _run(self, job: Job, worker: str, timings: Timings) -> None:
        try:
            with timings.span("run"):
                response, attrs = await self._leased(self._generate(job, timings), job, worker)
            with timings.span("store"):
                done = await self._store.complete(job, worker, response, usage_of(response))
        except LeaseLost:
            log.warning("lease lost while the job ran; another worker owns it now", extra={"job_id": job.id})
            return
        except ResourceExhausted as error:
            await self._refused(job, worker, error)
            return
        except GatehouseError as error:
            await self._failed(job, worker, error)
            return
        except Exception as error:
            log.exception("job run failed unexpectedly", extra={"job_id": job.id})
            await self._failed(
                job, worker, GatehouseError(f"internal error ({type(error).__name__})"), retry=True
            )
            return
        if done is None:
            log.warning("lease lost before the result was stored; result discarded", extra={"job_id": job.id})
            return
        usage = attrs.pop("_usage", None)
        if usage is not None and self._usage is not None:  # the ledger counts a job once: when stored
            self._usage.add(*usage)
        extra = {
            "job_id": job.id,
            "tenant": job.tenant,
            "attempts": job.attempts,
            "timings_ms": timings.summary(),
        }
        extra.update({k: v for k, v in attrs.items() if k in LOGGED_ATTRS})  # cost, route, policy, ...
        log.info("job done", extra={**extra, "usage": done.usage.model_dump() if done.usage else None})
        await deliver_callback(self._store, self._callbacks, done)

    async def _leased(self, work: Awaitable[_T], job: Job, worker: str) -> _T:
        """Await `work` while renewing the job's lease every `heartbeat_s`; a lost lease cancels it.
        The first renewal comes sooner when the claim itself was slow (half the lease it left)."""
        job_id = job.id
        left = (job.lease_expires_at - self._now()).total_seconds() if job.lease_expires_at else 0.0
        pause = max(0.0, min(self._heartbeat_s, left / 2))
        task = asyncio.ensure_future(work)
        try:
            while True:
                done, _ = await asyncio.wait([task], timeout=pause)
                pause = self._heartbeat_s
                if done:
                    return task.result()
                try:  # bounded: a frozen store must not hold the run's result back
                    renew = self._store.renew(job_id, worker, self._lease_s)
                    renewed = await asyncio.wait_for(renew, self._heartbeat_s)
                except (ServiceUnavailable, TimeoutError) as error:  # keep running: the result is
                    log.warning(  # stored only while the lease is still ours (complete() checks it)
                        "lease renewal failed; the run continues",
                        extra={"job_id": job_id, "error": type(error).__name__},
                    )
                    continue
                if not renewed:
                    raise LeaseLost(f"job {job_id}: lease lost")
        finally:
            if not task.done():
                task.cancel()
                await asyncio.wait([task])

    async def _generate(self, job: Job, timings: Timings) -> tuple[dict[str, Any], dict[str, Any]]:
        """The job's answer, and the stages' annotations of the call (for the job's log line)."""
        tenant = self._tenant_cache.get(job.tenant)
        if tenant is None:
            tenant = await self._tenants.get_tenant(job.tenant)
            if tenant is not None:
                self._tenant_cache[job.tenant] = tenant
        if tenant is None or tenant.disabled:
            raise GatehouseError(f"tenant `{job.tenant}` no longer exists or is disabled")
        call = Call(
            request_id=f"job-{job.id}-{job.attempts}",
            tenant=tenant,
            dialect="job",
            model=job.model,
            body=await self._store.request_of(job),
            stream=False,
            deadline=time.monotonic() + self._run_timeout,
            timings=timings,
            attrs={"job_id": job.id, KEY_ATTR: job.api_key_id, "_defer_usage": True},
        )
        outcome = await self._pipeline.run(call)
        if outcome.response is None:
            raise GatehouseError("the pipeline returned no response for a non-streaming call")
        return outcome.response, call.attrs

    async def _refused(self, job: Job, worker: str, error: ResourceExhausted) -> None:
        """Limits hold when a job runs: over a budget it fails; over a rate it waits (no attempt spent)."""
        if error.limit.startswith("budget.") or error.retry_after is None:  # a budget, or a limit of 0
            reason = JobError(code="budget_exceeded" if error.limit.startswith("budget.") else error.code,
                              message=error.message, status=error.status)  # fmt: skip
            failed = await self._store.fail(job.id, reason, worker)
            log.warning("job refused by a limit", extra={"job_id": job.id, "limit": error.limit})
            if failed is not None:
                await deliver_callback(self._store, self._callbacks, failed)
            return
        not_before = self._now() + timedelta(seconds=error.retry_after)
        await self._store.defer(job.id, worker, not_before, error_of(error))
        log.info(
            "job deferred by a quota",
            extra={"job_id": job.id, "limit": error.limit, "not_before": not_before.isoformat()},
        )

    async def _failed(self, job: Job, worker: str, error: GatehouseError, retry: bool | None = None) -> None:
        retry = error.is_retryable if retry is None else retry
        reason = error_of(error)
        if retry and job.attempts < self._max_attempts:
            log.warning("job attempt failed; will retry", extra={"job_id": job.id, "error": reason.message})
            await self._store.release(job.id, worker, reason)
            raise JobRetry(f"job {job.id} attempt {job.attempts} failed: {reason.message}") from error
        failed = await self._store.fail(job.id, reason, worker)
        log.warning("job failed", extra={"job_id": job.id, "error": reason.message, "attempts": job.attempts})
        if failed is not None:
            await deliver_callback(self._store, self._callbacks, failed)
