#!/usr/bin/env python3
"""Build pairs.jsonl from the hand-written sources in src/*.txt (stdlib only)."""
import glob, json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
HIT = {"paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"}
MISS = {"number", "entity", "identifier", "scope", "format", "negation",
        "direction_unit", "language", "superlative"}
LANGS = {"en", "de", "fr", "es"}
SEED = 20240707

def parse():
    rows = []
    for path in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        kind = None
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                s = line.strip()
                if not s:
                    continue
                if s.startswith("# kind:"):
                    kind = s.split(":", 1)[1].strip()
                    assert kind in HIT | MISS, (path, n, kind)
                    continue
                if s.startswith("#"):
                    continue
                parts = s.split(" :: ")
                assert len(parts) == 3, (path, n, s)
                head, a, b = parts
                lang, topic = head.split()
                assert lang in LANGS and kind, (path, n)
                rows.append({"a": a.strip(), "b": b.strip(),
                             "label": "hit" if kind in HIT else "miss",
                             "kind": kind, "lang": lang, "topic": topic})
    return rows

def main():
    rows = parse()
    random.Random(SEED).shuffle(rows)
    out = os.path.join(HERE, "pairs.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            rec = {"id": f"cd7-{i:04d}", "a": r["a"], "b": r["b"], "label": r["label"],
                   "kind": r["kind"], "lang": r["lang"], "topic": r["topic"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pairs to {out}")

if __name__ == "__main__":
    main()
