"""Pin the shipped model's injection scores on the dev sets: `python -m dev.injection.snapshot`.

Writes dev/injection/dev_scores.json ({record id: score}) for every record of the dev injection sets.
`tests/unit/test_policy_injection_scores.py` checks the screen still returns exactly these scores, so a
cost-only change (a faster path, a cheaper gate) provably changes no score and no decision. Re-run it
only when the model or a detection rule changes on purpose (and say so in the commit).
"""

from __future__ import annotations

import json
from pathlib import Path

from shared.policy.injection import LayeredInjectionDetector

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "dev" / "injection" / "dev_scores.json"


def dev_records() -> list[dict[str, str]]:
    """Every record of the dev injection and PII sets (never a blind set; the PII texts exercise
    digits, links and encodings), ids made unique by file name."""
    policy = ROOT / "bench" / "policy"
    paths = sorted(policy.glob("injection_*.jsonl")) + sorted(policy.glob("dev-*/*.jsonl"))
    paths += [policy / "corpus.jsonl", *sorted(policy.glob("holdout*.jsonl"))]
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                rec["key"] = f"{path.parent.name}/{path.stem}:{rec['id']}"
                out.append(rec)
    return out


def main() -> None:
    detector = LayeredInjectionDetector()
    scores = {rec["key"]: detector.score(rec["text"]).score for rec in dev_records()}
    OUT.write_text(json.dumps(scores, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(scores)} scores")


if __name__ == "__main__":
    main()
