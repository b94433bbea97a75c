#!/usr/bin/env python3
"""Build pii.jsonl from the hand-written sources in src/*.txt.

Source format (one block per record):
    ### <lang> | <form>
    <text on ONE line; "\\n" stands for a newline, "\\t" for a tab>
    P: <person value> | <person value> ...
    A: <address value> | ...
    N: <TYPE>: <value> | <TYPE>: <value> ...
Lines starting with "#" followed by a space are comments. P/A/N lines are optional.
Values use the same "\\n" escape as the text. Nothing is generated: every text
and every label is written by hand in the source files; this script only
parses, checks substrings, shuffles with a fixed seed and assigns ids.
"""
import glob
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 9009


def unesc(s):
    return s.replace("\\n", "\n").replace("\\t", "\t")


def parse_file(path):
    recs = []
    cur = None
    with open(path, encoding="utf-8") as f:
        for ln, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("### "):
                if cur:
                    recs.append(cur)
                lang, form = [x.strip() for x in line[4:].split("|", 1)]
                cur = {"lang": lang, "form": form, "text": None, "P": [], "A": [], "N": [],
                       "src": f"{os.path.basename(path)}:{ln}"}
                continue
            if not line.strip() or line.startswith("# "):
                continue
            if cur is None:
                raise SystemExit(f"{path}:{ln}: content before first header")
            if cur["text"] is None:
                cur["text"] = unesc(line)
                continue
            key, _, rest = line.partition(":")
            if key not in ("P", "A", "N"):
                raise SystemExit(f"{path}:{ln}: unexpected line {line!r}")
            for item in rest.split(" | "):
                item = item.strip()
                if not item:
                    continue
                if key == "N":
                    t, _, v = item.partition(": ")
                    if not v:
                        raise SystemExit(f"{path}:{ln}: bad N item {item!r}")
                    cur["N"].append((t.strip(), unesc(v)))
                else:
                    cur[key].append(unesc(item))
    if cur:
        recs.append(cur)
    return recs


def main():
    recs = []
    for p in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        recs.extend(parse_file(p))
    errors = 0
    out = []
    for r in recs:
        t = r["text"]
        ents = [{"type": "PERSON", "value": v} for v in r["P"]] + \
               [{"type": "ADDRESS", "value": v} for v in r["A"]]
        nons = [{"type": t_, "value": v} for t_, v in r["N"]]
        for e in ents + nons:
            if e["value"] not in t:
                print(f"NOT A SUBSTRING at {r['src']}: {e['value']!r}", file=sys.stderr)
                errors += 1
        out.append({"lang": r["lang"], "text": t, "entities": ents,
                    "non_entities": nons, "form": r["form"], "_src": r["src"]})
    if errors:
        raise SystemExit(f"{errors} errors")
    random.Random(SEED).shuffle(out)
    with open(os.path.join(HERE, "pii.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(out, 1):
            rec = {"id": f"pd9-{i:04d}", "lang": r["lang"], "text": r["text"],
                   "entities": r["entities"], "non_entities": r["non_entities"],
                   "form": r["form"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} records to pii.jsonl")


if __name__ == "__main__":
    main()
