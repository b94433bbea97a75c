"""`keyed_search` (one pattern over a needle group's key) finds a needle exactly where the substring
tests it replaced do, and `contains` built on it opens exactly when a needle occurs."""

from __future__ import annotations

import random

from shared.policy import detectors
from shared.policy.anchors import KEYED_MIN, grouped, keyed_search
from shared.policy.detectors import contains


def plain(needles: tuple[str, ...], text: str) -> bool:
    return any(needle in text for needle in needles)


# a group where the key starts, ends, sits inside and repeats in the needles, with pattern syntax
GROUP = ("ghp_", "_live_", "a_b_c", "x.y_", "_", "(?_", "[_]", "é_ü", "__", "_\\d")
ALPHABET = "gh_pliveabcxy.()?[]\\déü ._-é"


def test_keyed_search_matches_exactly_where_a_needle_occurs() -> None:
    rng = random.Random(13)
    search = keyed_search("_", GROUP)
    for _ in range(20_000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 24)))
        m = search(text)
        assert (m is not None) == plain(GROUP, text), text
        if m is not None:  # the match sits on a needle: its key, with the needle's prefix before it
            assert any(text.startswith(n, m.start() - n.index("_")) for n in GROUP), text


def test_keyed_search_without_the_lone_key() -> None:
    group = GROUP[:4]  # no needle is the key alone: a key without its neighbours is no match
    search = keyed_search("_", group)
    assert search("a lone _ here") is None
    for text in ("x.y_", "a_b_c", "ghp_", "the _live_ key"):
        assert search(text) is not None, text
    for text in ("a_b_", "_live", "gh_p_", "x_y_", "GHP_"):
        assert search(text) is None, text


def test_contains_opens_as_the_substring_tests_on_the_token_markers() -> None:
    markers = detectors._TOKEN_MARKERS
    assert max(len(group) for _, group in grouped(markers)) >= KEYED_MIN  # the keyed path is taken
    gate = contains(*markers)
    rng = random.Random(7)
    pieces = [*markers, "_", "-", "gh", "hp", "live", "sk", " ", "x", "AA", ":", "ya2", "9."]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 6)))
        assert gate(text, text.lower()) == plain(markers, text), text
    for marker in markers:  # each marker alone, and cut by one character at either end
        for text in (marker, f"a {marker} b", marker[1:], marker[:-1]):
            assert gate(text, text.lower()) == plain(markers, text), text
