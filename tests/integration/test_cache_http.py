"""The cache through ingress, against the Firestore emulator, the simulator and local embeddings."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest

from dev.seed import create_tenant_with_key
from dev.stack import PROJECT, Ports, firestore_service, free_port, function_env, function_service, wait_ready
from shared.cache.config import CacheSettings
from shared.tenants import Tenant

pytestmark = pytest.mark.integration

MODEL = "gemini-2.5-flash"
GEMINI = f"/v1beta/models/{MODEL}:generateContent"
STREAM = f"/v1beta/models/{MODEL}:streamGenerateContent"


def body(text: str, temperature: float = 0) -> dict[str, Any]:
    return {
        "contents": [{"role": "user", "parts": [{"text": text}]}],
        "generationConfig": {"temperature": temperature},
    }


def seen_by_sim(sim: Any, since: int, text: str) -> int:
    return sum(1 for r in sim.requests(since) if text in orjson.dumps(r["body"]).decode())


@pytest.fixture(scope="module")
def client(stack):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=stack.ingress, timeout=120) as c:
        yield c


def new_tenant(stack: Any, **cache: Any) -> dict[str, str]:
    tenant = Tenant(id=f"c-{uuid.uuid4().hex[:10]}", cache=CacheSettings(**cache))
    return {"x-goog-api-key": stack.add_tenant(tenant)}


def text_of(response: httpx.Response) -> str:
    return str(response.json()["candidates"][0]["content"]["parts"][0]["text"])


def test_identical_calls_reach_gemini_once(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    headers = new_tenant(stack)
    question = f"Exact cache check {uuid.uuid4().hex}"
    mark = sim.mark()
    first = client.post(GEMINI, json=body(question), headers=headers)
    second = client.post(GEMINI, json=body(question), headers=headers)
    assert first.status_code == second.status_code == 200
    assert first.headers["x-gatehouse-cache"] == "miss"
    assert second.headers["x-gatehouse-cache"] == "hit"
    assert second.json() == first.json()
    assert "cache;dur=" in second.headers["server-timing"]
    assert seen_by_sim(sim, mark, question) == 1


def test_cached_answer_replays_as_a_stream(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    headers = new_tenant(stack)
    question = f"Stream cache check {uuid.uuid4().hex}"
    mark = sim.mark()
    first = client.post(STREAM, params={"alt": "sse"}, json=body(question), headers=headers)
    again = client.post(STREAM, params={"alt": "sse"}, json=body(question), headers=headers)
    assert again.headers["x-gatehouse-cache"] == "hit"
    events = [orjson.loads(x[6:]) for x in again.text.splitlines() if x.startswith("data: ")]
    assert events[-1]["candidates"][0]["finishReason"] == "STOP"
    streamed = [orjson.loads(x[6:]) for x in first.text.splitlines() if x.startswith("data: ")]
    joined = "".join(p["text"] for e in streamed for p in e["candidates"][0]["content"]["parts"])
    assert "".join(p["text"] for e in events for p in e["candidates"][0]["content"]["parts"]) == joined
    assert seen_by_sim(sim, mark, question) == 1


def test_cut_stream_is_not_stored(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    headers = new_tenant(stack)
    question = f"Cut stream {uuid.uuid4().hex}"
    sim.set_region("us-central1", stream_cut_after=2)
    client.post(STREAM, params={"alt": "sse"}, json=body(question), headers=headers)
    sim.reset()
    again = client.post(GEMINI, json=body(question), headers=headers)
    assert again.headers["x-gatehouse-cache"] == "miss"


def test_sampling_requests_and_bypass_header_are_not_cached(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    headers = new_tenant(stack)
    question = f"Bypass check {uuid.uuid4().hex}"
    sampled = client.post(GEMINI, json=body(question, temperature=0.9), headers=headers)
    assert sampled.headers["x-gatehouse-cache"] == "miss"  # not eligible: never looked up
    assert (
        client.post(GEMINI, json=body(question, temperature=0.9), headers=headers).headers[
            "x-gatehouse-cache"
        ]
        == "miss"
    )
    client.post(GEMINI, json=body(question), headers=headers)
    bypass = client.post(GEMINI, json=body(question), headers={**headers, "x-gatehouse-cache": "bypass"})
    assert bypass.headers["x-gatehouse-cache"] == "bypass"
    bad = client.post(GEMINI, json=body(question), headers={**headers, "x-gatehouse-cache": "always"})
    assert bad.status_code == 400
    assert "X-Gatehouse-Cache" in bad.json()["error"]["message"]


def _wait_for_entries(stack: Any, tenant_key: str, count: int, timeout: float = 60) -> None:
    """Stores happen after the response; wait until Firestore holds `count` entries of the tenant."""
    from google.cloud.firestore_v1.base_query import FieldFilter

    async def entries() -> int:
        db = stack.firestore()
        snaps = (
            await db.collection("cache_entries").where(filter=FieldFilter("tenant", "==", tenant_key)).get()
        )
        return len(snaps)

    deadline = time.monotonic() + timeout
    while asyncio.run(entries()) < count:
        assert time.monotonic() < deadline, "cache entry was never stored"
        time.sleep(0.2)


def _seed_calibration(stack: Any, tenant: str, agreeing: int) -> None:
    """As if `agreeing` shadow observations at distances up to 0.3 had all agreed."""

    async def seed() -> None:
        doc = stack.firestore().collection("cache_calibration").document(f"{tenant}:{MODEL}")
        await doc.set({"agree": {"b29": agreeing}})

    asyncio.run(seed())


def test_semantic_hit_for_a_paraphrase_and_miss_for_a_hard_negative(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    tenant = Tenant(id=f"s-{uuid.uuid4().hex[:10]}", cache=CacheSettings(semantic=True))
    headers = {"x-goog-api-key": stack.add_tenant(tenant)}
    _seed_calibration(stack, tenant.id, 500)  # semantic hits are served only once calibrated
    first = client.post(GEMINI, json=body("How do I convert Celsius to Fahrenheit?"), headers=headers)
    assert first.headers["x-gatehouse-cache"] == "miss"
    _wait_for_entries(stack, tenant.id, 1)
    mark = sim.mark()
    paraphrase = client.post(GEMINI, json=body("How can I convert Celsius to Fahrenheit?"), headers=headers)
    assert paraphrase.headers["x-gatehouse-cache"] == "semantic"
    assert text_of(paraphrase) == text_of(first)  # the stored answer, not a new one
    assert seen_by_sim(sim, mark, "Celsius") == 0
    reversed_ = client.post(GEMINI, json=body("How do I convert Fahrenheit to Celsius?"), headers=headers)
    assert reversed_.headers["x-gatehouse-cache"] == "miss"
    exact_only = client.post(
        GEMINI,
        json=body("How can I convert Celsius to Fahrenheit, please?"),
        headers={**headers, "x-gatehouse-cache": "exact"},
    )
    assert exact_only.headers["x-gatehouse-cache"] == "miss"


def test_semantic_tenant_is_shadow_only_until_calibrated(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    tenant = Tenant(id=f"s-{uuid.uuid4().hex[:10]}", cache=CacheSettings(semantic=True))
    headers = {"x-goog-api-key": stack.add_tenant(tenant)}
    client.post(GEMINI, json=body("What is the expense policy for travel?"), headers=headers)
    _wait_for_entries(stack, tenant.id, 1)
    mark = sim.mark()
    paraphrase = client.post(GEMINI, json=body("what is the expense policy for travel"), headers=headers)
    assert paraphrase.headers["x-gatehouse-cache"] == "miss"  # observed, not served
    assert seen_by_sim(sim, mark, "expense policy") == 1
    # the observation reaches `gatehouse cache calibrate` (through the admin API): not ready yet
    deadline = time.monotonic() + 10
    while not (report := calibrate(stack, tenant.id))["models"]:
        assert time.monotonic() < deadline, "the shadow observation was never recorded"
        time.sleep(0.2)
    assert report["mode"] == "semantic"
    assert report["target_error_rate"] == 0.02  # the tenant's
    (row,) = report["models"]
    assert (row["model"], row["observations"], row["ready"], row["threshold"]) == (MODEL, 1, False, None)


def calibrate(stack: Any, tenant: str, *args: str, as_json: bool = True) -> Any:
    """`gatehouse cache calibrate` in this process, against the stack's admin function."""
    import contextlib
    import io

    from cli.main import run

    argv = ["--url", stack.admin, "--token", stack.admin_token, "cache", "calibrate", "--tenant", tenant]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run([*argv, *args, *(["--json"] if as_json else [])]) == 0
    return orjson.loads(out.getvalue()) if as_json else out.getvalue()


def test_calibrate_reports_each_model_of_one_tenant_under_a_target(stack) -> None:  # type: ignore[no-untyped-def]
    tenant = Tenant(id=f"k-{uuid.uuid4().hex[:10]}", cache=CacheSettings(shadow=True))
    stack.add_tenant(tenant)
    _seed_calibration(stack, tenant.id, 500)
    _seed_calibration(stack, tenant.id + "x", 7)  # a tenant whose id starts with this one's

    async def disagree() -> None:
        doc = stack.firestore().collection("cache_calibration").document(f"{tenant.id}:gemini-2.5-pro")
        await doc.set({"agree": {"b05": 40}, "disagree": {"b10": 3}})

    asyncio.run(disagree())
    report = calibrate(stack, tenant.id)
    assert report["mode"] == "shadow"
    rows = {m["model"]: m for m in report["models"]}
    assert set(rows) == {MODEL, "gemini-2.5-pro"}
    flash, pro = rows[MODEL], rows["gemini-2.5-pro"]
    assert (flash["observations"], flash["disagreements"], flash["threshold"]) == (500, 0, 0.3)
    assert flash["precision"] == 1.0
    assert 0.99 < flash["precision_lower_bound"] < 1.0
    assert (pro["observations"], pro["disagreements"], pro["precision"]) == (43, 3, 0.9302)
    assert pro["ready"] is False  # 3 of 43 wrong: no distance has its bound under 2%
    strict = calibrate(stack, tenant.id, "--model", MODEL, "--target", "0.001")
    assert [m["ready"] for m in strict["models"]] == [False]  # 500 clean observations cannot show 0.1%
    table = calibrate(stack, tenant.id, as_json=False)
    assert "0.30" in table
    assert "shadow" in table


@pytest.mark.slow
def test_firestore_down_degrades_to_a_miss(stack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Its own Firestore emulator and ingress, so stopping Firestore disturbs no other test."""
    port = free_port()
    firestore = firestore_service(port)  # warmed when ready: the first request needs no retry
    ports = Ports(
        port,
        stack.ports.pubsub,
        stack.ports.simulator,
        stack.ports.secrets,
        stack.ports.eventarc,
        {"ingress": free_port()},
    )
    ingress = function_service("ingress", ports.functions["ingress"], function_env(ports))
    try:
        firestore.start(tmp_path)
        wait_ready([firestore])
        tenant = Tenant(id="down", cache=CacheSettings())

        async def seed() -> str:
            from google.cloud import firestore as fs

            return await create_tenant_with_key(fs.AsyncClient(project=PROJECT), stack.pepper, tenant)

        import os

        saved = os.environ.get("FIRESTORE_EMULATOR_HOST")
        os.environ["FIRESTORE_EMULATOR_HOST"] = f"127.0.0.1:{port}"
        try:
            key = asyncio.run(seed())
        finally:
            os.environ["FIRESTORE_EMULATOR_HOST"] = saved or ""
        ingress.start(tmp_path)
        wait_ready([ingress])
        headers = {"x-goog-api-key": key}
        with httpx.Client(base_url=ingress.url, timeout=30) as c:
            warm = c.post(GEMINI, json=body("warm the key cache"), headers=headers)
            assert warm.status_code == 200, warm.text  # the tenant is now cached in the instance
            firestore.stop()
            start = time.monotonic()
            down = c.post(GEMINI, json=body("asked while Firestore is down"), headers=headers)
            assert down.status_code == 200, down.text
            assert down.headers["x-gatehouse-cache"] == "miss"
            assert time.monotonic() - start < 5
            l1 = c.post(GEMINI, json=body("warm the key cache"), headers=headers)
            assert l1.headers["x-gatehouse-cache"] == "hit"  # the edge cache needs no Firestore
    finally:
        ingress.stop()
        firestore.stop()
