"""The async lane over HTTP: ingress -> Firestore + Pub/Sub emulator -> Eventarc shim -> generate."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest

from dev.stack import PROJECT
from dev.topics import JOBS_TOPIC
from shared.jobs.model import Job
from tests.integration.jobkit import (
    MODEL,
    client,
    new_tenant,
    publisher,
    store,
    submit,
    tenant_jobs,
    usage_docs,
    wait_job,
)

pytestmark = pytest.mark.integration


async def test_submit_runs_once_and_records_usage(stack, sim) -> None:  # type: ignore[no-untyped-def]
    tenant, headers = new_tenant(stack)
    prompt = f"job prompt {uuid.uuid4().hex}"
    mark = sim.mark()
    async with client(stack) as http:
        response = await submit(http, headers, prompt=prompt, metadata={"order": "42"})
        assert response.status_code == 202, response.text
        job_id = response.json()["id"]
        assert response.headers["location"] == f"/v1/jobs/{job_id}"
        assert response.json()["state"] == "queued"
        job = await wait_job(http, headers, job_id)
    assert job["state"] == "done", job
    assert prompt in job["result"]["text"]
    assert job["metadata"] == {"order": "42"}
    assert job["attempts"] == 1
    upstream = [r for r in sim.requests(since=mark) if prompt in str(r["body"])]
    assert len(upstream) == 1
    ledger = await usage_docs(stack, tenant)
    assert [d["id"] for d in ledger] == [job_id]
    assert ledger[0]["total_tokens"] == job["result"]["usage"]["total_tokens"] > 0


async def test_async_flag_on_native_generate(stack) -> None:  # type: ignore[no-untyped-def]
    _tenant, headers = new_tenant(stack)
    async with client(stack) as http:
        body = {"model": MODEL, "prompt": "later please", "async": True}
        response = await http.post("/v1/generate", json=body, headers=headers)
        assert response.status_code == 202, response.text
        job = await wait_job(http, headers, response.json()["id"])
        assert job["state"] == "done"
        no_async = {"model": MODEL, "prompt": "x", "callback_url": "http://127.0.0.1:1/h"}
        refused = await http.post("/v1/generate", json=no_async, headers=headers)
        assert refused.status_code == 400
        assert refused.json()["error"]["details"][0]["fieldViolations"][0]["field"] == "callback_url"


def _audit_subscription() -> tuple[Any, str]:
    from google.cloud import pubsub_v1

    subscriber = pubsub_v1.SubscriberClient()
    name = subscriber.subscription_path(PROJECT, f"audit-{uuid.uuid4().hex[:8]}")
    subscriber.create_subscription(name=name, topic=f"projects/{PROJECT}/topics/{JOBS_TOPIC}")
    return subscriber, name


def _published_for(subscriber: Any, name: str, tenant: str) -> int:
    response = subscriber.pull(request={"subscription": name, "max_messages": 100}, timeout=3)
    return sum(1 for m in response.received_messages if m.message.attributes.get("tenant") == tenant)


@pytest.mark.parametrize(
    ("body", "headers_extra", "field"),
    [
        ({"prompt": "x", "unknown": 1}, {}, "unknown"),
        ({}, {}, None),  # neither prompt nor messages
        ({"prompt": "x", "stream": True}, {}, None),
        ({"prompt": "x", "callback_url": "http://169.254.169.254/latest"}, {}, "callback_url"),
        ({"prompt": "x", "callback_url": "ftp://example.com/"}, {}, "callback_url"),
        ({"prompt": "x", "model": "not-allowed-model"}, {}, "model"),
        ({"prompt": "x", "config": {"temperature": 9}}, {}, "config.temperature"),
        ({"prompt": "x"}, {"idempotency-key": "has spaces in it"}, "Idempotency-Key"),
    ],
)
async def test_invalid_body_is_400_and_nothing_is_stored_or_published(  # type: ignore[no-untyped-def]
    stack, body, headers_extra, field
) -> None:
    tenant, headers = new_tenant(stack, allowed_models=("gemini-*",))
    subscriber, audit = await asyncio.to_thread(_audit_subscription)
    async with client(stack) as http:
        response = await submit(http, {**headers, **headers_extra}, **body)
        assert response.status_code == 400, response.text
        error = response.json()["error"]
        if field:
            assert error["details"][0]["fieldViolations"][0]["field"] == field, error
        assert "Traceback" not in response.text
        assert await tenant_jobs(stack, tenant) == []
        assert await asyncio.to_thread(_published_for, subscriber, audit, tenant) == 0
        ok = await submit(http, headers, prompt="valid")  # the audit would have seen a publish
        assert ok.status_code == 202
        assert await asyncio.to_thread(_published_for, subscriber, audit, tenant) == 1
    await asyncio.to_thread(subscriber.delete_subscription, subscription=audit)


async def test_invalid_json_is_400(stack) -> None:  # type: ignore[no-untyped-def]
    tenant, headers = new_tenant(stack)
    async with client(stack) as http:
        response = await http.post("/v1/jobs", content=b"{not json", headers=headers)
    assert response.status_code == 400
    assert await tenant_jobs(stack, tenant) == []


async def test_idempotency_key_returns_the_same_job(stack) -> None:  # type: ignore[no-untyped-def]
    tenant, headers = new_tenant(stack)
    keyed = {**headers, "idempotency-key": f"order-{uuid.uuid4().hex}"}
    async with client(stack) as http:
        first = await submit(http, keyed, prompt="charge once")
        again = await submit(http, keyed, prompt="charge once")
        assert first.status_code == again.status_code == 202
        assert first.json()["id"] == again.json()["id"]
        assert again.headers["idempotent-replayed"] == "true"
        assert "idempotent-replayed" not in first.headers
        other = await submit(http, keyed, prompt="a different request")
        assert other.status_code == 422  # as on sync generate calls
        assert "Idempotency-Key" in other.json()["error"]["message"]
        await wait_job(http, headers, first.json()["id"])
        late = await submit(http, keyed, prompt="charge once")  # after completion: still the same job
        assert late.json()["id"] == first.json()["id"]
        assert late.json()["state"] == "done"
    assert len(await tenant_jobs(stack, tenant)) == 1
    assert len(await usage_docs(stack, tenant)) == 1


async def test_jobs_are_tenant_scoped(stack) -> None:  # type: ignore[no-untyped-def]
    _a, alice = new_tenant(stack, "alice")
    _b, bob = new_tenant(stack, "bob")
    async with client(stack) as http:
        job_id = (await submit(http, alice, prompt="alice's secret")).json()["id"]
        await wait_job(http, alice, job_id)
        assert (await http.get(f"/v1/jobs/{job_id}", headers=bob)).status_code == 404
        assert (await http.delete(f"/v1/jobs/{job_id}", headers=bob)).status_code == 404
        listed = (await http.get("/v1/jobs", headers=bob)).json()
        assert listed["jobs"] == []
        assert (await http.get(f"/v1/jobs/{job_id}", headers=alice)).status_code == 200
        assert (await http.get("/v1/jobs/nonexistent", headers=alice)).status_code == 404
        assert (await http.get(f"/v1/jobs/{job_id}")).status_code == 401


async def test_listing_pages_newest_first(stack) -> None:  # type: ignore[no-untyped-def]
    _tenant, headers = new_tenant(stack)
    async with client(stack) as http:
        made = [(await submit(http, headers, prompt=f"list {i}")).json()["id"] for i in range(5)]
        seen: list[str] = []
        token = None
        pages = 0
        while True:
            params = {"page_size": "2", **({"page_token": token} if token else {})}
            page = (await http.get("/v1/jobs", params=params, headers=headers)).json()
            seen += [job["id"] for job in page["jobs"]]
            pages += 1
            token = page["next_page_token"]
            if not token:
                break
        assert pages == 3
        assert seen == list(reversed(made))
        bad = await http.get("/v1/jobs", params={"page_token": "bogus"}, headers=headers)
        assert bad.status_code == 400
        assert (await http.get("/v1/jobs", params={"page_size": "0"}, headers=headers)).status_code == 400


async def test_cancel_a_queued_job_and_it_never_runs(stack, sim) -> None:  # type: ignore[no-untyped-def]
    tenant, headers = new_tenant(stack)
    jobs = store(stack)
    prompt = f"cancel me {uuid.uuid4().hex}"
    job = Job(id=uuid.uuid4().hex, tenant=tenant, model=MODEL)  # stored, not yet published
    body = {"contents": [{"role": "user", "parts": [{"text": prompt}]}]}
    await jobs.create(job, body, "h")
    mark = sim.mark()
    async with client(stack) as http:
        cancelled = await http.delete(f"/v1/jobs/{job.id}", headers=headers)
        assert cancelled.status_code == 200
        assert cancelled.json()["state"] == "cancelled"
        assert (await http.delete(f"/v1/jobs/{job.id}", headers=headers)).json()["state"] == "cancelled"
        await publisher().publish(job.id, tenant)  # a late message must not revive it
        await asyncio.sleep(1.5)
        assert (await http.get(f"/v1/jobs/{job.id}", headers=headers)).json()["state"] == "cancelled"
        done_id = (await submit(http, headers, prompt="finish first")).json()["id"]
        await wait_job(http, headers, done_id)
        conflict = await http.delete(f"/v1/jobs/{done_id}", headers=headers)
        assert conflict.status_code == 409
    assert not [r for r in sim.requests(since=mark) if prompt in str(r["body"])]


async def test_permanent_upstream_error_fails_the_job_once(stack, sim) -> None:  # type: ignore[no-untyped-def]
    _tenant, headers = new_tenant(stack, region="perm-region")
    sim.set_region("perm-region", error_rate=1.0, error_status=400)
    async with client(stack) as http:
        job_id = (await submit(http, headers, prompt="bad request upstream")).json()["id"]
        job = await wait_job(http, headers, job_id)
    assert job["state"] == "failed"
    assert job["attempts"] == 1
    assert job["error"]["status"] == 400


async def test_poison_message_reaches_the_dead_letter_path(stack, sim) -> None:  # type: ignore[no-untyped-def]
    """Every run fails transiently (503): the emulator's dead-letter policy (5 deliveries) moves
    the message, and generate_deadletter marks the job failed with the reason."""
    tenant, headers = new_tenant(stack, region="poison-region")
    sim.set_region("poison-region", error_rate=1.0, error_status=503)
    async with client(stack) as http:
        job_id = (await submit(http, headers, prompt="poison")).json()["id"]
        job = await wait_job(http, headers, job_id, timeout=90)
    assert job["state"] == "failed", job
    assert job["error"]["code"] == "dead_lettered"
    assert "5 times" in job["error"]["message"]
    assert "503" in job["error"]["message"] or "unavailable" in job["error"]["message"].lower()
    assert job["attempts"] == 5
    assert await usage_docs(stack, tenant) == []


async def test_malformed_and_orphan_messages_are_dropped(stack) -> None:  # type: ignore[no-untyped-def]
    from google.cloud import pubsub_v1

    client_ = pubsub_v1.PublisherClient()
    topic = f"projects/{PROJECT}/topics/{JOBS_TOPIC}"
    orphan = uuid.uuid4().hex
    await asyncio.to_thread(lambda: client_.publish(topic, b"not a job id").result())
    await asyncio.to_thread(lambda: client_.publish(topic, orphan.encode(), job_id=orphan).result())
    for _ in range(50):
        log = stack.log_text("generate")
        if "malformed job message dropped" in log and orphan in log:
            break
        await asyncio.sleep(0.2)
    log = stack.log_text("generate")
    assert "malformed job message dropped" in log

    def dropped() -> int:
        lines = stack.log_text("generate").splitlines()
        return sum(1 for line in lines if orphan in line and "does not exist" in line)

    assert dropped() == 1
    await asyncio.sleep(3)  # an acked message is not redelivered
    assert dropped() == 1
