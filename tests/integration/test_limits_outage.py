"""Firestore unreachable: a bounded local allowance from the last known counters, or fail closed.

Runs against its own Firestore emulator, which the test stops mid-way.
"""

from __future__ import annotations

import logging
import os
import time
from typing import Any

import pytest

from dev.stack import Service, free_port, wait_ready
from shared.cost.prices import PriceTable
from shared.errors import ResourceExhausted, ServiceUnavailable
from shared.limits.config import LimitSettings
from shared.limits.counter import BlockPolicy
from shared.limits.limiter import Limiter
from shared.limits.store import FirestoreLimitStore
from shared.limits.windows import Windows
from shared.resilience.guard import DependencyGuard
from shared.tenants import Tenant

pytestmark = pytest.mark.integration

BODY: dict[str, Any] = {
    "contents": [{"parts": [{"text": "hello"}]}],
    "generationConfig": {"maxOutputTokens": 8},
}


async def _admit(limiter: Limiter, tenant: Tenant, n: int) -> int:
    ok = 0
    for _ in range(n):
        try:
            await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
            ok += 1
        except ResourceExhausted:
            pass
    return ok


async def test_stopped_emulator_serves_bounded_allowance(
    tmp_path: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Deterministic: a frozen clock (no window rolls mid-test, block sizes independent of the
    machine's speed) and an emulator gone for good before the outage phase (`Service.stop` returns
    once no process of the emulator's group is left and its port refuses connections)."""
    from google.cloud import firestore

    port = free_port()
    emulator = Service(
        "firestore-outage",
        ["gcloud", "emulators", "firestore", "start", f"--host-port=127.0.0.1:{port}"],
        port,
    )
    emulator.start(tmp_path)
    try:
        wait_ready([emulator])
        os.environ["FIRESTORE_EMULATOR_HOST"] = f"127.0.0.1:{port}"
        db = firestore.AsyncClient(project="demo-outage")
        store = FirestoreLimitStore(
            lambda: db, DependencyGuard("limits store", timeout_s=5.0)
        )  # a busy machine
        # one 3600 s window for the whole test (the middle of the current one); 10% of the limit
        # while the store is down
        frozen = (time.time() // 3600) * 3600 + 1800
        limiter = Limiter(
            store,
            PriceTable.load(),
            windows=Windows(3600, 86400),
            policy=BlockPolicy(outage_share=0.1, cooldown_s=30),
            clock=lambda: frozen,
        )
        limits = {"tenant": {"requests_per_minute": 1}}  # 60 per 3600 s window
        tenant = Tenant(id=f"outage-{time.time_ns()}", limits=LimitSettings.model_validate(limits))
        closed = Tenant(
            id=f"closed-{time.time_ns()}",
            limits=LimitSettings.model_validate({**limits, "fail_closed": True}),
        )
        up = await _admit(limiter, tenant, 5)  # counted in Firestore (a slow answer: the allowance)
        assert up == 5
    finally:
        emulator.stop()  # nothing of it answers once this returns
    counter = limiter._counters[f"t_{tenant.id}__rpm"]
    held, seen, granted = counter.pool, counter.used_seen, counter.outage_granted
    # blocks of 1, 2 and 3 (doubling, capped at 5% of 60) leave 1 unit held; less if a slow take
    # timed out and the allowance served part of the 5
    assert 0 <= held <= 2
    with caplog.at_level(logging.WARNING, logger="gatehouse.limits"):
        # what it already held plus 10% of the limit (6, minus what the allowance already served):
        # not the 54+ the last known counter left, nor the whole limit
        down = await _admit(limiter, tenant, 20)
    allowance = min(6, 60 - seen if seen >= 0 else 60)
    assert down == held + allowance - granted
    assert 1 <= down <= 2 + 6
    assert counter.used_seen == seen  # nothing was taken from the store during the outage
    assert any("limits store unreachable" in r.message for r in caplog.records)
    with pytest.raises(ServiceUnavailable, match="fails closed"):
        await limiter.admit(closed, None, "gemini-2.5-flash", BODY)
