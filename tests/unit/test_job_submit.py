"""Job submission through the gateway: the pipeline's stages run before anything is stored."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import orjson
import pytest

from shared.auth import Authenticator
from shared.errors import ServiceUnavailable
from shared.gateway import Gateway, GatewayConfig
from shared.http import HttpRequest, HttpResponse
from shared.jobs.egress import EgressPolicy
from shared.jobs.model import Job
from shared.jobs.service import JobService
from shared.pipeline import Call, Handler, Outcome, Pipeline
from shared.resilience.guard import DependencyGuard
from shared.tenants import ApiKeyRecord, Tenant, hash_api_key
from tests.fakes import FakeProvider, FirstTarget, MemorySecrets, MemoryTenants

KEY = "ghk_test_key_123456"


class MemoryJobs:
    """The part of FirestoreJobStore the submit path uses."""

    def __init__(self) -> None:
        self.jobs: dict[str, tuple[Job, dict[str, Any]]] = {}
        self.published: list[str] = []

    async def create(self, job: Job, request: dict[str, Any], request_hash: str) -> tuple[Job, bool]:
        self.jobs[job.id] = (job, request)
        return job, True

    async def mark_published(self, job_id: str) -> None:
        self.published.append(job_id)

    async def discard(self, job: Job) -> None:
        del self.jobs[job.id]


class Publisher:
    def __init__(self, fail: bool = False, hang: bool = False) -> None:
        self.sent: list[str] = []
        self.fail = fail
        self.hang = hang

    async def publish(self, job_id: str, tenant: str, kind: str = "job") -> str:
        if self.hang:
            await asyncio.sleep(3600)
        if self.fail:
            raise ServiceUnavailable("pubsub down")
        self.sent.append(job_id)
        return "1"


async def redact(call: Call, next_handler: Handler) -> Outcome:
    """Stands in for the policy stage: replaces an e-mail address before `next`."""
    seen.append(call.operation)
    text = call.body["contents"][0]["parts"][0]["text"]
    call.body["contents"][0]["parts"][0]["text"] = text.replace("ada@example.com", "[EMAIL_1]")
    return await next_handler(call)


seen: list[str] = []


def gateway(store: MemoryJobs, publisher: Publisher) -> tuple[Gateway, FakeProvider]:
    tenants = MemoryTenants()
    tenants.tenants["acme"] = Tenant(id="acme")
    h = hash_api_key(KEY, b"pep")
    tenants.keys[h] = ApiKeyRecord(key_hash=h, tenant_id="acme", display_prefix="ghk_te")
    auth = Authenticator(tenants, MemorySecrets({"pepper": b"pep"}), "pepper")
    provider = FakeProvider()
    pipeline = Pipeline([redact], FirstTarget(provider))
    policy = EgressPolicy(allow_loopback=False, require_https=True)
    queue = DependencyGuard("job queue", timeout_s=0.1)
    jobs = JobService(store, publisher, pipeline, policy, queue_guard=queue)  # type: ignore[arg-type]
    config = GatewayConfig(project="p", max_body_bytes=100_000, upstream_timeout_s=30)
    return Gateway(config, auth, pipeline, jobs=jobs), provider


def post(path: str, body: Any) -> HttpRequest:
    return HttpRequest("POST", path, {"x-goog-api-key": KEY}, {}, orjson.dumps(body))


async def test_stages_redact_before_the_job_is_stored_and_nothing_calls_upstream() -> None:
    store, publisher = MemoryJobs(), Publisher()
    gw, provider = gateway(store, publisher)
    seen.clear()
    response = await gw.handle(
        post("/v1/jobs", {"model": "gemini-2.5-flash", "prompt": "mail ada@example.com"})
    )
    assert isinstance(response, HttpResponse)
    assert response.status == 202
    job_id = orjson.loads(response.body)["id"]
    assert response.headers["Location"] == f"/v1/jobs/{job_id}"
    _job, stored = store.jobs[job_id]
    assert stored["contents"][0]["parts"][0]["text"] == "mail [EMAIL_1]"
    assert seen == ["enqueue"]
    assert provider.calls == []  # the enqueue terminal replaced the upstream call
    assert publisher.sent == [job_id]
    assert store.published == [job_id]


@pytest.mark.parametrize("publisher", [Publisher(fail=True), Publisher(hang=True)])
async def test_queue_failure_answers_503_fast_and_leaves_no_job(publisher: Publisher) -> None:
    store = MemoryJobs()
    gw, _ = gateway(store, publisher)
    started = time.monotonic()
    response = await gw.handle(
        post("/v1/generate", {"model": "gemini-2.5-flash", "prompt": "x", "async": True})
    )
    assert isinstance(response, HttpResponse)
    assert response.status == 503, response.body
    assert "Retry-After" in response.headers
    assert time.monotonic() - started < 1.0
    assert store.jobs == {}  # nothing half-written: no job the sweeper would run later
    assert store.published == []


async def test_invalid_job_never_reaches_the_stages() -> None:
    store, publisher = MemoryJobs(), Publisher()
    gw, _ = gateway(store, publisher)
    seen.clear()
    bad = {"model": "gemini-2.5-flash", "prompt": "x", "callback_url": "https://10.0.0.1/hook"}
    response = await gw.handle(post("/v1/jobs", bad))
    assert isinstance(response, HttpResponse)
    assert response.status == 400
    assert orjson.loads(response.body)["error"]["details"][0]["fieldViolations"][0]["field"] == "callback_url"
    assert store.jobs == {}
    assert publisher.sent == []
    assert seen == []
