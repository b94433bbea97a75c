"""The name recognizer on the dev sets, by model and threshold (dev-only):
`python -m dev.names.eval_crf [-m OLD.crfsuite NEW.crfsuite] [-t 0.99 0.97] [-k 0.95]`.

Prints, per dev set half, PERSON and ADDRESS recall and the look-alikes masked under `standard` and
`strict`, for the existing detectors alone and with the recognizer (each model, each pair of bars),
then the sums over the tuning halves and over the held-out halves (aggregate rows only, as
`bench.policy_bench` prints; the held-out halves are read as nothing else). `--writers` scores the
hand-written training records instead (meaningful only for a model trained `--without` that writer).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from bench.policy.metrics import PiiResult, load_jsonl
from bench.policy_bench import pii
from dev.injection.devsplit import half
from dev.names.train_crf import HALVED, POLICY, WHOLE, WRITERS, WRITTEN
from shared.policy import recognizer
from shared.policy.engine import EXISTING_DETECTORS, PolicyEngine

EVALUATED = (*HALVED, POLICY / "dev-2026-12-12" / "pii.jsonl")  # 12-12 (secrets) for its look-alikes


def sets(writers: bool = False) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    if writers:
        for writer in WRITERS:
            path = WRITTEN / writer / "pii.jsonl"
            if path.exists():
                out[writer] = load_jsonl(path)
        return out
    for path in WHOLE:
        if path.exists():
            out[path.parent.name[4:]] = load_jsonl(path)
    for path in EVALUATED:
        if path.exists():
            name = path.parent.name[9:]
            out[f"{name} tuning"] = half("train", path)  # type: ignore[assignment]
            out[f"{name} HELD-OUT"] = half("held-out", path)  # type: ignore[assignment]
    return out


def counts(r: PiiResult) -> Counter[str]:
    return Counter(
        person=r.found["PERSON"],
        persons=r.total["PERSON"],
        address=r.found["ADDRESS"],
        addresses=r.total["ADDRESS"],
        looks=sum(r.neg_total.values()),
        std=sum(r.neg_hit["standard"].values()),
        strict=sum(r.neg_hit["strict"].values()),
        masks=r.all_masks,
        true=r.true_masks,
    )


def row(c: Counter[str]) -> str:
    precision = c["true"] / c["masks"] if c["masks"] else 1.0
    return (
        f"PERSON {c['person']}/{c['persons']}  ADDRESS {c['address']}/{c['addresses']}  "
        f"look-alikes {c['std']}/{c['looks']} std, {c['strict']}/{c['looks']} strict  "
        f"precision {precision:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-m", "--models", nargs="*", default=[str(recognizer.MODEL_PATH)])
    parser.add_argument("-t", "--thresholds", type=float, nargs="*", default=[recognizer.THRESHOLD])
    parser.add_argument("-k", "--known", type=float, nargs="*", default=[recognizer.KNOWN_THRESHOLD])
    parser.add_argument("--only", default="", help="substring of the set names to run")
    parser.add_argument("--writers", action="store_true", help="the hand-written training records")
    parser.add_argument("--sums", action="store_true", help="print only the sums")
    args = parser.parse_args()
    base = PolicyEngine(EXISTING_DETECTORS)
    with_crf = PolicyEngine(EXISTING_DETECTORS + recognizer.RECOGNIZER_DETECTORS)
    sums: dict[str, Counter[str]] = {}
    for name, records in sets(args.writers).items():
        if args.only not in name:
            continue
        group = "held-out" if "HELD-OUT" in name else "tuning" if "tuning" in name else name
        results = {"base": counts(pii(base, records))}
        for model in args.models:
            recognizer.MODEL_PATH = Path(model)
            for t in args.thresholds:
                for k in args.known:
                    recognizer.THRESHOLD, recognizer.KNOWN_THRESHOLD = t, k
                    results[f"{Path(model).stem} {t:.2f}/{k:.2f}"] = counts(pii(with_crf, records))
        for label, c in results.items():
            sums.setdefault(f"{group:9} {label}", Counter()).update(c)
            if not args.sums:
                print(f"{name:16} {label:22} {row(c)}", flush=True)
    print()
    for label, c in sums.items():
        if label.split()[0] in ("tuning", "held-out") or args.writers:
            print(f"SUM {label:34} {row(c)}")


if __name__ == "__main__":
    main()
