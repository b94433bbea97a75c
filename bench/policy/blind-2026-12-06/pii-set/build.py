#!/usr/bin/env python3
"""Build pii.jsonl from the hand-written sources in src/records_*.txt.

Source format (one record per block):
  @ <lang>            starts a record
  T: <text line>      text lines, joined with "\n" (exactly one space after "T:" is dropped)
  E: TYPE | value     entity (must be masked)
  N: LABEL | value    non-entity look-alike (must NOT be masked)
  # ...               comment
Ids are assigned after a fixed-seed shuffle.
"""
import json, glob, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))

def parse(path):
    recs, cur = [], None
    with open(path, encoding="utf-8") as f:
        for ln, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            if line.startswith("@ "):
                cur = {"lang": line[2:].strip(), "lines": [], "entities": [], "non_entities": [],
                       "src": f"{os.path.basename(path)}:{ln}"}
                recs.append(cur)
            elif line.startswith("T:"):
                cur["lines"].append(line[3:] if line.startswith("T: ") else line[2:])
            elif line.startswith("E:") or line.startswith("N:"):
                body = line[2:].strip()
                typ, _, val = body.partition(" | ")
                key = "entities" if line[0] == "E" else "non_entities"
                cur[key].append({"type": typ.strip(), "value": val})
            elif line.strip() == "":
                continue
            else:
                sys.exit(f"unparsable line {path}:{ln}: {line!r}")
    return recs

def main():
    recs = []
    for p in sorted(glob.glob(os.path.join(HERE, "src", "records_*.txt"))):
        recs.extend(parse(p))
    out = []
    for r in recs:
        text = "\n".join(r["lines"])
        out.append({"lang": r["lang"], "text": text, "entities": r["entities"],
                    "non_entities": r["non_entities"], "_src": r["src"]})
    random.Random(20250909).shuffle(out)
    with open(os.path.join(HERE, "pii.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(out, 1):
            rec = {"id": f"pii10-{i:04d}", "lang": r["lang"], "text": r["text"],
                   "entities": r["entities"], "non_entities": r["non_entities"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    # source map kept separately so records stay clean
    with open(os.path.join(HERE, "src", "id_to_source.tsv"), "w", encoding="utf-8") as f:
        for i, r in enumerate(out, 1):
            f.write(f"pii10-{i:04d}\t{r['_src']}\n")
    print(f"wrote {len(out)} records")

if __name__ == "__main__":
    main()
