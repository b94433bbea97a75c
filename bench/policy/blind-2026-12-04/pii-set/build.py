#!/usr/bin/env python3
"""Build pii.jsonl from the hand-written sources in src/*.txt (stdlib only).

Source format: a record starts with a line "=== <lang>"; the following lines up to the
first "@" line are the text (joined with "\n"); in values a literal \\n means a line break; then "@+TYPE value" lines are entities
and "@-LABEL value" lines are non-entities (look-alikes that must not be masked).
Lines starting with "#" before a record header are comments.
Records are shuffled with a fixed seed, then ids pii8-0001.. are assigned.
"""
import json, random, glob, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20240707

def parse(path):
    recs, cur = [], None
    for raw in open(path, encoding="utf-8").read().split("\n"):
        if raw.startswith("=== "):
            if cur: recs.append(cur)
            cur = {"lang": raw[4:].strip(), "lines": [], "ents": [], "non": [], "src": os.path.basename(path)}
            continue
        if cur is None:
            continue
        if raw.startswith("@+") or raw.startswith("@-"):
            typ, _, val = raw[2:].partition(" ")
            val = val.replace("\\n", "\n")  # a literal backslash-n in a value stands for a line break
            (cur["ents"] if raw[1] == "+" else cur["non"]).append((typ, val))
        elif not cur["ents"] and not cur["non"]:
            cur["lines"].append(raw)
        elif raw.strip():
            sys.exit(f"{path}: text line after labels: {raw!r}")
    if cur: recs.append(cur)
    return recs

def dedupe(pairs):
    seen, out = set(), []
    for t, v in pairs:
        if (t, v) not in seen:
            seen.add((t, v)); out.append({"type": t, "value": v})
    return out

def main():
    recs = []
    for p in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        if os.path.basename(p) == "generated_values.txt":
            continue
        recs.extend(parse(p))
    out = []
    for r in recs:
        text = "\n".join(r["lines"]).strip("\n")
        out.append({"lang": r["lang"], "text": text, "entities": dedupe(r["ents"]), "non_entities": dedupe(r["non"])})
    random.Random(SEED).shuffle(out)
    with open(os.path.join(HERE, "pii.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(out, 1):
            f.write(json.dumps({"id": f"pii8-{i:04d}", **r}, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} records")

if __name__ == "__main__":
    main()
