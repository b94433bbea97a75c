"""Quotas and budgets: blocks across instances, settlement, refusals, outage allowance, validation."""

from __future__ import annotations

import asyncio
import itertools
import logging
from typing import Any

import pytest
from pydantic import ValidationError

from shared.cost.prices import PriceTable, Usage
from shared.errors import PermissionDenied, ResourceExhausted, ServiceUnavailable
from shared.limits.config import LimitSettings
from shared.limits.counter import BlockPolicy
from shared.limits.limiter import Limiter
from shared.limits.stage import KEY_ATTR, RATELIMIT_ATTR, LimitsStage
from shared.limits.store import StoreUnavailable
from shared.limits.windows import Windows
from shared.pipeline import Call, Outcome, Pipeline
from shared.tenants import Tenant

BODY: dict[str, Any] = {
    "contents": [{"role": "user", "parts": [{"text": "x" * 30}]}],
    "generationConfig": {"maxOutputTokens": 20},
}  # reserves 11 prompt + 20 output tokens


class MemoryLimitStore:
    """Counters and leases in memory, shared by several Limiters (each one an 'instance')."""

    def __init__(self) -> None:
        self.counters: dict[str, int] = {}
        self.leases: dict[str, dict[str, tuple[int, float]]] = {}
        self.down = False
        self.takes = 0

    async def take(self, key: str, units: int, expire_at: float) -> int:
        if self.down:
            raise StoreUnavailable("down")
        self.takes += 1
        self.counters[key] = self.counters.get(key, 0) + units
        return self.counters[key]

    async def lease(self, key: str, holder: str, want: int, limit: int, now: float, lease_s: float) -> int:
        if self.down:
            raise StoreUnavailable("down")
        live = {h: v for h, v in self.leases.get(key, {}).items() if v[1] > now}
        others = sum(n for h, (n, _) in live.items() if h != holder)
        mine = live.get(holder, (0, 0.0))[0]
        granted = max(min(want, limit - others), min(mine, want), 0)
        live[holder] = (granted, now + lease_s)
        self.leases[key] = live
        return granted


class Clock:
    def __init__(self, t: float = 1_000_040.0) -> None:  # 20 s into a 60 s window
        self.t = t

    def __call__(self) -> float:
        return self.t


def _limiter(store: MemoryLimitStore, clock: Clock, **kw: Any) -> Limiter:
    return Limiter(store, PriceTable.load(), windows=Windows(60, 86400), clock=clock, **kw)


def _tenant(**limits: Any) -> Tenant:
    return Tenant(id="acme", limits=LimitSettings.model_validate(limits))


async def _admitted(limiter: Limiter, tenant: Tenant, n: int, key: str | None = None) -> int:
    ok = 0
    for _ in range(n):
        try:
            ticket = await limiter.admit(tenant, key, "gemini-2.5-flash", BODY)
        except ResourceExhausted:
            continue
        ok += 1
        assert ticket is not None
    return ok


async def test_rpm_holds_across_three_instances() -> None:
    store, clock = MemoryLimitStore(), Clock()
    tenant = _tenant(tenant={"requests_per_minute": 60})
    instances = [_limiter(store, clock) for _ in range(3)]
    counts = [await _admitted(i, tenant, 40) for i in instances]
    # never above the limit (not 120); under it by at most one block (3) stranded per instance
    assert 60 - 3 * 3 <= sum(counts) <= 60
    clock.t += 60  # next window
    assert await _admitted(instances[0], tenant, 5) == 5


async def test_refusal_names_limit_with_retry_after_and_headers() -> None:
    store, clock = MemoryLimitStore(), Clock()
    limiter = _limiter(store, clock)
    tenant = _tenant(tenant={"requests_per_minute": 2})
    ticket = await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
    assert ticket is not None
    assert ticket.headers["X-RateLimit-Limit"] == "2"
    assert ticket.headers["X-RateLimit-Remaining"] == "1"
    assert ticket.headers["X-RateLimit-Reset"] == "40"
    await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
    with pytest.raises(ResourceExhausted) as caught:
        await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
    error = caught.value
    assert error.status == 429
    assert error.google_status == "RESOURCE_EXHAUSTED"
    assert "tenant.requests_per_minute" in error.message
    assert error.retry_after == 40
    assert error.details() == {"limit": "tenant.requests_per_minute", "window": "60s"}
    assert error.headers["X-RateLimit-Remaining"] == "0"


async def test_tokens_reserved_then_settled_to_real_usage() -> None:
    store, clock = MemoryLimitStore(), Clock()
    limiter = _limiter(store, clock)
    tenant = _tenant(tenant={"tokens_per_minute": 100})  # 31 reserved per call
    tickets = [await limiter.admit(tenant, None, "gemini-2.5-flash", BODY) for _ in range(3)]
    with pytest.raises(ResourceExhausted, match="tokens_per_minute"):
        await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
    for ticket in tickets:  # each really used 10 tokens: 63 come back
        assert ticket is not None
        limiter.settle(ticket, Usage(prompt=5, candidates=5), "gemini-2.5-flash")
    assert await _admitted(limiter, tenant, 10) == 2  # 100 - 30 spent = 70 left: two more reservations


async def test_the_fast_path_settles_as_the_general_path_and_never_into_a_new_window() -> None:
    store, clock = MemoryLimitStore(), Clock()
    limiter = _limiter(store, clock)
    tenant = _tenant(tenant={"tokens_per_minute": 100_000}, daily_budget={"usd": 100, "mode": "hard"})

    async def admit() -> Any:
        ticket = await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
        assert ticket is not None
        return ticket

    await _admitted(limiter, tenant, 6)  # blocks double as they are spent
    # the first call takes the checked fast path (no window or limit checks, refunds inline), the
    # second a block (the general path), the third the fast path again
    tickets = [await admit() for _ in range(3)]
    assert [ticket.held is None for ticket in tickets] == [True, False, True]
    tokens, usd = (hold.counter for hold in tickets[0].holds)
    spent = [(tokens.spent, usd.spent)]
    for ticket in tickets[:2]:  # each used 10 tokens of the 31 reserved, and less than the cost
        limiter.settle(ticket, Usage(prompt=5, candidates=5), "gemini-2.5-flash")
        spent.append((tokens.spent, usd.spent))
    refunds = [(a[0] - b[0], a[1] - b[1]) for a, b in itertools.pairwise(spent)]
    assert refunds[0] == refunds[1]  # the fast path's refunds are the general path's
    assert refunds[0][0] == 21
    assert refunds[0][1] > 0
    clock.t += 60  # a new window; the third call settles after it began
    fresh = await admit()
    assert tokens.spent == 31
    limiter.settle(tickets[2], Usage(prompt=5, candidates=5), "gemini-2.5-flash")
    assert tokens.spent == 31  # its refund belongs to the old window: not given to the new one
    assert fresh.headers["X-RateLimit-Remaining"] == "99969"  # 100,000 - 31: the tightest limit


async def test_usage_above_the_reservation_is_charged() -> None:
    store, clock = MemoryLimitStore(), Clock()
    limiter = _limiter(store, clock)
    tenant = _tenant(tenant={"tokens_per_minute": 100})
    ticket = await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
    assert ticket is not None
    limiter.settle(ticket, Usage(prompt=11, candidates=80), "gemini-2.5-flash")  # 91 used, 31 reserved
    await asyncio.sleep(0)  # the background charge
    with pytest.raises(ResourceExhausted):
        await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)


async def test_hard_daily_budget_refuses_until_the_next_day_and_hits_are_free() -> None:
    store, clock = MemoryLimitStore(), Clock(86400 * 100 + 3600)
    limiter = _limiter(store, clock)
    tenant = _tenant(daily_budget={"usd": 0.0002, "mode": "hard"})  # ~3 calls of ~62 micro-USD estimated
    admitted = [await limiter.admit(tenant, None, "gemini-2.5-flash", BODY) for _ in range(3)]
    with pytest.raises(ResourceExhausted) as caught:
        await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
    assert caught.value.details()["limit"] == "budget.daily"
    assert caught.value.retry_after == 86400 - 3600
    for ticket in admitted:  # cache hits: nothing spent, the reservations come back
        assert ticket is not None
        limiter.settle(ticket, None, None)
    assert await _admitted(limiter, tenant, 3) == 3


async def test_cache_judge_tokens_and_cost_count_even_on_a_hit() -> None:
    store, clock = MemoryLimitStore(), Clock(86400 * 100 + 3600)
    limiter = _limiter(store, clock)
    tenant = _tenant(tenant={"tokens_per_minute": 100}, daily_budget={"usd": 0.0002, "mode": "hard"})

    async def judged_hit(call: Call) -> Outcome:  # the cache stage served a hit after asking its judge
        call.attrs["cache_judge"] = {"calls": 1, "tokens": 60, "usd": 0.00015}
        return Outcome(cache="semantic", response={"candidates": []})

    call = Call("r", tenant, "gemini", "gemini-2.5-flash", BODY, False, deadline=1e18, attrs={KEY_ATTR: None})
    await Pipeline([LimitsStage(lambda: limiter)], judged_hit).run(call)
    await asyncio.sleep(0)
    spent = sorted(c.spent for c in limiter._counters.values())
    assert spent == [60, 150]  # 60 tokens, 150 micro-USD: the judge's, not zero
    with pytest.raises(ResourceExhausted, match=r"budget\.daily"):  # 150 of 200 spent, ~62 reserved next
        await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)


async def test_soft_budget_serves_and_logs_budget_exceeded(caplog: pytest.LogCaptureFixture) -> None:
    store, clock = MemoryLimitStore(), Clock()
    limiter = _limiter(store, clock)
    tenant = _tenant(daily_budget={"usd": 0.0001, "mode": "soft"})
    with caplog.at_level(logging.WARNING, logger="gatehouse.limits"):
        assert await _admitted(limiter, tenant, 6) == 6
    assert [r.message for r in caplog.records].count("budget_exceeded") == 1


async def test_unpriced_model_is_refused_with_a_budget_unless_a_fallback_price_is_set() -> None:
    store, clock = MemoryLimitStore(), Clock()
    limiter = _limiter(store, clock)
    with pytest.raises(PermissionDenied, match="fallback_price"):
        await limiter.admit(_tenant(daily_budget={"usd": 1}), None, "mystery-model", BODY)
    fallback = {"input_per_million": 1, "output_per_million": 4}
    priced = _tenant(daily_budget={"usd": 1}, fallback_price=fallback)
    ticket = await limiter.admit(priced, None, "mystery-model", BODY)
    assert ticket is not None
    assert ticket.holds[0].units == 91
    assert await limiter.admit(_tenant(tenant={"requests_per_minute": 5}), None, "mystery-model", BODY)


@pytest.mark.parametrize(("cached_price", "spent"), [(0.25, 200 + 200 + 40), (None, 1000 + 40)])
async def test_fallback_price_charges_cached_input_at_its_own_price(cached_price: Any, spent: int) -> None:
    fallback = {"input_per_million": 1, "output_per_million": 4, "cached_input_per_million": cached_price}
    limiter = _limiter(MemoryLimitStore(), Clock())
    ticket = await limiter.admit(
        _tenant(daily_budget={"usd": 1}, fallback_price=fallback), None, "mystery", BODY
    )
    assert ticket is not None
    # 1,000 prompt tokens of which 800 cached, 10 output: unset, cached input costs the input price
    limiter.settle(ticket, Usage(prompt=1000, cached=800, candidates=10), "mystery")
    assert ticket.holds[0].counter.spent == spent


async def test_zero_refuses_everything_and_bad_limits_do_not_validate() -> None:
    limiter = _limiter(MemoryLimitStore(), Clock())
    with pytest.raises(ResourceExhausted, match="is 0 for tenant `acme`: every call is refused"):
        await limiter.admit(_tenant(tenant={"requests_per_minute": 0}), None, "gemini-2.5-flash", BODY)
    for bad in (
        {"tenant": {"requests_per_minute": -1}},
        {"tenant": {"tokens_per_minute": 10**12}},
        {"per_key": {"concurrent_requests": 10**9}},
        {"daily_budget": {"usd": -5}},
        {"daily_budget": {"usd": float("inf")}},
        {"vertex_tpm_share": 1.5},
        {"daily_budget": {"usd": 10}, "monthly_budget": {"usd": 5}},
    ):
        with pytest.raises(ValidationError):
            LimitSettings.model_validate(bad)


async def test_per_key_quota_is_separate_for_each_key() -> None:
    limiter = _limiter(MemoryLimitStore(), Clock())
    tenant = _tenant(per_key={"requests_per_minute": 2})
    assert await _admitted(limiter, tenant, 5, key="k1") == 2
    assert await _admitted(limiter, tenant, 5, key="k2") == 2


async def test_store_outage_serves_a_bounded_allowance_from_the_last_known_counter(
    caplog: pytest.LogCaptureFixture,
) -> None:
    store, clock = MemoryLimitStore(), Clock()
    limiter = _limiter(store, clock, policy=BlockPolicy(outage_share=0.1, cooldown_s=60))
    tenant = _tenant(tenant={"requests_per_minute": 100})
    assert await _admitted(limiter, tenant, 95) == 95
    store.down = True
    with caplog.at_level(logging.WARNING, logger="gatehouse.limits"):
        assert await _admitted(limiter, tenant, 20) == 5  # the last known counter left 5 (< 10%)
    assert any("unreachable" in r.message for r in caplog.records)
    clock.t += 60  # a new window during the outage: 10% of the limit
    assert await _admitted(limiter, tenant, 30) == 10
    closed = _tenant(tenant={"requests_per_minute": 100}, fail_closed=True)
    with pytest.raises(ServiceUnavailable, match="fails closed"):
        await _limiter(store, clock).admit(closed, None, "gemini-2.5-flash", BODY)


async def test_concurrency_across_instances_with_expiring_leases() -> None:
    store, clock = MemoryLimitStore(), Clock()
    a, b = _limiter(store, clock, lease_s=30), _limiter(store, clock, lease_s=30)
    tenant = _tenant(tenant={"concurrent_requests": 2})
    t1 = await a.admit(tenant, None, "gemini-2.5-flash", BODY)
    t2 = await b.admit(tenant, None, "gemini-2.5-flash", BODY)
    with pytest.raises(ResourceExhausted, match="concurrent_requests"):
        await a.admit(tenant, None, "gemini-2.5-flash", BODY)
    assert t1 is not None
    assert t2 is not None
    a.settle(t1, None, None)
    assert await a.admit(tenant, None, "gemini-2.5-flash", BODY)  # a reuses its own slot
    # b dies holding its slot: it frees when the lease expires
    with pytest.raises(ResourceExhausted):
        await _limiter(store, clock, lease_s=30).admit(tenant, None, "gemini-2.5-flash", BODY)
    clock.t += 31
    c = _limiter(store, clock, lease_s=30)
    assert await c.admit(tenant, None, "gemini-2.5-flash", BODY)


async def test_block_size_scales_with_limit_and_rate() -> None:
    store, clock = MemoryLimitStore(), Clock()
    limiter = _limiter(store, clock)
    small = _tenant(tenant={"requests_per_minute": 60})
    await _admitted(limiter, small, 30)
    assert store.takes >= 10  # 60 RPM: blocks of at most 3 (5% of the limit)
    store2 = MemoryLimitStore()
    fast = _limiter(store2, clock)
    big = _tenant(tenant={"requests_per_minute": 1_000_000})
    await _admitted(fast, big, 2000)  # 2000 requests in one 'second' of this window
    assert store2.takes < 60


async def test_stage_settles_streams_at_their_last_usage_report_and_sets_headers() -> None:
    store, clock = MemoryLimitStore(), Clock()
    limiter = _limiter(store, clock)
    tenant = _tenant(tenant={"tokens_per_minute": 100})
    chunks = [
        {"candidates": [], "usageMetadata": {"promptTokenCount": 5, "candidatesTokenCount": 1}},
        {"candidates": [], "usageMetadata": {"promptTokenCount": 5, "candidatesTokenCount": 4}},
        {"candidates": []},
    ]

    async def stream() -> Any:
        for chunk in chunks:
            yield chunk

    async def terminal(_call: Call) -> Outcome:
        return Outcome(chunks=stream())

    call = Call("r", tenant, "gemini", "gemini-2.5-flash", BODY, True, deadline=1e18, attrs={KEY_ATTR: None})
    outcome = await Pipeline([LimitsStage(lambda: limiter)], terminal).run(call)
    sent = dict(call.attrs[RATELIMIT_ATTR])  # the tightest limit's; only a refusal names it
    assert sent[b"x-ratelimit-limit"] == b"100"
    assert b"x-ratelimit-resource" not in sent
    assert outcome.chunks is not None
    seen = 0
    async for _ in outcome.chunks:  # cut after two chunks: settles to the last report (9 tokens)
        seen += 1
        if seen == 2:
            break
    await outcome.chunks.aclose()  # type: ignore[attr-defined]
    counter = next(iter(limiter._counters.values()))
    assert counter.spent == 9


async def test_the_stage_builds_its_limiter_on_the_first_limited_call_only() -> None:
    """Cold start: a tenant without limits never builds (nor imports) the limiter; the first tenant
    with limits builds it once."""
    store, clock = MemoryLimitStore(), Clock()
    built: list[Limiter] = []

    def build() -> Limiter:
        built.append(_limiter(store, clock))
        return built[-1]

    async def terminal(_call: Call) -> Outcome:
        return Outcome(response={"candidates": []})

    stage = Pipeline([LimitsStage(build)], terminal)
    free = Tenant(id="free")
    await stage.run(Call("r", free, "gemini", "gemini-2.5-flash", BODY, False, deadline=1e18, attrs={}))
    assert built == []
    limited = _tenant(tenant={"requests_per_minute": 100})
    for _ in range(2):
        call = Call(
            "r", limited, "gemini", "gemini-2.5-flash", BODY, False, deadline=1e18, attrs={KEY_ATTR: None}
        )
        await stage.run(call)
        assert call.attrs[RATELIMIT_ATTR]
    assert len(built) == 1


def test_quota_report_sums_tenant_shares_of_the_vertex_quota() -> None:
    from shared.limits.report import quota_report

    tenants = [
        Tenant(id="a", limits=LimitSettings.model_validate({"vertex_tpm_share": 0.5})),
        Tenant(
            id="b",
            limits=LimitSettings.model_validate(
                {"tenant": {"tokens_per_minute": 900_000}, "vertex_tpm_share": 0.7}
            ),
        ),
        Tenant(id="c"),
    ]
    report = quota_report(tenants, 1_000_000)
    assert report["allocated_tpm"] == 500_000 + 700_000
    assert report["overcommitted"] is True
    assert report["unlimited_tenants"] == ["c"]
    assert report["tenants"][0] == {"tenant": "b", "tokens_per_minute": 700_000, "vertex_tpm_share": 0.7,
                                    "share_of_quota": 0.7}  # fmt: skip


async def test_a_request_larger_than_the_whole_limit_says_so() -> None:
    limiter = _limiter(MemoryLimitStore(), Clock())
    with pytest.raises(ResourceExhausted, match="This request alone reserves about 31 tokens"):
        await limiter.admit(_tenant(tenant={"tokens_per_minute": 20}), None, "gemini-2.5-flash", BODY)


async def test_a_raised_limit_applies_within_the_window() -> None:
    limiter = _limiter(MemoryLimitStore(), Clock())
    assert await _admitted(limiter, _tenant(tenant={"requests_per_minute": 2}), 5) == 2
    assert await _admitted(limiter, _tenant(tenant={"requests_per_minute": 4}), 5) == 2


async def test_hard_monthly_budget_refuses_until_the_first_of_the_next_month() -> None:
    import calendar

    clock = Clock(float(calendar.timegm((2026, 11, 30, 23, 0, 0, 0, 0, 0))))  # an hour before December
    limiter = _limiter(MemoryLimitStore(), clock)
    tenant = _tenant(monthly_budget={"usd": 0.0002, "mode": "hard"}, daily_budget={"usd": 1, "mode": "soft"})
    assert await _admitted(limiter, tenant, 3) == 3  # ~62 micro-USD reserved each
    with pytest.raises(ResourceExhausted) as caught:
        await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
    assert caught.value.details() == {"limit": "budget.monthly", "window": "month"}
    assert caught.value.retry_after == 3600
    assert caught.value.headers["X-RateLimit-Resource"] == "budget.monthly"
    clock.t += 3600  # 1 December, 00:00 UTC: a new month
    assert await _admitted(limiter, tenant, 3) == 3


async def test_a_refusal_names_the_refusing_limit_in_its_headers_not_another_one() -> None:
    limiter = _limiter(MemoryLimitStore(), Clock())
    tenant = _tenant(tenant={"requests_per_minute": 100, "concurrent_requests": 1})
    assert await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
    with pytest.raises(ResourceExhausted) as caught:
        await limiter.admit(tenant, None, "gemini-2.5-flash", BODY)
    headers = caught.value.headers
    assert headers["X-RateLimit-Resource"] == "tenant.concurrent_requests"
    assert (headers["X-RateLimit-Limit"], headers["X-RateLimit-Remaining"]) == ("1", "0")


def test_openai_dialect_tells_a_spent_budget_from_a_rate_limit() -> None:
    from shared.dialects.openai import error_body

    rate = ResourceExhausted("rpm used up", limit="tenant.requests_per_minute", window="60s", retry_after=5)
    budget = ResourceExhausted("budget.daily of 1.00 USD is spent", limit="budget.daily", window="day")
    assert error_body(rate)["error"] | {"message": ""} == {
        "message": "", "type": "rate_limit_error", "param": None, "code": "rate_limit_exceeded"
    }  # fmt: skip
    assert error_body(budget)["error"]["type"] == error_body(budget)["error"]["code"] == "insufficient_quota"


async def test_per_key_tokens_and_concurrency_are_per_key_under_the_tenant_limits() -> None:
    limiter = _limiter(MemoryLimitStore(), Clock())
    tenant = _tenant(
        tenant={"concurrent_requests": 3},
        per_key={"tokens_per_minute": 62, "concurrent_requests": 1},  # 31 tokens reserved per call
    )
    k1 = await limiter.admit(tenant, "k1", "gemini-2.5-flash", BODY)
    with pytest.raises(ResourceExhausted) as busy:  # k1's one slot is taken
        await limiter.admit(tenant, "k1", "gemini-2.5-flash", BODY)
    assert busy.value.details() == {"limit": "key.concurrent_requests", "window": "concurrent"}
    k2 = await limiter.admit(tenant, "k2", "gemini-2.5-flash", BODY)  # another key: its own slot
    k3 = await limiter.admit(tenant, "k3", "gemini-2.5-flash", BODY)
    with pytest.raises(ResourceExhausted, match=r"tenant\.concurrent_requests"):  # the tenant's 3 are used
        await limiter.admit(tenant, "k4", "gemini-2.5-flash", BODY)
    for ticket in (k1, k2, k3):
        assert ticket is not None
        limiter.settle(ticket, Usage(prompt=11, candidates=20), "gemini-2.5-flash")
    assert await limiter.admit(tenant, "k1", "gemini-2.5-flash", BODY)  # 31 of k1's 62 tokens left
    with pytest.raises(ResourceExhausted, match=r"key\.tokens_per_minute"):
        await limiter.admit(tenant, "k1", "gemini-2.5-flash", BODY)


@pytest.mark.parametrize("stream", [False, True])
async def test_accounting_and_settlement_share_one_reading_of_the_usage(
    stream: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer's usageMetadata is parsed once per call (`Call.usage`); the ledger's tokens and the
    quota's spent tokens are the same numbers (a float and a bool count as their integer values)."""
    import shared.pipeline
    from shared.usage.accounting import Accounting

    reads: list[object] = []
    real = shared.pipeline.usage_from_metadata

    def counted(meta: Any) -> Usage:
        reads.append(meta)
        return real(meta)

    monkeypatch.setattr(shared.pipeline, "usage_from_metadata", counted)
    store, clock = MemoryLimitStore(), Clock()
    limiter = _limiter(store, clock)
    tenant = _tenant(tenant={"tokens_per_minute": 100})
    usage = {"promptTokenCount": 9.0, "candidatesTokenCount": 3, "thoughtsTokenCount": True}
    answer = {"candidates": [], "usageMetadata": usage, "modelVersion": "gemini-2.5-flash"}

    async def chunks() -> Any:
        yield {"candidates": []}
        yield answer

    async def terminal(_call: Call) -> Outcome:
        return Outcome(chunks=chunks()) if stream else Outcome(response=answer)

    call = Call("r", tenant, "gemini", "gemini-2.5-flash", BODY, stream, 1e18, attrs={KEY_ATTR: None})
    stages = [LimitsStage(lambda: limiter), Accounting(PriceTable.load(), None)]
    outcome = await Pipeline(stages, terminal).run(call)
    if stream:
        assert outcome.chunks is not None
        assert len([c async for c in outcome.chunks]) == 2
    assert reads == [usage]
    assert call.attrs["tokens"] == {"prompt": 9, "cached": 0, "candidates": 3, "thoughts": 1, "total": 0}
    counter = next(iter(limiter._counters.values()))
    assert counter.spent == 9 + 3 + 1  # not the 31 reserved
    # another metadata object is read anew
    assert call.usage({"usageMetadata": {"promptTokenCount": 2}}).prompt == 2
    assert len(reads) == 2
