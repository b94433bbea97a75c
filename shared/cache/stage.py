"""The pipeline's cache stage: L1 memory -> single-flight -> L2 Firestore exact -> L3 semantic.

It sits after policy (so keys, embeddings and stored text are of the redacted request) and
before the output check and the terminal (so only answers that passed them are stored).
`call.attrs["cache_mode"]` (from the `X-Gatehouse-Cache` request header) may narrow what the
tenant allows. Outcome.cache is `hit` (L1, L2 or a coalesced flight), `semantic`, `miss`
(looked up and not found, or not eligible: `call.attrs["cache_skip"]` says why), or `bypass`
when the caller asked for it with the header.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import orjson

from shared.cache.calibration import Calibration, answers_agree
from shared.cache.config import CacheMode, effective_mode
from shared.cache.embeddings import Embedder
from shared.cache.flight import SingleFlight
from shared.cache.judge import Judge
from shared.cache.key import RequestKey, policy_scope, request_key
from shared.cache.memory import L1Entry, MemoryCache
from shared.cache.rules import eligibility, storable
from shared.cache.stats import CacheStats, usage_tokens
from shared.cache.store import Entry, FirestoreCache, Neighbour
from shared.cache.streams import merge_chunks, replay
from shared.identity_memo import IdentityMemo
from shared.log import get_logger
from shared.pipeline import Call, Handler, Outcome
from shared.streams import close_input

if TYPE_CHECKING:
    from shared.cache.repeat import RepeatMemo
    from shared.tenants import Tenant

__all__ = ["CacheConfig", "ResponseCache"]

log = get_logger("gatehouse.cache")

_SCOPES_MAX = 1024  # tenants whose key scope is remembered (cleared when full)
_MAX_DOC_BYTES = 900_000  # Firestore documents are at most 1 MiB: the answer and the question together


@dataclass(frozen=True, slots=True)
class CacheConfig:
    default_ttl_s: int = 86400
    threshold: float = 0.4  # the embedding model's (embeddings.EMBEDDING_MODELS), unless set
    shadow_threshold: float = 0.4  # how far shadow lookups look, so calibration sees the distribution
    neighbours: int = 4
    embed_timeout_s: float = 2.0
    l2_read: bool = True
    search_during_l2: bool = True  # the vector query may start before the L2 read returns (latency)
    require_calibration: bool = False  # runtime: True (settings): semantic hits wait for calibration
    answer_agree_distance: float = 0.05  # 0: answers agree only when equal after normalization


def _policy_scope(tenant: Tenant) -> str:
    return policy_scope(tenant.id, tenant.policy.model_dump(mode="json"))


def _cancel(*tasks: asyncio.Future[Any] | None) -> None:
    for task in tasks:
        if task is not None:
            task.cancel()


class ResponseCache:
    """A pipeline Stage (`await cache(call, next)`); one per instance."""

    def __init__(
        self,
        config: CacheConfig,
        memory: MemoryCache,
        store: FirestoreCache,
        embedder: Callable[[], Embedder],
        stats: CacheStats | None = None,
        clock: Callable[[], float] = time.time,
        calibration: Calibration | None = None,
        judge: Judge | None = None,
        sample: Callable[[], float] = random.random,
        repeats: RepeatMemo | None = None,
    ) -> None:
        self.config = config
        self.memory = memory
        self.store = store
        self._embedder = embedder
        self.stats = stats or CacheStats()
        self._clock = clock
        self.calibration = calibration
        self.judge = judge
        self._sample = sample
        self.repeats = repeats  # the repeat fast path's memo (repeat.py): purged with the tenant's entries
        self._flights: SingleFlight[bytes] = SingleFlight()
        self._scopes: IdentityMemo[Tenant, str] = IdentityMemo(_SCOPES_MAX)  # tenant -> its policy_scope

    def _scope(self, tenant: Tenant) -> str:
        """The tenant's key scope (key.policy_scope), derived once per Tenant object (IdentityMemo)."""
        return self._scopes.get(tenant, _policy_scope)

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        if call.operation != "generate":
            return await next_handler(call)
        settings = call.tenant.cache
        requested: CacheMode | None = call.attrs.get("cache_mode")
        with call.timings.span("cache"):
            verdict = call.cache_verdict  # reached by the repeat stage (repeat.py), if it runs
            if verdict is None:
                verdict = eligibility(call.body, settings, effective_mode(settings, requested))
            mode = verdict.mode
            if mode == "bypass":
                self.stats.count("bypass")
                call.attrs["cache_skip"] = "header" if requested == "bypass" else verdict.reason
                key = None
            else:
                scope = self._scope(call.tenant)  # the tenant and its policy (key.policy_scope)
                key = request_key(scope, call.model, call.body, settings.generation_for(call.model))
                call.cache_key = key.exact  # for the repeat fast path (repeat.py)
                found = self.memory.entry(key.exact)
                if found is not None:
                    return self._serve(call, found.value, "hit", "l1", found)
        if key is None:
            outcome = await next_handler(call)
            outcome.cache = "bypass" if requested == "bypass" else "miss"
            return outcome
        flight = self._flights.lead(key.exact)
        if flight is not None:
            shared = await self._flights.follow(flight, call.remaining())
            if shared is not None:
                return self._serve(call, shared, "hit", "flight")
            return await self._miss(call, next_handler, key, mode, lead=False)
        try:
            return await self._lookup(call, next_handler, key, mode)
        except BaseException:
            self._flights.land(key.exact, None)
            raise

    async def _lookup(self, call: Call, next_handler: Handler, key: RequestKey, mode: CacheMode) -> Outcome:
        """L2, then L3. On a semantic lookup the embedding starts at once, and the vector query as soon
        as the embedding is there, so both overlap the L2 read (an L2 hit cancels them; a vector query
        already sent is then one wasted read). Spans (Server-Timing, request log): `cache_l2`,
        `cache_embed` (the wait for the embedding after the L2 read), `cache_vector` (the query, which
        may overlap the L2 read), `cache_decide`."""
        vector = None
        semantic = mode == "semantic" and bool(key.question)
        with call.timings.span("cache"):
            embedding = asyncio.ensure_future(self._embed(key.question or "")) if semantic else None
            search = None
            if embedding is not None and self.config.search_during_l2:
                search = asyncio.ensure_future(self._search(call, key, embedding))
            try:
                with call.timings.span("cache_l2"):
                    entry = await self.store.get(key.exact) if self.config.l2_read else None
                if entry is not None and entry.tenant == call.tenant.id:
                    _cancel(search, embedding)  # an exact hit needs no vector
                    self.memory.put(
                        key.exact, entry.response, entry.expire_at - self._clock(), entry.tenant, entry.model
                    )
                    self._flights.land(key.exact, entry.response)
                    return self._serve(call, entry.response, "hit", "l2")
                observe = None
                if embedding is not None:
                    with call.timings.span("cache_embed"):
                        vector = await embedding
                    search = search or asyncio.ensure_future(self._search(call, key, embedding))
                    neighbours = await search
                    hit, observe = await self._semantic(call, key, neighbours) if neighbours else (None, None)
                    if hit is not None:
                        self._flights.land(key.exact, hit.response)
                        return self._serve(call, hit.response, "semantic", "semantic")
            except BaseException:
                _cancel(search, embedding)
                raise
        return await self._miss(call, next_handler, key, mode, lead=True, vector=vector, observe=observe)

    async def _search(
        self, call: Call, key: RequestKey, embedding: asyncio.Future[list[float] | None]
    ) -> list[Neighbour]:
        """The vector query, as soon as the embedding is there: this tenant's, model's and scope's
        nearest entries within the tenant's cap (or the shadow reach, if further)."""
        vector = await embedding
        if vector is None:
            return []
        cap = call.tenant.cache.threshold or self.config.threshold
        with call.timings.span("cache_vector"):
            return await self.store.nearest(
                call.tenant.id, call.model, key.scope, vector, max(cap, self.config.shadow_threshold),
                self.config.neighbours,
            )  # fmt: skip

    async def _embed(self, text: str) -> list[float] | None:
        try:
            return await asyncio.wait_for(self._embedder().embed(text), self.config.embed_timeout_s)
        except Exception as error:  # embeddings are an optimization: any failure is a miss, logged
            log.warning(
                "cache embedding failed; serving as a miss",
                extra={"error": type(error).__name__},
                exc_info=True,
            )
            self.stats.count("embed_error")
            return None

    async def _semantic(
        self, call: Call, key: RequestKey, neighbours: list[Neighbour]
    ) -> tuple[Entry | None, Neighbour | None]:
        """(an entry to serve, a would-be hit to observe). A neighbour is a candidate only if the
        hit decision explains every difference (decision.py). It is served when the tenant is
        semantic (not shadow), within the distance cap and the calibrated threshold (calibration.py;
        none yet: shadow), not past its entry's disagreement mark, and the judge (if on) agrees.
        Otherwise the nearest candidate is observed: upstream answers, and the answers are compared."""
        cap = call.tenant.cache.threshold or self.config.threshold
        with call.timings.span("cache_decide"):
            return await self._decide(call, key, neighbours, cap)

    async def _decide(
        self, call: Call, key: RequestKey, neighbours: list[Neighbour], cap: float
    ) -> tuple[Entry | None, Neighbour | None]:
        settings = call.tenant.cache
        limit: float | None = None if settings.shadow or not settings.semantic else cap
        if limit is not None and self.config.require_calibration:
            calibrated = None
            if self.calibration is not None:
                calibrated = await self.calibration.threshold(
                    call.tenant.id, call.model, settings.target_error_rate
                )
            limit = None if calibrated is None else min(cap, calibrated)
        # the hit decision and its word lists: imported on the first semantic lookup, not at cold start
        # (their regexes and tables cost ~2% of an ingress cold start; most tenants are exact-only)
        from shared.cache.decision import decide, language, loaded, warm

        question = key.question or ""
        lang = language(question) or "en"
        if not loaded(lang):
            await asyncio.to_thread(warm, lang)  # the word list for typos: loaded once, off the loop
        seen, observe = [], None
        for neighbour in neighbours:
            entry, distance = neighbour.entry, neighbour.distance
            reason = "no_question" if entry.question is None else decide(question, entry.question).reason
            if reason is None and entry.disagree_at is not None and distance >= entry.disagree_at:
                reason = "disagreed"
            if reason is None and limit is not None and distance <= limit:
                if settings.judge and not await self._judged(call, question, entry):
                    reason = "judge"
                elif settings.verify_fraction and self._sample() < settings.verify_fraction:
                    call.attrs["cache_verify"] = True  # served fresh; the answers are compared
                else:
                    call.attrs["cache_distance"] = round(distance, 5)
                    return entry, None
            seen.append({"distance": round(distance, 5), "rejected": reason, "entry": entry.key[:16]})
            if reason is not None:
                self.stats.rejected[reason] += 1
                continue
            if observe is None:
                observe = neighbour
                self.stats.count("shadow")
        log.info(
            "cache shadow lookup",
            extra={
                "cache_shadow": {
                    "threshold": limit,
                    "cap": cap,
                    "neighbours": seen,
                    "observed": bool(observe),
                }
            },
        )
        return None, observe

    async def _judged(self, call: Call, question: str, entry: Entry) -> bool:
        """The judge tier's verdict (False without one); its cost goes to the request."""
        if self.judge is None:
            return False
        from shared.cache.calibration import answer_text

        result = await self.judge(question, entry.question or "", answer_text(orjson.loads(entry.response)))
        spent = call.attrs.setdefault("cache_judge", {"calls": 0, "usd": 0.0, "tokens": 0, "ms": 0.0})
        spent["calls"] += 1
        spent["usd"] += result.usd
        spent["tokens"] += result.tokens
        spent["ms"] += round(result.ms, 3)
        spent["verdict"] = result.verdict
        return result.verdict is True

    async def _observe(self, call: Call, neighbour: Neighbour, fresh: dict[str, Any]) -> None:
        """Compare a fresh answer with the would-be hit's and feed the calibration."""
        if self.calibration is None:
            return
        cached = orjson.loads(neighbour.entry.response)
        judge = None
        if self.judge is not None and call.tenant.cache.judge:
            from shared.cache.calibration import answer_text

            question, entry = call.attrs.get("cache_question", ""), neighbour.entry

            async def judge() -> bool | None:
                assert self.judge is not None
                return (await self.judge(question, entry.question or "", answer_text(cached))).verdict

        try:
            agreed, how = await answers_agree(
                cached,
                fresh,
                embed=self._embedder().embed if self.config.answer_agree_distance > 0 else None,
                max_distance=self.config.answer_agree_distance,
                judge=judge,
            )
        except Exception as error:  # an observation is optional: never fail the request for it
            log.warning("cache observation failed", extra={"error": type(error).__name__})
            return
        self.stats.count("observed_agree" if agreed else "observed_disagree")
        await self.calibration.record(call.tenant.id, call.model, neighbour.distance, agreed, how)
        if not agreed:
            await self.store.mark_disagreement(neighbour.entry.key, neighbour.distance)

    async def _miss(
        self,
        call: Call,
        next_handler: Handler,
        key: RequestKey,
        mode: CacheMode,
        *,
        lead: bool,
        vector: list[float] | None = None,
        observe: Neighbour | None = None,
    ) -> Outcome:
        self.stats.count("miss")
        if observe is not None:
            call.attrs["cache_question"] = key.question
        try:
            outcome = await next_handler(call)
        except BaseException:
            if lead:
                self._flights.land(key.exact, None)
            raise
        outcome.cache = "miss"
        if outcome.chunks is not None:
            outcome.chunks = self._store_when_complete(call, key, outcome.chunks, lead, vector, observe)
        else:
            raw = self._store(call, key, outcome.response, vector, observe)
            if lead:
                self._flights.land(key.exact, raw)
        return outcome

    async def _store_when_complete(
        self,
        call: Call,
        key: RequestKey,
        chunks: AsyncIterator[dict[str, Any]],
        lead: bool,
        vector: list[float] | None,
        observe: Neighbour | None,
    ) -> AsyncIterator[dict[str, Any]]:
        seen: list[dict[str, Any]] = []
        raw = None
        try:
            async for chunk in chunks:
                seen.append(chunk)
                yield chunk
            raw = self._store(call, key, merge_chunks(seen), vector, observe)  # only a clean end
        finally:
            await close_input(chunks)  # the client left: the stream's levels end now (shared/streams.py)
            if lead:
                self._flights.land(key.exact, raw)

    def _store(
        self,
        call: Call,
        key: RequestKey,
        response: dict[str, Any] | None,
        vector: list[float] | None,
        observe: Neighbour | None = None,
    ) -> bytes | None:
        """Keep a complete answer in L1 and (in the background) L2; the bytes, or None. A would-be
        semantic hit is compared with it in the background (calibration)."""
        if response is None or not storable(response):
            self.stats.count("not_stored")
            return None
        if observe is not None:
            self.store.spawn(self._observe(call, observe, response))
        raw = orjson.dumps(response)
        ttl = call.tenant.cache.ttl_s or self.config.default_ttl_s
        tenant = call.tenant.id
        self.memory.put(key.exact, raw, ttl, tenant, call.model)
        semantic = call.tenant.cache.semantic or call.tenant.cache.shadow
        question = len(key.question.encode()) if key.question else 0  # stored beside the answer
        if len(raw) + question <= _MAX_DOC_BYTES and (self.config.l2_read or semantic):
            tokens, _ = usage_tokens(response)
            entry = Entry(
                key.exact, tenant, call.model, key.scope, key.question, raw, self._clock() + ttl, tokens
            )
            self.store.spawn(self._persist(entry, key, vector, semantic))
        return raw

    async def _persist(
        self, entry: Entry, key: RequestKey, vector: list[float] | None, semantic: bool
    ) -> None:
        if vector is None and semantic and key.question:
            vector = await self._embed(key.question)  # e.g. the request came with `exact`
        await self.store.put(entry, vector if semantic else None)

    def serve_l1(self, call: Call, entry: L1Entry) -> Outcome:
        """Serve an L1 entry the repeat fast path found by a key computed earlier (repeat.py)."""
        with call.timings.span("cache"):
            return self._serve(call, entry.value, "hit", "l1", entry)

    def _serve(self, call: Call, raw: bytes, cache: str, layer: str, entry: L1Entry | None = None) -> Outcome:
        """`entry`: the L1 entry `raw` is, which keeps what serving it saves once priced (the same for
        every hit: the answer, and the model its key was computed for, are the entry's)."""
        response = orjson.loads(raw)
        self.stats.count(layer)
        saved = entry.saved if entry is not None else None
        if saved is None:
            # priced by the model that produced the answer, as accounting does (call.model may be an alias)
            saved = self.stats.priced(str(response.get("modelVersion") or call.model), response)
            if entry is not None:
                entry.saved = saved
        tokens, usd = self.stats.add_saved(saved)
        call.attrs["cache_layer"] = layer
        call.attrs["cache_saved"] = {"tokens": tokens, "usd": usd}
        outcome = Outcome(cache="semantic" if cache == "semantic" else "hit")
        if call.stream:
            outcome.chunks = replay(response)
        else:
            outcome.response = response
        return outcome

    async def purge(self, tenant: str, model: str | None = None) -> int:
        """Remove a tenant's (or one model's) entries: this instance's L1 and all of Firestore.
        Other instances' L1 entries age out with their TTL."""
        self.memory.purge(tenant, model)
        if self.repeats is not None:
            self.repeats.purge(tenant)
        return await self.store.purge(tenant, model)
