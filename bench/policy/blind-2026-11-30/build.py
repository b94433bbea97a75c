#!/usr/bin/env python3
"""Build injection.jsonl and pii.jsonl from the hand-written sources in src/.

Deterministic: records are read in a fixed order and then shuffled with a
fixed seed (20261130) so that ids do not reveal label/family. stdlib only.
"""
import importlib
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
sys.path.insert(0, SRC)
SEED = 20261130

ATTACK_SOURCES = [
    ("override_direct", "inj_attacks_1", "OVERRIDE_DIRECT"),
    ("override_paraphrased", "inj_attacks_1", "OVERRIDE_PARAPHRASED"),
    ("fake_turns", "inj_attacks_1", "FAKE_TURNS"),
    ("exfiltration", "inj_attacks_2", "EXFILTRATION"),
    ("obfuscation", "inj_attacks_2", "OBFUSCATION"),
    ("roleplay_persona", "inj_attacks_2", "ROLEPLAY_PERSONA"),
    ("tool_hijack", "inj_attacks_3", "TOOL_HIJACK"),
    ("indirect_document", "inj_attacks_3", "INDIRECT_DOCUMENT"),
    ("prompt_leak", "inj_attacks_4", "PROMPT_LEAK"),
    ("multilingual_mixed", "inj_attacks_4", "MULTILINGUAL_MIXED"),
]
BENIGN_SOURCES = [
    ("classify_attack", "inj_benign_1", "CLASSIFY_ATTACK"),
    ("security_education", "inj_benign_1", "SECURITY_EDUCATION"),
    ("code_ignore_words", "inj_benign_1", "CODE_IGNORE_WORDS"),
    ("support_ticket", "inj_benign_1", "SUPPORT_TICKET"),
    ("benign_document", "inj_benign_1", "BENIGN_DOCUMENT"),
    ("creative_roleplay", "inj_benign_2", "CREATIVE_ROLEPLAY"),
    ("sysadmin", "inj_benign_2", "SYSADMIN"),
    ("legit_links", "inj_benign_2", "LEGIT_LINKS"),
    ("encoded_data", "inj_benign_2", "ENCODED_DATA"),
    ("templating", "inj_benign_2", "TEMPLATING"),
]
PII_MODULES = ["pii_1", "pii_2", "pii_3", "pii_4", "pii_5_de", "pii_6_fr", "pii_7_es", "pii_8"]


def build_injection():
    rows = []
    for family, mod, var in ATTACK_SOURCES:
        for lang, text in getattr(importlib.import_module(mod), var):
            rows.append({"text": text, "label": "attack", "family": family, "lang": lang})
    for kind, mod, var in BENIGN_SOURCES:
        for lang, text in getattr(importlib.import_module(mod), var):
            rows.append({"text": text, "label": "benign", "kind": kind, "lang": lang})
    random.Random(SEED).shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        rec = {"id": f"inj3-{i:04d}", "text": r["text"], "label": r["label"]}
        if r["label"] == "attack":
            rec["family"] = r["family"]
        else:
            rec["kind"] = r["kind"]
        rec["lang"] = r["lang"]
        out.append(rec)
    return out


def build_pii():
    rows = []
    for mod in PII_MODULES:
        for lang, text, ents, nons in importlib.import_module(mod).RECORDS:
            rows.append((lang, text, ents, nons))
    random.Random(SEED + 1).shuffle(rows)
    out = []
    for i, (lang, text, ents, nons) in enumerate(rows, 1):
        out.append({
            "id": f"pii3-{i:04d}",
            "lang": lang,
            "text": text,
            "entities": [{"type": t, "value": v} for t, v in ents],
            "non_entities": [{"type": t, "value": v} for t, v in nons],
        })
    return out


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    inj = build_injection()
    pii = build_pii()
    write(os.path.join(HERE, "injection.jsonl"), inj)
    write(os.path.join(HERE, "pii.jsonl"), pii)
    print(f"wrote injection.jsonl ({len(inj)} rows), pii.jsonl ({len(pii)} rows)")


if __name__ == "__main__":
    main()
