"""Person names in tables and markup: a CSV, TSV, markdown or space-aligned table (a manifest's
columns) whose header names a person column ("full_name", "Name", "Nachname", "Titular", "GIVEN
NAMES", ...) and XML/HTML elements named like a person field (`<name>`, `<given>`, `<family>`,
`<firstName>`): the values, not the labels, are the names. Adjacent person columns of a row are one
name ("OYELARAN     ADEWALE JOSEPH"). The same tables give dates of birth, passport numbers and phone
numbers under a column that names them ("DOB", "Geburtsdatum", "fecha_nacimiento", "Passport No",
"phone", "Telefon", "móvil"), when the value has the shape (a date; 6-9 letters and digits; 7-15 digits
written as a phone number is). A phone column's rows are found however far they are from the header
(the phone scan's context window is the 40 characters before a number: only the first rows had it)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.detectors import Detector, Finding, has_digit, scan_memo, valid_national
from shared.policy.name_fields import is_name, person_key

__all__ = ["TABLE_DETECTORS"]

PERSON = "PERSON"
DOB = "DATE_OF_BIRTH"
PASSPORT = "PASSPORT"
PHONE = "PHONE"
_PERSON_KINDS, _DOB_KINDS, _PASSPORT_KINDS = frozenset({PERSON}), frozenset({DOB}), frozenset({PASSPORT})
_PHONE_KINDS = frozenset({PHONE})
_MAX_ROWS = 500
_DOB_KEY = re.compile(
    r"^(?:dob|d\.o\.b\.?|bday|date_?of_?birth|birth_?date|birthdate|birthday|born|geburtsdatum|geb\.?|"
    r"geburtstag|date_de_naissance|naissance|n[ée]e?_le|fecha_de_nacimiento|fecha_nac(?:imiento)?|"
    r"f\._?nac\.?|nacimiento|data_di_nascita|data_de_nascimento|geboortedatum)$",
    re.IGNORECASE,
)
_PASSPORT_KEY = re.compile(
    r"^(?:passport|passport_?(?:no|nr|number|#)\.?|pass_?(?:no|nr)\.?|passnummer|reisepass(?:_?nr\.?)?|"
    r"passeport|n°_passeport|pasaporte|n[ºo°]_pasaporte|passaporto|paspoort|travel_document)$",
    re.IGNORECASE,
)
# a column of phone numbers: "phone", "mobile_phone", "Tel.", "Telefonnummer", "téléphone", "móvil",
# "contact_number", "fax"; not "phone_model", "phone_verified" or "call_duration" (the whole cell is read)
_PHONE_KEY = re.compile(
    r"^(?:(?:home|work|mobile|cell|business|office|private|primary|emergency|contact|alt|alternate|"
    r"customer|main)_?)?(?:phone|telephone|tel\.?|tél\.?|mobile|cell|cellphone|fax|handy|telefon|"
    r"telefonnummer|rufnummer|handynummer|mobil|mobilnummer|mobiltelefon|téléphone|portable|teléfono|"
    r"telefono|móvil|movil|celular|whatsapp|msisdn|contact_number)(?:_?(?:no|nr|number|num|#))?\.?$",
    re.IGNORECASE,
)
_PHONE_WORDS = (
    "phone", "tel", "tél", "mobil", "cell", "fax", "handy", "rufnummer", "portable", "móvil", "movil",
    "celular", "whatsapp", "msisdn", "contact_number",
)  # fmt: skip
_DOB_WORDS = (
    "dob", "d.o.b", "bday", "birth", "born", "geb", "naissance", "née", "nacim", "nac.", "nascita",
    "geboorte",
)  # fmt: skip
_PASSPORT_WORDS = ("passport", "pass", "passeport", "pasaporte", "passaporto", "paspoort", "travel")
_DATE_VALUE = re.compile(
    r"^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|"
    r"\d{1,2}[ .\-]?[A-Za-zäéû]{3,9}\.?[ .\-]?\d{2,4})$"
)
_PASSPORT_VALUE = re.compile(r"^(?=[A-Z]{0,3}\d)[A-Z0-9]{6,9}$")
# a phone number as written: a "+" or "(" or a digit first, digits grouped by blanks, dots, dashes,
# slashes or brackets; 7-15 digits (E.164's most) and not a date's shape ("2024-03-12", "12.03.1985")
_PHONE_VALUE = re.compile(r"^[+(\d][\d ().\-/]{5,22}\d$")
_PHONE_DATE = re.compile(r"^\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}$")
# grouped like a count in thousands ("1 234 567", "1.234.567": a usage table's "Mobil" column): 1-3
# digits without a leading 0, then groups of three only, without "+" or "(". Spanish numbers are written
# so ("622 555 874"): such a value is a phone only where libphonenumber calls it a valid national number
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}(?:([ .,'\u00a0\u202f])\d{3})(?:\1\d{3})*$")
_UPPER_NAME = re.compile(r"^[A-ZÀ-ÖØ-Þ]{2,}(?:[ '\u2019\-][A-ZÀ-ÖØ-Þ]{2,}){0,3}$")  # "ADEWALE JOSEPH"
_ALIGNED = re.compile(r"\S+(?: \S+)*")  # a space-aligned cell: words one space apart
_ELEMENT = re.compile(r"<([A-Za-z][\w:.-]{1,30})(?:\s[^<>]{0,200})?>([^<>\n]{1,80})</\1>")


def _cells(line: str, sep: str) -> list[tuple[int, str]]:
    """(offset in line, cell text) of each cell; markdown's outer pipes are not cells."""
    if sep == "  ":
        return [(m.start(), m.group()) for m in _ALIGNED.finditer(line)]
    out, start = [], 0
    for part in line.split(sep):
        out.append((start, part))
        start += len(part) + 1
    if sep == "|" and line.strip().startswith("|"):
        out = out[1:-1] if line.strip().endswith("|") else out[1:]
    return out


_NAME_PARTS = frozenset({"first", "last", "first_names", "last_names"})  # "last","first","class"


def _kind(cell: str) -> str | None:
    if person_key(cell) or (cell[-1:] in "sS" and person_key(cell[:-1])):  # "GIVEN_NAMES"
        return PERSON
    if cell.lower() in _NAME_PARTS:
        return PERSON
    if _DOB_KEY.match(cell):
        return DOB
    if _PHONE_KEY.match(cell):
        return PHONE
    return PASSPORT if _PASSPORT_KEY.match(cell) else None


def _value(kind: str, value: str) -> bool:
    if kind == PERSON:
        return is_name(value) or _UPPER_NAME.match(value) is not None
    if kind == PHONE:
        digits = sum(c.isdigit() for c in value)
        return (
            7 <= digits <= 15
            and _PHONE_VALUE.match(value) is not None
            and not _PHONE_DATE.match(value)
            and (not _THOUSANDS.match(value) or valid_national(value))
        )
    pattern = _DATE_VALUE if kind == DOB else _PASSPORT_VALUE
    return pattern.match(value) is not None


def _separator(line: str) -> str | None:
    sep = next((s for s in ("\t", "|", ",", ";") if s in line), None)
    if sep is None and "  " in line.strip() and len(_ALIGNED.findall(line)) >= 3:
        return "  "  # a manifest or a report printed in columns
    return sep


Header = tuple[str | None, int, dict[int, str]]  # a line's separator, its cell count, the typed cells
_HEADERS = "name_tables.headers"  # the scan memo's key: (lines, offsets, {row: Header})


def _header(line: str) -> Header:
    """The line read as a table header for every kind (PERSON, DOB, PASSPORT): the regexes per cell
    are the cost, so the three table detectors of one scan read each line once (`scan_memo`)."""
    sep = _separator(line)
    if sep is None:
        return None, 0, {}
    header = [cell.strip().strip("*\"'`").replace(" ", "_") for _, cell in _cells(line, sep)]
    return sep, len(header), {i: kind for i, cell in enumerate(header) if (kind := _kind(cell)) is not None}


def _tables(text: str, kinds: frozenset[str], memo: dict[str, Any]) -> Iterator[Finding]:
    read = memo.get(_HEADERS)
    if read is None:
        lines = text.split("\n")
        offsets = [0]
        for line in lines:
            offsets.append(offsets[-1] + len(line) + 1)
        empty: dict[int, Header] = {}
        read = memo[_HEADERS] = (lines, offsets, empty)
    lines, offsets, headers = read
    row = 0
    while row < len(lines) - 1:
        head = headers.get(row)
        if head is None:
            head = headers[row] = _header(lines[row])
        sep, width, typed = head
        if sep is None:
            row += 1
            continue
        columns = {i: kind for i, kind in typed.items() if kind in kinds}
        if not columns or width < 2:
            row += 1
            continue
        row += 1
        for _ in range(_MAX_ROWS):
            if row >= len(lines):
                break
            cells = _cells(lines[row], sep)
            if set(lines[row].strip()) <= set("|-:+ "):  # markdown's |---|---| rule, psql's ---+---
                row += 1
                continue
            if len(cells) == width + 1 and cells[0][1].strip().isdigit():
                cells = cells[1:]  # a printed data frame's row index: "0  Ana Lúcia Prado  1978-05-30"
            if len(cells) != width:
                break
            yield from _row(offsets[row], cells, columns)
            row += 1


def _row(at: int, cells: list[tuple[int, str]], columns: dict[int, str]) -> Iterator[Finding]:
    """The typed cells of one row; adjacent person cells join into one name (surname, given names)."""
    previous: Finding | None = None
    previous_column = -2
    for i, kind in sorted(columns.items()):
        start, value = cells[i]
        stripped = value.strip().strip("\"'")
        if not _value(kind, stripped):
            continue
        begin = at + start + value.find(stripped)
        finding = Finding(kind, begin, begin + len(stripped), 0.75)
        if previous is not None and kind == previous.type == PERSON and previous_column == i - 1:
            previous = Finding(PERSON, previous.start, finding.end, 0.75)  # "OYELARAN     ADEWALE JOSEPH"
        else:
            if previous is not None:
                yield previous
            previous = finding
        previous_column = i
    if previous is not None:
        yield previous


def _person_tables(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    return _tables(text, _PERSON_KINDS, scan_memo(words))


def _dob_tables(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    return _tables(text, _DOB_KINDS, scan_memo(words))


def _passport_tables(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    return _tables(text, _PASSPORT_KINDS, scan_memo(words))


def _phone_tables(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    return _tables(text, _PHONE_KINDS, scan_memo(words))


def _elements(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for m in _ELEMENT.finditer(text):
        tag = m.group(1).rsplit(":", 1)[-1]
        value = m.group(2).strip()
        if person_key(tag) and is_name(value):
            at = m.start(2) + m.group(2).find(value)
            yield Finding(PERSON, at, at + len(value), 0.8)


def _newline(text: str, lower: str) -> bool:
    return "\n" in text


def _table_gate(text: str, lower: str) -> bool:
    return "\n" in text and ("," in text or "|" in text or "\t" in text or ";" in text or "  " in text)


def _element_gate(text: str, lower: str) -> bool:
    return "</" in text


def _dob_gate(text: str, lower: str) -> bool:
    return any(word in lower for word in _DOB_WORDS)


def _passport_gate(text: str, lower: str) -> bool:
    return any(word in lower for word in _PASSPORT_WORDS)


def _phone_gate(text: str, lower: str) -> bool:
    return any(word in lower for word in _PHONE_WORDS)


TABLE_DETECTORS: tuple[Detector, ...] = (
    Detector(PERSON, 21, _person_tables, (_table_gate,)),
    Detector(DOB, 50, _dob_tables, (has_digit, _newline, _dob_gate)),
    Detector(PASSPORT, 55, _passport_tables, (has_digit, _newline, _passport_gate)),
    Detector(PHONE, 45, _phone_tables, (has_digit, _newline, _phone_gate)),
    Detector(PERSON, 21, _elements, (_element_gate,)),
)
