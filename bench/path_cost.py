"""The uncacheable miss's request path outside the framework, the policy stage and the wire, in
instructions (callgrind): `Gateway.handle` in one process, N calls against 0.

`python -m bench.path_cost [--n 2000] [--tree DIR ...] [--cpu]` (a tree is measured with this file and
that tree's code, so a tree from before this tool is measured too)

What runs: the Gemini surface's generate (request id, deadline, auth against in-memory stores, the
body's read and validation, building the call), the pipeline with the stages an uncacheable miss
passes through outside policy (limits with no limits set, accounting with a usage aggregator), the
resilient terminal (router, breaker, latency, attempt bookkeeping), a provider that returns a parsed
answer (no HTTP: the aiohttp hop is the bare forward's too, `bench.instr` counts it), and the
response headers and the request log line (`configure_logging` to /dev/null), on uvloop as the
worker serves. The request is
`bench.instr`'s uncacheable body. So the number is Gatehouse's own Python on that path, without the
noise of the event loop's I/O, the framework or the policy stage (which other tools measure).
Without valgrind (`--cpu`) it prints thread CPU per call instead (noisy on a shared machine).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

GEN = "/v1beta/models/gemini-2.5-flash:generateContent"
KEY = "ghk_" + "x" * 32
ANSWER = (
    b'{"candidates":[{"content":{"role":"model","parts":[{"text":"The customer moved house and the '
    b'statements still go to the old address. Next: confirm the new address and reissue."}]},'
    b'"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":68,"candidatesTokenCount":83,'
    b'"thoughtsTokenCount":166,"totalTokenCount":317},"modelVersion":"gemini-2.5-flash"}'
)


class _Sink:
    """A usage ledger that keeps nothing (the aggregator's flush is never due in the run)."""

    async def add(self, deltas: Any) -> None:
        return None


class _Provider:
    """Answers every generate with `ANSWER`, parsed per call as the Vertex provider parses its read,
    after one suspension (a real call suspends at least once, and each resume passes every coroutine
    level between the task and the provider)."""

    name = "vertex"

    async def generate(self, target: Any, body: Any, *, timeout: float | None) -> Any:
        import asyncio

        import orjson

        orjson.dumps(body)  # what the provider sends
        await asyncio.sleep(0)  # the wait for the answer: the task suspends, and resumes through the chain
        return orjson.loads(ANSWER)


def _gateway() -> Any:
    from shared.auth import Authenticator
    from shared.catalog.catalog import ModelCatalog
    from shared.cost.prices import PriceTable
    from shared.gateway import Gateway, GatewayConfig
    from shared.limits.stage import LimitsStage
    from shared.pipeline import Pipeline
    from shared.resilience.breaker import BreakerConfig, Breakers
    from shared.resilience.retry import RetryConfig
    from shared.resilience.terminal import ResilientUpstream
    from shared.routing.router import PlanRouter
    from shared.tenants import ApiKeyRecord, Tenant, hash_api_key
    from shared.usage.accounting import Accounting
    from shared.usage.aggregator import UsageAggregator
    from tests.fakes import MemorySecrets, MemoryTenants

    store = MemoryTenants()
    store.tenants["bench"] = Tenant(id="bench")
    digest = hash_api_key(KEY, b"pep")
    store.keys[digest] = ApiKeyRecord(key_hash=digest, tenant_id="bench", display_prefix="ghk_xx")
    auth = Authenticator(store, MemorySecrets({"pepper": b"pep"}), "pepper")
    prices = PriceTable.load()
    catalog = ModelCatalog.load(prices)
    terminal = ResilientUpstream(
        PlanRouter("us-central1", catalog=catalog),
        {"vertex": _Provider()},
        Breakers(BreakerConfig()),
        RetryConfig(),
    )
    aggregator = UsageAggregator(_Sink(), interval_s=1e9)  # type: ignore[arg-type]

    def no_limiter() -> Any:
        raise AssertionError("the bench tenant sets no limits")

    stages = [LimitsStage(no_limiter), Accounting(prices, aggregator)]
    config = GatewayConfig(project="p", max_body_bytes=1 << 20, upstream_timeout_s=30)
    return Gateway(config, auth, Pipeline(stages, terminal), catalog=catalog)


def _request(i: int, prompt: str) -> Any:
    import orjson

    from shared.http import HttpRequest

    # `bench.instr`'s uncacheable body, built here: with --tree, `bench.*` would be the other tree's
    body = {"contents": [{"role": "user", "parts": [{"text": f"{prompt} {i:06d}"}]}]}
    raw = orjson.dumps({**body, "generationConfig": {"temperature": 0.7}})
    headers = {
        "host": "127.0.0.1:8080",
        "x-goog-api-key": KEY,
        "content-type": "application/json",
        "user-agent": "Python/3.11 aiohttp/3.14.5",
        "accept": "*/*",
        "accept-encoding": "gzip, deflate",
        "content-length": str(len(raw)),
    }
    size = sum(len(name) + len(value) + 4 for name, value in headers.items())  # as the adapter counts
    return HttpRequest("POST", GEN, headers, {}, raw, "127.0.0.1", header_bytes=size)


def _prompt() -> str:
    """bench/prompts.py's PROMPT from this file's own tree, whichever tree's code is measured."""
    import importlib.util

    path = Path(__file__).with_name("prompts.py")
    spec = importlib.util.spec_from_file_location("_path_cost_prompts", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.PROMPT)


def child(n: int, timed: bool, built: int) -> None:
    """`built` requests are made whatever `n` is, so the N and the 0 run build the same number and
    the difference is the calls alone (callgrind counts the whole process)."""
    from shared.log import configure_logging

    configure_logging("INFO", open(os.devnull, "w"))  # noqa: SIM115  # lives as long as the process
    gateway = _gateway()
    prompt = _prompt()
    requests = [_request(i, prompt) for i in range(max(built, 200 + n))]  # built before counting

    async def run() -> float:
        for request in requests[:200]:  # warm-up: memos filled, every first-use import done
            response = await gateway.handle(request)
            assert response.status == 200, response.body
        start = time.thread_time_ns()
        for request in requests[200 : 200 + n]:
            await gateway.handle(request)
        return (time.thread_time_ns() - start) / max(n, 1) / 1000.0

    import uvloop  # the event loop the ingress's worker serves on (bench/worker.py)

    per_call = uvloop.run(run())
    if timed:
        print(per_call)


def callgrind(tree: Path, n: int) -> float:
    from bench.callgrind import per_call  # the parent's only: the child runs this file, not a module

    return per_call(tree, lambda reps: [__file__, "--child", str(reps), "--built", str(200 + n)], n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tree", action="append", help="code trees to compare (default: this one)")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--cpu", action="store_true", help="thread CPU per call instead of instructions")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--built", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(int(args.child), args.cpu, args.built)
        return
    for tree in [Path(t).resolve() for t in args.tree or [Path.cwd()]]:
        if args.cpu:
            env = {**os.environ, "PYTHONPATH": str(tree)}
            cmd = [sys.executable, __file__, "--child", str(args.n), "--cpu"]
            run = subprocess.run(cmd, env=env, cwd=tree, check=True, capture_output=True, text=True)
            print(f"path [{tree}]: {float(run.stdout):.2f} us per call (thread CPU)")
        else:
            print(f"path [{tree}]: {callgrind(tree, args.n):,.0f} instructions per call")


if __name__ == "__main__":
    main()
