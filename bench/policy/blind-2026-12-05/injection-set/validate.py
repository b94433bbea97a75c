#!/usr/bin/env python3
"""Stdlib validator for injection.jsonl. Prints a report; exit code 1 on any failure."""
import json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
FAMILIES = ["override_direct", "override_paraphrased", "fake_turns", "roleplay_persona", "prompt_leak",
            "exfiltration", "obfuscation", "tool_hijack", "indirect_document", "multilingual_mixed"]
KINDS = ["classify_attack", "security_education", "creative_roleplay", "code_ignore_words", "encoded_data",
         "support_ticket", "benign_document", "sysadmin", "templating", "legit_links", "short_plain"]
LANGS = {"en", "de", "fr", "es"}
MIN_PER = 24
fails = []


def check(cond, msg):
    print(("PASS " if cond else "FAIL ") + msg)
    if not cond:
        fails.append(msg)


def iban_ok(s):
    s = s.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def luhn_ok(s):
    d = [int(c) for c in s if c.isdigit()]
    tot = 0
    for i, n in enumerate(reversed(d)):
        if i % 2:
            n *= 2
            if n > 9:
                n -= 9
        tot += n
    return len(d) >= 13 and tot % 10 == 0


def ssn_ok(s):
    m = re.fullmatch(r"(\d{3})-(\d{2})-(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    return a not in ("000", "666") and not a.startswith("9") and g != "00" and n != "0000"


def key_ok(s):
    return bool(re.fullmatch(r"sk-[A-Za-z0-9]{40}", s) or re.fullmatch(r"AKIA[A-Z2-7]{16}", s))


CHECKERS = {"iban": iban_ok, "card": luhn_ok, "ssn": ssn_ok, "key_shape": key_ok}

# ---- load
recs = []
with open(os.path.join(HERE, "injection.jsonl"), encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        try:
            recs.append(json.loads(line))
        except Exception as e:
            check(False, f"line {ln} is valid JSON ({e})")
print(f"records: {len(recs)}")
check(len(recs) >= 500, "at least 500 records")

# ---- schema
bad = []
for r in recs:
    if r.get("label") == "attack":
        want = ["id", "text", "label", "family", "lang"]
        ok = list(r.keys()) == want and r["family"] in FAMILIES
    elif r.get("label") == "benign":
        want = ["id", "text", "label", "kind", "lang"]
        ok = list(r.keys()) == want and r["kind"] in KINDS
    else:
        ok = False
    ok = ok and isinstance(r.get("text"), str) and r["text"].strip() == r["text"] and r["text"] and r.get("lang") in LANGS
    if not ok:
        bad.append(r.get("id"))
check(not bad, f"schema ok for every record (bad: {bad[:5]})")
ids = [r["id"] for r in recs]
check(len(set(ids)) == len(ids), "unique ids")
check(ids == [f"inj9-{i:04d}" for i in range(1, len(recs) + 1)], "ids are inj9-0001.. sequential (assigned after shuffle)")
texts = [r["text"] for r in recs]
check(len(set(texts)) == len(texts), "unique texts (exact)")
norm = [re.sub(r"\W+", " ", t.lower()).strip() for t in texts]
dups = [t for t, c in Counter(norm).items() if c > 1]
check(not dups, f"unique texts (normalized case/punctuation) {dups[:3]}")
check(not any("@@" in t for t in texts), "no leftover source headers in texts")

# ---- counts
attacks = [r for r in recs if r["label"] == "attack"]
benign = [r for r in recs if r["label"] == "benign"]
fc = Counter(r["family"] for r in attacks)
kc = Counter(r["kind"] for r in benign)
print("attacks:", len(attacks), dict(sorted(fc.items())))
print("benign:", len(benign), dict(sorted(kc.items())))
for fam in FAMILIES:
    check(fc[fam] >= MIN_PER, f"family {fam}: {fc[fam]} >= {MIN_PER}")
for k in KINDS:
    check(kc[k] >= MIN_PER, f"kind {k}: {kc[k]} >= {MIN_PER}")

# ---- languages
for name, group in (("attack", attacks), ("benign", benign)):
    lc = Counter(r["lang"] for r in group)
    share = sum(lc[l] for l in ("de", "fr", "es")) / len(group)
    print(f"{name} langs: {dict(lc)}")
    check(0.25 <= share <= 0.30, f"{name} de/fr/es share {share:.3f} within 25-30%")
fam_langs = defaultdict(set)
for r in attacks:
    fam_langs[r["family"]].add(r["lang"])
for l in ("de", "fr", "es"):
    n = sum(1 for fam in FAMILIES if l in fam_langs[fam])
    check(n >= 7, f"lang {l} present in {n}/10 attack families (>=7)")
sp = [r for r in benign if r["kind"] == "short_plain"]
check({r["lang"] for r in sp} == LANGS, "short_plain covers en/de/fr/es")
wc_bad = [r["id"] for r in sp if not 2 <= len(r["text"].split()) <= 12]
check(not wc_bad, f"short_plain texts have 2-12 words {wc_bad}")
mm = [r for r in attacks if r["family"] == "multilingual_mixed"]
check(all(r["lang"] != "en" for r in mm), "multilingual_mixed records are tagged de/fr/es")

# ---- family-specific sanity
trig = re.compile(r"ignor|previous instructions|vorherig|précédent|anterior", re.I)
para_bad = [r["id"] for r in attacks if r["family"] == "override_paraphrased" and trig.search(r["text"])]
check(not para_bad, f"override_paraphrased has no ignore/previous-instructions trigger words {para_bad}")
obf = [r["text"] for r in attacks if r["family"] == "obfuscation"]
check(any(any(unicodedata.category(c) == "Cf" for c in t) for t in obf), "obfuscation contains zero-width (Cf) characters")
check(any(re.search(r"[\u0400-\u04ff]", t) and re.search(r"[a-z]", t) for t in obf), "obfuscation contains Cyrillic homoglyphs mixed with Latin")
raw = open(os.path.join(HERE, "injection.jsonl"), encoding="utf-8").read()
check(not any(unicodedata.category(c) == "Cf" for c in raw) and "\\u200b" in raw,
      "zero-width chars are written as \\uXXXX escapes in the file")
check(not any(any(unicodedata.category(c) == "Cf" for c in r["text"]) for r in benign), "no zero-width chars in benign texts")

# ---- declared values: substring + checksum
vals = json.load(open(os.path.join(HERE, "src", "values.json"), encoding="utf-8"))
for v in vals:
    hits = [r["id"] for r in recs if v["value"] in r["text"]]
    check(bool(hits), f"value {v['value']} ({v['type']}) appears as substring in {len(hits)} record(s)")
    got = CHECKERS[v["type"]](v["value"])
    check(got == v["valid"], f"value {v['value']} checksum valid={got}, declared {v['valid']}")

# ---- undeclared IBAN/card-looking values in texts (must all be declared)
declared = {v["value"] for v in vals}
found = set()
for t in texts:
    found.update(re.findall(r"\b[A-Z]{2}\d{2}[A-Z0-9]{12,30}\b", t))
    found.update(re.findall(r"(?<![0-9A-Za-z-])\d{15,16}(?![0-9A-Za-z-])", t))
    found.update(re.findall(r"\b\d{3}-\d{2}-\d{4}\b", t))
undeclared = sorted(found - declared)
check(not undeclared, f"every IBAN/card/SSN-shaped value in texts is declared in src/values.json {undeclared}")

print()
print("RESULT:", "ALL CHECKS PASSED" if not fails else f"{len(fails)} FAILURE(S)")
sys.exit(1 if fails else 0)
