"""Case-insensitive patterns tried only where they can start, found with `str.find` on the lower-cased
text instead of trying an alternation at every position (which costs ~100-400 µs per 300 characters
in Python's `re`). Used by the secret scans and the injection signals.

`str.lower()` and IGNORECASE agree on every letter but four: capital I with a dot (the only letter
that lowers to two characters, so offsets in the lower-cased text would shift), dotless i, long s and
the Kelvin sign (IGNORECASE matches them to "i", "s" and "k"; `lower()` keeps them). A text holding
one of them is scanned whole by the callers (`folds_apart`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from shared import lazy_re as re  # `keyed_search`'s patterns, compiled on first use

__all__ = [
    "FOLDS_APART",
    "KEYED_MIN",
    "any_of",
    "case_digit_classes",
    "finds",
    "folds_apart",
    "grouped",
    "keyed_search",
    "matches_at",
    "rarity",
    "starts_of",
]

FOLDS_APART = ("\u0130", "\u0131", "\u017f", "\u212a")  # I with a dot, dotless i, long s, Kelvin


def folds_apart(text: str) -> bool:
    """Whether a case-insensitive regex may match where `text.lower()` shows no root, or at other
    offsets (U+0130 is the only character that lowers to two)."""
    return not text.isascii() and any(c in text for c in FOLDS_APART)


# Characters of prose, most frequent first: a test of a needle starts with its rarest character (a
# single-character `in` is a memchr, several times faster than a substring search).
_PROSE = " etaoinsrhldcumwfgypb,.vkTIASCMBWHPDERLNFOGUY0123456789-'xjqzKVJQXZ"


def rarity(char: str) -> int:
    """How rare `char` is in prose (higher: rarer; characters not listed are the rarest)."""
    rank = _PROSE.find(char)
    return len(_PROSE) if rank == -1 else rank


def grouped(needles: Iterable[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`needles` grouped by their rarest character, each group under it."""
    groups: dict[str, list[str]] = {}
    for needle in needles:
        groups.setdefault(max(needle, key=rarity), []).append(needle)
    return tuple((key, tuple(group)) for key, group in groups.items())


# A group of at least this many needles is searched with one pattern (`keyed_search`) instead of a
# substring pass per needle: on the 2 KB dense PII bench prompt a pass costs ~6 k instructions, the
# pattern ~12 k plus ~2 k per occurrence of the key (the 19 token markers under "_": 116 k -> 28 k);
# below ~8 needles the passes win (the 3 markers under "-", which occurs often there: 18 k vs 35 k).
KEYED_MIN = 8


def keyed_search(key: str, group: Iterable[str]) -> Callable[[str], re.Match[str] | None]:
    """A search that matches where one of `group` occurs, each needle holding `key`: the pattern
    starts with `key` (so `re` skips to its occurrences in C) and each needle is the text before its
    first `key` as a fixed-width lookbehind and the text after it, so a match at `key`'s index i is
    exactly an occurrence of a needle at i minus its prefix's length."""
    branches = []
    for needle in group:
        cut = needle.index(key)
        before, after = re.escape(needle[: cut + 1]), re.escape(needle[cut + 1 :])
        branches.append(f"(?<={before}){after}" if cut else after)
    return re.compile(re.escape(key) + "(?:" + "|".join(branches) + ")").search


def any_of(*needles: str) -> Callable[[str], bool]:
    """A test of whether one of `needles` occurs in a text: each group of needles is searched only
    when its rarest character occurs (one memchr instead of a substring search per needle)."""
    plan = grouped(needles)

    def test(haystack: str) -> bool:
        for key, group in plan:
            if key in haystack:
                for needle in group:
                    if needle in haystack:
                        return True
        return False

    return test


def starts_of(*needles: str) -> Callable[[str], list[int]]:
    """Every index where one of `needles` occurs in a text (overlapping occurrences included), sorted
    and without repeats; a group of needles is searched only when its rarest character occurs."""
    plan = grouped(needles)

    def starts(haystack: str) -> list[int]:
        found: set[int] = set()
        for key, group in plan:
            if key in haystack:
                for needle in group:
                    index = haystack.find(needle)
                    while index != -1:
                        found.add(index)
                        index = haystack.find(needle, index + 1)
        return sorted(found)

    return starts


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


def case_digit_classes(value: str) -> int:
    """How many of lower case, upper case and digits (`str.isdigit`) `value` holds."""
    return (value.upper() != value) + (value.lower() != value) + any(ch.isdigit() for ch in value)
