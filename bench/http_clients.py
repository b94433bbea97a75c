"""aiohttp vs httpx.AsyncClient for the OpenAI-compatible hop: the same chat call to the simulator.

Bounded: `--count` requests per client and concurrency level, each run also capped at 30 s.
Run: python -m bench.http_clients [--count 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp
import httpx
import orjson

from dev.stack import Service, free_port, wait_ready

CHAT = {"model": "qwen", "messages": [{"role": "user", "content": "hello there"}]}


async def _run(call: Callable[[], Awaitable[None]], count: int, concurrency: int) -> float:
    done = 0
    deadline = time.monotonic() + 30

    async def worker() -> None:
        nonlocal done
        while done < count and time.monotonic() < deadline:
            done += 1
            await call()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return done / (time.perf_counter() - started)


async def measure(url: str, count: int) -> dict[str, dict[int, float]]:
    body = orjson.dumps(CHAT)
    headers = {"Content-Type": "application/json"}
    results: dict[str, dict[int, float]] = {"aiohttp": {}, "httpx": {}}
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256)) as session:

        async def via_aiohttp() -> None:
            async with session.post(url, data=body, headers=headers) as response:
                orjson.loads(await response.read())

        for concurrency in (1, 32):
            results["aiohttp"][concurrency] = await _run(via_aiohttp, count, concurrency)
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=256)) as client:

        async def via_httpx() -> None:
            response = await client.post(url, content=body, headers=headers)
            orjson.loads(response.content)

        for concurrency in (1, 32):
            results["httpx"][concurrency] = await _run(via_httpx, count, concurrency)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    args = parser.parse_args()
    port = free_port()
    import sys

    sim = Service("simulator", [sys.executable, "-m", "dev.simulator", "--port", str(port)], port, "/healthz")
    sim.start(Path(tempfile.mkdtemp()))
    try:
        wait_ready([sim])
        results = asyncio.run(measure(f"http://127.0.0.1:{port}/v1/chat/completions", args.count))
    finally:
        sim.stop()
    print("| client | req/s, 1 in flight | req/s, 32 in flight |")
    print("|---|---|---|")
    for name, by in results.items():
        print(f"| {name} | {by[1]:,.0f} | {by[32]:,.0f} |")


if __name__ == "__main__":
    main()
