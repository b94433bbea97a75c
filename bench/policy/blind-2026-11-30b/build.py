#!/usr/bin/env python3
"""Deterministic build of injection.jsonl and pii.jsonl from hand-written src/ files."""
import json, os, random, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "src"))
from inj_attacks import ATTACKS  # noqa: E402
from inj_benign import BENIGN  # noqa: E402
import pii_en, pii_eu, pii_mix, pii_extra  # noqa: E402

SHUFFLE_SEED = 4242


def build_injection():
    rows = []
    for fam, lang, text in ATTACKS:
        rows.append({"text": text, "label": "attack", "family": fam, "lang": lang})
    for kind, lang, text in BENIGN:
        rows.append({"text": text, "label": "benign", "kind": kind, "lang": lang})
    random.Random(SHUFFLE_SEED).shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        d = {"id": f"inj4-{i:04d}", "text": r["text"], "label": r["label"]}
        if r["label"] == "attack":
            d["family"] = r["family"]
        else:
            d["kind"] = r["kind"]
        d["lang"] = r["lang"]
        out.append(d)
    return out


def build_pii():
    recs = list(pii_en.RECORDS) + list(pii_eu.RECORDS) + list(pii_mix.RECORDS) + list(pii_extra.RECORDS)
    recs = [list(r) for r in recs]
    random.Random(SHUFFLE_SEED + 1).shuffle(recs)
    out = []
    for i, (lang, text, ents, non) in enumerate(recs, 1):
        out.append({
            "id": f"pii4-{i:04d}", "lang": lang, "text": text,
            "entities": [{"type": t, "value": v} for t, v in ents],
            "non_entities": [{"type": t, "value": v} for t, v in non],
        })
    return out


def write(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    inj = build_injection()
    pii = build_pii()
    write(os.path.join(HERE, "injection.jsonl"), inj)
    write(os.path.join(HERE, "pii.jsonl"), pii)
    print(f"wrote {len(inj)} injection rows, {len(pii)} pii rows")
