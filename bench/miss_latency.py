"""Latency of a miss at concurrency 1: a cacheable miss with L1 + L2, the same with L1 only, and an
uncacheable miss, in one run (what the L2 read and write add to a miss's latency).

Three ingress workers (bench/worker.py) share one Firestore emulator and simulator; requests go one at a
time, rotating between the three (A, B, C, then B, C, A, ...), so the VM's speed phases fall on all three
alike. Each cacheable request is unique (a miss everywhere). Prints p50/p90 of the client's latency per
variant and the paired median differences.

Run: python -m bench.miss_latency [--n 300]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.backends import Backends
from bench.instr import GEN, _start, body
from bench.prompts import PROMPT, serial
from dev.stack import function_env
from shared.tenants import Tenant

VARIANTS = {
    "cacheable miss, L1 + L2": ({}, 0),
    "cacheable miss, L1 only": ({"GATEHOUSE_CACHE_L2_READ": "false"}, 0),
    "uncacheable miss": ({}, 0.7),
}


async def drive(urls: dict[str, str], key: str, n: int) -> dict[str, list[float]]:
    headers = {"x-goog-api-key": key, "content-type": "application/json"}
    names = list(urls)
    out: dict[str, list[float]] = {name: [] for name in names}
    async with aiohttp.ClientSession() as session:
        for i in range(n + 20):
            for k in range(len(names)):
                name = names[(i + k) % len(names)]
                data = body(f"{PROMPT} {serial()}", VARIANTS[name][1])
                started = time.perf_counter()
                async with session.post(urls[name] + GEN, data=data, headers=headers) as response:
                    await response.read()
                    assert response.status == 200, response.status
                if i >= 20:  # warm-up: connections, L1 of the auth reads, the emulator's JIT
                    out[name].append((time.perf_counter() - started) * 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()
    log_dir = Path(tempfile.mkdtemp(prefix="gatehouse-miss-latency-"))
    stack = Backends.free()
    try:
        stack.start(log_dir)
        key = stack.seed(Tenant(id="bench"))
        urls = {}
        for name, (extra, _) in VARIANTS.items():
            worker = _start("ingress", "main.py", function_env(stack.ports, extra), log_dir, None, None)
            stack.services.append(worker)
            urls[name] = f"http://127.0.0.1:{worker.port}"
        got = asyncio.run(drive(urls, key, args.n))
        for name, latencies in got.items():
            ordered = sorted(latencies)
            p50, p90 = statistics.median(ordered), ordered[int(0.9 * len(ordered))]
            print(f"{name:26s} p50 {p50:6.2f} ms  p90 {p90:6.2f} ms", flush=True)
        names = list(got)
        for other in names[1:]:
            diffs = [a - b for a, b in zip(got[names[0]], got[other], strict=True)]
            print(f"paired median, first row minus {other}: {statistics.median(diffs):+.2f} ms", flush=True)
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
