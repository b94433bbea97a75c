"""Shadow-calibration report for `bench/cache_bench.py`: a precision estimate per tenant.

Each pair set is one tenant in shadow mode, over the real stage, Firestore (emulator) and the
calibration store. Upstream is the simulator's equivalence mode: the two questions of a pair
labeled `hit` get exactly the same answer, any other question its own. Every would-be semantic
hit (a neighbour the decision explained) therefore calls upstream, and the calibration records
whether the answers agreed. The report is what `gatehouse cache calibrate` would print.
"""

from __future__ import annotations

import time
from typing import Any

from dev.simulator import generate
from shared.cache.calibration import Calibration, FirestoreCalibrationStore
from shared.cache.config import CacheSettings
from shared.cache.embeddings import EMBEDDING_MODELS
from shared.cache.memory import MemoryCache
from shared.cache.stage import CacheConfig, ResponseCache
from shared.cache.store import FirestoreCache
from shared.pipeline import Call, Outcome
from shared.tenants import Tenant

MODEL = "gemini-2.5-flash"
TARGETS = (0.01, 0.02, 0.05)


def _body(index: int, text: str) -> dict[str, Any]:
    return {
        "systemInstruction": {"parts": [{"text": f"pair {index}"}]},  # one scope per pair
        "contents": [{"role": "user", "parts": [{"text": text}]}],
        "generationConfig": {"temperature": 0},
    }


async def calibration_report(db: Any, sets: dict[str, list[dict[str, Any]]], embedder: Any) -> None:
    store = FirestoreCache(lambda: db, timeout_s=5.0, cooldown_s=0.0)
    reach = EMBEDDING_MODELS["local-minilm"].threshold
    calibration = Calibration(FirestoreCalibrationStore(lambda: db, timeout_s=5.0), min_observations=30)
    cache = ResponseCache(
        CacheConfig(threshold=reach, shadow_threshold=reach, embed_timeout_s=30.0, answer_agree_distance=0.0),
        MemoryCache(64 << 20),
        store,
        lambda: embedder,
        calibration=calibration,
    )
    equivalent: dict[str, int] = {}

    async def upstream(call: Call) -> Outcome:
        return Outcome(response=generate(MODEL, {"contents": call.body["contents"]}, equivalent))

    print("\nShadow calibration (simulator equivalence mode; answers agree exactly for pairs labeled hit):\n")
    print("| tenant | observations | disagreements | observed precision | 95% lower bound | " +
          " | ".join(f"threshold at {t:.0%}" for t in TARGETS) + " |")  # fmt: skip
    print("|---|---|---|---|---|" + "---|" * len(TARGETS))
    for name, pairs in sets.items():
        tenant = Tenant(id=f"calibrate-{name}-{int(time.time())}", cache=CacheSettings(shadow=True))
        equivalent.clear()
        from dev.simulator import _normal

        for index, pair in enumerate(pairs):
            if pair["label"] == "hit":
                a, b = _normal(pair["a"]), _normal(pair["b"])
                group = equivalent.get(a, equivalent.get(b, index))
                equivalent[a] = equivalent[b] = group
        for index, pair in enumerate(pairs):
            for text in (pair["a"], pair["b"]):
                call = Call(
                    "bench", tenant, "gemini", MODEL, _body(index, text), False, time.monotonic() + 60
                )
                await cache(call, upstream)
                await store.drain()
        reports = [await calibration.report(tenant.id, MODEL, t) for t in TARGETS]
        first = reports[0]
        thresholds = " | ".join(f"{r['threshold']:.2f}" if r["ready"] else "not ready" for r in reports)
        precision = first["precision"] if first["precision"] is not None else float("nan")
        print(f"| {name} | {first['observations']} | {first['disagreements']} | {precision:.3f} | "
              f"{first['precision_lower_bound']:.3f} | {thresholds} |")  # fmt: skip
    print(
        f"\n(observations: would-be semantic hits within the shadow reach {reach:.2f} that the decision"
        " explained;"
        " threshold at X%: the largest distance whose 95% upper bound on disagreement is <= X% with"
        " >= 30 observations, i.e. what a tenant with that target error rate would be served up to)"
    )
