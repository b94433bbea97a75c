#!/usr/bin/env python3
"""Build pairs.jsonl from the hand-written src/*.txt files (stdlib only)."""
import glob, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
HIT_KINDS = ["paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"]
MISS_KINDS = ["number", "entity", "identifier", "scope", "format", "negation",
              "direction_unit", "language", "superlative"]
SEED = 20261131


def label_for(kind):
    if kind in HIT_KINDS:
        return "hit"
    if kind in MISS_KINDS:
        return "miss"
    raise ValueError("unknown kind: %r" % kind)


def parse_sources(src_dir):
    rows = []
    for path in sorted(glob.glob(os.path.join(src_dir, "*.txt"))):
        kind = None
        with open(path, encoding="utf-8") as fh:
            for n, raw in enumerate(fh, 1):
                line = raw.strip()
                if not line:
                    continue
                if line.startswith("#"):
                    body = line.lstrip("#").strip()
                    if body.startswith("kind:"):
                        kind = body.split(":", 1)[1].strip()
                        label_for(kind)
                    continue
                if kind is None:
                    raise ValueError("%s:%d: pair before any kind header" % (path, n))
                parts = line.split(" :: ")
                if len(parts) != 3:
                    raise ValueError("%s:%d: expected 'lang topic :: A :: B'" % (path, n))
                head = parts[0].split()
                if len(head) != 2:
                    raise ValueError("%s:%d: bad head %r" % (path, n, parts[0]))
                lang, topic = head
                a, b = parts[1].strip(), parts[2].strip()
                rows.append({"a": a, "b": b, "label": label_for(kind), "kind": kind,
                             "lang": lang, "topic": topic})
    return rows


def build(src_dir, out_path):
    rows = parse_sources(src_dir)
    random.Random(SEED).shuffle(rows)
    with open(out_path, "w", encoding="utf-8") as fh:
        for i, r in enumerate(rows, 1):
            obj = {"id": "bc4-%04d" % i, "a": r["a"], "b": r["b"], "label": r["label"],
                   "kind": r["kind"], "lang": r["lang"], "topic": r["topic"]}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return len(rows)


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "pairs.jsonl")
    n = build(os.path.join(HERE, "src"), out)
    print("wrote %d pairs to %s" % (n, out))
