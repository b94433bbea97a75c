"""Semantic lookup latency, step by step, on the Firestore emulator: where the time goes.

One tenant holds `--entries` cached answers in one scope (dev questions, answers of `--answer-bytes`),
the way a busy tenant's single-turn questions share a scope. Then `--lookups` dev paraphrases are
looked up through the real cache stage (the tenant in shadow mode, so every lookup runs the whole
path: L2 read, embedding, vector query, decision), for each candidate count in `--neighbours`.
Per step it prints wall time (the stage's `cache_*` request spans) and, because this machine is
shared, CPU time: this process (time.process_time) and the emulator's JVM (its process group, from
/proc). The lookups' vectors are computed before the timed runs and served by a stand-in for a
remote embedding (`--remote-ms` of waiting, no CPU), so the local MiniLM neither competes for the
CPU nor counts: what is timed is the lookup itself. Dev pairs only: never a blind set.

    .venv/bin/python bench/cache_latency.py [--entries 300] [--lookups 150] [--variants fast:4:seq:grpc ...]
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
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.cache_bench import STEPS, TimedEmbedder, body, group_cpu_ms, pct  # noqa: E402
from dev.stack import PROJECT, Service, free_port, require_gcloud_component, wait_ready  # noqa: E402
from shared.cache import store as store_module  # noqa: E402
from shared.cache.config import CacheSettings  # noqa: E402
from shared.cache.embeddings import LocalEmbedder  # noqa: E402
from shared.cache.memory import MemoryCache  # noqa: E402
from shared.cache.stage import CacheConfig, ResponseCache  # noqa: E402
from shared.cache.store import FirestoreCache  # noqa: E402
from shared.firestore_rest import RestDocuments  # noqa: E402
from shared.pipeline import Call, Outcome  # noqa: E402
from shared.providers.credentials import StaticToken  # noqa: E402
from shared.tenants import Tenant  # noqa: E402

MODEL = "gemini-2.5-flash"
fast_query = store_module._vector_query
DEV = ("pairs.jsonl", "holdout.jsonl", "dev-kinds.jsonl")


def _pairs() -> list[dict[str, Any]]:
    rows = []
    for name in DEV:
        path = ROOT / "bench" / "cache" / name
        rows += [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return rows


def _answer(text: str, size: int) -> dict[str, Any]:
    filler = ("lorem ipsum dolor sit amet " * (size // 27 + 1))[:size]
    candidate = {
        "content": {"role": "model", "parts": [{"text": f"{text}\n{filler}"}]},
        "finishReason": "STOP",
    }
    return {"candidates": [candidate], "usageMetadata": {"promptTokenCount": 12, "totalTokenCount": 52}}


class RemoteLike:
    """Vectors computed beforehand, returned after `delay_s` of waiting (a remote call uses no CPU here)."""

    dimension = 384

    def __init__(self, vectors: dict[str, list[float]], delay_s: float) -> None:
        self.vectors = vectors
        self.delay_s = delay_s
        self.last_ms = delay_s * 1000

    async def embed(self, text: str) -> list[float]:
        await asyncio.sleep(self.delay_s)
        return self.vectors[text]


async def run(args: argparse.Namespace, pgid: int | None) -> None:
    from google.cloud import firestore

    db = firestore.AsyncClient(project=PROJECT)
    embedder = TimedEmbedder(LocalEmbedder())
    await asyncio.to_thread(embedder.inner.warm)
    pairs = _pairs()
    stored = pairs[: args.entries]
    lookups = [p["b"] for p in pairs[: args.lookups]]
    tenant = Tenant(id=f"latency-{int(time.time())}", cache=CacheSettings(shadow=True))
    store = FirestoreCache(lambda: db, timeout_s=5.0, cooldown_s=0.0)
    filler = ResponseCache(CacheConfig(embed_timeout_s=30.0), MemoryCache(64 << 20), store, lambda: embedder)  # type: ignore[arg-type,return-value]
    for pair in stored:

        async def answer(call: Call, text: str = pair["a"]) -> Outcome:
            return Outcome(response=_answer(text, args.answer_bytes))

        call = Call("bench", tenant, "gemini", MODEL, body(pair["a"]), False, time.monotonic() + 60)
        await filler(call, answer)
    await store.drain()
    remote = RemoteLike({t: await embedder.embed(t) for t in lookups}, args.remote_ms / 1000)
    for text in lookups[:5]:  # warm: word lists, grpc channel, JIT of the emulator
        await _lookup(filler, tenant, text)
    load = os.getloadavg()
    print(f"{args.entries} entries (~{args.answer_bytes} B answers) in one scope, {len(lookups)} lookups,"
          f" embedding: a {args.remote_ms:.0f} ms wait;"
          f" load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores\n")  # fmt: skip
    print("| variant | step | wall p50 ms | wall p90 ms | wall mean ms |")
    print("|---|---|---|---|---|")
    # encoding:neighbours[:seq|overlap[:rest|grpc]], run in turn per lookup; seq: the vector query waits
    # for the L2 read (before 2026-11-30b), overlap: it starts as soon as the embedding is there; rest:
    # the L2 read on the pooled HTTP session (the runtime's default), grpc: the client library's
    variants = [(*v.split(":"), "overlap", "rest")[:4] for v in args.variants]
    session = aiohttp.ClientSession()
    reader = RestDocuments(
        lambda: session, StaticToken("owner"), PROJECT, emulator_host=os.environ["FIRESTORE_EMULATOR_HOST"]
    )
    rest_store = FirestoreCache(lambda: db, timeout_s=5.0, cooldown_s=0.0, reader=reader)
    caches = [
        ResponseCache(
            CacheConfig(neighbours=int(limit), embed_timeout_s=30.0, search_during_l2=order == "overlap"),
            MemoryCache(64 << 20),
            rest_store if transport == "rest" else store,
            lambda: remote,
        )
        for _, limit, order, transport in variants
    ]
    steps: list[dict[str, list[float]]] = [{s: [] for s in (*STEPS, "total")} for _ in variants]
    cpu: list[list[float]] = [[] for _ in variants]
    emulator = [0.0 for _ in variants]
    client_query = _client_vector_query()
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    for text in lookups:
        for n, ((encoding, _, _, _), cache) in enumerate(zip(variants, caches, strict=True)):
            store_module._vector_query = client_query if encoding == "client" else fast_query
            before = group_cpu_ms(pgid)
            start_cpu, start = time.process_time(), time.perf_counter()
            call = await _lookup(cache, tenant, text)
            steps[n]["total"].append((time.perf_counter() - start) * 1000)
            cpu[n].append((time.process_time() - start_cpu) * 1000)
            emulator[n] += group_cpu_ms(pgid) - before
            for step in STEPS:
                steps[n][step].append(call.timings.spans.get(step, 0.0))
    store_module._vector_query = fast_query
    if profiler is not None:
        import pstats

        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
    for n, (encoding, limit, order, transport) in enumerate(variants):
        label = f"{encoding} encoding, {limit} neighbours, {order}, L2 {transport}"
        for step, values in steps[n].items():
            print(f"| {label} | {step} | {pct(values, 0.5):.2f} | {pct(values, 0.9):.2f} | "
                  f"{statistics.fmean(values):.2f} |")  # fmt: skip
    print("\n| variant | CPU ms/lookup this process p50 | mean | emulator CPU ms/lookup (mean) |")
    print("|---|---|---|---|")
    await session.close()
    for n, (encoding, limit, order, transport) in enumerate(variants):
        label = f"{encoding} encoding, {limit} neighbours, {order}, L2 {transport}"
        print(f"| {label} | {pct(cpu[n], 0.5):.2f} | {statistics.fmean(cpu[n]):.2f} | "
              f"{emulator[n] / len(lookups):.2f} |")  # fmt: skip


def _client_vector_query() -> Any:
    """The client library's own vector query (its per-float proto-plus encoding), for comparison."""
    from google.cloud.firestore_v1.async_vector_query import AsyncVectorQuery

    return lambda: AsyncVectorQuery


async def _lookup(cache: ResponseCache, tenant: Tenant, text: str) -> Call:
    async def never(call: Call) -> Outcome:
        return Outcome(response={"candidates": []})  # not storable: nothing is added

    call = Call("bench", tenant, "gemini", MODEL, body(text), False, time.monotonic() + 60)
    cache.memory.purge(tenant.id)
    await cache(call, never)
    return call


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--lookups", type=int, default=150)
    parser.add_argument("--answer-bytes", type=int, default=2000)
    parser.add_argument(
        "--variants",
        nargs="+",
        default=["fast:4:seq:grpc", "fast:4:seq:rest", "fast:4:overlap:rest"],
        help="encoding:neighbours[:seq|overlap[:rest|grpc]]",
    )
    parser.add_argument("--remote-ms", type=float, default=0.0, help="the stand-in embedding's wait")
    parser.add_argument("--profile", type=int, default=0, help="print the N costliest functions (cProfile)")
    args = parser.parse_args()
    require_gcloud_component("firestore")
    port = free_port()
    emulator = Service(
        "firestore", ["gcloud", "emulators", "firestore", "start", f"--host-port=127.0.0.1:{port}"], port
    )
    emulator.start(Path(tempfile.mkdtemp(prefix="cache-latency-")))
    try:
        wait_ready([emulator])
        os.environ["FIRESTORE_EMULATOR_HOST"] = f"127.0.0.1:{port}"
        os.environ["HF_HUB_OFFLINE"] = "1"
        asyncio.run(run(args, emulator.process.pid if emulator.process else None))
    finally:
        emulator.stop()


if __name__ == "__main__":
    main()
