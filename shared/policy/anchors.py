"""Case-insensitive patterns tried only where they can start, found with `str.find` on the lower-cased
text instead of trying an alternation at every position (which costs ~100-400 µs per 300 characters
in Python's `re`). Used by the secret scans and the injection signals.

`str.lower()` and IGNORECASE agree on every letter but four: capital I with a dot (the only letter
that lowers to two characters, so offsets in the lower-cased text would shift), dotless i, long s and
the Kelvin sign (IGNORECASE matches them to "i", "s" and "k"; `lower()` keeps them). A text holding
one of them is scanned whole by the callers (`folds_apart`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from shared import lazy_re as re  # the Pattern/Match types only

__all__ = ["FOLDS_APART", "finds", "folds_apart", "matches_at"]

FOLDS_APART = ("\u0130", "\u0131", "\u017f", "\u212a")  # I with a dot, dotless i, long s, Kelvin


def folds_apart(text: str) -> bool:
    """Whether a case-insensitive regex may match where `text.lower()` shows no root, or at other
    offsets (U+0130 is the only character that lowers to two)."""
    return not text.isascii() and any(c in text for c in FOLDS_APART)


def finds(haystack: str, needle: str) -> Iterator[int]:
    """Every index of `needle` in `haystack` (overlapping occurrences included)."""
    index = haystack.find(needle)
    while index != -1:
        yield index
        index = haystack.find(needle, index + 1)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`'s matches when every match starts at one of `starts`."""
    end = 0
    for start in sorted(starts):
        if start < end:
            continue  # inside the previous match: finditer resumes after it
        m = pattern.match(text, start)
        if m is not None:
            end = m.end()
            yield m
