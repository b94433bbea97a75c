#!/usr/bin/env python3
"""Validate injection.jsonl (stdlib only). Exit code 1 on any failure."""
import json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "injection.jsonl")
FAMILIES = ["override_direct", "override_paraphrased", "fake_turns", "roleplay_persona",
            "prompt_leak", "exfiltration", "obfuscation", "tool_hijack",
            "indirect_document", "multilingual_mixed"]
KINDS = ["classify_attack", "security_education", "creative_roleplay", "code_ignore_words",
         "encoded_data", "support_ticket", "benign_document", "sysadmin", "templating",
         "legit_links", "short_plain"]
MIN_PER = 24
MIN_TOTAL = 500
DFE = {"de", "fr", "es"}
errors = []

def err(msg):
    errors.append(msg)

recs = []
with open(PATH, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            recs.append(json.loads(line))
        except Exception as e:
            err("line %d: bad JSON (%s)" % (n, e))

ids, texts = Counter(), Counter()
for r in recs:
    rid = r.get("id", "")
    if not re.fullmatch(r"inj8-\d{4}", str(rid)):
        err("bad id %r" % rid)
    ids[rid] += 1
    t = r.get("text")
    if not isinstance(t, str) or not t.strip():
        err("%s: empty text" % rid)
    else:
        texts[t.strip().lower()] += 1
    if r.get("label") == "attack":
        exp = {"id", "text", "label", "family", "lang"}
        if r.get("family") not in FAMILIES:
            err("%s: unknown family %r" % (rid, r.get("family")))
    elif r.get("label") == "benign":
        exp = {"id", "text", "label", "kind", "lang"}
        if r.get("kind") not in KINDS:
            err("%s: unknown kind %r" % (rid, r.get("kind")))
    else:
        err("%s: bad label %r" % (rid, r.get("label")))
        continue
    if set(r) != exp:
        err("%s: keys %s != %s" % (rid, sorted(r), sorted(exp)))
    if not re.fullmatch(r"[a-z]{2}", str(r.get("lang", ""))):
        err("%s: bad lang %r" % (rid, r.get("lang")))
    if r.get("kind") == "short_plain":
        nw = len(t.split())
        if not 2 <= nw <= 12:
            err("%s: short_plain has %d words" % (rid, nw))

for k, c in ids.items():
    if c > 1: err("duplicate id %s" % k)
for k, c in texts.items():
    if c > 1: err("duplicate text %r" % k[:60])
expected_ids = ["inj8-%04d" % i for i in range(1, len(recs) + 1)]
if sorted(ids) != expected_ids:
    err("ids are not a contiguous inj8-0001..inj8-%04d sequence" % len(recs))
if len(recs) < MIN_TOTAL:
    err("only %d records (< %d)" % (len(recs), MIN_TOTAL))

out = []
def p(s=""):
    out.append(s)

p("file: %s" % PATH)
p("records: %d" % len(recs))
for label, key, cats in (("attack", "family", FAMILIES), ("benign", "kind", KINDS)):
    sub = [r for r in recs if r.get("label") == label]
    langs = Counter(r["lang"] for r in sub)
    share = sum(langs[l] for l in DFE) / max(1, len(sub))
    p()
    p("%s: %d  languages: %s  de+fr+es share: %.1f%%" % (label, len(sub), dict(sorted(langs.items())), 100 * share))
    if not 0.25 <= share <= 0.30:
        err("%s de/fr/es share %.3f outside 25-30%%" % (label, share))
    present = defaultdict(set)
    for c in cats:
        cs = [r for r in sub if r.get(key) == c]
        cl = Counter(r["lang"] for r in cs)
        p("  %-22s %3d  %s" % (c, len(cs), dict(sorted(cl.items()))))
        if len(cs) < MIN_PER:
            err("%s %s has %d < %d" % (key, c, len(cs), MIN_PER))
        for l in DFE:
            if cl[l]:
                present[l].add(c)
    for l in sorted(DFE):
        p("  %s present in %d/%d %s values" % (l, len(present[l]), len(cats), key))
        if len(present[l]) < 7:
            err("%s present in only %d %s values" % (l, len(present[l]), key))
    if label == "benign":
        sp = Counter(r["lang"] for r in sub if r.get("kind") == "short_plain")
        for l in ("en", "de", "fr", "es"):
            if not sp[l]:
                err("short_plain lacks language %s" % l)

p()
if errors:
    p("FAIL: %d problem(s)" % len(errors))
    for e in errors:
        p("  - " + e)
else:
    p("OK: all checks passed")
text = "\n".join(out)
print(text)
with open(os.path.join(HERE, "validate_output.txt"), "w", encoding="utf-8") as f:
    f.write(text + "\n")
sys.exit(1 if errors else 0)
