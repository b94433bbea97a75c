"""A statistical name recognizer that proposes its own PERSON spans: a linear-chain CRF over tokens.

The lexicon, the cue words and the forms propose names only where a list or a cue points; this tagger
reads every token of a line that holds a candidate word (a capitalized word no list calls common, a
word after "@") and labels it B-PER / I-PER / O from features that generalize: word shape,
capitalization, prefixes and suffixes, membership in the lexicons (given names, surnames, common
words of seven languages, places, organization heads: features, not decisions), the words and
punctuation around it, and markup (line start, a colon after, a quote or bracket before, "@").

Trained dev-only by `dev/names/train_crf.py` (generated texts in many styles plus the dev sets'
tuning halves) into `person_crf.crfsuite`; python-crfsuite (CRFsuite's C tagger) and the model are
loaded on the first line that needs them, never at import. A span is kept when the mean marginal
probability of its tokens reaches `THRESHOLD` (chosen on tuning data for precision). See
docs/decisions/2026-11-29-detection.md ("eighth session: a CRF that proposes names").
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy import DIRECTORY  # the data files (not next to a compiled module)
from shared.policy.detectors import Detector, Finding
from shared.policy.person_score import (
    _ARTICLES,
    _CALENDAR,
    _GREETINGS,
    _HEADS,
    _KIN,
    _NEVER_ALONE,
    _PERSON_AFTER,
    _PERSON_BEFORE,
    _PLACE_BEFORE,
    _TITLE_WORDS,
    inner_capital,
    lexicon,
)

__all__ = ["MODEL_PATH", "RECOGNIZER_DETECTORS", "THRESHOLD", "features", "recognize", "tokens"]

PERSON = "PERSON"
MODEL_PATH = DIRECTORY / "person_crf.crfsuite"
THRESHOLD = 0.99  # mean marginal P(B/I-PER) of a span's tokens: no look-alike more on cross-fitted halves
KNOWN_THRESHOLD = 0.95  # the bar for a span holding a known given name or surname (cross-fitted too)
_MAX_TOKENS = 96  # a longer line is tagged in pieces of this many tokens
_TOKEN = re.compile(r"\w+(?:(?:['’](?![sS]\b)|[\-.])\w+)*|[^\w\s]")  # "O'Brien", "Keiko" "'" "s"
_CONTEXT = (
    _ARTICLES | _GREETINGS | _PERSON_BEFORE | _PERSON_AFTER | _PLACE_BEFORE | _KIN
    | frozenset(t.lower().rstrip(".") for t in _TITLE_WORDS)
)  # fmt: skip
_CALENDAR_LOWER = frozenset(w.lower() for w in _CALENDAR)

Token = tuple[str, int, int]  # (word, start, end)


def tokens(line: str, offset: int = 0) -> list[Token]:
    return [(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(line)]


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if not word[0].isalnum():
        return "p"
    if word.isupper():
        return "X" if len(word) == 1 else "XX"
    if word[0].isupper():
        return "Xx" if word[1:].islower() or len(word) == 1 else "XxX"
    if word.islower():
        return "x"
    return "m"


def _word_features(word: str, lex: Any, prefix: str) -> list[str]:
    """The features of one word as a neighbour (`prefix` "-1:", "+1:" ...): its class, never its identity
    unless it is a common or context word (those generalize; names would be memorized)."""
    low = word.lower()
    out = [prefix + "s=" + _shape(word)]
    if not word[0].isalnum() or low in _CONTEXT:
        out.append(prefix + "w=" + low)
    elif low in lex.common or low in lex.foreign:
        out.append(prefix + "common")
    if word in lex.given:
        out.append(prefix + "given")
    if word in lex.surnames:
        out.append(prefix + "sur")
    if low in _HEADS:
        out.append(prefix + "head")
    return out


_Parts = tuple[list[str], str, tuple[list[str], ...], str, str | None]


def _parts(word: str, lex: Any) -> _Parts:
    """What a word contributes wherever it stands: its own features, its shape, its features as each of
    the four neighbours, its "next=" feature, and its lower case when it is a capitalized common word
    (whether it is also written in lower case depends on the text)."""
    low = word.lower()
    shape = _shape(word)
    own = ["b", "s=" + shape, "len=" + str(min(len(word), 8))]
    if word[0].isalpha():
        own += ["suf2=" + low[-2:], "suf3=" + low[-3:], "pre2=" + low[:2]]
    capital_common = None
    if not word[0].isalnum() or low in _CONTEXT:
        own.append("w=" + low)
    elif low in lex.common:
        own.append("common")
        capital_common = low if word[0].isupper() else None
    elif low in lex.foreign:
        own.append("foreign")
    if word in lex.given or (shape == "XX" and word.capitalize() in lex.given):
        own.append("given")
    if word in lex.surnames or (shape == "XX" and word.capitalize() in lex.surnames):
        own.append("sur")
    if word in lex.places:
        own.append("place")
    if low in _HEADS:
        own.append("head")
    if low in _CALENDAR_LOWER:
        own.append("calendar")
    if low in _NEVER_ALONE:
        own.append("lang")
    if "_" in word or any(c.isdigit() for c in word):
        own.append("digit_or_underscore")
    if "." in word and word[0].isalpha():
        own.append("dotted")
    neighbour = _word_features(word, lex, "")
    as_neighbour = tuple([prefix + f for f in neighbour] for prefix in ("-2:", "-1:", "+1:", "+2:"))
    return own, shape, as_neighbour, "next=" + (word if not word[0].isalnum() else shape), capital_common


@lru_cache(maxsize=4096)
def _cached_parts(word: str) -> _Parts:
    return _parts(word, lexicon())


def _word_parts(word: str) -> _Parts:
    """A word's parts for the shipped lexicon: cached only for words of letters (names and ordinary
    words recur; a token with digits, underscores or symbols may be a secret or an identifier, which a
    module-level cache must not keep): ~1.35 KB per entry, <= ~5.5 MB."""
    return _cached_parts(word) if len(word) <= 24 and word.isalpha() else _parts(word, lexicon())


_EDGES = (["-2:edge"], ["-1:edge"], ["+1:edge"], ["+2:edge"])


def features(line_tokens: list[Token], text: str, lex: Any, lowered: frozenset[str]) -> list[list[str]]:
    """One feature list per token (`lowered`: the words written in lower case elsewhere in the text).
    A word's own part is computed once per word (cached for the shipped lexicon): the per-token work
    is list concatenation."""
    parts = [_word_parts(t[0]) if lex is lexicon() else _parts(t[0], lex) for t in line_tokens]
    n = len(parts)
    out = []
    for i, (own, _, _, _, capital_common) in enumerate(parts):
        f = own.copy()
        if capital_common is not None and capital_common in lowered:
            f.append("common_lower_too")
        start = line_tokens[i][1]
        if i == 0 or start == 0 or text[start - 1] == "\n":
            f.append("first")
        if i > 0 and line_tokens[i - 1][0] in ".!?":
            f.append("after_stop")
        if i == n - 1:
            f.append("last")
        for slot, k in enumerate((-2, -1, 1, 2)):
            j = i + k
            f += parts[j][2][slot] if 0 <= j < n else _EDGES[slot]
        if i + 1 < n:
            f.append(parts[i + 1][3])
        if i > 0 and i + 1 < n:
            f.append("around=" + parts[i - 1][1] + "|" + parts[i + 1][1])
        out.append(f)
    return out


_LOCAL = threading.local()  # one tagger per thread: `marginal` reads the state `tag` left behind


def _tagger() -> Any:
    tagger = getattr(_LOCAL, "tagger", None)
    if tagger is None or getattr(_LOCAL, "path", None) != MODEL_PATH:
        import pycrfsuite  # lazily: the C extension loads on the first line that needs it

        tagger = _LOCAL.tagger = pycrfsuite.Tagger()
        tagger.open(str(MODEL_PATH))
        _LOCAL.path = MODEL_PATH
    return tagger


def _candidate(word: str, lex: Any, before: str) -> bool:
    """A word the tagger is run for: capitalized (or capitals) and no common word, or after "@"."""
    if before == "@":
        return True
    if not word[:1].isupper() or len(word) < 2:
        return False
    low = word.lower()
    return low not in lex.common or word in lex.names


def lines(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def recognize(
    text: str, threshold: float = THRESHOLD, known: float | None = None
) -> list[tuple[int, int, float]]:
    """(start, end, mean marginal) of each PERSON span the tagger proposes at `threshold` or above
    (`known`, default KNOWN_THRESHOLD: the bar for a span holding a word the name lexicon knows)."""
    known = KNOWN_THRESHOLD if known is None else known
    if not _gate(text, ""):
        return []  # the engine's gate, also here: a direct call proposes exactly what the engine would
    lex = lexicon()
    found: list[tuple[int, int, float]] = []
    lowered: frozenset[str] | None = None
    for offset, line in lines(text):
        toks = tokens(line, offset)
        if not any(_candidate(w, lex, toks[i - 1][0] if i else "") for i, (w, _, _) in enumerate(toks)):
            continue
        if lowered is None:
            lowered = frozenset(w for w in text.split() if w.islower())
        for piece in range(0, len(toks), _MAX_TOKENS):
            chunk = toks[piece : piece + _MAX_TOKENS]
            found += _spans(chunk, features(chunk, text, lex, lowered), threshold, known, lex)
    return found


def _spans(
    chunk: list[Token], xseq: list[list[str]], threshold: float, known: float, lex: Any
) -> list[tuple[int, int, float]]:
    tagger = _tagger()
    labels = tagger.tag(xseq)
    out = []
    i = 0
    while i < len(labels):
        if labels[i] == "O":
            i += 1
            continue
        j = i + 1
        while j < len(labels) and labels[j] == "I-PER":
            j += 1
        probs = [tagger.marginal(labels[k], k) for k in range(i, j)]
        score = sum(probs) / len(probs)
        a, b = _trim(chunk, i, j, lex)
        bar = known if a < b and any(_known(w, lex) for w, _, _ in chunk[a:b]) else threshold
        if score >= bar and a < b and _plausible(chunk, a, b, lex):
            out.append((chunk[a][1], chunk[b - 1][2], score))
        i = j
    return out


def _known(word: str, lex: Any) -> bool:
    """A word of the name lexicon (given names, surnames), as written or capitalized ("DUPONT")."""
    return len(word) > 1 and (word in lex.names or word.capitalize() in lex.names)


def _wordlike(word: str, lex: Any) -> bool:
    """A determiner, cue or common word that no list calls a name (each part of a compound counts:
    "Miele-Waschmaschine")."""
    low = word.lower()
    if low in _CONTEXT:
        return True
    if word in lex.names:
        return False
    return any(p in lex.common or p in lex.foreign for p in low.split("-") if p)


def _trim(chunk: list[Token], i: int, j: int, lex: Any) -> tuple[int, int]:
    """The span without the punctuation and ordinary words at its edges ("Der Jenkins-Build"), cut at a
    sentence end inside it ("NDA. Could")."""
    for k in range(i, j):
        if chunk[k][0] in ".!?" and not (k > i and len(chunk[k - 1][0]) == 1) and k + 1 < j:
            j = k
            break
    while i < j and (not chunk[i][0][0].isalnum() or _wordlike(chunk[i][0], lex)):
        i += 1
    while j > i and (not chunk[j - 1][0][0].isalnum() or _wordlike(chunk[j - 1][0], lex)):
        j -= 1
    return i, j


_TITLE_JOINS = frozenset(("of", "the", "and", "und", "for", "für"))
_ABBREVIATED = frozenset(("St", "Ste", "Jr", "Sr", "Snr", "Jnr"))
_MIXED_NAME = ("Mc", "Mac", "O'", "O’", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "St")


def _plausible(chunk: list[Token], i: int, j: int, lex: Any) -> bool:
    """Structure a person's name does not have, whatever the tagger's score: a digit (invoice and
    booking numbers, "X5"), an "&" next to it (firms), "of"/"the"/"and" inside (titles), an abbreviated
    word ("Occup."), "<Name> of" before it or "of the"/"of <Capital>" after it, a short acronym alone
    (NDA, CFO), an inner capital that is no name prefix ("ArcoNet"), an organization or place head
    word, a month or holiday, a language, a place preposition before it, a known place as a whole, or
    only common words ("Hope", "Mark": the lexicon-based scorer weighs those with their context)."""
    words = [w for w, _, _ in chunk[i:j]]
    handle = i > 0 and chunk[i - 1][0] == "@"
    if not any(w[0].isalpha() for w in words):
        return False
    if handle:
        return True
    if i > 0 and chunk[i - 1][0].lower() in _PLACE_BEFORE:  # "en Donostia", "nach Ulm"
        return False
    titled = j + 1 < len(chunk) and (chunk[j + 1][0] == "the" or chunk[j + 1][0][0].isupper())
    if titled and chunk[j][0] == "of":
        return False  # "Tess of the d'Urbervilles", "Duke of York": a title
    if i > 1 and chunk[i - 1][0] == "of" and chunk[i - 2][0][0].isupper():
        return False  # "Mr Delahaye of Little Hadham", "Bank of Ireland": a place or a firm
    if any(c.isdigit() for w in words for c in w):
        return False
    after = chunk[j][0].lower() if j < len(chunk) else ""
    if (i > 0 and chunk[i - 1][0] == "&") or after in ("&", "-") or after in _HEADS or "&" in words:
        return False
    if (
        len(words) == 1
        and words[0].isupper()
        and len(words[0]) <= 4
        and words[0].capitalize() not in lex.names
    ):
        return False
    for k, w in enumerate(words):
        if w in _TITLE_JOINS:  # "Tess of the d'Urbervilles", "Smith and Sons": a title or a firm
            return False
        if w == "." and k and len(words[k - 1]) > 1 and words[k - 1] not in _ABBREVIATED:
            return False  # "J. Occup. Health": an abbreviated word is no part of a name
        low = w.lower()
        if low in _HEADS or low in _CALENDAR_LOWER or low in _NEVER_ALONE:
            return False
        if (
            w[0].isupper()
            and any(c.isupper() for c in w[1:].replace("-", "").replace("'", ""))
            and not w.isupper()
            and not w.startswith(_MIXED_NAME)
            and "-" not in w
            and w not in lex.names
        ):
            return False
    if " ".join(words) in lex.places:
        return False
    return not all(w.lower() in lex.common or w.lower() in lex.foreign for w in words if w[0].isalpha())


# A capitalized word after markup ("**Ayo**:", "[Kwame]", "<Ama>", "| Ama |", a quote) that no
# sentence end leads to: the capital first (a charset the engine skips ahead to).
_CAPITAL = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ](?<=[*\[(<>|\"'“«].)(?<![.!?]\s.)(?<![.!?]\s\s.)[a-zà-öø-ÿĀ-ɏḀ-ỿßA-ZÀ-ÖØ-Þ.'’]"
)


def _gate(text: str, lower: str) -> bool:
    """Some line may hold a name the tagger adds: a capital after a space, comma or colon that no
    sentence end leads to (`inner_capital`, the person detector's own fast-path test, answered once
    per text), after markup, or an "@". A name that only opens sentences is left to the other
    detectors."""
    if "@" in text or inner_capital(text):
        return True
    markup = "*" in text or "[" in text or "<" in text or "|" in text or '"' in text or "“" in text
    # (an apostrophe alone does not open the search: "customer's" is in most requests)
    return (markup or "«" in text or "(" in text) and _CAPITAL.search(text) is not None


def _scan(text: str, lower: str, words: set[str]) -> Iterator[Finding]:
    if not MODEL_PATH.exists():
        return
    for start, end, score in recognize(text, THRESHOLD, KNOWN_THRESHOLD):
        yield Finding(PERSON, start, end, round(0.5 + score / 2, 3))


RECOGNIZER_DETECTORS: tuple[Detector, ...] = (Detector(PERSON, 20, _scan, (_gate,)),)
