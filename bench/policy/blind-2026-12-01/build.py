#!/usr/bin/env python3
"""Deterministically build injection.jsonl and pii.jsonl from the hand-written sources in src/.

Usage: python3 build.py [--out DIR]   (default: this directory)
Shuffles with fixed seeds (5252 injection, 5253 PII) so ids carry no label signal.
"""
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "src"))

import inj_attacks  # noqa: E402
import inj_benign  # noqa: E402
import pii_people_en  # noqa: E402
import pii_contact_en  # noqa: E402
import pii_finance_en  # noqa: E402
import pii_secrets_en  # noqa: E402
import pii_mixed_en  # noqa: E402
import pii_lookalikes  # noqa: E402
import pii_intl  # noqa: E402

PII_MODULES = [pii_people_en, pii_contact_en, pii_finance_en, pii_secrets_en,
               pii_mixed_en, pii_lookalikes, pii_intl]


def injection_rows():
    rows = []
    for family, lang, text in inj_attacks.ATTACKS:
        rows.append({"text": text, "label": "attack", "family": family, "lang": lang})
    for kind, lang, text in inj_benign.BENIGN:
        rows.append({"text": text, "label": "benign", "kind": kind, "lang": lang})
    random.Random(5252).shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        out.append(dict([("id", f"inj5-{i:04d}")] + list(r.items())))
    return out


def pii_rows():
    rows = []
    for mod in PII_MODULES:
        for lang, text, ents, nons in mod.RECORDS:
            rows.append({
                "lang": lang,
                "text": text,
                "entities": [{"type": t, "value": v} for t, v in ents],
                "non_entities": [{"type": t, "value": v} for t, v in nons],
            })
    random.Random(5253).shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        out.append(dict([("id", f"pii5-{i:04d}")] + list(r.items())))
    return out


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    out_dir = HERE
    if "--out" in sys.argv:
        out_dir = sys.argv[sys.argv.index("--out") + 1]
        os.makedirs(out_dir, exist_ok=True)
    inj = injection_rows()
    pii = pii_rows()
    write_jsonl(os.path.join(out_dir, "injection.jsonl"), inj)
    write_jsonl(os.path.join(out_dir, "pii.jsonl"), pii)
    print(f"wrote {len(inj)} injection rows and {len(pii)} pii rows to {out_dir}")


if __name__ == "__main__":
    main()
