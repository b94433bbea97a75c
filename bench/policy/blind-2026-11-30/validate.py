#!/usr/bin/env python3
"""Validate injection.jsonl and pii.jsonl (stdlib only).

Checks: JSON per line, exact field sets, allowed values, unique ids and texts,
minimum counts per family / kind / entity type, language share, exact-substring
values, checksum validity of IBAN / card / SSN entities and invalidity of the
*_INVALID look-alikes, key/token shapes, and that look-alikes never overlap an
entity span. Prints a report; exit code 1 on any failure.
"""
import base64
import collections
import ipaddress
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_values import iban_ok, luhn_ok  # noqa: E402

FAMILIES = ["override_direct", "override_paraphrased", "fake_turns", "exfiltration", "obfuscation",
            "roleplay_persona", "tool_hijack", "indirect_document", "prompt_leak", "multilingual_mixed"]
KINDS = ["classify_attack", "security_education", "code_ignore_words", "support_ticket", "benign_document",
         "creative_roleplay", "sysadmin", "legit_links", "encoded_data", "templating"]
LANGS = {"en", "de", "fr", "es"}
ENTITY_MIN = {"PERSON": 140, "ADDRESS": 35, "PHONE": 50, "EMAIL": 30, "IBAN": 40, "CREDIT_CARD": 30,
              "US_SSN": 20, "DATE_OF_BIRTH": 25, "PASSPORT": 10, "IP_ADDRESS": 20, "SECRET": 25,
              "AWS_ACCESS_KEY": 5, "GOOGLE_API_KEY": 5, "JWT": 5, "URL_TOKEN": 5}
NON_ENTITY_TYPES = {"ORDER", "INVOICE", "VERSION", "NETMASK", "TIMESTAMP", "SKU", "MEASURE", "IBAN_INVALID",
                    "LUHN_INVALID", "SSN_INVALID", "MASKED_CARD", "TRACKING", "UUID", "ISBN", "GIT_SHA", "HASH",
                    "YEAR", "PLACEHOLDER", "PRODUCT_NAME", "PLACE_NAME", "REFERENCE", "TICKET", "BIC", "URL_PLAIN", "ORG"}
MIN_ATTACK, MIN_BENIGN, MIN_PER_GROUP = 230, 230, 23
MIN_PII_RECORDS, MIN_NON_ENTITIES = 230, 150
LANG_SHARE = (0.25, 0.30)  # share of de+fr+es
PARAPHRASE_BANNED = re.compile(r"ignor|disregard|forget|vergiss|vergess|oubli|olvid|override", re.I)

errors = []
report = []


def err(msg):
    errors.append(msg)


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                err(f"{os.path.basename(path)}:{n}: invalid JSON ({e})")
    return rows


def lang_share(rows, name):
    c = collections.Counter(r.get("lang") for r in rows)
    share = (len(rows) - c["en"]) / max(1, len(rows))
    report.append(f"{name}: languages {dict(sorted(c.items()))}, non-English share {share:.1%}")
    if not (LANG_SHARE[0] <= share <= LANG_SHARE[1]):
        err(f"{name}: non-English share {share:.1%} outside {LANG_SHARE}")
    return c


def check_injection(rows):
    ids, texts = set(), set()
    fam, kind = collections.Counter(), collections.Counter()
    lab = collections.Counter()
    by_group_lang = collections.defaultdict(collections.Counter)
    for r in rows:
        rid = r.get("id", "?")
        label = r.get("label")
        expected = {"id", "text", "label", "lang", "family" if label == "attack" else "kind"}
        if set(r) != expected:
            err(f"{rid}: fields {sorted(r)} != {sorted(expected)}")
        if not re.fullmatch(r"inj3-\d{4}", str(rid)):
            err(f"{rid}: bad id format")
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
            err(f"{rid}: bad lang {r.get('lang')}")
        lab[label] += 1
        if label == "attack":
            f = r.get("family")
            if f not in FAMILIES:
                err(f"{rid}: bad family {f}")
            fam[f] += 1
            by_group_lang[f][r.get("lang")] += 1
            if f == "override_paraphrased" and PARAPHRASE_BANNED.search(t):
                err(f"{rid}: override_paraphrased contains a banned trigger word")
            if f == "multilingual_mixed" and r.get("lang") == "en":
                err(f"{rid}: multilingual_mixed must not be tagged en")
        elif label == "benign":
            k = r.get("kind")
            if k not in KINDS:
                err(f"{rid}: bad kind {k}")
            kind[k] += 1
            by_group_lang[k][r.get("lang")] += 1
        else:
            err(f"{rid}: bad label {label}")
    report.append(f"injection: {len(rows)} rows; attack={lab['attack']} benign={lab['benign']}")
    if lab["attack"] < MIN_ATTACK:
        err(f"injection: only {lab['attack']} attacks (< {MIN_ATTACK})")
    if lab["benign"] < MIN_BENIGN:
        err(f"injection: only {lab['benign']} benign (< {MIN_BENIGN})")
    report.append("  attack families:")
    for f in FAMILIES:
        l = by_group_lang[f]
        report.append(f"    {f:22s} {fam[f]:4d}   en={l['en']} de={l['de']} fr={l['fr']} es={l['es']}")
        if fam[f] < MIN_PER_GROUP:
            err(f"injection: family {f} has {fam[f]} (< {MIN_PER_GROUP})")
    report.append("  benign kinds:")
    for k in KINDS:
        l = by_group_lang[k]
        report.append(f"    {k:22s} {kind[k]:4d}   en={l['en']} de={l['de']} fr={l['fr']} es={l['es']}")
        if kind[k] < MIN_PER_GROUP:
            err(f"injection: kind {k} has {kind[k]} (< {MIN_PER_GROUP})")
    lang_share(rows, "injection")


def spans(text, value):
    out, start = [], 0
    while True:
        i = text.find(value, start)
        if i < 0:
            return out
        out.append((i, i + len(value)))
        start = i + 1


def card_brand_ok(digits):
    n = len(digits)
    p2, p3, p4 = int(digits[:2]), int(digits[:3]), int(digits[:4])
    if digits[0] == "4" and n in (13, 16, 19):
        return True
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return True
    if p2 in (34, 37) and n == 15:
        return True
    if (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65) and 16 <= n <= 19:
        return True
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return True
    if (300 <= p3 <= 305 or p2 in (36, 38, 39)) and 14 <= n <= 19:
        return True
    if p2 == 62 and 16 <= n <= 19:
        return True
    if p4 in (5018, 5020, 5038, 6304, 6759, 6761, 6762, 6763) and 12 <= n <= 19:
        return True
    return False


def ssn_ok(v):
    d = re.sub(r"[ -]", "", v)
    if not re.fullmatch(r"\d{9}", d):
        return False
    a, g, s = d[:3], d[3:5], d[5:]
    return a not in ("000", "666") and a[0] != "9" and g != "00" and s != "0000"


def b64json(seg):
    seg += "=" * (-len(seg) % 4)
    return json.loads(base64.urlsafe_b64decode(seg))


def check_value(rid, typ, v):
    if typ == "IBAN" and not iban_ok(v):
        err(f"{rid}: IBAN fails mod-97/length: {v}")
    elif typ == "IBAN_INVALID" and iban_ok(v):
        err(f"{rid}: IBAN_INVALID is actually valid: {v}")
    elif typ == "CREDIT_CARD":
        d = re.sub(r"[ -]", "", v)
        if not d.isdigit() or not luhn_ok(d) or not card_brand_ok(d):
            err(f"{rid}: CREDIT_CARD not Luhn/brand valid: {v}")
    elif typ == "LUHN_INVALID":
        d = re.sub(r"[ -]", "", v)
        if luhn_ok(d):
            err(f"{rid}: LUHN_INVALID passes Luhn: {v}")
    elif typ == "US_SSN" and not ssn_ok(v):
        err(f"{rid}: US_SSN invalid format: {v}")
    elif typ == "SSN_INVALID" and ssn_ok(v):
        err(f"{rid}: SSN_INVALID is valid-format: {v}")
    elif typ == "AWS_ACCESS_KEY" and not re.fullmatch(r"(AKIA|ASIA)[A-Z0-9]{16}", v):
        err(f"{rid}: AWS key shape: {v}")
    elif typ == "GOOGLE_API_KEY" and not re.fullmatch(r"AIza[0-9A-Za-z_\-]{35}", v):
        err(f"{rid}: Google key shape: {v}")
    elif typ == "JWT":
        parts = v.split(".")
        try:
            assert len(parts) == 3 and "alg" in b64json(parts[0]) and isinstance(b64json(parts[1]), dict)
        except Exception:
            err(f"{rid}: JWT does not decode: {v[:30]}...")
    elif typ == "URL_TOKEN" and not v.startswith("https://"):
        err(f"{rid}: URL_TOKEN must be a whole URL: {v[:40]}")
    elif typ == "EMAIL" and not ("@" in v or "%40" in v):
        err(f"{rid}: EMAIL without @: {v}")
    elif typ == "IP_ADDRESS":
        try:
            ipaddress.ip_address(v)
        except ValueError:
            err(f"{rid}: IP_ADDRESS does not parse: {v}")


def check_pii(rows):
    ids, texts = set(), set()
    ent_count, non_count = collections.Counter(), collections.Counter()
    ent_lang = collections.defaultdict(collections.Counter)
    iban_countries = collections.Counter()
    for r in rows:
        rid = r.get("id", "?")
        if set(r) != {"id", "lang", "text", "entities", "non_entities"}:
            err(f"{rid}: fields {sorted(r)}")
            continue
        if not re.fullmatch(r"pii3-\d{4}", rid):
            err(f"{rid}: bad id format")
        if rid in ids:
            err(f"{rid}: duplicate id")
        ids.add(rid)
        text = r["text"]
        if text in texts:
            err(f"{rid}: duplicate text")
        texts.add(text)
        if r["lang"] not in LANGS:
            err(f"{rid}: bad lang")
        ent_spans = []
        seen = set()
        for e in r["entities"]:
            if set(e) != {"type", "value"}:
                err(f"{rid}: entity fields {sorted(e)}")
                continue
            t, v = e["type"], e["value"]
            if t not in ENTITY_MIN:
                err(f"{rid}: unknown entity type {t}")
            if (t, v) in seen:
                err(f"{rid}: duplicate entity {t}:{v}")
            seen.add((t, v))
            sp = spans(text, v)
            if not v or not sp:
                err(f"{rid}: entity value not a substring: {t}:{v!r}")
            ent_spans += sp
            ent_count[t] += 1
            ent_lang[t][r["lang"]] += 1
            check_value(rid, t, v)
            if t == "IBAN":
                iban_countries[v[:2]] += 1
        ent_values = {e["value"] for e in r["entities"]}
        for e in r["non_entities"]:
            if set(e) != {"type", "value"}:
                err(f"{rid}: non-entity fields {sorted(e)}")
                continue
            t, v = e["type"], e["value"]
            if t not in NON_ENTITY_TYPES:
                err(f"{rid}: unknown non-entity type {t}")
            sp = spans(text, v)
            if not v or not sp:
                err(f"{rid}: non-entity value not a substring: {t}:{v!r}")
            if v in ent_values:
                err(f"{rid}: value is both entity and non-entity: {v}")
            for a, b in sp:
                for c, d in ent_spans:
                    if a < d and c < b:
                        err(f"{rid}: non-entity {v!r} overlaps an entity span")
                        break
            non_count[t] += 1
            check_value(rid, t, v)
    report.append(f"pii: {len(rows)} records, {sum(ent_count.values())} entities, {sum(non_count.values())} non-entities")
    if len(rows) < MIN_PII_RECORDS:
        err(f"pii: only {len(rows)} records (< {MIN_PII_RECORDS})")
    report.append("  entity types (count, by lang):")
    for t, m in ENTITY_MIN.items():
        l = ent_lang[t]
        report.append(f"    {t:16s} {ent_count[t]:4d} (min {m:3d})   en={l['en']} de={l['de']} fr={l['fr']} es={l['es']}")
        if ent_count[t] < m:
            err(f"pii: {t} has {ent_count[t]} (< {m})")
    report.append("  non-entity types:")
    for t, n in sorted(non_count.items(), key=lambda x: (-x[1], x[0])):
        report.append(f"    {t:16s} {n:4d}")
    if sum(non_count.values()) < MIN_NON_ENTITIES:
        err(f"pii: only {sum(non_count.values())} non-entities (< {MIN_NON_ENTITIES})")
    report.append(f"  IBAN countries ({len(iban_countries)}): {' '.join(sorted(iban_countries))}")
    if len(iban_countries) < 25:
        err("pii: fewer than 25 IBAN countries")
    lang_share(rows, "pii")


def main():
    check_injection(load(os.path.join(HERE, "injection.jsonl")))
    check_pii(load(os.path.join(HERE, "pii.jsonl")))
    print("\n".join(report))
    if errors:
        print(f"\nFAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  - " + e)
        sys.exit(1)
    print("\nOK: all checks passed")


if __name__ == "__main__":
    main()
