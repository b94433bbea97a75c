"""Person names and street addresses without a model: cue words, a given-name list, street patterns.

Names are found (a) after a title or an introduction cue ("Mr.", "Frau", "Mme", "Sra.", "my name is",
"je m'appelle", "me llamo", "Name:", a letter's greeting or sign-off) or (b) as a known given name
followed by a capitalized surname. Addresses are street lines in English, German, French and Spanish
formats, with an optional postal code and city. See docs/decisions/2026-11-25-pii-detection.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import repeat
from pathlib import Path

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.detectors import Detector, Finding, has_digit

__all__ = ["ADDRESS", "GIVEN_NAMES", "NAME_DETECTORS", "PERSON"]

_UP = "A-ZÀ-ÖØ-ÞĀ-ž"  # Latin-1 and Latin Extended-A (its cases alternate, so both are allowed)
_LOW = "a-zà-öø-ÿßĀ-ž"
_WORD = rf"[{_UP}][{_LOW}]+(?:['’\-][{_UP}]?[{_LOW}]+)?"
_PARTICLE = (
    r"(?:[vV]on der|[vV]on|[vV]an der|[vV]an den|[vV]an|de la|de los|de las|del|de|du|des|da|das|dos|di|"
    r"le|la|"
    r"zu|y|bin|ben|al|el|Ó|Ní|Nic|Uí)"
)
_NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{0,3}}"

GIVEN_NAMES = frozenset(
    """
    James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew
    Anthony Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason
    Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel
    Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan
    Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian Roger Noah Gerald Carl
    Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy Bruce Albert Gabriel Logan
    Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret
    Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca
    Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha
    Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia
    Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah
    Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Julia
    Judy Sophia Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie Brittany
    Charlotte Marie Kayla Alexis Lori Oliver Harry Leo Oscar Charlie Freddie Alfie Archie Lily Ava Mia
    Lukas Leon Finn Jonas Paul Elias Felix Maximilian Luis Ben Noah Henry Emil Moritz Julian Niklas
    Tobias Jan Tim Florian Sebastian Stefan Andreas Markus Thorsten Jürgen Klaus Wolfgang Dieter Uwe
    Hans Helmut Günter Manfred Horst Rainer Bernd Frank Matthias Sven Dirk Holger Jörg Kai Lars Torsten
    Sophie Marie Hannah Mia Lena Lea Leonie Laura Lara Johanna Clara Katharina Anja Sabine Petra
    Monika Ursula Renate Claudia Susanne Birgit Andrea Heike Gabriele Karin Silke Nicole Stefanie
    Kerstin Ute Anke Tanja Jana Franziska Greta Ida Frieda Emilia Mathilda Ingrid Brigitte Gisela
    Jean Pierre Michel Philippe Alain Nicolas Christophe Patrick Daniel Laurent Frédéric Éric Olivier
    François Thierry Stéphane Sébastien Julien David Pascal Guillaume Jérôme Vincent Antoine Maxime
    Hugo Lucas Louis Gabriel Arthur Jules Raphaël Théo Nathan Mathis Clément Baptiste Romain Quentin
    Marie Nathalie Isabelle Sylvie Catherine Françoise Christine Monique Valérie Sandrine Céline
    Stéphanie Sophie Émilie Aurélie Camille Chloé Manon Léa Inès Jade Louise Alice Juliette Margaux
    Élodie Amélie Mathilde Océane Pauline Claire Hélène Brigitte Josiane Martine Dominique Anaïs
    José Antonio Manuel Francisco Juan Javier Jesús Carlos Miguel Alejandro Rafael Pedro Ángel Pablo
    Sergio Fernando Jorge Luis Alberto Álvaro Diego Adrián Raúl Enrique Ramón Vicente Andrés Joaquín
    Santiago Mateo Martín Hugo Lucía Carmen Josefa Isabel Dolores Pilar Teresa Ana Cristina Marta
    Francisca Antonia Mercedes Rosa Concepción Manuela Elena Raquel Paula Laura Rocío Beatriz Silvia
    Patricia Nuria Sofía Valeria Martina Daniela Alba Julia Irene Noelia Alicia Inmaculada Montserrat
    Ahmed Mohamed Ali Fatima Aisha Omar Yusuf Mehmet Ayşe Priya Raj Arjun Wei Li Chen Hiroshi Yuki
    """.split()
)

_GIVEN_NAMES_FILE = Path(__file__).resolve().parent / "given_names.txt"


@cache
def _given_names() -> frozenset[str]:
    """`GIVEN_NAMES` plus ~9,600 given names of ~40 locales (`given_names.txt`, made by
    `dev/names/make_given_names.py`, common words removed); read on the first scan, not at import."""
    return GIVEN_NAMES | frozenset(_GIVEN_NAMES_FILE.read_text(encoding="utf-8").split())


_TITLES = frozenset(
    """
    Mr Mr. Mrs Mrs. Ms Ms. Mx Mx. Miss Dr. Dr Prof. Prof Herr Herrn Frau Hr. Fr. M. Mme Mme. Mlle Mlle.
    Monsieur Madame Mademoiselle Sr. Sra. Srta. Señor Señora Señorita Don Doña Dña. Dra. Sir Dame Lady
    Lord Mister Rev. Maître Ing. Lic. Mag. Dipl.-Ing.
    """.split()
)
# Cues on the lowercased text; a strong cue takes a one-word name, a weak one needs two words.
_STRONG_CUES = (
    "my name is", "name is", "i am called", "call me", "mein name ist", "ich heiße", "ich heisse",
    "je m'appelle", "je m’appelle", "mon nom est", "me llamo", "mi nombre es", "name:", "nom :", "nom:",
    "nombre:", "nachname:", "vorname:", "prénom:", "prénom :", "apellido:", "apellidos:", "customer:",
    "kunde:", "client:", "client :", "cliente:", "patient:", "paciente:", "employee:", "mitarbeiter:",
    "contact:", "kontakt:", "ansprechpartner:", "signed:", "signed", "unterschrieben von",
)  # fmt: skip
_WEAK_CUES = (
    "i am", "i'm", "this is", "it's", "here is", "ich bin", "hier ist", "je suis", "c'est", "ici", "soy",
    "aquí", "dear", "hi", "hello", "liebe", "lieber",
    "hallo", "bonjour", "cher", "chère", "hola", "estimado", "estimada", "querido", "querida",
    "regards,", "sincerely,", "best,", "thanks,", "cheers,", "grüße,", "grüßen,", "cordialement,",
    "saludos,", "atentamente,", "patient", "customer", "client", "cliente", "kunde", "kundin",
    "employee", "colleague", "kollege", "kollegin", "collègue", "compañero", "compañera", "de parte de",
    "ask", "tell", "remind", "invite", "thank", "meet", "email", "cc", "frag", "frage", "fragen sie",
    "demande à", "demandez à", "pregunta a", "pregúntale a", "informe a", "avisa a", "sagen sie",
)  # fmt: skip
_NAME_AT = re.compile(rf"\s*(?:(?:Dr|Prof)\.\s+)?({_NAME})")
_TWO_WORDS_AT = re.compile(rf"\s+({_WORD}\s+(?:{_PARTICLE}\s+)?{_WORD})")
_CAPITALIZED = re.compile(_WORD)
_SURNAME_AFTER = re.compile(rf"\s+((?:{_PARTICLE}\s+)?{_WORD}(?:-{_WORD})?)")
_NOT_SURNAME = frozenset(
    """
    Street Avenue Road Lane Drive Boulevard Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December Team
    Inc Ltd GmbH AG SA SAS SL Corp University Hospital Bank Group Airlines Express The And Und Et
    Straße Strasse Platz Weg Allee Calle Avenida Plaza Rue Paris Berlin Madrid London
    """.split()
)


def _occurrences(haystack: str, needle: str) -> Iterator[int]:
    """Start offsets of `needle` at a word start (C-speed str.find, no regex pass)."""
    index = haystack.find(needle)
    while index != -1:
        if index == 0 or not haystack[index - 1].isalnum():
            yield index
        index = haystack.find(needle, index + 1)


_PUNCT = ".,:;!?()[]{}\"'«»¿¡"
_STRONG_HEADS = tuple((cue, cue.split()[0].strip(_PUNCT)) for cue in _STRONG_CUES)
_WEAK_HEADS = tuple((cue, cue.split()[0].strip(_PUNCT)) for cue in _WEAK_CUES)
_STRONG_HEAD_SET = frozenset(head for _, head in _STRONG_HEADS)
_WEAK_HEAD_SET = frozenset(head for _, head in _WEAK_HEADS)


def _person(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    found = list(_cued(text, lower, words))
    yield from found
    if found and any(sep in text for sep in _AND_LITERALS):
        yield from _coordinated(text, found)


# "Anna Schmidt and Desmond Okafor", "an Annegret Pfisterer und Kilian Roßbach": a two-word name joined
# to a name found by its cue is a name too (people are listed with people)
_AND = r"(?:,|\s+(?:and|und|et|y|e|&|or|oder|ou|o))\s+"
_AND_LITERALS = (",", " and ", " und ", " et ", " y ", " e ", " & ", " or ", " oder ", " ou ", " o ")
_AND_AFTER = re.compile(rf"{_AND}({_WORD}\s+(?:{_PARTICLE}\s+)?{_WORD})(?![\w-])")
_AND_BEFORE = re.compile(rf"(?<![\w-])({_WORD}\s+(?:{_PARTICLE}\s+)?{_WORD}){_AND}$")


def _coordinated(text: str, found: list[Finding]) -> Iterator[Finding]:
    for f in found:
        after = _AND_AFTER.match(text, f.end)
        before = _AND_BEFORE.search(text, max(0, f.start - 60), f.start)
        for m in (after, before):
            if m is not None and _NOT_SURNAME.isdisjoint(m.group(1).split()):
                yield Finding(PERSON, m.start(1), m.end(1), 0.55)


def _cued(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for title in words & _TITLES:
        for index in _occurrences(text, title + " "):
            name = _NAME_AT.match(text, index + len(title))
            if name is not None:
                yield Finding(PERSON, name.start(1), _trim(text, name.start(1), name.end(1)), 0.85)
    # a cue is searched only when its first word occurs as a word: a set lookup instead of a scan
    heads = set(map(str.strip, lower.split(), repeat(_PUNCT)))  # C-speed, no Python loop
    strong, weak = heads & _STRONG_HEAD_SET, heads & _WEAK_HEAD_SET  # usually a handful, often none
    for cue in (cue for cue, head in _STRONG_HEADS if head in strong) if strong else ():
        for index in _occurrences(lower, cue):
            name = _NAME_AT.match(text, index + len(cue))
            if name is not None:
                yield Finding(PERSON, name.start(1), _trim(text, name.start(1), name.end(1)), 0.85)
    for cue in (cue for cue, head in _WEAK_HEADS if head in weak) if weak else ():
        for index in _occurrences(lower, cue):
            name = _TWO_WORDS_AT.match(text, index + len(cue))
            if name is not None and name.group(1).rsplit(None, 1)[-1] not in _NOT_SURNAME:
                yield Finding(PERSON, name.start(1), _trim(text, name.start(1), name.end(1)), 0.6)
    given_names = _given_names()
    for given in words & given_names:
        for index in _occurrences(text, given + " "):
            after = _SURNAME_AFTER.match(text, index + len(given))
            if after is None:
                continue
            last = after.group(1).rsplit(None, 1)[-1]
            if last not in _NOT_SURNAME:
                yield Finding(PERSON, index, after.end(), 0.55 if last in given_names else 0.7)


def _trim(text: str, start: int, end: int) -> int:
    """Drop trailing words that are street or calendar words rather than part of the name."""
    words = list(_CAPITALIZED.finditer(text, start, end))
    while len(words) > 1 and words[-1].group() in _NOT_SURNAME:
        words.pop()
    return words[-1].end() if words else end


_EN_STREET = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|"
    r"Parkway|Pkwy|Circle|Cir|Square|Sq|Highway|Hwy|Close|Crescent|Row|Gardens|Hill)"
)
_EN_STREET_WORDS = frozenset(w + p for w in _EN_STREET.strip("(?:)").split("|") for p in ("", ".", ",", ".,"))
# (prefilter: words that must occur, or a regex over the lowercased text; the pattern)
_ADDRESSES: tuple[tuple[frozenset[str] | re.Pattern[str], re.Pattern[str]], ...] = (
    (  # English: 221B Baker Street[, Apt 4][, City[, ST] 12345 | UK postcode]
        _EN_STREET_WORDS,
        re.compile(
            rf"\b\d{{1,5}}[A-Za-z]?\s+(?:{_WORD}\.?\s+){{1,3}}{_EN_STREET}\b\.?"
            r"(?:,?\s+(?:Apt|Apartment|Suite|Ste|Unit|Flat|#)\.?\s*[\w-]+)?"
            rf"(?:,\s*{_WORD}(?:\s{_WORD})?(?:,\s*[A-Z]{{2}})?(?:\s+\d{{5}}(?:-\d{{4}})?|"
            r"\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})?)?"
        ),
    ),
    (  # German: Hauptstraße 5a | Berliner Straße 12[, 10115 Berlin]
        re.compile(r"(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee)\s+\d"),
        re.compile(
            rf"\b(?:{_WORD}(?:-{_WORD})*(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|"
            rf"chaussee)|{_WORD}(?:er)?\s+(?:Straße|Strasse|Str\.|Weg|Platz|Allee|Gasse|Ring|Damm|Ufer))"
            rf"\s+\d{{1,4}}\s?[a-z]?\b(?:,\s*(?:D-)?\d{{5}}\s+{_WORD})?"
        ),
    ),
    (  # French: 12 bis, rue de la Paix[, 75002 Paris]
        re.compile(
            r"\d,?\s+(?:bis,?\s+|ter,?\s+)?(?:rue|avenue|av\.|boulevard|bd|place|allée|chemin|impasse|"
            r"quai|cours|route|square)\s"
        ),
        re.compile(
            r"\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?i:rue|avenue|av\.|boulevard|bd|place|allée|chemin|"
            r"impasse|quai|cours|route|square)\s+(?:(?:de la|de l['’]|du|des|de|d['’]|la|le|les)\s*)?"
            rf"{_WORD}(?:\s+(?:de\s+|du\s+|des\s+)?{_WORD}){{0,3}}"
            rf"(?:,\s*\d{{5}}\s+{_WORD}(?:[\s-]{_WORD})*)?"
        ),
    ),
    (  # Spanish: Calle de Alcalá 45, 3º B[, 28014 Madrid]
        frozenset("Calle C/ Avenida Avda Avda. Av. Plaza Pza. Paseo Pº Camino Carrer Ronda Travesía".split()),
        re.compile(
            r"\b(?:Calle|C/|Avenida|Avda\.?|Av\.|Plaza|Pza\.|Paseo|Pº|Camino|Carrer|Ronda|Travesía)"
            rf"\s+(?:(?:de la|de los|de las|del|de)\s+)?{_WORD}(?:\s+(?:de\s+|del\s+)?{_WORD}){{0,3}}"
            r",?\s+(?:n[º°o]\.?\s*)?\d{1,4}(?:,\s*\d{1,2}[ºª°](?:\s?[A-Z]\b)?)?"
            rf"(?:,\s*\d{{5}}\s+{_WORD}(?:\s{_WORD})?)?"
        ),
    ),
)


# A unit before the street line ("Flat 3, 12 Baker Street", "Apt 4B - 55 Main St", "Wohnung 5,
# Hauptstraße 3", "Appt 12, 5 rue ...", "Piso 3º B, Calle ...", "c/o Anna, ...") belongs to the address.
_UNIT_BEFORE = re.compile(
    r"(?:\b(?:flat|apt|apartment|unit|suite|ste|room|rm|floor|fl|bldg|building|block|blk|po box|p\.o\. box|"
    r"wohnung|whg|app|appartement|appt|bât|bat|bâtiment|batiment|escalier|esc|étage|etage|porte|piso|puerta|"
    r"planta|portal|bloque|escalera|dpto|departamento|hinterhaus|vorderhaus|seitenflügel|etage)\.?\s*"
    r"[\w/º°ª-]{1,6}(?:\s*[a-z]\b)?|\b\d{1,4}[a-z]?\s*(?:/|-)|\bc/o\s+[\w .'-]{2,40})[,;]?\s*$",
)
_UNIT_AFTER = re.compile(
    r"(?:,|\s)\s*(?:apt|apartment|unit|suite|ste|flat|#|wohnung|whg|app|appt|bât|piso|puerta|dpto)\.?\s*"
    r"[\w/º°ª-]{1,6}\b"
)


def _address(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    for prefilter, pattern in _ADDRESSES:
        hit = not words.isdisjoint(prefilter) if isinstance(prefilter, frozenset) else prefilter.search(lower)
        if hit:
            for m in pattern.finditer(text):
                start, end = m.start(), m.end()
                unit = _UNIT_BEFORE.search(lower, max(0, start - 48), start)
                if unit is not None:
                    start = unit.start()
                after = _UNIT_AFTER.match(lower, end)
                if after is not None:
                    end = after.end()
                yield Finding(ADDRESS, start, end, 0.8)


PERSON = "PERSON"
ADDRESS = "ADDRESS"
NAME_DETECTORS: tuple[Detector, ...] = (
    Detector(ADDRESS, 30, _address, (has_digit,)),  # every street pattern holds a house number
    Detector(PERSON, 20, _person),
)
