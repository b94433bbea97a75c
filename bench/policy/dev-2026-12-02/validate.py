#!/usr/bin/env python3
"""Validate pii_dev.jsonl (stdlib only). Exit code 1 on any error."""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "pii_dev.jsonl")
ENTITY_TYPES = {"PERSON", "ADDRESS", "PHONE", "EMAIL", "IBAN", "CREDIT_CARD",
                "US_SSN", "IP_ADDRESS", "DATE_OF_BIRTH", "PASSPORT", "SECRET"}
OTHER_TYPES = ENTITY_TYPES - {"PERSON", "ADDRESS"}
MIN = {"records": 350, "PERSON": 500, "ADDRESS": 150, "OTHER": 120, "NON_ENTITIES": 250}
LANG_SHARE = (0.25, 0.35)  # share of de/fr/es records ("about 30%")
IBAN_LEN = {"DE": 22, "FR": 27, "ES": 24, "GB": 22, "NL": 18, "IT": 27, "BE": 16,
            "AT": 20, "CH": 21, "PL": 28}

errors, warnings = [], []


def iban_ok(v):
    s = re.sub(r"[\s-]", "", v).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", s):
        return False
    if s[:2] in IBAN_LEN and len(s) != IBAN_LEN[s[:2]]:
        return False
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(num) % 97 == 1


def luhn_ok(v):
    d = re.sub(r"[\s-]", "", v)
    if not d.isdigit() or not 13 <= len(d) <= 19:
        return False
    tot = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        tot += x
    return tot % 10 == 0


def ssn_ok(v):
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", v)
    if not m:
        return False
    a, g, s = m.groups()
    return a not in ("000", "666") and not a.startswith("9") and g != "00" and s != "0000"


def spans(text, value):
    """Occurrences of value in text that respect word boundaries."""
    pre = r"(?<!\w)" if re.match(r"\w", value) else ""
    post = r"(?!\w)" if re.search(r"\w$", value) else ""
    return [(m.start(), m.end()) for m in re.finditer(pre + re.escape(value) + post, text)]


def main():
    recs = []
    with open(PATH, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                recs.append(json.loads(line))
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: bad JSON: {e}")
    ids = collections.Counter(r.get("id") for r in recs)
    for i, c in ids.items():
        if c > 1:
            errors.append(f"duplicate id {i}")
    texts = collections.Counter(r.get("text") for r in recs)
    for t, c in texts.items():
        if c > 1:
            errors.append(f"duplicate text: {t[:60]!r}")
    ent_counts = collections.Counter()
    non_counts = collections.Counter()
    langs = collections.Counter()
    for r in recs:
        rid = r.get("id", "?")
        if set(r) != {"id", "lang", "text", "entities", "non_entities"}:
            errors.append(f"{rid}: keys {sorted(r)}")
            continue
        if not re.fullmatch(r"pd6-\d{4}", r["id"]):
            errors.append(f"{rid}: bad id format")
        if not isinstance(r["text"], str) or not r["text"].strip():
            errors.append(f"{rid}: empty text")
        langs[r["lang"]] += 1
        text = r["text"]
        ent_spans = []
        seen = set()
        for e in r["entities"]:
            if set(e) != {"type", "value"}:
                errors.append(f"{rid}: entity keys {sorted(e)}")
                continue
            t, v = e["type"], e["value"]
            if t not in ENTITY_TYPES:
                errors.append(f"{rid}: unknown entity type {t}")
            if (t, v) in seen:
                errors.append(f"{rid}: duplicate entity {t} {v!r}")
            seen.add((t, v))
            if v != v.strip() or not v:
                errors.append(f"{rid}: entity value has outer whitespace/empty: {v!r}")
            if v not in text:
                errors.append(f"{rid}: entity not a substring: {t} {v!r}")
                continue
            sp = spans(text, v)
            if not sp:
                errors.append(f"{rid}: entity only inside a larger word: {t} {v!r}")
            ent_spans.extend(sp)
            ent_counts[t] += 1
            if t == "IBAN" and not iban_ok(v):
                errors.append(f"{rid}: IBAN fails mod-97/length: {v!r}")
            if t == "CREDIT_CARD" and not luhn_ok(v):
                errors.append(f"{rid}: card fails Luhn: {v!r}")
            if t == "US_SSN" and not ssn_ok(v):
                errors.append(f"{rid}: invalid SSN: {v!r}")
            if t == "EMAIL" and not re.fullmatch(r"[^\s@]+(@|%40)[^\s@]+\.[A-Za-z]{2,}", v):
                errors.append(f"{rid}: odd email: {v!r}")
            if t == "IP_ADDRESS" and "." in v and not re.fullmatch(r"(\d{1,3}\.){3}\d{1,3}", v):
                errors.append(f"{rid}: odd IPv4: {v!r}")
        for e in r["non_entities"]:
            if set(e) != {"type", "value"}:
                errors.append(f"{rid}: non_entity keys {sorted(e)}")
                continue
            t, v = e["type"], e["value"]
            if v not in text:
                errors.append(f"{rid}: non_entity not a substring: {t} {v!r}")
                continue
            if any(v == x["value"] for x in r["entities"]):
                errors.append(f"{rid}: value is both entity and non_entity: {v!r}")
            sp = spans(text, v)
            if not sp:
                warnings.append(f"{rid}: non_entity only inside a larger word: {t} {v!r}")
            # a non-entity must occur at least once outside every entity span
            # (a city name may also appear inside an annotated address)
            free = [(a, b) for a, b in sp if not any(a < d and c < b for c, d in ent_spans)]
            if sp and not free:
                errors.append(f"{rid}: non_entity {v!r} only occurs inside entity spans")
            non_counts[t] += 1
            if t == "INVALID_IBAN" and iban_ok(v):
                errors.append(f"{rid}: INVALID_IBAN actually valid: {v!r}")
            if t == "INVALID_CARD" and luhn_ok(v):
                errors.append(f"{rid}: INVALID_CARD actually passes Luhn: {v!r}")
        if not r["entities"] and not r["non_entities"]:
            warnings.append(f"{rid}: no annotations at all")
    n = len(recs)
    other = sum(ent_counts[t] for t in OTHER_TYPES)
    nonent = sum(non_counts.values())
    share = sum(langs[l] for l in ("de", "fr", "es")) / n if n else 0
    checks = [("records", n, MIN["records"]), ("PERSON", ent_counts["PERSON"], MIN["PERSON"]),
              ("ADDRESS", ent_counts["ADDRESS"], MIN["ADDRESS"]),
              ("PHONE+EMAIL+IBAN+CREDIT_CARD+US_SSN+IP_ADDRESS+DATE_OF_BIRTH+PASSPORT+SECRET", other, MIN["OTHER"]),
              ("non_entities", nonent, MIN["NON_ENTITIES"])]
    out = []
    out.append(f"file: pii_dev.jsonl")
    out.append(f"records: {n}")
    out.append("languages: " + ", ".join(f"{k}={v}" for k, v in sorted(langs.items())))
    out.append(f"de+fr+es share: {share:.1%} (target {LANG_SHARE[0]:.0%}-{LANG_SHARE[1]:.0%})")
    if not LANG_SHARE[0] <= share <= LANG_SHARE[1]:
        errors.append(f"language share {share:.1%} outside target")
    out.append("entities by type:")
    for t in sorted(ENTITY_TYPES):
        out.append(f"  {t:14s} {ent_counts[t]}")
    out.append(f"  {'TOTAL':14s} {sum(ent_counts.values())}")
    out.append(f"non_entities: {nonent} across {len(non_counts)} labels")
    out.append("  " + ", ".join(f"{k}={v}" for k, v in sorted(non_counts.items(), key=lambda x: (-x[1], x[0]))))
    out.append("minimums:")
    for name, got, need in checks:
        ok = got >= need
        out.append(f"  {'OK ' if ok else 'FAIL'} {name}: {got} >= {need}")
        if not ok:
            errors.append(f"minimum not met: {name} {got} < {need}")
    out.append("checksums: every IBAN entity passes mod-97 + country length, every CREDIT_CARD passes Luhn, every US_SSN passes area/group/serial rules; INVALID_IBAN / INVALID_CARD non-entities are checked to FAIL.")
    out.append(f"warnings: {len(warnings)}")
    out.extend("  " + w for w in warnings)
    out.append(f"errors: {len(errors)}")
    out.extend("  " + e for e in errors)
    out.append("RESULT: " + ("PASS" if not errors else "FAIL"))
    print("\n".join(out))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
