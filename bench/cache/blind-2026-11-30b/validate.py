#!/usr/bin/env python3
"""Validate pairs.jsonl; writes a report to validate_output.txt and exits 1 on FAIL."""
import collections, json, os, re, sys, tempfile, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build  # noqa: E402

FIELDS = ["id", "a", "b", "label", "kind", "lang", "topic"]
LANGS = {"en", "de", "fr", "es", "mixed"}
MIN_PER_KIND, MIN_TOTAL, MIN_TOPICS, MIN_PER_TOPIC = 25, 430, 15, 10
NON_EN_SHARE = (0.15, 0.30)
MAX_OPENING_SHARE = 0.08

errors, lines = [], []


def err(msg):
    errors.append(msg)


def strip_case_punct(s):
    s = s.lower()
    return "".join(ch for ch in s
                   if not ch.isspace() and not unicodedata.category(ch).startswith("P")
                   and not unicodedata.category(ch).startswith("S"))


def words(s):
    return re.findall(r"[\w'’-]+", s.lower())


path = os.path.join(HERE, "pairs.jsonl")
rows = []
with open(path, encoding="utf-8") as fh:
    for n, raw in enumerate(fh, 1):
        try:
            obj = json.loads(raw)
        except Exception as e:  # noqa: BLE001
            err("line %d: invalid JSON (%s)" % (n, e))
            continue
        if not isinstance(obj, dict) or list(obj.keys()) != FIELDS:
            err("line %d: fields %r != %r" % (n, list(obj) if isinstance(obj, dict) else obj, FIELDS))
            continue
        rows.append(obj)

allowed_kinds = set(build.HIT_KINDS) | set(build.MISS_KINDS)
seen_pairs = {}
for i, r in enumerate(rows, 1):
    if r["id"] != "bc4-%04d" % i:
        err("row %d: id %r not sequential" % (i, r["id"]))
    for f in FIELDS:
        if not isinstance(r[f], str) or not r[f].strip():
            err("%s: empty/non-string field %s" % (r["id"], f))
    if r["kind"] not in allowed_kinds:
        err("%s: bad kind %r" % (r["id"], r["kind"]))
        continue
    if r["label"] != build.label_for(r["kind"]):
        err("%s: label %r inconsistent with kind %r" % (r["id"], r["label"], r["kind"]))
    if r["lang"] not in LANGS:
        err("%s: bad lang %r" % (r["id"], r["lang"]))
    if (r["kind"] == "language") != (r["lang"] == "mixed"):
        err("%s: lang 'mixed' must be used exactly for kind 'language'" % r["id"])
    if not re.fullmatch(r"[a-z][a-z_]*", r["topic"]):
        err("%s: bad topic %r" % (r["id"], r["topic"]))
    if r["a"] == r["b"]:
        err("%s: a == b" % r["id"])
    key = frozenset([r["a"], r["b"]])
    if key in seen_pairs:
        err("%s: duplicate pair of %s" % (r["id"], seen_pairs[key]))
    seen_pairs[key] = r["id"]
    if r["kind"] == "casing" and strip_case_punct(r["a"]) != strip_case_punct(r["b"]):
        err("%s: casing pair differs beyond case/punctuation/whitespace" % r["id"])
    if r["kind"] != "casing" and r["label"] == "miss" and strip_case_punct(r["a"]) == strip_case_punct(r["b"]):
        err("%s: miss pair identical up to case/punctuation" % r["id"])

ids = [r["id"] for r in rows]
if len(set(ids)) != len(ids):
    err("duplicate ids")

# rebuild determinism
with tempfile.TemporaryDirectory() as td:
    outs = []
    for k in range(2):
        p = os.path.join(td, "p%d.jsonl" % k)
        build.build(os.path.join(HERE, "src"), p)
        outs.append(open(p, "rb").read())
    if outs[0] != outs[1]:
        err("build is not deterministic")
    if outs[0] != open(path, "rb").read():
        err("pairs.jsonl differs from a fresh rebuild of src/")

# counts
by_kind = collections.Counter(r["kind"] for r in rows)
by_topic = collections.Counter(r["topic"] for r in rows)
by_label = collections.Counter(r["label"] for r in rows)
by_kl = collections.Counter((r["kind"], r["lang"]) for r in rows)
if len(rows) < MIN_TOTAL:
    err("total %d < %d" % (len(rows), MIN_TOTAL))
for k in build.HIT_KINDS + build.MISS_KINDS:
    if by_kind[k] < MIN_PER_KIND:
        err("kind %s has %d < %d" % (k, by_kind[k], MIN_PER_KIND))
if len(by_topic) < MIN_TOPICS:
    err("only %d topics" % len(by_topic))
for t, c in by_topic.items():
    if c < MIN_PER_TOPIC:
        err("topic %s has %d < %d" % (t, c, MIN_PER_TOPIC))
single = [r for r in rows if r["lang"] != "mixed"]
non_en = [r for r in single if r["lang"] in ("de", "fr", "es")]
share = len(non_en) / len(single) if single else 0
if not (NON_EN_SHARE[0] <= share <= NON_EN_SHARE[1]):
    err("DE/FR/ES share of single-language pairs %.3f outside %s" % (share, NON_EN_SHARE))
for lg in ("de", "fr", "es"):
    kinds_with = {r["kind"] for r in single if r["lang"] == lg}
    if len(kinds_with) < 5:
        err("lang %s only appears in %d kinds" % (lg, len(kinds_with)))

# 3-word openings over all prompts
prompts = [r[s] for r in rows for s in ("a", "b")]
openings = collections.Counter(" ".join(words(p)[:3]) for p in prompts if len(words(p)) >= 3)
top_open, top_count = openings.most_common(1)[0]
if top_count / len(prompts) > MAX_OPENING_SHARE:
    err("opening %r starts %d/%d prompts (> %.0f%%)" % (top_open, top_count, len(prompts), MAX_OPENING_SHARE * 100))
short = min(len(words(p)) for p in prompts)
if short < 3:
    err("some prompt has fewer than 3 words")

# report
lines.append("validate.py report for %s" % path)
lines.append("rows: %d (hit %d, miss %d)" % (len(rows), by_label["hit"], by_label["miss"]))
lines.append("kinds: " + ", ".join("%s=%d" % (k, by_kind[k]) for k in build.HIT_KINDS + build.MISS_KINDS))
lines.append("topics (%d): " % len(by_topic) + ", ".join("%s=%d" % kv for kv in sorted(by_topic.items())))
lines.append("langs: " + ", ".join("%s=%d" % kv for kv in sorted(collections.Counter(r["lang"] for r in rows).items())))
lines.append("DE/FR/ES share of single-language pairs: %d/%d = %.1f%%" % (len(non_en), len(single), 100 * share))
lines.append("most common 3-word openings: " + "; ".join("%r=%d" % kv for kv in openings.most_common(5))
             + " (of %d prompts, max %.1f%%)" % (len(prompts), 100 * top_count / len(prompts)))
lines.append("shortest prompt: %d words" % short)
lines.append("checks: JSON validity, exact field order, allowed values, kind/label, sequential unique ids, "
             "no duplicate pairs (order-insensitive), casing-only differences, rebuild determinism, "
             "minimum counts, language share, opening diversity, prompts >= 3 words")
if errors:
    lines.append("RESULT: FAIL (%d errors)" % len(errors))
    lines.extend("  - " + e for e in errors)
else:
    lines.append("RESULT: PASS")
out = "\n".join(lines) + "\n"
open(os.path.join(HERE, "validate_output.txt"), "w", encoding="utf-8").write(out)
print(out, end="")
sys.exit(1 if errors else 0)
