#!/usr/bin/env python3
"""Build pairs.jsonl from the hand-written sources in src/*.txt (stdlib only).

Source format: lines under a '# kind: <kind>' header, each
    <lang> <topic> :: <prompt A> :: <prompt B>
Other lines starting with '#' and blank lines are ignored.
Labels follow from the kind. Ids are assigned after a fixed-seed shuffle.
"""
import glob, json, os, random, sys

HIT_KINDS = ["paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"]
MISS_KINDS = ["number", "entity", "identifier", "scope", "format", "negation",
              "direction_unit", "language", "superlative"]
SEED = 20240817
HERE = os.path.dirname(os.path.abspath(__file__))

def parse():
    rows = []
    for path in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        kind = None
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip():
                    continue
                if line.startswith("# kind:"):
                    kind = line.split(":", 1)[1].strip()
                    continue
                if line.startswith("#"):
                    continue
                parts = line.split(" :: ")
                if len(parts) != 3 or kind is None:
                    sys.exit(f"{path}:{n}: bad line: {line!r}")
                head, a, b = parts
                lang, topic = head.split()
                label = "hit" if kind in HIT_KINDS else "miss" if kind in MISS_KINDS else None
                if label is None:
                    sys.exit(f"{path}:{n}: unknown kind {kind}")
                rows.append({"a": a.strip(), "b": b.strip(), "label": label,
                             "kind": kind, "lang": lang, "topic": topic})
    return rows

def main():
    rows = parse()
    random.Random(SEED).shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        out.append({"id": f"bc8-{i:04d}", "a": r["a"], "b": r["b"], "label": r["label"],
                    "kind": r["kind"], "lang": r["lang"], "topic": r["topic"]})
    with open(os.path.join(HERE, "pairs.jsonl"), "w", encoding="utf-8") as f:
        for o in out:
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} pairs")

if __name__ == "__main__":
    main()
