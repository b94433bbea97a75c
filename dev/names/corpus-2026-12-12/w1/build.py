#!/usr/bin/env python3
"""Build pii.jsonl from src/records_*.txt.
Source format: records separated by a line starting with '%%%' optionally followed by a
language code ('%%% de'); default 'en'. Inline markup inside a record:
  «P|Name»            PERSON
  «A|address text»    ADDRESS (may span lines)
  «N:LABEL|value»     non-entity look-alike with free label
Markup is stripped; values are the inner text, listed in order of appearance."""
import glob, json, re, sys
MARK = re.compile(r"«(P|A|N:[A-Z_]+)\|(.*?)»", re.S)
def parse(block):
    text, ents, non, spans = [], [], [], []
    pos = 0; out = ""
    for m in MARK.finditer(block):
        out += block[pos:m.start()]
        start = len(out); val = m.group(2); out += val
        kind = m.group(1)
        if kind == "P": ents.append({"type": "PERSON", "value": val}); spans.append(("E", start, len(out), val))
        elif kind == "A": ents.append({"type": "ADDRESS", "value": val}); spans.append(("E", start, len(out), val))
        else: non.append({"type": kind[2:], "value": val}); spans.append(("N", start, len(out), val))
        pos = m.end()
    out += block[pos:]
    return out, ents, non, spans
def load():
    recs = []
    for fn in sorted(glob.glob("src/records_*.txt")):
        raw = open(fn, encoding="utf-8").read()
        lang = "en"; cur = []
        chunks = re.split(r"^%%%[ \t]*([a-z]{2})?[ \t]*$\n?", raw, flags=re.M)
        # chunks: [pre, lang1, body1, lang2, body2, ...]
        for i in range(1, len(chunks), 2):
            body = chunks[i+1].strip("\n")
            if not body.strip(): continue
            text, ents, non, spans = parse(body)
            recs.append({"lang": chunks[i] or "en", "text": text, "entities": ents, "non_entities": non, "_spans": spans, "_src": fn})
    return recs
if __name__ == "__main__":
    recs = load(); seen = set(); n = 0
    with open("pii.jsonl", "w", encoding="utf-8") as f:
        for r in recs:
            if r["text"] in seen: continue
            seen.add(r["text"]); n += 1
            o = {"id": "trw1-%04d" % n, "lang": r["lang"], "text": r["text"], "entities": r["entities"], "non_entities": r["non_entities"]}
            f.write(json.dumps(o, ensure_ascii=False) + "\n")
    print("wrote", n, "records")
