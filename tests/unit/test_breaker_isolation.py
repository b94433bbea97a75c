"""One tenant cannot open a breaker for everyone, and a failing target is cut off within seconds."""

from __future__ import annotations

import asyncio
import contextlib
import time

import pytest

from shared.dialects import gemini
from shared.errors import DeadlineExceeded, InvalidRequest, UpstreamError
from shared.resilience.breaker import BreakerConfig, Breakers
from shared.resilience.retry import RetryConfig
from shared.tenants import Tenant
from tests.fakes import answer
from tests.unit.resilience_helpers import FakeTime, Scripted, err, make_call, two_regions, upstream

A = "vertex:gemini-2.5-flash@a"
SINGLE = "vertex:gemini-2.5-flash@us-central1"


async def test_a_callers_own_short_deadline_never_counts_against_the_target() -> None:
    config = BreakerConfig(window_s=10, min_calls=3, error_rate=0.5, open_s=5)
    provider = Scripted(default=("slow", 0.05, answer("ok")))
    terminal = upstream(provider, breaker=config)
    for _ in range(25):  # the target's normal latency (~50 ms) becomes known
        await terminal(make_call(Tenant(id="patient")))
    provider.default = ("slow", 0.1, answer("ok"))  # a slower moment: still well within its norm
    for _ in range(10):  # a tenant whose own deadline is shorter than the target's normal latency
        with pytest.raises(DeadlineExceeded):
            await terminal(make_call(Tenant(id="hasty"), deadline_s=0.07))
    breaker = terminal.breakers.get(SINGLE)
    assert breaker.state == "closed"
    assert breaker.counts()[1] == 0


async def test_upstream_rejections_of_invalid_requests_do_not_count() -> None:
    config = BreakerConfig(window_s=10, min_calls=3, error_rate=0.5, open_s=5)
    provider = Scripted({"us-central1": [err(400, message="Invalid JSON payload")]})
    terminal = upstream(provider, breaker=config)
    for _ in range(10):
        with pytest.raises(UpstreamError):
            await terminal(make_call(Tenant(id="t")))
    assert terminal.breakers.get(SINGLE).counts() == (0, 0)


async def test_one_request_counts_once_however_often_it_is_retried() -> None:
    clock = FakeTime()
    config = BreakerConfig(window_s=10, min_calls=3, error_rate=0.5, open_s=5)
    provider = Scripted({"us-central1": [err(500)]})
    terminal = upstream(provider, clock, breaker=config, retry=RetryConfig(max_attempts=5))
    with pytest.raises(UpstreamError):
        await terminal(make_call(Tenant(id="t"), clock=clock))
    assert len(provider.calls) == 5
    assert terminal.breakers.get(SINGLE).counts() == (0, 1)


async def test_a_noisy_tenants_request_specific_failures_do_not_open_the_shared_breaker() -> None:
    clock = FakeTime()
    config = BreakerConfig(window_s=10, min_calls=5, error_rate=0.5, open_s=5)
    provider = Scripted()
    terminal = upstream(provider, clock, breaker=config, retry=RetryConfig(max_attempts=1))
    breaker = terminal.breakers.get(SINGLE)
    for _ in range(20):
        provider.script["us-central1"] = [err(500)]  # the noisy tenant's poison requests
        with pytest.raises(UpstreamError):
            await terminal(make_call(Tenant(id="noisy"), clock=clock))
        provider.script["us-central1"] = [answer("fine")]
        await terminal(make_call(Tenant(id="quiet"), clock=clock))
        clock.now += 0.1
    assert breaker.state == "closed"  # the target serves the other tenant: not its fault
    provider.script["us-central1"] = [err(503)]  # now it fails for everyone
    for tenant in ("noisy", "quiet") * 5:
        with pytest.raises(UpstreamError):
            await terminal(make_call(Tenant(id=tenant), clock=clock))
        clock.now += 0.1
    assert breaker.state == "open"


async def test_the_breaker_opens_within_seconds_after_a_busy_healthy_window() -> None:
    clock = FakeTime()
    config = BreakerConfig(window_s=30, min_calls=10, error_rate=0.5, open_s=5)
    provider = Scripted()
    terminal = upstream(provider, clock, breaker=config, retry=RetryConfig(max_attempts=1))
    tenants = [Tenant(id=f"t{i}") for i in range(3)]
    for i in range(600):  # 30 s of healthy traffic at 20 requests/s
        await terminal(make_call(tenants[i % 3], clock=clock))
        clock.now += 0.05
    provider.script["us-central1"] = [err(503)]
    failed_at = clock.now
    breaker = terminal.breakers.get(SINGLE)
    while breaker.state == "closed":
        with pytest.raises(UpstreamError):
            await terminal(make_call(tenants[int(clock.now * 20) % 3], clock=clock))
        clock.now += 0.05
        assert clock.now - failed_at < 10, "the breaker did not open within 10 s"
    assert clock.now - failed_at <= 6.5


def test_count_tokens_with_null_contents_is_rejected_before_any_upstream_call() -> None:
    with pytest.raises(InvalidRequest, match="contents"):
        gemini.parse_count_tokens(b'{"contents": null}')
    with pytest.raises(InvalidRequest):
        gemini.parse_count_tokens(b"{}")
    gemini.parse_count_tokens(b'{"contents": [{"role": "user", "parts": [{"text": "hi"}]}]}')
    gemini.parse_count_tokens(
        b'{"generateContentRequest": {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]}}'
    )


def test_a_tenant_sees_only_its_own_targets_breakers() -> None:
    from shared.routing.router import PlanRouter

    breakers = Breakers(BreakerConfig())
    for name in (
        A,
        "vertex:gemini-2.5-flash@b",
        "vertex:secret-model@z",
        "vertex:gemini-2.5-pro@us-central1",
    ):
        breakers.get(name)
    router = PlanRouter("us-central1")
    mine = router.visible_targets(two_regions())
    assert [b["target"] for b in breakers.snapshot() if mine(b["target"])] == [
        A,
        "vertex:gemini-2.5-flash@b",
        "vertex:gemini-2.5-pro@us-central1",  # the default region, a model the tenant may call
    ]
    narrow = Tenant(id="n", allowed_models=("gemini-2.5-flash",))
    assert not router.visible_targets(narrow)("vertex:gemini-2.5-pro@us-central1")


async def test_a_hung_target_fails_over_long_before_a_long_deadline() -> None:
    """No X-Server-Timeout (120 s): the attempt on a hung region is cut after a multiple of its
    observed latency, and the call fails over in well under a second here."""
    provider = Scripted(default=("slow", 0.01, answer("ok")))
    retry = RetryConfig(attempt_timeout_min_s=0.2, attempt_timeout_factor=4)
    terminal = upstream(provider, retry=retry)
    for _ in range(25):
        await terminal(make_call(two_regions(), "fast", deadline_s=120))
    provider.script["a"] = [("slow", 3600, answer("never"))]
    started = time.monotonic()
    outcome = await terminal(make_call(two_regions(), "fast", deadline_s=120))
    assert outcome.response == answer("ok")
    assert time.monotonic() - started < 1.0
    assert terminal.breakers.get(A).counts()[1] == 1  # a hang is the target's failure


async def test_a_stream_making_progress_is_never_cut_by_the_attempt_timeout() -> None:
    from tests.unit.resilience_helpers import Scripted as Base

    class Trickle(Base):
        async def stream(self, target, body, *, timeout):  # type: ignore[no-untyped-def,override]
            self.calls.append(target)
            for index in range(5):
                await asyncio.sleep(
                    0.1
                )  # each chunk within the first-byte timeout, the whole stream beyond it
                yield answer(f"part {index}", finish=None if index < 4 else "STOP")

    retry = RetryConfig(attempt_timeout_min_s=0.2, attempt_timeout_factor=1)
    terminal = upstream(Trickle(), retry=retry)
    outcome = await terminal(make_call(two_regions(), "fast", deadline_s=120, stream=True))
    assert outcome.chunks is not None
    texts = [chunk["candidates"][0]["content"]["parts"][0]["text"] async for chunk in outcome.chunks]
    assert len(texts) == 5


async def test_a_region_hung_from_the_start_still_opens_its_breaker_under_short_deadlines() -> None:
    """No answer from `a` ever (no latency samples): its norm is taken from `b`, so 1 s deadlines
    that give `a` far more than `b` needs count against `a` (the bench's "region A hangs")."""
    from shared.resilience.latency import LatencyTracker
    from shared.resilience.terminal import ResilientUpstream
    from shared.routing.router import PlanRouter

    config = BreakerConfig(window_s=10, min_calls=3, error_rate=0.5, open_s=5)
    provider = Scripted({"a": [("slow", 3600, answer("never"))]}, default=("slow", 0.002, answer("b")))
    terminal = ResilientUpstream(
        PlanRouter("us-central1"),
        {"vertex": provider},
        Breakers(config),
        RetryConfig(fair_default_s=10),  # without samples anywhere, nothing would count
        latency=LatencyTracker(min_samples=2, refresh_every=1),
    )
    for _ in range(6):
        outcome = await terminal(make_call(two_regions(), "fast", deadline_s=0.3))
        assert outcome.response == answer("b")
        if terminal.breakers.get(A).state == "open":
            break
    assert terminal.breakers.get(A).state == "open"


async def test_a_steady_30_percent_error_rate_does_not_trip_on_short_window_noise() -> None:
    import random

    clock = FakeTime()
    config = BreakerConfig(window_s=10, min_calls=20, error_rate=0.5, open_s=5)
    provider = Scripted()
    terminal = upstream(provider, clock, breaker=config, retry=RetryConfig(max_attempts=1))
    rng = random.Random(7)
    for _ in range(3000):  # 150 s at 20 requests/s, each failing with p = 0.3
        provider.script["us-central1"] = [err(503) if rng.random() < 0.3 else answer("ok")]
        with contextlib.suppress(UpstreamError):
            await terminal(make_call(Tenant(id="t"), clock=clock))
        clock.now += 0.05
        assert terminal.breakers.get(SINGLE).state == "closed"
