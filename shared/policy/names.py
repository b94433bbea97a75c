"""Person names and street addresses without a model: cue words, a given-name list, street patterns.

Names are found (a) after a title or an introduction cue ("Mr.", "Frau", "Mme", "Sra.", "my name is",
"je m'appelle", "me llamo", "Name:", a letter's greeting or sign-off) or (b) as a known given name
followed by a capitalized surname. Addresses are street lines in English, German, French and Spanish
formats, with an optional postal code and city. See docs/decisions/2026-11-25-pii-detection.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import repeat

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.addresses import ADDRESS, ADDRESS_DETECTORS
from shared.policy.detectors import Detector, Finding
from shared.policy.name_fields import NAME_LOWER, NAME_UPPER
from shared.policy.person_score import CUES, candidate_tokens, inner_capital, person_runs

__all__ = ["ADDRESS", "GIVEN_NAMES", "NAME_DETECTORS", "PERSON", "TITLES"]

_UP, _LOW = NAME_UPPER, NAME_LOWER
_WORD = rf"(?:[{_UP}]['’](?=[{_UP}]))?[{_UP}][{_LOW}]+(?:['’\-][{_UP}]?[{_LOW}]+){{0,2}}"  # O'Sullivan-Tate
_PARTICLE = (
    r"(?:[vV]on der|[vV]on|[vV]an der|[vV]an den|[vV]an|de la|de los|de las|del|de|du|des|da|das|dos|di|"
    r"le|la|"
    r"zu|y|bin|ben|al|el|Ó|Ní|Nic|Uí)"
)
# a particle may open the name after a title or label: "Mrs. Van der Merwe", "Nom : de la Fontaine"
_LEADING = (
    r"(?:[vV]an der|[vV]an den|[vV]on der|[vV]an|[vV]on|[dD]e la|[dD]e los|[dD]el|[dD]e|[dD]i|[dD]a|"
    r"Ter|ter|ten)"
)
_NAME = rf"(?:{_LEADING}[ \t]+)?{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_WORD}){{0,3}}"  # one line

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

_TITLES = frozenset(
    """
    Mr Mr. Mrs Mrs. Ms Ms. Mx Mx. Miss Dr. Dr Prof. Prof Herr Herrn Frau Hr. Fr. M. Mme Mme. Mlle Mlle.
    Monsieur Madame Mademoiselle Sr. Sra. Srta. Señor Señora Señorita Don Doña Dña. Dra. Sir Dame Lady
    Lord Mister Rev. Maître Ing. Lic. Mag. Dipl.-Ing.
    """.split()
)
TITLES = _TITLES  # a title before a surname alone ("Frau Weber"): `name_spans` reads it
# Cues on the lowercased text: a strong cue takes a one-word name (weaker cues are the scorer's context).
_STRONG_CUES = (
    "my name is", "name is", "i am called", "call me", "mein name ist", "ich heiße", "ich heisse",
    "je m'appelle", "je m’appelle", "mon nom est", "me llamo", "mi nombre es", "name:", "nom :", "nom:",
    "nombre:", "nachname:", "vorname:", "prénom:", "prénom :", "apellido:", "apellidos:", "customer:",
    "kunde:", "client:", "client :", "cliente:", "patient:", "paciente:", "employee:", "mitarbeiter:",
    "contact:", "kontakt:", "ansprechpartner:", "signed:", "signed", "unterschrieben von",
)  # fmt: skip
# Titles in capitals before a name in capitals (not DR, MS, SR: disaster recovery, Microsoft, senior)
_UPPER_TITLES = frozenset("MR MR. MRS MRS. MISS MSTR HERR FRAU MME MME. MLLE SRA SRA. SEÑORA".split())
_UPPER_WORD = r"[A-ZÀ-ÖØ-Þ]{2,}(?:[-'’][A-ZÀ-ÖØ-Þ]{2,})?"
_UPPER_NAME_AT = re.compile(rf"[ \t]*({_UPPER_WORD}(?:[ \t]{_UPPER_WORD}){{0,2}})(?![\w'’-])")
_NAME_AT = re.compile(rf"\s*(?:(?:Dr|Prof)\.\s+)?({_NAME})")
_CAPITALIZED = re.compile(_WORD)
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
_STRONG_HEAD_SET = frozenset(head for _, head in _STRONG_HEADS)
# The cue words as they are written (lower case, capitalized, capitals): the text's words are matched
# against these at C speed instead of lowering every word of every text.
_HEAD_FORMS = frozenset(f for w in _STRONG_HEAD_SET | CUES for f in (w, w.capitalize(), w.upper(), w.title()))


def _person(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    stripped = set(map(str.strip, words, repeat(_PUNCT)))  # C-speed, no Python loop
    tokens = candidate_tokens(stripped)
    if "'s" in text or "’s" in text:  # possessives: "Anna's"
        tokens |= candidate_tokens(_possessives(text))
    if not tokens and not inner_capital(text) and not (words & _TITLES or words & _UPPER_TITLES):
        return  # fast path: no known name, no title, no capital a cue or colon could lead to
    heads = set(map(str.lower, stripped & _HEAD_FORMS))  # the cue words present, lower case
    found = list(_cued(text, lower, words, heads))
    yield from found
    yield from person_runs(text, lower, tokens, heads, found)


def _possessives(text: str) -> set[str]:
    """The words that "'s" (or its typographic form) ends ("Anna's" -> "Anna"), found with str.find
    (a regex with a leading `\\w+` retries at every position)."""
    out = set()
    for mark in ("'s", "’s"):
        index = text.find(mark)
        while index != -1:
            end = index + 2
            if end == len(text) or not text[end].isalnum():
                start = max(text.rfind(" ", 0, index), text.rfind("\n", 0, index), text.rfind("\t", 0, index))
                word = text[start + 1 : index].strip(_PUNCT)
                if word:
                    out.add(word)
            index = text.find(mark, end)
    return out


def _cued(text: str, lower: str, words: set[str], heads: set[str]) -> Iterator[Finding]:
    for title in words & _TITLES:
        for index in _occurrences(text, title + " "):
            name = _NAME_AT.match(text, index + len(title))
            if name is not None:
                yield Finding(PERSON, name.start(1), _trim(text, name.start(1), name.end(1)), 0.85)
    for title in words & _UPPER_TITLES:  # tickets, manifests: "MR ADEBAYO OLUMIDE"
        for index in _occurrences(text, title + " "):
            name = _UPPER_NAME_AT.match(text, index + len(title))
            if name is not None:
                yield Finding(PERSON, name.start(1), name.end(1), 0.85)
    # a cue is searched only when its first word occurs as a word: a set lookup instead of a scan
    strong = heads & _STRONG_HEAD_SET  # usually a handful, often none
    for cue in (cue for cue, head in _STRONG_HEADS if head in strong) if strong else ():
        for index in _occurrences(lower, cue):
            name = _NAME_AT.match(text, index + len(cue))
            if name is not None:
                yield Finding(PERSON, name.start(1), _trim(text, name.start(1), name.end(1)), 0.85)


def _trim(text: str, start: int, end: int) -> int:
    """Drop trailing words that are street or calendar words rather than part of the name."""
    words = list(_CAPITALIZED.finditer(text, start, end))
    while len(words) > 1 and words[-1].group() in _NOT_SURNAME:
        words.pop()
    return words[-1].end() if words else end


PERSON = "PERSON"
NAME_DETECTORS: tuple[Detector, ...] = (*ADDRESS_DETECTORS, Detector(PERSON, 20, _person))
