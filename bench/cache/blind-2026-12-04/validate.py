#!/usr/bin/env python3
"""Validate pairs.jsonl (stdlib only)."""
import json, os, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
HIT_KINDS = {"paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"}
MISS_KINDS = {"number", "entity", "identifier", "scope", "format", "negation",
              "direction_unit", "language", "superlative"}
KEYS = ["id", "a", "b", "label", "kind", "lang", "topic"]
LANGS = {"en", "de", "fr", "es"}

errors = []
rows = []
with open(os.path.join(HERE, "pairs.jsonl"), encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            o = json.loads(line)
        except Exception as e:
            errors.append(f"line {n}: invalid JSON: {e}")
            continue
        if list(o.keys()) != KEYS:
            errors.append(f"line {n}: keys {list(o.keys())} != {KEYS}")
        for k in KEYS:
            if not isinstance(o.get(k), str) or not o.get(k).strip():
                errors.append(f"line {n}: key {k} missing/empty/non-string")
        rows.append(o)

ids = [r.get("id") for r in rows]
for i, c in Counter(ids).items():
    if c > 1:
        errors.append(f"duplicate id {i}")
for i, r in enumerate(rows):
    if not (isinstance(r.get("id"), str) and r["id"].startswith("bc8-") and r["id"][4:].isdigit()):
        errors.append(f"bad id {r.get('id')}")
    kind, label = r.get("kind"), r.get("label")
    if kind in HIT_KINDS:
        if label != "hit":
            errors.append(f"{r['id']}: kind {kind} must be hit")
    elif kind in MISS_KINDS:
        if label != "miss":
            errors.append(f"{r['id']}: kind {kind} must be miss")
    else:
        errors.append(f"{r['id']}: unknown kind {kind}")
    if r.get("lang") not in LANGS:
        errors.append(f"{r['id']}: bad lang {r.get('lang')}")
    if r.get("a") == r.get("b"):
        errors.append(f"{r['id']}: a == b")

# duplicate pairs (order-insensitive, exact text) and reused prompts
pairkeys = Counter(frozenset((r["a"], r["b"])) for r in rows)
for k, c in pairkeys.items():
    if c > 1:
        errors.append(f"duplicate pair: {sorted(k)}")
prompt_use = Counter()
for r in rows:
    prompt_use[r["a"]] += 1
    prompt_use[r["b"]] += 1
reused = [p for p, c in prompt_use.items() if c > 1]

kinds = Counter(r["kind"] for r in rows)
labels = Counter(r["label"] for r in rows)
langs = Counter(r["lang"] for r in rows)
topics = Counter(r["topic"] for r in rows)
for k in sorted(HIT_KINDS | MISS_KINDS):
    if kinds.get(k, 0) < 27:
        errors.append(f"kind {k} has {kinds.get(k, 0)} < 27")
if len(topics) < 15:
    errors.append(f"only {len(topics)} topics (< 15)")
non_en = sum(c for l, c in langs.items() if l != "en")
share = non_en / len(rows) if rows else 0
if not (0.18 <= share <= 0.25):
    errors.append(f"non-English share {share:.3f} outside [0.18, 0.25]")
if len(rows) < 440:
    errors.append(f"only {len(rows)} pairs (< 440)")
kind_topics = {}
for r in rows:
    kind_topics.setdefault(r["kind"], set()).add(r["topic"])
for k, ts in kind_topics.items():
    if len(ts) < 5:
        errors.append(f"kind {k} spans only {len(ts)} topics")

print(f"pairs: {len(rows)}")
print("labels:", dict(sorted(labels.items())))
print("kinds:")
for k in sorted(kinds):
    lk = Counter(r["lang"] for r in rows if r["kind"] == k)
    print(f"  {k:15s} {kinds[k]:3d}  topics={len(kind_topics[k]):2d}  langs={dict(sorted(lk.items()))}")
print("langs:", dict(sorted(langs.items())), f"non-English share={share:.3f}")
print(f"topics ({len(topics)}):")
for t, c in sorted(topics.items()):
    print(f"  {t:18s} {c}")
print(f"prompts used in more than one pair (info only): {len(reused)}")
for p in reused:
    print("   ", p)
if errors:
    print(f"FAIL: {len(errors)} error(s)")
    for e in errors:
        print("  -", e)
    sys.exit(1)
print("OK: all checks passed")
