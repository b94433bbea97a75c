#!/usr/bin/env python3
"""Build injection.jsonl and pii.jsonl from the hand-written sources in src/.
Stdlib only. Ids are assigned after a fixed-seed shuffle (seed 20240607)."""
import json, os, random, re, sys, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
SEED = 20240607

def unescape(s):
    """Decode \\n, \\t, \\\\ and \\uXXXX escapes used in the source lines."""
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            n = s[i + 1]
            if n == "n": out.append("\n"); i += 2; continue
            if n == "t": out.append("\t"); i += 2; continue
            if n == "\\": out.append("\\"); i += 2; continue
            if n == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", s[i + 2:i + 6] or ""):
                out.append(chr(int(s[i + 2:i + 6], 16))); i += 6; continue
        out.append(c); i += 1
    return "".join(out)

def read_lines(path):
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            lang, sep, text = line.partition("|")
            if not sep or not re.fullmatch(r"[a-z]{2}", lang):
                sys.exit(f"bad line {path}:{ln}: {line[:60]}")
            yield lang, text, f"{os.path.basename(path)}:{ln}"

def dumps(obj):
    s = json.dumps(obj, ensure_ascii=False)
    # keep invisible / format characters visible as \uXXXX escapes (still valid JSON)
    return "".join("\\u%04x" % ord(ch) if unicodedata.category(ch) == "Cf" else ch for ch in s)

def build_injection():
    recs = []
    d = os.path.join(SRC, "injection")
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".txt"): continue
        label, _, cat = fn[:-4].partition("_")
        for lang, text, where in read_lines(os.path.join(d, fn)):
            r = {"text": unescape(text), "label": label}
            r["family" if label == "attack" else "kind"] = cat
            r["lang"] = lang
            r["_src"] = where
            recs.append(r)
    return recs

CODES = {"P": "PERSON", "A": "ADDRESS", "PH": "PHONE", "EM": "EMAIL", "IB": "IBAN", "CC": "CREDIT_CARD",
         "SSN": "US_SSN", "IP": "IP_ADDRESS", "DOB": "DATE_OF_BIRTH", "PP": "PASSPORT", "SEC": "SECRET",
         "AWS": "AWS_ACCESS_KEY", "GK": "GOOGLE_API_KEY", "JWT": "JWT", "UT": "URL_TOKEN"}
MARK = re.compile(r"⟦([A-Z]+)\|([^⟧]*)⟧|⟪([A-Z0-9_]+)\|([^⟫]*)⟫")

def build_pii():
    recs = []
    d = os.path.join(SRC, "pii")
    for fn in sorted(os.listdir(d)):
        if not fn.endswith(".txt") or fn.startswith("README"): continue
        for lang, raw, where in read_lines(os.path.join(d, fn)):
            raw = unescape(raw)
            ents, non = [], []
            def sub(m):
                if m.group(1):
                    if m.group(1) not in CODES: sys.exit(f"unknown code {m.group(1)} at {where}")
                    ents.append({"type": CODES[m.group(1)], "value": m.group(2)}); return m.group(2)
                non.append({"type": m.group(3), "value": m.group(4)}); return m.group(4)
            text = MARK.sub(sub, raw)
            if "⟦" in text or "⟪" in text or "⟧" in text or "⟫" in text:
                sys.exit(f"unbalanced markup at {where}")
            recs.append({"lang": lang, "text": text, "entities": ents, "non_entities": non, "_src": where})
    return recs

def assign(recs, prefix, keyorder):
    rnd = random.Random(SEED)
    rnd.shuffle(recs)
    out = []
    for i, r in enumerate(recs, 1):
        o = {"id": f"{prefix}-{i:04d}"}
        for k in keyorder:
            if k in r: o[k] = r[k]
        out.append(o)
    return out

def main():
    inj = assign(build_injection(), "inj7", ["text", "label", "family", "kind", "lang"])
    pii = assign(build_pii(), "pii7", ["lang", "text", "entities", "non_entities"])
    for name, rows in (("injection.jsonl", inj), ("pii.jsonl", pii)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8") as f:
            for r in rows: f.write(dumps(r) + "\n")
        print(f"wrote {name}: {len(rows)} records")

if __name__ == "__main__":
    main()
