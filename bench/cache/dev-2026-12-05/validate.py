#!/usr/bin/env python3
"""Validate pairs.jsonl (stdlib only). Exit code 1 on any failure."""
import json, os, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
KEYS = ["id", "a", "b", "label", "kind", "lang", "topic"]
KIND_LABEL = {"direction_unit": "miss", "number": "miss", "negation": "miss",
              "superlative": "miss", "formality": "hit", "paraphrase": "hit",
              "length": "hit"}
MIN_KIND = {"direction_unit": 120, "number": 50, "negation": 50,
            "superlative": 40, "formality": 50, "paraphrase": 50, "length": 40}
LANGS = {"en", "de", "fr", "es"}

def main():
    errors = []
    rows = []
    with open(os.path.join(HERE, "pairs.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                r = json.loads(line)
            except Exception as e:
                errors.append(f"line {n}: bad json {e}")
                continue
            if list(r.keys()) != KEYS:
                errors.append(f"line {n}: keys {list(r.keys())}")
            rows.append(r)
    ids = Counter(r["id"] for r in rows)
    for i, c in ids.items():
        if c > 1:
            errors.append(f"duplicate id {i}")
    seen = Counter()
    for r in rows:
        for k in ("a", "b", "topic"):
            if not isinstance(r.get(k), str) or not r[k].strip():
                errors.append(f"{r['id']}: empty {k}")
        if r["a"] == r["b"]:
            errors.append(f"{r['id']}: a == b")
        if r["a"].strip().lower() == r["b"].strip().lower():
            errors.append(f"{r['id']}: a == b ignoring case")
        if r["kind"] not in KIND_LABEL:
            errors.append(f"{r['id']}: unknown kind {r['kind']}")
        elif KIND_LABEL[r["kind"]] != r["label"]:
            errors.append(f"{r['id']}: label {r['label']} does not fit kind {r['kind']}")
        if r["lang"] not in LANGS:
            errors.append(f"{r['id']}: bad lang {r['lang']}")
        if "|||" in r["a"] or "|||" in r["b"]:
            errors.append(f"{r['id']}: separator leaked")
        seen[(r["a"], r["b"])] += 1
        seen_key_rev = (r["b"], r["a"])
    pairset = Counter(frozenset((r["a"], r["b"])) for r in rows)
    for k, c in pairset.items():
        if c > 1:
            errors.append(f"duplicate pair (either order): {sorted(k)}")
    kinds = Counter(r["kind"] for r in rows)
    labels = Counter(r["label"] for r in rows)
    langs = Counter(r["lang"] for r in rows)
    topics = Counter(r["topic"] for r in rows)
    for k, m in MIN_KIND.items():
        if kinds[k] < m:
            errors.append(f"kind {k}: {kinds[k]} < {m}")
    if len(rows) < 400:
        errors.append(f"only {len(rows)} pairs")
    if len(topics) < 15:
        errors.append(f"only {len(topics)} topics")
    non_en = sum(v for k, v in langs.items() if k != "en")
    share = non_en / max(1, len(rows))
    if not (0.20 <= share <= 0.30):
        errors.append(f"non-English share {share:.3f} outside [0.20, 0.30]")

    print(f"pairs: {len(rows)}")
    print("labels:", dict(sorted(labels.items())))
    print("kinds:")
    for k in MIN_KIND:
        sub = Counter(r["lang"] for r in rows if r["kind"] == k)
        print(f"  {k:15s} {kinds[k]:4d} (min {MIN_KIND[k]})  langs {dict(sorted(sub.items()))}")
    print("langs:", dict(sorted(langs.items())), f"non-English share {share:.3f}")
    print(f"topics ({len(topics)}):")
    for t, c in sorted(topics.items(), key=lambda x: (-x[1], x[0])):
        sub = Counter(r["label"] for r in rows if r["topic"] == t)
        print(f"  {t:18s} {c:3d}  {dict(sorted(sub.items()))}")
    if errors:
        print(f"ERRORS ({len(errors)}):")
        for e in errors:
            print("  " + e)
        print("RESULT: FAIL")
        sys.exit(1)
    print("RESULT: OK")

if __name__ == "__main__":
    main()
