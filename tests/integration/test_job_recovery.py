"""Crashed workers recover in about one lease, with delivery as production has it.

Its own topics, an Eventarc stand-in with an ack deadline and retry backoff (dev/eventarc.py), and
its own generate instance (5 s lease, heartbeat every second) on the session stack's emulators.
Jobs of the `slow` tenant take 7 s upstream, longer than the lease (only the heartbeat keeps them)
and than the ack deadline (Pub/Sub redelivers them while they run).
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from dev.stack import PROJECT, ROOT, Service, free_port, function_service, port_in_use, stop_all, wait_ready
from dev.topics import provision
from shared.jobs.model import Job
from shared.jobs.publisher import JobPublisher
from shared.jobs.store import ClaimKind
from shared.tenants import Tenant
from tests.integration.jobkit import MODEL, store

pytestmark = pytest.mark.integration

LEASE_S, HEARTBEAT_S, SLOW_S = 5.0, 1.0, 7.0
ACK_DEADLINE_S, BACKOFF_S, RETRY_MAX_S = 4.0, 1.0, 4.0


def _tenant(stack: Any, region: str | None = None) -> str:
    tenant_id = f"rec-{uuid.uuid4().hex[:8]}"
    routing = {}
    if region:
        routing = {
            "plans": {"main": {"targets": [{"model": MODEL, "region": region}]}},
            "aliases": {"slow": "main"},
        }
    stack.add_tenant(Tenant(id=tenant_id, routing=routing))
    return tenant_id


async def _job(stack: Any, publisher: JobPublisher, tenant: str, model: str = MODEL) -> str:
    job = Job(id=uuid.uuid4().hex, tenant=tenant, model=model)
    body = {"contents": [{"role": "user", "parts": [{"text": f"job for {tenant}"}]}]}
    await store(stack).create(job, body, "h")
    await publisher.publish(job.id, tenant)
    return job.id


async def _wait(stack: Any, job_id: str, until: Any, timeout: float) -> tuple[Job, float]:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        job = await store(stack).get(job_id)
        if job is not None and until(job):
            return job, time.monotonic() - started
        await asyncio.sleep(0.1)
    raise AssertionError(f"job {job_id}: condition not met in {timeout}s: {await store(stack).get(job_id)}")


def _done(job: Job) -> bool:
    return job.state.terminal


@pytest.fixture
def lane(stack):  # type: ignore[no-untyped-def]
    suffix = uuid.uuid4().hex[:8]
    topic, dead = f"rec-jobs-{suffix}", f"rec-dead-{suffix}"
    env = {
        **stack.env,
        "GATEHOUSE_JOBS_TOPIC": topic,
        "GATEHOUSE_JOBS_DEAD_LETTER_TOPIC": dead,
        "GATEHOUSE_JOB_LEASE_S": str(LEASE_S),
        "GATEHOUSE_JOB_HEARTBEAT_S": str(HEARTBEAT_S),
        "GATEHOUSE_JOB_BUSY_WAIT_S": str(LEASE_S + 1),
    }
    worker = function_service("generate", free_port(), env)
    worker.name = f"generate-rec-{suffix}"
    shim_port = free_port()
    dead_letters = f"http://127.0.0.1:{stack.ports.functions['generate_deadletter']}"
    argv = [sys.executable, "-m", "dev.eventarc", "--port", str(shim_port), "--project", PROJECT,
            "--route", f"generate=http://127.0.0.1:{worker.port}",
            "--route", f"generate_deadletter={dead_letters}", "--ack-deadline-s", str(ACK_DEADLINE_S),
            "--retry-min-s", str(BACKOFF_S), "--retry-max-s", str(RETRY_MAX_S)]  # fmt: skip
    shim = Service(f"eventarc-rec-{suffix}", argv, shim_port, "/healthz")
    for service in (worker, shim):
        service.start(stack.log_dir)
    wait_ready([shim])
    _wait_port(worker)
    # 10 deliveries before the dead-letter topic: with this lane's 4 s backoff cap, 5 would give up
    # ~30 s after a kill (production's backoff, up to 600 s, spans far longer), and a restart that
    # slow on a loaded machine would then fail the job instead of testing its takeover
    provision(
        f"127.0.0.1:{stack.ports.pubsub}", PROJECT, shim.url, jobs_topic=topic, dead_letter_topic=dead,
        max_delivery_attempts=10,
    )  # fmt: skip
    yield worker, JobPublisher(PROJECT, topic)
    stop_all((shim, worker))


async def _warm(service: Service) -> None:
    """One malformed message: the instance builds its worker and drops it (acked)."""
    payload = {"message": {"data": "", "messageId": "warm-up"}, "subscription": "warm-up"}
    async with httpx.AsyncClient(base_url=service.url, timeout=60) as client:
        response = await client.post("/", json=payload)
        assert response.is_success, response.text


def _wait_port(service: Service, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not port_in_use(service.port):
        assert time.monotonic() < deadline, f"{service.name} did not start"
        time.sleep(0.1)


async def test_a_crashed_workers_job_is_taken_over_in_about_one_lease(stack, sim, lane) -> None:  # type: ignore[no-untyped-def]
    worker, publisher = lane
    region = f"rec-{uuid.uuid4().hex[:6]}"
    sim.set_region(region, latency_ms=SLOW_S * 1000)
    mark = sim.mark()
    slow, fast = _tenant(stack, region), _tenant(stack)
    stuck = await _job(stack, publisher, slow, model="slow")
    first, _ = await _wait(stack, stuck, lambda j: j.state == "running", timeout=20)
    await asyncio.sleep(HEARTBEAT_S * 2)  # the run is under way (and has renewed its lease)
    # SIGKILL mid-run, wherever its heartbeat is: a renewal holds no lock a takeover would wait on
    await asyncio.to_thread(worker.kill)
    held = await store(stack).get(stuck)  # the lease as the dead worker left it
    assert held is not None
    assert held.lease_owner == first.lease_owner
    assert held.lease_expires_at is not None
    worker.start(stack.log_dir)  # a new instance starts, as Cloud Run does
    other = await _job(stack, publisher, fast)  # another tenant's job, behind the crashed one
    await asyncio.to_thread(_wait_port, worker)
    await _warm(worker)  # the new instance has built its worker (a cold start is not the lease's doing)
    ready = datetime.now(UTC)
    taken, _ = await _wait(
        stack, stuck, lambda j: j.state == "running" and j.lease_owner != first.lease_owner, 30
    )
    quick, _ = await _wait(stack, other, _done, timeout=20)
    done, _ = await _wait(stack, stuck, _done, timeout=30)
    await asyncio.sleep(BACKOFF_S)  # a redelivery the ack deadline caused during the second run settles
    upstream = [r for r in sim.requests(since=mark) if r["region"] == region]
    # the takeover's claim time (`updated_at`; heartbeats do not set it), against the dead lease
    claimed_at = taken.updated_at
    after_lease_s = (claimed_at - held.lease_expires_at).total_seconds()
    after_ready_s = (claimed_at - max(held.lease_expires_at, ready)).total_seconds()
    print(f"\nrecovery: claimed {after_lease_s:.2f}s after the dead lease ended, {after_ready_s:.2f}s after "
          "the later of that and the new instance being ready")  # fmt: skip
    # the crashed run and the takeover, no more: the takeover ran past the lease and the ack deadline
    # (so Pub/Sub redelivered it meanwhile), and its heartbeat kept it the only run
    assert done.state == "done", done.error
    assert done.attempts == taken.attempts == 2
    assert len(upstream) == 2
    # never before the dead worker's lease ended (store timestamps, one clock) ...
    assert after_lease_s >= 0
    # ... and about then: the redelivery was waiting for the new instance (the shim holds it while
    # nothing listens), which waited out the rest of the lease and claimed it; the margin is the
    # emulator's slow transactions on a busy machine, and one retry backoff
    assert after_ready_s <= RETRY_MAX_S + 3.0
    # another tenant's job was not held behind the crashed one
    assert quick.state == "done"
    assert quick.finished_at is not None
    assert done.finished_at is not None
    assert quick.finished_at < done.finished_at


_DIE_AT_THE_WRITE = """
import asyncio, os, signal, sys
from google.cloud import firestore
from google.cloud.firestore_v1 import async_document, async_transaction
from shared.jobs.store import FirestoreJobStore

def die(*args, **kwargs):  # after the heartbeat's read, before its write: SIGKILL
    os.kill(os.getpid(), signal.SIGKILL)

async_document.AsyncDocumentReference.update = die  # a compare-and-set's write
async_transaction.AsyncTransaction._commit = die  # a transaction's commit (its read holds a lock)
store = FirestoreJobStore(firestore.AsyncClient(project=sys.argv[1]))
asyncio.run(store.renew(sys.argv[2], sys.argv[3], 60.0))
"""


async def test_a_worker_killed_inside_its_heartbeat_does_not_delay_the_takeover(stack) -> None:  # type: ignore[no-untyped-def]
    """Deterministic: the worker dies at the one point a heartbeat could hold something (its read
    done, its write not sent). A transaction's read lock would outlive it by a minute on the
    emulator (pessimistic mode), refusing every claim; the heartbeat holds none."""
    jobs = store(stack)
    job = Job(id=uuid.uuid4().hex, tenant=_tenant(stack), model=MODEL)
    await jobs.create(job, {"contents": [{"role": "user", "parts": [{"text": "x"}]}]}, "h")
    claim = await jobs.claim(job.id, "dead-worker", 1.0, 5)
    assert claim.kind == ClaimKind.CLAIMED
    assert claim.job is not None
    assert claim.job.lease_expires_at is not None
    child = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        _DIE_AT_THE_WRITE,
        PROJECT,
        job.id,
        "dead-worker",
        cwd=ROOT,
        env={**os.environ, **stack.env},
    )
    assert await asyncio.wait_for(child.wait(), 60) == -signal.SIGKILL
    held = await jobs.get(job.id)
    assert held is not None
    assert held.lease_expires_at == claim.job.lease_expires_at  # the heartbeat did not land
    await asyncio.sleep(max(0.0, (held.lease_expires_at - datetime.now(UTC)).total_seconds()) + 0.05)
    started = time.monotonic()
    taken = await asyncio.wait_for(jobs.claim(job.id, "new-worker", 30.0, 5), 10)
    assert taken.kind == ClaimKind.CLAIMED  # at once, not after the emulator's 60 s lock timeout
    assert taken.job is not None
    assert taken.job.attempts == 2
    assert time.monotonic() - started < 5
