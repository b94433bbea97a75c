"""Semantic-cache evaluation: precision/recall of served hits, false hits per kind, latency per layer.

For each labeled pair {"id","a","b","label": "hit"|"miss","kind"} it stores `a` with an answer
through the real cache stage (L1 + Firestore emulator + local embeddings), then looks up `b`
through the same stage. Each pair gets its own tenant, so pairs never see each other's entries.

    make bench-cache [PAIRS=path]      # starts its own Firestore emulator on a free port
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dev.stack import PROJECT, Service, free_port, require_gcloud_component, wait_ready  # noqa: E402
from shared.cache.config import CacheSettings  # noqa: E402
from shared.cache.embeddings import LocalEmbedder  # noqa: E402
from shared.cache.memory import MemoryCache  # noqa: E402
from shared.cache.stage import CacheConfig, ResponseCache  # noqa: E402
from shared.cache.store import FirestoreCache  # noqa: E402
from shared.pipeline import Call, Outcome  # noqa: E402
from shared.settings import Settings  # noqa: E402
from shared.tenants import Tenant  # noqa: E402

MODEL = "gemini-2.5-flash"
SWEEP = (0.02, 0.04, 0.06, 0.08, 0.10, 0.12, 0.15, 0.20, 0.25, 0.30, 0.40)
CEILING = max(SWEEP)


@dataclass
class Result:
    pair: dict[str, Any]
    served: bool  # at the default threshold, through the stage
    distance: float | None  # of the neighbour that passed the guards (ceiling run)
    raw_distance: float | None  # nearest neighbour, no guards


def body(text: str) -> dict[str, Any]:
    return {"contents": [{"role": "user", "parts": [{"text": text}]}], "generationConfig": {"temperature": 0}}


def make_call(tenant: Tenant, text: str) -> Call:
    return Call("bench", tenant, "gemini", MODEL, body(text), False, time.monotonic() + 60)


def upstream(text: str) -> Callable[[Call], Any]:
    async def answer(call: Call) -> Outcome:
        usage = {"promptTokenCount": 12, "candidatesTokenCount": 40, "totalTokenCount": 52}
        candidate = {
            "content": {"role": "model", "parts": [{"text": f"answer to: {text}"}]},
            "finishReason": "STOP",
        }
        return Outcome(response={"candidates": [candidate], "usageMetadata": usage})

    return answer


async def never(call: Call) -> Outcome:
    return Outcome(response={"candidates": []})  # a lookup that reaches upstream is a miss


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run(pairs: list[dict[str, Any]], default: float) -> None:
    from google.cloud import firestore

    db = firestore.AsyncClient(project=PROJECT)
    store = FirestoreCache(lambda: db, timeout_s=5.0, cooldown_s=0.0)
    embedder = LocalEmbedder()
    await asyncio.to_thread(embedder.warm)
    cache = ResponseCache(
        CacheConfig(threshold=default, embed_timeout_s=30.0), MemoryCache(64 << 20), store, lambda: embedder
    )
    latency: dict[str, list[float]] = defaultdict(list)
    reads: dict[str, list[int]] = defaultdict(list)
    results = []

    async def timed(layer: str, tenant: Tenant, text: str, handler: Any) -> Call:
        call = make_call(tenant, text)
        before = store.reads
        start = time.perf_counter()
        await cache(call, handler)
        latency[layer].append((time.perf_counter() - start) * 1000)
        reads[layer].append(store.reads - before)
        return call

    for index, pair in enumerate(pairs):
        tid = f"bench-{index:05d}"
        tenant = Tenant(id=tid, cache=CacheSettings(semantic=True, threshold=CEILING))
        await cache(make_call(tenant, pair["a"]), upstream(pair["a"]))
        await store.drain()
        await timed("l1", tenant, pair["a"], never)  # the same request again: served by L1
        cache.memory.purge(tid)
        await timed("l2", tenant, pair["a"], never)  # L1 empty: served by Firestore exact
        cache.memory.purge(tid)
        # ceiling run: the guarded neighbour's distance, for the sweep
        ceiling = await timed("semantic_lookup", tenant, pair["b"], never)
        guarded = ceiling.attrs.get("cache_distance")
        # the default threshold, exactly as served in production
        served_call = make_call(tenant.model_copy(update={"cache": CacheSettings(semantic=True)}), pair["b"])
        served = (await cache(served_call, never)).cache == "semantic"
        vector = await embedder.embed(pair["b"])
        raw = await store.nearest(tid, MODEL, ceiling_scope(tid, pair["b"]), vector, CEILING, 1)
        results.append(Result(pair, served, guarded, raw[0].distance if raw else None))
    report(results, default, latency, reads)


def ceiling_scope(tenant: str, text: str) -> str:
    from shared.cache.key import request_key

    return request_key(tenant, MODEL, body(text)).scope


def prf(results: list[Result], hit: Callable[[Result], bool]) -> tuple[int, int, float, float]:
    positives = sum(1 for r in results if r.pair["label"] == "hit")
    tp = sum(1 for r in results if hit(r) and r.pair["label"] == "hit")
    fp = sum(1 for r in results if hit(r) and r.pair["label"] != "hit")
    precision = tp / (tp + fp) if tp + fp else 1.0
    return tp, fp, precision, tp / positives if positives else 0.0


def report(
    results: list[Result], default: float, latency: dict[str, list[float]], reads: dict[str, list[int]]
) -> None:
    kinds = Counter(r.pair["kind"] for r in results)
    print(f"pairs: {len(results)} ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})\n")
    print("| threshold | served | true | false | precision | recall | embedding only: precision | recall |")
    print("|---|---|---|---|---|---|---|---|")
    for t in SWEEP:
        tp, fp, p, r = prf(results, lambda x, t=t: x.distance is not None and x.distance <= t)
        _, _, rp, rr = prf(results, lambda x, t=t: x.raw_distance is not None and x.raw_distance <= t)
        mark = " (default)" if abs(t - default) < 1e-9 else ""
        print(f"| {t:.2f}{mark} | {tp + fp} | {tp} | {fp} | {p:.3f} | {r:.3f} | {rp:.3f} | {rr:.3f} |")
    tp, fp, p, r = prf(results, lambda x: x.served)
    print(f"\nAt the default threshold {default:.2f}, served by the stage: {tp + fp} semantic hits, "
          f"{tp} true, {fp} false: precision {p:.3f}, recall {r:.3f}\n")  # fmt: skip
    print("| kind | pairs | false hits (default) | false-hit rate | false hits, embedding only |")
    print("|---|---|---|---|---|")
    for kind in sorted(k for k in kinds if k != "paraphrase"):
        group = [x for x in results if x.pair["kind"] == kind]
        false = sum(1 for x in group if x.served)
        raw = sum(1 for x in group if x.raw_distance is not None and x.raw_distance <= default)
        print(f"| {kind} | {len(group)} | {false} | {false / len(group):.3f} | {raw} |")
    print("\n| layer | lookups | p50 ms | p99 ms | Firestore reads per lookup |")
    print("|---|---|---|---|---|")
    for layer in ("l1", "l2", "semantic_lookup"):
        values = latency[layer]
        per = statistics.fmean(reads[layer]) if reads[layer] else 0.0
        print(f"| {layer} | {len(values)} | {pct(values, 0.5):.3f} | {pct(values, 0.99):.3f} | {per:.2f} |")
    print("\n(semantic_lookup: an L1 miss, an L2 read, an embedding and a find_nearest, guards included)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", default=str(ROOT / "bench" / "cache" / "pairs.jsonl"))
    parser.add_argument("--threshold", type=float, default=None, help="default: the settings' default")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pairs")
    args = parser.parse_args()
    pairs = [json.loads(line) for line in Path(args.pairs).read_text().splitlines() if line.strip()]
    if args.limit:
        pairs = pairs[: args.limit]
    default = args.threshold or Settings.model_fields["cache_semantic_threshold"].default
    require_gcloud_component("firestore")
    port = free_port()
    emulator = Service(
        "firestore", ["gcloud", "emulators", "firestore", "start", f"--host-port=127.0.0.1:{port}"], port
    )
    emulator.start(Path(tempfile.mkdtemp(prefix="cache-bench-")))
    try:
        wait_ready([emulator])
        os.environ["FIRESTORE_EMULATOR_HOST"] = f"127.0.0.1:{port}"
        os.environ["HF_HUB_OFFLINE"] = "1"
        asyncio.run(run(pairs, default))
    finally:
        emulator.stop()


if __name__ == "__main__":
    main()
