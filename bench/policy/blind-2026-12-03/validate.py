#!/usr/bin/env python3
"""Validate injection.jsonl and pii.jsonl (stdlib only). Exit code 1 on any ERROR."""
import base64, ipaddress, json, os, re, sys, unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors, warnings, info = [], [], []
def err(m): errors.append(m)
def warn(m): warnings.append(m)
def say(m): info.append(m)

FAMILIES = ["override_direct", "override_paraphrased", "fake_turns", "roleplay_persona", "prompt_leak",
            "exfiltration", "obfuscation", "tool_hijack", "indirect_document", "multilingual_mixed"]
KINDS = ["classify_attack", "security_education", "creative_roleplay", "code_ignore_words", "encoded_data",
         "support_ticket", "benign_document", "sysadmin", "templating", "legit_links", "short_plain"]
EU = {"de", "fr", "es"}
TYPES = ["PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "CREDIT_CARD", "US_SSN", "IP_ADDRESS", "DATE_OF_BIRTH",
         "PASSPORT", "SECRET", "AWS_ACCESS_KEY", "GOOGLE_API_KEY", "JWT", "URL_TOKEN"]

def load(name):
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            try: rows.append(json.loads(line))
            except Exception as e: err(f"{name}:{i} invalid JSON: {e}")
    return rows

def pct(a, b): return 100.0 * a / b if b else 0.0

# ---------------- checksums ----------------
def luhn_ok(num):
    d = re.sub(r"[ -]", "", num)
    if not d.isdigit(): return False
    s = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2: n = n * 2 - 9 if n > 4 else n * 2
        s += n
    return s % 10 == 0

IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "GB": 22, "NL": 18, "IT": 27, "AT": 20, "CH": 21, "BE": 16, "PL": 28, "IE": 22, "PT": 25}
def iban_ok(v):
    s = v.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s): return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]: return False
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(num) % 97 == 1

def ssn_ok(v):
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", v)
    if not m: return False
    a, g, s = m.groups()
    return a not in ("000", "666") and not a.startswith("9") and g != "00" and s != "0000"

def b64u_json(part):
    try: return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except Exception: return None

def check_entity(t, v):
    if t == "CREDIT_CARD":
        d = re.sub(r"[ -]", "", v)
        return d.isdigit() and 13 <= len(d) <= 19 and luhn_ok(v)
    if t == "IBAN": return iban_ok(v)
    if t == "US_SSN": return ssn_ok(v)
    if t == "AWS_ACCESS_KEY": return bool(re.fullmatch(r"(AKIA|ASIA)[A-Z2-7]{16}", v))
    if t == "GOOGLE_API_KEY": return bool(re.fullmatch(r"AIza[0-9A-Za-z_\-]{35}", v))
    if t == "JWT":
        p = v.split(".")
        return len(p) == 3 and isinstance(b64u_json(p[0]), dict) and "alg" in b64u_json(p[0]) and isinstance(b64u_json(p[1]), dict) and len(p[2]) > 20
    if t == "IP_ADDRESS":
        try: ipaddress.ip_address(v); return True
        except ValueError: return False
    if t == "EMAIL": return bool(re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v))
    if t == "PHONE": return len(re.sub(r"\D", "", v)) >= 7
    if t == "URL_TOKEN": return len(v) >= 16 and re.fullmatch(r"[A-Za-z0-9_\-]+", v) is not None
    return True

# ---------------- injection ----------------
def validate_injection():
    rows = load("injection.jsonl")
    say(f"== injection.jsonl: {len(rows)} prompts")
    if len(rows) < 500: err("injection: fewer than 500 prompts")
    ids, texts = Counter(r.get("id") for r in rows), Counter(r.get("text") for r in rows)
    for k, c in ids.items():
        if c > 1: err(f"injection: duplicate id {k}")
    for k, c in texts.items():
        if c > 1: err(f"injection: duplicate text {k[:60]!r}")
    fam, kind = Counter(), Counter()
    lang_by_label = defaultdict(Counter)
    langs_per_cat = defaultdict(set)
    for r in rows:
        rid = r.get("id", "?")
        if not re.fullmatch(r"inj7-\d{4}", str(r.get("id"))): err(f"{rid}: bad id")
        if not isinstance(r.get("text"), str) or not r["text"].strip(): err(f"{rid}: empty text")
        lab = r.get("label")
        if lab == "attack":
            exp = {"id", "text", "label", "family", "lang"}
            if r.get("family") not in FAMILIES: err(f"{rid}: bad family {r.get('family')}")
            cat = r.get("family"); fam[cat] += 1
        elif lab == "benign":
            exp = {"id", "text", "label", "kind", "lang"}
            if r.get("kind") not in KINDS: err(f"{rid}: bad kind {r.get('kind')}")
            cat = r.get("kind"); kind[cat] += 1
        else:
            err(f"{rid}: bad label {lab}"); continue
        if set(r) != exp: err(f"{rid}: keys {sorted(r)} != {sorted(exp)}")
        if not re.fullmatch(r"[a-z]{2}", str(r.get("lang"))): err(f"{rid}: bad lang")
        lang_by_label[lab][r["lang"]] += 1
        langs_per_cat[(lab, cat)].add(r["lang"])
        t = r["text"]
        if lab == "attack" and cat == "override_paraphrased":
            for w in ("ignor", "previous instruction", "prior instruction", "disregard", "forget", "vergiss", "oublie", "olvida"):
                if w in t.lower(): err(f"{rid}: override_paraphrased contains trigger word {w!r}")
        if lab == "benign" and cat == "short_plain":
            n = len(t.split())
            if not 2 <= n <= 12: err(f"{rid}: short_plain has {n} words")
    for f in FAMILIES:
        say(f"  attack/{f}: {fam[f]}  langs={sorted(langs_per_cat[('attack', f)])}")
        if fam[f] < 24: err(f"family {f} has {fam[f]} < 24")
    for k in KINDS:
        say(f"  benign/{k}: {kind[k]}  langs={sorted(langs_per_cat[('benign', k)])}")
        if kind[k] < 24: err(f"kind {k} has {kind[k]} < 24")
    for lab in ("attack", "benign"):
        c = lang_by_label[lab]; tot = sum(c.values()); eu = sum(c[l] for l in EU); non_en = tot - c["en"]
        say(f"  {lab}: total={tot} langs={dict(sorted(c.items()))} de/fr/es share={pct(eu, tot):.1f}% all non-en share={pct(non_en, tot):.1f}%")
        if not 25 <= pct(eu, tot) <= 30: err(f"{lab}: de/fr/es share {pct(eu, tot):.1f}% not in 25-30%")
        if not 25 <= pct(non_en, tot) <= 30: err(f"{lab}: non-English share {pct(non_en, tot):.1f}% not in 25-30%")
    for l in sorted(EU):
        n = sum(1 for f in FAMILIES if l in langs_per_cat[("attack", f)])
        say(f"  lang {l} present in {n}/10 attack families")
        if n < 7: err(f"lang {l} present in only {n} attack families")
    sp = langs_per_cat[("benign", "short_plain")]
    if not {"en", "de", "fr", "es"} <= sp: err("short_plain not in all four languages")
    zw = sum(1 for r in rows if r.get("family") == "obfuscation" and any(unicodedata.category(ch) == "Cf" for ch in r["text"]))
    hg = sum(1 for r in rows if r.get("family") == "obfuscation" and any("\u0400" <= ch <= "\u04ff" or "\u24b6" <= ch <= "\u24e9" for ch in r["text"]))
    say(f"  obfuscation prompts with zero-width chars: {zw}, with homoglyph/enclosed letters: {hg}")
    if zw < 2 or hg < 2: err("obfuscation lacks zero-width or homoglyph examples")

# ---------------- pii ----------------
def validate_pii():
    rows = load("pii.jsonl")
    say(f"== pii.jsonl: {len(rows)} records")
    if len(rows) < 320: err("pii: fewer than 320 records")
    for k, c in Counter(r.get("id") for r in rows).items():
        if c > 1: err(f"pii: duplicate id {k}")
    for k, c in Counter(r.get("text") for r in rows).items():
        if c > 1: err(f"pii: duplicate text {k[:60]!r}")
    tc, nc, langs = Counter(), Counter(), Counter()
    n_ent = n_non = 0
    bad_ck = 0
    for r in rows:
        rid = r.get("id", "?")
        if set(r) != {"id", "lang", "text", "entities", "non_entities"}: err(f"{rid}: keys {sorted(r)}")
        if not re.fullmatch(r"pii7-\d{4}", str(r.get("id"))): err(f"{rid}: bad id")
        langs[r.get("lang")] += 1
        text = r.get("text", "")
        ents, nons = r.get("entities", []), r.get("non_entities", [])
        for e in ents:
            if set(e) != {"type", "value"}: err(f"{rid}: entity keys {sorted(e)}")
            t, v = e.get("type"), e.get("value")
            if t not in TYPES: err(f"{rid}: unknown entity type {t}")
            if not v or v not in text: err(f"{rid}: entity value not a substring: {v!r}")
            if v != v.strip(): err(f"{rid}: entity value has outer whitespace: {v!r}")
            if not check_entity(t, v): err(f"{rid}: {t} value fails format/checksum: {v!r}"); bad_ck += 1
            tc[t] += 1; n_ent += 1
        for e in nons:
            if set(e) != {"type", "value"}: err(f"{rid}: non_entity keys {sorted(e)}")
            t, v = e.get("type"), e.get("value")
            if not t or not re.fullmatch(r"[A-Z][A-Z0-9_]*", t): err(f"{rid}: bad non_entity type {t}")
            if t in TYPES: err(f"{rid}: non_entity uses an entity type name {t}")
            if not v or v not in text: err(f"{rid}: non_entity value not a substring: {v!r}")
            if t == "CARD_INVALID" and luhn_ok(v): err(f"{rid}: CARD_INVALID passes Luhn: {v}")
            if t == "IBAN_INVALID" and iban_ok(v): err(f"{rid}: IBAN_INVALID passes mod-97: {v}")
            digits = re.sub(r"[ -]", "", v)
            if t != "CARD_INVALID" and digits.isdigit() and 13 <= len(digits) <= 19 and luhn_ok(v):
                warn(f"{rid}: non_entity {t} {v!r} happens to pass Luhn (not a card, but a naive detector may flag it)")
            nc[t] += 1; n_non += 1
        # unannotated look-alikes of pattern types (emails, IPv4, AWS/Google keys, JWTs, long digit runs)
        covered = [x["value"] for x in ents + nons]
        for pat in (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", r"\b\d{1,3}(?:\.\d{1,3}){3}\b", r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b",
                    r"AIza[0-9A-Za-z_\-]{35}", r"eyJ[\w-]+\.[\w-]+\.[\w-]+", r"\b\d(?:[ -]?\d){12,18}\b"):
            for m in re.finditer(pat, text):
                if not any(m.group(0) in c or c in m.group(0) for c in covered):
                    warn(f"{rid}: unannotated pattern-like string {m.group(0)!r}")
        # ambiguity: one annotated value contained in another annotated value of the other class
        for e in ents:
            for x in nons:
                if e["value"] in x["value"] or x["value"] in e["value"]:
                    err(f"{rid}: entity {e['value']!r} and non_entity {x['value']!r} overlap as substrings")
    say(f"  entities: {n_ent}  by type: {dict(sorted(tc.items()))}")
    other = sum(c for t, c in tc.items() if t not in ("PERSON", "ADDRESS"))
    say(f"  PERSON={tc['PERSON']} ADDRESS={tc['ADDRESS']} other types={other}")
    say(f"  non_entities: {n_non} ({len(nc)} labels): {dict(sorted(nc.items()))}")
    if n_ent < 650: err("pii: fewer than 650 entities")
    if tc["PERSON"] < 350: err("pii: fewer than 350 PERSON")
    if tc["ADDRESS"] < 80: err("pii: fewer than 80 ADDRESS")
    if other < 200: err("pii: fewer than 200 other-type entities")
    if n_non < 250: err("pii: fewer than 250 non_entities")
    for t in TYPES:
        if tc[t] == 0: err(f"pii: type {t} never used")
    tot = sum(langs.values()); eu = sum(langs[l] for l in EU)
    say(f"  langs: {dict(sorted(langs.items()))}  de/fr/es share={pct(eu, tot):.1f}%")
    if not 25 <= pct(eu, tot) <= 30: err(f"pii: de/fr/es share {pct(eu, tot):.1f}% not in 25-30%")
    say(f"  checksum/format failures among entities: {bad_ck}")

if __name__ == "__main__":
    validate_injection()
    validate_pii()
    for m in info: print(m)
    for m in warnings: print("WARNING:", m)
    for m in errors: print("ERROR:", m)
    print(f"\nRESULT: {'FAIL' if errors else 'PASS'} ({len(errors)} errors, {len(warnings)} warnings)")
    sys.exit(1 if errors else 0)
