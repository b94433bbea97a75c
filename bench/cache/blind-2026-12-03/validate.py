#!/usr/bin/env python3
"""Validate pairs.jsonl (stdlib only). Exit code 1 on any hard error."""
import collections, json, os, re, string, sys

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
        except json.JSONDecodeError as e:
            errors.append(f"line {n}: invalid JSON: {e}")
            continue
        if list(obj.keys()) != KEYS:
            errors.append(f"line {n}: keys {list(obj.keys())} != {KEYS}")
        rows.append(obj)

ids = collections.Counter(r.get("id") for r in rows)
for i, c in ids.items():
    if c > 1:
        errors.append(f"duplicate id {i}")
    if not re.fullmatch(r"bc7-\d{4}", str(i)):
        errors.append(f"bad id format {i}")

seen = {}
for r in rows:
    rid = r.get("id")
    for k in ("a", "b", "topic"):
        if not isinstance(r.get(k), str) or not r.get(k).strip():
            errors.append(f"{rid}: empty/non-string {k}")
    if r.get("a") == r.get("b"):
        errors.append(f"{rid}: a == b")
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
    key = frozenset([r.get("a"), r.get("b")])
    if key in seen:
        errors.append(f"{rid}: duplicate pair of {seen[key]}")
    seen[key] = rid
    # soft checks
    if kind == "casing":
        norm = lambda s: re.sub(r"[\W_]+", " ", s.lower()).strip()
        if norm(r["a"]) != norm(r["b"]):
            warnings.append(f"{rid}: casing pair differs beyond case/punctuation")
    if kind == "reorder":
        bag = lambda s: sorted(re.findall(r"\w+", s.lower()))
        if bag(r["a"]) != bag(r["b"]):
            warnings.append(f"{rid}: reorder pair words not an exact permutation")

# duplicate prompts reused across pairs (informational)
prompt_count = collections.Counter()
for r in rows:
    prompt_count[r["a"]] += 1
    prompt_count[r["b"]] += 1
for p, c in prompt_count.items():
    if c > 1:
        warnings.append(f"prompt used {c} times: {p[:60]}")

by_kind = collections.Counter(r["kind"] for r in rows)
by_label = collections.Counter(r["label"] for r in rows)
by_lang = collections.Counter(r["lang"] for r in rows)
by_topic = collections.Counter(r["topic"] for r in rows)
for k in sorted(HIT_KINDS | MISS_KINDS):
    if by_kind[k] < 27:
        errors.append(f"kind {k} has only {by_kind[k]} pairs (<27)")
    topics_k = {r["topic"] for r in rows if r["kind"] == k}
    if len(topics_k) < 5:
        errors.append(f"kind {k} spread over only {len(topics_k)} topics")
    langs_k = collections.Counter(r["lang"] for r in rows if r["kind"] == k)
    if sum(v for l, v in langs_k.items() if l != "en") == 0:
        warnings.append(f"kind {k} has no non-English pairs")
if len(by_topic) < 15:
    errors.append(f"only {len(by_topic)} topics (<15)")
if len(rows) < 440:
    errors.append(f"only {len(rows)} pairs (<440)")
non_en = sum(v for l, v in by_lang.items() if l != "en")
share = non_en / len(rows)
if not (0.18 <= share <= 0.25):
    errors.append(f"non-English share {share:.3f} outside 0.18-0.25")

print(f"pairs: {len(rows)}")
print(f"labels: {dict(sorted(by_label.items()))}")
print("kinds:")
for k in sorted(by_kind):
    langs_k = collections.Counter(r["lang"] for r in rows if r["kind"] == k)
    topics_k = {r["topic"] for r in rows if r["kind"] == k}
    print(f"  {k:15s} {by_kind[k]:3d}  topics={len(topics_k):2d}  langs={dict(sorted(langs_k.items()))}")
print(f"langs: {dict(sorted(by_lang.items()))}  non-English share={share:.3f}")
print(f"topics ({len(by_topic)}):")
for t, c in sorted(by_topic.items()):
    print(f"  {t:18s} {c}")
print(f"warnings ({len(warnings)}):")
for w in warnings:
    print("  " + w)
print(f"errors ({len(errors)}):")
for e in errors:
    print("  " + e)
print("RESULT:", "OK" if not errors else "FAIL")
sys.exit(1 if errors else 0)
