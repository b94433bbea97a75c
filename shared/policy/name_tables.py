"""Person names in tables and markup: a CSV, TSV or markdown table whose header names a person column
("full_name", "Name", "Nachname", "Titular", ...) and XML/HTML elements named like a person field
(`<name>`, `<given>`, `<family>`, `<firstName>`): the values, not the labels, are the names."""

from __future__ import annotations

from collections.abc import Iterator

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.detectors import Detector, Finding
from shared.policy.name_fields import FIELD_KEY, is_name

__all__ = ["TABLE_DETECTORS"]

PERSON = "PERSON"
_MAX_ROWS = 500
_ELEMENT = re.compile(r"<([A-Za-z][\w:.-]{1,30})(?:\s[^<>]{0,200})?>([^<>\n]{1,80})</\1>")


def _cells(line: str, sep: str) -> list[tuple[int, str]]:
    """(offset in line, cell text) of each cell; markdown's outer pipes are not cells."""
    out, start = [], 0
    for part in line.split(sep):
        out.append((start, part))
        start += len(part) + 1
    if sep == "|" and line.strip().startswith("|"):
        out = out[1:-1] if line.strip().endswith("|") else out[1:]
    return out


def _tables(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    row = 0
    while row < len(lines) - 1:
        line = lines[row]
        sep = next((s for s in ("\t", "|", ",", ";") if line.count(s) >= 1), None)
        if sep is None:
            row += 1
            continue
        header = [cell.strip().strip("*\"'`").replace(" ", "_") for _, cell in _cells(line, sep)]
        columns = [i for i, cell in enumerate(header) if FIELD_KEY.match(cell)]
        if not columns or len(header) < 2:
            row += 1
            continue
        width = len(header)
        row += 1
        for _ in range(_MAX_ROWS):
            if row >= len(lines):
                break
            cells = _cells(lines[row], sep)
            if set(lines[row].strip()) <= set("|-: "):  # markdown's |---|---| rule
                row += 1
                continue
            if len(cells) != width:
                break
            for i in columns:
                start, value = cells[i]
                stripped = value.strip().strip("\"'")
                if is_name(stripped):
                    at = offsets[row] + start + value.find(stripped)
                    yield Finding(PERSON, at, at + len(stripped), 0.75)
            row += 1


def _elements(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for m in _ELEMENT.finditer(text):
        tag = m.group(1).rsplit(":", 1)[-1]
        value = m.group(2).strip()
        if FIELD_KEY.match(tag) and is_name(value):
            at = m.start(2) + m.group(2).find(value)
            yield Finding(PERSON, at, at + len(value), 0.8)


def _table_gate(text: str, lower: str) -> bool:
    return "\n" in text and ("," in text or "|" in text or "\t" in text or ";" in text)


def _element_gate(text: str, lower: str) -> bool:
    return "</" in text


TABLE_DETECTORS: tuple[Detector, ...] = (
    Detector(PERSON, 21, _tables, (_table_gate,)),
    Detector(PERSON, 21, _elements, (_element_gate,)),
)
