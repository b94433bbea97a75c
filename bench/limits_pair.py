"""CPU that quotas + budgets add per request, measured so that the VM's speed phases cancel out.

This VM's CPU speed changes by up to ~1.7x in phases of seconds (bench/README.md, "The floor"),
so two rows measured seconds apart, even alternated ABBA, differ by more than the 0.05 ms asked
about. Here the same ingress serves the tenant without limits and the tenant with them
**alternately, one request each** (AB, then BA, ...), one request at a time, and each request's
CPU is read from the kernel's per-process CPU clocks in nanoseconds (every thread of the ingress's
processes, read once none of them runs): the two requests of a pair
run milliseconds apart, at the same speed. Reported: the median of the per-pair differences (µs),
their mean (the amortized cost: block takes, flushes and collections land in either row), the
median base, and the ratio of the medians (phase-independent).

Run alone: python -m bench.harness --limits-pair
"""

from __future__ import annotations

import http.client
import os
import statistics
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from bench import loadgen

__all__ = ["interleaved"]


def _cpu_ns(pids: list[int]) -> int:
    """CPU time of every thread of `pids` so far, in ns: each process's CPU clock (Linux's
    MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED), what clock_getcpuclockid(3) returns), which includes
    a running thread's current slice."""
    return sum(time.clock_gettime_ns(((~pid) << 3) | 2) for pid in pids)


def _settle(pids: list[int], limit_s: float = 0.05) -> None:
    """Wait (briefly) until no thread of `pids` is running: the request's tail (its log line, the
    response's last write) is then counted with it, not with the next one."""
    deadline = time.perf_counter() + limit_s
    while time.perf_counter() < deadline:
        running = False
        for pid in pids:
            for tid in os.listdir(f"/proc/{pid}/task"):
                try:
                    with open(f"/proc/{pid}/task/{tid}/stat", "rb") as f:
                        running = running or f.read().rsplit(b")", 1)[1].split()[0] == b"R"
                except OSError:
                    continue  # a thread that just ended
        if not running:
            return


def interleaved(
    url: str,
    headers: tuple[dict[str, str], dict[str, str]],
    body: Callable[[int], bytes],
    pid: int,
    pairs: int,
    warm: int = 200,
) -> dict[str, Any]:
    """`headers`: (without limits, with them). Every request must answer 200."""
    pids = loadgen.proc_tree(pid)  # the functions-framework process and its worker
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    path = parts.path + (f"?{parts.query}" if parts.query else "")

    def send(index: int, which: int, strict: bool = True) -> int:
        _settle(pids)
        before = _cpu_ns(pids)
        conn.request("POST", path, body=body(index), headers=headers[which])
        response = conn.getresponse()
        response.read()
        if response.status != 200 and strict:
            raise RuntimeError(f"limits pair: request {index} answered {response.status}")
        _settle(pids)
        return _cpu_ns(pids) - before

    try:
        for index in range(warm):  # first Firestore calls, channels, blocks: may time out on a busy machine
            send(index, index % 2, strict=False)
        base: list[int] = []
        limited: list[int] = []
        for i in range(pairs):
            index = warm + 2 * i
            if i % 2 == 0:
                base.append(send(index, 0))
                limited.append(send(index + 1, 1))
            else:
                limited.append(send(index, 1))
                base.append(send(index + 1, 0))
    finally:
        conn.close()
    diffs_us = [(b - a) / 1000 for a, b in zip(base, limited, strict=True)]
    base_us, limited_us = statistics.median(base) / 1000, statistics.median(limited) / 1000
    return {
        "pairs": pairs,
        "median_diff_us": statistics.median(diffs_us),
        "mean_diff_us": statistics.mean(diffs_us),
        "median_base_us": base_us,
        "median_limits_us": limited_us,
        "ratio": limited_us / base_us,
        "diff_quartiles_us": statistics.quantiles(diffs_us, n=4),
    }
