"""The request's fixed cost outside the pipeline, in instructions (callgrind): the response headers and
the request log line as an L1 hit writes them (`Gateway._finish`), in one process, N against 0 calls.

`python -m bench.log_cost [--what finish|log|headers] [--n 2000] [--tree DIR ...]`

The exchange is the one `bench.instr --scenario l1_hit` logs (the same fields and values: the repeat
stage's attrs, the five timing spans, the bench client's headers), built directly, so the number is
the line's and the headers' own cost without the framework or the event loop around them. Logging
goes through `configure_logging` to /dev/null, as the ingress configures it (the JSON handler only).
Without valgrind (`--cpu`) it prints thread CPU per call instead (noisy on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

GEN = "/v1beta/models/gemini-2.5-flash:generateContent"


def _exchange() -> tuple[object, object]:
    from shared.gateway import Exchange
    from shared.http import HttpRequest, HttpResponse
    from shared.log import LogContext, set_context
    from shared.pipeline import Call, Outcome
    from shared.tenants import Tenant
    from shared.timing import Timings

    headers = {
        "host": "127.0.0.1:8080",
        "x-goog-api-key": "ghk_" + "x" * 32,
        "content-type": "application/json",
        "user-agent": "Python/3.11 aiohttp/3.14.5",
        "accept": "*/*",
        "accept-encoding": "gzip, deflate",
        "content-length": "180",
    }
    request = HttpRequest("POST", GEN, headers, {}, b"{}", "127.0.0.1")
    request_id = os.urandom(16).hex()
    timings = Timings()
    for name, ms in (("auth", 0.73), ("policy", 0.294), ("cache", 0.302)):
        timings.add(name, ms)
    ex = Exchange(request, request_id, timings, LogContext(request_id, None, None, "bench"))
    set_context(ex.log)
    call = Call(request_id, Tenant(id="bench"), "gemini", "gemini-2.5-flash", {}, False, 0.0, timings=timings)
    call.attrs.update(
        {
            "_api_key_id": "k" * 16,
            "cache_layer": "l1",
            "cache_saved": {"tokens": 317, "usd": 0.0006429000000000001},
            "served_model": "gemini-2.5-flash",
            "tokens": {"prompt": 68, "cached": 0, "candidates": 83, "thoughts": 166, "total": 317},
            "cost": {"usd": 0.0, "price_version": "2025-09-30", "tier": 0, "saved_usd": 0.0006429},
            "ledger": {"day": "2026-12-01", "hit": True, "layer": "l1"},
        }
    )
    ex.call = call
    ex.outcome = Outcome(response={}, cache="hit")
    return ex, HttpResponse


def child(what: str, n: int, timed: bool) -> None:
    from shared.gateway import Gateway
    from shared.log import configure_logging

    configure_logging("INFO", open(os.devnull, "w"))  # noqa: SIM115  # lives as long as the process
    ex, response_type = _exchange()
    gateway = Gateway.__new__(Gateway)  # `_finish` and `_log` read nothing of the instance

    if what == "headers":  # `_finish` with the request log switched off: the headers' part alone
        gateway._log = lambda *_a, **_k: None  # type: ignore[method-assign]

    def one() -> None:
        if what == "log":
            gateway._log(ex, 200)  # type: ignore[arg-type]
        else:
            gateway._finish(ex, response_type(200, b"{}"))  # type: ignore[arg-type, operator]

    for _ in range(200):  # warm-up: memos filled, every first-use import done
        one()
    start = time.thread_time_ns()
    for _ in range(n):
        one()
    if timed:
        print((time.thread_time_ns() - start) / max(n, 1) / 1000.0)


def callgrind(tree: Path, what: str, n: int) -> float:
    from bench.callgrind import per_call  # the parent's only: the child runs the measured tree's code

    return per_call(tree, lambda reps: ["-m", "bench.log_cost", "--child", what, str(reps)], n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tree", action="append", help="code trees to compare (default: this one)")
    parser.add_argument("--what", action="append", choices=("finish", "log", "headers"))
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--cpu", action="store_true", help="thread CPU per call instead of instructions")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.cpu)
        return
    trees = [Path(t).resolve() for t in args.tree or [Path.cwd()]]
    for what in args.what or ["finish", "log", "headers"]:
        for tree in trees:
            if args.cpu:
                env = {**os.environ, "PYTHONPATH": str(tree)}
                cmd = [sys.executable, "-m", "bench.log_cost", "--child", what, str(args.n), "--cpu"]
                run = subprocess.run(cmd, env=env, cwd=tree, check=True, capture_output=True, text=True)
                print(f"{what} [{tree}]: {float(run.stdout):.2f} us per call (thread CPU)")
            else:
                print(f"{what} [{tree}]: {callgrind(tree, what, args.n):,.0f} instructions per call")


if __name__ == "__main__":
    main()
