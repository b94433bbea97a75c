"""Concurrency leases on the Firestore emulator: two limiter instances (each its own client and
holder id) share one `limit_leases` document. Contending grants never exceed the limit; an idle
instance hands its slots back; a dead instance's slots free themselves when its lease expires, and
not before. (tests/integration/test_limits_processes.py kills a real ingress process.)"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from typing import Any

import pytest

from shared.cost.prices import PriceTable
from shared.errors import ResourceExhausted
from shared.limits.config import LimitSettings
from shared.limits.limiter import Limiter, Ticket
from shared.limits.store import LEASES, FirestoreLimitStore
from shared.resilience.guard import DependencyGuard
from shared.tenants import Tenant

pytestmark = pytest.mark.integration

MODEL = "gemini-2.5-flash"
BODY: dict[str, Any] = {"contents": [{"parts": [{"text": "hi"}]}]}


def _instance(stack: Any, lease_s: float) -> Limiter:
    client = stack.firestore()  # each instance its own client, as separate processes have
    # a generous per-call timeout: on a loaded machine a slow answer must not look like an outage
    # (that path is tests/integration/test_limits_outage.py's); contention is retried, not timed out
    store = FirestoreLimitStore(lambda: client, DependencyGuard("limits store", timeout_s=30.0))
    return Limiter(store, PriceTable.load(), lease_s=lease_s)


def _tenant(name: str, concurrent: int) -> Tenant:
    limits = LimitSettings.model_validate({"tenant": {"concurrent_requests": concurrent}})
    return Tenant(id=f"{name}-{uuid.uuid4().hex[:8]}", limits=limits)


async def _admit(limiter: Limiter, tenant: Tenant) -> Ticket | None:
    """The ticket, or None when refused for concurrency (any other refusal fails the test)."""
    try:
        return await limiter.admit(tenant, None, MODEL, BODY)
    except ResourceExhausted as error:
        refusal = error
    assert refusal.details() == {"limit": "tenant.concurrent_requests", "window": "concurrent"}
    return None


async def _holders(stack: Any, tenant: Tenant) -> dict[str, Any]:
    snap = await stack.firestore().collection(LEASES).document(f"t_{tenant.id}__conc").get()
    holders: dict[str, Any] = (snap.to_dict() or {}).get("holders", {})
    return holders


async def test_contended_leases_never_exceed_the_limit_and_idle_slots_go_back(
    stack: Any, caplog: pytest.LogCaptureFixture
) -> None:
    tenant = _tenant("lease", 3)
    a, b = _instance(stack, lease_s=60), _instance(stack, lease_s=60)
    await _admit(_instance(stack, 60), _tenant("warm", 1))  # open the emulator channel first
    with caplog.at_level(logging.WARNING, logger="gatehouse.limits"):
        results = await asyncio.gather(*(_admit(x, tenant) for x in (a, b, a, b, a, b)))
    assert not [r for r in caplog.records if "unreachable" in r.getMessage()]  # no outage path
    tickets = [(x, t) for x, t in zip((a, b, a, b, a, b), results, strict=True) if t is not None]
    assert len(tickets) == 3  # six asked at once from two instances: exactly the limit
    holders = await _holders(stack, tenant)
    assert sum(h["n"] for h in holders.values()) == 3
    assert all(h["exp"] > time.time() + 50 for h in holders.values())
    held_by_a = [t for x, t in tickets if x is a]
    held_by_b = len(tickets) - len(held_by_a)  # any split of the three is right (who asked first)
    for ticket in held_by_a:  # a finishes its calls and goes idle: it hands its slots back
        a.settle(ticket, None, None)
    deadline = time.monotonic() + 10
    holders = await _holders(stack, tenant)
    while sum(h["n"] for h in holders.values()) > held_by_b and time.monotonic() < deadline:
        await asyncio.sleep(0.2)
        holders = await _holders(stack, tenant)
    # a's entry is gone, long before its 60 s lease would end; b's slots are left
    assert sum(h["n"] for h in holders.values()) == held_by_b
    assert len(holders) == (1 if held_by_b else 0)
    freed = len(held_by_a)
    more = [await _admit(b, tenant) for _ in range(freed + 1)]
    assert len([t for t in more if t is not None]) == freed  # b may now use them, and no more


async def test_a_dead_instance_slots_free_at_lease_expiry_not_before(stack: Any) -> None:
    lease_s = 4.0
    tenant = _tenant("expiry", 2)
    dead = _instance(stack, lease_s)
    started = time.time()
    assert await _admit(dead, tenant) is not None
    assert await _admit(dead, tenant) is not None
    # `dead` never settles and never renews: a crashed instance, holding both slots
    survivor = _instance(stack, lease_s)
    admitted_at, refusals = None, 0
    while admitted_at is None and time.time() < started + lease_s + 10:
        if await _admit(survivor, tenant) is not None:
            admitted_at = time.time()
        else:
            refusals += 1
            await asyncio.sleep(0.2)
    assert refusals >= 1  # refused while the dead instance's lease lasts ...
    assert admitted_at is not None  # ... admitted once it has expired ...
    assert admitted_at - started >= lease_s  # ... and never before
