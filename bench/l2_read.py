"""The cache's L2 read, client library (grpc.aio) vs REST (aiohttp), against the Firestore emulator:
CPU time and latency per read in this process, for a missing key (the cacheable miss) and a present one;
then the L2 write the same two ways: CPU per entry and latency per commit, for batches of 1 and 10
entries (the batched write's commit, `FirestoreCache._commit`).

Run: python -m bench.l2_read [--n 2000]   (starts its own emulator unless FIRESTORE_EMULATOR_HOST is set)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
import uuid

import orjson

from bench.backends import firestore_emulator
from dev.stack import PROJECT
from shared.cache.store import Entry, FirestoreCache


async def run(n: int) -> None:
    import aiohttp
    from google.cloud import firestore

    from shared.firestore_rest import RestDocuments
    from shared.providers.credentials import StaticToken

    db = firestore.AsyncClient(project=PROJECT)
    answer = orjson.dumps({"candidates": [{"content": {"parts": [{"text": "an answer " * 50}]}}]})
    present = Entry(f"l2-{uuid.uuid4().hex}", "t", "m", "s", "q", answer, time.time() + 3600, 10)
    async with aiohttp.ClientSession() as session:
        rest = RestDocuments(
            lambda: session,
            StaticToken("owner"),
            PROJECT,
            emulator_host=os.environ["FIRESTORE_EMULATOR_HOST"],
        )
        stores = {
            "grpc": FirestoreCache(lambda: db, timeout_s=5, write_delay_s=0),
            "rest": FirestoreCache(lambda: db, timeout_s=5, write_delay_s=0, reader=rest),
        }
        assert await stores["grpc"].put(present)
        for label, key in (("missing key", None), ("present key", present.key)):
            for name, store in stores.items():
                for _ in range(100):  # warm-up: channel, connection pool, JIT of the emulator
                    await store.get(key or f"absent-{uuid.uuid4().hex}")
                latencies = []
                cpu = time.process_time()
                for i in range(n):
                    started = time.perf_counter()
                    got = await store.get(key or f"absent-{i}-{uuid.uuid4().hex}")
                    latencies.append((time.perf_counter() - started) * 1000)
                    assert (got is not None) == (key is not None)
                cpu_us = (time.process_time() - cpu) / n * 1e6
                print(
                    f"{label:12s} {name}: {cpu_us:6.0f} us CPU/read, latency p50 "
                    f"{statistics.median(latencies):.2f} ms, p90 {sorted(latencies)[int(0.9 * n)]:.2f} ms",
                    flush=True,
                )
        writers = {"grpc": stores["grpc"], "rest": FirestoreCache(lambda: db, timeout_s=5, writer=rest)}
        for size in (1, 10):
            for name, store in writers.items():
                commits = max(20, n // (5 * size))
                batches = [
                    [(f"w-{uuid.uuid4().hex}", _document(present)) for _ in range(size)]
                    for _ in range(commits + 20)
                ]
                for batch in batches[:20]:  # warm-up
                    assert await store._commit(batch)
                latencies = []
                cpu = time.process_time()
                for batch in batches[20:]:
                    started = time.perf_counter()
                    assert await store._commit(batch)
                    latencies.append((time.perf_counter() - started) * 1000)
                cpu_us = (time.process_time() - cpu) / (commits * size) * 1e6
                print(
                    f"write, batches of {size:2d} {name}: {cpu_us:6.0f} us CPU/entry, commit latency p50 "
                    f"{statistics.median(latencies):.2f} ms",
                    flush=True,
                )


def _document(entry: Entry) -> dict[str, object]:
    """What `FirestoreCache.put` hands the commit for an exact-only entry."""
    from datetime import UTC, datetime

    return {
        "tenant": entry.tenant,
        "model": entry.model,
        "scope": entry.scope,
        "question": entry.question,
        "response": entry.response.decode(),
        "tokens": entry.tokens,
        "created_at": datetime.fromtimestamp(time.time(), UTC),
        "expire_at": datetime.fromtimestamp(entry.expire_at, UTC),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args()
    with firestore_emulator("gatehouse-l2-"):
        asyncio.run(run(args.n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
