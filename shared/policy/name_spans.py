"""A found person name, completed and found again: whichever detector found it (a cue, a label, a
speaker line, a field), its edges are read once more and its other mentions in the same text are
masked too.

- **Edges**: initials before it ("J. M. Arrieta Solís", "H.-J. Brockmann", "M.ª Á. Cuesta"), a particle
  or an Irish/Italian apostrophe prefix before it ("de Vries, Maarten", "Ó Súilleabháin", the "O'" of
  "O'SULLIVAN"), a known given name right before it ("María del | Carmen Ruiz Ortega"); after it a
  hyphenated second surname ("Chevalier | -N'Guessan"), a particle and its word ("Tariq | al-Hashimi"),
  a generational suffix ("III", "Jr."), a quoted nickname and the surname after it ("Theodore "Teddy"
  Lindqvist-Amadi"), and, for a name in capitals, the words in capitals that go on with it ("MARKUS |
  FELDHAUS", "CHIDI | A NWANKWO-EZE"). Two person findings that only blanks separate are one name.
- **Other mentions**: the name's exact text elsewhere, and each word of a name of two words or more
  that is a name word (not a common word, an initial or a place) where it stands alone: not inside
  another capitalized run ("Dr. Anna Weber ... Weber said" yes, "the Weber Grill" no).

Why here, not in each detector: the detectors that find names by position (labels, speaker lines,
fields, forms) each stop where their own pattern stops, and only the cue scorer looked for a name's
other mentions (`person_score._repeated`); the sets label the whole name and every mention.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.detectors import Finding

__all__ = ["complete_persons"]

PERSON = "PERSON"
_UP = "A-ZÀ-ÖØ-ÞĀ-ž"
_LOW = "a-zà-öø-ÿßĀ-ž"
_APOS = "'\u2019"  # an apostrophe, straight or typographic
_QUOTES = "\"'\u201c\u201d\u2018\u2019"
_NAME_WORD = rf"[{_UP}](?:[{_APOS}][{_UP}])?[{_LOW}]+(?:[{_APOS}\-][{_UP}]?[{_LOW}]+)*"
_CAPS_WORD = rf"[{_UP}]{{2,}}(?:[{_APOS}\-][{_UP}]{{2,}})*"
# before a name: initials ("J. M. ", "H.-J. ", "M.ª Á. "), one to three, right before it
_INITIALS_BEFORE = re.compile(rf"(?<![\w.])(?:[{_UP}]\.(?:ª|-[{_UP}]\.)?[ \t]+){{1,3}}$")
# particles before a surname ("de Vries", "van der Berg", "Ó Briain"), in the order the pattern tries them
# (the longer first); the lower-case ones may start with a capital
_PARTICLES = (
    "de la",
    "de los",
    "van der",
    "van den",
    "von der",
    "de",
    "del",
    "van",
    "von",
    "da",
    "di",
    "dos",
)
_PARTICLES_CASED = ("Ó", "Ní", "Nic", "Mac")
_PARTICLE_BEFORE = re.compile(
    rf"(?<![\w{_APOS}])(?:"
    + "|".join([f"[{p[0]}{p[0].upper()}]{p[1:]}" for p in _PARTICLES] + list(_PARTICLES_CASED))
    + r")[ \t]+$"
)
# the last word of each: a head can end in a particle only if its last letters before the blanks are one
# of these (`_ends_in_particle`, the cheap test before the pattern's search)
_PARTICLE_WORDS = frozenset(
    w for p in (*_PARTICLES, *_PARTICLES_CASED) for w in (p.split()[-1], p.split()[-1].capitalize())
)
_APOSTROPHE_BEFORE = re.compile(rf"(?<![\w{_APOS}])[{_UP}][{_APOS}]$")  # "O'", "D'" of "O'SULLIVAN"
_GIVEN_BEFORE = re.compile(
    rf"(?<![\w.{_APOS}-])({_NAME_WORD})[ \t]+(?:(?:del|de la|de|da|dos|van|von)[ \t]+)?$"
)
_HYPHEN_AFTER = re.compile(rf"-(?:[{_UP}][{_APOS}])?[{_UP}][{_LOW}]+(?![\w])")
_INITIALS_AFTER = re.compile(rf",?[ \t]+[{_UP}]\.(?:[ \t]?[{_UP}]\.){{0,2}}(?![\w-])")
# "III", "Jr."; not the "Sr." (señor) before the next name: "Vidal, Sr. Álvaro de la Cruz"
_SUFFIX_AFTER = re.compile(rf",?[ \t]+(?:Jr\.?|Sr\.?|II|III|IV)(?![\w.])(?![ \t]*[{_UP}])")
_PARTICLE_AFTER = re.compile(
    rf"[ \t]+(?:al|el|bin|ibn|ben|de|da|di|du|dos|van|von|ap|ab|d)[\-{_APOS} ]{_NAME_WORD}(?![\w])"
)
_NICKNAME_AFTER = re.compile(rf"[ \t]+([{_QUOTES}(])({_NAME_WORD})[{_QUOTES})][ \t]+({_NAME_WORD})(?![\w])")
_CAPS_AFTER = re.compile(rf"(?:[ \t]+(?:[{_UP}]\.?[ \t]+)?{_CAPS_WORD}){{1,2}}(?![\w])")
_STANDS_ALONE_BEFORE = re.compile(rf"[{_UP}][\w{_APOS}-]*[ \t]+$")  # a capitalized word right before


def complete_persons(text: str, found: list[Finding]) -> list[Finding]:
    """`found` plus each PERSON finding grown to its name's edges, adjacent ones joined, and the
    name's other mentions. Only added: the engine's overlap resolution keeps the longest, and falls
    back to the finding as found where the grown one overlaps a finding that wins (an address after
    the name). Returns `found` itself when it holds no PERSON finding."""
    persons = [f for f in found if f.type == PERSON]
    if not persons:
        return found
    titles = [f for f in persons if _lone_title(text[f.start : f.end])]
    if titles:  # "Witness: Mr. Pieter Claes": a label's value stopped at the title's full stop
        drop = {id(f) for f in titles}  # by identity: `not in` a list compares field by field (n x m)
        found = [f for f in found if id(f) not in drop]
        persons = [f for f in persons if id(f) not in drop]
        if not persons:
            return found
    grown = [g for f in persons if (g := _grow(text, f)) is not f]
    joined = _join(persons + grown, text)
    out = found + grown + joined
    out.extend(_mentions(text, persons + grown + joined, out))
    return out


def _lone_title(value: str) -> bool:
    """Whether a person finding is a title alone ("Mr", "Sr", "DR", "Mrs."): a detector that stops at the
    title's full stop ("Witness: Mr. Pieter Claes", "Cliente: Sr. José ...") finds it apart from the name
    after it, and its other mentions would be every "Mr" of the text. A title is no name, unless the
    lexicon also knows it as one ("Don", "Lady", "Lord")."""
    if len(value) > 12:
        return False
    from shared.policy.names import TITLES
    from shared.policy.person_score import token_kind

    word = value.rstrip(".")
    if not any(form in TITLES for form in (word, word + ".", word.title(), word.title() + ".")):
        return False
    return token_kind(word) not in "GSNgsn"


def _ends_in_particle(head: str) -> bool:
    """Whether the letters that end `head` before its blanks are a particle's last word: true wherever
    `_PARTICLE_BEFORE` finds one (its particle stands right before the blanks, with no letter before
    it), so the pattern is searched only there."""
    stripped = head.rstrip(" \t")
    at = len(stripped)
    while at and stripped[at - 1].isalpha():
        at -= 1
    return stripped[at:] in _PARTICLE_WORDS


def _grow(text: str, f: Finding) -> Finding:
    from shared.policy.person_score import token_kind  # the lexicon is read on first use

    start, end = f.start, f.end
    value = text[start:end]
    if not value or not value[0].isupper():
        return f
    # each backward pattern is searched only where the character before allows it (a `$`-anchored
    # search tries every position of the head: ~4 us a pattern on the dense bench prompt's names)
    head = text[max(0, start - 24) : start]
    if head[-1:] in _APOS and (m := _APOSTROPHE_BEFORE.search(head)) is not None:
        start -= len(head) - m.start()
        head = text[max(0, start - 24) : start]
    first = value.split(",")[0].strip()
    blank = head[-1:] in (" ", "\t")
    if (
        blank
        and _ends_in_particle(head)
        and (m := _PARTICLE_BEFORE.search(head)) is not None
        and " " not in first
        and token_kind(first) not in "GgNn"
    ):
        start -= len(head) - m.start()  # "de Vries, Maarten": before a one-word surname, not "de Sandrine"
        head = text[max(0, start - 24) : start]
        blank = head[-1:] in (" ", "\t")
    if blank and head.rstrip(" \t")[-1:] == "." and (m := _INITIALS_BEFORE.search(head)) is not None:
        start -= len(head) - m.start()  # "F. von Arnim-Thal", "J. M. Arrieta Solís"
    elif (
        blank
        and "," not in value
        and head.rstrip(" \t")[-1:].isalpha()
        and (m := _GIVEN_BEFORE.search(head)) is not None
        and token_kind(m.group(1)) in "GN"
    ):
        start -= len(head) - m.start(1)  # "María del Carmen Ruiz Ortega"
    if " " not in value and (m := _INITIALS_AFTER.match(text, end)) is not None:
        end = m.end()  # "Smirnova O.I.", "Lindahl, E."
    if (m := _NICKNAME_AFTER.match(text, end)) is not None and _nickname(m, token_kind):
        end = m.end()
    if (m := _HYPHEN_AFTER.match(text, end)) is not None:
        end = m.end()
    if (m := _PARTICLE_AFTER.match(text, end)) is not None:
        end = m.end()
    if value.isupper() and (m := _CAPS_AFTER.match(text, end)) is not None:
        words = m.group().split()
        if all(len(w) == 1 or token_kind(w) != "C" or w.title() in _known_names() for w in words):
            end = m.end()
    if (m := _SUFFIX_AFTER.match(text, end)) is not None:
        end = m.end()
    if (start, end) == (f.start, f.end):
        return f
    return Finding(PERSON, start, end, f.score)


def _nickname(m: re.Match[str], token_kind: Callable[[str], str]) -> bool:
    """A quoted short name, or one in brackets that is a known name ("Ifeoluwa (Ife) Adesanya-Brown",
    not "Winter (Klassenleitung) Bittet"), then a surname that is no common word."""
    if token_kind(m.group(3)) in "Cgns":
        return False
    return m.group(1) != "(" or token_kind(m.group(2)) in "GNgn"


def _known_names() -> frozenset[str]:
    from shared.policy.person_score import lexicon

    return lexicon().names


def _join(persons: list[Finding], text: str) -> list[Finding]:
    """Two person findings that only blanks separate ("Alicia" "Moreno-Grant"), as one."""
    ends: dict[int, Finding] = {}
    for f in persons:
        if ends.get(f.end, f).start >= f.start:
            ends[f.end] = f  # the longest that ends there
    out: list[Finding] = []
    for f in persons:
        at = f.start
        while at > 0 and text[at - 1] in " \t":
            at -= 1
        left = ends.get(at) if at < f.start and text[f.start] != "@" else None  # handles stay apart
        if (
            left is not None
            and left.start < f.start
            and text[left.start] != "@"
            and "," not in text[left.start : f.end]  # "Vidal, Sr." + "Álvaro": a list, not one name
        ):
            out.append(Finding(PERSON, left.start, f.end, max(left.score, f.score)))
    return out


def _mentions(text: str, persons: list[Finding], found: list[Finding]) -> Iterator[Finding]:
    from shared.policy.person_score import lexicon, token_kind

    taken = bytearray(len(text))  # 1 where a finding is: one test per mention, not one per finding
    for start, end in {(f.start, f.end) for f in found}:
        taken[start:end] = b"\x01" * (end - start)
    whole: set[str] = set()
    parts: set[str] = set()
    places = lexicon().places
    for value in {text[f.start : f.end] for f in persons}:  # each name once ("Anna" x 1,000: once)
        words = [w.strip(",") for w in value.split()]
        if (len(value) >= 3 and value[0].isupper() and value not in places) and (
            len(words) >= 2 or token_kind(value) in "GNSU"  # not a lone "Will", "Rose"
        ):
            whole.add(value)
        if len(words) >= 2:
            parts.update(
                w
                for w in words
                if len(w) >= 3 and w[0].isupper() and not w.isupper() and token_kind(w) in "GNSU"
                and w not in places
            )  # fmt: skip
    values = whole | parts  # iterated in the same order as before: `taken` makes the order matter
    if len(values) <= _FIND_AT_MOST:
        found_at: dict[str, list[int]] | None = None  # a few names: `text.find` each, C speed
    else:
        found_at = _occurrences(text, values)  # one pass over the text's words, not one per name
    for value in values:
        alone = " " not in value  # one word: only where it stands alone
        if found_at is None or not value[0].isalnum():
            starts: Iterator[int] = _found(text, value)
        else:
            starts = _candidates(text, value, found_at.get(value, []))
        for index in starts:
            end = index + len(value)
            if (
                (index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "-" + _APOS))
                and (end == len(text) or not (text[end].isalnum() or text[end] in "-"))
                and taken.find(1, index, end) == -1
                and (not alone or _stands_alone(text, index, end))
            ):
                taken[index:end] = b"\x01" * (end - index)
                yield Finding(PERSON, index, end, 0.7)


# Up to this many names, each is looked up with `text.find` (one pass over the text a name, in C:
# cheaper than the word index's Python loop on an ordinary prompt); more, and the text's words are
# indexed once. Both give the same spans (tests/unit/test_name_spans_mentions.py).
_FIND_AT_MOST = 24
# an alphanumeric run with no alphanumeric, hyphen or apostrophe before it, as `_mentions` bounds it
_WORD_START = re.compile(r"(?<![^\W_])(?<![-'\u2019])[^\W_]+")
_FIRST_RUN = re.compile(r"[^\W_]+")
_SEGMENT = re.compile(r"[\W_]+[^\W_]+")  # what follows a run: other characters, then the next run


def _found(text: str, value: str) -> Iterator[int]:
    """Where `text.find` finds `value`, each search going on from the end of the last one."""
    index = text.find(value)
    while index != -1:
        yield index
        index = text.find(value, index + len(value))


def _occurrences(text: str, values: set[str]) -> dict[str, list[int]]:
    """For each value that starts with an alphanumeric character, where it stands with the bounds
    `_mentions` asks for (no alphanumeric, hyphen or apostrophe before it, no alphanumeric or hyphen
    after it), in order. The values are a trie of their runs (an alphanumeric run, then what
    separates it from the next, ...): the text's words are read once, and from a word that begins a
    value, each next run of the text is one dictionary step."""
    tries: dict[str, dict[str, Any]] = {}
    for value in values:
        if not value[0].isalnum():
            continue
        cut = len(value)
        while not value[cut - 1].isalnum():
            cut -= 1  # what follows its last run ("Jr."): compared, not walked
        first = _FIRST_RUN.match(value)
        assert first is not None
        branch = tries.setdefault(first.group(), {})
        for segment in _SEGMENT.findall(value, first.end(), cut):
            branch = branch.setdefault(segment, {})
        ends = branch.setdefault("", [])  # a segment is never empty: "" holds the values that end here
        ends.append((value[cut:], value))
    out: dict[str, list[int]] = {}
    size = len(text)
    for m in _WORD_START.finditer(text):
        node: dict[str, Any] | None = tries.get(m.group())
        at = m.end()
        while node is not None:
            for tail, value in node.get("", ()):
                end = at + len(tail)
                if text.startswith(tail, at) and (
                    end == size or not (text[end].isalnum() or text[end] == "-")
                ):
                    out.setdefault(value, []).append(m.start())
            if len(node) == ("" in node) or (segment := _SEGMENT.match(text, at)) is None:
                break
            node = node.get(segment.group())
            at = segment.end()
    return out


def _candidates(text: str, value: str, bounded: list[int]) -> Iterator[int]:
    """The positions `_found` would give that are among `bounded` (where `value` stands with the
    bounds `_mentions` asks for, in order): the others are never taken. One that `_found` passes
    over is one that overlaps an earlier find, possible only where the value's end repeats its
    start ("Ann Ann" in "Ann Ann Ann"): there the finds before it are followed back from it, each a
    search of twice the value's length."""
    size = len(value)
    if value.find(value[0], 1) == -1:  # no two of its occurrences overlap: `_found` passes none
        yield from bounded
        return
    last_end = 0  # where the search goes on from: the end of the last find
    done = -1  # the finds up to here are known
    for index in bounded:
        if index < last_end:
            continue
        back: list[int] = []  # the occurrences before it that overlap the next one, back to `done`
        at = index
        while (at := text.rfind(value, max(at - size + 1, done + 1), at + size - 1)) != -1:
            back.append(at)
        for at in reversed(back):
            if at >= last_end:
                last_end = at + size
        done = index
        if index >= last_end:
            last_end = index + size
            yield index


_NEXT_CAPITAL = re.compile(rf"[ \t]+(?:[{_UP}][{_LOW}]|&)")


def _stands_alone(text: str, start: int, end: int) -> bool:
    """A surname alone, not a word of another capitalized run ("Weber said", not "Weber Grill",
    "Banco Santander" or "Saint-Clair & Associés")."""
    if _NEXT_CAPITAL.match(text, end) is not None:
        return False
    before = _STANDS_ALONE_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return True
    word = before.group().strip()
    from shared.policy.names import TITLES
    from shared.policy.person_score import CUES, token_kind

    if word in TITLES or word.lower() in CUES:
        return True  # "Dr. Weber", "Frau Weber", "Ask Weber"
    # a sentence's first word, a common one ("Later Weber said"); not "near Lake Louise"
    at = before.start()
    while at > 0 and text[at - 1] in " \t":
        at -= 1  # the last character before the blanks (no copy of the text before it: n^2 a roster)
    opens = at == 0 or text[at - 1] in ".!?\n:"
    return opens and token_kind(word) in "Cgns"
