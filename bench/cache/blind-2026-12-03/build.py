#!/usr/bin/env python3
"""Build pairs.jsonl from the hand-written sources in src/*.txt.

Source format: a header line '# kind: <kind>' followed by lines
'<lang> <topic> :: <prompt A> :: <prompt B>'. Blank lines are ignored.
"""
import glob, json, os, random

HIT_KINDS = {"paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"}
MISS_KINDS = {"number", "entity", "identifier", "scope", "format", "negation",
              "direction_unit", "language", "superlative"}
SEED = 20240607
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
                    if kind not in HIT_KINDS | MISS_KINDS:
                        raise SystemExit(f"{path}:{n}: unknown kind {kind}")
                    continue
                if line.startswith("#"):
                    continue
                parts = line.split(" :: ")
                if len(parts) != 3 or kind is None:
                    raise SystemExit(f"{path}:{n}: bad line: {line}")
                head, a, b = (p.strip() for p in parts)
                lang, topic = head.split()
                rows.append({
                    "a": a, "b": b,
                    "label": "hit" if kind in HIT_KINDS else "miss",
                    "kind": kind, "lang": lang, "topic": topic,
                })
    return rows


def main():
    rows = parse()
    rng = random.Random(SEED)
    rng.shuffle(rows)
    out = os.path.join(HERE, "pairs.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            obj = {"id": f"bc7-{i:04d}", "a": r["a"], "b": r["b"], "label": r["label"],
                   "kind": r["kind"], "lang": r["lang"], "topic": r["topic"]}
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pairs to {out}")


if __name__ == "__main__":
    main()
