"""Firestore outage is not a Gatehouse outage: freeze (SIGSTOP) and kill the store under load.

A private ingress (1 s key cache, so the outage outlives it at once) reaches the session's
Firestore emulator through a loopback TCP proxy. Freezing is a real SIGSTOP of the emulator (a
few seconds; its data survives); killing is the proxy cutting every connection and refusing new
ones, which is what a dead emulator looks like to a client, without losing the session's data
(`make bench-chaos` kills a real emulator). Load is bounded (4 in flight, a few seconds per
phase). Known keys must keep working (>= 99%, p99 bounded) from the last good record, and a
never-seen key must get 503 UNAVAILABLE within 1 s, whatever its `X-Server-Timeout`.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import signal
import time
from collections.abc import Iterator
from typing import Any

import aiohttp
import pytest

from dev.stack import Service, free_port, function_env, function_service, wait_ready
from shared.tenants import Tenant
from tests.integration.tcpproxy import TcpProxy

pytestmark = pytest.mark.integration

BODY = {"contents": [{"role": "user", "parts": [{"text": "outage please"}]}]}
PHASE_S = 4.0
IN_FLIGHT = 4


@dataclasses.dataclass
class Outage:
    firestore: Service
    proxy: TcpProxy
    ingress: str
    key: str


@pytest.fixture(scope="module")
def outage(stack: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Outage]:
    proxy = TcpProxy(stack.ports.firestore).start()
    ports = dataclasses.replace(stack.ports, firestore=proxy.port, functions={"ingress": free_port()})
    env = function_env(
        ports,
        {
            "GATEHOUSE_AUTH_CACHE_TTL_S": "1",
            "GATEHOUSE_CACHE_STORE_TIMEOUT_S": "0.25",
            "GATEHOUSE_USAGE_FLUSH_INTERVAL_S": "1",
        },
    )
    ingress = function_service("ingress", ports.functions["ingress"], env)
    try:
        key = stack.add_tenant(Tenant(id="outage"))
        ingress.start(tmp_path_factory.mktemp("outage-logs"))
        wait_ready([ingress])
        yield Outage(stack.service("firestore"), proxy, f"http://127.0.0.1:{ports.functions['ingress']}", key)
    finally:
        ingress.kill()
        proxy.close()


async def _load(base: str, key: str, seconds: float) -> tuple[list[int], list[float]]:
    url = f"{base}/v1beta/models/gemini-2.5-flash:generateContent"
    headers = {"x-goog-api-key": key, "x-gatehouse-cache": "bypass", "x-server-timeout": "5"}
    statuses: list[int] = []
    latencies: list[float] = []
    end = time.monotonic() + seconds
    timeout = aiohttp.ClientTimeout(total=10)
    async with aiohttp.ClientSession(timeout=timeout) as session:

        async def worker() -> None:
            while time.monotonic() < end and len(statuses) < 2000:
                started = time.monotonic()
                try:
                    async with session.post(url, json=BODY, headers=headers) as response:
                        await response.read()
                        statuses.append(response.status)
                except (aiohttp.ClientError, TimeoutError):
                    statuses.append(0)
                latencies.append(time.monotonic() - started)

        await asyncio.gather(*(worker() for _ in range(IN_FLIGHT)))
    return statuses, latencies


async def _unknown_key(base: str) -> tuple[int, float, str]:
    url = f"{base}/v1beta/models/gemini-2.5-flash:generateContent"
    headers = {"x-goog-api-key": "ghk_never_seen_before", "x-server-timeout": "5"}
    started = time.monotonic()
    async with (
        aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session,
        session.post(url, json=BODY, headers=headers) as response,
    ):
        text = await response.text()
        return response.status, time.monotonic() - started, text


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def _assert_served(statuses: list[int], latencies: list[float], phase: str) -> None:
    ok = sum(1 for s in statuses if s == 200)
    assert statuses, phase
    assert ok / len(statuses) >= 0.99, f"{phase}: {ok}/{len(statuses)} ok; statuses {sorted(set(statuses))}"
    assert _p99(latencies) < 2.0, f"{phase}: p99 {_p99(latencies):.2f}s"


def _signal(service: Service, sig: signal.Signals) -> None:
    assert service.process is not None
    os.killpg(service.process.pid, sig)


def test_known_keys_survive_a_frozen_then_killed_store(outage: Outage) -> None:
    statuses, _ = asyncio.run(_load(outage.ingress, outage.key, 0.5))  # warm: the key's last good record
    assert statuses
    assert all(s == 200 for s in statuses), statuses

    _signal(outage.firestore, signal.SIGSTOP)
    try:
        time.sleep(1.1)  # the key cache expired: every read now meets the frozen store
        statuses, latencies = asyncio.run(_load(outage.ingress, outage.key, PHASE_S))
        status, took, text = asyncio.run(_unknown_key(outage.ingress))
    finally:
        _signal(outage.firestore, signal.SIGCONT)
    _assert_served(statuses, latencies, "frozen")
    assert status == 503, text
    assert "UNAVAILABLE" in text
    assert took < 1.0, took

    outage.proxy.kill()
    time.sleep(1.1)
    statuses, latencies = asyncio.run(_load(outage.ingress, outage.key, PHASE_S))
    status, took, text = asyncio.run(_unknown_key(outage.ingress))
    _assert_served(statuses, latencies, "killed")
    assert status == 503, text
    assert "UNAVAILABLE" in text
    assert took < 1.0, took
