"""The cache stage with in-memory collaborators: layers, single-flight, streams, shadow, faults."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import math
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest

from shared.cache.config import CacheSettings
from shared.cache.memory import MemoryCache
from shared.cache.stage import CacheConfig, ResponseCache
from shared.cache.store import Entry, Neighbour
from shared.errors import UpstreamError
from shared.pipeline import Call, Outcome
from shared.tenants import PolicySettings, Tenant
from tests.fakes import FirstTarget, answer

MODEL = "gemini-2.5-flash"


class MemoryStore:
    """Satisfies the FirestoreCache interface the stage uses, in memory."""

    def __init__(self) -> None:
        self.entries: dict[str, tuple[Entry, list[float] | None]] = {}
        self.down = False
        self.reads = 0
        self._tasks: set[asyncio.Task[Any]] = set()

    async def get(self, key: str) -> Entry | None:
        self.reads += 1
        if self.down:
            return None
        found = self.entries.get(key)
        return found[0] if found else None

    async def nearest(
        self, tenant: str, model: str, scope: str, vector: list[float], threshold: float, limit: int = 4
    ) -> list[Neighbour]:
        out = []
        for entry, stored in self.entries.values():
            if stored is None or (entry.tenant, entry.model, entry.scope) != (tenant, model, scope):
                continue
            distance = 1 - sum(x * y for x, y in zip(vector, stored, strict=True))
            if distance <= threshold:
                out.append(Neighbour(entry, distance))
        return sorted(out, key=lambda n: n.distance)[:limit]

    async def put(self, entry: Entry, vector: list[float] | None = None) -> bool:
        self.entries[entry.key] = (entry, vector)
        return True

    async def mark_disagreement(self, key: str, distance: float) -> None:
        entry, vector = self.entries[key]
        self.entries[key] = (dataclasses.replace(entry, disagree_at=distance), vector)

    def spawn(self, work: Any) -> None:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self) -> None:
        while self._tasks:
            await asyncio.gather(*list(self._tasks))

    async def purge(self, tenant: str, model: str | None = None) -> int:
        doomed = [k for k, (e, _) in self.entries.items() if e.tenant == tenant and model in (None, e.model)]
        for key in doomed:
            del self.entries[key]
        return len(doomed)


class WordEmbedder:
    """Bag-of-words vectors: questions sharing most words are close."""

    dimension = 64

    async def embed(self, text: str) -> list[float]:
        vector = [0.0] * self.dimension
        for word in text.lower().replace("?", "").split():
            vector[sum(map(ord, word)) % self.dimension] += 1.0
        norm = math.sqrt(sum(x * x for x in vector)) or 1.0
        return [x / norm for x in vector]


class Upstream:
    def __init__(self, chunks: list[Any] | None = None, delay: float = 0.0, response: Any = None) -> None:
        self.calls = 0
        self.chunks = chunks
        self.delay = delay
        self.response = response

    async def __call__(self, call: Call) -> Outcome:
        self.calls += 1
        await asyncio.sleep(self.delay)
        if self.chunks is not None:
            return Outcome(chunks=self._stream())
        text = call.body["contents"][-1]["parts"][0]["text"]
        return Outcome(response=self.response or answer(f"answer: {text}"))

    async def _stream(self) -> AsyncIterator[dict[str, Any]]:
        for item in self.chunks or []:
            if isinstance(item, Exception):
                raise item
            yield item


def make_cache(store: MemoryStore | None = None, threshold: float = 0.3) -> ResponseCache:
    embedder = WordEmbedder()
    return ResponseCache(
        CacheConfig(threshold=threshold),
        MemoryCache(1 << 20),
        store or MemoryStore(),
        lambda: embedder,  # type: ignore[arg-type]
    )


def call(text: str = "What is 2+2?", tenant: str = "acme", stream: bool = False, **cache: Any) -> Call:
    settings = CacheSettings(**cache)
    body = {"contents": [{"role": "user", "parts": [{"text": text}]}], "generationConfig": {"temperature": 0}}
    return Call("r", Tenant(id=tenant, cache=settings), "gemini", MODEL, body, stream, time.monotonic() + 30)


async def drain(cache: ResponseCache) -> None:
    await cache.store.drain()


async def collect(outcome: Outcome) -> list[dict[str, Any]]:
    assert outcome.chunks is not None
    return [chunk async for chunk in outcome.chunks]


async def test_exact_hit_from_l1_then_l2() -> None:
    store = MemoryStore()
    cache, upstream = make_cache(store), Upstream()
    first = await cache(call(), upstream)
    await drain(cache)
    assert first.cache == "miss"
    assert upstream.calls == 1
    second = await cache(call(), upstream)
    assert second.cache == "hit"
    assert upstream.calls == 1
    assert second.response == first.response
    cache.memory.purge("acme")
    reads = store.reads
    third = await cache(call(), upstream)
    assert third.cache == "hit"
    assert store.reads == reads + 1
    assert upstream.calls == 1
    assert cache.stats.outcomes["l1"] == 1
    assert cache.stats.outcomes["l2"] == 1
    assert cache.stats.tokens_saved == 6


async def test_a_question_too_large_for_a_firestore_document_stays_in_l1_only() -> None:
    """The answer and the question are stored together: over 1 MiB Firestore refuses the document (and
    with it the whole batch of other requests' entries), so such an entry is kept in L1 alone."""
    store = MemoryStore()
    cache, upstream = make_cache(store), Upstream(response=answer("A summary."))
    small = await cache(call("What is 2+2?"), upstream)
    large = await cache(call("Summarize: " + "é" * 460_000), upstream)  # ~920 KB in UTF-8, a short answer
    await drain(cache)
    assert (small.cache, large.cache) == ("miss", "miss")
    assert [entry.question for entry, _ in store.entries.values()] == ["What is 2+2?"]
    assert (await cache(call("Summarize: " + "é" * 460_000), upstream)).cache == "hit"  # L1 has it


async def test_an_l1_entry_is_priced_once_and_every_hit_counts_its_savings() -> None:
    prices: list[str] = []

    def price(model: str, usage: dict[str, Any]) -> float:
        prices.append(model)
        return 0.5

    cache, upstream = make_cache(), Upstream()
    cache.stats.price = price
    await cache(call(), upstream)
    calls = [call() for _ in range(3)]
    assert [(await cache(c, upstream)).cache for c in calls] == ["hit"] * 3
    assert len(prices) == 1  # the first hit priced the entry; the others reuse it
    assert [c.attrs["cache_saved"] for c in calls] == [{"tokens": 3, "usd": 0.5}] * 3
    assert cache.stats.tokens_saved == 9  # counted on every hit
    assert cache.stats.usd_saved == 1.5
    cache.memory.purge("acme")
    await cache(call(), upstream)  # a new entry (an upstream miss: the store has not drained) ...
    await cache(call(), upstream)
    assert len(prices) == 2  # ... is priced anew


async def test_tenants_do_not_share_entries() -> None:
    cache, upstream = make_cache(), Upstream()
    await cache(call(tenant="acme"), upstream)
    await drain(cache)
    other = await cache(call(tenant="globex"), upstream)
    assert other.cache == "miss"
    assert upstream.calls == 2


async def test_a_policy_change_is_a_miss_and_the_same_policy_hits_on_another_instance() -> None:
    """Answers are stored after the output check of the tenant's policy and keyed by the request as
    that policy redacted it: after a policy change the old entries are not served (L1, L2 or L3),
    while another instance with the same settings (another Tenant object) still hits L2."""
    store = MemoryStore()
    cache, upstream = make_cache(store), Upstream()
    assert (await cache(call(), upstream)).cache == "miss"
    await drain(cache)
    strict = call()
    strict.tenant = strict.tenant.model_copy(update={"policy": PolicySettings(profile="strict")})
    assert (await cache(strict, upstream)).cache == "miss"  # neither L1 nor L2 nor a neighbour
    assert upstream.calls == 2
    await drain(cache)
    other = make_cache(store)  # another instance: empty L1, the same L2
    assert (await other(call(), upstream)).cache == "hit"
    again = call()
    again.tenant = again.tenant.model_copy(update={"policy": PolicySettings(profile="strict")})
    assert (await other(again, upstream)).cache == "hit"  # the strict entry, under the strict scope
    assert upstream.calls == 2
    assert len({entry.scope for entry, _ in store.entries.values()}) == 2


async def test_uncacheable_and_bypass_requests_skip_the_cache() -> None:
    cache, upstream = make_cache(), Upstream()
    sampled = call()
    sampled.body["generationConfig"] = {"temperature": 1}
    assert (await cache(sampled, upstream)).cache == "miss"
    assert (await cache(sampled, upstream)).cache == "miss"
    assert sampled.attrs["cache_skip"] == "temperature"
    bypass = call()
    bypass.attrs["cache_mode"] = "bypass"
    await cache(call(), upstream)
    assert (await cache(bypass, upstream)).cache == "bypass"
    assert upstream.calls == 4


async def test_count_tokens_is_not_cached() -> None:
    cache, upstream = make_cache(), Upstream()
    counting = call()
    counting.operation = "countTokens"
    await cache(counting, upstream)
    await cache(counting, upstream)
    assert upstream.calls == 2
    assert len(cache.memory) == 0


async def test_truncated_answers_are_never_stored() -> None:
    cache, upstream = make_cache(), Upstream(response=answer("half", finish="MAX_TOKENS"))
    await cache(call(), upstream)
    await cache(call(), upstream)
    assert upstream.calls == 2
    assert cache.stats.outcomes["not_stored"] == 2


async def test_single_flight_coalesces_identical_concurrent_misses() -> None:
    cache, upstream = make_cache(), Upstream(delay=0.05)
    outcomes = await asyncio.gather(*(cache(call(), upstream) for _ in range(5)))
    assert upstream.calls == 1
    assert sorted(o.cache for o in outcomes) == ["hit"] * 4 + ["miss"]
    assert all(o.response == outcomes[0].response for o in outcomes)


async def test_followers_call_upstream_themselves_when_the_leader_fails() -> None:
    cache = make_cache()
    failing = Upstream(delay=0.05, response={"error": "x"})

    async def leader_fails(c: Call) -> Outcome:
        failing.calls += 1
        await asyncio.sleep(0.05)
        if failing.calls == 1:
            raise UpstreamError(503, "down")
        return Outcome(response=answer("ok"))

    results = await asyncio.gather(*(cache(call(), leader_fails) for _ in range(3)), return_exceptions=True)
    assert isinstance(results[0], UpstreamError)
    assert all(isinstance(r, Outcome) for r in results[1:])
    assert failing.calls == 3


CHUNKS = [
    {"candidates": [{"content": {"role": "model", "parts": [{"text": "Hel"}]}}]},
    {"candidates": [{"content": {"role": "model", "parts": [{"text": "lo"}]}}]},
    {
        "candidates": [{"content": {"role": "model", "parts": [{"text": "!"}]}, "finishReason": "STOP"}],
        "usageMetadata": {"totalTokenCount": 9},
    },
]


async def test_streamed_miss_is_stored_when_complete_and_replayed_as_a_stream() -> None:
    cache, upstream = make_cache(), Upstream(chunks=CHUNKS)
    miss = await cache(call(stream=True), upstream)
    assert len(await collect(miss)) == 3
    await drain(cache)
    replayed = await cache(call(stream=True), upstream)
    assert replayed.cache == "hit"
    assert upstream.calls == 1
    chunks = await collect(replayed)
    assert chunks[-1]["candidates"][0]["finishReason"] == "STOP"
    assert "".join(p["text"] for c in chunks for p in c["candidates"][0]["content"]["parts"]) == "Hello!"
    unary = await cache(call(), upstream)  # the same answer serves a non-streamed call
    assert unary.response is not None
    assert unary.response["candidates"][0]["content"]["parts"] == [{"text": "Hello!"}]


@pytest.mark.parametrize(
    "chunks",
    [
        [*CHUNKS[:2], UpstreamError(502, "stream cut")],  # error mid-stream
        CHUNKS[:2],  # ended without a finishReason
    ],
)
async def test_partial_streams_are_never_stored(chunks: list[Any]) -> None:
    cache, upstream = make_cache(), Upstream(chunks=chunks)
    outcome = await cache(call(stream=True), upstream)
    with contextlib.suppress(UpstreamError):
        await collect(outcome)
    await drain(cache)
    assert len(cache.memory) == 0
    assert not cache.store.entries


async def test_abandoned_stream_is_not_stored() -> None:
    cache, upstream = make_cache(), Upstream(chunks=CHUNKS)
    outcome = await cache(call(stream=True), upstream)
    assert outcome.chunks is not None
    await anext(outcome.chunks)
    await outcome.chunks.aclose()  # type: ignore[attr-defined]  # the client went away
    assert len(cache.memory) == 0


async def test_semantic_hit_for_a_paraphrase_and_guarded_miss_for_a_negative() -> None:
    cache, upstream = make_cache(threshold=0.5), Upstream()
    await cache(call("What is the capital of France?", semantic=True), upstream)
    await drain(cache)
    hit = await cache(call("what is the capital of France", semantic=True), upstream)
    assert hit.cache == "semantic"
    assert upstream.calls == 1
    negative = await cache(call("What is not the capital of France?", semantic=True), upstream)
    assert negative.cache == "miss"
    assert upstream.calls == 2
    assert cache.stats.rejected["negation"] == 1


class SlowEmbedder(WordEmbedder):
    """Counts embeddings that ran to the end (a remote embedding takes a while)."""

    def __init__(self) -> None:
        self.finished = 0

    async def embed(self, text: str) -> list[float]:
        await asyncio.sleep(0.05)
        self.finished += 1
        return await super().embed(text)


async def test_semantic_lookup_overlaps_embedding_with_l2_and_times_each_step() -> None:
    store, embedder = MemoryStore(), SlowEmbedder()
    cache = ResponseCache(CacheConfig(threshold=0.5), MemoryCache(1 << 20), store, lambda: embedder)  # type: ignore[arg-type]
    upstream = Upstream()
    await cache(call("What is the capital of France?", semantic=True), upstream)
    await drain(cache)
    cache.memory.purge("acme")
    exact = call("What is the capital of France?", semantic=True)
    assert (await cache(exact, upstream)).cache == "hit"  # from L2: its embedding is cancelled
    await asyncio.sleep(0.1)
    assert embedder.finished == 1  # only the first request's embedding ran to the end
    paraphrase = call("what is the capital of France", semantic=True)
    assert (await cache(paraphrase, upstream)).cache == "semantic"
    spans = paraphrase.timings.spans
    assert {"cache_l2", "cache_embed", "cache_vector", "cache_decide"} <= set(spans)
    assert spans["cache_l2"] + spans["cache_embed"] >= 45  # the L2 read ran while the embedding did
    assert spans["cache"] >= spans["cache_l2"] + spans["cache_embed"] + spans["cache_vector"]


class SlowStore(MemoryStore):
    """An L2 read and a vector query of 50 ms each."""

    def __init__(self) -> None:
        super().__init__()
        self.searches = 0

    async def get(self, key: str) -> Entry | None:
        await asyncio.sleep(0.05)
        return await super().get(key)

    async def nearest(self, *args: Any, **kwargs: Any) -> list[Neighbour]:
        await asyncio.sleep(0.05)
        self.searches += 1
        return await super().nearest(*args, **kwargs)


async def test_vector_query_overlaps_the_l2_read_and_an_l2_hit_cancels_it() -> None:
    store = SlowStore()
    cache, upstream = make_cache(store, threshold=0.5), Upstream()
    await cache(call("What is the capital of France?", semantic=True), upstream)
    await drain(cache)
    paraphrase = call("what is the capital of France", semantic=True)
    assert (await cache(paraphrase, upstream)).cache == "semantic"
    spans = paraphrase.timings.spans
    assert spans["cache_l2"] >= 45
    assert spans["cache_vector"] >= 45
    assert spans["cache"] < 95  # one after the other would take >= 100 ms
    cache.memory.purge("acme")
    searches = store.searches
    assert (await cache(call("What is the capital of France?", semantic=True), upstream)).cache == "hit"
    await asyncio.sleep(0.08)
    assert store.searches == searches  # the L2 hit cancelled the vector query


async def test_exact_tenant_never_gets_semantic_hits() -> None:
    cache, upstream = make_cache(threshold=0.5), Upstream()
    await cache(call("What is the capital of France?", semantic=True), upstream)
    await drain(cache)
    assert (await cache(call("what is the capital of France"), upstream)).cache == "miss"


async def test_shadow_mode_logs_but_does_not_serve(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="gatehouse.cache")
    cache, upstream = make_cache(threshold=0.5), Upstream()
    await cache(call("What is the capital of France?", shadow=True), upstream)
    await drain(cache)
    outcome = await cache(call("what is the capital of France", shadow=True), upstream)
    assert outcome.cache == "miss"
    assert upstream.calls == 2
    assert cache.stats.outcomes["shadow"] == 1
    logged = [r for r in caplog.records if r.getMessage() == "cache shadow lookup"]
    neighbours = logged[-1].cache_shadow["neighbours"]  # type: ignore[attr-defined]
    assert neighbours[0]["rejected"] is None
    assert 0 <= neighbours[0]["distance"] <= 0.5


async def test_store_unavailable_is_a_miss() -> None:
    store = MemoryStore()
    store.down = True
    cache, upstream = make_cache(store), Upstream()
    assert (await cache(call(), upstream)).cache == "miss"


async def test_purge_removes_a_tenants_entries() -> None:
    cache, upstream = make_cache(), Upstream()
    await cache(call(tenant="acme"), upstream)
    await cache(call(tenant="globex"), upstream)
    await drain(cache)
    assert await cache.purge("acme") == 1
    assert (await cache(call(tenant="acme"), upstream)).cache == "miss"
    assert (await cache(call(tenant="globex"), upstream)).cache == "hit"


async def test_native_dialect_streams_a_cached_answer() -> None:
    from shared.auth import Authenticator
    from shared.gateway import Gateway, GatewayConfig
    from shared.http import HttpRequest, StreamResponse
    from shared.pipeline import Pipeline
    from shared.tenants import ApiKeyRecord, hash_api_key
    from tests.fakes import FakeProvider, MemorySecrets, MemoryTenants

    tenants = MemoryTenants()
    tenants.tenants["acme"] = Tenant(id="acme")
    digest = hash_api_key("ghk_native_key_1234", b"pep")
    tenants.keys[digest] = ApiKeyRecord(key_hash=digest, tenant_id="acme", display_prefix="ghk_na")
    provider = FakeProvider([answer("forty-two")])
    pipeline = Pipeline([make_cache()], FirstTarget(provider, "r"))
    gateway = Gateway(
        GatewayConfig("p", 10_000, 30),
        Authenticator(tenants, MemorySecrets({"pepper": b"pep"}), "pepper"),
        pipeline,
    )
    payload = {"model": MODEL, "prompt": "meaning of life?", "config": {"temperature": 0.0}}
    headers = {"authorization": "Bearer ghk_native_key_1234"}
    import orjson

    first = await gateway.handle(HttpRequest("POST", "/v1/generate", headers, {}, orjson.dumps(payload)))
    assert first.headers["X-Gatehouse-Cache"] == "miss"
    streamed = await gateway.handle(
        HttpRequest("POST", "/v1/generate", headers, {}, orjson.dumps({**payload, "stream": True}))
    )
    assert isinstance(streamed, StreamResponse)
    assert streamed.headers["X-Gatehouse-Cache"] == "hit"
    body = b"".join([part async for part in streamed.chunks])
    assert b"forty-two" in body
    assert len(provider.calls) == 1
