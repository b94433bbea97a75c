"""Calibration: semantic hits wait for enough agreeing shadow observations; disagreements,
the judge tier and sampled verification; the simulator's equivalence mode and judge stand-in."""

from __future__ import annotations

import time
from typing import Any

import pytest

from dev.simulator import _judge_verdict, generate
from shared.cache.calibration import (
    Calibration,
    Counts,
    MemoryCalibrationStore,
    answers_agree,
    calibrated_threshold,
    upper_bound,
)
from shared.cache.config import CacheSettings
from shared.cache.judge import Judge, judge_body
from shared.cache.memory import MemoryCache
from shared.cache.stage import CacheConfig, ResponseCache
from shared.pipeline import Call, Outcome
from shared.tenants import Tenant
from tests.fakes import answer
from tests.unit.test_cache_stage import MemoryStore, WordEmbedder

MODEL = "gemini-2.5-flash"


def test_wilson_bound_and_calibrated_threshold() -> None:
    assert upper_bound(0, 0) == 1.0
    assert upper_bound(0, 300) < 0.01 < upper_bound(0, 200)
    counts = Counts()
    for _ in range(40):
        counts.add(2, True)  # distance 0.02-0.03: agreeing
    for _ in range(5):
        counts.add(20, False)  # distance 0.20: wrong answers
    assert calibrated_threshold(counts, 0.1, 30) == pytest.approx(0.03)  # the last clean distance seen
    assert calibrated_threshold(counts, 0.01, 30) is None  # 40 clean observations cannot show 1%
    assert calibrated_threshold(counts, 0.1, 100) is None  # too few observations


async def test_answers_agree_by_equality_then_embedding() -> None:
    same = await answers_agree(answer("Paris."), answer("paris"))
    assert same == (True, "equal")
    assert (await answers_agree(answer("Paris"), answer("Berlin")))[0] is False

    async def embed(text: str) -> list[float]:
        return [1.0, 0.0] if "paris" in text else [0.0, 1.0]

    assert await answers_agree(answer("Paris, France"), answer("It is Paris"), embed=embed) == (
        True,
        "embedding",
    )


class Sim:
    """Upstream in the simulator's equivalence mode: declared-equivalent questions agree exactly."""

    def __init__(self) -> None:
        self.calls = 0
        self.equivalent: dict[str, int] = {}

    def declare(self, *questions: str) -> None:
        from dev.simulator import _normal

        for q in questions:
            self.equivalent[_normal(q)] = len(self.equivalent)

    async def __call__(self, call: Call) -> Outcome:
        self.calls += 1
        return Outcome(response=generate(MODEL, {"contents": call.body["contents"]}, self.equivalent))


def make(
    calibration: Calibration | None = None, judge: Judge | None = None, sample: float = 0.5
) -> ResponseCache:
    embedder = WordEmbedder()
    return ResponseCache(
        CacheConfig(threshold=0.3, require_calibration=True, answer_agree_distance=0.0),
        MemoryCache(1 << 20),
        MemoryStore(),  # type: ignore[arg-type]
        lambda: embedder,  # type: ignore[arg-type,return-value]
        calibration=calibration,
        judge=judge,
        sample=lambda: sample,
    )


def call(text: str, **cache: Any) -> Call:
    body = {"contents": [{"role": "user", "parts": [{"text": text}]}], "generationConfig": {"temperature": 0}}
    tenant = Tenant(id="acme", cache=CacheSettings(**cache))
    return Call("r", tenant, "gemini", MODEL, body, False, time.monotonic() + 30)


async def test_semantic_hits_are_shadow_only_until_calibrated() -> None:
    calibration = Calibration(MemoryCalibrationStore(), min_observations=10, refresh_s=0)
    cache, sim = make(calibration), Sim()
    settings = {"semantic": True, "target_error_rate": 0.2}
    for n in range(12):  # casing variants: the decision explains them, the answers agree
        question = f"What is the status of project number {n}?"
        sim.declare(question.upper())  # same group once normalized: one answer for both
        await cache(call(question, **settings), sim)
        await cache.store.drain()
        before = sim.calls
        outcome = await cache(call(question.upper(), **settings), sim)
        await cache.store.drain()
        if n < 10:  # not calibrated yet: a miss that calls upstream and records an observation
            assert outcome.cache == "miss"
            assert sim.calls == before + 1
    counts = calibration.store.counts[("acme", MODEL)]  # type: ignore[attr-defined]
    assert sum(counts.agree) >= 10
    assert sum(counts.disagree) == 0
    assert await calibration.threshold("acme", MODEL, 0.2) is not None
    await cache(call("What is the status of project number 99?", **settings), sim)
    await cache.store.drain()
    served = await cache(call("what is the status of project number 99", **settings), sim)
    assert served.cache == "semantic"


async def test_a_disagreement_is_counted_and_marks_the_entry() -> None:
    calibration = Calibration(MemoryCalibrationStore(), min_observations=1, refresh_s=0)
    cache, sim = make(calibration), Sim()  # nothing declared equivalent: every answer differs
    await cache(call("What is the refund policy?", shadow=True), sim)
    await cache.store.drain()
    await cache(call("what is the refund policy", shadow=True), sim)
    await cache.store.drain()
    counts = calibration.store.counts[("acme", MODEL)]  # type: ignore[attr-defined]
    assert sum(counts.disagree) == 1
    marked = [e for e, _ in cache.store.entries.values() if e.disagree_at is not None]  # type: ignore[attr-defined]
    assert len(marked) == 1
    assert marked[0].question == "What is the refund policy?"


def judge_with(text: str, usd: float = 0.0001) -> Judge:
    async def generate_(model: str, body: dict[str, Any]) -> dict[str, Any]:
        assert body["contents"][0]["parts"][0]["text"].startswith("[gatehouse-cache-judge]")
        return {**answer(text), "usageMetadata": {"totalTokenCount": 90}}

    return Judge(generate_, "gemini-2.5-flash-lite", 1.0, lambda _m, _u: usd)


@pytest.mark.parametrize(("verdict", "served"), [("YES", "semantic"), ("NO", "miss")])
async def test_judge_tier_gates_the_hit_and_is_costed(verdict: str, served: str) -> None:
    calibration = Calibration(MemoryCalibrationStore(), min_observations=1, refresh_s=0)
    cache = make(calibration, judge_with(verdict))
    cache.config = CacheConfig(threshold=0.3, require_calibration=False)
    await cache(call("What is the refund policy?", semantic=True, judge=True), Sim())
    await cache.store.drain()
    hit_call = call("what is the refund policy", semantic=True, judge=True)
    outcome = await cache(hit_call, Sim())
    assert outcome.cache == served
    assert hit_call.attrs["cache_judge"]["usd"] == pytest.approx(0.0001)
    assert hit_call.attrs["cache_judge"]["tokens"] == 90


async def test_judge_without_a_verdict_in_budget_serves_no_hit() -> None:
    async def slow(model: str, body: dict[str, Any]) -> dict[str, Any]:
        import asyncio

        await asyncio.sleep(1)
        return answer("YES")

    judge = Judge(slow, "gemini-2.5-flash-lite", 0.01)
    assert (await judge("a", "b", "c")).verdict is None


async def test_sampled_verification_serves_fresh_and_observes() -> None:
    calibration = Calibration(MemoryCalibrationStore(), min_observations=1, refresh_s=0)
    cache, sim = make(calibration, sample=0.0), Sim()
    cache.config = CacheConfig(threshold=0.3, require_calibration=False, answer_agree_distance=0.0)
    sim.declare("What is the refund policy?", "what is the refund policy")
    await cache(call("What is the refund policy?", semantic=True, verify_fraction=0.1), sim)
    await cache.store.drain()
    verify = call("what is the refund policy", semantic=True, verify_fraction=0.1)
    outcome = await cache(verify, sim)
    await cache.store.drain()
    assert outcome.cache == "miss"
    assert verify.attrs["cache_verify"] is True
    assert sum(calibration.store.counts[("acme", MODEL)].agree) == 1  # type: ignore[attr-defined]


def test_simulator_equivalence_mode_and_judge_stand_in() -> None:
    def body(text: str) -> dict[str, Any]:
        return {"contents": [{"role": "user", "parts": [{"text": text}]}]}

    groups = {"what is the refund policy": 0, "refund policy please": 0}
    one = generate(MODEL, body("What is the refund policy?"), groups)
    two = generate(MODEL, body("Refund policy, please"), groups)
    other = generate(MODEL, body("What is the travel policy?"), groups)
    text = [r["candidates"][0]["content"]["parts"][0]["text"] for r in (one, two, other)]
    assert text[0] == text[1] != text[2]
    prompt = judge_body("What is the refund policy?", "Refund policy, please", "30 days")
    assert _judge_verdict(prompt["contents"][0]["parts"][0]["text"], groups) == "YES"
    prompt = judge_body("What is the refund policy?", "What is the travel policy?", "30 days")
    assert _judge_verdict(prompt["contents"][0]["parts"][0]["text"], groups) == "NO"
