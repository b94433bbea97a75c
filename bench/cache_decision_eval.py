"""Quick evaluation without the emulator: the hit decision + local MiniLM distance, in-process.

Served = distance <= threshold and the decision explains every difference: what the stage serves when
each pair has its own tenant (as in cache_bench.py), without Firestore. Prints aggregates only (safe for
blind sets): served/true/false, precision, recall, and served per kind.

    .venv/bin/python bench/cache_decision_eval.py PAIRS.jsonl [--threshold 0.4]
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from shared.cache.decision import decide
from shared.cache.embeddings import EMBEDDING_MODELS, LocalEmbedder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pairs", nargs="+")
    parser.add_argument("--threshold", type=float, default=EMBEDDING_MODELS["local-minilm"].threshold)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    embedder = LocalEmbedder()
    for path in args.pairs:
        pairs = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
        rows: collections.Counter[tuple[str, str, bool]] = collections.Counter()
        tp = fp = positives = 0
        for pair in pairs:
            va, vb = embedder.embed_sync(pair["a"]), embedder.embed_sync(pair["b"])
            distance = 1 - sum(x * y for x, y in zip(va, vb, strict=True))
            served = distance <= args.threshold and decide(pair["b"], pair["a"]).hit
            hit = pair["label"] == "hit"
            rows[(pair["kind"], pair["label"], served)] += 1
            positives += hit
            tp += served and hit
            fp += served and not hit
        precision = tp / (tp + fp) if tp + fp else 1.0
        print(f"{path}: served {tp + fp}, true {tp}, false {fp}, precision {precision:.3f}, "
              f"recall {tp / max(1, positives):.3f}")  # fmt: skip
        print("| kind | label | pairs | served |\n|---|---|---|---|")
        for kind, label in sorted({(k, lab) for k, lab, _ in rows}):
            print(f"| {kind} | {label} | {rows[(kind, label, True)] + rows[(kind, label, False)]} | "
                  f"{rows[(kind, label, True)]} |")  # fmt: skip


if __name__ == "__main__":
    main()
