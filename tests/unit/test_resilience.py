"""The resilient terminal with scripted providers: retries, failover by class, deadline, breakers."""

from __future__ import annotations

import asyncio

import pytest

from shared.errors import DeadlineExceeded, GatehouseError, UpstreamError
from shared.resilience.breaker import BreakerConfig
from shared.resilience.retry import RetryConfig
from shared.tenants import Tenant
from tests.fakes import answer
from tests.unit.resilience_helpers import FakeTime, Scripted, err, make_call, two_regions, upstream


async def test_503_fails_over_to_the_next_region_and_reports_the_route() -> None:
    provider = Scripted({"a": [err(503)]})
    call = make_call(two_regions(), "fast")
    outcome = await upstream(provider)(call)
    assert outcome.response == answer("from b")
    assert [t.region for t in provider.calls] == ["a", "b"]
    assert call.attrs["route"] == {
        "target": "vertex:gemini-2.5-flash@b",
        "attempts": 2,
        "failovers": 1,
        "hedged": False,
    }


async def test_client_error_is_never_retried() -> None:
    provider = Scripted({"a": [err(400, message="bad field")]})
    with pytest.raises(UpstreamError) as caught:
        await upstream(provider)(make_call(two_regions(), "fast"))
    assert caught.value.status == 400
    assert len(provider.calls) == 1


async def test_429_retries_same_target_after_retry_after_when_it_is_the_only_one() -> None:
    clock = FakeTime()
    provider = Scripted({"us-central1": [err(429, retry_after=1.0), answer("ok")]})
    call = make_call(Tenant(id="t"), clock=clock)
    outcome = await upstream(provider, clock)(call)
    assert outcome.response == answer("ok")
    assert clock.sleeps
    assert clock.sleeps[0] >= 1.0  # Retry-After honoured
    assert call.attrs["route"]["attempts"] == 2


async def test_retry_after_longer_than_max_delay_surfaces_429_with_retry_after() -> None:
    clock = FakeTime()
    provider = Scripted({"us-central1": [err(429, retry_after=30.0)]})
    with pytest.raises(UpstreamError) as caught:
        await upstream(provider, clock)(make_call(Tenant(id="t"), clock=clock))
    assert caught.value.status == 429
    assert caught.value.retry_after == 30.0
    assert len(provider.calls) == 1
    assert clock.sleeps == []


async def test_every_target_failing_gives_the_last_upstream_class_within_max_attempts() -> None:
    clock = FakeTime()
    provider = Scripted(default=err(503))
    with pytest.raises(UpstreamError) as caught:
        await upstream(provider, clock, retry=RetryConfig(max_attempts=4))(
            make_call(two_regions(), "fast", clock=clock)
        )
    assert caught.value.status == 503
    assert len(provider.calls) == 4
    # full jitter: each backoff lies in [0, base * 2^n], capped
    assert all(0 <= s <= 2.0 for s in clock.sleeps)


async def test_no_attempt_starts_that_cannot_finish_before_the_deadline() -> None:
    clock = FakeTime()
    provider = Scripted(default=err(503))
    retry = RetryConfig(max_attempts=50, base_delay_s=0.2, max_delay_s=0.5, min_attempt_s=0.1)
    call = make_call(Tenant(id="t"), deadline_s=1.0, clock=clock)
    with pytest.raises(UpstreamError):
        await upstream(provider, clock, retry=retry)(call)
    assert len(provider.calls) < 50
    assert clock.now + 0.1 > call.deadline - 0.5  # it used the budget ...
    assert clock.now <= call.deadline  # ... and never slept past it


async def test_an_expired_deadline_sends_nothing() -> None:
    clock = FakeTime()
    provider = Scripted()
    with pytest.raises(DeadlineExceeded):
        await upstream(provider, clock)(make_call(Tenant(id="t"), deadline_s=0.01, clock=clock))
    assert provider.calls == []


async def test_context_too_long_moves_to_a_larger_window() -> None:
    plan = {
        "targets": [
            {"model": "small", "region": "a", "context_window": 8000},
            {"model": "small", "region": "b", "context_window": 8000},
            {"model": "big", "region": "a", "context_window": 1000000},
        ]
    }
    tenant = Tenant(id="t", routing={"plans": {"p": plan}, "aliases": {"smart": "p"}})
    too_long = err(
        400, message="The input token count (9000) exceeds the maximum number of tokens allowed (8000)."
    )
    provider = Scripted({"small": [too_long], "big": [answer("big one")]})
    outcome = await upstream(provider)(make_call(tenant, "smart"))
    assert outcome.response == answer("big one")
    assert [t.model for t in provider.calls] == ["small", "big"]  # not the same-size model in b


def _blocked() -> dict:  # type: ignore[type-arg]
    return {"candidates": [{"finishReason": "SAFETY"}], "usageMetadata": {}}


@pytest.mark.parametrize("fallback", [False, True])
async def test_safety_block_falls_back_only_when_the_tenant_asks(fallback: bool) -> None:
    plan = {"targets": [{"model": "m1", "region": "a"}, {"model": "m2", "region": "a"}]}
    tenant = Tenant(
        id="t", routing={"plans": {"p": plan}, "aliases": {"x": "p"}, "fallback_on_safety": fallback}
    )
    provider = Scripted({"m1": [_blocked()], "m2": [answer("m2 ok")]})
    outcome = await upstream(provider)(make_call(tenant, "x"))
    assert outcome.response == (answer("m2 ok") if fallback else _blocked())
    assert len(provider.calls) == (2 if fallback else 1)


async def test_breaker_opens_skips_the_target_then_half_opens_and_closes() -> None:
    clock = FakeTime()
    config = BreakerConfig(window_s=10, min_calls=4, error_rate=0.5, open_s=5)
    provider = Scripted({"a": [err(503)]})
    terminal = upstream(provider, clock, breaker=config)
    for _ in range(4):
        await terminal(make_call(two_regions(), "fast", clock=clock))
    breaker = terminal.breakers.get("vertex:gemini-2.5-flash@a")
    assert breaker.state == "open"
    provider.calls.clear()
    await terminal(make_call(two_regions(), "fast", clock=clock))
    assert [t.region for t in provider.calls] == ["b"]  # skipped while open
    clock.now += 5.1
    provider.script["a"] = [answer("a is back")]
    provider.calls.clear()
    outcome = await terminal(make_call(two_regions(), "fast", clock=clock))
    assert outcome.response == answer("a is back")  # the half-open probe
    assert breaker.state == "closed"
    assert {s["target"]: s["state"] for s in terminal.breakers.snapshot()}[
        "vertex:gemini-2.5-flash@a"
    ] == "closed"


async def test_half_open_probe_failure_reopens() -> None:
    clock = FakeTime()
    config = BreakerConfig(window_s=10, min_calls=2, error_rate=0.5, open_s=5)
    provider = Scripted({"us-central1": [err(503)]})
    terminal = upstream(provider, clock, breaker=config, retry=RetryConfig(max_attempts=1))
    for _ in range(2):
        with pytest.raises(UpstreamError):
            await terminal(make_call(Tenant(id="t"), clock=clock))
    with pytest.raises(UpstreamError) as caught:  # every target open: fail fast, same class, say when
        await terminal(make_call(Tenant(id="t"), clock=clock))
    assert caught.value.status == 503
    assert caught.value.retry_after is not None
    clock.now += 5.1
    with pytest.raises(UpstreamError):
        await terminal(make_call(Tenant(id="t"), clock=clock))
    assert terminal.breakers.get("vertex:gemini-2.5-flash@us-central1").state == "open"


def _chunks(*texts: str, finish: bool = True) -> list[dict]:  # type: ignore[type-arg]
    out = [answer(t, finish=None) for t in texts]
    if finish:
        out[-1] = answer(texts[-1])
    return out


async def test_stream_failure_before_first_content_fails_over_invisibly() -> None:
    meta_only = {"candidates": [], "usageMetadata": {"promptTokenCount": 1}}
    provider = Scripted({"a": [[meta_only, err(502)]], "b": [_chunks("x", "y")]})
    call = make_call(two_regions(), "fast", stream=True)
    outcome = await upstream(provider)(call)
    assert outcome.chunks is not None
    received = [c async for c in outcome.chunks]
    assert received == _chunks("x", "y")  # nothing from region a leaked
    assert call.attrs["route"]["failovers"] == 1


async def test_stream_failure_after_first_content_ends_with_an_error() -> None:
    provider = Scripted({"a": [[*_chunks("one", "two", finish=False), err(502, message="cut")]]})
    outcome = await upstream(provider)(make_call(two_regions(), "fast", stream=True))
    assert outcome.chunks is not None
    received: list[dict] = []  # type: ignore[type-arg]

    async def drain() -> None:
        async for chunk in outcome.chunks:  # type: ignore[union-attr]
            received.append(chunk)

    with pytest.raises(GatehouseError):
        await drain()
    assert len(received) == 2
    assert len(provider.calls) == 1  # committed: no silent restart mid-answer


async def test_hedge_after_p95_keeps_the_first_answer_and_cancels_the_loser() -> None:
    provider = Scripted({"a": [("slow", 5.0, answer("late"))], "b": [answer("hedge")]})
    terminal = upstream(provider, retry=RetryConfig(hedge_default_delay_s=0.02))
    call = make_call(two_regions(hedging=True), "fast")
    outcome = await asyncio.wait_for(terminal(call), 2.0)
    assert outcome.response == answer("hedge")
    assert [t.region for t in provider.cancelled] == ["a"]
    assert call.attrs["route"]["hedged"] is True
    assert call.attrs["route"]["target"].endswith("@b")


async def test_no_hedge_when_the_primary_answers_in_time() -> None:
    provider = Scripted()
    terminal = upstream(provider, retry=RetryConfig(hedge_default_delay_s=1.0))
    call = make_call(two_regions(hedging=True), "fast")
    await terminal(call)
    assert len(provider.calls) == 1
    assert call.attrs["route"]["hedged"] is False


async def test_residency_fails_closed_when_no_target_is_in_region() -> None:
    from shared.errors import PermissionDenied

    tenant = Tenant(id="t", routing={"allowed_regions": ["europe-west4"]})  # default region is us-central1
    provider = Scripted()
    with pytest.raises(PermissionDenied) as caught:
        await upstream(provider)(make_call(tenant))
    assert "europe-west4" in caught.value.message
    assert provider.calls == []


async def test_a_stream_is_judged_at_its_end_so_a_cut_probe_reopens_the_breaker() -> None:
    clock = FakeTime()
    config = BreakerConfig(window_s=10, min_calls=2, error_rate=0.5, open_s=5)
    cut = [*_chunks("one", "two", finish=False), err(502, message="cut")]
    provider = Scripted({"a": [cut]})
    terminal = upstream(provider, clock, breaker=config)
    breaker = terminal.breakers.get("vertex:gemini-2.5-flash@a")

    async def consume() -> None:
        outcome = await terminal(make_call(two_regions(), "fast", stream=True, clock=clock))
        assert outcome.chunks is not None
        with pytest.raises(GatehouseError):
            await _drain(outcome.chunks)

    for _ in range(2):
        await consume()
    assert breaker.state == "open"
    clock.now += 5.1
    await consume()  # the half-open probe gets its first chunk, then is cut
    assert breaker.state == "open"


async def _drain(chunks):  # type: ignore[no-untyped-def]
    return [c async for c in chunks]


def test_an_abandoned_half_open_probe_does_not_wedge_the_breaker() -> None:
    from shared.resilience.breaker import Breaker

    clock = FakeTime()
    breaker = Breaker("t", BreakerConfig(window_s=10, min_calls=1, error_rate=0.5, open_s=5), clock)
    breaker.record(False)
    clock.now += 5.1
    assert breaker.allow()  # the probe ... never reports
    assert not breaker.allow()
    clock.now += 5.1
    assert breaker.allow()


async def test_a_hanging_target_leaves_time_to_fail_over_within_the_deadline() -> None:
    provider = Scripted({"a": [("slow", 30.0, answer("never"))]})
    terminal = upstream(provider, retry=RetryConfig(min_attempt_s=0.05))
    call = make_call(two_regions(), "fast", deadline_s=0.6)
    started = asyncio.get_running_loop().time()
    outcome = await terminal(call)
    assert outcome.response == answer("from b")
    assert asyncio.get_running_loop().time() - started < 0.6
    assert [t.region for t in provider.cancelled] == ["a"]


async def test_the_last_allowed_attempt_gets_the_whole_remaining_time() -> None:
    provider = Scripted({"a": [("slow", 0.3, answer("slow but fine"))]})
    terminal = upstream(provider, retry=RetryConfig(max_attempts=1, min_attempt_s=0.2))
    outcome = await terminal(make_call(two_regions(), "fast", deadline_s=0.5))
    assert outcome.response == answer("slow but fine")  # no time held back for a failover it cannot make


async def test_open_breakers_after_429s_still_answer_429_with_retry_after() -> None:
    clock = FakeTime()
    config = BreakerConfig(window_s=10, min_calls=2, error_rate=0.5, open_s=5)
    provider = Scripted({"us-central1": [err(429, retry_after=60)]})
    terminal = upstream(provider, clock, breaker=config)
    for _ in range(2):
        with pytest.raises(UpstreamError):
            await terminal(make_call(Tenant(id="t"), clock=clock))
    provider.calls.clear()
    with pytest.raises(UpstreamError) as caught:
        await terminal(make_call(Tenant(id="t"), clock=clock))
    assert caught.value.status == 429
    assert caught.value.retry_after == 5.0
    assert provider.calls == []


class _Timeouts(Scripted):
    """Records the `timeout` each provider call is given."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.timeouts: list[tuple[str, float | None]] = []

    async def generate(self, target, body, *, timeout):  # type: ignore[no-untyped-def]
        self.timeouts.append(("generate", timeout))
        return await super().generate(target, body, timeout=timeout)

    async def count_tokens(self, target, body, *, timeout):  # type: ignore[no-untyped-def]
        self.timeouts.append(("countTokens", timeout))
        return await super().count_tokens(target, body, timeout=timeout)

    async def stream(self, target, body, *, timeout):  # type: ignore[no-untyped-def]
        self.timeouts.append(("stream", timeout))
        async for chunk in super().stream(target, body, timeout=timeout):
            yield chunk


async def test_a_unary_attempt_is_bounded_by_the_terminal_and_a_stream_by_its_wire_timeout() -> None:
    """Unary calls get no wire timeout (None: the attempt's `asyncio.timeout` ends them); a stream's
    provider keeps the whole remaining deadline, since the attempt's bound covers its first chunk only."""
    provider = _Timeouts({"us-central1": [[answer("one")]]})
    terminal = upstream(provider)
    await terminal(make_call(Tenant(id="t"), deadline_s=20.0))
    count = make_call(Tenant(id="t"), deadline_s=20.0)
    count.operation = "countTokens"
    await terminal(count)
    outcome = await terminal(make_call(Tenant(id="t"), deadline_s=20.0, stream=True))
    assert outcome.chunks is not None
    assert [chunk async for chunk in outcome.chunks] == [answer("one")]
    kinds = [kind for kind, _ in provider.timeouts]
    assert kinds == ["generate", "countTokens", "stream"]
    assert provider.timeouts[0][1] is None
    assert provider.timeouts[1][1] is None
    stream_timeout = provider.timeouts[2][1]
    assert stream_timeout is not None
    assert 19.0 < stream_timeout <= 20.0


async def test_a_hanging_single_target_is_ended_by_the_deadline_without_a_wire_timeout() -> None:
    provider = _Timeouts({"us-central1": [("slow", 30.0, answer("never"))]})
    terminal = upstream(provider)
    call = make_call(Tenant(id="t"), deadline_s=0.3)
    started = asyncio.get_running_loop().time()
    with pytest.raises(DeadlineExceeded, match=r"^upstream vertex:gemini-2\.5-flash@us-central1 timed out$"):
        await terminal(call)
    assert asyncio.get_running_loop().time() - started < 1.0
    assert provider.timeouts == [("generate", None)]
    assert [t.region for t in provider.cancelled] == ["us-central1"]
    route = {"target": "vertex:gemini-2.5-flash@us-central1", "attempts": 1, "failovers": 0, "hedged": False}
    assert call.attrs["route"] == route


@pytest.mark.parametrize("operation", ["generate", "countTokens"])
async def test_a_real_vertex_call_that_hangs_ends_with_the_timed_out_words(operation: str) -> None:
    """The client's message for a unary call ended by the attempt's deadline is aiohttp's wording
    ("timed out"), as when the call carried a wire timer of its own that fired first (review of
    dd8e9c9: the scripted fake above ignores `timeout`, a real provider against a server that never
    answers does not)."""
    import aiohttp
    from aiohttp import web

    from shared.providers.credentials import StaticToken
    from shared.providers.vertex import VertexGemini
    from tests.loopback import loopback_server

    release = asyncio.Event()

    async def hang(request: web.Request) -> web.Response:
        await release.wait()  # never answers in time; set at the end so the server stops at once
        return web.json_response({})

    async with loopback_server(hang) as url, aiohttp.ClientSession() as session:
        provider = VertexGemini(lambda: session, StaticToken("t"), "p", base_url=url)
        call = make_call(Tenant(id="t"), deadline_s=0.3)
        call.operation = operation
        try:
            with pytest.raises(DeadlineExceeded) as raised:
                await upstream(provider)(call)
        finally:
            release.set()
    assert raised.value.status == 504
    assert str(raised.value) == "upstream vertex:gemini-2.5-flash@us-central1 timed out"
