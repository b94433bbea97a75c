"""The README's settings table, generated from `shared.settings.Settings`.

python -m dev.settings_table          print it
python -m dev.settings_table --write  rewrite it in README.md (between the settings markers)
"""

from __future__ import annotations

import sys

from dev.stack import ROOT
from shared.settings import Settings

START, END = "<!-- settings:start -->", "<!-- settings:end -->"


def table() -> str:
    lines = ["| setting | default | meaning |", "|---|---|---|"]
    for name, field in Settings.model_fields.items():
        default = "required" if field.is_required() else f"`{field.default}`"
        lines.append(f"| `GATEHOUSE_{name.upper()}` | {default} | {field.description or ''} |")
    return "\n".join(lines)


def write_readme() -> None:
    path = ROOT / "README.md"
    text = path.read_text()
    start, end = text.index(START) + len(START), text.index(END)
    path.write_text(text[:start] + "\n" + table() + "\n" + text[end:])


if __name__ == "__main__":
    if "--write" in sys.argv:
        write_readme()
    else:
        print(table())
