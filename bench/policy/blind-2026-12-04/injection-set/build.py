#!/usr/bin/env python3
"""Build injection.jsonl from the hand-written sources in src/.

Source format (src/attack/<family>.txt, src/benign/<kind>.txt):
records separated by a line containing only '%%'; the first line of each
record is the language code, the rest is the prompt text (may span lines).
Zero-width characters are written in the sources as literal escapes
(\\u200b, \\u200c, \\u200d, \\u2060, \\ufeff); they are decoded into the real
characters here, and written back to the JSONL as JSON \\uXXXX escapes.
"""
import json, os, random, re

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
OUT = os.path.join(HERE, "injection.jsonl")
SEED = 20240607
ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
ZW_ESC = re.compile(r"\\u(200b|200c|200d|2060|feff)", re.I)


def parse(path):
    recs = []
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    for block in re.split(r"^%%[ \t]*$", raw, flags=re.M):
        block = block.strip("\n")
        if not block.strip():
            continue
        lang, _, text = block.partition("\n")
        text = ZW_ESC.sub(lambda m: chr(int(m.group(1), 16)), text.strip())
        recs.append((lang.strip(), text))
    return recs


def main():
    records = []
    for label, key in (("attack", "family"), ("benign", "kind")):
        d = os.path.join(SRC, label)
        for fn in sorted(os.listdir(d)):
            if not fn.endswith(".txt"):
                continue
            cat = fn[:-4]
            for lang, text in parse(os.path.join(d, fn)):
                records.append({"text": text, "label": label, key: cat, "lang": lang})
    rng = random.Random(SEED)
    rng.shuffle(records)
    with open(OUT, "w", encoding="utf-8") as f:
        for i, r in enumerate(records, 1):
            rec = {"id": "inj8-%04d" % i}
            rec.update(r)
            line = json.dumps(rec, ensure_ascii=False)
            for z in ZW:
                line = line.replace(z, "\\u%04x" % ord(z))
            f.write(line + "\n")
    print("wrote %d records to %s" % (len(records), OUT))


if __name__ == "__main__":
    main()
