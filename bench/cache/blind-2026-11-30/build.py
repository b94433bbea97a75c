#!/usr/bin/env python3
"""Build pairs.jsonl from the hand-written source files in src/*.txt.

Source format (one pair per line, grouped under headers):
    # kind: <kind>
    <lang> <topic> :: <prompt A> :: <prompt B>
Other lines starting with '#' are comments; blank lines are ignored.
The label is derived from the kind. Pairs are shuffled deterministically
(seed 20261130) and ids bc3-0001.. are assigned after the shuffle.
"""
import glob
import json
import os
import random
import sys

SEED = 20261130
HERE = os.path.dirname(os.path.abspath(__file__))
HIT_KINDS = ["paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"]
MISS_KINDS = ["number", "entity", "identifier", "scope", "format", "negation",
              "direction_unit", "language", "superlative"]
LABEL_OF = {k: "hit" for k in HIT_KINDS}
LABEL_OF.update({k: "miss" for k in MISS_KINDS})
LANGS = {"en", "de", "fr", "es", "mixed"}


def parse_sources(src_dir=os.path.join(HERE, "src")):
    rows = []
    for path in sorted(glob.glob(os.path.join(src_dir, "*.txt"))):
        kind = None
        with open(path, encoding="utf-8") as fh:
            for lineno, raw in enumerate(fh, 1):
                line = raw.strip()
                where = f"{os.path.basename(path)}:{lineno}"
                if not line:
                    continue
                if line.startswith("#"):
                    body = line.lstrip("#").strip()
                    if body.lower().startswith("kind:"):
                        kind = body.split(":", 1)[1].strip()
                        if kind not in LABEL_OF:
                            sys.exit(f"{where}: unknown kind {kind!r}")
                    continue
                if kind is None:
                    sys.exit(f"{where}: pair before any '# kind:' header")
                parts = [p.strip() for p in line.split(" :: ")]
                if len(parts) != 3:
                    sys.exit(f"{where}: expected 'lang topic :: A :: B', got {len(parts)} parts")
                head, a, b = parts
                hp = head.split()
                if len(hp) != 2:
                    sys.exit(f"{where}: header must be 'lang topic', got {head!r}")
                lang, topic = hp
                if lang not in LANGS:
                    sys.exit(f"{where}: bad lang {lang!r}")
                if not a or not b:
                    sys.exit(f"{where}: empty prompt")
                rows.append({"a": a, "b": b, "label": LABEL_OF[kind], "kind": kind,
                             "lang": lang, "topic": topic})
    return rows


def build():
    rows = parse_sources()
    random.Random(SEED).shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        out.append({"id": f"bc3-{i:04d}", "a": r["a"], "b": r["b"], "label": r["label"],
                    "kind": r["kind"], "lang": r["lang"], "topic": r["topic"]})
    return out


def main():
    out = build()
    with open(os.path.join(HERE, "pairs.jsonl"), "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} pairs to pairs.jsonl")


if __name__ == "__main__":
    main()
