#!/usr/bin/env python3
"""Validate injection.jsonl and pii.jsonl (stdlib only). Exit code 1 on any failure."""
import json, re, sys, base64, ipaddress, collections, pathlib

ROOT = pathlib.Path(__file__).resolve().parent
FAMILIES = ["override_direct", "override_paraphrased", "fake_turns", "roleplay_persona", "prompt_leak",
            "exfiltration", "obfuscation", "tool_hijack", "indirect_document", "multilingual_mixed"]
KINDS = ["classify_attack", "security_education", "creative_roleplay", "code_ignore_words", "encoded_data",
         "support_ticket", "benign_document", "sysadmin", "templating", "legit_links"]
ENT_TYPES = {"PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "CREDIT_CARD", "US_SSN", "IP_ADDRESS",
             "DATE_OF_BIRTH", "PASSPORT", "SECRET", "AWS_ACCESS_KEY", "GOOGLE_API_KEY", "JWT", "URL_TOKEN"}
TRI = {"de", "fr", "es"}
errors, lines = [], []


def err(msg): errors.append(msg)
def say(msg): lines.append(msg)


def luhn_ok(v):
    d = [int(c) for c in v if c.isdigit()]
    if len(d) < 12: return False
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2:
            x *= 2
            if x > 9: x -= 9
        tot += x
    return tot % 10 == 0


def iban_ok(v):
    s = v.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s): return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def ssn_ok(v):
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", v)
    if not m: return False
    a, g, s = m.groups()
    return a not in ("000", "666") and not a.startswith("9") and g != "00" and s != "0000"


def jwt_ok(v):
    parts = v.split(".")
    if len(parts) != 3: return False
    try:
        h = json.loads(base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)))
        json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        return "alg" in h
    except Exception:
        return False


def ip_ok(v):
    try: ipaddress.ip_address(v); return True
    except ValueError: return False


def load(name):
    recs = []
    for n, line in enumerate((ROOT / name).read_text(encoding="utf-8").splitlines(), 1):
        try: recs.append(json.loads(line))
        except json.JSONDecodeError as e: err(f"{name}:{n} bad JSON {e}")
    return recs


def share(recs):
    return sum(r["lang"] in TRI for r in recs) / max(1, len(recs))


# ---------------- injection ----------------
inj = load("injection.jsonl")
ids, texts = set(), set()
fam_c, kind_c = collections.Counter(), collections.Counter()
fam_lang, kind_lang = collections.defaultdict(set), collections.defaultdict(set)
for r in inj:
    keys = set(r)
    if r.get("label") == "attack":
        if keys != {"id", "text", "label", "family", "lang"}: err(f"{r.get('id')} bad keys {keys}")
        if r.get("family") not in FAMILIES: err(f"{r['id']} unknown family")
        fam_c[r["family"]] += 1; fam_lang[r["family"]].add(r["lang"])
    elif r.get("label") == "benign":
        if keys != {"id", "text", "label", "kind", "lang"}: err(f"{r.get('id')} bad keys {keys}")
        if r.get("kind") not in KINDS: err(f"{r['id']} unknown kind")
        kind_c[r["kind"]] += 1; kind_lang[r["kind"]].add(r["lang"])
    else:
        err(f"{r.get('id')} bad label")
    if not re.fullmatch(r"inj6-\d{4}", r["id"]): err(f"bad id {r['id']}")
    if r["id"] in ids: err(f"duplicate id {r['id']}")
    if r["text"] in texts: err(f"duplicate text {r['id']}")
    ids.add(r["id"]); texts.add(r["text"])
    if not re.fullmatch(r"[a-z]{2}", r["lang"]): err(f"{r['id']} bad lang")
    if r.get("family") == "override_paraphrased" and re.search(r"ignor|previous instruction|vorherigen anweisung|instrucciones anteriores|instructions pr[ée]c[ée]dentes", r["text"], re.I):
        err(f"{r['id']} override_paraphrased contains a trigger word")
att = [r for r in inj if r["label"] == "attack"]; ben = [r for r in inj if r["label"] == "benign"]
say(f"injection.jsonl: {len(inj)} prompts ({len(att)} attack, {len(ben)} benign)")
if len(inj) < 480: err("fewer than 480 prompts")
for f in FAMILIES:
    say(f"  attack/{f:22s} {fam_c[f]:3d}  langs={sorted(fam_lang[f])}")
    if fam_c[f] < 24: err(f"family {f} has < 24")
for k in KINDS:
    say(f"  benign/{k:22s} {kind_c[k]:3d}  langs={sorted(kind_lang[k])}")
    if kind_c[k] < 24: err(f"kind {k} has < 24")
for name, recs in (("attack", att), ("benign", ben)):
    sh = share(recs)
    say(f"  de/fr/es share among {name}: {sh:.1%}  {dict(collections.Counter(r['lang'] for r in recs))}")
    if not 0.25 <= sh <= 0.30: err(f"{name} de/fr/es share {sh:.3f} outside 25-30%")
for lang in sorted(TRI):
    nf = sum(lang in fam_lang[f] for f in FAMILIES); nk = sum(lang in kind_lang[k] for k in KINDS)
    say(f"  {lang}: present in {nf}/10 families, {nk}/10 kinds")
    if nf < 7 or nk < 7: err(f"{lang} present in too few families/kinds")
zw = sum(bool(re.search("[\u200b-\u200f\u2060\ufeff]", r["text"])) for r in inj)
raw = (ROOT / "injection.jsonl").read_text(encoding="utf-8")
has_esc = "\\u200" in raw
say(f"  prompts with zero-width chars: {zw} (raw file writes them as \\u200X escapes: {has_esc})")
if re.search("[\u200b-\u200f\u2060\ufeff]", raw): err("raw zero-width characters in injection.jsonl (should be escaped)")

# ---------------- pii ----------------
pii = load("pii.jsonl")
ids, texts = set(), set()
tc, nc = collections.Counter(), collections.Counter()
checks = collections.Counter()
for r in pii:
    if set(r) != {"id", "lang", "text", "entities", "non_entities"}: err(f"{r.get('id')} bad keys")
    if not re.fullmatch(r"pii6-\d{4}", r["id"]): err(f"bad id {r['id']}")
    if r["id"] in ids: err(f"duplicate id {r['id']}")
    if r["text"] in texts: err(f"duplicate text {r['id']}")
    ids.add(r["id"]); texts.add(r["text"])
    t = r["text"]
    spans = []
    for e in r["entities"]:
        if set(e) != {"type", "value"}: err(f"{r['id']} bad entity keys")
        if e["type"] not in ENT_TYPES: err(f"{r['id']} unknown entity type {e['type']}")
        if e["value"] not in t: err(f"{r['id']} entity not substring: {e['value']!r}")
        if e["value"] != e["value"].strip() or not e["value"]: err(f"{r['id']} entity has outer whitespace {e['value']!r}")
        tc[e["type"]] += 1
        for m in re.finditer(re.escape(e["value"]), t): spans.append((m.start(), m.end()))
        v, ty = e["value"], e["type"]
        ok = {"CREDIT_CARD": lambda: luhn_ok(v), "IBAN": lambda: iban_ok(v), "US_SSN": lambda: ssn_ok(v),
              "AWS_ACCESS_KEY": lambda: bool(re.fullmatch(r"AKIA[A-Z2-7]{16}", v)),
              "GOOGLE_API_KEY": lambda: bool(re.fullmatch(r"AIza[0-9A-Za-z_-]{35}", v)),
              "JWT": lambda: jwt_ok(v), "IP_ADDRESS": lambda: ip_ok(v),
              "EMAIL": lambda: bool(re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", v)),
              "URL_TOKEN": lambda: bool(re.fullmatch(r"[A-Za-z0-9_-]{16,}", v)),
              "PHONE": lambda: sum(c.isdigit() for c in v) >= 7}.get(ty)
        if ok:
            checks[ty] += 1
            if not ok(): err(f"{r['id']} {ty} fails check: {v!r}")
    for n in r["non_entities"]:
        if set(n) != {"type", "value"}: err(f"{r['id']} bad non-entity keys")
        if n["type"] in ENT_TYPES: err(f"{r['id']} non-entity uses an entity type name {n['type']}")
        if n["value"] not in t: err(f"{r['id']} non-entity not substring: {n['value']!r}")
        nc[n["type"]] += 1
        if any(n["value"] == e["value"] for e in r["entities"]): err(f"{r['id']} value both entity and non-entity")
        free = [m for m in re.finditer(re.escape(n["value"]), t)
                if not any(a < m.end() and m.start() < b for a, b in spans)]
        if not free: err(f"{r['id']} non-entity {n['value']!r} only occurs inside entity spans")
        v = n["value"]
        if n["type"] in ("INVALID_CARD", "TEST_CARD"):
            checks["INVALID_CARD"] += 1
            if luhn_ok(v): err(f"{r['id']} invalid card passes Luhn: {v}")
        if n["type"] == "INVALID_IBAN":
            checks["INVALID_IBAN"] += 1
            if iban_ok(v): err(f"{r['id']} invalid IBAN passes mod-97: {v}")
ents = sum(tc.values()); other = ents - tc["PERSON"] - tc["ADDRESS"]
say(f"pii.jsonl: {len(pii)} records, {ents} entities, {sum(nc.values())} non-entities")
for k in sorted(ENT_TYPES): say(f"  {k:16s} {tc[k]}")
say(f"  other (non PERSON/ADDRESS) entities: {other}")
say(f"  non-entity labels: {len(nc)} distinct; top: {nc.most_common(12)}")
say(f"  checksum/format checks run: {dict(checks)}")
sh = share(pii)
say(f"  de/fr/es share: {sh:.1%}  {dict(collections.Counter(r['lang'] for r in pii))}")
if len(pii) < 320: err("fewer than 320 pii records")
if ents < 650: err("fewer than 650 entities")
if tc["PERSON"] < 350: err("fewer than 350 PERSON")
if tc["ADDRESS"] < 80: err("fewer than 80 ADDRESS")
if other < 200: err("fewer than 200 other entities")
if sum(nc.values()) < 250: err("fewer than 250 non-entities")
if not 0.25 <= sh <= 0.30: err(f"pii de/fr/es share {sh:.3f} outside 25-30%")

print("\n".join(lines))
print(f"\nERRORS: {len(errors)}")
for e in errors: print("  " + e)
print("RESULT:", "PASS" if not errors else "FAIL")
sys.exit(1 if errors else 0)
