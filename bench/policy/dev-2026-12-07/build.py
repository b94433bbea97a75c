#!/usr/bin/env python3
"""Parse src/records_*.txt, substitute {{key}} placeholders from src/values.json,
shuffle with random.Random(20261208), assign ids pd11-NNNN, write pii.jsonl.

Source format (see README.md):
    ### <lang> <form>          starts a record
    <text lines ...>           the record text (verbatim, may span lines)
    =====                      end of text
    +TYPE value                entity      (value runs to end of line)
    -LABEL value               non-entity  (look-alike)
    %% comment                 ignored (outside text only)
"""
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PH = re.compile(r"\{\{([a-z][a-z0-9_]*)\}\}")
TYPES = {"PERSON", "ADDRESS", "PHONE", "EMAIL", "CREDIT_CARD", "IBAN", "US_SSN", "PASSPORT",
         "DATE_OF_BIRTH", "IP_ADDRESS", "GOOGLE_API_KEY", "AWS_ACCESS_KEY", "JWT", "URL_TOKEN", "SECRET"}


def load_values():
    with open(os.path.join(HERE, "src", "values.json"), encoding="utf-8") as f:
        return json.load(f)


def subst(s, V, where):
    def rep(m):
        k = m.group(1)
        if k not in V:
            raise SystemExit(f"unknown placeholder {{{{{k}}}}} in {where}")
        return V[k]
    return PH.sub(rep, s)


def parse_file(path, V):
    recs = []
    cur = None
    mode = None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for ln, line in enumerate(lines, 1):
        where = f"{os.path.basename(path)}:{ln}"
        if line.startswith("### "):
            if cur:
                recs.append(cur)
            parts = line[4:].split()
            if len(parts) != 2:
                raise SystemExit(f"bad header at {where}")
            cur = {"lang": parts[0], "form": parts[1], "text_lines": [], "ann": [], "src": where}
            mode = "text"
            continue
        if cur is None:
            continue
        if mode == "text":
            if line == "=====":
                mode = "ann"
            else:
                cur["text_lines"].append(line)
            continue
        s = line.strip()
        if not s or s.startswith("%%"):
            continue
        if s[0] not in "+-" or " " not in s:
            raise SystemExit(f"bad annotation at {where}: {line!r}")
        lab, val = s[1:].split(" ", 1)
        cur["ann"].append((s[0], lab, val, where))
    if cur:
        recs.append(cur)
    out = []
    for r in recs:
        text = "\n".join(r["text_lines"]).strip("\n")
        text = subst(text, V, r["src"])
        ents, nons = [], []
        for sign, lab, val, where in r["ann"]:
            v = subst(val, V, where)
            if sign == "+":
                if lab not in TYPES:
                    raise SystemExit(f"unknown entity type {lab} at {where}")
                ents.append({"type": lab, "value": v})
            else:
                nons.append({"type": lab, "value": v})
            if v not in text:
                raise SystemExit(f"value not in text at {where}: {v!r}")
        out.append({"lang": r["lang"], "form": r["form"], "text": text,
                    "entities": ents, "non_entities": nons, "_src": r["src"]})
    return out


def main():
    V = load_values()
    recs = []
    for p in sorted(glob.glob(os.path.join(HERE, "src", "records_*.txt"))):
        recs.extend(parse_file(p, V))
    random.Random(20261208).shuffle(recs)
    with open(os.path.join(HERE, "pii.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(recs, 1):
            o = {"id": f"pd11-{i:04d}", "lang": r["lang"], "form": r["form"], "text": r["text"],
                 "entities": r["entities"], "non_entities": r["non_entities"]}
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "src", "id_map.tsv"), "w", encoding="utf-8") as f:
        for i, r in enumerate(recs, 1):
            f.write(f"pd11-{i:04d}\t{r['_src']}\n")
    print(f"wrote {len(recs)} records", file=sys.stderr)


if __name__ == "__main__":
    main()
