"""Person names in fixed written forms: a quoted "Surname, Given" value (CSV cells, ATS exports, mail
headers: "Ngata, Aroha", "Phan, Linh" <linh@...>), quoted names in an SQL `IN (...)` list under a
person column, the declaration formula "I, <name>, authorise ..." ("Ich, ...", "Yo, ...", "Je
soussigné ..."), and a name written right before its e-mail address ("Bongani Dlamini,
bongani.d@...", "Ana Ruiz <ana@...>"). Each form fixes where the name stands; the lexicon only keeps
places, common words and company-like words out."""

from __future__ import annotations

from collections.abc import Iterator

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.detectors import Detector, Finding
from shared.policy.name_fields import FIELD_KEY, NAME_LOWER, NAME_UPPER, is_name
from shared.policy.person_score import lexicon, token_kind

__all__ = ["FORM_DETECTORS"]

PERSON = "PERSON"
_UP, _LOW = NAME_UPPER, NAME_LOWER
_APOSTROPHE = "'\u2019"
_WORD = (
    rf"(?:(?:[{_UP}][{_APOSTROPHE}]|Mc|Mac)?[{_UP}][{_LOW}]+(?:[{_APOSTROPHE}\-][{_UP}]?[{_LOW}]+)*"
    rf"|[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?)"
)
_PARTICLE = (
    r"(?:von der|von|van der|van den|van|de la|de los|del|de|du|da|di|dos|das|le|la|y|bin|ben|al|el|ap)"
)
_RUN = rf"{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{0,3}}"
# "Ngata, Aroha" between quotes; a cell of its own when the quote opens a line or follows a separator
_QUOTED = re.compile(rf"([\"'])({_WORD}(?:[ \t-]{_WORD})?),[ \t]+({_WORD}(?:[ \t]{_WORD}){{0,2}})\1")
_CELL_BEFORE = frozenset("\n,;\t|")
_IN_LIST = re.compile(r"\b([A-Za-z_]{2,30})[\"`\]]?\s+(?i:in)\s*\(([^()]{1,600})\)")
_SQL_ITEM = re.compile(r"'((?:[^']|'')*)'")
_DECLARATION = re.compile(
    rf"(?:^|(?<=[\s\"(]))(?:I|Ich|Yo|Io|Eu|Moi),[ \t]+({_RUN}),"
    rf"|(?i:je soussign[ée]e?|ich,? der unterzeichnende?|yo,? el abajo firmante|el abajo firmante)[ \t]+"
    rf"(?:M\.|Mme|Monsieur|Madame|Herr|Frau|Don|Doña)?[ \t]*({_RUN})"
)
_BEFORE_EMAIL = re.compile(rf"({_RUN})[ \t]*(?:,[ \t]*|<|\([ \t]*)[\w.%+-]{{1,64}}$")
_KNOWN = frozenset("GSNgsn")


def _person_like(run: str, cell: bool = False) -> bool:
    """No token is only a common word or a place; one is a known name, or (in a cell) none is known."""
    lex = lexicon()
    tokens = run.replace(",", " ").split()
    classes = [token_kind(t) for t in tokens]
    if "C" in classes or run in lex.places or any(t in lex.places for t in tokens):
        return False
    return cell or any(c in _KNOWN for c in classes)


def _quoted(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for m in _QUOTED.finditer(text):
        before = text[: m.start()].rstrip(" \t")[-1:]
        cell = before in _CELL_BEFORE or not before
        if _person_like(f"{m.group(2)} {m.group(3)}", cell):
            yield Finding(PERSON, m.start(2), m.end(3), 0.75)


def _in_lists(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for m in _IN_LIST.finditer(text):
        if FIELD_KEY.match(m.group(1)) is None:
            continue
        for item in _SQL_ITEM.finditer(m.group(2)):
            if is_name(item.group(1)):
                yield Finding(PERSON, m.start(2) + item.start(1), m.start(2) + item.end(1), 0.8)


def _declarations(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for m in _DECLARATION.finditer(text):
        group = 1 if m.group(1) else 2
        run = m.group(group)
        if " " in run and _person_like(run, cell=True):
            yield Finding(PERSON, m.start(group), m.end(group), 0.8)


def _may_end_at(text: str, low: int, at: int) -> bool:
    """Whether `_BEFORE_EMAIL` can match in text[low:at]: its local part (1-64 of `[\\w.%+-]`, so the
    whole run of them before `at`) follows "<", or "," or "(" and spaces. A necessary condition
    read backwards from `at` in a few steps; the search it spares tries `_BEFORE_EMAIL` at each of
    the 120 positions before every "@" (~0.1 M instructions each; most addresses follow a space:
    "CC anna@example.org")."""
    if at > low and text[at - 1] == "\n":
        at -= 1  # the pattern ends in `$`, which also matches before a final newline ("anna\n@host")
    start = at
    while start > low and (text[start - 1].isalnum() or text[start - 1] in "_.%+-"):  # `\w`: isalnum or _
        start -= 1
    if start == low:
        return True  # the run reaches the window's start: left to the regex
    if start == at or at - start > 64:
        return False
    if text[start - 1] == "<":
        return True
    while start > low and text[start - 1] in " \t":
        start -= 1
    return start > low and text[start - 1] in ",("


def _before_emails(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    at = text.find("@")
    while at != -1:
        low = max(0, at - 120)
        m = _BEFORE_EMAIL.search(text, low, at) if _may_end_at(text, low, at) else None
        if m is not None and " " in m.group(1) and _person_like(m.group(1)):
            yield Finding(PERSON, m.start(1), m.end(1), 0.75)
        at = text.find("@", at + 1)


def _quoted_gate(text: str, lower: str) -> bool:
    return ", " in text and ('"' in text or "'" in text)


def _in_gate(text: str, lower: str) -> bool:
    return "'" in text and " in " in lower and "(" in text


def _declaration_gate(text: str, lower: str) -> bool:
    return "I, " in text or "Ich, " in text or "Yo, " in text or "soussign" in lower or "firmante" in lower


def _email_gate(text: str, lower: str) -> bool:
    return "@" in text


FORM_DETECTORS: tuple[Detector, ...] = (
    Detector(PERSON, 21, _quoted, (_quoted_gate,)),
    Detector(PERSON, 21, _in_lists, (_in_gate,)),
    Detector(PERSON, 21, _declarations, (_declaration_gate,)),
    Detector(PERSON, 20, _before_emails, (_email_gate,)),
)
