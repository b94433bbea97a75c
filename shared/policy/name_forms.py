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
from shared.policy.name_fields import NAME_LOWER, NAME_UPPER, PERSON_LABELS, is_name, person_key
from shared.policy.person_score import Lexicon, lexicon, token_kind

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
        if not person_key(m.group(1)):
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


# "Surname, Given" as registers, rosters, bibliographies and exports write it: "Okafor, Chidinma",
# "MCALLISTER, GRAINNE", "Van Rompuy, S.", "Whitfield, Marcus J.", "Oduya, P. K.". The surname may
# carry a particle or an apostrophe prefix; the given part is one or two name words and initials, or
# initials alone.
_SURNAME = (
    rf"(?:(?:[vV]an der|[vV]an|[vV]on|[dD]e la|[dD]e|[dD]el|[dD]a|[dD]i|Le|La|Ó|Mac)[ \t]+)?"
    rf"(?:[{_UP}][{_APOSTROPHE}])?(?:[{_UP}][{_LOW}]+|[{_UP}]{{2,}})(?:[-{_APOSTROPHE}](?:[{_UP}][{_LOW}]+|[{_UP}]{{2,}}))?"
    rf"(?:[ \t](?:[{_UP}][{_LOW}]+|[{_UP}]{{2,}}))?"
)
_DASHES = "\u2014\u2013"  # em and en dash
_INITIAL = rf"[{_UP}]\.(?:-[{_UP}]\.)?"
_GIVEN = (
    rf"{_INITIAL}(?:[ \t]?{_INITIAL}){{0,2}}"
    rf"|(?:[{_UP}][{_LOW}]+|[{_UP}]{{2,}})(?:-(?:[{_UP}][{_LOW}]+|[{_UP}]{{2,}}))?"
    rf"(?:[ \t](?:[{_UP}][{_LOW}]+|[{_UP}]{{2,}}))?(?:[ \t]{_INITIAL})?"
)
# what ends the item: a line or cell end, a list's ";", a bracket, a dash, a wide gap, a quote
_GIVEN_AT = re.compile(
    rf",[ \t]+({_GIVEN})"
    rf"(?=[ \t]*(?:$|[\n;)|\"\t{_DASHES}]|[ \t][-{_DASHES}][ \t]|[ \t]{{2}}|\(|,[ \t]*\d|\.[ \t]*$))",
    re.MULTILINE,
)
_SURNAME_AT_END = re.compile(rf"({_SURNAME})$")
# person nouns that open a list or a bracket of names, beside the form labels ("Customer (...)")
_PERSON_NOUNS = PERSON_LABELS | frozenset(
    [
        *("customer", "customers", "clients", "patients", "authors", "attendees", "guests", "members"),
        *("employees", "participants", "students", "tenants", "applicants", "candidates", "present"),
        *("apologies", "kunden", "kundin", "teilnehmer", "clientes", "pacientes", "participantes"),
    ]
)
# where an item starts: a line (after a time, a number or a bullet), a bracket, a cell, a label's colon
_ITEM_START = re.compile(rf"(?:^|[\n(;|\"\t]|:[ \t]|[ \t]{{2}}|[{_DASHES}][ \t])[ \t]*$")


def _surname_first(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    """Each "Surname, Given" item; kept when its shape says it (initials, a surname in capitals,
    a known given name after a known or unknown surname, a known surname), when it follows a person
    label ("Customer (Oyebanji, Folake)", "Patient: ..."), or when the text lists two or more."""
    items: list[tuple[int, int, bool]] = []
    index = text.find(", ")
    while index != -1:
        given = _GIVEN_AT.match(text, index)
        surname = _SURNAME_AT_END.search(text, max(0, index - 40), index) if given else None
        if given is not None and surname is not None:
            start = surname.start(1)
            head = text[max(0, start - 24) : start]
            if _ITEM_START.search(head) is not None:
                verdict = _verdict(surname.group(1), given.group(1), head)
                if verdict is not None:
                    items.append((start, given.end(1), verdict))
        index = text.find(", ", index + 2)
    listed = len(items) >= 2
    for start, end, strong in items:
        if strong or listed:
            yield Finding(PERSON, start, end, 0.75)


def _verdict(surname: str, given: str, head: str) -> bool | None:
    """None: no name (a common word, a place, an acronym, two full names listed); True: a name by its
    own shape; False: a name only in a list of them or after a person label."""
    lex = lexicon()
    parts, names = surname.split(), [w for w in given.replace(".", ". ").split() if not w.endswith(".")]
    if any(_worded(w, lex) for w in parts + names):
        return None
    if len(parts) > 1 and len(names) > 1 and not surname.isupper():
        return None  # "Marisa Quintero, Jakub Lewandowski": two full names, listed
    if given.isupper() and names and token_kind(names[0]) not in "GN":
        return None  # capitals on both sides ("CASA ALMENDRO, SEVILLA") only with a known given name
    last = parts[-1]
    kinds = [token_kind(w) for w in names]
    label = head.rstrip(" \t(:").rsplit(None, 1)[-1:]
    after_label = bool(label) and label[0].lower() in _PERSON_NOUNS
    known = token_kind(last) in "SN" or any(k in "GN" for k in kinds)
    capitals = last.isupper() and len(last) > 2
    return not names or capitals or known or after_label  # no names: initials alone ("Nakagawa, H.")


def _worded(word: str, lex: Lexicon) -> bool:
    """A common word of any of the seven languages or a place, not a name ("Tags", "Bisous",
    "Sevilla"); a known name that is also a word ("Grace", "Will") is weighed by its class."""
    kind = token_kind(word)
    if word in lex.places or word.title() in lex.places:
        return True
    if kind in "CIs" and not (word.isupper() and len(word) > 3 and word.lower() not in lex.foreign):
        return kind != "I"
    return kind == "U" and word.lower() in lex.foreign


# a dash sign-off that ends the text: "... if he's not there. — Perpetua", "— HR, Janelle"
_DASH_SIGNOFF = re.compile(
    rf"(?:^|(?<=[.!?\n)\"\u201d])[ \t]*)[{_DASHES}][ \t]*(?:[{_UP}]{{2,5}},[ \t]*)?"
    rf"([{_UP}][{_LOW}]+(?:[-{_APOSTROPHE}][{_UP}][{_LOW}]+)?(?:[ \t][{_UP}][{_LOW}]+){{0,2}})"
    rf"[ \t.!\"\u201d]*\Z"
)


def _dash_signoffs(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    """The name a dash signs off with at the text's end, when no word of it is a common word."""
    last = max(text.rfind("\u2014"), text.rfind("\u2013"))
    if last == -1 or len(text) - last > 60:
        return
    m = _DASH_SIGNOFF.search(text, max(0, last - 4))
    if m is None:
        return
    parts = m.group(1).split()
    if all(token_kind(w) not in "Cs" for w in parts) and not any(
        w in lexicon().places for w in [m.group(1), *parts]
    ):
        yield Finding(PERSON, m.start(1), m.end(1), 0.75)


# An airline's passenger name (IATA PNR form): SURNAME/GIVEN NAMES in capitals, a title after it or not
# ("ZHANG/WEI MR", "NKEMDIRIM/CHIOMA and NKEMDIRIM/OBINNA MR", "NAME: HADDAD/OMAR MR"). Found at each
# "/" (str.find) and read on both sides; pairs of codes ("TCP/IP", "LHR/JFK", "YES/NO") are no name.
_PNR_AT = re.compile(
    r"(?<![\w/])([A-Z][A-Z'\-]{1,30})/"
    r"([A-Z][A-Z'\-]{1,30}(?: (?!(?:MRS?|MS|MISS|MSTR|DR|MX)\b)[A-Z][A-Z'\-]{1,30})?)"
    r"(?: (MRS?|MS|MISS|MSTR|DR|MX))?(?![\w/])"
)
_PNR_BACK = 32  # a surname's longest reach before the "/"


def _pnr_names(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    """Passenger names: kept with a title after one of them in the text, or with a known given name;
    no part may be a common word or a place (the parts are read title-cased: "WEI" as "Wei")."""
    items: list[tuple[re.Match[str], bool, bool]] = []
    index, last_end = text.find("/"), -1
    while index != -1:
        start = index
        floor = max(0, index - _PNR_BACK)
        while start > floor and (text[start - 1].isupper() or text[start - 1] in "'-"):
            start -= 1
        m = _PNR_AT.match(text, start) if start < index and start >= last_end else None
        if m is not None and m.end(1) == index:
            parts = [m.group(1), *m.group(2).split()]
            kinds = [token_kind(part.title()) for part in parts]
            if "C" not in kinds and not all(len(part) <= 3 for part in parts):
                place = all(part.title() in lexicon().places for part in parts)  # "OSLO/BERGEN"
                items.append((m, not place and kinds[1] in "GN", place))
                last_end = m.end()
        index = text.find("/", index + 1)
    titled = any(m.group(3) for m, _, _ in items)
    for m, known, place in items:
        if m.group(3) or (titled and not place) or known:  # its own title outweighs a place's name
            yield Finding(PERSON, m.start(1), m.end(2), 0.8)


def _pnr_gate(text: str, lower: str) -> bool:
    return "/" in text


def _dash_gate(text: str, lower: str) -> bool:
    return "\u2014" in text or "\u2013" in text


def _quoted_gate(text: str, lower: str) -> bool:
    return ", " in text and ('"' in text or "'" in text)


def _in_gate(text: str, lower: str) -> bool:
    return "'" in text and " in " in lower and "(" in text


def _declaration_gate(text: str, lower: str) -> bool:
    return "I, " in text or "Ich, " in text or "Yo, " in text or "soussign" in lower or "firmante" in lower


def _email_gate(text: str, lower: str) -> bool:
    return "@" in text


def _surname_gate(text: str, lower: str) -> bool:
    return ", " in text


FORM_DETECTORS: tuple[Detector, ...] = (
    Detector(PERSON, 21, _surname_first, (_surname_gate,)),
    Detector(PERSON, 21, _dash_signoffs, (_dash_gate,)),
    Detector(PERSON, 21, _pnr_names, (_pnr_gate,)),
    Detector(PERSON, 21, _quoted, (_quoted_gate,)),
    Detector(PERSON, 21, _in_lists, (_in_gate,)),
    Detector(PERSON, 21, _declarations, (_declaration_gate,)),
    Detector(PERSON, 20, _before_emails, (_email_gate,)),
)
