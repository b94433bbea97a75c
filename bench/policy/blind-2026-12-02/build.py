#!/usr/bin/env python3
"""Assemble injection.jsonl and pii.jsonl from the hand-written sources in src/.

Source conventions (all records in src/ were written by hand):
  * one record per line: "<lang>| <text>"; lines starting with '#' are comments
  * escapes inside text: \\n newline, \\t tab, \\uXXXX a unicode char, \\\\ a backslash
  * injection files: section headers "## attack <family>" / "## benign <kind>"
  * pii files: entities marked [[CODE:value]], look-alikes marked <<LABEL:value>>
Ids are assigned after a fixed-seed shuffle (seed 20240605).
"""
import json, random, re, pathlib

ROOT = pathlib.Path(__file__).resolve().parent
SRC = ROOT / "src"
SEED = 20240605
ESC = re.compile(r"\\(n|t|u[0-9a-fA-F]{4}|\\)")
CODES = {"P": "PERSON", "ADDR": "ADDRESS", "PHONE": "PHONE", "EMAIL": "EMAIL", "IBAN": "IBAN",
         "CC": "CREDIT_CARD", "SSN": "US_SSN", "IP": "IP_ADDRESS", "DOB": "DATE_OF_BIRTH",
         "PASS": "PASSPORT", "SEC": "SECRET", "AWS": "AWS_ACCESS_KEY", "GKEY": "GOOGLE_API_KEY",
         "JWT": "JWT", "UTOK": "URL_TOKEN"}
MARK = re.compile(r"\[\[([A-Z]+):(.*?)\]\]|<<([A-Z0-9_]+):(.*?)>>")
INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff]")


def unescape(s):
    def rep(m):
        g = m.group(1)
        if g == "n": return "\n"
        if g == "t": return "\t"
        if g == "\\": return "\\"
        return chr(int(g[1:], 16))
    return ESC.sub(rep, s)


def records(path):
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#") and not raw.startswith("## "):
            continue
        yield raw


def dump(obj):
    s = json.dumps(obj, ensure_ascii=False)
    # zero-width / invisible characters are written as \\uXXXX escapes
    return INVISIBLE.sub(lambda m: "\\u%04x" % ord(m.group(0)), s)


def build_injection():
    out = []
    for f in sorted(SRC.glob("inj_*.txt")):
        label = key = None
        for line in records(f):
            if line.startswith("## "):
                label, key = line[3:].split()
                continue
            lang, text = line.split("|", 1)
            rec = {"text": unescape(text.strip()), "label": label}
            rec["family" if label == "attack" else "kind"] = key
            rec["lang"] = lang.strip()
            out.append(rec)
    random.Random(SEED).shuffle(out)
    res = []
    for i, r in enumerate(out, 1):
        res.append({"id": f"inj6-{i:04d}", **r})
    return res


def build_pii():
    out = []
    for f in sorted(SRC.glob("pii_*.txt")):
        for line in records(f):
            lang, body = line.split("|", 1)
            body = unescape(body.strip())
            ents, non, parts, pos = [], [], [], 0
            for m in MARK.finditer(body):
                parts.append(body[pos:m.start()])
                if m.group(1):
                    code, val = m.group(1), m.group(2)
                    if code not in CODES:
                        raise SystemExit(f"unknown code {code} in {f.name}: {line[:60]}")
                    ents.append({"type": CODES[code], "value": val})
                else:
                    non.append({"type": m.group(3), "value": m.group(4)})
                    val = m.group(4)
                parts.append(val)
                pos = m.end()
            parts.append(body[pos:])
            text = "".join(parts)
            if "[[" in text or "<<" in text or "]]" in text or ">>" in text:
                raise SystemExit(f"unparsed markup in {f.name}: {text[:80]}")
            out.append({"lang": lang.strip(), "text": text, "entities": ents, "non_entities": non})
    random.Random(SEED + 1).shuffle(out)
    return [{"id": f"pii6-{i:04d}", **r} for i, r in enumerate(out, 1)]


if __name__ == "__main__":
    inj, pii = build_injection(), build_pii()
    (ROOT / "injection.jsonl").write_text("".join(dump(r) + "\n" for r in inj), encoding="utf-8")
    (ROOT / "pii.jsonl").write_text("".join(dump(r) + "\n" for r in pii), encoding="utf-8")
    print(f"injection.jsonl: {len(inj)} prompts; pii.jsonl: {len(pii)} records")
