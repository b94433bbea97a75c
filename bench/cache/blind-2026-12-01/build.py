#!/usr/bin/env python3
"""Build pairs.jsonl from the hand-written sources in src/*.txt.

Source format (one pair per line, grouped under '# kind: <kind>' headers):
    lang topic :: prompt A :: prompt B
Other lines starting with '#' and blank lines are ignored.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC_DIR = os.path.join(HERE, "src")
OUT = os.path.join(HERE, "pairs.jsonl")
SEED = 20261201

HIT_KINDS = ["paraphrase", "abbreviation", "typo", "reorder", "formality", "casing", "length"]
MISS_KINDS = ["number", "entity", "identifier", "scope", "format", "negation",
              "direction_unit", "language", "superlative"]
FIELDS = ["id", "a", "b", "label", "kind", "lang", "topic"]


def parse_sources(src_dir=SRC_DIR):
    records = []
    for name in sorted(os.listdir(src_dir)):
        if not name.endswith(".txt"):
            continue
        path = os.path.join(src_dir, name)
        kind = None
        with open(path, encoding="utf-8") as fh:
            for lineno, raw in enumerate(fh, 1):
                line = raw.rstrip("\n")
                stripped = line.strip()
                if not stripped:
                    continue
                if stripped.startswith("#"):
                    body = stripped.lstrip("#").strip()
                    if body.lower().startswith("kind:"):
                        kind = body.split(":", 1)[1].strip()
                        if kind not in HIT_KINDS + MISS_KINDS:
                            raise SystemExit(f"{name}:{lineno}: unknown kind {kind!r}")
                    continue
                if kind is None:
                    raise SystemExit(f"{name}:{lineno}: pair before any '# kind:' header")
                parts = line.split(" :: ")
                if len(parts) != 3:
                    raise SystemExit(f"{name}:{lineno}: expected 'lang topic :: A :: B', got {len(parts)} parts")
                head, a, b = parts
                head_parts = head.split()
                if len(head_parts) != 2:
                    raise SystemExit(f"{name}:{lineno}: bad header {head!r}")
                lang, topic = head_parts
                a, b = a.strip(), b.strip()
                label = "hit" if kind in HIT_KINDS else "miss"
                records.append({"a": a, "b": b, "label": label, "kind": kind,
                                "lang": lang, "topic": topic})
    return records


def render(src_dir=SRC_DIR):
    records = parse_sources(src_dir)
    rng = random.Random(SEED)
    rng.shuffle(records)
    lines = []
    for i, rec in enumerate(records, 1):
        obj = {"id": f"bc5-{i:04d}"}
        for key in FIELDS[1:]:
            obj[key] = rec[key]
        lines.append(json.dumps(obj, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def main():
    text = render()
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"wrote {text.count(chr(10))} pairs to {OUT}")


if __name__ == "__main__":
    sys.exit(main())
