#!/usr/bin/env python3
"""Validate pii.jsonl; write a report to validate_output.txt (and stdout).
Python standard library only."""
import base64
import collections
import ipaddress
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = ["PERSON", "ADDRESS", "PHONE", "EMAIL", "CREDIT_CARD", "IBAN", "US_SSN", "PASSPORT",
         "DATE_OF_BIRTH", "IP_ADDRESS", "GOOGLE_API_KEY", "AWS_ACCESS_KEY", "JWT", "URL_TOKEN", "SECRET"]
MIN_TYPE = {t: 8 for t in TYPES}
MIN_TYPE.update({"SECRET": 150, "URL_TOKEN": 50, "PHONE": 40, "IP_ADDRESS": 30})
IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "GB": 22, "NL": 18, "IT": 27, "BE": 16, "AT": 20, "CH": 21,
            "PL": 28, "PT": 25, "IE": 22, "LU": 20, "SE": 24, "NO": 15, "DK": 18, "FI": 18}

errors, warnings, lines = [], [], []


def out(s=""):
    lines.append(s)


def luhn_ok(num):
    d = [int(c) for c in num][::-1]
    s = 0
    for i, x in enumerate(d):
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        s += x
    return s % 10 == 0


def iban_ok(s):
    s = s.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    if IBAN_LEN.get(s[:2]) != len(s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def b64url_json(part):
    try:
        return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    except Exception:
        return None


def first_span(text, v):
    i = text.find(v)
    return (i, i + len(v))


def main():
    path = os.path.join(HERE, "pii.jsonl")
    recs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                recs.append(json.loads(line))
            except Exception as e:
                errors.append(f"line {n}: bad JSON {e}")
    ids, texts = set(), set()
    tcount = collections.Counter()
    ncount = collections.Counter()
    langs = collections.Counter()
    forms = collections.Counter()
    for k, r in enumerate(recs, 1):
        rid = r.get("id")
        if set(r) != {"id", "lang", "form", "text", "entities", "non_entities"}:
            errors.append(f"{rid}: keys {sorted(r)}")
        if rid != f"pd11-{k:04d}":
            errors.append(f"{rid}: expected id pd11-{k:04d}")
        if rid in ids:
            errors.append(f"{rid}: duplicate id")
        ids.add(rid)
        t = r["text"]
        if t in texts:
            errors.append(f"{rid}: duplicate text")
        texts.add(t)
        if not re.fullmatch(r"[a-z]{2}", r["lang"]):
            errors.append(f"{rid}: bad lang")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["form"]):
            errors.append(f"{rid}: bad form slug {r['form']!r}")
        langs[r["lang"]] += 1
        forms[r["form"]] += 1
        spans = []
        seen = set()
        for e in r["entities"]:
            ty, v = e.get("type"), e.get("value")
            if ty not in TYPES:
                errors.append(f"{rid}: unknown type {ty}")
            if not v or v not in t:
                errors.append(f"{rid}: entity not substring {v!r}")
                continue
            if (ty, v) in seen:
                errors.append(f"{rid}: duplicate entity {ty} {v!r}")
            seen.add((ty, v))
            tcount[ty] += 1
            s, en = first_span(t, v)
            if (s > 0 and v[0].isalnum() and t[s - 1].isalnum()) or (en < len(t) and v[-1].isalnum() and t[en].isalnum()):
                warnings.append(f"{rid}: entity {ty} {v[:40]!r} first occurrence is inside a longer word")
            spans.append((s, en, ty, v))
            # type-specific checks
            if ty == "CREDIT_CARD":
                dg = re.sub(r"[ -]", "", v)
                if not dg.isdigit() or not luhn_ok(dg) or len(dg) not in (15, 16):
                    errors.append(f"{rid}: card fails Luhn/length {v}")
            elif ty == "IBAN":
                if not iban_ok(v):
                    errors.append(f"{rid}: IBAN fails mod-97/length {v}")
            elif ty == "US_SSN":
                dg = re.sub(r"[ -]", "", v)
                if not (len(dg) == 9 and dg.isdigit() and dg[:3] not in ("000", "666") and dg[0] != "9"
                        and dg[3:5] != "00" and dg[5:] != "0000"):
                    errors.append(f"{rid}: SSN invalid {v}")
            elif ty == "AWS_ACCESS_KEY":
                if not re.fullmatch(r"(AKIA|ASIA)[A-Z2-7]{16}", v):
                    errors.append(f"{rid}: AWS key shape {v}")
            elif ty == "GOOGLE_API_KEY":
                if not re.fullmatch(r"AIza[0-9A-Za-z_-]{35}", v):
                    errors.append(f"{rid}: Google key shape {v}")
            elif ty == "JWT":
                p = v.split(".")
                if len(p) != 3 or not isinstance(b64url_json(p[0]), dict) or "alg" not in b64url_json(p[0]) \
                        or not isinstance(b64url_json(p[1]), dict):
                    errors.append(f"{rid}: JWT does not decode {v[:30]}")
            elif ty == "IP_ADDRESS":
                try:
                    ip = ipaddress.ip_address(v)
                    if ip.is_unspecified or ip.is_loopback:
                        warnings.append(f"{rid}: IP entity is unspecified/loopback {v}")
                except ValueError:
                    errors.append(f"{rid}: IP entity does not parse {v}")
            elif ty == "EMAIL":
                if not re.fullmatch(r"[^\s@]+(@|%40)[A-Za-z0-9.-]+\.[A-Za-z]{2,}", v):
                    errors.append(f"{rid}: email shape {v}")
        for e in r["non_entities"]:
            lab, v = e.get("type"), e.get("value")
            if not lab or not v or v not in t:
                errors.append(f"{rid}: non-entity not substring {v!r}")
                continue
            if lab in TYPES:
                errors.append(f"{rid}: non-entity uses an entity type label {lab}")
            ncount[lab] += 1
            s, en = first_span(t, v)
            for (a, b, ty, ev) in spans:
                if s < b and a < en:
                    warnings.append(f"{rid}: non-entity {lab} {v[:30]!r} overlaps entity {ty} {ev[:30]!r}")
            if lab == "IBAN_INVALID" and iban_ok(v):
                errors.append(f"{rid}: IBAN_INVALID actually valid {v}")
            if lab in ("GIFT_CARD_NUMBER", "LOYALTY_NUMBER"):
                dg = re.sub(r"[ -]", "", v)
                if luhn_ok(dg):
                    errors.append(f"{rid}: card-like look-alike is Luhn-valid {v}")
            if lab in ("CIDR", "NETMASK", "BROADCAST_ADDRESS", "VERSION", "FIRMWARE_VERSION"):
                pass
            if lab == "PLACEHOLDER" and re.fullmatch(r"(AKIA|ASIA)[A-Z2-7]{16}", v):
                out(f"note: {rid} PLACEHOLDER has AWS key shape (documentation example) {v}")
    n = len(recs)
    ent_total = sum(tcount.values())
    non_total = sum(ncount.values())
    out(f"records: {n}")
    out(f"entities: {ent_total}")
    for ty in TYPES:
        flag = "" if tcount[ty] >= MIN_TYPE[ty] else f"  <-- below minimum {MIN_TYPE[ty]}"
        out(f"  {ty:15s} {tcount[ty]:4d}{flag}")
        if tcount[ty] < MIN_TYPE[ty]:
            errors.append(f"type {ty} below minimum")
    out(f"non-entities (look-alikes): {non_total} over {len(ncount)} distinct labels")
    for lab, c in sorted(ncount.items(), key=lambda x: (-x[1], x[0])):
        out(f"  {lab:28s} {c:3d}")
    out("languages:")
    for lg, c in langs.most_common():
        out(f"  {lg}: {c} ({100.0 * c / n:.1f}%)")
    dfe = langs["de"] + langs["fr"] + langs["es"]
    other = n - dfe - langs["en"]
    out(f"  de+fr+es share: {100.0 * dfe / n:.1f}%   other share: {100.0 * other / n:.1f}%")
    out(f"forms: {len(forms)} distinct")
    for fm, c in sorted(forms.items(), key=lambda x: (-x[1], x[0])):
        out(f"  {fm:32s} {c:3d}")
    if n < 320: errors.append("fewer than 320 records")
    if ent_total < 500: errors.append("fewer than 500 entities")
    if non_total < 400: errors.append("fewer than 400 non-entities")
    if len(ncount) < 100: errors.append("fewer than 100 non-entity labels")
    if dfe / n < 0.28: errors.append("de+fr+es share below 28%")
    for lg in ("de", "fr", "es"):
        if langs[lg] / n < 0.08: errors.append(f"{lg} share below 8%")
    if other / n > 0.05: errors.append("other languages above 5%")
    out()
    out(f"warnings: {len(warnings)}")
    for w in warnings:
        out("  WARN " + w)
    out(f"errors: {len(errors)}")
    for e in errors:
        out("  ERROR " + e)
    out("RESULT: " + ("PASS" if not errors else "FAIL"))
    rep = "\n".join(lines) + "\n"
    with open(os.path.join(HERE, "validate_output.txt"), "w", encoding="utf-8") as f:
        f.write(rep)
    sys.stdout.write(rep)
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
