"""Memory per in-flight request on the ingress: the capacity note's per-instance bound.

    python -m bench.inflight [--latency-ms 4000] [--levels 50,200,400]

Starts the Firestore emulator, the simulator and the Secret Manager stand-in, and one ingress; the
simulator holds every answer for --latency-ms (a slow Gemini), so N concurrent requests are N in
flight. Reports the ingress's RSS idle and at the peak of each level, and the bytes per in-flight
request. Loopback only; every level is one bounded burst.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from pathlib import Path

import aiohttp

from dev.seed import DEMO_TENANT, create_tenant_with_key, ensure_pepper
from dev.simctl import SimulatorControl
from dev.stack import PROJECT, Ports, backends, function_env, function_service, wait_ready

BODY = {
    "contents": [
        {"role": "user", "parts": [{"text": "Summarise the quarterly report in three bullet points. " * 20}]}
    ],
    "generationConfig": {"temperature": 0.7},  # not cacheable: every request goes upstream
}


def rss_of_group(pid: int) -> int:
    """Resident bytes of a process and its children (functions-framework may fork)."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        tgid, ppid = int(fields["Tgid"]), int(fields["PPid"])
        if (tgid == pid or ppid == pid) and "VmRSS" in fields:
            total += int(fields["VmRSS"].split()[0]) * 1024
    return total


async def burst(url: str, key: str, n: int, pid: int, latency_s: float) -> tuple[int, dict[str, int]]:
    headers = {"x-goog-api-key": key}
    peak = 0
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:

        async def one() -> int:
            async with http.post(
                f"{url}/v1beta/models/gemini-2.5-flash:generateContent", json=BODY, headers=headers
            ) as r:
                await r.read()
                return r.status

        tasks = [asyncio.ensure_future(one()) for _ in range(n)]
        deadline = time.monotonic() + latency_s * 3 + 30
        while not all(t.done() for t in tasks) and time.monotonic() < deadline:
            peak = max(peak, rss_of_group(pid))
            await asyncio.sleep(0.1)
        statuses = await asyncio.gather(*tasks, return_exceptions=True)
    counts: dict[str, int] = {}
    for s in statuses:
        label = str(s) if isinstance(s, int) else type(s).__name__
        counts[label] = counts.get(label, 0) + 1
    return peak, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-ms", type=float, default=4000)
    parser.add_argument("--levels", default="50,200,400")
    args = parser.parse_args()
    ports = Ports.free()
    log_dir = Path("bench/results/tmp/inflight")
    services = backends(ports)
    try:
        for service in services:
            service.start(log_dir)
        wait_ready(services)
        os.environ["FIRESTORE_EMULATOR_HOST"] = f"127.0.0.1:{ports.firestore}"
        os.environ["GOOGLE_CLOUD_PROJECT"] = PROJECT
        pepper = ensure_pepper(PROJECT, f"http://127.0.0.1:{ports.secrets}")
        # keys stay cached for the whole run: the bursts measure in-flight memory, not the emulator
        env = function_env(
            ports, {"GATEHOUSE_USAGE_FLUSH_INTERVAL_S": "2", "GATEHOUSE_AUTH_CACHE_TTL_S": "3600"}
        )
        ingress = function_service("ingress", ports.functions["ingress"], env)
        ingress.start(log_dir)
        services.append(ingress)
        wait_ready([ingress])

        from google.cloud import firestore

        key = asyncio.run(create_tenant_with_key(firestore.AsyncClient(project=PROJECT), pepper, DEMO_TENANT))
        SimulatorControl(f"http://127.0.0.1:{ports.simulator}").set_region(
            "us-central1", latency_ms=args.latency_ms
        )
        assert ingress.process is not None
        pid = ingress.process.pid
        _, first = asyncio.run(burst(ingress.url, key, 1, pid, args.latency_ms / 1000))  # caches the key
        _, warm = asyncio.run(burst(ingress.url, key, 20, pid, args.latency_ms / 1000))  # pools
        print(f"warm-up statuses: {first} then {warm}", flush=True)
        idle = rss_of_group(pid)
        print(
            f"ingress RSS idle after warm-up: {idle / 2**20:.1f} MiB; "
            f"upstream latency {args.latency_ms:.0f} ms",
            flush=True,
        )
        for n in (int(x) for x in args.levels.split(",")):
            peak, counts = asyncio.run(burst(ingress.url, key, n, pid, args.latency_ms / 1000))
            per = (peak - idle) / n
            print(
                f"in flight {n:4d}: peak RSS {peak / 2**20:7.1f} MiB, +{per / 1024:6.1f} KiB per request, "
                f"statuses {counts}",
                flush=True,
            )
    finally:
        for service in reversed(services):
            service.stop()


if __name__ == "__main__":
    main()
