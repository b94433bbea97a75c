#!/usr/bin/env python3
"""Validate pii.jsonl; writes validate_output.txt."""
import json, os, re, collections
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PERSON","ADDRESS","PHONE","EMAIL","CREDIT_CARD","IBAN","US_SSN","PASSPORT","DATE_OF_BIRTH","IP_ADDRESS","GOOGLE_API_KEY","AWS_ACCESS_KEY","JWT","URL_TOKEN","SECRET"}
MIN = {t: 8 for t in TYPES}; MIN.update(PERSON=120, SECRET=60, IP_ADDRESS=30, PHONE=30, ADDRESS=25)
out, errs = [], []
def luhn(n):
    s = 0
    for i, ch in enumerate(reversed(n)):
        d = int(ch)
        if i % 2: d = d * 2 - 9 if d > 4 else d * 2
        s += d
    return s % 10 == 0
def iban_ok(s):
    s = s.replace(' ', '')
    t = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in t)) % 97 == 1
def ean_ok(s):
    if not (len(s) == 13 and s.isdigit()): return False
    w = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(s[:12]))
    return int(s[12]) == (10 - w % 10) % 10
recs = [json.loads(l) for l in open(os.path.join(HERE, 'pii.jsonl'), encoding='utf-8')]
ids, texts = set(), set()
ent = collections.Counter(); lab = collections.Counter(); lang = collections.Counter()
both = 0; checks = collections.Counter()
for r in recs:
    if set(r) != {"id","lang","text","entities","non_entities"}: errs.append(f"{r.get('id')}: keys")
    if not re.fullmatch(r'lk14-\d{4}', r["id"]): errs.append(f"{r['id']}: id format")
    if r["id"] in ids: errs.append(f"{r['id']}: dup id")
    if r["text"] in texts: errs.append(f"{r['id']}: dup text")
    ids.add(r["id"]); texts.add(r["text"]); lang[r["lang"]] += 1
    if r["lang"] not in ("en","de","fr","es"): errs.append(f"{r['id']}: lang")
    spans = []
    for e in r["entities"]:
        if e["type"] not in TYPES: errs.append(f"{r['id']}: bad type {e['type']}")
        if e["value"] not in r["text"]: errs.append(f"{r['id']}: not substring {e['value']!r}")
        ent[e["type"]] += 1
        v = e["value"]
        if e["type"] == "CREDIT_CARD":
            d = re.sub(r'[ -]', '', v); checks["card_luhn"] += 1
            if not (d.isdigit() and luhn(d)): errs.append(f"{r['id']}: card Luhn fail {v}")
        if e["type"] == "IBAN":
            checks["iban_mod97"] += 1
            if not iban_ok(v): errs.append(f"{r['id']}: IBAN fail {v}")
        if e["type"] == "US_SSN":
            checks["ssn_format"] += 1
            m = re.fullmatch(r'(\d{3})-?(\d{2})-?(\d{4})', v.replace(' ', '-'))
            if not m or m.group(1) in ('000','666') or m.group(1)[0] == '9' or m.group(2) == '00' or m.group(3) == '0000': errs.append(f"{r['id']}: SSN fail {v}")
        if e["type"] == "AWS_ACCESS_KEY":
            checks["aws_format"] += 1
            if not re.fullmatch(r'(AKIA|ASIA)[A-Z2-7]{16}', v): errs.append(f"{r['id']}: AWS fail {v}")
        if e["type"] == "GOOGLE_API_KEY":
            checks["gkey_format"] += 1
            if not re.fullmatch(r'AIza[0-9A-Za-z_-]{35}', v): errs.append(f"{r['id']}: gkey fail {v}")
        if e["type"] == "JWT":
            checks["jwt_format"] += 1
            if not re.fullmatch(r'eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+', v): errs.append(f"{r['id']}: jwt fail {v}")
    for n in r["non_entities"]:
        if n["value"] not in r["text"]: errs.append(f"{r['id']}: non-entity not substring {n['value']!r}")
        if n["type"] in TYPES: errs.append(f"{r['id']}: non-entity uses entity type {n['type']}")
        lab[n["type"]] += 1
        d = re.sub(r'[ -]', '', n["value"])
        if d.isdigit() and len(d) in (15, 16) and n["type"] not in ("EAN", "TEST_CARD"):
            checks["lookalike_card_len_luhn_invalid"] += 1
            if luhn(d): errs.append(f"{r['id']}: card-length look-alike is Luhn-valid {n['value']}")
        if n["type"] == "EAN":
            checks["ean13"] += 1
            if not ean_ok(d): errs.append(f"{r['id']}: EAN check fail {n['value']}")
        if n["type"] == "IBAN_PLACEHOLDER" or (re.fullmatch(r'[A-Z]{2}\d{2}[A-Z0-9]{10,30}', d) and n["type"] != "IBAN_PLACEHOLDER"):
            pass
    ev = {e["value"] for e in r["entities"]}
    for n in r["non_entities"]:
        if n["value"] in ev: errs.append(f"{r['id']}: value both entity and non-entity {n['value']!r}")
    if r["entities"] and r["non_entities"]: both += 1
N = len(recs)
out.append(f"records: {N}")
out.append(f"entities: {sum(ent.values())}")
for t in sorted(TYPES):
    flag = "" if ent[t] >= MIN[t] else f"  BELOW MIN {MIN[t]}"
    if flag: errs.append(f"type {t} below min")
    out.append(f"  {t}: {ent[t]}{flag}")
out.append(f"non_entities: {sum(lab.values())} over {len(lab)} labels")
for l, c in sorted(lab.items()): out.append(f"  {l}: {c}")
out.append("languages:")
for l, c in sorted(lang.items()): out.append(f"  {l}: {c} ({100*c/N:.1f}%)")
nonen = sum(c for l, c in lang.items() if l != 'en') / N
out.append(f"  de+fr+es share: {100*nonen:.1f}%")
if N < 260: errs.append("records < 260")
if sum(ent.values()) < 420: errs.append("entities < 420")
if sum(lab.values()) < 300: errs.append("non_entities < 300")
if len(lab) < 60: errs.append("labels < 60")
if nonen < 0.28: errs.append("non-English share < 28%")
for l in ("de","fr","es"):
    if lang[l] / N < 0.08: errs.append(f"{l} share < 8%")
out.append(f"records with both entity and look-alike: {both}")
out.append("check-digit / format checks run: " + ", ".join(f"{k}={v}" for k, v in sorted(checks.items())))
out.append(f"ERRORS: {len(errs)}")
out += ["  " + e for e in errs]
out.append("RESULT: " + ("PASS" if not errs else "FAIL"))
open(os.path.join(HERE, 'validate_output.txt'), 'w').write('\n'.join(out) + '\n')
print('\n'.join(out[-3:]) if errs else out[-1])
# warnings: values occurring more than once (first occurrence must be the meant one) -- listed for manual review
warn = []
for r in recs:
    for e in r["entities"] + r["non_entities"]:
        c = r["text"].count(e["value"])
        if c > 1: warn.append(f"  {r['id']}: {e['type']} {e['value'][:40]!r} occurs {c}x")
with open(os.path.join(HERE, 'validate_output.txt'), 'a') as f:
    f.write(f"WARNINGS (multi-occurrence values, reviewed by hand): {len(warn)}\n" + '\n'.join(warn) + '\n')
