#!/usr/bin/env python3
"""Validate pii.jsonl (stdlib only). Exit code 1 on any error; warnings are printed but do not fail."""
import json, sys, os, re, base64, ipaddress, collections

HERE = os.path.dirname(os.path.abspath(__file__))
ALLOWED = {"PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "CREDIT_CARD", "US_SSN", "IP_ADDRESS",
           "DATE_OF_BIRTH", "PASSPORT", "SECRET", "AWS_ACCESS_KEY", "GOOGLE_API_KEY", "JWT", "URL_TOKEN"}
LANGS = {"en", "de", "fr", "es"}
MIN = {"records": 320, "entities": 650, "PERSON": 350, "ADDRESS": 80, "OTHER": 200, "non_entities": 250}
errors, warnings = [], []

def luhn_ok(s):
    d = re.sub(r"[ -]", "", s)
    if not d.isdigit() or not 13 <= len(d) <= 19:
        return False
    tot = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x *= 2
            if x > 9: x -= 9
        tot += x
    return tot % 10 == 0

IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "GB": 22, "NL": 18, "IT": 27, "AT": 20, "CH": 21, "BE": 16, "PL": 28, "IE": 22}
def iban_ok(s):
    i = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", i): return False
    if i[:2] in IBAN_LEN and len(i) != IBAN_LEN[i[:2]]: return False
    return int("".join(str(int(c, 36)) for c in i[4:] + i[:4])) % 97 == 1

def ssn_ok(s):
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", s)
    if not m: return False
    a, g, n = m.groups()
    return a not in ("000", "666") and not a.startswith("9") and g != "00" and n != "0000"

def jwt_ok(s):
    parts = s.split(".")
    if len(parts) != 3: return False
    try:
        hdr = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
        json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        return "alg" in hdr
    except Exception:
        return False

def ip_ok(s):
    try: ipaddress.ip_address(s); return True
    except ValueError: return False

FORMAT = {
    "IBAN": iban_ok, "CREDIT_CARD": luhn_ok, "US_SSN": ssn_ok, "JWT": jwt_ok, "IP_ADDRESS": ip_ok,
    "AWS_ACCESS_KEY": lambda s: re.fullmatch(r"(AKIA|ASIA)[A-Z2-7]{16}", s) is not None,
    "GOOGLE_API_KEY": lambda s: re.fullmatch(r"AIza[0-9A-Za-z_\-]{35}", s) is not None,
    "EMAIL": lambda s: re.fullmatch(r"[^\s@]+@[^\s@]+\.[^\s@]+", s) is not None,
    "PHONE": lambda s: len(re.sub(r"\D", "", s)) >= 7,
    "URL_TOKEN": lambda s: re.fullmatch(r"[A-Za-z0-9_\-]{16,}", s) is not None,
}
MUST_FAIL = {"INVALID_IBAN": iban_ok, "INVALID_CARD": luhn_ok, "INVALID_SSN": ssn_ok}

def main():
    path = os.path.join(HERE, "pii.jsonl")
    recs = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        try: recs.append(json.loads(line))
        except json.JSONDecodeError as e: errors.append(f"line {n}: bad JSON {e}")
    ids, texts = collections.Counter(), collections.Counter()
    ent_types, non_types, langs = collections.Counter(), collections.Counter(), collections.Counter()
    lang_ents = collections.Counter()
    for r in recs:
        rid = r.get("id")
        if set(r) != {"id", "lang", "text", "entities", "non_entities"}:
            errors.append(f"{rid}: keys {sorted(r)}")
        if not re.fullmatch(r"pii8-\d{4}", str(rid)): errors.append(f"{rid}: bad id")
        ids[rid] += 1; texts[r["text"]] += 1; langs[r["lang"]] += 1
        if r["lang"] not in LANGS: errors.append(f"{rid}: lang {r['lang']}")
        text = r["text"]
        ent_vals = set()
        for e in r["entities"]:
            if set(e) != {"type", "value"}: errors.append(f"{rid}: entity keys {e}")
            t, v = e["type"], e["value"]
            if t not in ALLOWED: errors.append(f"{rid}: entity type {t}")
            if not v or v not in text: errors.append(f"{rid}: entity value not in text: {v!r}")
            if t in FORMAT and not FORMAT[t](v): errors.append(f"{rid}: {t} fails format/checksum: {v!r}")
            ent_types[t] += 1; lang_ents[r["lang"]] += 1; ent_vals.add(v)
        for e in r["non_entities"]:
            if set(e) != {"type", "value"}: errors.append(f"{rid}: non-entity keys {e}")
            t, v = e["type"], e["value"]
            if not v or v not in text: errors.append(f"{rid}: non-entity value not in text: {v!r}")
            if t in ALLOWED: errors.append(f"{rid}: non-entity uses an entity type name {t}")
            if t in MUST_FAIL and MUST_FAIL[t](v): errors.append(f"{rid}: {t} unexpectedly passes checksum: {v!r}")
            if v in ent_vals: errors.append(f"{rid}: value is both entity and non-entity: {v!r}")
            for ev in ent_vals:
                if v in ev or ev in v:
                    warnings.append(f"{rid}: non-entity {v!r} overlaps entity {ev!r}")
            non_types[t] += 1
    for k, c in ids.items():
        if c > 1: errors.append(f"duplicate id {k}")
    for k, c in texts.items():
        if c > 1: errors.append(f"duplicate text {k[:60]!r}")
    n_ent = sum(ent_types.values()); other = n_ent - ent_types["PERSON"] - ent_types["ADDRESS"]
    n_non = sum(non_types.values())
    checks = [("records", len(recs)), ("entities", n_ent), ("PERSON", ent_types["PERSON"]),
              ("ADDRESS", ent_types["ADDRESS"]), ("OTHER", other), ("non_entities", n_non)]
    for name, val in checks:
        if val < MIN[name]: errors.append(f"minimum not met: {name} {val} < {MIN[name]}")
    share = (langs["de"] + langs["fr"] + langs["es"]) / max(1, len(recs))
    if not 0.25 <= share <= 0.30: errors.append(f"DE/FR/ES share {share:.3f} outside [0.25, 0.30]")
    missing = ALLOWED - set(ent_types)
    if missing: errors.append(f"entity types never used: {sorted(missing)}")

    print("== pii.jsonl validation ==")
    for name, val in checks: print(f"{name:13s} {val:5d}  (min {MIN[name]})")
    print(f"languages: {dict(sorted(langs.items()))}  DE/FR/ES share = {share:.3f}")
    print(f"entities per language: {dict(sorted(lang_ents.items()))}")
    print("entity types:")
    for t, c in ent_types.most_common(): print(f"  {t:16s} {c}")
    print(f"non-entity labels ({len(non_types)} distinct):")
    for t, c in non_types.most_common(): print(f"  {t:20s} {c}")
    print(f"records with no entities: {sum(1 for r in recs if not r['entities'])}")
    print(f"warnings ({len(warnings)}):")
    for w in warnings: print("  WARN", w)
    print(f"errors ({len(errors)}):")
    for e in errors: print("  ERROR", e)
    print("RESULT:", "FAIL" if errors else "PASS")
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
