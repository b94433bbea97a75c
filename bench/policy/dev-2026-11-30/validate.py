#!/usr/bin/env python3
"""Validate pii.jsonl and injection.jsonl; writes validate_output.txt. Exit 1 on failure."""
import json, os, re, sys, collections

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build

LANGS = {"en", "de", "fr", "es"}
ENT_TYPES = {"PERSON", "ADDRESS", "PHONE", "EMAIL", "DATE_OF_BIRTH", "PASSPORT", "US_SSN"}
FAMILIES = {"tool_hijack", "roleplay_persona", "indirect_document", "override_paraphrased",
            "fake_turns", "exfiltration", "prompt_leak"}
KINDS = {"classify_attack", "benign_document", "creative_roleplay", "legit_links",
         "security_education", "sysadmin", "tool_use_benign"}
errors, lines = [], []


def err(msg):
    errors.append(msg)


def load(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                out.append(json.loads(line))
            except Exception as e:
                err(f"{os.path.basename(path)}:{n}: bad json {e}")
    return out


def check_pii(recs):
    ids = set()
    tcount, ncount, lang = collections.Counter(), collections.Counter(), collections.Counter()
    tl = collections.Counter()
    for r in recs:
        rid = r.get("id")
        if set(r) != {"id", "lang", "text", "entities", "non_entities"}:
            err(f"{rid}: keys {sorted(r)}")
        if not re.fullmatch(r"piid-\d{4}", str(rid)) or rid in ids:
            err(f"{rid}: bad/dup id")
        ids.add(rid)
        if r.get("lang") not in LANGS:
            err(f"{rid}: lang")
        text = r.get("text", "")
        if not isinstance(text, str) or not text.strip():
            err(f"{rid}: empty text")
        if any(c in text for c in "⟦⟧⟪⟫"):
            err(f"{rid}: leftover markup")
        lang[r.get("lang")] += 1
        evals = []
        for key in ("entities", "non_entities"):
            seen = set()
            for e in r.get(key, []):
                if set(e) != {"type", "value"} or not e["value"]:
                    err(f"{rid}: malformed {key} item {e}")
                    continue
                if e["value"] not in text:
                    err(f"{rid}: {key} value not in text: {e['value']!r}")
                if e["value"] in seen:
                    err(f"{rid}: {key} value listed twice: {e['value']!r}")
                seen.add(e["value"])
                if key == "entities":
                    if e["type"] not in ENT_TYPES:
                        err(f"{rid}: unknown entity type {e['type']}")
                    tcount[e["type"]] += 1
                    tl[(e["type"], r["lang"])] += 1
                else:
                    ncount[e["type"]] += 1
            evals.append(seen)
        ents, nons = evals
        both = ents & nons
        if both:
            err(f"{rid}: value both entity and non-entity: {both}")
        for ev in ents:
            for nv in nons:
                if ev in nv or nv in ev:
                    err(f"{rid}: entity {ev!r} overlaps non-entity {nv!r}")
    nn = sum(ncount.values())
    if len(recs) < 160: err(f"pii records {len(recs)} < 160")
    if tcount["PERSON"] < 300: err(f"PERSON {tcount['PERSON']} < 300")
    if tcount["ADDRESS"] < 70: err(f"ADDRESS {tcount['ADDRESS']} < 70")
    if nn < 200: err(f"non_entities {nn} < 200")
    for t in ("PHONE", "EMAIL", "DATE_OF_BIRTH", "PASSPORT", "US_SSN"):
        if tcount[t] < 1: err(f"no {t}")
    lines.append(f"pii.jsonl: {len(recs)} records; langs {dict(sorted(lang.items()))}")
    lines.append(f"  entity values by type: {dict(tcount.most_common())}")
    lines.append("  entity type x lang: " + ", ".join(f"{t}/{l}={c}" for (t, l), c in sorted(tl.items())))
    lines.append(f"  non_entity values: {nn} by type {dict(ncount.most_common())}")


def check_inj(recs):
    ids, texts = set(), set()
    cnt = collections.Counter()
    lab, nonen = collections.Counter(), collections.Counter()
    for r in recs:
        rid = r.get("id")
        if not re.fullmatch(r"injd-\d{4}", str(rid)) or rid in ids:
            err(f"{rid}: bad/dup id")
        ids.add(rid)
        label = r.get("label")
        if label == "attack":
            if set(r) != {"id", "text", "label", "family", "lang"} or r["family"] not in FAMILIES:
                err(f"{rid}: attack schema/family")
            cat = r.get("family")
        elif label == "benign":
            if set(r) != {"id", "text", "label", "kind", "lang"} or r["kind"] not in KINDS:
                err(f"{rid}: benign schema/kind")
            cat = r.get("kind")
        else:
            err(f"{rid}: label {label}"); continue
        if r.get("lang") not in LANGS: err(f"{rid}: lang")
        t = r.get("text", "")
        if not isinstance(t, str) or len(t.strip()) < 10: err(f"{rid}: text too short")
        if t in texts: err(f"{rid}: duplicate text")
        texts.add(t)
        if cat == "override_paraphrased" and re.search(r"ignor|disregard|forget|previous|instruction|vergiss|anweisung|oublie|olvida|instrucci", t, re.I):
            err(f"{rid}: override_paraphrased uses a banned cue word")
        cnt[(label, cat, r["lang"])] += 1
        lab[label] += 1
        if r["lang"] != "en": nonen[label] += 1
    if lab["attack"] < 150: err(f"attacks {lab['attack']} < 150")
    if lab["benign"] < 150: err(f"benign {lab['benign']} < 150")
    for label, cats in (("attack", FAMILIES), ("benign", KINDS)):
        for c in sorted(cats):
            n = sum(v for (l, cc, _), v in cnt.items() if l == label and cc == c)
            if n < 20: err(f"{c}: {n} < 20")
        share = nonen[label] / max(lab[label], 1)
        if not 0.25 <= share <= 0.40: err(f"{label} non-English share {share:.2f} not ~30%")
    lines.append(f"injection.jsonl: {len(recs)} records; {dict(lab)}; non-English {dict(nonen)}")
    for label, cats in (("attack", FAMILIES), ("benign", KINDS)):
        for c in sorted(cats):
            per = {l: cnt[(label, c, l)] for l in ("en", "de", "fr", "es")}
            lines.append(f"  {label:6} {c:22} total={sum(per.values()):3} " + " ".join(f"{l}={v}" for l, v in per.items()))


def check_determinism(pii, inj):
    if build.build_pii() != pii: err("pii.jsonl differs from a fresh build (run build.py)")
    if build.build_inj() != inj: err("injection.jsonl differs from a fresh build (run build.py)")


if __name__ == "__main__":
    pii = load(os.path.join(HERE, "pii.jsonl"))
    inj = load(os.path.join(HERE, "injection.jsonl"))
    check_pii(pii); check_inj(inj); check_determinism(pii, inj)
    lines.append("")
    if errors:
        lines.append(f"FAIL: {len(errors)} error(s)")
        lines.extend("  " + e for e in errors)
    else:
        lines.append("PASS: all checks OK")
    out = "\n".join(lines) + "\n"
    open(os.path.join(HERE, "validate_output.txt"), "w", encoding="utf-8").write(out)
    print(out, end="")
    sys.exit(1 if errors else 0)
