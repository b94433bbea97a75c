"""Chaos benchmark: each fault scenario against two ingress instances, resilience on and off.

Starts its own stack (emulators, simulator, Secret Manager stand-in) and two ingress functions:
`on` with the default resilience settings (bench-sized breaker window), `off` with one attempt
per request and breakers that never open (the single-target terminal Gatehouse had before).
Every scenario sends the same bounded load to both (`--count` requests, at most `--seconds`
each, `--concurrency` in flight) with `X-Server-Timeout`, and reports success rate, p50/p99,
p99 after warm-up (breakers settled), worst deadline overrun and upstream calls per success
(from the simulator's own counters). Writes bench/results/chaos.md.

Run: make bench-chaos   (python -m bench.chaos_bench --count 1000)
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import orjson

from dev.seed import create_tenant_with_key, ensure_pepper
from dev.simctl import SimulatorControl
from dev.stack import PROJECT, Ports, backends, free_port, function_env, function_service, wait_ready
from shared.tenants import Tenant

ROOT = Path(__file__).resolve().parent
MODEL = "gemini-2.5-flash"
BODY = orjson.dumps({"contents": [{"role": "user", "parts": [{"text": "chaos bench"}]}]})
DEADLINE_S = 3.0
WARMUP = 100  # requests before the "steady" p99 is taken (breakers have opened by then)

ON = {
    "GATEHOUSE_BREAKER_WINDOW_S": "10",
    "GATEHOUSE_BREAKER_MIN_CALLS": "20",
    "GATEHOUSE_BREAKER_OPEN_S": "5",
}
OFF = {"GATEHOUSE_RETRY_MAX_ATTEMPTS": "1", "GATEHOUSE_BREAKER_MIN_CALLS": "1000000000"}


@dataclass
class Scenario:
    name: str
    faults: dict[str, dict[str, Any]]  # "a" | "b" | "hosted" -> simulator faults
    stream: bool = False
    hosted: bool = False  # plan: self-hosted endpoint first, Gemini second
    hedging: bool = False
    deadline_s: float = DEADLINE_S


SCENARIOS = [
    Scenario("no fault", {}),
    Scenario("region A 100% 503", {"a": {"error_rate": 1.0, "error_status": 503}}),
    Scenario(
        "30% 429 + Retry-After: 1 (both regions)",
        {
            "a": {"error_rate": 0.3, "error_status": 429, "retry_after": 1, "seed": 1},
            "b": {"error_rate": 0.3, "error_status": 429, "retry_after": 1, "seed": 2},
        },
    ),
    Scenario("region A 2 s slow (hedging on)", {"a": {"latency_ms": 2000}}, hedging=True),
    Scenario("region A hangs, no hedging, deadline 1 s", {"a": {"timeout": True}}, deadline_s=1.0),
    Scenario("stream cut after 3 chunks (region A)", {"a": {"stream_cut_after": 3}}, stream=True),
    Scenario("self-hosted endpoint down, Gemini fallback", {"hosted": {"error_rate": 1.0}}, hosted=True),
    Scenario("no fault (again, at the end: the noise band)", {}),
]


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)  # seconds, in start order
    ok: list[bool] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)  # the gateway's own Server-Timing total
    upstream_calls: int = 0
    deadline_s: float = DEADLINE_S

    def row(self) -> dict[str, str]:
        n = len(self.ok)
        wins = sum(self.ok)
        ordered = sorted(self.latencies)
        steady = sorted(self.latencies[WARMUP:]) or ordered

        def q(values: list[float], p: float) -> float:
            return values[min(len(values) - 1, int(len(values) * p))] * 1000 if values else 0.0

        overrun = max((lat - self.deadline_s) * 1000 for lat in self.latencies) if self.latencies else 0.0
        server = max((ms - self.deadline_s * 1000 for ms in self.server_ms), default=0.0)
        return {
            "requests": str(n),
            "success": f"{100 * wins / n:.2f}%" if n else "-",
            "p50 ms": f"{q(ordered, 0.5):.1f}",
            "p99 ms": f"{q(ordered, 0.99):.1f}",
            "p99 steady ms": f"{q(steady, 0.99):.1f}",
            "max overrun ms (client)": f"{max(0.0, overrun):.1f}",
            "max overrun ms (gateway)": f"{max(0.0, server):.1f}",
            "calls/success": f"{self.upstream_calls / wins:.2f}" if wins else "-",
        }


def _server_total(header: str | None) -> float:
    for item in (header or "").split(","):
        name, _, value = item.strip().partition(";dur=")
        if name == "total":
            return float(value)
    return 0.0


async def _one(session: aiohttp.ClientSession, url: str, key: str, scenario: Scenario) -> tuple[bool, float]:
    stream = scenario.stream
    headers = {
        "x-goog-api-key": key,
        "x-server-timeout": str(scenario.deadline_s),
        "content-type": "application/json",
    }
    async with session.post(url, data=BODY, headers=headers) as response:
        payload = await response.read()
        server = _server_total(response.headers.get("Server-Timing"))
        if response.status != 200:
            return False, server
        if not stream:
            return True, server
        events = [orjson.loads(line[6:]) for line in payload.splitlines() if line.startswith(b"data: ")]
        ok = bool(events) and "error" not in events[-1]
        return ok and bool(events[-1].get("candidates", [{}])[0].get("finishReason")), server


async def drive(
    base: str, key: str, scenario: Scenario, count: int, seconds: float, concurrency: int
) -> Result:
    method = "streamGenerateContent?alt=sse" if scenario.stream else "generateContent"
    url = f"{base}/v1beta/models/bench:{method}"
    result = Result(deadline_s=scenario.deadline_s)
    started_at = time.monotonic()
    issued = 0
    slots: list[tuple[float, bool, float]] = []

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=concurrency)) as session:

        async def worker() -> None:
            nonlocal issued
            while issued < count and time.monotonic() - started_at < seconds:
                index = issued
                issued += 1
                slots.append((0.0, False, 0.0))
                t0 = time.perf_counter()
                try:
                    ok, server = await _one(session, url, key, scenario)
                except (aiohttp.ClientError, TimeoutError):
                    ok, server = False, 0.0
                slots[index] = (time.perf_counter() - t0, ok, server)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    result.latencies = [s[0] for s in slots]
    result.ok = [s[1] for s in slots]
    result.server_ms = [s[2] for s in slots]
    return result


def _tenant(scenario: Scenario, regions: dict[str, str]) -> Tenant:
    gemini_a = {"model": MODEL, "region": regions["a"]}
    gemini_b = {"model": MODEL, "region": regions["b"]}
    hosted = {
        "provider": "vertex-endpoint",
        "model": "llama-3-8b",
        "region": regions["hosted"],
        "endpoint": "77",
    }
    targets = [hosted, gemini_b] if scenario.hosted else [gemini_a, gemini_b]
    return Tenant(
        id=f"bench-{uuid.uuid4().hex[:10]}",
        routing={
            "plans": {"p": {"targets": targets}},
            "aliases": {"bench": "p"},
            "hedging": scenario.hedging,
        },
    )


def _calls(before: dict[str, int], after: dict[str, int], regions: dict[str, str]) -> int:
    names = set(regions.values())
    return sum(v - before.get(k, 0) for k, v in after.items() if k.split(":")[0] in names)


def run(args: argparse.Namespace) -> list[tuple[str, str, dict[str, str]]]:
    ports = Ports.free()
    log_dir = Path(tempfile.mkdtemp(prefix="chaos-bench-"))
    services = backends(ports)
    rows: list[tuple[str, str, dict[str, str]]] = []
    try:
        for service in services:
            service.start(log_dir)
        wait_ready(services)
        import os

        os.environ["FIRESTORE_EMULATOR_HOST"] = f"127.0.0.1:{ports.firestore}"
        os.environ["GOOGLE_CLOUD_PROJECT"] = PROJECT
        pepper = ensure_pepper(PROJECT, f"http://127.0.0.1:{ports.secrets}")
        ingress = {}
        for mode, extra in (("on", ON), ("off", OFF)):
            port = free_port()
            service = function_service("ingress", port, function_env(ports, extra))
            service.name = f"ingress-{mode}"
            service.start(log_dir)
            services.append(service)
            ingress[mode] = service.url
        wait_ready(services[-2:])
        sim = SimulatorControl(f"http://127.0.0.1:{ports.simulator}")
        from google.cloud import firestore

        for scenario in SCENARIOS:
            for mode in ("on", "off"):
                suffix = uuid.uuid4().hex[:6]
                regions = {k: f"bench-{suffix}-{k}" for k in ("a", "b", "hosted")}
                tenant = _tenant(scenario, regions)
                key = asyncio.run(
                    create_tenant_with_key(firestore.AsyncClient(project=PROJECT), pepper, tenant)
                )
                sim.reset()
                for name, faults in scenario.faults.items():
                    sim.set_region(regions[name], **faults)
                before = sim.stats()
                result = asyncio.run(
                    drive(ingress[mode], key, scenario, args.count, args.seconds, args.concurrency)
                )
                result.upstream_calls = _calls(before, sim.stats(), regions)
                rows.append((scenario.name, mode, result.row()))
                print(scenario.name, mode, rows[-1][2], flush=True)
        sim.reset()
    finally:
        for service in reversed(services):
            service.stop()
    return rows


def render(rows: list[tuple[str, str, dict[str, str]]], args: argparse.Namespace) -> str:
    columns = list(rows[0][2])
    lines = [
        "# Chaos benchmark",
        "",
        f"`make bench-chaos`: {args.count} requests per scenario and mode (at most {args.seconds:g} s "
        f"each), {args.concurrency} in flight, `X-Server-Timeout: {DEADLINE_S:g}` unless the scenario "
        "says, through the ingress function (functions-framework, one process) to the local simulator, "
        "on a shared 2-core machine. `on`: retries, failover, breakers (window 10 s, 20 calls, open 5 s), "
        "hedging where the scenario says. `off`: one attempt, breakers never open (the single-target "
        f"terminal). `p99 steady` skips the first {WARMUP} requests (breakers settled). `max overrun`: "
        "worst latency beyond the deadline, seen by the client (includes connection queueing before "
        "the gateway reads the request) and by the gateway (its Server-Timing total, which starts when "
        "the request arrives, as the deadline does). `calls/success`: upstream requests the simulator "
        "received per successful answer.",
        "",
        "| scenario | resilience | " + " | ".join(columns) + " |",
        "|---|---|" + "---|" * len(columns),
    ]
    for name, mode, row in rows:
        lines.append(f"| {name} | {mode} | " + " | ".join(row[c] for c in columns) + " |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "chaos.md")
    args = parser.parse_args()
    rows = run(args)
    text = render(rows, args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
