#!/usr/bin/env python3
"""Validate pairs.jsonl (stdlib only). Prints a report; exit code 1 on failure."""
import collections, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
HIT = {"paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"}
MISS = {"number", "entity", "identifier", "scope", "format", "negation",
        "direction_unit", "language", "superlative"}
KEYS = ["id", "a", "b", "label", "kind", "lang", "topic"]

def main():
    errors = []
    recs = []
    with open(os.path.join(HERE, "pairs.jsonl"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                recs.append(json.loads(line))
            except Exception as e:
                errors.append(f"line {n}: bad json {e}")
    ids, pairs = set(), set()
    for r in recs:
        if list(r.keys()) != KEYS:
            errors.append(f"{r.get('id')}: keys {list(r.keys())}")
        for k in KEYS:
            if not isinstance(r.get(k), str) or not r.get(k).strip():
                errors.append(f"{r.get('id')}: empty/non-string {k}")
        if r["id"] in ids:
            errors.append(f"duplicate id {r['id']}")
        ids.add(r["id"])
        if not r["id"].startswith("cd7-") or not r["id"][4:].isdigit():
            errors.append(f"bad id {r['id']}")
        if r["kind"] not in HIT | MISS:
            errors.append(f"{r['id']}: unknown kind {r['kind']}")
        exp = "hit" if r["kind"] in HIT else "miss"
        if r["label"] != exp:
            errors.append(f"{r['id']}: label {r['label']} != {exp} for kind {r['kind']}")
        if r["lang"] not in {"en", "de", "fr", "es"}:
            errors.append(f"{r['id']}: bad lang {r['lang']}")
        if r["a"] == r["b"]:
            errors.append(f"{r['id']}: A == B")
        if r["kind"] != "casing" and r["a"].lower() == r["b"].lower():
            errors.append(f"{r['id']}: only case differs but kind is {r['kind']}")
        if r["kind"] == "casing":
            strip = lambda s: "".join(c for c in s.lower() if c.isalnum())
            if strip(r["a"]) != strip(r["b"]):
                errors.append(f"{r['id']}: casing pair differs beyond case/punctuation")
        key = (r["a"].strip().lower(), r["b"].strip().lower())
        rkey = (key[1], key[0])
        if key in pairs or rkey in pairs:
            errors.append(f"{r['id']}: duplicate pair")
        pairs.add(key)
    by_kind = collections.Counter(r["kind"] for r in recs)
    by_label = collections.Counter(r["label"] for r in recs)
    by_lang = collections.Counter(r["lang"] for r in recs)
    by_topic = collections.Counter(r["topic"] for r in recs)
    kind_topics = collections.defaultdict(set)
    kind_langs = collections.defaultdict(collections.Counter)
    for r in recs:
        kind_topics[r["kind"]].add(r["topic"])
        kind_langs[r["kind"]][r["lang"]] += 1
    for k in sorted(HIT | MISS):
        if by_kind[k] < 27:
            errors.append(f"kind {k} has only {by_kind[k]} pairs (<27)")
        if len(kind_topics[k]) < 5:
            errors.append(f"kind {k} spans only {len(kind_topics[k])} topics")
    if len(by_topic) < 15:
        errors.append(f"only {len(by_topic)} topics (<15)")
    non_en = sum(v for l, v in by_lang.items() if l != "en")
    share = non_en / len(recs) if recs else 0
    if not (0.18 <= share <= 0.25):
        errors.append(f"non-English share {share:.3f} outside 18-25%")
    # rough language sanity: A of non-English pairs should contain a marker of its language
    print(f"total pairs: {len(recs)}")
    print(f"labels: {dict(sorted(by_label.items()))}")
    print(f"langs: {dict(sorted(by_lang.items()))}  non-English share: {share:.1%}")
    print(f"topics ({len(by_topic)}): {dict(sorted(by_topic.items()))}")
    print("per kind: count | topics | langs")
    for k in sorted(HIT | MISS):
        print(f"  {k:15s} {by_kind[k]:3d} | {len(kind_topics[k]):2d} topics | {dict(sorted(kind_langs[k].items()))}")
    if errors:
        print(f"ERRORS ({len(errors)}):")
        for e in errors:
            print("  " + e)
        print("RESULT: FAIL")
        sys.exit(1)
    print("RESULT: OK")

if __name__ == "__main__":
    main()
