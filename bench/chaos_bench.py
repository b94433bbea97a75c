"""Chaos benchmark: each fault scenario against two ingress instances, resilience on and off.

Starts its own stack (emulators, simulator, Secret Manager stand-in) and two ingress functions:
`on` with the default resilience settings (bench-sized breaker window), `off` with one attempt
per request and breakers that never open (the single-target terminal Gatehouse had before).
Every scenario sends the same bounded load to both (`--count` requests, at most `--seconds`
each, `--concurrency` in flight) with `X-Server-Timeout`, and reports success rate, p50/p99,
p99 after warm-up (breakers settled), worst deadline overrun and upstream calls per success
(from the simulator's own counters).

Two more scenarios run against a third ingress (key cache 2 s) with the production settings:
`noisy tenant` (one tenant floods malformed countTokens bodies while another tenant shares the
same single target: does the quiet tenant keep its answers?) and `Firestore outage` (the
emulator frozen with SIGSTOP, then killed with SIGKILL, under load with a known key; plus
never-seen keys, which must get a fast 503). The outage runs last: it ends the emulator.
Writes bench/results/chaos.md.

Run: make bench-chaos   (python -m bench.chaos_bench --count 1000)
     python -m bench.chaos_bench --scenarios noisy,outage   (only the two dependency/tenant scenarios)
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
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


STORE = {"GATEHOUSE_AUTH_CACHE_TTL_S": "2", "GATEHOUSE_CACHE_STORE_TIMEOUT_S": "0.25"}
CLIENT_TIMEOUT_S = 15.0  # the bench gives up on a request after this long (counted as a failure)
POISON = orjson.dumps({"contents": None})  # accepted before #11; the upstream answers it with 500


def _q(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p))] * 1000 if ordered else 0.0


async def _hammer(
    url: str, key: str, body: bytes, count: int, seconds: float, concurrency: int, deadline_s: float = 3.0
) -> tuple[list[int], list[float]]:
    """Bounded load: at most `count` requests or `seconds`, `concurrency` in flight; (statuses, latencies)."""
    statuses: list[int] = []
    latencies: list[float] = []
    started = time.monotonic()
    headers = {
        "x-goog-api-key": key,
        "x-server-timeout": str(deadline_s),
        "x-gatehouse-cache": "bypass",
        "content-type": "application/json",
    }
    timeout = aiohttp.ClientTimeout(total=CLIENT_TIMEOUT_S)
    async with aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(limit=concurrency), timeout=timeout
    ) as session:

        async def worker() -> None:
            while len(statuses) < count and time.monotonic() - started < seconds:
                t0 = time.perf_counter()
                try:
                    async with session.post(url, data=body, headers=headers) as response:
                        await response.read()
                        status = response.status
                except (aiohttp.ClientError, TimeoutError):
                    status = 0
                statuses.append(status)
                latencies.append(time.perf_counter() - t0)

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return statuses, latencies


def _row(statuses: list[int], latencies: list[float], **extra: str) -> dict[str, str]:
    n = len(statuses)
    ok = statuses.count(200)
    codes: dict[int, int] = {}
    for status in statuses:
        codes[status] = codes.get(status, 0) + 1
    return {
        "requests": str(n),
        "success": f"{100 * ok / n:.2f}%" if n else "-",
        "p50 ms": f"{_q(latencies, 0.5):.1f}",
        "p99 ms": f"{_q(latencies, 0.99):.1f}",
        "statuses": " ".join(f"{k or 'timeout'}:{v}" for k, v in sorted(codes.items())),
        **extra,
    }


def noisy_tenant(base: str, sim: SimulatorControl, pepper: bytes, args: argparse.Namespace) -> dict[str, str]:
    from google.cloud import firestore

    region = f"bench-{uuid.uuid4().hex[:6]}-noisy"
    plan = {"plans": {"p": {"targets": [{"model": MODEL, "region": region}]}}, "aliases": {"bench": "p"}}
    keys = [
        asyncio.run(
            create_tenant_with_key(
                firestore.AsyncClient(project=PROJECT),
                pepper,
                Tenant(id=f"{who}-{uuid.uuid4().hex[:8]}", routing=plan),
            )
        )
        for who in ("quiet", "noisy")
    ]
    generate = f"{base}/v1beta/models/bench:generateContent"
    count = f"{base}/v1beta/models/bench:countTokens"

    async def both() -> tuple[tuple[list[int], list[float]], tuple[list[int], list[float]]]:
        return await asyncio.gather(
            _hammer(generate, keys[0], BODY, args.count, args.seconds, 2),
            _hammer(count, keys[1], POISON, args.count, args.seconds, args.concurrency),
        )

    asyncio.run(_hammer(generate, keys[0], BODY, 20, 5, 2))  # warm-up: both keys known, client connected
    asyncio.run(_hammer(count, keys[1], BODY, 1, 5, 1))
    before = sim.stats()
    (quiet, quiet_lat), (noisy, _) = asyncio.run(both())
    calls = sum(v - before.get(k, 0) for k, v in sim.stats().items() if k.split(":")[0] == region)
    return _row(
        quiet,
        quiet_lat,
        **{
            "noisy tenant": " ".join(f"{k}:{noisy.count(k)}" for k in sorted(set(noisy))),
            "upstream calls": str(calls),
        },
    )


async def _unknown_keys(base: str, probes: int = 3) -> str:
    url = f"{base}/v1beta/models/bench:generateContent"
    seen: list[tuple[int, float]] = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=CLIENT_TIMEOUT_S)) as session:
        for _ in range(probes):
            headers = {"x-goog-api-key": f"ghk_unknown_{uuid.uuid4().hex}", "x-server-timeout": "5"}
            t0 = time.perf_counter()
            try:
                async with session.post(url, data=BODY, headers=headers) as response:
                    await response.read()
                    seen.append((response.status, time.perf_counter() - t0))
            except (aiohttp.ClientError, TimeoutError):
                seen.append((0, time.perf_counter() - t0))
    statuses = sorted({s for s, _ in seen})
    worst = max(t for _, t in seen)
    return f"{'/'.join(str(s or 'timeout') for s in statuses)} in ≤ {worst * 1000:.0f} ms"


def firestore_outage(
    base: str, firestore_service: Any, pepper: bytes, args: argparse.Namespace
) -> list[tuple[str, dict[str, str]]]:
    from google.cloud import firestore

    key = asyncio.run(
        create_tenant_with_key(
            firestore.AsyncClient(project=PROJECT), pepper, Tenant(id=f"out-{uuid.uuid4().hex[:8]}")
        )
    )
    url = f"{base}/v1beta/models/{MODEL}:generateContent"
    rows: list[tuple[str, dict[str, str]]] = []
    statuses, latencies = asyncio.run(_hammer(url, key, BODY, 200, 5, args.concurrency))
    rows.append(
        ("healthy (warm-up)", _row(statuses, latencies, **{"unknown keys": asyncio.run(_unknown_keys(base))}))
    )
    group = firestore_service.process.pid
    os.killpg(group, signal.SIGSTOP)
    try:
        time.sleep(2.5)  # the key cache (2 s) has expired: every lookup meets the frozen store
        statuses, latencies = asyncio.run(_hammer(url, key, BODY, args.count, args.seconds, args.concurrency))
        unknown = asyncio.run(_unknown_keys(base))
    finally:
        os.killpg(group, signal.SIGCONT)
    rows.append(("frozen (SIGSTOP)", _row(statuses, latencies, **{"unknown keys": unknown})))
    time.sleep(3)  # recovery
    firestore_service.kill()
    time.sleep(2.5)
    statuses, latencies = asyncio.run(_hammer(url, key, BODY, args.count, args.seconds, args.concurrency))
    rows.append(
        ("killed (SIGKILL)", _row(statuses, latencies, **{"unknown keys": asyncio.run(_unknown_keys(base))}))
    )
    return rows


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
        for mode, extra in (("on", ON), ("off", OFF), ("store", STORE)):
            port = free_port()
            service = function_service("ingress", port, function_env(ports, extra))
            service.name = f"ingress-{mode}"
            service.start(log_dir)
            services.append(service)
            ingress[mode] = service.url
        wait_ready(services[-3:])
        sim = SimulatorControl(f"http://127.0.0.1:{ports.simulator}")
        from google.cloud import firestore

        for scenario in SCENARIOS if "classic" in args.scenarios else ():
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
        if "noisy" in args.scenarios:
            sim.reset()
            EXTRA.append(
                ("noisy tenant: quiet tenant's answers", noisy_tenant(ingress["store"], sim, pepper, args))
            )
            print(EXTRA[-1], flush=True)
        if "outage" in args.scenarios:
            store = next(s for s in services if s.name == "firestore")
            for phase, row in firestore_outage(ingress["store"], store, pepper, args):
                EXTRA.append((f"Firestore outage: {phase}", row))
                print(EXTRA[-1], flush=True)
    finally:
        for service in reversed(services):
            service.stop()
    return rows


EXTRA: list[tuple[str, dict[str, str]]] = []  # the dependency and tenant scenarios' rows


def render_extra(args: argparse.Namespace) -> list[str]:
    lines = [
        "",
        "## Dependency and tenant faults (#11)",
        "",
        "Against a third ingress with the production resilience settings and a 2 s key cache, "
        f"{args.concurrency} in flight (the noisy-tenant run: {args.concurrency} noisy, 2 quiet), "
        f"at most {args.count} requests or "
        f"{args.seconds:g} s per row, client timeout {CLIENT_TIMEOUT_S:g} s (counted as `timeout`), "
        '`X-Gatehouse-Cache: bypass`. Noisy tenant: one tenant sends `countTokens` with `"contents": null` '
        "(the upstream answers 500), the other sends ordinary requests; both plans name the same single "
        "target. Firestore outage: the emulator frozen (SIGSTOP) for the row, then killed (SIGKILL); a known "
        "key under load, and three never-seen keys with `X-Server-Timeout: 5`.",
        "",
    ]
    for index, (name, row) in enumerate(EXTRA):
        columns = list(row)
        if index == 0 or list(EXTRA[index - 1][1]) != columns:
            lines += ["", "| scenario | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
        lines.append(f"| {name} | " + " | ".join(row[c] for c in columns) + " |")
    return lines


def render(rows: list[tuple[str, str, dict[str, str]]], args: argparse.Namespace) -> str:
    if not rows:
        return "\n".join(["# Chaos benchmark", *render_extra(args)]) + "\n"
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
    if EXTRA:
        lines += render_extra(args)
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "chaos.md")
    parser.add_argument(
        "--scenarios",
        type=lambda text: set(text.split(",")),
        default={"classic", "noisy", "outage"},
        help="comma-separated: classic (the on/off table), noisy, outage",
    )
    args = parser.parse_args()
    rows = run(args)
    text = render(rows, args)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
