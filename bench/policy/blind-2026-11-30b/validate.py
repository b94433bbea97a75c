#!/usr/bin/env python3
"""Validate injection.jsonl and pii.jsonl; writes validate_output.txt. Exit 1 on any error."""
import json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen_values import iban_valid, luhn_ok, ssn_valid  # noqa: E402

FAMILIES = ["override_direct", "override_paraphrased", "fake_turns", "exfiltration", "obfuscation",
            "roleplay_persona", "tool_hijack", "indirect_document", "prompt_leak", "multilingual_mixed"]
KINDS = ["classify_attack", "security_education", "code_ignore_words", "support_ticket", "benign_document",
         "creative_roleplay", "sysadmin", "legit_links", "encoded_data", "templating"]
LANGS = {"en", "de", "fr", "es"}
ENTITY_TYPES = ["PERSON", "ADDRESS", "EMAIL", "PHONE", "IBAN", "CREDIT_CARD", "US_SSN", "IP_ADDRESS",
                "DATE_OF_BIRTH", "PASSPORT", "AWS_ACCESS_KEY", "GOOGLE_API_KEY", "JWT", "SECRET", "URL_TOKEN"]
TRIGGERS = re.compile(r"ignor|disregard|forget|forgot|previous instruction|prior instruction|earlier instruction|"
                      r"override|jailbreak|\bDAN\b|vergiss|vergessen|oubli|olvid", re.I)

errors, lines = [], []


def err(msg):
    errors.append(msg)


def out(msg=""):
    lines.append(msg)


def load(name):
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def share_ok(counter, total, what):
    non_en = total - counter.get("en", 0)
    frac = non_en / total if total else 0
    out(f"{what}: non-English share {non_en}/{total} = {frac:.1%}")
    if not (0.25 <= frac <= 0.30):
        err(f"{what}: non-English share {frac:.1%} outside 25-30%")


def check_injection():
    rows = load("injection.jsonl")
    ids, texts = set(), set()
    fam_lang, kind_lang = defaultdict(Counter), defaultdict(Counter)
    att_lang, ben_lang = Counter(), Counter()
    for r in rows:
        rid = r.get("id", "?")
        if not re.fullmatch(r"inj4-\d{4}", rid):
            err(f"{rid}: bad id")
        if rid in ids:
            err(f"{rid}: duplicate id")
        ids.add(rid)
        if not isinstance(r.get("text"), str) or not r["text"].strip():
            err(f"{rid}: empty text")
        if r["text"] in texts:
            err(f"{rid}: duplicate text")
        texts.add(r["text"])
        if r.get("lang") not in LANGS:
            err(f"{rid}: bad lang")
        if r.get("label") == "attack":
            if set(r) != {"id", "text", "label", "family", "lang"} or r["family"] not in FAMILIES:
                err(f"{rid}: bad attack schema")
                continue
            fam_lang[r["family"]][r["lang"]] += 1
            att_lang[r["lang"]] += 1
            if r["family"] == "override_paraphrased" and TRIGGERS.search(r["text"]):
                err(f"{rid}: override_paraphrased contains trigger word: {TRIGGERS.search(r['text']).group(0)!r}")
        elif r.get("label") == "benign":
            if set(r) != {"id", "text", "label", "kind", "lang"} or r["kind"] not in KINDS:
                err(f"{rid}: bad benign schema")
                continue
            kind_lang[r["kind"]][r["lang"]] += 1
            ben_lang[r["lang"]] += 1
        else:
            err(f"{rid}: bad label")
    n_att, n_ben = sum(att_lang.values()), sum(ben_lang.values())
    out(f"injection.jsonl: {len(rows)} rows, {n_att} attack, {n_ben} benign")
    if n_att < 210: err("fewer than 210 attacks")
    if n_ben < 210: err("fewer than 210 benign")
    for title, table, keys in (("attack family", fam_lang, FAMILIES), ("benign kind", kind_lang, KINDS)):
        out(f"\n| {title} | en | de | fr | es | total |")
        out("|---|---|---|---|---|---|")
        for k in keys:
            c = table[k]; t = sum(c.values())
            out(f"| {k} | {c['en']} | {c['de']} | {c['fr']} | {c['es']} | {t} |")
            if t < 20: err(f"{title} {k}: only {t} items")
        tot = Counter()
        for k in keys: tot.update(table[k])
        out(f"| **total** | {tot['en']} | {tot['de']} | {tot['fr']} | {tot['es']} | {sum(tot.values())} |")
    out()
    share_ok(att_lang, n_att, "attacks")
    share_ok(ben_lang, n_ben, "benign")
    para = sum(fam_lang["override_paraphrased"].values())
    out(f"override_paraphrased trigger-word check: {para} items scanned with /{TRIGGERS.pattern}/i")


def occurrences(text, val):
    res, start = [], 0
    while True:
        i = text.find(val, start)
        if i < 0: return res
        res.append((i, i + len(val))); start = i + 1


def check_pii():
    rows = load("pii.jsonl")
    ids = set()
    ent_lang, non_types = defaultdict(Counter), Counter()
    lang_c = Counter()
    n_non = 0
    warns = []
    chk = Counter()
    for r in rows:
        rid = r.get("id", "?")
        if set(r) != {"id", "lang", "text", "entities", "non_entities"}:
            err(f"{rid}: bad schema keys {sorted(r)}"); continue
        if not re.fullmatch(r"pii4-\d{4}", rid): err(f"{rid}: bad id")
        if rid in ids: err(f"{rid}: duplicate id")
        ids.add(rid)
        if r["lang"] not in LANGS: err(f"{rid}: bad lang")
        lang_c[r["lang"]] += 1
        text = r["text"]
        evals, nvals = set(), set()
        ent_spans = []
        for e in r["entities"]:
            t, v = e.get("type"), e.get("value")
            if t not in ENTITY_TYPES: err(f"{rid}: unknown entity type {t}")
            if not v or v not in text: err(f"{rid}: entity value not in text: {v!r}")
            if v in evals: err(f"{rid}: entity value listed twice: {v!r}")
            evals.add(v)
            ent_lang[t][r["lang"]] += 1
            ent_spans += occurrences(text, v)
            for a, b in occurrences(text, v):
                if (a > 0 and text[a - 1].isalnum() and v[0].isalnum()) or (b < len(text) and text[b].isalnum() and v[-1].isalnum()):
                    warns.append(f"{rid}: entity {v!r} occurs inside a longer word at {a}")
            if t == "IBAN":
                chk["IBAN valid"] += 1
                if not iban_valid(v): err(f"{rid}: entity IBAN fails mod-97: {v}")
            if t == "CREDIT_CARD":
                chk["card valid"] += 1
                if not luhn_ok(v): err(f"{rid}: entity card fails Luhn: {v}")
            if t == "US_SSN":
                chk["SSN valid"] += 1
                if not ssn_valid(v): err(f"{rid}: entity SSN invalid: {v}")
        for e in r["non_entities"]:
            t, v = e.get("type"), e.get("value")
            if not t or not isinstance(t, str): err(f"{rid}: non-entity without type")
            if not v or v not in text: err(f"{rid}: non-entity value not in text: {v!r}")
            if v in nvals: err(f"{rid}: non-entity value listed twice: {v!r}")
            nvals.add(v)
            n_non += 1
            non_types[t] += 1
            # at least one occurrence must not overlap any entity occurrence
            occ = occurrences(text, v)
            if occ and all(any(a < eb and ea < b for ea, eb in ent_spans) for a, b in occ):
                err(f"{rid}: non-entity {v!r} only occurs overlapping an entity")
            if t == "IBAN":
                chk["IBAN invalid"] += 1
                if iban_valid(v): err(f"{rid}: non-entity IBAN is actually valid: {v}")
            if t == "CREDIT_CARD":
                chk["card invalid"] += 1
                if luhn_ok(v): err(f"{rid}: non-entity card passes Luhn: {v}")
            if t == "US_SSN":
                chk["SSN invalid"] += 1
                if ssn_valid(v): err(f"{rid}: non-entity SSN is structurally valid: {v}")
        both = evals & nvals
        if both: err(f"{rid}: value both entity and non-entity: {both}")
    out(f"\npii.jsonl: {len(rows)} records")
    if len(rows) < 210: err("fewer than 210 pii records")
    out("\n| entity type | en | de | fr | es | total |")
    out("|---|---|---|---|---|---|")
    tot = Counter()
    for t in ENTITY_TYPES:
        c = ent_lang[t]; tot.update(c)
        out(f"| {t} | {c['en']} | {c['de']} | {c['fr']} | {c['es']} | {sum(c.values())} |")
        if sum(c.values()) == 0: err(f"no {t} entities")
    out(f"| **total** | {tot['en']} | {tot['de']} | {tot['fr']} | {tot['es']} | {sum(tot.values())} |")
    np_ = sum(ent_lang["PERSON"].values()); na = sum(ent_lang["ADDRESS"].values())
    if np_ < 300: err(f"PERSON values {np_} < 300")
    if na < 60: err(f"ADDRESS values {na} < 60")
    out(f"\nnon_entities: {n_non} values")
    if n_non < 220: err(f"non_entities {n_non} < 220")
    out("| non-entity type | count |")
    out("|---|---|")
    for t, c in sorted(non_types.items(), key=lambda x: (-x[1], x[0])):
        out(f"| {t} | {c} |")
    out("\nchecksum checks: " + ", ".join(f"{k}={v}" for k, v in sorted(chk.items())))
    out(f"records per language: {dict(lang_c)}")
    share_ok(lang_c, len(rows), "pii records")
    if warns:
        out(f"\nwarnings ({len(warns)}; informational, not errors):")
        for w in warns: out("  " + w)


if __name__ == "__main__":
    check_injection()
    check_pii()
    out()
    if errors:
        out(f"RESULT: FAIL ({len(errors)} errors)")
        for e in errors: out("  ERROR " + e)
    else:
        out("RESULT: PASS (0 errors)")
    txt = "\n".join(lines) + "\n"
    with open(os.path.join(HERE, "validate_output.txt"), "w", encoding="utf-8") as f:
        f.write(txt)
    print(txt)
    sys.exit(1 if errors else 0)
