"""Policy-stage cost in instructions (callgrind), robust on a loaded machine: `python bench/policy_cost.py`.

Runs the policy stage's work (injection screen + redaction under `standard`) on the bench's four
prompts (a typical 330 B request, a benign 290 B request the injection screen escalates to its full
model, 2 KB of prose, 2 KB of dense PII) inside valgrind twice, with 0 and
with N repetitions after the same warm-up, and prints (instructions(N) - instructions(0)) / N: the
count of one call, independent of what else the machine runs. `--tree DIR` measures another checkout
of the code (e.g. an older commit extracted with `git archive`), so old and new are compared on the
same prompts. Without valgrind (`--cpu`), it prints thread-CPU medians instead; `--cpu --paired B`
interleaves the trees (one warm child each, B batches of -n calls in turn, ABBA) and prints each
tree's p50 and the median of its per-batch ratio to the first tree.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPICAL = (
    "You are a support assistant for a retail bank. Summarise the customer's message below in two "
    "sentences and suggest the next best action. Customer message: I moved house last month and my "
    "statements still go to the old address; I updated it in the app but nothing changed."
)
PROSE = (
    "Hi team, please review the attached quarterly summary before Thursday's planning session. Revenue "
    "grew in every region except the north-east, where two large renewals slipped into next quarter. "
    "Support tickets fell by eleven percent after the new onboarding flow shipped, and churn held flat. "
    "For questions about the forecast model, write to forecast.owner@example.com or call +44 20 7946 0958. "
    "We still need decisions on three items: the hiring plan for the platform group, the budget for the "
    "partner program, and whether the pricing change goes out in March or waits for the annual review. "
)


# benign, but its "###" heading sends it past the injection screen's fast model to the full one (as
# ~1 in 4 benign dev prompts of dev-2026-12-03: links, markup, encoded data, pasted transcripts)
ESCALATED = (
    "### Ticket 4471\nCustomer: the export button on the billing page does nothing in Firefox 128; "
    "Chrome works. Steps: open Billing, pick March, click Export CSV. Console shows a 403 from "
    "/api/v2/exports. Please draft a reply that explains the workaround and tell me which team owns the "
    "endpoint."
)


def _two_kb(text: str) -> str:
    while len(text.encode()) < 2048:
        text += text
    return text.encode()[:2048].decode(errors="ignore")


def cases() -> dict[str, str]:
    records = [json.loads(line) for line in (HERE / "policy" / "corpus.jsonl").read_text().splitlines()[:40]]
    return {
        "typical": TYPICAL,
        "escalated": ESCALATED,
        "prose_2kb": _two_kb(PROSE),
        "dense_pii_2kb": _two_kb("\n".join(str(r["text"]) for r in records)),
    }


def _work(case: str, what: str):  # type: ignore[no-untyped-def]
    from shared.policy import engine as policy_engine
    from shared.policy.profiles import BUILTIN_PROFILES
    from shared.policy.pseudonymize import Pseudonymizer

    # the default tenant's detectors: without the opt-in name recognizer (a tree older than it has none)
    plain = getattr(policy_engine, "EXISTING_DETECTORS", None)
    recognizer = plain is None or os.environ.get("POLICY_COST_NAME_RECOGNIZER") == "1"
    engine = policy_engine.PolicyEngine() if recognizer else policy_engine.PolicyEngine(plain)
    profile = BUILTIN_PROFILES["standard"]
    text = cases()[case]
    # the engine runs the recognizer it has only when asked (trees before the opt-in have no flag)
    flag = {"recognizer": True} if "recognizer" in inspect.signature(engine.redact).parameters else {}

    def once() -> None:
        if what in ("stage", "screen"):
            engine.screen(text)
        if what in ("stage", "redact"):
            engine.redact(text, profile, Pseudonymizer(), **flag)

    for _ in range(20):  # lazy loads (weights, phonenumbers), caches
        once()
    return once


def child(case: str, what: str, n: int, timed: bool = False) -> None:
    once = _work(case, what)
    spent = []
    for _ in range(n):
        started = time.thread_time()
        once()
        spent.append(time.thread_time() - started)
    if timed:
        print(statistics.median(spent) * 1000)


def serve(case: str, what: str) -> None:
    """A `--paired` child: for each line N on stdin, N calls; one line of their thread-CPU times (ms)."""
    once = _work(case, what)
    for line in sys.stdin:
        spent = []
        for _ in range(int(line)):
            started = time.thread_time()
            once()
            spent.append((time.thread_time() - started) * 1000)
        print(json.dumps(spent), flush=True)


def paired(
    trees: list[Path], case: str, what: str, batches: int, size: int
) -> tuple[list[float], list[float]]:
    """Thread CPU per call in each tree, interleaved: one warm child per tree, batches of `size` calls
    in turn (ABBA...), so every tree's batches fall in the same phases of this VM's speed, which moves
    by up to ~1.7x over seconds (bench/README.md). Returns each tree's p50 over all its calls and the
    per-batch ratios of each tree's batch median to the first tree's."""
    children = []
    for tree in trees:
        env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
        cmd = [sys.executable, str(Path(__file__).resolve()), "--serve", case, what]
        children.append(
            subprocess.Popen(cmd, env=env, cwd=tree, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        )
    spent: list[list[float]] = [[] for _ in trees]
    ratios: list[list[float]] = [[] for _ in trees]
    try:
        for batch in range(batches):
            order = list(range(len(trees)))
            medians = [0.0] * len(trees)
            for i in order if batch % 2 == 0 else order[::-1]:
                child = children[i]
                assert child.stdin is not None
                assert child.stdout is not None
                child.stdin.write(f"{size}\n")
                child.stdin.flush()
                times = json.loads(child.stdout.readline())
                spent[i].extend(times)
                medians[i] = statistics.median(times)
            for i in order:
                ratios[i].append(medians[i] / medians[0])
    finally:
        for child in children:
            assert child.stdin is not None
            child.stdin.close()
            child.wait(timeout=60)
    return [statistics.median(s) for s in spent], [statistics.median(r) for r in ratios]


def callgrind(tree: Path, case: str, what: str, n: int) -> float:
    counts = []
    for reps in (0, n):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "cg.out"
            env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
            cmd = [
                "valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                str(Path(__file__).resolve()), "--child", case, what, str(reps),
            ]  # fmt: skip
            subprocess.run(cmd, env=env, cwd=tree, check=True, capture_output=True, timeout=900)
            summary = re.search(r"^summary:\s+(\d+)", out.read_text(errors="ignore"), re.MULTILINE)
            assert summary is not None, "no callgrind summary"
            counts.append(int(summary.group(1)))
    return (counts[1] - counts[0]) / n


def cpu(tree: Path, case: str, what: str, n: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", case, what, str(n), "--timed"]
    run = subprocess.run(cmd, env=env, cwd=tree, check=True, capture_output=True, text=True, timeout=600)
    return float(run.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tree", action="append", help="code trees to compare (default: this one)")
    parser.add_argument("--case", action="append", choices=sorted(cases()))
    parser.add_argument("--what", default="stage", choices=("stage", "screen", "redact"))
    parser.add_argument("-n", type=int, default=20, help="repetitions per measurement")
    parser.add_argument("--cpu", action="store_true", help="thread-CPU medians instead of instructions")
    parser.add_argument(
        "--name-recognizer", action="store_true", help="with the opt-in statistical name recognizer"
    )
    parser.add_argument(
        "--paired",
        type=int,
        default=0,
        metavar="BATCHES",
        help="with --cpu: the trees interleaved, BATCHES batches of -n calls each per tree (ABBA)",
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--serve", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--timed", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.name_recognizer:
        os.environ["POLICY_COST_NAME_RECOGNIZER"] = "1"  # read by the children
    if args.child:
        child(args.child[0], args.child[1], int(args.child[2]), args.timed)
        return
    if args.serve:
        serve(args.serve[0], args.serve[1])
        return
    trees = [Path(t).resolve() for t in args.tree or [HERE.parent]]
    unit = "CPU ms p50" if args.cpu else "instructions per call"
    print(f"| {args.what}: {unit} | " + " | ".join(str(t) for t in trees) + " |")
    print("|---|" + "---:|" * len(trees))
    for case in args.case or sorted(cases()):
        started = time.monotonic()
        if args.cpu and args.paired:
            p50s, ratios = paired(trees, case, args.what, args.paired, args.n)
            cells = [f"{p:.3f} (x{r:.3f})" for p, r in zip(p50s, ratios, strict=True)]
        elif args.cpu:
            cells = [f"{cpu(t, case, args.what, args.n * 50):.3f}" for t in trees]
        else:
            cells = [f"{callgrind(t, case, args.what, args.n):,.0f}" for t in trees]
        print(f"| {case} | " + " | ".join(cells) + f" |  ({time.monotonic() - started:.0f} s)", flush=True)


if __name__ == "__main__":
    main()
