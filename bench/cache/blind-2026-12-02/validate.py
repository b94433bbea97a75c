#!/usr/bin/env python3
"""Validate pairs.jsonl (stdlib only). Exit status 1 on any failure."""
import json, sys
from collections import Counter
from pathlib import Path

HIT = {"paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"}
MISS = {"number", "entity", "identifier", "scope", "format", "negation",
        "direction_unit", "language", "superlative"}
KEYS = ["id", "a", "b", "label", "kind", "lang", "topic"]
LANGS = {"en", "de", "fr", "es"}

def main():
    path = Path(__file__).resolve().parent / "pairs.jsonl"
    errors = []
    recs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            r = json.loads(line)
        except Exception as e:
            errors.append(f"line {n}: bad json {e}")
            continue
        if list(r.keys()) != KEYS:
            errors.append(f"line {n}: keys {list(r.keys())} != {KEYS}")
        for k in KEYS:
            if not isinstance(r.get(k), str) or not r.get(k).strip():
                errors.append(f"line {n}: field {k} empty or not a string")
        if r.get("kind") not in HIT | MISS:
            errors.append(f"line {n}: bad kind {r.get('kind')}")
        elif r["label"] != ("hit" if r["kind"] in HIT else "miss"):
            errors.append(f"line {n}: label {r['label']} inconsistent with kind {r['kind']}")
        if r.get("lang") not in LANGS:
            errors.append(f"line {n}: bad lang {r.get('lang')}")
        if r.get("a") == r.get("b"):
            errors.append(f"line {n}: a == b")
        recs.append(r)

    ids = Counter(r["id"] for r in recs)
    for i, c in ids.items():
        if c > 1:
            errors.append(f"duplicate id {i} x{c}")
    seen = Counter()
    for r in recs:
        seen[(r["a"], r["b"])] += 1
        seen_rev = (r["b"], r["a"])
    for k, c in seen.items():
        if c > 1:
            errors.append(f"duplicate pair {k} x{c}")
    unordered = Counter(frozenset((r["a"], r["b"])) for r in recs)
    for k, c in unordered.items():
        if c > 1:
            errors.append(f"duplicate pair (either order) {sorted(k)} x{c}")

    kinds = Counter(r["kind"] for r in recs)
    labels = Counter(r["label"] for r in recs)
    langs = Counter(r["lang"] for r in recs)
    topics = Counter(r["topic"] for r in recs)
    for k in sorted(HIT | MISS):
        if kinds[k] < 27:
            errors.append(f"kind {k}: only {kinds[k]} pairs (<27)")
    if len(topics) < 15:
        errors.append(f"only {len(topics)} topics (<15)")
    total = len(recs)
    non_en = total - langs["en"]
    share = non_en / total if total else 0
    if not (0.18 <= share <= 0.25):
        errors.append(f"non-English share {share:.3f} outside 0.18-0.25")
    if total < 440:
        errors.append(f"only {total} pairs (<440)")
    # each kind spread over several topics
    for k in sorted(HIT | MISS):
        t = {r["topic"] for r in recs if r["kind"] == k}
        if len(t) < 5:
            errors.append(f"kind {k}: only {len(t)} topics")

    print(f"file: {path}")
    print(f"total pairs: {total}")
    print(f"labels: {dict(sorted(labels.items()))}")
    print("kinds:")
    for k in sorted(kinds):
        kl = Counter(r["lang"] for r in recs if r["kind"] == k)
        nt = len({r["topic"] for r in recs if r["kind"] == k})
        print(f"  {k:15s} {kinds[k]:4d}  ({'hit' if k in HIT else 'miss'})  topics={nt:2d}  langs={dict(sorted(kl.items()))}")
    print(f"langs: {dict(sorted(langs.items()))}  non-English share: {share:.1%}")
    print(f"topics ({len(topics)}):")
    for t, c in sorted(topics.items()):
        print(f"  {t:18s} {c:4d}")
    if errors:
        print(f"\nFAILED with {len(errors)} error(s):")
        for e in errors:
            print("  " + e)
        sys.exit(1)
    print("\nOK: all checks passed")

if __name__ == "__main__":
    main()
