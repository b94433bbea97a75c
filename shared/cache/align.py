"""Typos corrected against the other question before the semantic hit decision reads formulas.

'What is the procedrue for requesting ...' / 'What is the procedure for requesting ...': the
decision rewrites question formulas ('what is the procedure for' asks 'how'), frames and filler
clauses by their words, so a typo inside such a formula left one side rewritten and the other not,
and the pair was a miss although every word of it is explained. Here each word of one question that
is not a word of the language and not written on the other side is replaced by the word of the other
question it is a typo of (`words.typo`: one or two edits, the same first letter, never between two
real words; a capitalized word by the stricter rule for names), before anything else reads the text.
Only the other question's own words are candidates, so nothing new enters either side.
"""

from __future__ import annotations

import re
from functools import lru_cache

from shared.cache.words import fold, typo, warm

__all__ = ["align_typos"]

_WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=4096)
def _their_words(other: str) -> tuple[dict[str, str], tuple[tuple[str, str, int, str], ...]]:
    """The other question's words (casefolded -> as written), and each with its length and folded
    first letter (a typo keeps the first letter, or drops only its accent, and the length within two)."""
    theirs = {w.casefold(): w for w in _WORD.findall(other)}
    return theirs, tuple((key, w, len(key), fold(key[0])) for key, w in theirs.items())


def _fix(text: str, other: str, lang: str) -> str:
    words = warm(lang)
    theirs, candidates = _their_words(other)
    out, last = [], 0
    for match in _WORD.finditer(text):
        raw = match.group()
        word = raw.casefold()
        if word in theirs or word in words:
            continue
        size, first = len(word), fold(word[0])
        fix = next(
            (
                w
                for key, w, length, initial in candidates
                if initial == first
                and abs(length - size) <= 2
                and typo(word, key, lang, _names(raw, w, lang))
            ),
            None,
        )
        if fix is None:
            continue
        out.append(text[last : match.start()])
        out.append(_case_like(fix, raw))
        last = match.end()
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)


def _names(a: str, b: str, lang: str) -> bool:
    return (a[:1].isupper() or b[:1].isupper()) and lang != "de"  # as `decision._match` reads names


def _case_like(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word[:1].lower() + word[1:]


def align_typos(query: str, cached: str, lang: str) -> tuple[str, str]:
    """Both questions, each with its typos of the other's words corrected to those words."""
    return _fix(query, cached, lang), _fix(cached, query, lang)
