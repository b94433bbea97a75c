#!/usr/bin/env python3
"""Validate pairs.jsonl; prints a report and writes it to validate_output.txt.
Exit code 0 = PASS, 1 = FAIL."""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build  # noqa: E402  (used for allowed values and a determinism re-check)

FIELDS = ["id", "a", "b", "label", "kind", "lang", "topic"]
MIN_TOTAL = 440
MIN_PER_KIND = 25
MIN_TOPICS = 18
MIN_PER_TOPIC = 10
NON_EN_SHARE = (0.15, 0.30)   # share of DE/FR/ES among single-language pairs (target ~20%)
MIN_PER_NON_EN_LANG = 20
MAX_OPENING_SHARE = 0.08      # no 3-word opening may start more than 8% of all prompts

report = []
errors = []


def say(s=""):
    report.append(s)


def err(s):
    errors.append(s)


path = os.path.join(HERE, "pairs.jsonl")
rows = []
with open(path, encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            err(f"line {n}: blank line")
            continue
        try:
            r = json.loads(line)
        except json.JSONDecodeError as e:
            err(f"line {n}: invalid JSON ({e})")
            continue
        if not isinstance(r, dict):
            err(f"line {n}: not an object")
            continue
        if list(r.keys()) != FIELDS:
            err(f"line {n}: fields {list(r.keys())} != {FIELDS}")
        for f in FIELDS:
            if not isinstance(r.get(f), str) or not r.get(f, "").strip():
                err(f"line {n}: field {f!r} missing/empty/not a string")
        rows.append(r)

ids = [r.get("id") for r in rows]
for i, rid in enumerate(ids, 1):
    if rid != f"bc3-{i:04d}":
        err(f"id at line {i} is {rid!r}, expected bc3-{i:04d}")
dup_ids = [k for k, v in collections.Counter(ids).items() if v > 1]
if dup_ids:
    err(f"duplicate ids: {dup_ids}")

seen = {}
for r in rows:
    rid, a, b = r.get("id"), r.get("a", ""), r.get("b", "")
    kind, label, lang = r.get("kind"), r.get("label"), r.get("lang")
    if label not in ("hit", "miss"):
        err(f"{rid}: bad label {label!r}")
    if kind not in build.LABEL_OF:
        err(f"{rid}: bad kind {kind!r}")
    elif build.LABEL_OF[kind] != label:
        err(f"{rid}: kind {kind} requires label {build.LABEL_OF[kind]}, got {label}")
    if lang not in build.LANGS:
        err(f"{rid}: bad lang {lang!r}")
    if (kind == "language") != (lang == "mixed"):
        err(f"{rid}: kind 'language' must go with lang 'mixed' and vice versa")
    if not re.fullmatch(r"[a-z_]+", r.get("topic", "")):
        err(f"{rid}: bad topic slug {r.get('topic')!r}")
    if a == b:
        err(f"{rid}: a == b")
    if "::" in a or "::" in b:
        err(f"{rid}: '::' inside a prompt")
    if a != a.strip() or b != b.strip():
        err(f"{rid}: leading/trailing whitespace")
    key = frozenset([a, b])
    if key in seen:
        err(f"{rid}: duplicate pair (order-insensitive) of {seen[key]}")
    else:
        seen[key] = rid
    if kind == "casing" and re.sub(r"[^\w]", "", a.lower()) != re.sub(r"[^\w]", "", b.lower()):
        err(f"{rid}: casing pair differs in more than case/punctuation")

# determinism: rebuilding from src must reproduce the file exactly
rebuilt = build.build()
if rebuilt != rows:
    err("pairs.jsonl differs from a fresh build of src/*.txt (run build.py)")

kinds = collections.Counter(r["kind"] for r in rows)
labels = collections.Counter(r["label"] for r in rows)
langs = collections.Counter(r["lang"] for r in rows)
topics = collections.Counter(r["topic"] for r in rows)
kind_lang = collections.defaultdict(collections.Counter)
for r in rows:
    kind_lang[r["kind"]][r["lang"]] += 1

if len(rows) < MIN_TOTAL:
    err(f"only {len(rows)} pairs (< {MIN_TOTAL})")
for k in build.HIT_KINDS + build.MISS_KINDS:
    if kinds[k] < MIN_PER_KIND:
        err(f"kind {k}: {kinds[k]} pairs (< {MIN_PER_KIND})")
if len(topics) < MIN_TOPICS:
    err(f"only {len(topics)} topics (< {MIN_TOPICS})")
for t, c in topics.items():
    if c < MIN_PER_TOPIC:
        err(f"topic {t}: only {c} pairs (< {MIN_PER_TOPIC})")
single = sum(c for l, c in langs.items() if l != "mixed")
non_en = sum(langs[l] for l in ("de", "fr", "es"))
share = non_en / single if single else 0.0
if not (NON_EN_SHARE[0] <= share <= NON_EN_SHARE[1]):
    err(f"DE/FR/ES share of single-language pairs {share:.3f} outside {NON_EN_SHARE}")
for l in ("de", "fr", "es"):
    if langs[l] < MIN_PER_NON_EN_LANG:
        err(f"lang {l}: only {langs[l]} pairs (< {MIN_PER_NON_EN_LANG})")

openings = collections.Counter()
for r in rows:
    for p in (r["a"], r["b"]):
        w = re.findall(r"[\w'/-]+", p.lower())
        openings[" ".join(w[:3])] += 1
n_prompts = 2 * len(rows)
top_open = openings.most_common(8)
if top_open and top_open[0][1] / n_prompts > MAX_OPENING_SHARE:
    err(f"opening {top_open[0][0]!r} starts {top_open[0][1]} of {n_prompts} prompts "
        f"(> {MAX_OPENING_SHARE:.0%})")

say("validate.py report for pairs.jsonl (blind cache set bc3)")
say(f"pairs: {len(rows)}   labels: hit={labels['hit']} miss={labels['miss']}")
say("")
say("per kind (label, total, en/de/fr/es/mixed):")
for k in build.HIT_KINDS + build.MISS_KINDS:
    kl = kind_lang[k]
    say(f"  {k:15s} {build.LABEL_OF[k]:4s} {kinds[k]:4d}   "
        f"en={kl['en']} de={kl['de']} fr={kl['fr']} es={kl['es']} mixed={kl['mixed']}")
say("")
say("per language: " + ", ".join(f"{l}={langs[l]}" for l in ("en", "de", "fr", "es", "mixed")))
say(f"DE/FR/ES share of single-language pairs: {non_en}/{single} = {share:.1%}")
say("")
say(f"topics ({len(topics)}):")
for t, c in sorted(topics.items()):
    tl = collections.Counter(r["label"] for r in rows if r["topic"] == t)
    say(f"  {t:18s} {c:3d}  (hit={tl['hit']}, miss={tl['miss']})")
say("")
say("most frequent 3-word openings (of %d prompts):" % n_prompts)
for o, c in top_open:
    say(f"  {c:3d}  {o}")
say("")
if errors:
    say(f"FAIL: {len(errors)} problem(s)")
    for e in errors:
        say("  - " + e)
else:
    say("PASS: all checks passed (JSON, fields, allowed values, kind/label and kind/lang "
        "consistency, sequential unique ids, no order-insensitive duplicate pairs, casing "
        "pairs differ only in case/punctuation, rebuild determinism, minimum counts, "
        "topic coverage, language share, opening variety)")

text = "\n".join(report) + "\n"
with open(os.path.join(HERE, "validate_output.txt"), "w", encoding="utf-8") as fh:
    fh.write(text)
print(text, end="")
sys.exit(1 if errors else 0)
