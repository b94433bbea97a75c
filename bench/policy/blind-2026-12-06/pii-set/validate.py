#!/usr/bin/env python3
"""Validate pii.jsonl (stdlib only). Exit code 1 on any error."""
import json, os, re, sys, base64, ipaddress
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ALLOWED = {"PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "CREDIT_CARD", "US_SSN", "IP_ADDRESS",
           "DATE_OF_BIRTH", "PASSPORT", "SECRET", "AWS_ACCESS_KEY", "GOOGLE_API_KEY", "JWT", "URL_TOKEN"}
MINS = {"records": 320, "entities": 650, "PERSON": 350, "ADDRESS": 80, "OTHER": 200, "non_entities": 250}

errors, warnings = [], []
def err(m): errors.append(m)
def warn(m): warnings.append(m)

def luhn_ok(s):
    d = re.sub(r"[ -]", "", s)
    if not d.isdigit(): return False
    tot = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2:
            x *= 2
            if x > 9: x -= 9
        tot += x
    return tot % 10 == 0

def iban_ok(s):
    s = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s): return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1

def ssn_ok(s):
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", s)
    if not m: return False
    a, g, n = m.groups()
    return a not in ("000", "666") and not a.startswith("9") and g != "00" and n != "0000"

def b64json(part):
    pad = "=" * (-len(part) % 4)
    return json.loads(base64.urlsafe_b64decode(part + pad))

def jwt_ok(s):
    parts = s.split(".")
    if len(parts) != 3: return False
    try:
        h = b64json(parts[0]); b64json(parts[1])
        return "alg" in h
    except Exception:
        return False

def ip_ok(s):
    try: ipaddress.ip_address(s); return True
    except ValueError: return False

path = os.path.join(HERE, "pii.jsonl")
recs = []
with open(path, encoding="utf-8") as f:
    for ln, line in enumerate(f, 1):
        try: recs.append(json.loads(line))
        except Exception as e: err(f"line {ln}: bad json {e}")

ids, texts = Counter(), Counter()
type_counts, ne_counts, lang_counts = Counter(), Counter(), Counter()
n_ent = n_ne = 0
checks = Counter()
for r in recs:
    rid = r.get("id")
    if set(r) != {"id", "lang", "text", "entities", "non_entities"}:
        err(f"{rid}: keys {sorted(r)}")
    if not re.fullmatch(r"pii10-\d{4}", str(rid)): err(f"{rid}: bad id")
    ids[rid] += 1; texts[r["text"]] += 1; lang_counts[r["lang"]] += 1
    t = r["text"]
    ent_vals = set()
    for e in r["entities"]:
        if set(e) != {"type", "value"}: err(f"{rid}: entity keys {e}")
        ty, v = e["type"], e["value"]
        if ty not in ALLOWED: err(f"{rid}: type {ty} not allowed")
        if not v or v not in t: err(f"{rid}: entity value not in text: {v!r}")
        if v != v.strip(): err(f"{rid}: entity value has outer whitespace: {v!r}")
        ent_vals.add(v)
        type_counts[ty] += 1; n_ent += 1
        if ty == "CREDIT_CARD":
            checks["card_valid"] += 1
            if not luhn_ok(v): err(f"{rid}: card fails Luhn {v}")
            if not 13 <= len(re.sub(r'[ -]', '', v)) <= 19: err(f"{rid}: card length {v}")
        elif ty == "IBAN":
            checks["iban_valid"] += 1
            if not iban_ok(v): err(f"{rid}: IBAN fails mod-97 {v}")
        elif ty == "US_SSN":
            checks["ssn_valid"] += 1
            if not ssn_ok(v): err(f"{rid}: invalid SSN {v}")
        elif ty == "AWS_ACCESS_KEY":
            checks["aws_shape"] += 1
            if not re.fullmatch(r"(AKIA|ASIA)[A-Z2-7]{16}", v): err(f"{rid}: AWS key shape {v}")
        elif ty == "GOOGLE_API_KEY":
            checks["google_shape"] += 1
            if not re.fullmatch(r"AIza[0-9A-Za-z_-]{35}", v): err(f"{rid}: Google key shape {v}")
        elif ty == "JWT":
            checks["jwt_decodes"] += 1
            if not jwt_ok(v): err(f"{rid}: JWT does not decode {v[:20]}")
        elif ty == "IP_ADDRESS":
            checks["ip_parses"] += 1
            if not ip_ok(v): err(f"{rid}: IP does not parse {v}")
            elif v.startswith("255."): err(f"{rid}: netmask labelled as IP {v}")
        elif ty == "EMAIL":
            if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", v): err(f"{rid}: email shape {v}")
    for e in r["non_entities"]:
        if set(e) != {"type", "value"}: err(f"{rid}: non-entity keys {e}")
        lab, v = e["type"], e["value"]
        if not v or v not in t: err(f"{rid}: non-entity value not in text: {v!r}")
        if v in ent_vals: err(f"{rid}: value both entity and non-entity: {v!r}")
        if lab in ALLOWED: err(f"{rid}: non-entity uses an entity type name {lab}")
        ne_counts[lab] += 1; n_ne += 1
        if "CARD" in lab and re.fullmatch(r"[\d -]{13,23}", v):
            checks["card_invalid"] += 1
            if luhn_ok(v): err(f"{rid}: look-alike card PASSES Luhn {v}")
        if "IBAN" in lab:
            checks["iban_invalid"] += 1
            if iban_ok(v): err(f"{rid}: look-alike IBAN PASSES mod-97 {v}")
        if "SSN" in lab:
            checks["ssn_invalid"] += 1
            if ssn_ok(v): err(f"{rid}: look-alike SSN is valid {v}")
    for e in r["non_entities"]:
        for v in ent_vals:
            if e["value"] in v and e["value"] != v:
                warn(f"{rid}: non-entity {e['value']!r} is inside entity {v!r}")

for k, c in ids.items():
    if c > 1: err(f"duplicate id {k}")
for k, c in texts.items():
    if c > 1: err(f"duplicate text {k[:60]!r}")

other = sum(c for t, c in type_counts.items() if t not in ("PERSON", "ADDRESS"))
got = {"records": len(recs), "entities": n_ent, "PERSON": type_counts["PERSON"],
       "ADDRESS": type_counts["ADDRESS"], "OTHER": other, "non_entities": n_ne}
for k, m in MINS.items():
    if got[k] < m: err(f"minimum not met: {k} = {got[k]} < {m}")
share = sum(lang_counts[l] for l in ("de", "fr", "es")) / max(1, len(recs))
if not 0.25 <= share <= 0.30: err(f"DE/FR/ES share {share:.3f} outside 25-30%")

print("== pii.jsonl validation ==")
print(f"records: {len(recs)}")
print(f"entities: {n_ent}   non_entities: {n_ne}")
print(f"PERSON: {got['PERSON']}  ADDRESS: {got['ADDRESS']}  other types: {other}")
print("languages:", dict(sorted(lang_counts.items())), f"DE/FR/ES share = {share:.3f}")
print("entity types:")
for t, c in sorted(type_counts.items(), key=lambda x: -x[1]): print(f"  {t:15s} {c}")
print(f"non-entity labels ({len(ne_counts)} distinct):")
for t, c in sorted(ne_counts.items(), key=lambda x: -x[1]): print(f"  {t:22s} {c}")
print("checksum/shape checks run:", dict(checks))
print(f"warnings: {len(warnings)}")
for w in warnings: print("  WARN", w)
print(f"errors: {len(errors)}")
for e in errors: print("  ERROR", e)
print("RESULT:", "PASS" if not errors else "FAIL")
sys.exit(1 if errors else 0)
