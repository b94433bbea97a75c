"""The usage ledger in Firestore: sharded counters per tenant, day and model, and their read side.

Documents `usage_shards/{tenant}__{day}__{model}__{shard}` hold `Increment`ed counters, so
concurrent instances never contend on one document. The read side sums the shards.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any, Protocol

from shared.errors import ServiceUnavailable

__all__ = ["FirestoreLedger", "Ledger", "UsageDelta", "UsageKey", "UsageRow"]

COLLECTION = "usage_shards"


@dataclass(frozen=True, slots=True)
class UsageKey:
    tenant: str
    day: str  # YYYY-MM-DD, UTC
    model: str


@dataclass(slots=True)
class UsageDelta:
    requests: int = 0
    prompt_tokens: int = 0
    cached_tokens: int = 0
    output_tokens: int = 0
    thoughts_tokens: int = 0
    cost_usd: float = 0.0
    unpriced_requests: int = 0
    cache_hits: int = 0
    saved_usd: float = 0.0
    # cache hits per layer and tokens not sent upstream (admin cache stats, #13)
    hits_l1: int = 0
    hits_l2: int = 0
    hits_semantic: int = 0
    hits_flight: int = 0
    saved_tokens: int = 0

    def add(self, other: UsageDelta) -> None:
        """Field by field, written out: once per request on the hot path (a loop of getattr/setattr
        over the fields cost ~3x as much). tests/unit/test_usage_delta.py checks it covers every field."""
        self.requests += other.requests
        self.prompt_tokens += other.prompt_tokens
        self.cached_tokens += other.cached_tokens
        self.output_tokens += other.output_tokens
        self.thoughts_tokens += other.thoughts_tokens
        self.cost_usd += other.cost_usd
        self.unpriced_requests += other.unpriced_requests
        self.cache_hits += other.cache_hits
        self.saved_usd += other.saved_usd
        self.hits_l1 += other.hits_l1
        self.hits_l2 += other.hits_l2
        self.hits_semantic += other.hits_semantic
        self.hits_flight += other.hits_flight
        self.saved_tokens += other.saved_tokens

    def minus(self, other: UsageDelta) -> UsageDelta:
        return UsageDelta(**{name: getattr(self, name) - getattr(other, name) for name in _DELTA_FIELDS})

    @classmethod
    def of_request(
        cls, tokens: Mapping[str, Any], cost: Mapping[str, Any], hit: bool, layer: str | None = None
    ) -> UsageDelta:
        """One request's ledger delta, built from exactly the fields its log entry carries
        (`tokens`, `cost`, `ledger` {hit, layer}), so the request logs rebuild the ledger exactly."""
        unpriced = bool(cost.get("unpriced"))
        delta = cls(requests=1, cache_hits=int(hit), unpriced_requests=int(unpriced))
        # `usd` is what the request cost: the answer (a miss) plus the cache's judge tier, if it ran
        delta.cost_usd = float(cost.get("cache_judge_usd", 0.0) if unpriced else cost.get("usd", 0.0))
        if hit:  # a hit uses no tokens upstream; it saves what the answer cost
            delta.saved_usd = float(cost.get("saved_usd", 0.0))
            delta.saved_tokens = int(tokens.get("total", 0))
            if layer in ("l1", "l2", "semantic", "flight"):
                setattr(delta, f"hits_{layer}", 1)
        else:
            delta.prompt_tokens = int(tokens.get("prompt", 0))
            delta.cached_tokens = int(tokens.get("cached", 0))
            delta.output_tokens = int(tokens.get("candidates", 0))
            delta.thoughts_tokens = int(tokens.get("thoughts", 0))
        return delta


_DELTA_FIELDS = tuple(f.name for f in fields(UsageDelta))


@dataclass(frozen=True, slots=True)
class UsageRow:
    key: UsageKey
    totals: UsageDelta

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self.key), **asdict(self.totals)}


class Ledger(Protocol):
    async def write(self, batch: dict[UsageKey, UsageDelta]) -> None: ...
    async def report(self, tenant: str, start_day: str, end_day: str) -> list[UsageRow]: ...


class FirestoreLedger:
    def __init__(
        self, db: Callable[[], Any], shards: int = 8, rand: Callable[[int, int], int] = random.randint
    ) -> None:
        self._client = db  # a factory: the client is built on first use
        self._shards = shards
        self._rand = rand

    async def write(self, batch: dict[UsageKey, UsageDelta]) -> None:
        """One Firestore commit for the whole batch; each key increments one random shard."""
        from google.cloud import firestore

        db = self._client()
        writes = db.batch()
        for key, delta in batch.items():
            shard = self._rand(0, self._shards - 1)
            ref = db.collection(COLLECTION).document(
                f"{key.tenant}__{key.day}__{key.model.replace('/', '_')}__{shard}"
            )
            counters = {f.name: firestore.Increment(getattr(delta, f.name)) for f in fields(delta)}
            writes.set(ref, {**asdict(key), **counters}, merge=True)
        await writes.commit(timeout=10)

    async def report(self, tenant: str, start_day: str, end_day: str) -> list[UsageRow]:
        from google.api_core import exceptions
        from google.cloud.firestore_v1.base_query import FieldFilter

        query = (
            self._client()
            .collection(COLLECTION)
            .where(filter=FieldFilter("tenant", "==", tenant))
            .where(filter=FieldFilter("day", ">=", start_day))
            .where(filter=FieldFilter("day", "<=", end_day))
        )
        totals: dict[UsageKey, UsageDelta] = {}
        try:
            async for snap in query.stream(timeout=30):
                data = snap.to_dict()
                key = UsageKey(data["tenant"], data["day"], data["model"])
                delta = UsageDelta(**{f.name: data.get(f.name, 0) for f in fields(UsageDelta)})
                totals.setdefault(key, UsageDelta()).add(delta)
        except exceptions.GoogleAPIError as error:
            raise ServiceUnavailable(f"usage ledger unavailable ({type(error).__name__})") from error
        return [UsageRow(k, v) for k, v in sorted(totals.items(), key=lambda kv: (kv[0].day, kv[0].model))]
