"""A bounded closed-loop HTTP load generator (aiohttp): N workers, a request count or a time limit."""

from __future__ import annotations

import asyncio
import os
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import aiohttp


@dataclass
class Result:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    wall_s: float = 0.0
    client_cpu_s: float = 0.0
    headers_seen: dict[str, int] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return len(self.latencies_ms)

    @property
    def rps(self) -> float:
        return self.count / self.wall_s if self.wall_s else 0.0

    def pct(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


async def run(
    url: str,
    headers: dict[str, str],
    body: Callable[[int], bytes],
    concurrency: int,
    count: int | None = None,
    seconds: float | None = None,
    watch_header: str | None = None,
) -> Result:
    """Send POSTs until `count` requests or `seconds` elapse (whichever first); both bound the run."""
    assert count or seconds, "a load must be bounded"
    limit = count or 10**9
    stop_at = time.perf_counter() + (seconds or 3600)
    result = Result()
    issued = 0
    connector = aiohttp.TCPConnector(limit=concurrency, force_close=False)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            nonlocal issued
            while issued < limit and time.perf_counter() < stop_at:
                index = issued
                issued += 1
                start = time.perf_counter()
                try:
                    async with session.post(url, data=body(index), headers=headers) as response:
                        await response.read()
                        status = response.status
                        if watch_header:
                            value = response.headers.get(watch_header, "")
                            result.headers_seen[value] = result.headers_seen.get(value, 0) + 1
                except aiohttp.ClientError:
                    result.errors += 1
                    continue
                result.statuses[status] = result.statuses.get(status, 0) + 1
                if status == 200:
                    result.latencies_ms.append((time.perf_counter() - start) * 1000)
                else:
                    result.errors += 1

        cpu0, t0 = _cpu(), time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        result.wall_s = time.perf_counter() - t0
        result.client_cpu_s = _cpu() - cpu0
    return result


def proc_tree(pid: int) -> list[int]:
    """pid and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, stack = [], [pid]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(children.get(current, []))
    return out


def tree_cpu_s(pid: int) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in proc_tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime + stime
        except (OSError, ValueError, IndexError):
            continue
    return total / ticks


def tree_rss_mb(pid: int) -> float:
    total = 0
    for p in proc_tree(pid):
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024
