"""The worker against the Firestore emulator, in-process: duplicates, crashes, sweeps, big results,
and a signed callback to a local receiver through the real generate function."""

from __future__ import annotations

import asyncio
import time
import uuid
from datetime import timedelta
from typing import Any

import orjson
import pytest
from aiohttp import web

from dev.stack import PROJECT
from shared.errors import GatehouseError, UpstreamError
from shared.jobs.callbacks import verify
from shared.jobs.message import PubSubMessage
from shared.jobs.model import Job, now
from shared.jobs.store import FirestoreJobStore
from shared.jobs.sweeper import Sweeper
from shared.jobs.worker import JobWorker
from shared.pipeline import Pipeline
from shared.secrets import secret_manager_client
from shared.tenants import FirestoreTenantStore
from tests.fakes import FakeProvider, FirstTarget, answer
from tests.integration.jobkit import MODEL, client, new_tenant, publisher, store, submit, usage_docs, wait_job

pytestmark = pytest.mark.integration


def worker_for(stack: Any, provider: Any, lease_s: float = 10.0, busy_wait_s: float = 10.0) -> JobWorker:
    db = stack.firestore()
    pipeline = Pipeline([], FirstTarget(provider))
    return JobWorker(
        FirestoreJobStore(db),
        FirestoreTenantStore(lambda: db),
        pipeline,
        None,
        None,
        lease_s=lease_s,
        max_attempts=5,
        run_timeout_s=30,
        busy_wait_s=busy_wait_s,
    )


async def queued_job(stack: Any, tenant: str, text: str = "hello", **fields: Any) -> Job:
    job = Job(id=uuid.uuid4().hex, tenant=tenant, model=MODEL, **fields)
    body = {"contents": [{"role": "user", "parts": [{"text": text}]}]}
    stored, created = await store(stack).create(job, body, "h")
    assert created
    return stored


def message(job_id: str, n: int = 1) -> PubSubMessage:
    return PubSubMessage(message_id=f"m-{job_id[:6]}", data=job_id.encode(), delivery_attempt=n)


async def deliver(worker: JobWorker, job_id: str) -> str:
    """'ack' when the function would return, 'nack' when it would raise (redelivery)."""
    try:
        await worker.handle(message(job_id))
        return "ack"
    except GatehouseError as error:  # JobRetry, or a store error such as transaction contention
        if not error.is_retryable:
            raise
        return "nack"


async def until_acked(worker: JobWorker, job_id: str, deliveries: int = 5) -> int:
    """Deliver like Pub/Sub: again after every nack. Returns how many deliveries it took."""
    for n in range(1, deliveries + 1):
        if await deliver(worker, job_id) == "ack":
            return n
    raise AssertionError(f"still nacked after {deliveries} deliveries")


class SlowProvider(FakeProvider):
    async def generate(self, target: Any, body: Any, *, timeout: float) -> Any:
        await asyncio.sleep(0.3)
        return await super().generate(target, body, timeout=timeout)


async def test_duplicate_deliveries_run_once_and_bill_once(stack) -> None:  # type: ignore[no-untyped-def]
    tenant, _ = new_tenant(stack)
    job = await queued_job(stack, tenant)
    provider = SlowProvider()
    worker = worker_for(stack, provider)
    await asyncio.gather(*(until_acked(worker, job.id) for _ in range(6)))  # all end acked
    assert len(provider.calls) == 1
    impatient = worker_for(stack, provider, busy_wait_s=0)
    assert await deliver(impatient, job.id) == "ack"
    assert await deliver(worker, job.id) == "ack"  # a late redelivery after completion
    assert len(provider.calls) == 1
    stored = await store(stack).get(job.id)
    assert stored is not None
    assert stored.state == "done"
    assert stored.attempts == 1
    assert [d["id"] for d in await usage_docs(stack, tenant)] == [job.id]


class HangingProvider(FakeProvider):
    async def generate(self, target: Any, body: Any, *, timeout: float) -> Any:
        self.calls.append(("generate", target, body))
        await asyncio.Event().wait()  # never answers: the worker is killed while waiting


async def test_worker_crash_mid_job_is_retried_after_the_lease(stack) -> None:  # type: ignore[no-untyped-def]
    tenant, _ = new_tenant(stack)
    job = await queued_job(stack, tenant)
    crashing = worker_for(stack, HangingProvider(), lease_s=1.5)
    task = asyncio.create_task(crashing.handle(message(job.id)))
    await asyncio.sleep(0.5)
    task.cancel()  # the instance dies: no release, no result, the lease stays
    with pytest.raises(asyncio.CancelledError):
        await task
    running = await store(stack).get(job.id)
    assert running is not None
    assert running.state == "running"
    healthy = FakeProvider()
    impatient = worker_for(stack, healthy, busy_wait_s=0)
    assert await deliver(impatient, job.id) == "nack"  # lease still live: Pub/Sub retries later
    assert healthy.calls == []
    patient = worker_for(stack, healthy, busy_wait_s=5)
    started = time.monotonic()
    assert await deliver(patient, job.id) == "ack"  # waited for the dead worker's lease, then ran it
    assert time.monotonic() - started < 5
    done = await store(stack).get(job.id)
    assert done is not None
    assert done.state == "done"
    assert done.attempts == 2
    assert len(healthy.calls) == 1
    assert len(await usage_docs(stack, tenant)) == 1


async def test_transient_error_releases_then_retry_succeeds(stack) -> None:  # type: ignore[no-untyped-def]
    tenant, _ = new_tenant(stack)
    job = await queued_job(stack, tenant)
    provider = FakeProvider([UpstreamError(503, "busy"), answer("second time lucky")])
    worker = worker_for(stack, provider)
    assert await deliver(worker, job.id) == "nack"
    released = await store(stack).get(job.id)
    assert released is not None
    assert released.state == "queued"
    assert released.error is not None
    assert await deliver(worker, job.id) == "ack"  # no wait: the lease was given back
    done = await store(stack).get(job.id)
    assert done is not None
    assert done.state == "done"
    assert done.attempts == 2


async def test_lost_lease_result_is_discarded(stack) -> None:  # type: ignore[no-untyped-def]
    """A worker that outlived its lease while another finished must not overwrite or bill again."""
    tenant, _ = new_tenant(stack)
    job = await queued_job(stack, tenant)
    jobs = store(stack)
    slow = await jobs.claim(job.id, "slow-worker", 0.2, 5)
    await asyncio.sleep(0.3)
    fast = await jobs.claim(job.id, "fast-worker", 10, 5)
    assert fast.job is not None
    assert await jobs.complete(fast.job, "fast-worker", answer("fast"), _usage(7)) is not None
    assert slow.job is not None
    assert await jobs.complete(slow.job, "slow-worker", answer("slow"), _usage(9)) is None
    final = await jobs.get(job.id)
    assert final is not None
    assert final.result == answer("fast")
    assert [d["total_tokens"] for d in await usage_docs(stack, tenant)] == [7]


def _usage(total: int) -> Any:
    from shared.dialects.native import Usage

    return Usage(total_tokens=total)


async def test_sweeper_publishes_a_job_that_was_never_published(stack) -> None:  # type: ignore[no-untyped-def]
    tenant, headers = new_tenant(stack)
    job = await queued_job(stack, tenant, created_at=now() - timedelta(minutes=5))  # publish "lost"
    report = await Sweeper(store(stack), publisher(), grace_s=60).sweep()
    assert report.published >= 1
    async with client(stack) as http:
        view = await wait_job(http, headers, job.id)
    assert view["state"] == "done"
    again = await Sweeper(store(stack), publisher(), grace_s=60).sweep()  # now published: not found again
    assert job.id not in [j.id for j in await store(stack).stranded(now() - timedelta(seconds=60), 500)]
    assert again.failed == 0


async def test_oversized_request_and_result_are_chunked_not_truncated(stack) -> None:  # type: ignore[no-untyped-def]
    _tenant, headers = new_tenant(stack)
    prompt = "big " + "".join(f"{i:07d} " for i in range(190_000))  # ~1.5 MB: over a Firestore document
    async with client(stack) as http:
        response = await submit(http, headers, prompt=prompt)
        assert response.status_code == 202, response.text
        job = await wait_job(http, headers, response.json()["id"], timeout=60)
    assert job["state"] == "done", job
    assert job["result"]["text"].endswith(prompt)
    stored = await store(stack).get(job["id"])
    assert stored is not None
    assert stored.request_ref is not None
    assert stored.result_ref is not None
    assert stored.result_ref.chunks >= 2


class Receiver:
    def __init__(self) -> None:
        self.calls: list[tuple[dict[str, str], bytes]] = []
        self.arrived = asyncio.Event()

    async def handle(self, request: web.Request) -> web.Response:
        self.calls.append((dict(request.headers), await request.read()))
        self.arrived.set()
        return web.Response(text="thanks")


@pytest.fixture
async def receiver() -> Any:
    rx = Receiver()
    app = web.Application()
    app.router.add_post("/hook", rx.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    rx.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}/hook"  # type: ignore[attr-defined,union-attr]
    yield rx
    await runner.cleanup()


def _add_secret(stack: Any, name: str, value: bytes) -> None:
    sm = secret_manager_client(f"http://127.0.0.1:{stack.ports.secrets}")
    sm.create_secret(parent=f"projects/{PROJECT}", secret_id=name, secret={"replication": {"automatic": {}}})
    sm.add_secret_version(parent=f"projects/{PROJECT}/secrets/{name}", payload={"data": value})


async def test_signed_callback_reaches_the_receiver(stack, receiver) -> None:  # type: ignore[no-untyped-def]
    tenant, headers = new_tenant(stack)
    secret = uuid.uuid4().bytes
    await asyncio.to_thread(_add_secret, stack, f"gatehouse-callback-{tenant}", secret)
    async with client(stack) as http:
        response = await submit(http, headers, prompt="call me back", callback_url=receiver.url)
        job_id = response.json()["id"]
        await asyncio.wait_for(receiver.arrived.wait(), 30)
        job = await wait_job(http, headers, job_id, until=lambda j: j["callback"]["state"] != "pending")
    sent_headers, body = receiver.calls[0]
    assert verify(secret, sent_headers["X-Gatehouse-Signature"], body, now=time.time())
    assert not verify(b"wrong", sent_headers["X-Gatehouse-Signature"], body, now=time.time())
    assert sent_headers["X-Gatehouse-Job-Id"] == job_id
    payload = orjson.loads(body)
    assert payload["state"] == "done"
    assert "call me back" in payload["result"]["text"]
    assert job["callback"]["state"] == "delivered"


async def test_callback_without_secret_is_never_sent_unsigned(stack, receiver) -> None:  # type: ignore[no-untyped-def]
    _tenant, headers = new_tenant(stack)
    async with client(stack) as http:
        job_id = (await submit(http, headers, prompt="x", callback_url=receiver.url)).json()["id"]
        job = await wait_job(
            http, headers, job_id, until=lambda j: j.get("callback", {}).get("state") == "failed"
        )
    assert job["state"] == "done"
    assert "signing secret" in job["callback"]["error"]
    assert receiver.calls == []


async def test_job_done_log_carries_the_stages_annotations(stack, caplog) -> None:  # type: ignore[no-untyped-def]
    """A job's log line reports its route and timings like a sync request's log line does."""
    import logging

    tenant, _ = new_tenant(stack)
    job = await queued_job(stack, tenant)
    worker = worker_for(stack, FakeProvider([answer("done")]))
    with caplog.at_level(logging.INFO, logger="gatehouse.jobs.worker"):
        assert await deliver(worker, job.id) == "ack"
    done = [r for r in caplog.records if r.getMessage() == "job done"]
    assert len(done) == 1
    assert done[0].route["target"] == f"vertex:{MODEL}@us-central1"  # type: ignore[attr-defined]
    assert "upstream" in done[0].timings_ms  # type: ignore[attr-defined]
