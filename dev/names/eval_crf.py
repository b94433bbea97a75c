"""The name recognizer on the dev sets, by threshold (dev-only): `python -m dev.names.eval_crf [-t 0.5 0.7]`.

Prints, per dev set half, PERSON and ADDRESS recall and the look-alikes masked under `standard` and
`strict`, for the existing detectors alone and with the recognizer at each threshold (aggregate rows
only, as `bench.policy_bench` prints; the held-out halves are read as nothing else).
"""

from __future__ import annotations

import argparse

from bench.policy.metrics import load_jsonl
from bench.policy_bench import pii
from dev.injection.devsplit import half
from dev.names.train_crf import HALVED, WHOLE
from shared.policy import recognizer
from shared.policy.engine import EXISTING_DETECTORS, PolicyEngine


def sets() -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for path in WHOLE:
        if path.exists():
            out[path.parent.name[4:]] = load_jsonl(path)
    for path in HALVED:
        if path.exists():
            name = path.parent.name[9:]
            out[f"{name} tuning"] = half("train", path)  # type: ignore[assignment]
            out[f"{name} HELD-OUT"] = half("held-out", path)  # type: ignore[assignment]
    return out


def row(engine: PolicyEngine, records: list[dict[str, object]]) -> str:
    r = pii(engine, records)
    look = sum(r.neg_total.values())
    std, strict = sum(r.neg_hit["standard"].values()), sum(r.neg_hit["strict"].values())
    return (
        f"PERSON {r.found['PERSON']}/{r.total['PERSON']}  ADDRESS {r.found['ADDRESS']}/{r.total['ADDRESS']}  "
        f"look-alikes {std}/{look} std, {strict}/{look} strict  precision {r.precision:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-t", "--thresholds", type=float, nargs="*", default=[0.5])
    parser.add_argument("--only", default="", help="substring of the set names to run")
    args = parser.parse_args()
    base = PolicyEngine(EXISTING_DETECTORS)
    with_crf = PolicyEngine(EXISTING_DETECTORS + recognizer.RECOGNIZER_DETECTORS)
    for name, records in sets().items():
        if args.only not in name:
            continue
        print(f"{name:16} base      {row(base, records)}")
        for t in args.thresholds:
            recognizer.THRESHOLD = t
            print(f"{name:16} crf {t:.2f}  {row(with_crf, records)}")


if __name__ == "__main__":
    main()
