"""Build pii.jsonl from src/pii.txt (deterministic): `python bench/policy/dev-2026-12-01/build.py`.

Mark-up as in dev-2026-11-30: records separated by a line `===`, first line `@lang`, `⟦value⟧` a PERSON,
`⟦A|value⟧` an ADDRESS, `⟪TYPE|value⟫` a look-alike that must not be masked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"⟦(?:(A)\|)?(.*?)⟧|⟪(\w+)\|(.*?)⟫", re.S)


def record(n: int, block: str) -> dict[str, object]:
    head, body = block.strip("\n").split("\n", 1)
    out, entities, look_alikes, at = [], [], [], 0
    for m in MARK.finditer(body):
        out.append(body[at : m.start()])
        value = m.group(2) if m.group(2) is not None else m.group(4)
        out.append(value)
        at = m.end()
        if m.group(2) is not None:
            kind = "ADDRESS" if m.group(1) else "PERSON"
            if {"type": kind, "value": value} not in entities:
                entities.append({"type": kind, "value": value})
        elif {"type": m.group(3), "value": value} not in look_alikes:
            look_alikes.append({"type": m.group(3), "value": value})
    out.append(body[at:])
    lang = head.lstrip("@").strip()
    return {"id": f"pii1201-{n:03d}", "lang": lang, "text": "".join(out), "entities": entities, "non_entities": look_alikes}


def main() -> None:
    blocks = (HERE / "src" / "pii.txt").read_text(encoding="utf-8").split("\n===\n")
    rows = [record(n, b) for n, b in enumerate(blocks, 1) if b.strip()]
    (HERE / "pii.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    kinds: dict[str, int] = {}
    for r in rows:
        for e in r["entities"]:  # type: ignore[attr-defined]
            kinds[e["type"]] = kinds.get(e["type"], 0) + 1
    print(f"{len(rows)} records, entities {kinds}, look-alikes {sum(len(r['non_entities']) for r in rows)}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
