"""Render benchmark results: bench/results/latest.md, PNG charts, and a rich table on stdout."""

from __future__ import annotations

import platform
import statistics
import time
from pathlib import Path
from typing import Any

import orjson


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


def _rows(results: dict[str, Any]) -> list[list[str]]:
    scenarios = results["scenarios"]
    base = next(iter(scenarios.values()))
    floor = next((r for n, r in scenarios.items() if n.startswith("control")), None)
    floor_cpu = (floor or {}).get("c32", {}).get("server_cpu_ms_per_req", NAN)
    rows = []
    for name, r in scenarios.items():
        cpu = r["c32"].get("server_cpu_ms_per_req", NAN)
        own = scenarios.get(r.get("baseline") or "", base)  # e.g. streams: against the direct stream
        over1 = r["c1"]["p50"] - own["c1"]["p50"]
        over16 = r["c16"]["p50"] - own["c16"]["p50"]
        rows.append(
            [
                name,
                f"{r['c1']['p50']:.2f} / {r['c1']['p90']:.2f} / {r['c1']['p99']:.2f}",
                f"{r['c16']['p50']:.2f} / {r['c16']['p90']:.2f} / {r['c16']['p99']:.2f}"
                if r["c16"] is not EMPTY
                else "-",
                f"{r['c32']['rps']:.0f}",
                "-" if r is own else f"{over1:+.2f}",
                "-" if r is own else f"{over16:+.2f}",
                f"{cpu:.3f}",
                f"{cpu / floor_cpu:.2f}" if floor_cpu == floor_cpu and cpu == cpu else "-",  # NaN-safe
                f"{r['c32']['client_cpu_ms_per_req']:.3f}",
                ", ".join(f"{k or 'none'}={v}" for k, v in r["c1"].get("cache_headers", {}).items()),
            ]
        )
    return rows


HEADERS = [
    "scenario",
    "c=1 p50/p90/p99 ms",
    "c=16 p50/p90/p99 ms",
    "c=32 req/s",
    "overhead p50 c=1 ms",
    "overhead p50 c=16 ms",
    "ingress CPU ms/req (c=32)",
    "CPU vs floor",
    "loadgen CPU ms/req",
    "X-Gatehouse-Cache (c=1)",
]


def _saturation(results: dict[str, Any]) -> list[str]:
    """The wrk table: each server driven to its core's limit; ratios against the bare forward."""
    measured = {n: r["saturation"] for n, r in results["scenarios"].items() if "saturation" in r}
    if not measured:
        return ["(wrk is not installed: saturation not measured; `apt-get install wrk`)"]
    bare = next((v for n, v in measured.items() if n.startswith("control")), None)
    lines = [
        "| scenario | req/s | server core use | CPU ms/req | req/s per core | vs floor (per core) "
        "| other load on core 0 | simulator core use | errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, v in measured.items():
        ratio = f"{v['rps_per_core'] / bare['rps_per_core']:.2f}" if bare else "-"
        others = v.get("others_share", float("nan"))
        upstream = v.get("upstream_util", float("nan"))
        lines.append(
            f"| {name} | {v['rps']:.0f} | {100 * v['server_util']:.0f}% | {v['cpu_ms_per_req']:.3f} | "
            f"{v['rps_per_core']:.0f} | {ratio} | {100 * others:.0f}% | {100 * upstream:.0f}% | "
            f"{v['errors']:.0f} |"
        )
    return lines


def _charts(results: dict[str, Any], out: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    files = []
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for name, r in results["scenarios"].items():
        lat = sorted(r["c1_latencies"])
        ax.plot(lat, [i / len(lat) for i in range(len(lat))], label=name)
    ax.set_xlabel("latency (ms), concurrency 1")
    ax.set_ylabel("cumulative fraction")
    ax.set_xscale("log")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7)
    ax.set_title("Latency distribution (c=1)")
    fig.tight_layout()
    fig.savefig(out / "latency_c1.png", dpi=110)
    files.append("latency_c1.png")
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(8, 4.5))
    names = list(results["scenarios"])
    names = [
        n for n in names if results["scenarios"][n]["c32"]["rps"] == results["scenarios"][n]["c32"]["rps"]
    ]
    ax.barh(names, [results["scenarios"][n]["c32"]["rps"] for n in names], color="#4a7")
    ax.set_xlabel("requests/s at concurrency 32")
    ax.set_title("Throughput")
    for label in ax.get_yticklabels():
        label.set_fontsize(7)
    fig.tight_layout()
    fig.savefig(out / "throughput.png", dpi=110)
    files.append("throughput.png")
    plt.close(fig)
    return files


NAN = float("nan")
EMPTY = {"p50": NAN, "p90": NAN, "p99": NAN, "rps": NAN, "client_cpu_ms_per_req": NAN}


def _l1_line(l1: dict[str, Any] | None) -> list[str]:
    if not l1:
        return []
    if "full_mb" not in l1:  # results from before round 8: one reading after the fill
        return [
            f"- RSS after filling L1 ({l1['budget_mb']} MiB budget, {l1['requests']:,} distinct "
            f"~{l1['answer_chars']:,}-character answers, L1 only): {l1['before_mb']:.1f} MB before, "
            f"{l1['after_mb']:.1f} MB after ({l1['after_mb'] - l1['before_mb']:+.1f} MB)"
        ]
    growth = 100 * (l1["after_mb"] - l1["full_mb"]) / l1["full_mb"]
    return [
        f"- RSS filling L1 ({l1['budget_mb']} MiB budget, ~{l1['answer_chars']:,}-character answers, "
        f"L1 only): {l1['before_mb']:.1f} MB settled before, {l1['full_mb']:.1f} MB after "
        f"{l1['requests']:,} distinct answers ({l1['full_mb'] - l1['before_mb']:+.1f} MB: L1 full, with "
        f"the repeat memo), {l1['after_mb']:.1f} MB after {l1['more_requests']:,} more "
        f"({growth:+.1f}% once L1 is full; target < 10%)"
    ]


def _limits_line(results: dict[str, Any]) -> list[str]:
    """CPU that quotas and budgets add per request: the two uncacheable rows of the same run."""
    base = results["scenarios"].get("gatehouse: not cacheable (temperature 0.7)")
    lim = results["scenarios"].get("gatehouse: not cacheable, quotas + budgets on")
    if not base or not lim:
        return []
    parts = []
    for label, pick in (
        ("c=32", lambda r: r["c32"].get("server_cpu_ms_per_req")),
        ("wrk saturation", lambda r: (r.get("saturation") or {}).get("cpu_ms_per_req")),
    ):
        a, b = pick(base), pick(lim)
        if a and b and a == a and b == b:
            parts.append(f"{label}: {a:.3f} -> {b:.3f} ms ({b - a:+.3f} ms, ratio {b / a:.3f})")
    lines = []
    if parts:
        lines += [
            "",
            "Quotas + budgets (server CPU per request, uncacheable miss, rows minutes apart): "
            + "; ".join(parts),
        ]
    pair = results.get("limits_pair")
    if pair and "ratio" in pair:
        q1, _, q3 = pair["diff_quartiles_us"]
        lines += [
            "",
            f"Quotas + budgets, interleaved (`bench/limits_pair.py`: the same ingress, one request "
            f"without and one with them in turn, {pair['pairs']} pairs, each request's CPU from the "
            f"kernel's per-process CPU clocks): added CPU **{pair['median_diff_us']:+.1f} µs/request** "
            f"(median of the pairs; mean "
            f"{pair['mean_diff_us']:+.1f} µs, quartiles {q1:+.1f} / {q3:+.1f} µs), ratio of the medians "
            f"**{pair['ratio']:.4f}** ({pair['median_base_us']:.1f} -> {pair['median_limits_us']:.1f} µs).",
        ]
    return lines


def _bare_cold_line(bare: dict[str, Any] | None, ingress_median: float) -> list[str]:
    """The bare forward's cold start, measured alternately with the ingress's (older results lack it)."""
    if not bare:
        return []
    runs = ", ".join(f"{x:.2f}" for x in bare["runs"])
    return [
        f"- control: bare forward cold start (same launcher): median {bare['median']:.2f} s over "
        f"{len(bare['runs'])} run(s): {runs}; the ingress adds {ingress_median - bare['median']:+.2f} s"
    ]


def write_report(results: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "tmp").mkdir(exist_ok=True)
    (out / "tmp" / "raw.json").write_bytes(orjson.dumps(results))  # re-render: python -m bench.report
    for r in results["scenarios"].values():
        r.setdefault("c16", EMPTY)
        r.setdefault("c32", EMPTY)
    charts = _charts(results, out)
    rows = _rows(results)
    sdk = results["sdk_c1"]
    sdk_base, sdk_gate = statistics.median(sdk["baseline"]), statistics.median(sdk["gatehouse"])
    rss = results["rss"]
    growth = 100 * (rss["after_mb"] - rss["before_mb"]) / rss["before_mb"]
    mode = "QUICK" if results["quick"] else "full"
    colds = results["cold_start_s"]
    cold_runs = ", ".join(f"{x:.2f}" for x in colds["runs"])

    def sdk_row(label: str, values: list[float]) -> str:
        return f"| {label} | {_pct(values, 50):.2f} | {_pct(values, 90):.2f} | {_pct(values, 99):.2f} |"

    lines = [
        "# Gatehouse benchmark",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.machine()}, {mode} mode, "
        f"{results['elapsed_s']:.0f} s. Ingress pinned to core 0; simulator and load generator on core 1. "
        "Overhead = scenario minus the direct baseline, same run, same client.",
        "",
        "| " + " | ".join(HEADERS) + " |",
        "|" + "---|" * len(HEADERS),
        *["| " + " | ".join(r) + " |" for r in rows],
        "",
        f"## Saturation (wrk: one thread, 32 connections, {results.get('saturate_s', '?')} s, on core 1)",
        "",
        "The server (core 0) driven to its limit: at ~100% core use its req/s is its capacity on one "
        "core. Below that, the simulator and emulators sharing core 1 with wrk were the limit, and "
        "req/s per core is CPU-derived (1000 / CPU ms per request).",
        "",
        *_saturation(results),
        *_limits_line(results),
        "",
        "## google-genai SDK, concurrency 1 (the SDK is the client in both runs)",
        "",
        "| client | p50 ms | p90 ms | p99 ms |",
        "|---|---|---|---|",
        sdk_row("SDK -> simulator (baseline)", sdk["baseline"]),
        sdk_row("SDK -> Gatehouse -> simulator", sdk["gatehouse"]),
        f"| overhead | {sdk_gate - sdk_base:+.2f} | | |",
        "",
        "## Cold start and memory",
        "",
        f"- ingress cold start (process start to first authenticated 200): median {colds['median']:.2f} s "
        f"over {len(colds['runs'])} run(s): {cold_runs}",
        *_bare_cold_line(results.get("bare_cold_start_s"), colds["median"]),
        f"- RSS of the ingress process tree: {rss['before_mb']:.1f} MB before, "
        f"{rss['after_mb']:.1f} MB after {rss['requests']:,} requests ({growth:+.1f}%)",
        *_l1_line(results.get("l1_rss")),
        "",
        *[f"![{c}]({c})" for c in charts],
        "",
    ]
    (out / "latest.md").write_text("\n".join(lines))
    slim = {k: v for k, v in results.items() if k != "sdk_c1"}
    for r in slim["scenarios"].values():
        for key in [k for k in r if k.endswith("_latencies")]:
            del r[key]
    (out / "latest.json").write_bytes(orjson.dumps(slim, option=orjson.OPT_INDENT_2))
    try:
        from rich.console import Console
        from rich.table import Table

        table = Table(title="Gatehouse benchmark (ms)")
        for h in HEADERS:
            table.add_column(h)
        for r in rows:
            table.add_row(*r)
        Console(width=200).print(table)
    except ImportError:
        print("\n".join(lines))
    print(f"SDK c=1 p50: baseline {sdk_base:.2f} ms, via Gatehouse {sdk_gate:.2f} ms")
    print(f"cold start median {results['cold_start_s']['median']:.2f} s; RSS growth {growth:+.1f}%")
    for line in _bare_cold_line(results.get("bare_cold_start_s"), colds["median"]):
        print(line.removeprefix("- "))
    print(f"wrote {out / 'latest.md'}")


if __name__ == "__main__":
    target = Path(__file__).resolve().parent / "results"
    write_report(orjson.loads((target / "tmp" / "raw.json").read_bytes()), target)
