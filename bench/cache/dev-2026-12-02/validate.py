#!/usr/bin/env python3
"""Validate pairs.jsonl (stdlib only). Prints a report; exit code 1 on failure."""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "pairs.jsonl")

KEYS = ["id", "a", "b", "label", "kind", "lang", "topic"]
HIT_MIN = {"paraphrase": 45, "abbreviation": 45, "typo": 45, "formality": 45,
           "length": 45, "reorder": 15, "casing": 15}
MISS_MIN = {k: 15 for k in ["number", "entity", "identifier", "scope", "format",
                            "negation", "direction_unit", "language", "superlative"]}
LANGS = {"en", "de", "fr", "es"}
MIN_TOTAL = 500
MIN_TOPICS = 15
NON_EN_RANGE = (0.20, 0.30)

errors = []
rows = []
with open(PATH, encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: bad JSON ({e})")
            continue
        if list(obj.keys()) != KEYS:
            errors.append(f"line {n}: keys {list(obj.keys())} != {KEYS}")
        rows.append(obj)

ids = [r.get("id") for r in rows]
for r in rows:
    rid = r.get("id")
    if not isinstance(rid, str) or not re.fullmatch(r"cd6-\d{4}", rid):
        errors.append(f"{rid}: bad id format")
    for k in ("a", "b", "topic"):
        if not isinstance(r.get(k), str) or not r.get(k).strip():
            errors.append(f"{rid}: empty {k}")
    if r.get("a") == r.get("b"):
        errors.append(f"{rid}: A == B")
    kind = r.get("kind")
    if kind in HIT_MIN:
        if r.get("label") != "hit":
            errors.append(f"{rid}: kind {kind} must be hit")
    elif kind in MISS_MIN:
        if r.get("label") != "miss":
            errors.append(f"{rid}: kind {kind} must be miss")
    else:
        errors.append(f"{rid}: unknown kind {kind}")
    if r.get("lang") not in LANGS:
        errors.append(f"{rid}: bad lang {r.get('lang')}")
    if r.get("a", "").strip() != r.get("a") or r.get("b", "").strip() != r.get("b"):
        errors.append(f"{rid}: leading/trailing whitespace")
    if "|||" in r.get("a", "") + r.get("b", ""):
        errors.append(f"{rid}: separator leaked into text")

dup_ids = [i for i, c in collections.Counter(ids).items() if c > 1]
if dup_ids:
    errors.append(f"duplicate ids: {dup_ids}")

seen = {}
for r in rows:
    key = frozenset([r["a"].strip().lower(), r["b"].strip().lower()])
    # casing pairs differ only by case; keep them distinct by exact text
    key_exact = frozenset([r["a"], r["b"]])
    if key_exact in seen:
        errors.append(f"{r['id']}: duplicate pair of {seen[key_exact]}")
    seen[key_exact] = r["id"]
    if r["kind"] != "casing" and r["a"].lower() == r["b"].lower():
        errors.append(f"{r['id']}: differs only by case but kind is {r['kind']}")
    if r["kind"] == "casing" and r["a"].lower() != r["b"].lower():
        errors.append(f"{r['id']}: casing pair differs beyond case")

# the same prompt A should not be reused verbatim across many pairs
a_counts = collections.Counter(r["a"] for r in rows)
reused = {a: c for a, c in a_counts.items() if c > 1}

kind_counts = collections.Counter(r["kind"] for r in rows)
label_counts = collections.Counter(r["label"] for r in rows)
lang_counts = collections.Counter(r["lang"] for r in rows)
topic_counts = collections.Counter(r["topic"] for r in rows)
kind_topics = collections.defaultdict(set)
kind_langs = collections.defaultdict(collections.Counter)
for r in rows:
    kind_topics[r["kind"]].add(r["topic"])
    kind_langs[r["kind"]][r["lang"]] += 1

if len(rows) < MIN_TOTAL:
    errors.append(f"only {len(rows)} pairs (< {MIN_TOTAL})")
for k, m in {**HIT_MIN, **MISS_MIN}.items():
    if kind_counts[k] < m:
        errors.append(f"kind {k}: {kind_counts[k]} < {m}")
if len(topic_counts) < MIN_TOPICS:
    errors.append(f"only {len(topic_counts)} topics (< {MIN_TOPICS})")
non_en = sum(c for l, c in lang_counts.items() if l != "en")
share = non_en / len(rows) if rows else 0
if not (NON_EN_RANGE[0] <= share <= NON_EN_RANGE[1]):
    errors.append(f"non-English share {share:.3f} outside {NON_EN_RANGE}")
if len(set(ids)) != len(ids):
    errors.append("ids not unique")
expected_ids = [f"cd6-{i:04d}" for i in range(1, len(rows) + 1)]
if ids != expected_ids:
    errors.append("ids are not sequential cd6-0001..N in file order")

print(f"file: {PATH}")
print(f"pairs: {len(rows)}")
print(f"labels: {dict(sorted(label_counts.items()))}")
print("kinds (count / min / #topics / langs):")
for k in list(HIT_MIN) + list(MISS_MIN):
    m = {**HIT_MIN, **MISS_MIN}[k]
    print(f"  {k:15s} {kind_counts[k]:4d} / {m:3d} / {len(kind_topics[k]):2d} topics / "
          f"{dict(sorted(kind_langs[k].items()))}")
print(f"langs: {dict(sorted(lang_counts.items()))}  non-English share: {share:.1%}")
print(f"topics ({len(topic_counts)}):")
for t, c in sorted(topic_counts.items()):
    print(f"  {t:18s} {c}")
print(f"prompt A texts reused in more than one pair: {len(reused)}")
for a, c in sorted(reused.items()):
    print(f"  x{c}: {a}")
if errors:
    print(f"\nERRORS ({len(errors)}):")
    for e in errors:
        print("  " + e)
    sys.exit(1)
print("\nOK: all checks passed (schema, ids, duplicates, A!=B, label/kind, "
      "minimum counts, topics, language share)")
