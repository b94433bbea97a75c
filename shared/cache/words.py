"""Word-level explanations for the semantic hit decision (`decision.py`): inflection, typo and
British/American spelling, with the word lists they rest on.

    inflection  the same Snowball stem, and both endings pure inflection (no -er/-est)
    typo        Damerau-Levenshtein distance 1 (2 for long words), the same first letter, not a
                negating prefix, and at least one side not a word of the language (pyspellchecker's
                word list), so two real words ('form'/'from') are never a typo of each other; names
                (capitalized, outside German) only differ by accents, never by a letter
    spelling    a British and an American spelling of one word (colour/color, organise/organize,
                centre/center, licence/license, travelled/traveled), by rules whose American result
                must be a word of the list ('four' never becomes 'for')
    synonym     English only: two base forms of a pair in `synonyms_en.txt` (derived from WordNet 3.0
                by `dev/wordnet_synonyms.py`: both words' dominant sense, antonyms vetoed) with the
                same inflection ('purchases' / 'buys'); no such resource ships for DE/FR/ES, so there
                a different word stays unexplained
    nominalization  English only: a verb and the noun naming its action, from the same table
                ('cancel' / 'cancellation', 'approve' / 'approval')

The stemmer and the typo library import in ~20 ms; a language's word list loads on first use
(`warm`, 0.1-1 s, 10-70 MB), never for tenants without semantic caching.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from shared.cache import lexicon as lx
from shared.cache.units import quantity

__all__ = ["fold", "inflection", "loaded", "nominalization", "spelling", "synonym", "typo", "warm"]

_NEG_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "a", "de", "des", "dé", "anti")
# Chemical names differ by one vowel of their suffix: an alcohol and an aldehyde of one alkane stem
# ('ethanol' / 'ethanal', 'phenol' / 'phenal'), an alkane, alkene and alkyne ('hexane' / 'hexene' /
# 'hexyne'): different compounds, never a misspelling of each other. 'protocal' / 'protocol' stays a
# typo (no alkane stem before the ending).
_CHEMICAL = re.compile(r"^(.{2,}(?:an|en|yn))(?:ol|al)$|^(.{3,})(?:ane|ene|yne)$")


def _umlauts(word: str) -> str:
    return word.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")


def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


@cache
def _stemmer(lang: str) -> Any:
    import snowballstemmer  # type: ignore[import-untyped]  # ships no type information

    return snowballstemmer.stemmer(lx.STEMMERS[lang])


_lexicons: dict[str, Any] = {}
_lexicon_lock = threading.Lock()


def loaded(lang: str) -> bool:
    return lang in _lexicons


def warm(lang: str) -> Any:
    """Load a language's word list (pyspellchecker's, shipped in the package: 0.1-1 s, 10-70 MB), and
    for English the synonym table."""
    with _lexicon_lock:
        if lang not in _lexicons:
            from spellchecker import SpellChecker

            _lexicons[lang] = SpellChecker(language=lang, distance=1).word_frequency.dictionary
            if lang == "en":
                _synonyms()  # 14 ms, with the word list: off the event loop (the stage warms in a thread)
        return _lexicons[lang]


_PLURALS = {"en": ("s", "es"), "de": ("e", "n", "en", "s"), "fr": ("s", "x"), "es": ("s", "es")}


def _known(word: str, lang: str, names: bool) -> bool:
    """A word of the language's list, or a plural of one unless it is a name (the lists lack many
    plurals: Spanish 'mejores' / 'menores' are two words, not a typo; 'Buenos Aries' is a typo)."""
    words = warm(lang)
    return word in words or (
        not names
        and any(
            word.endswith(end) and len(word) > len(end) + 2 and word[: -len(end)] in words
            for end in _PLURALS[lang]
        )
    )


@lru_cache(maxsize=16384)
def _stem(word: str, lang: str) -> str:
    return str(_stemmer(lang).stemWord(word))


def inflection(a: str, b: str, lang: str) -> bool:
    if frozenset((a, b)) in lx.REGISTER_FORMS.get(lang, ()):
        return True  # one irregular verb, informal and formal ('hast' / 'haben', 'as' / 'avez')
    if _stem(a, lang) != _stem(b, lang):
        return False
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    tails = (a[common:], b[common:])
    allowed = lx.INFLECTIONS[lang]
    if all(t in allowed for t in tails):
        return True
    # a doubled consonant before the ending: run/running, stop/stopped
    return lang == "en" and any(t[:1] == a[common - 1 : common] and t[1:] in ("ing", "ed") for t in tails)


def typo(a: str, b: str, lang: str, names: bool = False) -> bool:
    from rapidfuzz.distance import OSA

    shortest = min(len(a), len(b))
    if shortest < 3 or any(ch.isdigit() for ch in a + b):
        return False
    if shortest == 3:  # three letters: two of them swapped ('hwo'), or a non-word missing one letter
        # of a four-letter word ('lef', 'wfi'); never between two real words
        short, full = sorted((a, b), key=len)
        if a[0] != b[0] or OSA.distance(a, b) != 1 or (a in warm(lang) and b in warm(lang)):
            return False
        if len(a) == len(b):
            return sorted(a) == sorted(b)
        return len(full) == 4 and short not in warm(lang) and full in warm(lang)
    for prefix in _NEG_PREFIXES:
        if a == prefix + b or b == prefix + a:
            return False
    chemical = _CHEMICAL.match(a), _CHEMICAL.match(b)
    if chemical[0] and chemical[1] and chemical[0].groups() == chemical[1].groups():
        return False  # 'ethanol' / 'ethanal', 'hexane' / 'hexene': the same stem, another compound
    units = quantity(a), quantity(b)
    if units[0] and units[1] and units[0] != units[1]:
        return False  # 'millimeters' / 'milliliters', 'krone' / 'krona': another unit or currency
    if lang == "de" and _umlauts(a) == _umlauts(b):
        return True  # 'zurueck' / 'zurück', 'Gebuehren' / 'Gebühren': the standard transliteration
    folded = fold(a) == fold(b)
    if not folded and fold(a[0]) != fold(b[0]):
        return False  # misspellings keep the first letter; 'ascending'/'descending' do not
    distance = OSA.distance(a, b)
    if not folded and (distance == 0 or distance > (2 if shortest >= 6 else 1)):
        return False
    known = (_known(a, lang, names), _known(b, lang, names))
    if all(known) and not (folded and lang != "de"):
        return False  # two real words: a different word, not a misspelling (an accent dropped in
        # French or Spanish is a typo, 'término' / 'termino'; in German 'zählen' / 'zahlen' differ)
    if distance == 2 and (not any(known) or (shortest < 8 and a[-1] != b[-1])):
        return False  # two edits: only from a real word, and (under 8 letters) with the same last letter
    if names:  # names one letter apart (Jansen/Jensen, Falco/Falcon) are different names; two
        # letters swapped in a name of 5+ letters ('Instagarm', 'Terrafrom'), or one dropped from a
        # name of 8+ ('Farenheit'), are a misspelling of it
        swap = len(a) == len(b) and sorted(a) == sorted(b) and distance == 1
        dropped = abs(len(a) - len(b)) == 1 and distance == 1 and shortest >= 8
        return folded or (swap and shortest >= 5) or dropped
    return folded or any(known) or (distance == 1 and shortest >= 6)


_AMERICAN = [  # British -> American spelling, applied only when the result is a word of the list
    (re.compile(r"^(\w{3,})our(s|ed|ing|ite|ites|able|ably|ful|less|er|ers)?$"), r"\1or\2"),
    (re.compile(r"^(\w{3,})is(e|es|ed|ing|er|ers|ation|ations)$"), r"\1iz\2"),
    (re.compile(r"^(\w{2,})ys(e|es|ed|ing)$"), r"\1yz\2"),
    (re.compile(r"^(\w{2,})tre(s|d)?$"), r"\1ter\2"),
    (re.compile(r"^(\w{3,})ogue(s)?$"), r"\1og\2"),
    (re.compile(r"^(\w{2,})ence(s)?$"), r"\1ense\2"),
    (re.compile(r"^(\w{2,}e)ll(ed|ing|er|ers)$"), r"\1l\2"),
]


def _american(word: str) -> str:
    """The American spelling of a British one (colour, organise, analyse, centre, catalogue, licence,
    travelled), or the word itself; only to a word of pyspellchecker's list ('four' never 'for')."""
    for pattern, replacement in _AMERICAN:
        if pattern.match(word):
            american = pattern.sub(replacement, word)
            return american if american in warm("en") else word
    return word


def spelling(a: str, b: str) -> bool:
    """British and American spellings of the same word, inflected or not (colours/color)."""
    x, y = _american(a), _american(b)
    return (x, y) != (a, b) and (x == y or inflection(x, y, "en"))


_SYNONYMS = Path(__file__).with_name("synonyms_en.txt")


@cache
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """The English synonym pairs (`= x y`, both ways) and nominalizations (`+ verb noun`, noun ->
    verbs), 60 KB, read on the first English lookup (`warm`)."""
    synonyms: dict[str, set[str]] = {}
    verbs: dict[str, set[str]] = {}
    for line in _SYNONYMS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            relation, x, y = line.split()
            if relation == "=":
                synonyms.setdefault(x, set()).add(y)
                synonyms.setdefault(y, set()).add(x)
            else:
                verbs.setdefault(y, set()).add(x)
    return (
        {word: frozenset(others) for word, others in synonyms.items()},
        {noun: frozenset(others) for noun, others in verbs.items()},
    )


def _synonyms() -> dict[str, frozenset[str]]:
    return _tables()[0]


def _bases(word: str) -> list[tuple[str, str]]:
    """(base form, inflection) readings of an English word: 'buys' -> ('buy', 's'), 'purchasing' ->
    ('purchase', 'ing'), 'stopped' -> ('stop', 'ed'); the word itself is ('word', '')."""
    out = [(word, "")]
    for ending, kind, restores in (
        ("ies", "s", ("y",)), ("es", "s", ("", "e")), ("s", "s", ("",)),
        ("ied", "ed", ("y",)), ("ed", "ed", ("", "e")), ("ing", "ing", ("", "e")),
    ):  # fmt: skip
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out.extend((stem + restore, kind) for restore in restores)
            if kind != "s" and stem[-1] == stem[-2]:
                out.append((stem[:-1], kind))  # stopped, planning
    return out


def synonym(a: str, b: str, lang: str) -> bool:
    """Two words of a WordNet synonym pair, in the same inflection (English only)."""
    if lang != "en":
        return False
    table = _synonyms()
    readings = _bases(b)
    for base, kind in _bases(a):
        others = table.get(base)
        if others and any(kind == k and other in others for other, k in readings):
            return True
    return False


def nominalization(a: str, b: str, lang: str) -> bool:
    """A verb and the noun naming its action ('cancel' / 'cancellation', 'approved' / 'approval'),
    the noun in its base or plural form, the verb in any (English only)."""
    if lang != "en":
        return False
    verbs = _tables()[1]
    for noun_side, verb_side in ((a, b), (b, a)):
        for noun, kind in _bases(noun_side):
            candidates = verbs.get(noun) if kind in ("", "s") else None
            if candidates and any(verb in candidates for verb, _ in _bases(verb_side)):
                return True
    return False
