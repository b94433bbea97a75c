#!/usr/bin/env python3
"""Build pii_dev.jsonl from the hand-written sources in src/ (stdlib only).

Source format: see src/FORMAT.md. Records from all src/<lang>_*.txt files are
collected in file order, shuffled with a fixed seed, then given ids pd6-0001...
"""
import glob, json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 60606
ENTITY_TYPES = {"PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "CREDIT_CARD",
                "US_SSN", "IP_ADDRESS", "DATE_OF_BIRTH", "PASSPORT", "SECRET"}


def parse_file(path):
    recs = []
    cur = None
    mode = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for ln, line in enumerate(lines, 1):
        if line.startswith("### "):
            if cur:
                recs.append(cur)
            cur = {"lang": line[4:].strip(), "text_lines": [], "entities": [],
                   "non_entities": [], "src": f"{os.path.basename(path)}:{ln}"}
            mode = "text"
            continue
        if cur is None:
            continue
        if mode == "text":
            if line == "@@":
                mode = "ann"
            else:
                cur["text_lines"].append(line)
            continue
        if not line.strip() or line.startswith("#"):
            continue
        if " | " not in line:
            sys.exit(f"{path}:{ln}: bad annotation line: {line!r}")
        typ, val = line.split(" | ", 1)
        typ = typ.strip()
        val = val.replace("\\n", "\n")
        if typ.startswith("!"):
            cur["non_entities"].append({"type": typ[1:], "value": val})
        else:
            if typ not in ENTITY_TYPES:
                sys.exit(f"{path}:{ln}: unknown entity type {typ}")
            cur["entities"].append({"type": typ, "value": val})
    if cur:
        recs.append(cur)
    return recs


def main():
    files = sorted(glob.glob(os.path.join(HERE, "src", "[a-z][a-z]_*.txt")))
    recs = []
    for p in files:
        recs.extend(parse_file(p))
    rng = random.Random(SEED)
    rng.shuffle(recs)
    out = os.path.join(HERE, "pii_dev.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for i, r in enumerate(recs, 1):
            text = "\n".join(r["text_lines"]).rstrip("\n")
            obj = {"id": f"pd6-{i:04d}", "lang": r["lang"], "text": text,
                   "entities": r["entities"], "non_entities": r["non_entities"]}
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print(f"wrote {len(recs)} records from {len(files)} source files to {out}")


if __name__ == "__main__":
    main()
