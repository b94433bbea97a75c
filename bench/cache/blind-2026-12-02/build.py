#!/usr/bin/env python3
"""Build pairs.jsonl from the hand-written sources in src/*.txt.

Source format: a '# kind: <kind>' header, then one pair per line:
    <lang> <topic> :: <prompt A> :: <prompt B>
The label is derived from the kind. Pairs are shuffled with a fixed seed
and ids are assigned after the shuffle, so ids carry no signal.
"""
import json, random, sys
from pathlib import Path

HIT = {"paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"}
MISS = {"number", "entity", "identifier", "scope", "format", "negation",
        "direction_unit", "language", "superlative"}
SEED = 20261130

def parse(path):
    kind = None
    out = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("# kind:"):
            kind = line.split(":", 1)[1].strip()
            if kind not in HIT | MISS:
                sys.exit(f"{path}:{n}: unknown kind {kind!r}")
            continue
        if line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" :: ")]
        if len(parts) != 3:
            sys.exit(f"{path}:{n}: expected 'lang topic :: A :: B', got {len(parts)} parts")
        head, a, b = parts
        lang, topic = head.split()
        out.append({"a": a, "b": b, "label": "hit" if kind in HIT else "miss",
                    "kind": kind, "lang": lang, "topic": topic})
    return out

def main():
    root = Path(__file__).resolve().parent
    pairs = []
    for p in sorted((root / "src").glob("*.txt")):
        pairs.extend(parse(p))
    random.Random(SEED).shuffle(pairs)
    with open(root / "pairs.jsonl", "w", encoding="utf-8") as f:
        for i, p in enumerate(pairs, 1):
            rec = {"id": f"bc6-{i:04d}", "a": p["a"], "b": p["b"], "label": p["label"],
                   "kind": p["kind"], "lang": p["lang"], "topic": p["topic"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(pairs)} pairs to {root / 'pairs.jsonl'}")

if __name__ == "__main__":
    main()
