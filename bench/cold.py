"""Ingress cold start: process start to the first authenticated 200, three ways.

- wall: the deployed command (functions-framework, gunicorn + one uvicorn worker), bytecode compiled
  as the buildpack compiles it, pinned to one core; median of --runs.
- instructions: the worker (bench/worker.py) under callgrind from its first instruction to the end
  of the first 200 (deterministic where wall time on a shared machine is not).
- imports: `python -X importtime` of the same worker up to its first 200 (--importtime FILE).

Run: python -m bench.cold [--runs 5] [--instructions] [--importtime FILE] [--alternate NAME=VALUE]
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import orjson

from bench.backends import Backends
from dev.stack import ROOT, Service, free_port, function_env, function_service
from shared.tenants import Tenant

GEN = "/v1beta/models/gemini-2.5-flash:generateContent"


def first_200(port: int, key: str, started: float, limit_s: float = 600, timeout_s: float = 600) -> float:
    """Seconds from `started` to the first 200 on an authenticated generateContent (polls every 5 ms)."""
    body = orjson.dumps({"contents": [{"role": "user", "parts": [{"text": "cold start probe"}]}]})
    while True:
        try:
            request = urllib.request.Request(  # loopback only
                f"http://127.0.0.1:{port}{GEN}", data=body, headers={"x-goog-api-key": key}
            )
            with urllib.request.urlopen(request, timeout=timeout_s) as response:  # noqa: S310
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            pass
        if time.perf_counter() - started > limit_s:
            raise RuntimeError("no 200 in time")
        time.sleep(0.005)


def wall(env: dict[str, str], key: str, log_dir: Path) -> float:
    port = free_port()
    service = function_service("ingress", port, env)
    service.argv = ["taskset", "-c", "0", *service.argv]
    started = time.perf_counter()
    service.start(log_dir)
    try:
        return first_200(port, key, started)
    finally:
        service.stop()


def worker(env: dict[str, str], key: str, log_dir: Path, prefix: list[str], name: str) -> Service:
    port = free_port()
    argv = [*prefix, sys.executable, *(["-X", "importtime"] if name == "importtime" else []),
            "-m", "bench.worker", "ingress", "main.py", str(port)]  # fmt: skip
    service = Service(f"cold-{name}", argv, port, None, env=env)
    started = time.perf_counter()
    service.start(log_dir)
    first_200(port, key, started)
    return service


def instructions(env: dict[str, str], key: str, log_dir: Path, index: int) -> tuple[int, str]:
    """The worker's main-thread instructions from its start to the end of its first 200 (callgrind)."""
    out = str(log_dir / f"callgrind.cold{index or ''}.out")
    # the main thread only: grpc's poller threads spin for as long as the (slowed) run lasts
    valgrind = ["valgrind", "--tool=callgrind", "--separate-threads=yes", f"--callgrind-out-file={out}"]
    # the warm-up thread's 1-s delay is wall time: under valgrind (~50x slower) it would elapse
    # inside the first request and its Firestore import would overlap it, which it does not in
    # a real run; the main thread's count then also depended on when it started (±0.3 G)
    slow_env = {"GATEHOUSE_CLIENT_WARMUP_DELAY_S": "600", **env}
    service = worker(slow_env, key, log_dir, valgrind, "callgrind")
    assert service.process is not None
    subprocess.run(["callgrind_control", "-d", str(service.process.pid)], check=True, capture_output=True)
    time.sleep(1)
    service.stop(timeout=120)
    total = 0
    for path in glob.glob(out + "*"):
        text = Path(path).read_text(errors="replace")
        match = re.search(r"^(?:summary|totals):\s+(\d+)", text, re.M)
        main_thread = re.search(r"^thread:\s*1$", text, re.M)
        if match and main_thread and re.search(r"^part:\s*1$", text, re.M):
            total = int(match.group(1))
    return total, str(log_dir)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--importtime", default=None)
    parser.add_argument("--profile", default=None, help="write a cProfile of the cold start here")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the ingress")
    parser.add_argument(
        "--alternate",
        action="append",
        default=[],
        help="NAME=VALUE: wall and instructions with and without it, the wall runs interleaved (AB BA ...)",
    )
    args = parser.parse_args()
    log_dir = Path(tempfile.mkdtemp(prefix="gatehouse-cold-"))
    subprocess.run([sys.executable, "-m", "compileall", "-q", "main.py", "functions", "shared", "bench"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    stack = Backends.free()
    try:
        stack.start(log_dir)
        key = stack.seed(Tenant(id="cold"))
        extra = dict(item.split("=", 1) for item in args.env)
        env = function_env(stack.ports, {"GATEHOUSE_LOG_LEVEL": "WARNING", **extra})
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        variants = {"": env}
        if args.alternate:  # interleaved, so both fall in the same phases of the machine's speed
            variants[" ".join(args.alternate)] = {
                **env,
                **dict(item.split("=", 1) for item in args.alternate),
            }
        runs: dict[str, list[float]] = {name: [] for name in variants}
        for i in range(args.runs):
            names = list(variants) if i % 2 == 0 else list(variants)[::-1]
            for name in names:
                runs[name].append(wall(variants[name], key, log_dir))
        for name, times in runs.items():
            if times:
                print(f"wall{' with ' + name if name else ''}: median {statistics.median(times):.3f} s over "
                      f"{len(times)}: " + ", ".join(f"{r:.3f}" for r in times), flush=True)  # fmt: skip
        if args.importtime:
            service = worker(env, key, log_dir, [], "importtime")
            service.stop()
            assert service.log_path is not None
            lines = [
                line for line in service.log_path.read_text().splitlines() if line.startswith("import time:")
            ]
            Path(args.importtime).write_text("\n".join(lines) + "\n")
            print(f"importtime: {args.importtime} ({len(lines)} modules)", flush=True)
        if args.profile:  # cProfile (CPU time) from the worker's start to the end of its first 200
            prof_env = {**env, "BENCH_PROFILE_FROM_START": "1", "BENCH_PROFILE_OUT": args.profile}
            service = worker(prof_env, key, log_dir, [], "cprofile")
            assert service.process is not None
            os.kill(service.process.pid, signal.SIGUSR2)
            time.sleep(2)
            service.stop()
            print(f"profile: {args.profile}", flush=True)
        if args.instructions:
            for index, (name, variant) in enumerate(variants.items()):
                total, dump = instructions(variant, key, log_dir, index)
                print(
                    f"instructions to the first 200 (main thread){' with ' + name if name else ''}: "
                    f"{total / 1e9:.3f} G (dump {dump})",
                    flush=True,
                )
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
