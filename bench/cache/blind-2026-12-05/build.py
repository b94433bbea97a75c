#!/usr/bin/env python3
"""Build pairs.jsonl from the hand-written sources in src/*.txt.

Source format: '# kind: <kind>' header lines, then lines 'lang topic :: A :: B'.
Other lines starting with '#' and blank lines are ignored.
Pairs are shuffled with a fixed seed BEFORE ids are assigned, so ids carry no signal.
"""
import glob, json, os, random, sys

HIT_KINDS = {"paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"}
MISS_KINDS = {"number", "entity", "identifier", "scope", "format", "negation",
              "direction_unit", "language", "superlative"}
SEED = 20240817
HERE = os.path.dirname(os.path.abspath(__file__))


def parse(path):
    kind = None
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            s = line.strip()
            if not s:
                continue
            if s.startswith("# kind:"):
                kind = s.split(":", 1)[1].strip()
                if kind not in HIT_KINDS | MISS_KINDS:
                    sys.exit(f"{path}:{n}: unknown kind {kind!r}")
                continue
            if s.startswith("#"):
                continue
            parts = s.split(" :: ")
            if len(parts) != 3:
                sys.exit(f"{path}:{n}: expected 'lang topic :: A :: B', got {len(parts)} parts")
            head, a, b = (p.strip() for p in parts)
            hp = head.split()
            if len(hp) != 2:
                sys.exit(f"{path}:{n}: bad head {head!r}")
            lang, topic = hp
            if kind is None:
                sys.exit(f"{path}:{n}: pair before any '# kind:' header")
            out.append({"a": a, "b": b,
                        "label": "hit" if kind in HIT_KINDS else "miss",
                        "kind": kind, "lang": lang, "topic": topic,
                        "_src": f"{os.path.basename(path)}:{n}"})
    return out


def main():
    rows = []
    for p in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        rows.extend(parse(p))
    rng = random.Random(SEED)
    rng.shuffle(rows)
    with open(os.path.join(HERE, "pairs.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            obj = {"id": f"bc9-{i:04d}", "a": r["a"], "b": r["b"], "label": r["label"],
                   "kind": r["kind"], "lang": r["lang"], "topic": r["topic"]}
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} pairs to pairs.jsonl")


if __name__ == "__main__":
    main()
