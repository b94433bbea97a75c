"""CPU the limits stage adds per call, in-process: the stage in a pipeline with an instant terminal,
a tenant with quotas and budgets against the same tenant without them.

    .venv/bin/python -m bench.limits_cpu [--calls 20000] [--rounds 5]
    .venv/bin/python -m bench.limits_cpu --instructions [--calls 2000]

Measures, never gates. The store is in memory, so this is the fast path (pool arithmetic) plus the
amortized block takes, counted and reported as writes per call: a Firestore take costs a round trip
and a write on top, once per counter per GATEHOUSE_LIMITS_BLOCK_TARGET_S per instance. CPU time
(`time.process_time`) of sequential calls on one event loop; the per-call figure is the median
over rounds, minus the median of the no-limits tenant measured in the same rounds (interleaved, so
the machine's load drifts the same way for both). The ingress on a real request (`make bench`,
row "quotas + budgets on") adds the HTTP and Firestore costs this leaves out.

`--instructions` counts instead of timing (robust under load): each tenant runs in a fresh process
under valgrind callgrind, once with N and once with 2N calls after the same warm-up; the difference
over N is the instructions per call (startup and warm-up cancel out).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import subprocess
import sys
import time
from typing import Any

from shared.cost.prices import PriceTable
from shared.limits.config import LimitSettings
from shared.limits.limiter import Limiter
from shared.limits.stage import KEY_ATTR, LimitsStage
from shared.pipeline import Call, Outcome, Pipeline
from shared.tenants import Tenant

BODY: dict[str, Any] = {
    "contents": [{"role": "user", "parts": [{"text": "Summarise the shipment status in one line."}]}],
    "generationConfig": {"maxOutputTokens": 64},
}
ANSWER: dict[str, Any] = {
    "candidates": [
        {"content": {"role": "model", "parts": [{"text": "On its way."}]}, "finishReason": "STOP"}
    ],
    "usageMetadata": {"promptTokenCount": 12, "candidatesTokenCount": 5, "totalTokenCount": 17},
    "modelVersion": "gemini-2.5-flash",
}
# What `make bench`'s row uses: every check runs, none refuses.
BENCH_ROW = {
    "tenant": {"requests_per_minute": 1_000_000, "tokens_per_minute": 1_000_000_000},
    "daily_budget": {"usd": 100_000, "mode": "hard"},
    "monthly_budget": {"usd": 1_000_000, "mode": "hard"},
}
SCENARIOS: dict[str, dict[str, Any]] = {
    "no limits": {},
    "quotas + budgets (bench row)": BENCH_ROW,
    "+ per-key quotas + concurrency": {
        **BENCH_ROW,
        "tenant": {**BENCH_ROW["tenant"], "concurrent_requests": 10_000},
        "per_key": {"requests_per_minute": 1_000_000, "tokens_per_minute": 1_000_000_000},
    },
}


class MemoryStore:
    """The CounterStore protocol in memory: counts the takes and leases a real store would write."""

    def __init__(self) -> None:
        self.counters: dict[str, int] = {}
        self.writes = 0

    async def take(self, key: str, units: int, expire_at: float) -> int:
        self.writes += 1
        self.counters[key] = self.counters.get(key, 0) + units
        return self.counters[key]

    async def lease(self, key: str, holder: str, want: int, limit: int, now: float, lease_s: float) -> int:
        self.writes += 1
        return min(want, limit)


async def _terminal(_call: Call) -> Outcome:
    return Outcome(response=ANSWER)


async def _run(pipeline: Pipeline, tenant: Tenant, key: str | None, calls: int) -> float:
    """CPU seconds per call for `calls` sequential calls."""
    attrs = {KEY_ATTR: key}
    start = time.process_time()
    for index in range(calls):
        call = Call(f"r{index}", tenant, "gemini", "gemini-2.5-flash", BODY, False, deadline=1e18,
                    attrs=dict(attrs))  # fmt: skip
        await pipeline.run(call)
    return (time.process_time() - start) / calls


async def main(calls: int, rounds: int) -> None:
    prices = PriceTable.load()
    setups = {}
    for name, limits in SCENARIOS.items():
        store = MemoryStore()
        limiter = Limiter(store, prices)
        tenant = Tenant(id=f"bench-{len(setups)}", limits=LimitSettings.model_validate(limits))
        setups[name] = (Pipeline([LimitsStage(lambda limiter=limiter: limiter)], _terminal), tenant, store)
    for pipeline, tenant, _ in setups.values():  # warm-up: imports, first blocks, spec caches
        await _run(pipeline, tenant, "key-hash-1", 2_000)
    samples: dict[str, list[float]] = {name: [] for name in setups}
    writes_before = {name: setup[2].writes for name, setup in setups.items()}
    for _ in range(rounds):
        for name, (pipeline, tenant, _) in setups.items():
            samples[name].append(await _run(pipeline, tenant, "key-hash-1", calls))
    base = statistics.median(samples["no limits"])
    load = os.getloadavg()
    print(f"limits stage, in-process: {calls:,} calls x {rounds} rounds, load average "
          f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")  # fmt: skip
    print("| tenant | CPU µs/call (median) | min .. max | added over no limits | store writes/call |")
    print("|---|---|---|---|---|")
    for name, values in samples.items():
        median = statistics.median(values)
        writes = (setups[name][2].writes - writes_before[name]) / (calls * rounds)
        added = "-" if name == "no limits" else f"{(median - base) * 1e6:+.1f} µs"
        print(f"| {name} | {median * 1e6:.1f} | {min(values) * 1e6:.1f} .. {max(values) * 1e6:.1f} "
              f"| {added} | {writes:.5f} |")  # fmt: skip


async def one(name: str, calls: int) -> None:
    """One tenant: warm-up, then `calls` calls (the process that --instructions counts)."""
    limiter = Limiter(MemoryStore(), PriceTable.load())
    tenant = Tenant(id="bench-one", limits=LimitSettings.model_validate(SCENARIOS[name]))
    pipeline = Pipeline([LimitsStage(lambda: limiter)], _terminal)
    await _run(pipeline, tenant, "key-hash-1", 2_000)
    await _run(pipeline, tenant, "key-hash-1", calls)


def instructions(calls: int) -> None:
    def count(name: str, n: int) -> int:
        argv = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                "-m", "bench.limits_cpu", "--one", name, "--calls", str(n)]  # fmt: skip
        done = subprocess.run(
            argv, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"}
        )
        found = re.search(r"Collected : (\d+)", done.stderr)
        assert found, done.stderr[-2000:]
        return int(found.group(1))

    print(f"limits stage, in-process: instructions per call (callgrind, {calls:,} and {2 * calls:,} calls)")
    print("| tenant | instructions/call | added over no limits |")
    print("|---|---|---|")
    base = 0.0
    for name in SCENARIOS:
        per_call = (count(name, 2 * calls) - count(name, calls)) / calls
        base = base or per_call
        added = "-" if name == "no limits" else f"{per_call - base:+,.0f}"
        print(f"| {name} | {per_call:,.0f} | {added} |", flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--calls", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--instructions", action="store_true", help="count instructions (callgrind)")
    parser.add_argument("--one", choices=list(SCENARIOS), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        asyncio.run(one(args.one, args.calls or 2_000))
    elif args.instructions:
        instructions(args.calls or 2_000)
    else:
        asyncio.run(main(args.calls or 20_000, args.rounds))
