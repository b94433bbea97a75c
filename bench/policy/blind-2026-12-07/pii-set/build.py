#!/usr/bin/env python3
"""Build pii.jsonl from the hand-written sources in src/records_*.txt.

Source format (see README.md):
    %% comment line (ignored anywhere)
    === <lang>                 starts a record
    <text lines ...>           the record text (verbatim; trailing blank lines dropped)
    @+ TYPE: value             an entity (one of the 15 types)
    @- LABEL: value            a look-alike (non-entity)
In annotation values the two characters backslash-n stand for a newline.
{{name}} anywhere (text or value) is replaced by src/values.json[name]
(produced by src/gen_values.py).

Records are shuffled with random.Random(20261207) and then numbered pii11-0001...
"""
import glob
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PH = re.compile(r"\{\{([a-z0-9_]+)\}\}")


def load_values():
    with open(os.path.join(HERE, "src", "values.json"), encoding="utf-8") as fh:
        return json.load(fh)


def subst(s, values, where):
    def rep(m):
        k = m.group(1)
        if k not in values:
            raise SystemExit("unknown placeholder {{%s}} in %s" % (k, where))
        return values[k]
    return PH.sub(rep, s)


def parse_file(path, values):
    recs = []
    cur = None
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for n, line in enumerate(lines, 1):
        where = "%s:%d" % (os.path.basename(path), n)
        if line.startswith("%%"):
            continue
        if line.startswith("=== "):
            if cur:
                recs.append(cur)
            cur = {"lang": line[4:].strip(), "text_lines": [], "entities": [],
                   "non_entities": [], "where": where}
            continue
        if cur is None:
            if line.strip():
                raise SystemExit("text outside record at %s" % where)
            continue
        if line.startswith("@+ ") or line.startswith("@- "):
            body = line[3:]
            if ": " not in body:
                raise SystemExit("bad annotation at %s" % where)
            typ, val = body.split(": ", 1)
            val = subst(val.replace("\\n", "\n"), values, where)
            key = "entities" if line.startswith("@+") else "non_entities"
            cur[key].append({"type": typ.strip(), "value": val})
            continue
        if cur["entities"] or cur["non_entities"]:
            if line.strip():
                raise SystemExit("text after annotations at %s" % where)
            continue
        cur["text_lines"].append(line)
    if cur:
        recs.append(cur)
    out = []
    for r in recs:
        tl = r["text_lines"]
        while tl and not tl[-1].strip():
            tl.pop()
        while tl and not tl[0].strip():
            tl.pop(0)
        text = subst("\n".join(tl), values, r["where"])
        out.append({"lang": r["lang"], "text": text, "entities": r["entities"],
                    "non_entities": r["non_entities"], "_src": r["where"]})
    return out


def main():
    values = load_values()
    recs = []
    for path in sorted(glob.glob(os.path.join(HERE, "src", "records_*.txt"))):
        recs.extend(parse_file(path, values))
    bad = 0
    for r in recs:
        for e in r["entities"] + r["non_entities"]:
            if e["value"] not in r["text"]:
                print("NOT A SUBSTRING at %s: %r" % (r["_src"], e["value"][:80]))
                bad += 1
    if bad:
        raise SystemExit("%d annotation(s) are not substrings" % bad)
    rng = random.Random(20261207)
    rng.shuffle(recs)
    with open(os.path.join(HERE, "pii.jsonl"), "w", encoding="utf-8") as fh:
        for i, r in enumerate(recs, 1):
            obj = {"id": "pii11-%04d" % i, "lang": r["lang"], "text": r["text"],
                   "entities": r["entities"], "non_entities": r["non_entities"]}
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    print("wrote %d records to pii.jsonl" % len(recs))
    if "-v" in sys.argv:
        from collections import Counter
        c = Counter(e["type"] for r in recs for e in r["entities"])
        print(sorted(c.items()), sum(c.values()))
        print("non", sum(len(r["non_entities"]) for r in recs),
              "labels", len({e["type"] for r in recs for e in r["non_entities"]}))
        print(Counter(r["lang"] for r in recs))


if __name__ == "__main__":
    main()
