"""Chaos: the simulator's per-region faults against the running ingress, through real HTTP.

Each test routes a fresh tenant to regions named for that test, so breakers (per target,
per instance) and faults never leak between tests. The stack runs with a 3 s breaker window,
20 calls before a breaker may open, 1 s open time, and a 0.1 s initial hedge delay.
"""

from __future__ import annotations

import time
import uuid
from typing import Any

import httpx
import orjson
import pytest

from shared.tenants import Tenant

pytestmark = pytest.mark.integration

BODY = {"contents": [{"role": "user", "parts": [{"text": "chaos please"}]}]}
MODEL = "gemini-2.5-flash"


@pytest.fixture
def client(stack):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=stack.ingress, timeout=30) as c:
        yield c


def _regions() -> tuple[str, str]:
    suffix = uuid.uuid4().hex[:8]
    return f"chaos-{suffix}-a", f"chaos-{suffix}-b"


def _tenant(stack: Any, targets: list[dict[str, Any]], **routing: Any) -> str:
    tenant = Tenant(
        id=f"chaos-{uuid.uuid4().hex[:10]}",
        routing={"plans": {"main": {"targets": targets}}, "aliases": {"chaos": "main"}, **routing},
    )
    return str(stack.add_tenant(tenant))


def _two(stack: Any, **routing: Any) -> tuple[str, str, str]:
    a, b = _regions()
    key = _tenant(stack, [{"model": MODEL, "region": a}, {"model": MODEL, "region": b}], **routing)
    return key, a, b


def _generate(client: httpx.Client, key: str, **headers: str) -> httpx.Response:
    return client.post(
        "/v1beta/models/chaos:generateContent", json=BODY, headers={"x-goog-api-key": key, **headers}
    )


def _breakers(client: httpx.Client, key: str) -> dict[str, str]:
    response = client.get("/v1/routing/breakers", headers={"x-goog-api-key": key})
    assert response.status_code == 200
    return {b["target"]: b["state"] for b in response.json()["breakers"]}


def _events(text: str) -> list[dict[str, Any]]:
    return [orjson.loads(line[6:]) for line in text.splitlines() if line.startswith("data: ")]


def test_region_down_fails_over_then_breaker_opens_and_half_opens(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    key, a, b = _two(stack)
    sim.set_region(a, error_rate=1.0, error_status=503)
    for _ in range(20):  # every request succeeds through b while a's breaker gathers failures
        response = _generate(client, key)
        assert response.status_code == 200, response.text
        assert response.headers["x-gatehouse-route"] == f"vertex:{MODEL}@{b}"
    assert _breakers(client, key)[f"vertex:{MODEL}@{a}"] == "open"
    lines = stack.log_records("ingress")
    routes = [
        x["route"] for x in lines if x.get("message") == "request" and x.get("route", {}).get("failovers")
    ]
    assert {"target": f"vertex:{MODEL}@{b}", "attempts": 2, "failovers": 1, "hedged": False} in routes
    changes = [x["breaker"] for x in lines if x.get("message") == "circuit breaker state change"]
    assert {"target": f"vertex:{MODEL}@{a}", "from": "closed", "to": "open"}.items() <= changes[-1].items()
    mark = sim.mark()
    response = _generate(client, key)
    assert response.headers["x-gatehouse-attempts"] == "1"  # a is skipped, not tried
    assert [r["region"] for r in sim.requests(since=mark)] == [b]
    sim.set_region(a)  # a recovers
    time.sleep(1.1)  # open_s = 1
    response = _generate(client, key)
    assert response.headers["x-gatehouse-route"] == f"vertex:{MODEL}@{a}"  # the half-open probe
    assert _breakers(client, key)[f"vertex:{MODEL}@{a}"] == "closed"


def test_breaker_probe_that_fails_reopens(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    key, a, _b = _two(stack)
    sim.set_region(a, error_rate=1.0, error_status=500)
    for _ in range(20):
        _generate(client, key)
    assert _breakers(client, key)[f"vertex:{MODEL}@{a}"] == "open"
    time.sleep(1.1)
    mark = sim.mark()
    assert _generate(client, key).status_code == 200
    assert next(r["region"] for r in sim.requests(since=mark)) == a  # probed ...
    assert _breakers(client, key)[f"vertex:{MODEL}@{a}"] == "open"  # ... and re-opened


def test_30_percent_429_with_retry_after_is_absorbed_without_a_retry_storm(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    key, a, b = _two(stack)
    for region, seed in ((a, 1), (b, 2)):
        sim.set_region(region, error_rate=0.3, error_status=429, retry_after=0.2, seed=seed)
    mark = sim.mark()
    statuses = [_generate(client, key).status_code for _ in range(40)]
    calls = len(sim.requests(since=mark))
    assert statuses.count(200) == 40
    # Each call fails independently with p = 0.3, so no policy can average below 1 / 0.7 = 1.43 calls
    # per success; the seeded run lands near it. A storm (retrying a target that said Retry-After at
    # once, or retrying with no cap) would show up as far more.
    assert calls / 40 <= 1.6, calls


def test_every_region_429_gives_429_with_retry_after(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    key, a, b = _two(stack)
    for region in (a, b):
        sim.set_region(region, error_rate=1.0, error_status=429, retry_after=30)
    response = _generate(client, key)
    assert response.status_code == 429
    assert response.headers["retry-after"] == "30"
    assert response.headers["x-gatehouse-attempts"] == "2"


def test_slow_region_is_hedged_and_the_deadline_holds_without_hedging(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    key, a, b = _two(stack, hedging=True)
    sim.set_region(a, latency_ms=2000)
    started = time.monotonic()
    response = _generate(client, key)
    assert response.status_code == 200
    assert time.monotonic() - started < 1.0
    assert response.headers["x-gatehouse-route"] == f"vertex:{MODEL}@{b}"

    plain, slow, fast = _two(stack)  # hedging off: the attempt on the slow region leaves time for b
    sim.set_region(slow, latency_ms=2000)
    started = time.monotonic()
    response = _generate(client, plain, **{"x-server-timeout": "0.5"})
    assert response.status_code == 200
    assert time.monotonic() - started < 0.5 + 0.25
    assert response.headers["x-gatehouse-route"] == f"vertex:{MODEL}@{fast}"

    sim.set_region(fast, latency_ms=2000)  # nowhere fast: the deadline is the answer
    started = time.monotonic()
    response = _generate(client, plain, **{"x-server-timeout": "0.5"})
    elapsed = time.monotonic() - started
    assert response.status_code == 504
    assert elapsed < 0.5 + 0.25, elapsed


def test_stream_cut_after_three_chunks_ends_with_an_error_event(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    key, a, _b = _two(stack)
    sim.set_region(a, stream_cut_after=3)
    response = client.post(
        "/v1beta/models/chaos:streamGenerateContent",
        params={"alt": "sse"},
        json=BODY,
        headers={"x-goog-api-key": key},
    )
    events = _events(response.text)
    assert len(events) == 4
    assert all("candidates" in e for e in events[:3])
    assert events[-1]["error"]["code"] == 502  # never a clean end


def test_stream_failing_before_first_chunk_fails_over_invisibly(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    key, a, b = _two(stack)
    sim.set_region(a, stream_cut_after=0)
    response = client.post(
        "/v1beta/models/chaos:streamGenerateContent",
        params={"alt": "sse"},
        json=BODY,
        headers={"x-goog-api-key": key},
    )
    events = _events(response.text)
    assert all("error" not in e for e in events)
    assert events[-1]["candidates"][0]["finishReason"] == "STOP"
    assert response.headers["x-gatehouse-route"] == f"vertex:{MODEL}@{b}"
    assert response.headers["x-gatehouse-failovers"] == "1"


def test_self_hosted_endpoint_down_falls_back_to_gemini(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    hosted, gemini = _regions()
    targets = [
        {"provider": "vertex-endpoint", "model": "llama-3-8b", "region": hosted, "endpoint": "1234"},
        {"model": MODEL, "region": gemini},
    ]
    key = _tenant(stack, targets)
    up = _generate(client, key)
    assert up.status_code == 200
    assert up.headers["x-gatehouse-route"] == f"vertex-endpoint:llama-3-8b@{hosted}"
    assert up.json()["usageMetadata"]["totalTokenCount"] > 0
    assert "Simulated llama-3-8b answer" in up.json()["candidates"][0]["content"]["parts"][0]["text"]
    sim.set_region(hosted, error_rate=1.0, error_status=503)
    down = _generate(client, key)
    assert down.status_code == 200
    assert down.headers["x-gatehouse-route"] == f"vertex:{MODEL}@{gemini}"
    assert "Simulated gemini-2.5-flash answer" in down.json()["candidates"][0]["content"]["parts"][0]["text"]


def test_openai_compatible_target_streams_and_answers(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    region, _ = _regions()
    endpoint = f"{stack.simulator}/openai/{region}/v1"
    key = _tenant(stack, [{"provider": "openai", "model": "qwen", "region": region, "endpoint": endpoint}])
    body = {**BODY, "systemInstruction": {"parts": [{"text": "terse"}]}}
    response = client.post("/v1beta/models/chaos:generateContent", json=body, headers={"x-goog-api-key": key})
    assert response.status_code == 200, response.text
    text = response.json()["candidates"][0]["content"]["parts"][0]["text"]
    assert "chaos please" in text
    assert "[system: terse]" in text
    stream = client.post(
        "/v1beta/models/chaos:streamGenerateContent",
        params={"alt": "sse"},
        json=BODY,
        headers={"x-goog-api-key": key},
    )
    events = _events(stream.text)
    assert "chaos please" in "".join(
        e["candidates"][0]["content"]["parts"][0].get("text", "") for e in events
    )
    assert events[-1]["usageMetadata"]["totalTokenCount"] > 0
