#!/usr/bin/env python3
"""Validate pairs.jsonl. Writes validate_output.txt; exit code 1 on any error."""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build  # noqa: E402

PAIRS = os.path.join(HERE, "pairs.jsonl")
REPORT = os.path.join(HERE, "validate_output.txt")

FIELDS = ["id", "a", "b", "label", "kind", "lang", "topic"]
HIT_KINDS = set(build.HIT_KINDS)
MISS_KINDS = set(build.MISS_KINDS)
ALL_KINDS = build.HIT_KINDS + build.MISS_KINDS
LANGS = ["en", "de", "fr", "es", "mixed"]
TOPICS = {"travel", "hr", "finance", "billing", "devops", "sql", "python", "cooking",
          "science", "geography", "math", "legal", "retail", "customer_service",
          "logistics", "networking", "education", "medicine_admin", "insurance",
          "real_estate", "marketing", "security", "data_analytics", "energy"}
PER_KIND = 28
MIN_TOPICS = 16          # brief: >=15 in validator, >=16 in coverage goal; check the stricter one
MIN_PER_TOPIC = 10
NON_EN = ("de", "fr", "es")
SHARE_LO, SHARE_HI = 0.15, 0.30
MIN_KINDS_PER_LANG = 5
OPENING_MAX = 0.08
MIN_WORDS = 3


def norm_alnum(s):
    """Lower-case and keep only letters/digits: equality means the strings differ
    only in case, punctuation or whitespace."""
    return "".join(ch.lower() for ch in s if ch.isalnum())


def words(s):
    return [w for w in s.split() if any(ch.isalnum() for ch in w)]


def opening(s):
    toks = []
    for w in s.split():
        t = "".join(ch.lower() for ch in w if ch.isalnum())
        if t:
            toks.append(t)
    return " ".join(toks[:3])


def main():
    errors, info = [], []

    def err(msg):
        errors.append(msg)

    # 1. JSON validity and field order
    recs = []
    with open(PAIRS, encoding="utf-8") as fh:
        raw = fh.read()
    for n, line in enumerate(raw.split("\n"), 1):
        if line == "":
            continue
        try:
            obj = json.loads(line, object_pairs_hook=lambda kv: kv)
        except json.JSONDecodeError as e:
            err(f"line {n}: invalid JSON: {e}")
            continue
        keys = [k for k, _ in obj]
        if keys != FIELDS:
            err(f"line {n}: fields {keys} != {FIELDS}")
        d = dict(obj)
        recs.append(d)
        for k in FIELDS:
            if not isinstance(d.get(k), str):
                err(f"line {n}: field {k} not a string")
    info.append(f"records: {len(recs)}")

    # 2. allowed values, kind/label, lang rules
    for r in recs:
        rid = r.get("id")
        if r.get("kind") not in ALL_KINDS:
            err(f"{rid}: unknown kind {r.get('kind')}")
            continue
        exp = "hit" if r["kind"] in HIT_KINDS else "miss"
        if r.get("label") != exp:
            err(f"{rid}: label {r.get('label')} inconsistent with kind {r['kind']}")
        if r.get("lang") not in LANGS:
            err(f"{rid}: bad lang {r.get('lang')}")
        if (r["kind"] == "language") != (r.get("lang") == "mixed"):
            err(f"{rid}: lang 'mixed' must be used exactly for kind 'language'")
        if r.get("topic") not in TOPICS:
            err(f"{rid}: topic {r.get('topic')} not in allowed list")
        if r["a"] == r["b"]:
            err(f"{rid}: a and b identical")
        for side in ("a", "b"):
            if len(words(r[side])) < MIN_WORDS:
                err(f"{rid}: prompt {side} has fewer than {MIN_WORDS} words: {r[side]!r}")
            if r[side] != r[side].strip() or "::" in r[side]:
                err(f"{rid}: prompt {side} has stray whitespace or '::'")

    # 3. sequential unique ids
    for i, r in enumerate(recs, 1):
        if r.get("id") != f"bc5-{i:04d}":
            err(f"id at position {i} is {r.get('id')}, expected bc5-{i:04d}")
    if len({r.get("id") for r in recs}) != len(recs):
        err("duplicate ids")

    # 4. duplicate pairs (order-insensitive, exact text and case/punct-insensitive)
    seen = {}
    for r in recs:
        key = tuple(sorted((norm_alnum(r["a"]), norm_alnum(r["b"]))))
        if key in seen:
            err(f"{r['id']}: duplicate of {seen[key]} (order-insensitive)")
        else:
            seen[key] = r["id"]
    prompt_seen = collections.Counter()
    for r in recs:
        prompt_seen[r["a"]] += 1
        prompt_seen[r["b"]] += 1
    reused = [p for p, c in prompt_seen.items() if c > 1]
    info.append(f"prompts reused verbatim across pairs: {len(reused)}")

    # 5. casing pairs differ only in case/punct/whitespace; misses must not
    for r in recs:
        same = norm_alnum(r["a"]) == norm_alnum(r["b"])
        if r["kind"] == "casing" and not same:
            err(f"{r['id']}: casing pair differs in more than case/punctuation/whitespace")
        if r["label"] == "miss" and same:
            err(f"{r['id']}: miss pair identical up to case/punctuation")
        if r["kind"] != "casing" and r["label"] == "hit" and same:
            err(f"{r['id']}: non-casing hit pair is trivially identical up to case/punctuation")

    # 6. rebuild determinism
    rebuilt1 = build.render()
    rebuilt2 = build.render()
    if rebuilt1 != rebuilt2:
        err("build.render() not deterministic between two calls")
    if rebuilt1 != raw:
        err("pairs.jsonl differs from a fresh rebuild of src/")
    else:
        info.append("rebuild determinism: OK (fresh rebuild is byte-identical)")

    # 7. counts per kind
    kind_c = collections.Counter(r["kind"] for r in recs)
    for k in ALL_KINDS:
        if kind_c[k] != PER_KIND:
            err(f"kind {k}: {kind_c[k]} pairs, expected {PER_KIND}")
    if len(recs) != PER_KIND * len(ALL_KINDS):
        err(f"total {len(recs)} != {PER_KIND * len(ALL_KINDS)}")

    # 8. topics
    topic_c = collections.Counter(r["topic"] for r in recs)
    big = [t for t, c in topic_c.items() if c >= MIN_PER_TOPIC]
    if len(big) < MIN_TOPICS:
        err(f"only {len(big)} topics with >= {MIN_PER_TOPIC} pairs (need {MIN_TOPICS})")
    info.append(f"topics with >= {MIN_PER_TOPIC} pairs: {len(big)} of {len(topic_c)}")
    info.append("topic counts: " + ", ".join(f"{t}={c}" for t, c in sorted(topic_c.items())))

    # 9. de/fr/es share among single-language pairs
    single = [r for r in recs if r["kind"] != "language"]
    nonen = [r for r in single if r["lang"] in NON_EN]
    share = len(nonen) / len(single) if single else 0
    info.append(f"de/fr/es share of single-language pairs: {len(nonen)}/{len(single)} = {share:.1%}")
    if not (SHARE_LO <= share <= SHARE_HI):
        err(f"de/fr/es share {share:.1%} outside {SHARE_LO:.0%}-{SHARE_HI:.0%}")
    for lg in NON_EN:
        kinds = {r["kind"] for r in single if r["lang"] == lg}
        info.append(f"{lg}: {sum(1 for r in single if r['lang'] == lg)} pairs in {len(kinds)} kinds")
        if len(kinds) < MIN_KINDS_PER_LANG:
            err(f"lang {lg} appears in only {len(kinds)} kinds (need {MIN_KINDS_PER_LANG})")

    # 10. opening rule
    opens = collections.Counter()
    total_prompts = 0
    for r in recs:
        for side in ("a", "b"):
            opens[opening(r[side])] += 1
            total_prompts += 1
    top = opens.most_common(8)
    info.append("most common 3-word openings: " +
                "; ".join(f"'{o}' {c} ({c / total_prompts:.1%})" for o, c in top))
    for o, c in opens.items():
        if c / total_prompts > OPENING_MAX:
            err(f"opening '{o}' used by {c}/{total_prompts} prompts ({c / total_prompts:.1%}) > {OPENING_MAX:.0%}")

    # count table
    table = collections.defaultdict(collections.Counter)
    for r in recs:
        table[r["kind"]][r["lang"]] += 1
    hdr = f"{'kind':<15}{'label':<6}" + "".join(f"{l:>7}" for l in LANGS) + f"{'total':>7}"
    rows = [hdr]
    for k in ALL_KINDS:
        lab = "hit" if k in HIT_KINDS else "miss"
        rows.append(f"{k:<15}{lab:<6}" + "".join(f"{table[k][l]:>7}" for l in LANGS)
                    + f"{sum(table[k].values()):>7}")
    tot = collections.Counter(r["lang"] for r in recs)
    rows.append(f"{'TOTAL':<15}{'':<6}" + "".join(f"{tot[l]:>7}" for l in LANGS) + f"{len(recs):>7}")

    out = ["validate.py report for pairs.jsonl", ""] + info + ["", "count table (kind x lang):"] + rows + [""]
    if errors:
        out.append(f"RESULT: FAIL ({len(errors)} errors)")
        out += ["  - " + e for e in errors]
    else:
        out.append("RESULT: PASS (0 errors)")
    text = "\n".join(out) + "\n"
    with open(REPORT, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
