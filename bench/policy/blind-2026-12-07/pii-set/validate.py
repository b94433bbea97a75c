#!/usr/bin/env python3
"""Validate pii.jsonl; writes a report to validate_output.txt (and stdout).

Checks: schema, id format/uniqueness/order, unique texts, exact substrings,
allowed entity types, minimum counts, language shares, Luhn (cards), mod-97
(IBANs), SSN shape, IP parse, JWT decode, AWS/Google key shapes, first-occurrence
word boundaries for PERSON values, entity/look-alike collisions.
Exit code 1 if any ERROR.
"""
import base64
import ipaddress
import json
import os
import re
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["PERSON", "ADDRESS", "PHONE", "EMAIL", "CREDIT_CARD", "IBAN", "US_SSN",
         "PASSPORT", "DATE_OF_BIRTH", "IP_ADDRESS", "GOOGLE_API_KEY",
         "AWS_ACCESS_KEY", "JWT", "URL_TOKEN", "SECRET"]
MINS = {"PERSON": 380, "ADDRESS": 90, "SECRET": 60, "URL_TOKEN": 25, "PHONE": 50,
        "IP_ADDRESS": 25}

errors, warnings, lines = [], [], []


def err(msg):
    errors.append(msg)


def warn(msg):
    warnings.append(msg)


def luhn_ok(num):
    d = [int(c) for c in num if c.isdigit()]
    tot = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def iban_ok(s):
    s = s.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}", s):
        return False
    rearr = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in rearr)) % 97 == 1


def b64u_json(part):
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


recs = []
with open(os.path.join(HERE, "pii.jsonl"), encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        try:
            recs.append(json.loads(line))
        except Exception as e:  # noqa
            err("line %d: bad JSON (%s)" % (n, e))

ids, texts = set(), set()
etype = Counter()
ntype = Counter()
langs = Counter()
for i, r in enumerate(recs, 1):
    rid = r.get("id")
    if set(r) != {"id", "lang", "text", "entities", "non_entities"}:
        err("%s: unexpected keys %s" % (rid, sorted(r)))
    if rid != "pii11-%04d" % i:
        err("%s: id out of sequence (expected pii11-%04d)" % (rid, i))
    if rid in ids:
        err("duplicate id %s" % rid)
    ids.add(rid)
    t = r["text"]
    if t in texts:
        err("%s: duplicate text" % rid)
    texts.add(t)
    langs[r["lang"]] += 1
    if not r["entities"] and not r["non_entities"]:
        warn("%s: no annotations" % rid)
    ent_spans = []
    seen_vals = set()
    for e in r["entities"]:
        typ, val = e.get("type"), e.get("value")
        if typ not in TYPES:
            err("%s: bad entity type %r" % (rid, typ))
        if not isinstance(val, str) or not val or val not in t:
            err("%s: entity value not a substring: %r" % (rid, val))
            continue
        if val != val.strip():
            err("%s: entity value has outer whitespace: %r" % (rid, val))
        if (typ, val) in seen_vals:
            err("%s: duplicate entity %s %r" % (rid, typ, val))
        seen_vals.add((typ, val))
        etype[typ] += 1
        start = t.index(val)
        ent_spans.append((start, start + len(val), typ, val))
        before = t[start - 1] if start > 0 else " "
        after = t[start + len(val)] if start + len(val) < len(t) else " "
        if typ in ("PERSON", "PHONE", "US_SSN", "IP_ADDRESS", "CREDIT_CARD", "IBAN",
                   "PASSPORT", "SECRET", "EMAIL") and (before.isalnum() or after.isalnum()):
            err("%s: %s %r first occurs inside a longer word" % (rid, typ, val))
        digits = re.sub(r"\D", "", val)
        if typ == "CREDIT_CARD":
            if not (13 <= len(digits) <= 19 and luhn_ok(digits)):
                err("%s: card fails Luhn/length: %r" % (rid, val))
        elif typ == "IBAN":
            if not iban_ok(val):
                err("%s: IBAN fails mod-97: %r" % (rid, val))
        elif typ == "US_SSN":
            if len(digits) != 9 or digits[:3] in ("000", "666") or digits[0] == "9" \
                    or digits[3:5] == "00" or digits[5:] == "0000":
                err("%s: implausible SSN %r" % (rid, val))
        elif typ == "IP_ADDRESS":
            try:
                ipaddress.ip_address(val)
            except ValueError:
                err("%s: not an IP address %r" % (rid, val))
        elif typ == "JWT":
            parts = val.split(".")
            try:
                assert len(parts) == 3
                hdr = b64u_json(parts[0])
                b64u_json(parts[1])
                assert "alg" in hdr
            except Exception:  # noqa
                err("%s: JWT does not decode %r" % (rid, val[:40]))
        elif typ == "AWS_ACCESS_KEY":
            if not re.fullmatch(r"(AKIA|ASIA)[A-Z2-7]{16}", val):
                err("%s: AWS key id shape %r" % (rid, val))
        elif typ == "GOOGLE_API_KEY":
            if not re.fullmatch(r"AIza[0-9A-Za-z_\-]{35}", val):
                err("%s: Google key shape %r" % (rid, val))
        elif typ == "EMAIL":
            if not re.fullmatch(r"[^@\s]+(@|%40)[^@\s]+\.[a-z]{2,}", val):
                err("%s: email shape %r" % (rid, val))
    for ne in r["non_entities"]:
        lab, val = ne.get("type"), ne.get("value")
        if not isinstance(lab, str) or not lab:
            err("%s: non-entity without label" % rid)
        if not isinstance(val, str) or not val or val not in t:
            err("%s: non-entity value not a substring: %r" % (rid, val))
            continue
        ntype[lab] += 1
        if lab in TYPES:
            err("%s: non-entity uses an entity type as label: %s" % (rid, lab))
        if any(val == e["value"] for e in r["entities"]):
            err("%s: value is both entity and look-alike: %r" % (rid, val))
        s0 = t.index(val)
        s1 = s0 + len(val)
        for (a, b, typ, ev) in ent_spans:
            if s0 < b and a < s1:
                warn("%s: look-alike %s %r overlaps entity %s %r" % (rid, lab, val, typ, ev))
        digits = re.sub(r"\D", "", val)
        if lab == "LUHN_INVALID_CARD" and luhn_ok(digits):
            err("%s: LUHN_INVALID_CARD passes Luhn %r" % (rid, val))
        if lab == "INVALID_IBAN" and iban_ok(val):
            err("%s: INVALID_IBAN passes mod-97 %r" % (rid, val))
        if lab in ("VERSION", "NETMASK", "OID", "IMAGE_TAG"):
            pass

N = len(recs)
n_ent = sum(etype.values())
n_non = sum(ntype.values())
lines.append("records: %d" % N)
lines.append("entities: %d" % n_ent)
for t in TYPES:
    lines.append("  %-15s %4d" % (t, etype[t]))
others = sum(v for k, v in etype.items() if k != "PERSON" and k != "ADDRESS")
lines.append("  (other 13 types together: %d)" % others)
lines.append("non-entities (look-alikes): %d over %d distinct labels" % (n_non, len(ntype)))
lines.append("  top labels: " + ", ".join("%s=%d" % kv for kv in ntype.most_common(15)))
lines.append("languages: " + ", ".join("%s=%d (%.1f%%)" % (k, v, 100.0 * v / N)
                                        for k, v in langs.most_common()))
dfe = sum(langs[k] for k in ("de", "fr", "es"))
lines.append("de+fr+es share: %.1f%%; other non-en share: %.1f%%" % (
    100.0 * dfe / N, 100.0 * (N - dfe - langs["en"]) / N))

# minimums
if N < 320:
    err("fewer than 320 records")
if n_ent < 700:
    err("fewer than 700 entities")
if n_non < 320:
    err("fewer than 320 look-alikes")
if len(ntype) < 100:
    err("fewer than 100 look-alike labels")
for t in TYPES:
    if etype[t] < MINS.get(t, 8):
        err("type %s below minimum (%d < %d)" % (t, etype[t], MINS.get(t, 8)))
if others < 300:
    err("other 13 types together below 300")
if dfe / N < 0.28:
    err("de+fr+es share below 28%")
for k in ("de", "fr", "es"):
    if langs[k] / N < 0.08:
        err("%s share below 8%%" % k)
if (N - dfe - langs["en"]) / N > 0.05:
    err("other languages above 5%")

lines.append("")
lines.append("warnings: %d" % len(warnings))
lines.extend("  WARN " + w for w in warnings)
lines.append("errors: %d" % len(errors))
lines.extend("  ERROR " + e for e in errors)
lines.append("RESULT: " + ("PASS" if not errors else "FAIL"))
report = "\n".join(lines) + "\n"
with open(os.path.join(HERE, "validate_output.txt"), "w", encoding="utf-8") as fh:
    fh.write(report)
print(report, end="")
raise SystemExit(1 if errors else 0)
