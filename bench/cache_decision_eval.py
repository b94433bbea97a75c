"""Quick evaluation without the emulator: the hit decision + local MiniLM distance, in-process.

Served = distance <= threshold and the decision explains every difference: what the stage serves when
each pair has its own tenant (as in cache_bench.py), without Firestore. Prints aggregates only (safe for
blind sets): served/true/false, precision, recall, and served per kind.

    .venv/bin/python bench/cache_decision_eval.py PAIRS.jsonl [--threshold 0.6] [--half tune|held]

`--half` splits a file by a hash of each pair's id (BLAKE2b, first byte even: `tune`, odd: `held`), so
a dev set can be tuned on one half and reported on the other. `--errors` prints the wrong decisions of
a dev file (refused for a blind set). `--distances FILE` keeps the pairs' distances between runs.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared.cache.decision import decide
from shared.cache.embeddings import EMBEDDING_MODELS, LocalEmbedder


def half(pair_id: str) -> str:
    """'tune' or 'held': a stable split of a dev set by its pairs' ids."""
    return "tune" if hashlib.blake2b(pair_id.encode()).digest()[0] % 2 == 0 else "held"


def _distances(pairs: list[dict[str, str]], path: str | None) -> dict[str, float]:
    known: dict[str, float] = json.loads(Path(path).read_text()) if path and Path(path).exists() else {}
    todo = [p for p in pairs if f"{p['a']}\x00{p['b']}" not in known]
    if todo:
        embedder = LocalEmbedder()
        for pair in todo:
            va, vb = embedder.embed_sync(pair["a"]), embedder.embed_sync(pair["b"])
            known[f"{pair['a']}\x00{pair['b']}"] = 1 - sum(x * y for x, y in zip(va, vb, strict=True))
        if path:
            Path(path).write_text(json.dumps(known))
    return known


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="+")
    parser.add_argument("--threshold", type=float, default=EMBEDDING_MODELS["local-minilm"].threshold)
    parser.add_argument("--half", choices=("tune", "held"), help="only one half of each file (by id hash)")
    parser.add_argument("--errors", action="store_true", help="print the wrong decisions (dev files only)")
    parser.add_argument("--distances", help="a JSON file that keeps the pairs' distances between runs")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    for path in args.pairs:
        if args.errors and "blind" in path:
            parser.error("--errors is for dev files only: never print a blind set's pairs")
        pairs = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
        if args.half:
            pairs = [p for p in pairs if half(p.get("id", p["a"])) == args.half]
        distance = _distances(pairs, args.distances)
        rows: collections.Counter[tuple[str, str, bool]] = collections.Counter()
        tp = fp = positives = 0
        for pair in pairs:
            close = distance[f"{pair['a']}\x00{pair['b']}"] <= args.threshold
            verdict = decide(pair["b"], pair["a"])
            served = close and verdict.hit
            hit = pair["label"] == "hit"
            rows[(pair["kind"], pair["label"], served)] += 1
            positives += hit
            tp += served and hit
            fp += served and not hit
            if args.errors and served != hit:
                why = "far" if not close else verdict.reason
                label = "FALSE HIT" if served else "miss"
                print(f"  {label} [{pair['kind']}/{why}] {pair['a']!r} | {pair['b']!r}")
        precision = tp / (tp + fp) if tp + fp else 1.0
        name = f"{path} ({args.half} half)" if args.half else path
        recall = tp / max(1, positives)
        print(f"{name}: {len(pairs)} pairs, served {tp + fp}, true {tp}, false {fp}, "
              f"precision {precision:.3f}, recall {recall:.3f}")  # fmt: skip
        print("| kind | label | pairs | served |\n|---|---|---|---|")
        for kind, label in sorted({(k, lab) for k, lab, _ in rows}):
            print(f"| {kind} | {label} | {rows[(kind, label, True)] + rows[(kind, label, False)]} | "
                  f"{rows[(kind, label, True)]} |")  # fmt: skip


if __name__ == "__main__":
    main()
