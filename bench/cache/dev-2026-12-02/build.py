#!/usr/bin/env python3
"""Build pairs.jsonl from the hand-written sources in src/.

Each src/<kind>.txt holds one hand-written pair per line:
    topic ||| lang ||| prompt A ||| prompt B
Lines starting with '#' and blank lines are ignored. The kind is the file
name; the label follows from the kind. Pairs are shuffled with a fixed seed
and then numbered cd6-0001, cd6-0002, ...  (stdlib only)
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
OUT = os.path.join(HERE, "pairs.jsonl")
SEED = 60517

HIT_KINDS = {"paraphrase", "abbreviation", "typo", "formality", "length",
             "reorder", "casing"}
MISS_KINDS = {"number", "entity", "identifier", "scope", "format", "negation",
              "direction_unit", "language", "superlative"}


def load():
    rows = []
    for fname in sorted(os.listdir(SRC)):
        if not fname.endswith(".txt"):
            continue
        kind = fname[:-4]
        if kind in HIT_KINDS:
            label = "hit"
        elif kind in MISS_KINDS:
            label = "miss"
        else:
            raise SystemExit(f"unknown kind file: {fname}")
        with open(os.path.join(SRC, fname), encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                parts = [p.strip() for p in line.split("|||")]
                if len(parts) != 4:
                    raise SystemExit(f"{fname}:{n}: expected 4 fields, got {len(parts)}")
                topic, lang, a, b = parts
                rows.append({"a": a, "b": b, "label": label, "kind": kind,
                             "lang": lang, "topic": topic})
    return rows


def main():
    rows = load()
    random.Random(SEED).shuffle(rows)
    with open(OUT, "w", encoding="utf-8") as fh:
        for i, r in enumerate(rows, 1):
            rec = {"id": f"cd6-{i:04d}", "a": r["a"], "b": r["b"],
                   "label": r["label"], "kind": r["kind"], "lang": r["lang"],
                   "topic": r["topic"]}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pairs to {OUT}")


if __name__ == "__main__":
    main()
