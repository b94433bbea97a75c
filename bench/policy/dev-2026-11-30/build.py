#!/usr/bin/env python3
"""Deterministic build of pii.jsonl and injection.jsonl from src/."""
import json, os, random, re, glob, importlib.util

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
SEED = 20261130

ENT = {"P": "PERSON", "A": "ADDRESS", "T": "PHONE", "E": "EMAIL",
       "B": "DATE_OF_BIRTH", "X": "PASSPORT", "S": "US_SSN"}
MARK = re.compile(r"⟦(\w+)\|(.*?)⟧|⟪(\w+)\|(.*?)⟫", re.S)


def parse_pii_block(block):
    lines = block.strip("\n").split("\n")
    assert lines[0].startswith("@"), block[:80]
    lang = lines[0][1:].strip()
    body = "\n".join(lines[1:])
    out, ents, nons, pos = [], [], [], 0
    for m in MARK.finditer(body):
        out.append(body[pos:m.start()])
        if m.group(1):
            typ, val, lst = ENT[m.group(1)], m.group(2), ents
        else:
            typ, val, lst = m.group(3), m.group(4), nons
        out.append(val)
        pos = m.end()
        if not any(d["value"] == val for d in lst):
            lst.append({"type": typ, "value": val})
    out.append(body[pos:])
    text = "".join(out)
    return {"lang": lang, "text": text, "entities": ents, "non_entities": nons}


def build_pii():
    recs = []
    for fn in sorted(glob.glob(os.path.join(SRC, "pii_*.txt"))):
        raw = open(fn, encoding="utf-8").read()
        for block in re.split(r"(?m)^===[ \t]*$", raw):
            if block.strip():
                recs.append(parse_pii_block(block))
    random.Random(SEED).shuffle(recs)
    res = []
    for i, r in enumerate(recs, 1):
        res.append({"id": "piid-%04d" % i, **r})
    return res


def build_inj():
    items = []
    for fn in sorted(glob.glob(os.path.join(SRC, "inj_*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(fn)[:-3], fn)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        for label, cat, lang, text in mod.ITEMS:
            rec = {"text": text.strip("\n"), "label": label}
            rec["family" if label == "attack" else "kind"] = cat
            rec["lang"] = lang
            items.append(rec)
    random.Random(SEED + 1).shuffle(items)
    return [{"id": "injd-%04d" % i, **r} for i, r in enumerate(items, 1)]


def write(path, recs):
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    p = build_pii(); i = build_inj()
    write(os.path.join(HERE, "pii.jsonl"), p)
    write(os.path.join(HERE, "injection.jsonl"), i)
    print("pii records:", len(p), "injection records:", len(i))
