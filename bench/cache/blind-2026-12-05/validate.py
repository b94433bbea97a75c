#!/usr/bin/env python3
"""Stdlib validator for pairs.jsonl."""
import collections, json, os, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
HIT_KINDS = {"paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"}
MISS_KINDS = {"number", "entity", "identifier", "scope", "format", "negation",
              "direction_unit", "language", "superlative"}
KEYS = ["id", "a", "b", "label", "kind", "lang", "topic"]
LANGS = {"en", "de", "fr", "es"}

errors, warnings = [], []
rows = []
with open(os.path.join(HERE, "pairs.jsonl"), encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            obj = json.loads(line)
        except Exception as e:
            errors.append(f"line {n}: invalid JSON ({e})")
            continue
        if list(obj.keys()) != KEYS:
            errors.append(f"line {n}: keys {list(obj.keys())} != {KEYS}")
        rows.append(obj)

ids = collections.Counter(r.get("id") for r in rows)
for i, c in ids.items():
    if c > 1:
        errors.append(f"duplicate id {i}")
    if not re.fullmatch(r"bc9-\d{4}", str(i)):
        errors.append(f"bad id format {i}")

seen = {}
for r in rows:
    rid = r.get("id")
    for k in KEYS:
        if not isinstance(r.get(k), str) or not r.get(k).strip():
            errors.append(f"{rid}: field {k} missing/empty")
    a, b = r.get("a", ""), r.get("b", "")
    if a == b:
        errors.append(f"{rid}: A == B")
    if a != a.strip() or b != b.strip():
        errors.append(f"{rid}: leading/trailing whitespace")
    kind, label = r.get("kind"), r.get("label")
    if kind in HIT_KINDS:
        if label != "hit":
            errors.append(f"{rid}: kind {kind} must be hit")
    elif kind in MISS_KINDS:
        if label != "miss":
            errors.append(f"{rid}: kind {kind} must be miss")
    else:
        errors.append(f"{rid}: unknown kind {kind}")
    if r.get("lang") not in LANGS:
        errors.append(f"{rid}: bad lang {r.get('lang')}")
    key = tuple(sorted((a, b)))
    if key in seen:
        errors.append(f"{rid}: duplicate pair of {seen[key]}")
    seen[key] = rid
    # casing pairs must differ only by case and punctuation
    if kind == "casing":
        norm = lambda s: re.sub(r"[\W_]+", "", unicodedata.normalize("NFC", s).casefold())
        if norm(a) != norm(b):
            errors.append(f"{rid}: casing pair differs beyond case/punctuation")
    # reorder pairs: soft check of word multiset overlap
    if kind == "reorder":
        w = lambda s: collections.Counter(re.findall(r"\w+", s.casefold()))
        wa, wb = w(a), w(b)
        diff = sum(((wa - wb) + (wb - wa)).values())
        if diff > 4:
            warnings.append(f"{rid}: reorder pair has {diff} non-shared word tokens")

# also flag identical A prompts reused across many pairs (informational)
a_counts = collections.Counter(r["a"] for r in rows)
for a, c in a_counts.items():
    if c > 1:
        warnings.append(f"prompt A used {c} times: {a!r}")

kinds = collections.Counter(r["kind"] for r in rows)
labels = collections.Counter(r["label"] for r in rows)
langs = collections.Counter(r["lang"] for r in rows)
topics = collections.Counter(r["topic"] for r in rows)

print(f"total pairs: {len(rows)}")
print("labels:", dict(sorted(labels.items())))
print("per kind:")
for k in sorted(HIT_KINDS | MISS_KINDS):
    ntop = len({r['topic'] for r in rows if r['kind'] == k})
    nlang = collections.Counter(r['lang'] for r in rows if r['kind'] == k)
    print(f"  {k:15s} {kinds.get(k, 0):4d}  topics={ntop:2d}  langs={dict(sorted(nlang.items()))}")
    if kinds.get(k, 0) < 27:
        errors.append(f"kind {k} has only {kinds.get(k, 0)} pairs (<27)")
    if ntop < 5:
        errors.append(f"kind {k} spans only {ntop} topics")
print("per lang:", dict(sorted(langs.items())))
non_en = sum(c for l, c in langs.items() if l != "en")
share = non_en / len(rows) if rows else 0
print(f"non-English share (by lang tag): {non_en}/{len(rows)} = {share:.1%}")
if not 0.18 <= share <= 0.25:
    errors.append(f"non-English share {share:.1%} outside 18-25%")
print(f"topics ({len(topics)}):")
for t, c in sorted(topics.items()):
    print(f"  {t:18s} {c}")
if len(topics) < 15:
    errors.append(f"only {len(topics)} topics (<15)")
if len(rows) < 440:
    errors.append(f"only {len(rows)} pairs (<440)")

for w in warnings:
    print("WARNING:", w)
for e in errors:
    print("ERROR:", e)
print("RESULT:", "PASS" if not errors else f"FAIL ({len(errors)} errors)")
sys.exit(1 if errors else 0)
