#!/usr/bin/env python3
"""Build injection.jsonl from the hand-written sources in src/.

Source format: each file is src/attack_<family>.txt or src/benign_<kind>.txt.
An entry starts with a line "=== <lang>" and runs until the next such line.
Invisible characters are written in the sources as <U+XXXX> markers and are
turned into the real characters here; in the JSONL output every Unicode
format character (category Cf, e.g. zero-width space) is written as a \\uXXXX
escape so it stays visible to reviewers.
Ids are assigned after a fixed-seed shuffle.
"""
import json, os, random, re, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")
OUT = os.path.join(HERE, "injection.jsonl")
SEED = 6072024
MARK = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")


def parse(path):
    entries, lang, buf = [], None, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            m = re.match(r"^=== (\S+)\s*$", line)
            if m:
                if lang is not None:
                    entries.append((lang, "\n".join(buf).strip("\n")))
                lang, buf = m.group(1), []
            else:
                buf.append(line.rstrip())
    if lang is not None:
        entries.append((lang, "\n".join(buf).strip("\n")))
    return entries


def main():
    rows = []
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".txt"):
            continue
        base = name[:-4]
        label, _, cat = base.partition("_")
        assert label in ("attack", "benign"), name
        for lang, text in parse(os.path.join(SRC, name)):
            text = MARK.sub(lambda m: chr(int(m.group(1), 16)), text)
            row = {"text": text, "label": label}
            row["family" if label == "attack" else "kind"] = cat
            row["lang"] = lang
            rows.append(row)
    random.Random(SEED).shuffle(rows)
    with open(OUT, "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            r = {"id": f"injd7-{i:04d}", **r}
            line = json.dumps(r, ensure_ascii=False)
            line = "".join(
                ("\\u%04x" % ord(c)) if unicodedata.category(c) == "Cf" else c
                for c in line)
            f.write(line + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
