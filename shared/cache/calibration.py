"""Calibration of semantic hits with a bound on errors, learned from shadow observations.

After vCache (2025): a tenant sets a target error rate, not a distance. A shadow observation is a
would-be semantic hit (a neighbour that passed the decision) whose question was answered
upstream anyway; the fresh answer is compared with the cached one (`agreement`). Per tenant and
model, observations are counted by distance bucket (0.01 wide) in Firestore
`cache_calibration/{tenant}:{model}`. The served threshold is the largest distance t such that,
over the observations at distance <= t, at least `min_observations` exist and the one-sided 95%
Wilson upper bound on the disagreement rate is <= the target. No such t: the tenant stays in
shadow mode. Per entry (vCache's per-entry thresholds, reduced to their bound): a disagreement
stores its distance on the cached entry, which is then never served at that distance or beyond.

Calibration failures never fail a request: a store that cannot be read means "not calibrated".
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import orjson

from shared.log import get_logger

__all__ = [
    "BUCKET",
    "COLLECTION",
    "Calibration",
    "CalibrationStore",
    "Counts",
    "FirestoreCalibrationStore",
    "MemoryCalibrationStore",
    "answer_text",
    "answers_agree",
    "calibrated_threshold",
    "summarize",
    "upper_bound",
]

log = get_logger("gatehouse.cache")

BUCKET = 0.01
BUCKETS = 100  # distances 0.00 .. 1.00
COLLECTION = "cache_calibration"
_Z = 1.645  # one-sided 95%


@dataclass
class Counts:
    agree: list[int] = field(default_factory=lambda: [0] * BUCKETS)
    disagree: list[int] = field(default_factory=lambda: [0] * BUCKETS)

    def add(self, bucket: int, agreed: bool) -> None:
        (self.agree if agreed else self.disagree)[bucket] += 1

    def upto(self, bucket: int) -> tuple[int, int]:
        """(observations, disagreements) at distances in buckets 0..bucket."""
        bad = sum(self.disagree[: bucket + 1])
        return sum(self.agree[: bucket + 1]) + bad, bad


def bucket_of(distance: float) -> int:
    return min(BUCKETS - 1, max(0, int(distance / BUCKET)))


def upper_bound(errors: int, n: int, z: float = _Z) -> float:
    """Wilson score upper bound of a binomial rate (1.0 with no observations)."""
    if n == 0:
        return 1.0
    p = errors / n
    centre = p + z * z / (2 * n)
    margin = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return min(1.0, (centre + margin) / (1 + z * z / n))


def calibrated_threshold(counts: Counts, target: float, min_observations: int) -> float | None:
    """The largest bucket edge whose cumulative disagreement bound stays <= target; None if none."""
    best = None
    for bucket in range(BUCKETS):
        if not (counts.agree[bucket] or counts.disagree[bucket]):
            continue  # never beyond the distances actually observed
        n, bad = counts.upto(bucket)
        if n >= min_observations and upper_bound(bad, n) <= target:
            best = (bucket + 1) * BUCKET
    return best


class CalibrationStore(Protocol):
    async def load(self, tenant: str, model: str) -> Counts | None: ...

    async def add(self, tenant: str, model: str, bucket: int, agreed: bool) -> None: ...

    async def models(self, tenant: str) -> dict[str, Counts]: ...


class MemoryCalibrationStore:
    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], Counts] = {}

    async def load(self, tenant: str, model: str) -> Counts | None:
        found = self.counts.get((tenant, model))
        return Counts(list(found.agree), list(found.disagree)) if found else Counts()

    async def add(self, tenant: str, model: str, bucket: int, agreed: bool) -> None:
        self.counts.setdefault((tenant, model), Counts()).add(bucket, agreed)

    async def models(self, tenant: str) -> dict[str, Counts]:
        mine = {m: c for (t, m), c in self.counts.items() if t == tenant}
        return {m: Counts(list(c.agree), list(c.disagree)) for m, c in mine.items()}


def _counts(data: dict[str, Any] | None) -> Counts:
    counts = Counts()
    for name, target in (("agree", counts.agree), ("disagree", counts.disagree)):
        for key, value in ((data or {}).get(name) or {}).items():
            if key.startswith("b") and key[1:].isdigit() and int(key[1:]) < BUCKETS:
                target[int(key[1:])] = int(value)
    return counts


def summarize(counts: Counts, target: float, min_observations: int) -> dict[str, Any]:
    """What an operator needs: observations, observed precision and its 95% lower bound, the served
    threshold under `target` (None: not ready, shadow only) and the observations per distance."""
    threshold = calibrated_threshold(counts, target, min_observations)
    n, bad = counts.upto(BUCKETS - 1)
    at_n, at_bad = counts.upto(bucket_of(threshold - BUCKET / 2)) if threshold else (0, 0)
    return {
        "observations": n,
        "disagreements": bad,
        "precision": round(1 - bad / n, 4) if n else None,
        "precision_lower_bound": round(1 - upper_bound(bad, n), 4),
        "target_error_rate": target,
        "min_observations": min_observations,
        "threshold": threshold,
        "served_precision_lower_bound": round(1 - upper_bound(at_bad, at_n), 4) if threshold else None,
        "ready": threshold is not None,
        "buckets": [
            {"distance": round(b * BUCKET, 2), "agree": counts.agree[b], "disagree": counts.disagree[b]}
            for b in range(BUCKETS)
            if counts.agree[b] or counts.disagree[b]
        ],
    }


class FirestoreCalibrationStore:
    """One document per tenant and model; counters are `Increment`s on map fields (`agree.b07`)."""

    def __init__(self, client: Callable[[], Any], timeout_s: float = 0.5) -> None:
        self._client = client
        self._timeout = timeout_s

    def _doc(self, tenant: str, model: str) -> Any:
        return self._client().collection(COLLECTION).document(f"{tenant}:{model}")

    async def load(self, tenant: str, model: str) -> Counts | None:
        try:
            snapshot = await self._doc(tenant, model).get(timeout=self._timeout)
        except Exception as error:  # calibration is optional: unreadable means "not calibrated"
            log.warning("cache calibration unreadable", extra={"error": type(error).__name__})
            return None
        return _counts(snapshot.to_dict())

    async def models(self, tenant: str) -> dict[str, Counts]:
        """Every model's counts of a tenant (the admin report; raises if Firestore fails). Document
        ids are `tenant:model` and tenant ids never contain ':', so an id range selects one tenant."""
        from google.cloud.firestore_v1.base_query import FieldFilter
        from google.cloud.firestore_v1.field_path import FieldPath

        collection = self._client().collection(COLLECTION)
        query = collection.where(
            filter=FieldFilter(FieldPath.document_id(), ">=", collection.document(f"{tenant}:"))
        ).where(filter=FieldFilter(FieldPath.document_id(), "<", collection.document(f"{tenant};")))
        snaps = await query.get(timeout=max(self._timeout, 10.0))
        return {snap.id.partition(":")[2]: _counts(snap.to_dict()) for snap in snaps}

    async def add(self, tenant: str, model: str, bucket: int, agreed: bool) -> None:
        from google.cloud import firestore

        field_path = f"{'agree' if agreed else 'disagree'}.b{bucket:02d}"
        try:
            await self._doc(tenant, model).set(
                {field_path.split(".")[0]: {field_path.split(".")[1]: firestore.Increment(1)}},
                merge=True,
                timeout=self._timeout,
            )
        except Exception as error:  # an observation lost is a slower calibration, not an error
            log.warning("cache calibration not recorded", extra={"error": type(error).__name__})


class Calibration:
    """Per-instance view of every tenant's calibration, refreshed every `refresh_s`."""

    def __init__(
        self,
        store: CalibrationStore,
        *,
        min_observations: int = 30,
        refresh_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.min_observations = min_observations
        self._refresh = refresh_s
        self._clock = clock
        self._seen: dict[tuple[str, str], tuple[float, Counts | None]] = {}

    async def counts(self, tenant: str, model: str) -> Counts | None:
        key = (tenant, model)
        cached = self._seen.get(key)
        if cached is not None and self._clock() - cached[0] < self._refresh:
            return cached[1]
        counts = await self.store.load(tenant, model)
        self._seen[key] = (self._clock(), counts)
        return counts

    async def threshold(self, tenant: str, model: str, target: float) -> float | None:
        """The distance up to which semantic hits may be served; None: shadow only."""
        counts = await self.counts(tenant, model)
        return None if counts is None else calibrated_threshold(counts, target, self.min_observations)

    async def record(self, tenant: str, model: str, distance: float, agreed: bool, how: str) -> None:
        bucket = bucket_of(distance)
        cached = self._seen.get((tenant, model))
        if cached is not None and cached[1] is not None:
            cached[1].add(bucket, agreed)
        log.info(
            "cache calibration observation",
            extra={"cache_calibration": {"distance": round(distance, 5), "agreed": agreed, "how": how}},
        )
        await self.store.add(tenant, model, bucket, agreed)

    async def report(self, tenant: str, model: str, target: float) -> dict[str, Any]:
        """The operator's report for one tenant and model (see `summarize`)."""
        return summarize(await self.store.load(tenant, model) or Counts(), target, self.min_observations)


_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]")


def answer_text(response: dict[str, Any]) -> str:
    """The first candidate's text parts (or its JSON when it has other parts)."""
    candidates = response.get("candidates") or [{}]
    parts = (candidates[0].get("content") or {}).get("parts") or []
    if all(isinstance(p, dict) and set(p) <= {"text", "thought"} for p in parts):
        return "".join(str(p.get("text", "")) for p in parts if not p.get("thought"))
    return orjson.dumps(parts, option=orjson.OPT_SORT_KEYS).decode()


def _normal(text: str) -> str:
    return _SPACE.sub(" ", _PUNCT.sub(" ", text.casefold())).strip()


async def answers_agree(
    cached: dict[str, Any],
    fresh: dict[str, Any],
    *,
    embed: Callable[[str], Awaitable[list[float]]] | None = None,
    max_distance: float = 0.05,
    judge: Callable[[], Awaitable[bool | None]] | None = None,
) -> tuple[bool, str]:
    """Whether the fresh answer agrees with the cached one, and how that was decided:
    `equal` after normalization, else the judge when on, else answer-embedding distance."""
    a, b = _normal(answer_text(cached)), _normal(answer_text(fresh))
    if a == b:
        return True, "equal"
    if judge is not None:
        verdict = await judge()
        if verdict is not None:
            return verdict, "judge"
    if embed is not None and a and b:
        va, vb = await embed(a), await embed(b)
        distance = 1 - sum(x * y for x, y in zip(va, vb, strict=False))
        return distance <= max_distance, "embedding"
    return False, "differ"
