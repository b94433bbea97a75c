"""Saturation throughput with wrk: how many requests/s one pinned core of the server really serves.

The Python load generator (bench/loadgen.py) measures latency well, but it cannot drive a server to
saturation while sharing a core with the simulator. wrk (C, one thread, pinned to the other core)
can: the server's req/s at ~100% of its core is its capacity, and CPU ms/req measured there is not
inflated by an idle event loop's per-wakeup cost. `make bench` installs wrk (Debian package) when it
can; without it the saturation table is skipped and says so.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import signal
import string
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench import loadgen

__all__ = ["MARK", "Saturation", "available", "saturate"]

MARK = "@@N@@"  # a body containing it gets a unique number there for every request

_LUA = """
wrk.method = "POST"
{headers}
local prefix = [==[{prefix}]==]
local suffix = [==[{suffix}]==]
local nonce = "{nonce}"
local n = 0
{body}
"""
_CONSTANT = "wrk.body = prefix\n"
_VARYING = """request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, prefix .. nonce .. "-" .. n .. suffix)
end
"""
_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class Saturation:
    requests: int
    seconds: float
    non_2xx: int
    socket_errors: int
    latency_avg_ms: float
    latency_max_ms: float
    server_cpu_s: float  # CPU of the server's process tree during the run
    core_busy_s: float = float("nan")  # all non-idle time of the server's core (/proc/stat), any process
    core_steal_s: float = float("nan")  # time the hypervisor took from the server's core
    upstream_cpu_s: float = float("nan")  # CPU of the simulator's process tree during the run

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def server_util(self) -> float:
        """Fraction of one core the server used: ~1.0 means it, not the upstream, was the limit."""
        return self.server_cpu_s / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms_per_req(self) -> float:
        return 1000 * self.server_cpu_s / self.requests if self.requests else float("nan")

    @property
    def others_share(self) -> float:
        """Fraction of the server's core used by anything else (other processes, steal): ~0 when clean."""
        return max(0.0, self.core_busy_s - self.server_cpu_s) / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict[str, float]:
        return {
            "others_share": self.others_share,
            "steal_share": self.core_steal_s / self.seconds if self.seconds else float("nan"),
            "upstream_util": self.upstream_cpu_s / self.seconds if self.seconds else float("nan"),
            "rps": self.rps,
            "server_util": self.server_util,
            "cpu_ms_per_req": self.cpu_ms_per_req,
            "rps_per_core": 1000 / self.cpu_ms_per_req if self.requests else float("nan"),
            "errors": self.non_2xx + self.socket_errors,
            "latency_avg_ms": self.latency_avg_ms,
            "latency_max_ms": self.latency_max_ms,
        }


def available() -> bool:
    return shutil.which("wrk") is not None and shutil.which("taskset") is not None


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
    return float(number) * _UNITS[unit]


def _nonce() -> str:
    """Eight random lower-case letters: unique per run (one emulator's L2 must not hit an earlier
    run's entries) and never a run of digits. A hex nonce was all digits in 2.3% of runs ((10/16)**8),
    and then "12345678-17" gave the policy's digit detectors (phones, IDs) more to scan in that row
    than in the others (bench/prompts.py: compared rows send alike prompts)."""
    return "".join(secrets.choice(string.ascii_lowercase) for _ in range(8))


def _script(headers: dict[str, str], body: bytes) -> str:
    text = body.decode()
    prefix, _, suffix = text.partition(MARK)
    lines = "\n".join(f'wrk.headers["{k}"] = "{v}"' for k, v in headers.items())
    return _LUA.format(
        headers=lines,
        prefix=prefix,
        suffix=suffix,
        nonce=_nonce(),
        body=_VARYING if MARK in text else _CONSTANT,
    )


def core_times_s(core: int) -> tuple[float, float]:
    """(busy, steal) seconds of one CPU since boot, from /proc/stat (busy includes steal)."""
    with open("/proc/stat") as f:
        for line in f:
            if line.startswith(f"cpu{core} "):
                user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in line.split()[1:9])
                ticks = os.sysconf("SC_CLK_TCK")
                return (user + nice + system + irq + softirq + steal) / ticks, steal / ticks
    return float("nan"), float("nan")


@contextlib.contextmanager
def paused(pids: Sequence[int]) -> Iterator[None]:
    """SIGSTOP these process groups for the duration (the measured server alone on its core)."""
    stopped = []
    try:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGSTOP)
                stopped.append(pid)
        yield
    finally:
        for pid in stopped:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGCONT)


def saturate(
    url: str, headers: dict[str, str], body: bytes, server_pid: int, *, seconds: int, connections: int = 32,
    core: int = 1, server_core: int = 0, upstream_pid: int | None = None, pause: Sequence[int] = (),
) -> Saturation:  # fmt: skip
    """Run wrk (one thread, pinned to `core`) against `url` for `seconds`; `body` may contain MARK.

    `pause`: process groups stopped during the run (the other servers pinned to `server_core`), so the
    server is alone on its core as in the floor's reference setup; `upstream_pid`: the simulator, whose
    CPU is reported (on the load generator's core it can become the limit)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(_script(headers, body))
    try:
        with paused(pause):
            cpu0 = loadgen.tree_cpu_s(server_pid)
            up0 = loadgen.tree_cpu_s(upstream_pid) if upstream_pid else float("nan")
            busy0, steal0 = core_times_s(server_core)
            out = subprocess.run(  # wrk against a loopback URL only
                ["taskset", "-c", str(core), "wrk", "-t1", f"-c{connections}", f"-d{seconds}s",
                 "--timeout", "10s", "-s", f.name, url],
                capture_output=True, text=True, timeout=seconds + 30, check=True,
            ).stdout  # fmt: skip
            cpu = loadgen.tree_cpu_s(server_pid) - cpu0
            busy1, steal1 = core_times_s(server_core)
            upstream = loadgen.tree_cpu_s(upstream_pid) - up0 if upstream_pid else float("nan")
    finally:
        Path(f.name).unlink(missing_ok=True)
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s)", out)
    latency = re.search(r"Latency\s+(\S+)\s+\S+\s+(\S+)", out)
    if total is None or latency is None:
        raise RuntimeError(f"unexpected wrk output:\n{out}")
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return Saturation(
        requests=int(total.group(1)),
        seconds=_ms(total.group(2) + total.group(3)) / 1000,  # wrk's own clock for the rate
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(x) for x in sock.groups()) if sock else 0,
        latency_avg_ms=_ms(latency.group(1)),
        latency_max_ms=_ms(latency.group(2)),
        server_cpu_s=cpu,
        core_busy_s=busy1 - busy0,
        core_steal_s=steal1 - steal0,
        upstream_cpu_s=upstream,
    )
