#!/usr/bin/env python3
"""Build pairs.jsonl from the hand-written sources in src/ (stdlib only).

Each src/<kind>.txt line: lang ||| topic ||| prompt A ||| prompt B
Lines starting with '#' and blank lines are ignored.
The label follows from the kind. Ids are assigned after a fixed-seed shuffle.
"""
import json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {
    "direction_unit": "miss",
    "number": "miss",
    "negation": "miss",
    "superlative": "miss",
    "formality": "hit",
    "paraphrase": "hit",
    "length": "hit",
}
SEED = 20240808

def main():
    rows = []
    for kind, label in KINDS.items():
        path = os.path.join(HERE, "src", kind + ".txt")
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                parts = [p.strip() for p in line.split("|||")]
                if len(parts) != 4:
                    sys.exit(f"{path}:{n}: expected 4 fields, got {len(parts)}")
                lang, topic, a, b = parts
                rows.append({"a": a, "b": b, "label": label, "kind": kind,
                             "lang": lang, "topic": topic})
    random.Random(SEED).shuffle(rows)
    out = os.path.join(HERE, "pairs.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            rec = {"id": f"cd8-{i:04d}", **r}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pairs to {out}")

if __name__ == "__main__":
    main()
