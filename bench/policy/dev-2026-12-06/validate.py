#!/usr/bin/env python3
"""Validate pii.jsonl (stdlib only). Prints a report; exit code 1 on any failure."""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "pii.jsonl")

MIN_RECORDS = 420
MIN_TYPES = {"PERSON": 600, "ADDRESS": 160}
MIN_NON = 420
MAJOR_LANGS = ("de", "fr", "es")
MAJOR_SHARE = (0.27, 0.35)       # "about 30%"
OTHER_SHARE = (0.05, 0.10)       # other Latin-script languages
# minimum records per form (the brief's list of required forms)
MIN_FORMS = {
    "no_cue_running_text": 30, "vocative": 20, "mention": 10, "lowercase_chat": 10,
    "chat_label": 15, "transcript_label": 10, "form_field": 10, "csv": 5, "sql": 5,
    "json": 5, "yaml": 3, "email_header": 5, "signature": 5, "surname_first": 5,
    "caps": 8, "initials": 8, "particles": 5, "hyphenated": 5, "multi_part_name": 5,
    "possessive": 10, "common_word_name": 15, "address_inline": 40,
    "address_multiline": 10, "address_partial": 5, "po_box": 5, "lookalike": 40,
}
ID_RE = re.compile(r"^pd9-\d{4}$")
KEYS = {"id", "lang", "text", "entities", "non_entities", "form"}

fails = []
warns = []


def fail(msg):
    fails.append(msg)


def main():
    recs = []
    with open(PATH, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                recs.append(json.loads(line))
            except json.JSONDecodeError as e:
                fail(f"line {n}: bad JSON ({e})")
    ids, texts = collections.Counter(), collections.Counter()
    types = collections.Counter()
    non_types = collections.Counter()
    langs = collections.Counter()
    forms = collections.Counter()
    n_non = 0
    for r in recs:
        rid = r.get("id", "?")
        if set(r) != KEYS:
            fail(f"{rid}: keys {sorted(r)}")
            continue
        if not ID_RE.match(r["id"]):
            fail(f"{rid}: bad id format")
        if not isinstance(r["text"], str) or not r["text"].strip():
            fail(f"{rid}: empty text")
        if not isinstance(r["lang"], str) or not re.match(r"^[a-z]{2,3}$", r["lang"]):
            fail(f"{rid}: bad lang {r['lang']!r}")
        if not isinstance(r["form"], str) or not r["form"]:
            fail(f"{rid}: bad form")
        ids[r["id"]] += 1
        texts[r["text"]] += 1
        langs[r["lang"]] += 1
        forms[r["form"]] += 1
        for key in ("entities", "non_entities"):
            if not isinstance(r[key], list):
                fail(f"{rid}: {key} not a list")
                continue
            for e in r[key]:
                if not isinstance(e, dict) or set(e) != {"type", "value"}:
                    fail(f"{rid}: bad {key} item {e!r}")
                    continue
                if not e["value"] or e["value"] not in r["text"]:
                    fail(f"{rid}: value not a substring: {e['value']!r}")
                if e["value"] != e["value"].strip():
                    warns.append(f"{rid}: value has outer whitespace: {e['value']!r}")
                if key == "entities":
                    if e["type"] not in ("PERSON", "ADDRESS"):
                        fail(f"{rid}: unexpected entity type {e['type']}")
                    types[e["type"]] += 1
                else:
                    if not re.match(r"^[A-Z][A-Z_]*$", e["type"]):
                        fail(f"{rid}: bad non_entity type {e['type']!r}")
                    non_types[e["type"]] += 1
                    n_non += 1
        ev = {e["value"] for e in r["entities"] if isinstance(e, dict)}
        for e in r["non_entities"]:
            if isinstance(e, dict) and e.get("value") in ev:
                fail(f"{rid}: same value labelled as entity and non_entity: {e['value']!r}")
        vals = [e.get("value") for e in r["entities"] + r["non_entities"] if isinstance(e, dict)]
        dup = [v for v, c in collections.Counter(vals).items() if c > 1]
        if dup:
            warns.append(f"{rid}: duplicate labels {dup}")
        if not r["entities"] and not r["non_entities"]:
            warns.append(f"{rid}: record has no labels at all")
    for k, c in ids.items():
        if c > 1:
            fail(f"duplicate id {k}")
    for k, c in texts.items():
        if c > 1:
            fail(f"duplicate text {k[:60]!r}")
    total = len(recs)
    if total < MIN_RECORDS:
        fail(f"only {total} records (< {MIN_RECORDS})")
    for t, m in MIN_TYPES.items():
        if types[t] < m:
            fail(f"{t}: {types[t]} < {m}")
    if n_non < MIN_NON:
        fail(f"non_entities: {n_non} < {MIN_NON}")
    for fm, m in MIN_FORMS.items():
        if forms[fm] < m:
            fail(f"form {fm}: {forms[fm]} < {m}")
    major = sum(langs[l] for l in MAJOR_LANGS) / max(total, 1)
    other = sum(c for l, c in langs.items() if l != "en" and l not in MAJOR_LANGS) / max(total, 1)
    if not (MAJOR_SHARE[0] <= major <= MAJOR_SHARE[1]):
        fail(f"DE/FR/ES share {major:.3f} outside {MAJOR_SHARE}")
    if not (OTHER_SHARE[0] <= other <= OTHER_SHARE[1]):
        fail(f"other-language share {other:.3f} outside {OTHER_SHARE}")
    expected_ids = {f"pd9-{i:04d}" for i in range(1, total + 1)}
    if set(ids) != expected_ids:
        fail("ids are not a contiguous pd9-0001..N sequence")

    print(f"file: {os.path.basename(PATH)}")
    print(f"records: {total}")
    print(f"entities: PERSON={types['PERSON']} ADDRESS={types['ADDRESS']}")
    print(f"non_entities: {n_non} in {len(non_types)} types")
    print("  top non_entity types: " + ", ".join(f"{k}={v}" for k, v in non_types.most_common(15)))
    print(f"languages: " + ", ".join(f"{k}={v}" for k, v in langs.most_common()))
    print(f"DE/FR/ES share: {major:.3f}   other non-English share: {other:.3f}")
    print(f"forms ({len(forms)}): " + ", ".join(f"{k}={v}" for k, v in forms.most_common()))
    print(f"warnings: {len(warns)}")
    for w in warns:
        print("  WARN " + w)
    print(f"failures: {len(fails)}")
    for x in fails:
        print("  FAIL " + x)
    print("RESULT: " + ("PASS" if not fails else "FAIL"))
    return 0 if not fails else 1


if __name__ == "__main__":
    sys.exit(main())
