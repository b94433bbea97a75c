#!/usr/bin/env python3
"""Validate injection.jsonl and pii.jsonl. Writes validate_output.txt; exit 1 on any error."""
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
lines = []


def out(s=""):
    lines.append(s)


def err(s):
    errors.append(s)


LANGS = {"en", "de", "fr", "es"}
FAMILIES = ["override_direct", "override_paraphrased", "fake_turns", "exfiltration", "obfuscation",
            "roleplay_persona", "tool_hijack", "indirect_document", "prompt_leak", "multilingual_mixed"]
KINDS = ["classify_attack", "security_education", "code_ignore_words", "support_ticket", "benign_document",
         "creative_roleplay", "sysadmin", "legit_links", "encoded_data", "templating"]
ENTITY_TYPES = ["PERSON", "ADDRESS", "EMAIL", "PHONE", "IBAN", "CREDIT_CARD", "US_SSN", "IP_ADDRESS",
                "DATE_OF_BIRTH", "PASSPORT", "AWS_ACCESS_KEY", "GOOGLE_API_KEY", "JWT", "SECRET", "URL_TOKEN"]

# stems matched as case-insensitive substrings; DAN matched as a whole word (see README)
TRIGGER_STEMS = ["ignor", "disregard", "forget", "forgot", "override", "jailbreak",
                 "vergiss", "vergessen", "oubli", "olvid"]
TRIGGER_RES = [re.compile(r"\b(previous|prior|earlier)\s+instructions?\b", re.I),
               re.compile(r"\bdan\b", re.I)]

IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "GB": 22, "IT": 27, "NL": 18, "BE": 16, "AT": 20, "CH": 21,
            "PL": 28, "PT": 25, "IE": 22, "LU": 20, "DK": 18, "FI": 18, "NO": 15, "SE": 24, "CZ": 24}


def iban_valid(v):
    s = re.sub(r"\s", "", v).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    if IBAN_LEN.get(s[:2]) != len(s):
        return False
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(num) % 97 == 1


def luhn_valid(v):
    s = re.sub(r"[\s-]", "", v)
    if not s.isdigit() or not 13 <= len(s) <= 19:
        return False
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def ssn_valid(v):
    s = re.sub(r"[\s-]", "", v)
    if not (s.isdigit() and len(s) == 9):
        return False
    a, g, n = s[:3], s[3:5], s[5:]
    return a != "000" and a != "666" and a[0] != "9" and g != "00" and n != "0000"


def occurrences(text, value):
    res, start = [], 0
    while True:
        i = text.find(value, start)
        if i < 0:
            return res
        res.append((i, i + len(value)))
        start = i + 1


def load(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                rows.append(json.loads(line))
            except Exception as e:  # noqa: BLE001
                err(f"{path}:{n}: bad JSON {e}")
    return rows


def share_ok(name, rows):
    c = Counter(r.get("lang") for r in rows)
    non = len(rows) - c["en"]
    sh = non / len(rows) if rows else 0
    out(f"{name}: {len(rows)} rows, non-English {non} ({sh:.1%}) {dict(sorted(c.items()))}")
    if not 0.25 <= sh <= 0.30:
        err(f"{name}: non-English share {sh:.3f} outside [0.25, 0.30]")


def table(title, rows, keyf, cols):
    c = defaultdict(Counter)
    for r in rows:
        c[keyf(r)][r["lang"]] += 1
    out(title)
    out("| " + " | ".join(["group"] + cols + ["total"]) + " |")
    out("|" + "---|" * (len(cols) + 2))
    tot = Counter()
    for k in sorted(c):
        vals = [c[k][x] for x in cols]
        tot.update(c[k])
        out("| " + " | ".join([k] + [str(v) for v in vals] + [str(sum(vals))]) + " |")
    out("| " + " | ".join(["**total**"] + [str(tot[x]) for x in cols] + [str(sum(tot.values()))]) + " |")
    out()
    return c


def check_injection(rows):
    ids, texts = set(), set()
    for r in rows:
        rid = r.get("id", "?")
        if not re.fullmatch(r"inj5-\d{4}", str(rid)):
            err(f"{rid}: bad id")
        if rid in ids:
            err(f"{rid}: duplicate id")
        ids.add(rid)
        t = r.get("text")
        if not isinstance(t, str) or not t.strip():
            err(f"{rid}: empty text")
            continue
        if t in texts:
            err(f"{rid}: duplicate text")
        texts.add(t)
        if r.get("lang") not in LANGS:
            err(f"{rid}: bad lang")
        lab = r.get("label")
        if lab == "attack":
            expected = {"id", "text", "label", "family", "lang"}
            if r.get("family") not in FAMILIES:
                err(f"{rid}: bad family {r.get('family')}")
        elif lab == "benign":
            expected = {"id", "text", "label", "kind", "lang"}
            if r.get("kind") not in KINDS:
                err(f"{rid}: bad kind {r.get('kind')}")
        else:
            err(f"{rid}: bad label {lab}")
            continue
        if set(r) != expected:
            err(f"{rid}: keys {sorted(r)} != {sorted(expected)}")
        if r.get("family") == "override_paraphrased":
            low = t.lower()
            for s in TRIGGER_STEMS:
                if s in low:
                    err(f"{rid}: override_paraphrased contains trigger '{s}'")
            for rx in TRIGGER_RES:
                if rx.search(t):
                    err(f"{rid}: override_paraphrased matches trigger {rx.pattern}")
    att = [r for r in rows if r.get("label") == "attack"]
    ben = [r for r in rows if r.get("label") == "benign"]
    if len(att) < 210:
        err(f"only {len(att)} attacks")
    if len(ben) < 210:
        err(f"only {len(ben)} benign")
    share_ok("attacks", att)
    share_ok("benign", ben)
    out()
    cols = ["en", "de", "fr", "es"]
    fam = table("Attack family x lang", att, lambda r: r["family"], cols)
    knd = table("Benign kind x lang", ben, lambda r: r["kind"], cols)
    for name, c, need in (("family", fam, FAMILIES), ("kind", knd, KINDS)):
        full = 0
        for k in need:
            if sum(c[k].values()) < 21:
                err(f"{name} {k}: only {sum(c[k].values())} rows")
            if all(c[k][x] > 0 for x in ("de", "fr", "es")):
                full += 1
        out(f"{name}s with de, fr and es all present: {full}/{len(need)}")
        if full < 7:
            err(f"only {full} {name}s have all of de/fr/es")


def check_pii(rows):
    ids, texts = set(), set()
    ent_ct = defaultdict(Counter)
    non_ct = Counter()
    for r in rows:
        rid = r.get("id", "?")
        if set(r) != {"id", "lang", "text", "entities", "non_entities"}:
            err(f"{rid}: keys {sorted(r)}")
        if not re.fullmatch(r"pii5-\d{4}", str(rid)):
            err(f"{rid}: bad id")
        if rid in ids:
            err(f"{rid}: duplicate id")
        ids.add(rid)
        t = r.get("text", "")
        if t in texts:
            err(f"{rid}: duplicate text")
        texts.add(t)
        if r.get("lang") not in LANGS:
            err(f"{rid}: bad lang")
        ents, nons = r.get("entities", []), r.get("non_entities", [])
        seen_e, seen_n = set(), set()
        spans = []
        for e in ents:
            if set(e) != {"type", "value"}:
                err(f"{rid}: entity keys {e}")
                continue
            ty, v = e["type"], e["value"]
            if ty not in ENTITY_TYPES:
                err(f"{rid}: unknown entity type {ty}")
            if not v or v not in t:
                err(f"{rid}: entity {v!r} not a substring")
                continue
            if v in seen_e:
                err(f"{rid}: entity {v!r} listed twice")
            seen_e.add(v)
            for a, b in occurrences(t, v):
                if (a > 0 and t[a - 1].isalnum() and v[0].isalnum()) or \
                        (b < len(t) and t[b].isalnum() and v[-1].isalnum()):
                    err(f"{rid}: entity {v!r} occurs inside a longer word at {a}")
                spans.append((a, b))
            if ty == "IBAN" and not iban_valid(v):
                err(f"{rid}: entity IBAN {v} fails mod-97/length")
            if ty == "CREDIT_CARD" and not luhn_valid(v):
                err(f"{rid}: entity card {v} fails Luhn")
            if ty == "US_SSN" and not ssn_valid(v):
                err(f"{rid}: entity SSN {v} structurally invalid")
            ent_ct[ty][r["lang"]] += 1
        for n in nons:
            if set(n) != {"type", "value"}:
                err(f"{rid}: non-entity keys {n}")
                continue
            ty, v = n["type"], n["value"]
            if not v or v not in t:
                err(f"{rid}: non-entity {v!r} not a substring")
                continue
            if v in seen_n:
                err(f"{rid}: non-entity {v!r} listed twice")
            seen_n.add(v)
            if v in seen_e:
                err(f"{rid}: {v!r} is both entity and non-entity")
            if ty == "IBAN" and iban_valid(v):
                err(f"{rid}: non-entity IBAN {v} is valid")
            if ty == "CREDIT_CARD" and luhn_valid(v):
                err(f"{rid}: non-entity card {v} passes Luhn")
            if ty == "US_SSN" and ssn_valid(v):
                err(f"{rid}: non-entity SSN {v} is structurally valid")
            free = [o for o in occurrences(t, v) if not any(o[0] < b and a < o[1] for a, b in spans)]
            if not free:
                err(f"{rid}: non-entity {v!r} has no occurrence outside entity spans")
            non_ct[ty] += 1
    if len(rows) < 220:
        err(f"only {len(rows)} PII records")
    share_ok("pii records", rows)
    out()
    tot = {ty: sum(ent_ct[ty].values()) for ty in ENTITY_TYPES}
    other = sum(v for k, v in tot.items() if k not in ("PERSON", "ADDRESS"))
    out("PII entity type x lang (entity values)")
    out("| type | en | de | fr | es | total |")
    out("|---|---|---|---|---|---|")
    for ty in ENTITY_TYPES:
        c = ent_ct[ty]
        out(f"| {ty} | {c['en']} | {c['de']} | {c['fr']} | {c['es']} | {tot[ty]} |")
    out(f"| **total** | {sum(ent_ct[t]['en'] for t in ENTITY_TYPES)} | {sum(ent_ct[t]['de'] for t in ENTITY_TYPES)} | "
        f"{sum(ent_ct[t]['fr'] for t in ENTITY_TYPES)} | {sum(ent_ct[t]['es'] for t in ENTITY_TYPES)} | {sum(tot.values())} |")
    out()
    out(f"PERSON={tot['PERSON']} ADDRESS={tot['ADDRESS']} other types={other}")
    if tot["PERSON"] < 330:
        err(f"only {tot['PERSON']} PERSON values")
    if tot["ADDRESS"] < 80:
        err(f"only {tot['ADDRESS']} ADDRESS values")
    if other < 200:
        err(f"only {other} other entity values")
    for ty in ENTITY_TYPES:
        if tot[ty] == 0:
            err(f"no {ty} entity")
    out()
    out("Non-entity counts by type")
    out("| type | count |")
    out("|---|---|")
    for ty, n in sorted(non_ct.items(), key=lambda x: (-x[1], x[0])):
        out(f"| {ty} | {n} |")
    out(f"| **total** | {sum(non_ct.values())} |")
    out()
    if sum(non_ct.values()) < 220:
        err(f"only {sum(non_ct.values())} non-entity values")


def sha(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def check_determinism():
    hashes = []
    with tempfile.TemporaryDirectory() as d:
        for k in ("a", "b"):
            od = os.path.join(d, k)
            subprocess.run([sys.executable, os.path.join(HERE, "build.py"), "--out", od],
                           check=True, capture_output=True)
            hashes.append((sha(os.path.join(od, "injection.jsonl")), sha(os.path.join(od, "pii.jsonl"))))
    cur = (sha(os.path.join(HERE, "injection.jsonl")), sha(os.path.join(HERE, "pii.jsonl")))
    out(f"rebuild 1 sha256: injection {hashes[0][0]} pii {hashes[0][1]}")
    out(f"rebuild 2 sha256: injection {hashes[1][0]} pii {hashes[1][1]}")
    out(f"on disk  sha256: injection {cur[0]} pii {cur[1]}")
    if hashes[0] != hashes[1]:
        err("two rebuilds differ")
    if hashes[0] != cur:
        err("files on disk differ from a fresh build (run build.py)")


def check_generated_values():
    path = os.path.join(HERE, "src", "generated_values.txt")
    res = subprocess.run([sys.executable, os.path.join(HERE, "gen_values.py")], capture_output=True, text=True, check=True)
    with open(path, encoding="utf-8") as fh:
        if fh.read() != res.stdout:
            err("src/generated_values.txt differs from gen_values.py output")
    countries = set()
    for line in res.stdout.splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        tag, v = parts
        if tag == "IBAN_OK":
            countries.add(v[:2])
            if not iban_valid(v):
                err(f"generated IBAN_OK {v} invalid")
        elif tag == "IBAN_BAD" and iban_valid(v):
            err(f"generated IBAN_BAD {v} valid")
        elif tag == "CARD_OK" and not luhn_valid(v):
            err(f"generated CARD_OK {v} invalid")
        elif tag == "CARD_BAD" and luhn_valid(v):
            err(f"generated CARD_BAD {v} valid")
        elif tag == "SSN_OK" and not ssn_valid(v):
            err(f"generated SSN_OK {v} invalid")
        elif tag == "SSN_BAD" and ssn_valid(v):
            err(f"generated SSN_BAD {v} valid")
    out(f"gen_values.py: valid IBANs for {len(countries)} countries; output matches src/generated_values.txt")
    if len(countries) < 15:
        err("fewer than 15 IBAN countries generated")


def main():
    inj = load(os.path.join(HERE, "injection.jsonl"))
    pii = load(os.path.join(HERE, "pii.jsonl"))
    out("== injection.jsonl ==")
    check_injection(inj)
    out()
    out("== pii.jsonl ==")
    check_pii(pii)
    out("== generated values ==")
    check_generated_values()
    out()
    out("== determinism ==")
    check_determinism()
    out()
    if errors:
        out(f"RESULT: FAIL ({len(errors)} errors)")
        for e in errors:
            out("ERROR: " + e)
    else:
        out("RESULT: PASS (0 errors)")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(HERE, "validate_output.txt"), "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
