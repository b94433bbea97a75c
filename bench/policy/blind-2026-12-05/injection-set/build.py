#!/usr/bin/env python3
"""Build injection.jsonl from the hand-written sources in src/.

Source format: each file src/attack_<family>.txt or src/benign_<kind>.txt holds
entries that start with a header line "@@ <lang>"; all following lines up to the
next header are the prompt text (surrounding whitespace stripped).
In src/attack_obfuscation.txt only, \\uXXXX escapes are turned into the real
characters (zero-width chars, Cyrillic homoglyphs). In the output file, format
(Cf) characters are written as \\uXXXX JSON escapes so they stay visible.
Ids are assigned after a fixed-seed shuffle.
"""
import json, os, random, re, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
OUT = os.path.join(HERE, "injection.jsonl")
SEED = 20240908


def parse(path):
    raw = open(path, encoding="utf-8").read()
    items = []
    for block in re.split(r"(?m)^(?=@@ )", raw):
        if not block.strip():
            continue
        head, _, body = block.partition("\n")
        m = re.fullmatch(r"@@ (en|de|fr|es)", head.strip())
        if not m:
            raise SystemExit(f"bad header {head!r} in {path}")
        text = body.strip()
        if not text:
            raise SystemExit(f"empty entry in {path}")
        items.append((m.group(1), text))
    return items


def main():
    records = []
    for fn in sorted(os.listdir(SRC)):
        m = re.fullmatch(r"(attack|benign)_(\w+)\.txt", fn)
        if not m:
            continue
        label, cat = m.groups()
        for lang, text in parse(os.path.join(SRC, fn)):
            if fn == "attack_obfuscation.txt":
                text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda mm: chr(int(mm.group(1), 16)), text)
            rec = {"text": text, "label": label}
            rec["family" if label == "attack" else "kind"] = cat
            rec["lang"] = lang
            records.append(rec)
    random.Random(SEED).shuffle(records)
    with open(OUT, "w", encoding="utf-8") as f:
        for i, r in enumerate(records, 1):
            r = {"id": f"inj9-{i:04d}", **r}
            line = json.dumps(r, ensure_ascii=False)
            line = "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) == "Cf" else c for c in line)
            f.write(line + "\n")
    print(f"wrote {len(records)} records to {OUT}")


if __name__ == "__main__":
    main()
