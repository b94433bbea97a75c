"""User-space instructions per request (valgrind callgrind) and a cProfile of the same requests.

CPU time per request on a shared machine is noise of +-30% (bench/README.md, "The floor");
instruction counts are not. Each scenario starts one worker (bench/worker.py: uvicorn as
functions-framework's worker serves it) under callgrind with instrumentation off, sends a warm-up,
switches counting on (`callgrind_control -i on`), sends N requests, and dumps: the dump's total / N
is the instructions per request, everything the process did for them included (event loop, HTTP,
background flushes). `--profile` runs the worker without valgrind and writes a cProfile of N
requests after the same warm-up instead.

Run: python -m bench.instr [--scenario NAME ...] [--n 300] [--profile] [--keep DIR]
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import orjson

from bench import loadgen
from bench.backends import Backends
from bench.prompts import PROMPT, serial
from dev.stack import (
    Service,
    free_port,
    function_env,
    port_in_use,
)
from shared.limits.config import LimitSettings
from shared.tenants import Tenant

MODEL = "gemini-2.5-flash"
GEN = f"/v1beta/models/{MODEL}:generateContent"
STREAM = f"/v1beta/models/{MODEL}:streamGenerateContent?alt=sse"


def body(text: str, temperature: float) -> bytes:
    return orjson.dumps(
        {
            "contents": [{"role": "user", "parts": [{"text": text}]}],
            "generationConfig": {"temperature": temperature},
        }
    )


def stream_body(i: int) -> bytes:
    """A 4-chunk streamed answer (the simulator streams `{"answer": <prompt>}` one word per chunk)."""
    return orjson.dumps(
        {
            "contents": [{"role": "user", "parts": [{"text": f"stream probe {i} now"}]}],
            "generationConfig": {"temperature": 0.7, "responseMimeType": "application/json"},
        }
    )


# name -> (target, source, path, body(i), extra env)
SCENARIOS: dict[str, tuple[str, str, str, Callable[[int], bytes], dict[str, str]]] = {
    # every compared scenario sends PROMPT and a number unique in the run, six digits in each
    # (bench/prompts.py): alike texts, and no cacheable request repeats another row's or tree's
    "bare": ("bare", "bench/bare_forward.py", GEN, lambda i: body(f"{PROMPT} {serial()}", 0.7), {}),
    "uncacheable": ("ingress", "main.py", GEN, lambda i: body(f"{PROMPT} {serial()}", 0.7), {}),
    # the uncacheable miss with a 19-digit number added (the cacheable rows' prompt until round 8,
    # which the policy's digit detectors scan: +7% instructions in round 7's measurement)
    "uncacheable_ns": (
        "ingress",
        "main.py",
        GEN,
        lambda i: body(f"{PROMPT} {serial()} {time.time_ns()}", 0.7),
        {},
    ),
    "cacheable_miss": ("ingress", "main.py", GEN, lambda i: body(f"{PROMPT} {serial()}", 0), {}),
    # the same miss with L1 only (no L2 read, and for an exact-only tenant no L2 write)
    "cacheable_miss_l1": (
        "ingress",
        "main.py",
        GEN,
        lambda i: body(f"{PROMPT} {serial()}", 0),
        {"GATEHOUSE_CACHE_L2_READ": "false"},
    ),
    "l1_hit": ("ingress", "main.py", GEN, lambda i: body(PROMPT, 0), {}),
    "stream": ("ingress", "main.py", STREAM, lambda i: stream_body(i), {}),
    "bare_stream": ("bare", "bench/bare_forward.py", STREAM.split("?")[0], lambda i: stream_body(i), {}),
    "stream_long": ("ingress", "main.py", STREAM, lambda i: body(f"{PROMPT} {serial()}", 0.7), {}),
}


def _start(
    target: str, source: str, env: dict[str, str], log_dir: Path, valgrind: str | None, tree: str | None
) -> Service:
    """`tree`: serve another checkout's code (e.g. a copy of main, for before/after in one run)."""
    port = free_port()
    argv = [sys.executable, "-m", "bench.worker", target, source, str(port)]
    if tree:
        boot = f"import sys, runpy; sys.path.insert(0, {tree!r}); "
        boot += "runpy.run_module('bench.worker', run_name='__main__')"
        argv = [sys.executable, "-c", boot, target, f"{tree}/{source}", str(port)]
    if valgrind:
        argv = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            "--separate-threads=yes",
            f"--callgrind-out-file={valgrind}",
            *argv,
        ]
    service = Service(f"{target}-instr-{port}", argv, port, None, env=env)
    service.start(log_dir)
    deadline = time.monotonic() + 600
    while not port_in_use(port):
        if service.process is not None and service.process.poll() is not None:
            raise RuntimeError(f"worker exited: {service.log_path}")
        if time.monotonic() > deadline:
            raise RuntimeError("worker did not start")
        time.sleep(0.5)
    return service


def _other_threads_cpu(pid: int) -> float:
    """CPU seconds so far of the process's threads other than the main one (/proc/PID/task)."""
    ticks = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        if task.name == str(pid):
            continue
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended meanwhile
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _settle(pid: int, quiet_s: float = 3.0, timeout_s: float = 900.0) -> float:
    """Wait until the worker's other threads are quiet (under 10% of a core for `quiet_s`): the
    ingress imports the Firestore client library on a worker thread after its first request
    (`GATEHOUSE_CLIENT_WARMUP_DELAY_S`, 0 here), which under valgrind runs for minutes and, counted,
    added ~1.2 M instructions per request to "every thread" of a 300-request L1-hit run (and its
    completion callback, `settle()`, runs on the main thread). Returns the seconds waited."""
    started = time.monotonic()
    before = _other_threads_cpu(pid)
    while time.monotonic() - started < timeout_s:
        time.sleep(quiet_s)
        now = _other_threads_cpu(pid)
        if now - before < 0.1 * quiet_s:
            return time.monotonic() - started
        before = now
    print(f"warning: the worker's other threads were still busy after {timeout_s:.0f} s", flush=True)
    return time.monotonic() - started


def _load(url: str, headers: dict[str, str], make: Callable[[int], bytes], n: int, offset: int) -> None:
    result = asyncio.run(loadgen.run(url, headers, lambda i: make(i + offset), 8, count=n))
    if result.errors or set(result.statuses) != {200}:
        raise RuntimeError(f"requests failed: {result.statuses} errors={result.errors}")


def _total(path_prefix: str) -> tuple[int, int]:
    """Instructions in the dumps callgrind wrote after counting was switched on: (every thread, the
    main thread). The other threads are grpc's (the limits store's client): under valgrind they
    run ~100x longer than the requests would, so what they count grows with the run's wall time."""
    total = main = 0
    for path in glob.glob(path_prefix + "*"):
        text = Path(path).read_text(errors="replace")
        match = re.search(r"^(?:summary|totals):\s+(\d+)", text, re.M)
        if match and re.search(r"^part:\s*1$", text, re.M):
            total += int(match.group(1))
            if re.search(r"^thread:\s*1$", text, re.M):
                main = int(match.group(1))
    return total, main


def _collector(path_prefix: str, part: int = 1) -> int:
    """Instructions spent inside CPython's cyclic garbage collector (gc_collect_main, inclusive) in
    the counted dumps. A full collection traverses every unfrozen container (~20-50 M instructions
    here) and comes every few hundred requests, so it lands in a 400-request window or not: the
    largest single source of run-to-run noise in a per-request difference."""
    total = 0
    for path in glob.glob(path_prefix + "*"):
        if not re.search(rf"^part:\s*{part}$", Path(path).read_text(errors="replace"), re.M):
            continue
        run = subprocess.run(
            ["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
            capture_output=True,
            text=True,
            check=False,
        )
        counts = [
            int(m.group(1).replace(",", ""))
            for m in re.finditer(r"^\s*([\d,]+) \(.*gcmodule\.c:gc_collect_main \[", run.stdout, re.M)
        ]
        total += max(counts, default=0)
    return total


def _parts(path_prefix: str) -> dict[int, tuple[int, int]]:
    """Per dump (callgrind's "part"): (every thread, the main thread) instructions."""
    parts: dict[int, list[int]] = {}
    for path in glob.glob(path_prefix + "*"):
        text = Path(path).read_text(errors="replace")
        total = re.search(r"^(?:summary|totals):\s+(\d+)", text, re.M)
        part = re.search(r"^part:\s*(\d+)$", text, re.M)
        if total and part:
            row = parts.setdefault(int(part.group(1)), [0, 0])
            row[0] += int(total.group(1))
            if re.search(r"^thread:\s*1$", text, re.M):
                row[1] = int(total.group(1))
    return {part: (row[0], row[1]) for part, row in parts.items()}


def measure_pair(
    name: str, env: dict[str, str], keys: list[str], n: int, warm: int, rounds: int, log_dir: Path,
    tree: str | None = None,
) -> list[list[tuple[float, float, float]]]:  # fmt: skip
    """The same worker process alternately serving two tenants (`keys`: without limits, with them),
    `rounds` rounds of `n` requests per tenant, ABBA: instructions per request (every thread, the main
    thread, the garbage collector) per segment, `[tenant][round]`. One process for both tenants, so
    the two rows share the heap, the hash seed, every cache and the garbage collector's state: what
    separate processes differ by besides the limits (tens of thousands of instructions per request)."""
    target, source, path, make, extra = SCENARIOS[name]
    out = str(log_dir / f"callgrind.{name}.pair{'.' + Path(tree).name if tree else ''}.out")
    for stale in glob.glob(out + "*"):
        os.unlink(stale)
    service = _start(target, source, {**env, **extra}, log_dir, out, tree)
    assert service.process is not None
    url = f"http://127.0.0.1:{service.port}{path}"
    pid = str(service.process.pid)

    def dump() -> int:
        subprocess.run(["callgrind_control", "-d", pid], check=True, capture_output=True)
        dumps.append(0)
        return len(dumps)  # callgrind numbers its dumps ("parts") from 1

    dumps: list[int] = []
    segments: list[tuple[int, int, int]] = []  # (tenant, round, part)
    offset = 0
    try:
        for key in keys:
            _load(url, {"x-goog-api-key": key, "content-type": "application/json"}, make, warm, offset)
            offset += warm
        _settle(service.process.pid)
        subprocess.run(["callgrind_control", "-i", "on", pid], check=True, capture_output=True)
        for r in range(rounds):
            for tenant in (0, 1) if r % 2 == 0 else (1, 0):
                dump()  # the gap before the segment: not counted
                headers = {"x-goog-api-key": keys[tenant], "content-type": "application/json"}
                _load(url, headers, make, n, offset)
                offset += n
                segments.append((tenant, r, dump()))
        time.sleep(1.0)
        parts = _parts(out)
        result: list[list[tuple[float, float, float]]] = [[(0.0, 0.0, 0.0)] * rounds for _ in keys]
        for tenant, r, part in segments:
            total, main = parts[part]
            result[tenant][r] = (total / n, main / n, _collector(f"{out}.{part}-", part) / n)
        return result
    finally:
        service.stop(timeout=60)


def measure(
    name: str,
    env: dict[str, str],
    key: str,
    n: int,
    warm: int,
    log_dir: Path,
    profile: Path | None,
    tree: str | None = None,
    suffix: str = "",
) -> tuple[float, float, float]:
    """Instructions per request: (every thread, the main thread, the garbage collector's part);
    zeros with `profile`."""
    target, source, path, make, extra = SCENARIOS[name]
    label = (f"{name}.{Path(tree).name}" if tree else name) + suffix
    out = str(log_dir / f"callgrind.{label}.out")
    for stale in glob.glob(out + "*"):
        os.unlink(stale)
    run_env = {**env, **extra}
    if target == "bare":
        run_env["BARE_API_KEY"] = key
    if profile is not None:
        run_env["BENCH_PROFILE_OUT"] = str(profile / f"{label}.prof")
    service = _start(target, source, run_env, log_dir, None if profile else out, tree)
    assert service.process is not None
    url = f"http://127.0.0.1:{service.port}{path}"
    headers = {"x-goog-api-key": key, "content-type": "application/json"}
    try:
        _load(url, headers, make, warm, 0)
        _settle(service.process.pid)
        if profile is not None:
            os.kill(service.process.pid, signal.SIGUSR1)
            time.sleep(0.2)
            _load(url, headers, make, n, warm)
            os.kill(service.process.pid, signal.SIGUSR2)
            time.sleep(1.0)
            return 0.0, 0.0, 0.0
        pid = str(service.process.pid)
        subprocess.run(["callgrind_control", "-i", "on", pid], check=True, capture_output=True)
        _load(url, headers, make, n, warm)
        subprocess.run(["callgrind_control", "-d", pid], check=True, capture_output=True)
        time.sleep(1.0)
        total, main = _total(out)
        return total / n, main / n, _collector(out) / n
    finally:
        service.stop(timeout=60)


def _report_pair(name: str, tree: str | None, rows: list[list[tuple[float, float, float]]]) -> None:
    where = tree or "this tree"
    for label, segments in (("without limits", rows[0]), ("limits on", rows[1])):
        text = ", ".join(f"{t:,.0f} (main {m:,.0f}, collector {gc:,.0f})" for t, m, gc in segments)
        print(f"{name} [{where}, {label}], per round: {text}", flush=True)
    diffs = [(b[0] - a[0], b[1] - a[1], (b[0] - b[2]) - (a[0] - a[2])) for a, b in zip(*rows, strict=True)]
    for what, index in (("every thread", 0), ("main thread", 1), ("without the garbage collector", 2)):
        values = [d[index] for d in diffs]
        print(f"{name} [{where}]: limits add, {what}: median {statistics.median(values):+,.0f}, "
              f"mean {statistics.mean(values):+,.0f} instructions/request (rounds: "
              f"{', '.join(f'{v:+,.0f}' for v in values)})", flush=True)  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", action="append", choices=sorted(SCENARIOS))
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--warm", type=int, default=150)
    parser.add_argument("--profile", action="store_true", help="cProfile (no valgrind); writes DIR/NAME.prof")
    parser.add_argument("--keep", default=None, help="directory for logs, dumps and profiles")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the worker")
    parser.add_argument("--policy-off", action="store_true", help="the tenant's policy profile off")
    parser.add_argument(
        "--limits", action="store_true", help="the tenant has the quotas and budgets of the limits row"
    )
    parser.add_argument(
        "--limits-pair",
        action="store_true",
        help="each run twice in a row, the tenant without and with the limits row's quotas and budgets "
        "(two tenants, one seeding): the limits' delta at the same machine load",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=0,
        help="with --limits-pair: one worker serving both tenants, ROUNDS rounds of N requests each, "
        "alternating (ABBA); 0: a worker per tenant, one after the other",
    )
    parser.add_argument(
        "--tree", action="append", default=[], help="also measure this checkout (e.g. a copy of main)"
    )
    args = parser.parse_args()
    log_dir = Path(args.keep or tempfile.mkdtemp(prefix="gatehouse-instr-"))
    log_dir.mkdir(parents=True, exist_ok=True)
    stack = Backends.free()
    try:
        stack.start(log_dir)

        def seed(limits: bool, tenant_id: str = "bench") -> str:
            tenant = Tenant(id=tenant_id)
            if args.policy_off:  # what the policy stage costs: the same requests without it
                tenant = Tenant(id=tenant_id, policy={"profile": "off", "injection_action": "off"})
            if limits:  # what quotas and budgets cost: make bench's limits row, per request
                from bench.harness import BENCH_LIMITS

                tenant = tenant.model_copy(update={"limits": LimitSettings.model_validate(BENCH_LIMITS)})
            return stack.seed(tenant)

        # (label suffix, API key): without limits, then with them, when comparing
        if args.limits_pair:
            keys = [("", seed(False)), (".limits", seed(True, "bench-limits"))]
        else:
            keys = [("", seed(args.limits))]
        extra = dict(item.split("=", 1) for item in args.env)
        # background flushes run on timers; under valgrind a run lasts minutes, so they would be
        # charged to the requests far more often than at real speed: at most once per run here
        env = function_env(
            stack.ports,
            {
                "GATEHOUSE_LOG_LEVEL": "INFO",
                "GATEHOUSE_USAGE_FLUSH_INTERVAL_S": "3600",
                "GATEHOUSE_KEY_USE_FLUSH_S": "300",
                # the client library's background import starts at the first request, and the
                # counting waits for it to end (`_settle`)
                "GATEHOUSE_CLIENT_WARMUP_DELAY_S": "0",
                **extra,
            },
        )
        for name in args.scenario or ["bare", "uncacheable"]:
            if args.limits_pair and args.rounds and not args.profile:
                for tree in [*args.tree, None]:
                    _report_pair(name, tree, measure_pair(
                        name, env, [key for _, key in keys], args.n, args.warm, args.rounds, log_dir, tree
                    ))  # fmt: skip
                continue
            for tree in [*args.tree, None]:
                counted: list[tuple[float, float, float]] = []
                for suffix, tenant_key in keys:
                    started = time.monotonic()
                    profile = Path(log_dir) if args.profile else None
                    per, main, collector = measure(
                        name, env, tenant_key, args.n, args.warm, log_dir, profile, tree, suffix
                    )
                    counted.append((per, main, collector))
                    what = (
                        "profile written"
                        if args.profile
                        else f"{per:,.0f} instructions/request (main thread {main:,.0f}; "
                        f"garbage collector {collector:,.0f})"
                    )
                    where = (tree or "this tree") + (", limits on" if suffix else "")
                    print(f"{name} [{where}]: {what} ({time.monotonic() - started:.0f} s)", flush=True)
                if len(counted) == 2 and not args.profile:
                    (per0, main0, gc0), (per1, main1, gc1) = counted
                    print(f"{name} [{tree or 'this tree'}]: limits add {per1 - per0:+,.0f} instructions/"
                          f"request (main thread {main1 - main0:+,.0f}; without the garbage collector "
                          f"{(per1 - gc1) - (per0 - gc0):+,.0f}, the collector {gc1 - gc0:+,.0f})",
                          flush=True)  # fmt: skip
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
