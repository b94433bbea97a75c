"""Policy benchmark: recall per type, precision of masked spans, false positives on look-alikes,
injection precision/recall, and redaction time per KB. `make bench-policy [CORPUS=path]`.

Corpus records: {"id", "text", "entities": [{"type", "value"}], "non_entities": [{"type", "value"}]}.
A labeled value counts as found only when every occurrence of it is fully covered by masked spans;
every detector counts as masking here (the profile decides actions, not what is found).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from collections import Counter
from pathlib import Path

from bench.policy.injection_set import ATTACKS, BENIGN, HOLDOUT_ATTACKS, HOLDOUT_BENIGN
from shared.policy.engine import PolicyEngine
from shared.policy.profiles import BUILTIN_PROFILES, PolicySettings
from shared.policy.pseudonymize import Pseudonymizer

DEFAULT = Path(__file__).resolve().parent / "policy" / "corpus.jsonl"
CHECKSUM_FORMAT = {
    "EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "US_SSN", "PASSPORT", "DATE_OF_BIRTH", "IP_ADDRESS",
    "GOOGLE_API_KEY", "GCP_PRIVATE_KEY", "AWS_ACCESS_KEY", "JWT", "URL_TOKEN", "SECRET",
}  # fmt: skip


def occurrences(text: str, value: str) -> list[tuple[int, int]]:
    out, start = [], text.find(value)
    while start != -1:
        out.append((start, start + len(value)))
        start = text.find(value, start + 1)
    return out


def covered(span: tuple[int, int], masks: list[tuple[int, int]]) -> bool:
    position = span[0]
    for start, end in sorted(masks):
        if start <= position < end:
            position = end
        if position >= span[1]:
            return True
    return position >= span[1]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(engine: PolicyEngine, records: list[dict[str, object]]) -> dict[str, object]:
    found, total = Counter(), Counter()
    neg_hit, neg_total = Counter(), Counter()
    true_masks = all_masks = 0
    misses: list[str] = []
    for rec in records:
        text = str(rec["text"])
        masks = [(f.start, f.end) for f in engine.scan(text)]
        labeled = []
        for ent in rec["entities"]:  # type: ignore[attr-defined]
            spans = occurrences(text, ent["value"])
            labeled += spans
            total[ent["type"]] += 1
            if spans and all(covered(s, masks) for s in spans):
                found[ent["type"]] += 1
            else:
                misses.append(f"{rec['id']} {ent['type']}")
        for neg in rec.get("non_entities", []):  # type: ignore[attr-defined]
            spans = occurrences(text, neg["value"])
            neg_total[neg["type"]] += 1
            if any(overlaps(s, m) for s in spans for m in masks):
                neg_hit[neg["type"]] += 1
        all_masks += len(masks)
        true_masks += sum(any(overlaps(m, s) for s in labeled) for m in masks)
    return {"found": found, "total": total, "neg_hit": neg_hit, "neg_total": neg_total,
            "precision": true_masks / all_masks if all_masks else 1.0, "misses": misses}  # fmt: skip


PROSE = (
    "Hi team, please review the attached quarterly summary before Thursday's planning session. Revenue "
    "grew in every region except the north-east, where two large renewals slipped into next quarter. "
    "Support tickets fell by eleven percent after the new onboarding flow shipped, and churn held flat. "
    "For questions about the forecast model, write to forecast.owner@example.com or call +44 20 7946 0958. "
    "We still need decisions on three items: the hiring plan for the platform group, the budget for the "
    "partner program, and whether the pricing change goes out in March or waits for the annual review. "
)


def _two_kb(text: str) -> str:
    while len(text.encode()) < 2048:
        text += text
    return text.encode()[:2048].decode(errors="ignore")


def _clock(engine: PolicyEngine, prompt: str, n: int) -> tuple[list[float], list[float]]:
    """Wall and thread-CPU milliseconds per redaction of `prompt` (CPU time is what a busy,
    shared machine inflates least)."""
    profile = BUILTIN_PROFILES["standard"]
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.thread_time()
        engine.redact(prompt, profile, Pseudonymizer())
        cpu.append((time.thread_time() - start_cpu) * 1000)
        wall.append((time.perf_counter() - start) * 1000)
    return wall, cpu


def timings(engine: PolicyEngine, records: list[dict[str, object]], rounds: int) -> dict[str, float]:
    per_kb: list[float] = []
    for _ in range(rounds):
        for rec in records:
            text = str(rec["text"])
            wall, _ = _clock(engine, text, 1)
            per_kb.append(wall[0] / (len(text.encode()) / 1024))
    dense = _two_kb("\n".join(str(rec["text"]) for rec in records[:40]))  # consecutive corpus records
    prose = _two_kb(PROSE)  # ordinary prose with one email and one phone number per paragraph
    q = statistics.quantiles
    out = {"per_kb_p50": statistics.median(per_kb), "per_kb_p99": q(per_kb, n=100)[98]}
    for name, prompt in (("dense", dense), ("prose", prose)):
        wall, cpu = _clock(engine, prompt, rounds * 100)
        out[f"{name}_p50"], out[f"{name}_p99"] = statistics.median(wall), q(wall, n=100)[98]
        out[f"{name}_cpu_p50"] = statistics.median(cpu)
    return out


def injection(engine: PolicyEngine, attacks: list[str], benign: list[str]) -> tuple[float, float, float]:
    threshold = PolicySettings().injection_threshold
    tp = sum(engine.screen(t).score >= threshold for t in attacks)
    fp = sum(engine.screen(t).score >= threshold for t in benign)
    precision = tp / (tp + fp) if tp + fp else 1.0
    return precision, tp / len(attacks), threshold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=os.environ.get("CORPUS") or str(DEFAULT))
    parser.add_argument("--rounds", type=int, default=5, help="timing passes over the corpus")
    parser.add_argument("--misses", action="store_true", help="list the labeled values that were missed")
    args = parser.parse_args()
    records = [json.loads(line) for line in Path(args.corpus).read_text().splitlines() if line.strip()]
    engine = PolicyEngine()
    result = evaluate(engine, records)
    found, total = result["found"], result["total"]
    print(f"corpus: {args.corpus} ({len(records)} records)\n")
    print("| type | labeled | found | recall | target |")
    print("|---|---:|---:|---:|---:|")
    for kind in sorted(total):  # type: ignore[arg-type]
        target = "0.99" if kind in CHECKSUM_FORMAT else "0.90"
        print(f"| {kind} | {total[kind]} | {found[kind]} | {found[kind] / total[kind]:.3f} | {target} |")
    print(
        f"| **all** | {sum(total.values())} | {sum(found.values())} | "  # type: ignore[union-attr]
        f"{sum(found.values()) / max(1, sum(total.values())):.3f} | |"
    )  # type: ignore[union-attr]
    neg_hit, neg_total = result["neg_hit"], result["neg_total"]
    print("\n| look-alike | values | masked (false positive) | rate |")
    print("|---|---:|---:|---:|")
    for kind in sorted(neg_total):  # type: ignore[arg-type]
        print(f"| {kind} | {neg_total[kind]} | {neg_hit[kind]} | {neg_hit[kind] / neg_total[kind]:.3f} |")
    all_neg, all_hit = sum(neg_total.values()), sum(neg_hit.values())  # type: ignore[union-attr]
    print(f"| **all** | {all_neg} | {all_hit} | {all_hit / max(1, all_neg):.3f} |")
    precision, recall, threshold = injection(engine, ATTACKS, BENIGN)
    held_p, held_r, _ = injection(engine, HOLDOUT_ATTACKS, HOLDOUT_BENIGN)
    t = timings(engine, records, args.rounds)
    print("\n| metric | value |\n|---|---:|")
    print(f"| precision of masked spans | {result['precision']:.3f} |")
    print(f"| false-positive rate on non_entities | {all_hit / max(1, all_neg):.3f} |")
    sizes = f"{len(ATTACKS)} attacks + {len(BENIGN)} benign"
    print(f"| injection precision (threshold {threshold}, {sizes}) | {precision:.3f} |")
    print(f"| injection recall | {recall:.3f} |")
    held = f"{len(HOLDOUT_ATTACKS)} + {len(HOLDOUT_BENIGN)}, held out"
    print(f"| injection precision / recall ({held}) | {held_p:.3f} / {held_r:.3f} |")
    print(f"| redaction ms per KB, p50 | {t['per_kb_p50']:.3f} |")
    print(f"| redaction ms per KB, p99 | {t['per_kb_p99']:.3f} |")
    for name, label in (
        ("dense", "2 KB of corpus records (dense PII)"),
        ("prose", "2 KB of prose, 2 values/para"),
    ):
        print(
            f"| redaction of {label}, wall ms p50 / p99 | {t[name + '_p50']:.3f} / {t[name + '_p99']:.3f} |"
        )
        print(f"| redaction of {label}, CPU ms p50 | {t[name + '_cpu_p50']:.3f} |")
    print(f"\nload average during the run: {os.getloadavg()[0]:.2f} (2 cores, shared)")
    if args.misses:
        print("\nmissed:", *result["misses"], sep="\n  ")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
