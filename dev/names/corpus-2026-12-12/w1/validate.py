#!/usr/bin/env python3
import json, re, collections, sys
sys.path.insert(0, ".")
from build import load
recs = [json.loads(l) for l in open("pii.jsonl", encoding="utf-8")]
src = {r["text"]: r["_spans"] for r in load()}
errs = []; tc = collections.Counter(); nc = collections.Counter(); lc = collections.Counter()
texts = collections.Counter(r["text"] for r in recs)
for r in recs:
    t = r["text"]; lc[r["lang"]] += 1
    if not re.fullmatch(r"trw1-\d{4}", r["id"]): errs.append((r["id"], "bad id"))
    for e in r["entities"] + r["non_entities"]:
        if e["value"] not in t: errs.append((r["id"], "not substring", e["value"]))
    for e in r["entities"]: tc[e["type"]] += 1
    for e in r["non_entities"]: nc[e["type"]] += 1
    spans = src.get(t, [])
    # every occurrence (word-bounded) of an entity value must be an entity span or inside a non-entity span
    for val in set(e["value"] for e in r["entities"]):
        for m in re.finditer(r"(?<!\w)" + re.escape(val) + r"(?![\w@])", t):
            ok = any(k == "E" and s == m.start() and en == m.end() for k, s, en, v in spans) or \
                 any(s <= m.start() and m.end() <= en for k, s, en, v in spans if (k == "N" or (en - s) > len(val)))
            if not ok: errs.append((r["id"], "unlabelled occurrence", val))
    for val in set(e["value"] for e in r["non_entities"]):
        for m in re.finditer(r"(?<!\w)" + re.escape(val) + r"(?!\w)", t):
            ok = any(s <= m.start() and m.end() <= en for k, s, en, v in spans)
            if not ok: errs.append((r["id"], "unlabelled non-entity occurrence", val))
    if "«" in t or "»" in t: errs.append((r["id"], "leftover markup"))
dups = [t for t, c in texts.items() if c > 1]
out = []
out.append("records: %d" % len(recs))
out.append("languages: " + json.dumps(dict(lc)))
out.append("entity counts: " + json.dumps(dict(tc)))
out.append("non_entity total: %d" % sum(nc.values()))
out.append("non_entity labels: " + json.dumps(dict(nc.most_common())))
out.append("duplicate texts: %d" % len(dups))
out.append("errors: %d" % len(errs))
for e in errs[:200]: out.append("  " + repr(e))
out.append("RESULT: " + ("PASS" if not errs and not dups else "FAIL"))
open("validate_output.txt", "w").write("\n".join(out) + "\n")
print("\n".join(out))
