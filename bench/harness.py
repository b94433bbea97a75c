"""`make bench`: Gatehouse's overhead against the same simulator, measured in one run.

Baseline: the same client calling the simulator directly. Gatehouse: the ingress function under
functions-framework pinned to one core (taskset -c 0); the simulator and this load generator
share the other core. Overhead = Gatehouse minus baseline, same run, same client.

Run: python -m bench.harness [--quick] [--out bench/results]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from bench import limits_pair, loadgen, wrk
from bench.backends import Backends
from bench.cold import first_200
from bench.prompts import PROMPT, serial
from bench.report import write_report
from dev.stack import (
    ROOT,
    Service,
    function_env,
    function_service,
    port_in_use,
    wait_ready,
)
from shared.tenants import Tenant

MODEL = "gemini-2.5-flash"
GEN_PATH = f"/v1beta/models/{MODEL}:generateContent"
STREAM_PATH = f"/v1beta/models/{MODEL}:streamGenerateContent?alt=sse"
STREAM_BASELINE_ROW = "baseline: direct to simulator, stream (4 chunks)"
NOT_CACHEABLE_ROW = "gatehouse: not cacheable (temperature 0.7)"
LIMITS_ROW = "gatehouse: not cacheable, quotas + budgets on"
# quotas and budgets on, far above what the bench sends: every check runs, none refuses
BENCH_LIMITS: dict[str, Any] = {
    "tenant": {"requests_per_minute": 1_000_000, "tokens_per_minute": 1_000_000_000},
    "daily_budget": {"usd": 100_000, "mode": "hard"},
    "monthly_budget": {"usd": 1_000_000, "mode": "hard"},
}


@dataclass
class Plan:
    quick: bool

    @property
    def c1(self) -> int:
        return 150 if self.quick else 2000

    @property
    def c16(self) -> int:
        return 600 if self.quick else 10000

    @property
    def tput_s(self) -> float:
        return 2.0 if self.quick else 15.0

    @property
    def saturate_s(self) -> int:
        return 3 if self.quick else 10

    @property
    def rss_requests(self) -> int:
        return 3_000 if self.quick else 10_000

    @property
    def cold_runs(self) -> int:
        return 1 if self.quick else 3

    @property
    def pairs(self) -> int:
        return 300 if self.quick else 1500


@dataclass
class Scenario:
    name: str
    base: str  # URL base: simulator or ingress
    headers: dict[str, str]
    body: Any  # callable index -> bytes
    gatehouse: bool
    pid: int | None = None  # process to measure CPU of; default: the ingress
    full: bool = True  # False: concurrency 1 only (for slow paths such as local embeddings)
    path: str = GEN_PATH
    baseline: str | None = None  # the row its overhead is measured against (default: the first)
    results: dict[str, Any] = field(default_factory=dict)


def _body(text: str, cacheable: bool = True) -> bytes:
    config = {"temperature": 0} if cacheable else {"temperature": 0.7}
    return orjson.dumps(
        {"contents": [{"role": "user", "parts": [{"text": text}]}], "generationConfig": config}
    )


def _numbered(i: object) -> str:
    """The prompt and a number unique in the run, of one width in every row (bench/prompts.py), so
    the compared rows send alike texts; `wrk.MARK` is kept for wrk to number per request."""
    return f"{PROMPT} request {i if i == wrk.MARK else serial()}"


def unique(i: object) -> bytes:
    """A cacheable request no other in the run repeats: a miss in L1 and L2."""
    return _body(_numbered(i))


def uncacheable(i: object) -> bytes:
    """The same kind of text, not cacheable (temperature 0.7)."""
    return _body(_numbered(i), cacheable=False)


SEMANTIC_BASE = "What is the capital city of France?"
_OPENERS = ["", "Quick question: ", "Hi! ", "Hello, ", "Hey, ", "Could you tell me ", "I wonder ",
            "Tell me: ", "Question: ", "Help me out: "]  # fmt: skip
_ASKS = ["What is the capital city of France?", "What's the capital city of France?",
         "Which city is the capital of France?", "What city is France's capital?",
         "Name the capital city of France.", "What is France's capital city?"]  # fmt: skip


_CLOSERS = ["", " Thanks.", " Thank you.", " Cheers!", " Much appreciated.", " Thanks a lot!"]


def _stream_body(i: object) -> bytes:
    """A 4-chunk streamed answer: the simulator answers a JSON request with `{"answer": <prompt>}`
    and streams one chunk per word, so a 4-word prompt streams 4 chunks. Not cacheable."""
    return orjson.dumps(
        {
            "contents": [{"role": "user", "parts": [{"text": f"stream probe {i} now"}]}],
            "generationConfig": {"temperature": 0.7, "responseMimeType": "application/json"},
        }
    )


def _paraphrase(i: int) -> bytes:
    """360 distinct wordings of one question: each is new to L1, so a hit can only be semantic."""
    opener = _OPENERS[i % len(_OPENERS)]
    ask = _ASKS[(i // len(_OPENERS)) % len(_ASKS)]
    closer = _CLOSERS[(i // (len(_OPENERS) * len(_ASKS))) % len(_CLOSERS)]
    return _body(opener + ask + closer)


def _pin(service: Service, core: int) -> Service:
    service.argv = ["taskset", "-c", str(core), *service.argv]
    return service


def _get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=5) as r:  # noqa: S310  # loopback only
        return int(r.status)


def _cold_start(env: dict[str, str], key: str, log_dir: Path, *, bare: bool = False) -> float:
    """Process start to the first 200 on an authenticated generateContent: the ingress, or (`bare`)
    the bare forward started the same way (the floor of this serving stack's cold start)."""
    port = loadgen_free_port()
    if bare:
        service = _pin(function_service("bare", port, {**env, "BARE_API_KEY": key}), 0)
        service.argv[service.argv.index("main.py")] = "bench/bare_forward.py"
    else:
        service = _pin(function_service("ingress", port, env), 0)
    start = time.perf_counter()
    service.start(log_dir)
    try:
        return first_200(port, key, start, limit_s=30, timeout_s=5)
    finally:
        service.stop()


L1_BUDGET_MB = 32
L1_ANSWER_CHARS = 8_000  # the simulator echoes the prompt: ~8 KB answers, ~4,000 entries per budget


def _settled_rss_mb(pid: int, limit_s: float = 30.0) -> float:
    """The tree's RSS once it stops moving: two readings 0.5 s apart within 0.25 MB, after at least
    2 s (the instance imports the Firestore client library on a thread ~1 s after its gateway is
    built, `GATEHOUSE_CLIENT_WARMUP_DELAY_S`: +25-29 MB of RSS that must land before a baseline)."""
    time.sleep(2.0)
    deadline = time.monotonic() + limit_s
    last = loadgen.tree_rss_mb(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = loadgen.tree_rss_mb(pid)
        if abs(now - last) < 0.25:
            return now
        last = now
    return last


def _l1_fill(env: dict[str, str], key: str, log_dir: Path, plan: Plan) -> dict[str, Any]:
    """RSS of an L1-only ingress (32 MiB budget): before, after one and a half budgets' worth of
    distinct cacheable answers (L1 full: the growth must stay near the budget, with the repeat memo's
    share), and after `plan.rss_requests` more distinct ones (L1 evicting: the memory target is growth
    under 10% once L1 is full; docs/decisions/2026-11-29-performance.md, Round 8)."""
    port = loadgen_free_port()
    budget = L1_BUDGET_MB * 2**20
    fill_env = {**env, "GATEHOUSE_CACHE_L1_MAX_BYTES": str(budget), "GATEHOUSE_CACHE_L2_READ": "false"}
    service = _pin(function_service("ingress", port, fill_env), 0)
    service.name = "ingress-l1-fill"
    service.start(log_dir)
    try:
        wait_ready([service])
        assert service.process is not None
        pid = service.process.pid
        url = f"http://127.0.0.1:{port}{GEN_PATH}"
        headers = {"x-goog-api-key": key, "content-type": "application/json"}
        filler = "lorem ipsum dolor sit amet " * (L1_ANSWER_CHARS // 27)
        warm = lambda i: _body(f"warm-up {serial()}", cacheable=False)  # noqa: E731
        asyncio.run(loadgen.run(url, headers, warm, 8, count=500))  # imports, pools, first allocations
        before = _settled_rss_mb(pid)
        fill = lambda i: _body(f"{serial()} {filler}")  # noqa: E731
        count = 3 * budget // (2 * L1_ANSWER_CHARS)  # one and a half budgets' worth
        filled = asyncio.run(loadgen.run(url, headers, fill, 8, count=count, seconds=300))
        full = loadgen.tree_rss_mb(pid)
        more = asyncio.run(loadgen.run(url, headers, fill, 8, count=plan.rss_requests, seconds=300))
        after = loadgen.tree_rss_mb(pid)
        return {"budget_mb": L1_BUDGET_MB, "answer_chars": L1_ANSWER_CHARS, "requests": filled.count,
                "before_mb": before, "full_mb": full, "more_requests": more.count,
                "after_mb": after}  # fmt: skip
    finally:
        service.stop()


def loadgen_free_port() -> int:
    from dev.stack import free_port

    return free_port()


def _sdk_latencies(base_url: str, key: str, n: int) -> list[float]:
    """google-genai (Developer API mode) sequential calls; the SDK is the client in both runs."""
    from google import genai
    from google.genai import types

    client = genai.Client(api_key=key, http_options={"base_url": base_url})
    config = types.GenerateContentConfig(temperature=0.7)
    out = []
    for i in range(n + 20):
        start = time.perf_counter()
        client.models.generate_content(model=MODEL, contents=f"{PROMPT} #{i}", config=config)
        if i >= 20:  # warm-up
            out.append((time.perf_counter() - start) * 1000)
    return out


def _summary(result: loadgen.Result) -> dict[str, float]:
    return {
        "n": result.count,
        "errors": result.errors,
        "p50": result.pct(50),
        "p90": result.pct(90),
        "p99": result.pct(99),
        "rps": result.rps,
        "client_cpu_ms_per_req": 1000 * result.client_cpu_s / max(1, result.count),
    }


async def _measure(
    scenario: Scenario, plan: Plan, ingress_pid: int | None, core0: list[int], sim_pid: int | None
) -> None:
    url = scenario.base + scenario.path
    if scenario.baseline:
        scenario.results["baseline"] = scenario.baseline
    await loadgen.run(url, scenario.headers, scenario.body, 4, count=200 if scenario.full else 8)  # warm-up
    levels = ((1, plan.c1), (16, plan.c16)) if scenario.full else ((1, min(300, plan.c1 // 6)),)
    # measured requests must not repeat the warm-up's (a repeat would be an L1 hit)
    body = scenario.body if scenario.full else (lambda i: scenario.body(i + 8))
    for conc, count in levels:
        cpu0 = loadgen.tree_cpu_s(ingress_pid) if ingress_pid else 0.0
        result = await loadgen.run(
            url, scenario.headers, body, conc, count=count, watch_header="x-gatehouse-cache"
        )
        row = _summary(result)
        if ingress_pid:
            row["server_cpu_ms_per_req"] = (
                1000 * (loadgen.tree_cpu_s(ingress_pid) - cpu0) / max(1, result.count)
            )
        row["cache_headers"] = result.headers_seen  # type: ignore[assignment]
        scenario.results[f"c{conc}"] = row
        scenario.results[f"c{conc}_latencies"] = result.latencies_ms
    if not scenario.full:
        return
    cpu0 = loadgen.tree_cpu_s(ingress_pid) if ingress_pid else 0.0
    result = await loadgen.run(url, scenario.headers, scenario.body, 32, seconds=plan.tput_s)
    row = _summary(result)
    if ingress_pid:
        row["server_cpu_ms_per_req"] = 1000 * (loadgen.tree_cpu_s(ingress_pid) - cpu0) / max(1, result.count)
        row["rps_per_core"] = 1000 / row["server_cpu_ms_per_req"] if row["server_cpu_ms_per_req"] else 0
    scenario.results["c32"] = row
    if ingress_pid and wrk.available():
        try:
            body = scenario.body(wrk.MARK)  # unique per request where the scenario's bodies are
        except TypeError:
            return
        # the server alone on core 0 (the other servers pinned there are paused: the floor's setup)
        others = [p for p in core0 if p != ingress_pid]
        sat = wrk.saturate(
            url,
            scenario.headers,
            body,
            ingress_pid,
            seconds=plan.saturate_s,
            upstream_pid=sim_pid,
            pause=others,
        )
        scenario.results["saturation"] = sat.as_dict()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", default=os.environ.get("QUICK") == "1")
    parser.add_argument("--out", default=str(ROOT / "bench" / "results"))
    parser.add_argument("--l1-only", action="store_true", help="only the L1 fill row; prints its JSON")
    parser.add_argument(
        "--limits-pair",
        action="store_true",
        help="only the paired quotas + budgets measurement; prints its JSON",
    )
    args = parser.parse_args()
    plan = Plan(args.quick)
    out = Path(args.out)
    log_dir = out / "tmp"
    started = time.perf_counter()
    os.sched_setaffinity(0, {1})  # the load generator shares core 1 with the simulator
    stack = Backends.free(pubsub=True, core=1)  # every stand-in for Google shares core 1
    ports, services = stack.ports, stack.services
    try:
        stack.start(log_dir)
        key = stack.seed(Tenant(id="bench"))
        sem_key = stack.seed(Tenant(id="bench-sem", cache={"semantic": True}))
        limits_key = stack.seed(Tenant(id="bench-limits", limits=BENCH_LIMITS))
        # the semantic row measures the hit path; whether a tenant's hits are served yet (shadow-only
        # until calibrated) is the calibration's business, measured by `make bench-cache`
        env = function_env(
            ports, {"GATEHOUSE_LOG_LEVEL": "WARNING", "GATEHOUSE_CACHE_CALIBRATION_REQUIRED": "false"}
        )
        if args.l1_only:
            print(orjson.dumps(_l1_fill(env, key, log_dir, plan)).decode())
            return 0
        ingress = _pin(function_service("ingress", ports.functions["ingress"], env), 0)
        l1_port = loadgen_free_port()
        l1_only = _pin(function_service("ingress", l1_port, {**env, "GATEHOUSE_CACHE_L2_READ": "false"}), 0)
        l1_only.name = "ingress-l1-only"
        bare_port = loadgen_free_port()
        bare = _pin(function_service("bare", bare_port, {**env, "BARE_API_KEY": key}), 0)
        bare.argv[bare.argv.index("main.py")] = "bench/bare_forward.py"
        for service in (ingress, l1_only, bare):
            service.start(log_dir)
            services.append(service)
        wait_ready([ingress, l1_only])
        deadline = time.monotonic() + 30
        while not port_in_use(bare_port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert ingress.process is not None
        assert l1_only.process is not None
        assert bare.process is not None
        pid = ingress.process.pid
        sim = f"http://127.0.0.1:{ports.simulator}"
        gate = f"http://127.0.0.1:{ports.functions['ingress']}"
        auth = {"x-goog-api-key": key, "content-type": "application/json"}
        sem_auth = {"x-goog-api-key": sem_key, "content-type": "application/json"}
        direct_headers = {"x-goog-api-key": "direct", "content-type": "application/json"}
        same = lambda _i: _body(PROMPT)  # noqa: E731
        if args.limits_pair:
            limited = {**auth, "x-goog-api-key": limits_key}
            pair = limits_pair.interleaved(gate + GEN_PATH, (auth, limited), uncacheable, pid, plan.pairs)
            print(orjson.dumps(pair).decode())
            return 0
        asyncio.run(loadgen.run(gate + GEN_PATH, sem_auth, lambda _i: _body(SEMANTIC_BASE), 1, count=1))
        scenarios = [
            Scenario("baseline: direct to simulator", sim, direct_headers, unique, gatehouse=False),
            Scenario(
                "control: bare functions-framework forward",
                f"http://127.0.0.1:{bare_port}",
                auth,
                unique,
                gatehouse=True,
                pid=bare.process.pid,
            ),
            Scenario(NOT_CACHEABLE_ROW, gate, auth, uncacheable, gatehouse=True),
            Scenario(LIMITS_ROW, gate, {**auth, "x-goog-api-key": limits_key}, uncacheable, gatehouse=True),
            Scenario("gatehouse: cacheable miss, L1 + L2 (default)", gate, auth, unique, gatehouse=True),
            Scenario(
                "gatehouse: cacheable miss, L1 only",
                f"http://127.0.0.1:{l1_port}",
                auth,
                unique,
                gatehouse=True,
                pid=l1_only.process.pid,
            ),
            Scenario("gatehouse: L1 hit", gate, auth, same, gatehouse=True),
            Scenario(
                STREAM_BASELINE_ROW,
                sim,
                direct_headers,
                _stream_body,
                gatehouse=False,
                path=STREAM_PATH,
                baseline=STREAM_BASELINE_ROW,
            ),
            Scenario(
                "control: bare forward, stream (4 chunks, answer read whole)",
                f"http://127.0.0.1:{bare_port}",
                auth,
                _stream_body,
                gatehouse=True,
                pid=bare.process.pid,
                path=STREAM_PATH.split("?")[0],
                baseline=STREAM_BASELINE_ROW,
            ),
            Scenario(
                "gatehouse: stream, 4 chunks (SSE, not cacheable)",
                gate,
                auth,
                _stream_body,
                gatehouse=True,
                path=STREAM_PATH,
                baseline=STREAM_BASELINE_ROW,
            ),
            Scenario(
                "gatehouse: semantic hit (local MiniLM)",
                gate,
                sem_auth,
                _paraphrase,
                gatehouse=True,
                full=False,
            ),
        ]
        results: dict[str, Any] = {"quick": plan.quick, "scenarios": {}, "saturate_s": plan.saturate_s}
        sdk_n = 40 if plan.quick else 500
        results["sdk_c1"] = {
            "baseline": _sdk_latencies(sim, "direct", sdk_n),
            "gatehouse": _sdk_latencies(gate, key, sdk_n),
        }
        core0 = [ingress.process.pid, l1_only.process.pid, bare.process.pid]
        sim_service = next(s for s in services if s.name == "simulator")
        sim_pid = sim_service.process.pid if sim_service.process else None
        for scenario in scenarios:
            target = (scenario.pid or pid) if scenario.gatehouse else None
            asyncio.run(_measure(scenario, plan, target, core0, sim_pid))
            results["scenarios"][scenario.name] = scenario.results
        limited = {**auth, "x-goog-api-key": limits_key}
        results["limits_pair"] = limits_pair.interleaved(
            gate + GEN_PATH, (auth, limited), uncacheable, pid, plan.pairs
        )
        rss_before = loadgen.tree_rss_mb(pid)
        asyncio.run(loadgen.run(gate + GEN_PATH, auth, unique, 16, count=plan.rss_requests))
        rss_after = loadgen.tree_rss_mb(pid)
        results["rss"] = {"before_mb": rss_before, "after_mb": rss_after, "requests": plan.rss_requests}
        results["l1_rss"] = _l1_fill(env, key, log_dir, plan)
        # as deployed: the functions-framework buildpack byte-compiles the source at build time
        # (this sandbox sets PYTHONDONTWRITEBYTECODE, so without this every start would compile it)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", "main.py", "functions", "shared", "bench"],
            cwd=ROOT,
            check=True,
        )
        colds, bare_colds = [], []
        for _ in range(plan.cold_runs):  # alternated, so both see the same phases of the machine
            colds.append(_cold_start(env, key, log_dir))
            bare_colds.append(_cold_start(env, key, log_dir, bare=True))
        results["cold_start_s"] = {"runs": colds, "median": statistics.median(colds)}
        results["bare_cold_start_s"] = {"runs": bare_colds, "median": statistics.median(bare_colds)}
        results["elapsed_s"] = time.perf_counter() - started
        write_report(results, out)
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
