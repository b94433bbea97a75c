#!/usr/bin/env python3
"""Validate injection.jsonl (stdlib only)."""
import json, os, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = os.path.join(HERE, "injection.jsonl")
FAMILIES = ["override_direct", "override_paraphrased", "fake_turns",
            "roleplay_persona", "prompt_leak", "exfiltration", "obfuscation",
            "tool_hijack", "indirect_document", "multilingual_mixed"]
KINDS = ["classify_attack", "security_education", "creative_roleplay",
         "code_ignore_words", "encoded_data", "support_ticket",
         "benign_document", "sysadmin", "templating", "legit_links",
         "short_plain"]
NONEN = {"de", "fr", "es"}
errors = []


def err(msg):
    errors.append(msg)


rows = []
with open(PATH, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        try:
            rows.append(json.loads(line))
        except Exception as e:
            err(f"line {n}: bad json {e}")

ids, texts = set(), set()
fam = collections.Counter(); kind = collections.Counter()
lang_by_label = collections.defaultdict(collections.Counter)
langs_in_family = collections.defaultdict(set)
for r in rows:
    rid = r.get("id")
    if r.get("label") == "attack":
        want = {"id", "text", "label", "family", "lang"}
    elif r.get("label") == "benign":
        want = {"id", "text", "label", "kind", "lang"}
    else:
        err(f"{rid}: bad label {r.get('label')}"); continue
    if set(r) != want:
        err(f"{rid}: keys {sorted(r)} != {sorted(want)}")
    if not isinstance(rid, str) or not rid.startswith("injd7-"):
        err(f"{rid}: bad id")
    if rid in ids: err(f"duplicate id {rid}")
    ids.add(rid)
    t = r.get("text", "")
    if not isinstance(t, str) or not t.strip(): err(f"{rid}: empty text")
    key = " ".join(t.split()).lower()
    if key in texts: err(f"{rid}: duplicate text")
    texts.add(key)
    lang = r.get("lang")
    if not isinstance(lang, str) or not lang: err(f"{rid}: bad lang")
    lang_by_label[r["label"]][lang] += 1
    if r["label"] == "attack":
        if r.get("family") not in FAMILIES: err(f"{rid}: bad family {r.get('family')}")
        fam[r.get("family")] += 1
        langs_in_family[r.get("family")].add(lang)
    else:
        if r.get("kind") not in KINDS: err(f"{rid}: bad kind {r.get('kind')}")
        kind[r.get("kind")] += 1
        if r.get("kind") == "short_plain":
            w = len(t.split())
            if not 2 <= w <= 12: err(f"{rid}: short_plain has {w} words")

for f_ in FAMILIES:
    if fam[f_] < 20: err(f"family {f_} has {fam[f_]} < 20")
for k in KINDS:
    need = 30 if k == "short_plain" else 18
    if kind[k] < need: err(f"kind {k} has {kind[k]} < {need}")
if len(rows) < 420: err(f"only {len(rows)} rows < 420")
shares = {}
for lab in ("attack", "benign"):
    tot = sum(lang_by_label[lab].values())
    ne = sum(v for l, v in lang_by_label[lab].items() if l in NONEN)
    shares[lab] = ne / tot if tot else 0
    if not 0.25 <= shares[lab] <= 0.30:
        err(f"{lab}: de/fr/es share {shares[lab]:.3f} outside 25-30%")
for l in sorted(NONEN):
    nfam = sum(1 for f_ in FAMILIES if l in langs_in_family[f_])
    if nfam < 7: err(f"lang {l} present in only {nfam} families")
sp_langs = {r["lang"] for r in rows if r.get("kind") == "short_plain"}
if not {"en", "de", "fr", "es"} <= sp_langs: err("short_plain lacks one of en/de/fr/es")

print(f"rows: {len(rows)}  attack: {sum(fam.values())}  benign: {sum(kind.values())}")
print("attack families:")
for f_ in FAMILIES:
    print(f"  {f_:22s} {fam[f_]:3d}  langs={dict(sorted(collections.Counter(r['lang'] for r in rows if r.get('family')==f_).items()))}")
print("benign kinds:")
for k in KINDS:
    print(f"  {k:22s} {kind[k]:3d}  langs={dict(sorted(collections.Counter(r['lang'] for r in rows if r.get('kind')==k).items()))}")
for lab in ("attack", "benign"):
    print(f"{lab} langs: {dict(sorted(lang_by_label[lab].items()))}  de/fr/es share: {shares[lab]:.1%}")
for l in sorted(NONEN):
    print(f"{l} present in {sum(1 for f_ in FAMILIES if l in langs_in_family[f_])}/10 attack families")
print("RESULT:", "OK" if not errors else f"{len(errors)} ERROR(S)")
for e in errors:
    print("  ERROR:", e)
sys.exit(1 if errors else 0)
