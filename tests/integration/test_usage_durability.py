"""Usage is never lost: instances stopped with SIGTERM flush their buffered usage; after SIGKILL the
request logs rebuild the ledger exactly (`shared.usage.reconcile`). Ingress and the job worker.

Each test starts its own function instance on the session stack's emulators with a 60 s flush
interval, so nothing reaches the ledger before the instance is stopped.
"""

from __future__ import annotations

import asyncio
import base64
import io
import time
import uuid
from typing import Any

import httpx
import orjson
import pytest

from dev.stack import PROJECT, Service, free_port, function_service, port_in_use, wait_ready
from shared.tenants import Tenant
from shared.usage.ledger import FirestoreLedger, UsageDelta
from shared.usage.reconcile import main as reconcile_main
from tests.integration.jobkit import MODEL, store

pytestmark = pytest.mark.integration

N = 10


def _instances(stack: Any, target: str) -> tuple[Service, Service]:
    env = {**stack.env, "GATEHOUSE_USAGE_FLUSH_INTERVAL_S": "60"}
    services = []
    for _ in range(2):
        service = function_service(target, free_port(), env)
        service.name = f"{target}-durable-{uuid.uuid4().hex[:6]}"  # its own log file
        service.start(stack.log_dir)
        services.append(service)
    if target == "ingress":
        wait_ready(services, timeout=60)
    else:  # CloudEvent functions have no /healthz: ready when the port accepts
        deadline = time.monotonic() + 60
        while not all(port_in_use(s.port) for s in services) and time.monotonic() < deadline:
            time.sleep(0.1)
    return services[0], services[1]


def _ledger_totals(stack: Any, tenant: str) -> UsageDelta:
    async def read() -> UsageDelta:
        day = time.strftime("%Y-%m-%d", time.gmtime())
        db = stack.firestore()
        total = UsageDelta()
        for row in await FirestoreLedger(lambda: db).report(tenant, day, day):
            total.add(row.totals)
        return total

    return asyncio.run(read())


def _logged(stack: Any, service: Service, tenant: str) -> list[dict[str, Any]]:
    lines = stack.log_records(service.name)
    return [x for x in lines if x.get("tenant") == tenant and x.get("message") in ("request", "job done")]


def _serve_requests(stack: Any, service: Service) -> str:
    tenant = f"durable-{uuid.uuid4().hex[:8]}"
    key = stack.add_tenant(Tenant(id=tenant))
    with httpx.Client(base_url=service.url, timeout=30) as client:
        for i in range(N):
            body = {"contents": [{"role": "user", "parts": [{"text": f"count me once, request {i}"}]}]}
            r = client.post(
                f"/v1beta/models/{MODEL}:generateContent", json=body, headers={"x-goog-api-key": key}
            )
            assert r.status_code == 200, r.text
    return tenant


def _run_jobs(stack: Any, service: Service) -> str:
    tenant = f"durable-{uuid.uuid4().hex[:8]}"
    stack.add_tenant(Tenant(id=tenant))

    async def go() -> None:
        from shared.jobs.model import Job

        jobs = store(stack)
        async with httpx.AsyncClient(base_url=service.url, timeout=30) as client:
            for i in range(N):
                job = Job(id=uuid.uuid4().hex, tenant=tenant, model=MODEL)
                body = {"contents": [{"role": "user", "parts": [{"text": f"job {i}"}]}]}
                await jobs.create(job, body, "h")
                payload = {
                    "message": {"data": base64.b64encode(job.id.encode()).decode(), "messageId": f"m{i}"},
                    "subscription": f"projects/{PROJECT}/subscriptions/test",
                }
                r = await client.post("/", content=orjson.dumps(payload), headers=_cloudevent(f"m{i}"))
                assert r.is_success, r.text  # acked

    asyncio.run(go())
    return tenant


def _cloudevent(message_id: str) -> dict[str, str]:
    return {
        "ce-specversion": "1.0",
        "ce-id": message_id,
        "ce-type": "google.cloud.pubsub.topic.v1.messagePublished",
        "ce-source": f"//pubsub.googleapis.com/projects/{PROJECT}/topics/gatehouse-jobs",
        "content-type": "application/json",
    }


def _reconcile(stack: Any, service: Service, *extra: str) -> dict[str, Any]:
    out = io.StringIO()
    path = str(stack.log_dir / f"{service.name}.log")
    assert reconcile_main([path, "--project", PROJECT, *extra], out=out) == 0
    return dict(orjson.loads(out.getvalue()))


def _serve(stack: Any, target: str, service: Service) -> str:
    return _serve_requests(stack, service) if target == "ingress" else _run_jobs(stack, service)


def _assert_ledger_matches_logs(stack: Any, service: Service, tenant: str) -> None:
    totals = _ledger_totals(stack, tenant)
    logged = _logged(stack, service, tenant)
    assert totals.requests == len(logged) == N
    assert totals.prompt_tokens == sum(e["tokens"]["prompt"] for e in logged)
    assert totals.output_tokens == sum(e["tokens"]["candidates"] for e in logged)
    assert totals.cost_usd == pytest.approx(sum(e["cost"]["usd"] for e in logged), abs=1e-9)


@pytest.mark.parametrize("target", ["ingress", "generate"])
def test_usage_survives_sigterm_and_sigkill(stack, target: str) -> None:  # type: ignore[no-untyped-def]
    """Two instances of one function, started together: one gets SIGTERM, the other SIGKILL."""
    terminated, killed = _instances(stack, target)
    try:
        tenants = [_serve(stack, target, terminated), _serve(stack, target, killed)]
        assert [_ledger_totals(stack, t).requests for t in tenants] == [0, 0]  # buffered, not written yet
    finally:
        killed.kill()  # SIGKILL: no flush
        terminated.stop(timeout=12)  # SIGTERM; Cloud Run's grace is 10 s
    # SIGTERM: the flush ran after the last request; the ledger equals what was served
    assert any(r.get("message") == "shutdown flush" for r in stack.log_records(terminated.name))
    _assert_ledger_matches_logs(stack, terminated, tenants[0])
    # SIGKILL: the buffer died with the instance; the logs hold every request, and rebuild it
    assert _ledger_totals(stack, tenants[1]).requests == 0
    report = _reconcile(stack, killed)  # read-only: reports the gap
    assert sum(row["requests"] for row in report["missing"] if row["tenant"] == tenants[1]) == N
    assert _ledger_totals(stack, tenants[1]).requests == 0
    _reconcile(stack, killed, "--fix", "--allow-open-day")
    _assert_ledger_matches_logs(stack, killed, tenants[1])
    again = _reconcile(stack, killed, "--fix", "--allow-open-day")  # nothing left to add
    assert [row for row in again["missing"] if row["tenant"] == tenants[1]] == []
    assert _ledger_totals(stack, tenants[1]).requests == N
