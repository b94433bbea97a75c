"""`name_spans._mentions` with many names (the word index and the trie of the names' runs) gives the
spans, in the order, that its `text.find` of each name gave: on the identity texts and on generated
texts, compared with a copy of the `text.find` version (`_old_mentions`, as of 1cb7b0a). A roster
(two names a line, thousands of lines) is linear now: its spans at 64 lines are those of its first
64 lines at 4,096."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest

from shared import native
from shared.policy import name_spans
from shared.policy.detectors import Finding
from shared.policy.engine import PolicyEngine
from tests.unit.policy_spans import texts

_APOS = name_spans._APOS


def _old_mentions(text: str, persons: list[Finding], found: list[Finding]) -> Iterator[Finding]:
    from shared.policy.person_score import lexicon, token_kind

    taken = bytearray(len(text))
    for start, end in {(f.start, f.end) for f in found}:
        taken[start:end] = b"\x01" * (end - start)
    whole: set[str] = set()
    parts: set[str] = set()
    places = lexicon().places
    for value in {text[f.start : f.end] for f in persons}:
        words = [w.strip(",") for w in value.split()]
        if (len(value) >= 3 and value[0].isupper() and value not in places) and (
            len(words) >= 2 or token_kind(value) in "GNSU"
        ):
            whole.add(value)
        if len(words) >= 2:
            parts.update(
                w
                for w in words
                if len(w) >= 3 and w[0].isupper() and not w.isupper() and token_kind(w) in "GNSU"
                and w not in places
            )  # fmt: skip
    for value in whole | parts:
        alone = " " not in value
        index = text.find(value)
        while index != -1:
            end = index + len(value)
            if (
                (index == 0 or not (text[index - 1].isalnum() or text[index - 1] in "-" + _APOS))
                and (end == len(text) or not (text[end].isalnum() or text[end] in "-"))
                and taken.find(1, index, end) == -1
                and (not alone or name_spans._stands_alone(text, index, end))
            ):
                taken[index:end] = b"\x01" * (end - index)
                yield Finding(PERSON, index, end, 0.7)
            index = text.find(value, end)


PERSON = name_spans.PERSON
_NEW = name_spans._mentions  # the engine's, kept here: the engine's tests below wrap it


def _both(text: str, persons: list[Finding], found: list[Finding], monkeypatch: pytest.MonkeyPatch) -> None:
    want = list(_old_mentions(text, persons, found))
    for most in (0, name_spans._FIND_AT_MOST):  # the index always, and as the engine chooses
        monkeypatch.setattr(name_spans, "_FIND_AT_MOST", most)
        assert list(_NEW(text, persons, found)) == want, (most, text)


_GIVEN = ["Anna", "Ann", "Lee", "Maria", "José", "Ólafur", "Jean-Luc", "O'Brien", "Zoë", "Kim"]
_FAMILY = ["Weber", "Lee", "Smith", "Nwankwo-Eze", "D\u2019Amico", "Ruiz Ortega", "Ann", "Kim", "Müller"]
_WORDS = ["the", "said", "Grill", "Lake", "Louise", "Dr.", "Frau", "and", "&", "Söhne", "Jr.", "III", "Later"]
_GLUE = [" ", " ", " ", ", ", ". ", "\n", "-", "'", " (", ") ", ": ", "\t", "", "_", "x"]


def _text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(1, 40)):
        pick = rng.random()
        if pick < 0.45:
            out.append(rng.choice(_GIVEN) + rng.choice([" ", " ", ", ", "-", ""]) + rng.choice(_FAMILY))
        elif pick < 0.65:
            out.append(rng.choice(_GIVEN + _FAMILY))
        else:
            out.append(rng.choice(_WORDS))
        out.append(rng.choice(_GLUE))
    return "".join(out)


def _spans_at_words(text: str, rng: random.Random, count: int) -> list[Finding]:
    """Findings over random runs of whole words (two of them overlapping now and then)."""
    bounds = [0] + [i for i in range(1, len(text)) if text[i - 1] in " \n\t,.:()" and text[i] not in " \n\t"]
    out = []
    for _ in range(count):
        start = rng.choice(bounds)
        end = min(len(text), start + rng.randint(3, 24))
        while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            end += 1
        out.append(Finding(PERSON, start, end, 0.9))
    return out


def test_the_index_finds_what_text_find_found_on_generated_findings(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(20261201)
    for _ in range(3000):
        text = _text(rng)
        persons = _spans_at_words(text, rng, rng.randint(1, 30))
        others = [
            Finding("ADDRESS", f.start, f.end, 0.5) for f in _spans_at_words(text, rng, rng.randint(0, 2))
        ]
        kept = [f for f in persons if rng.random() < 0.5]  # the others' mentions are free to find
        _both(text, persons, kept + others, monkeypatch)


def test_overlapping_occurrences_are_passed_over_as_text_find_did(monkeypatch: pytest.MonkeyPatch) -> None:
    for text, value in [
        ("xAnn Ann Ann Ann said", "Ann Ann"),
        ("Ann Ann Ann Ann Ann Ann", "Ann Ann Ann"),
        ("Lee, Lee, Lee, Lee", "Lee, Lee"),
        ("Kim-Kim Kim Kim Kim", "Kim Kim"),
        ("AnnAnn Ann Ann", "Ann Ann"),
    ]:
        at = text.rfind(value)
        persons = [Finding(PERSON, at, at + len(value), 0.9)]
        _both(text, persons, [], monkeypatch)  # none taken: each occurrence is up for it


def _through_both(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]

    def compare(text: str, persons: list[Finding], found: list[Finding]) -> Iterator[Finding]:
        calls[0] += 1
        _both(text, persons, list(found), monkeypatch)
        return _NEW(text, persons, found)

    monkeypatch.setattr(name_spans, "_mentions", compare)
    return calls


# they count the engine's calls of `name_spans._mentions` through a patched module attribute, which
# the mypyc-compiled modules call directly: under a compiled build they run in tests/unit/test_native.py's
# pure-Python child instead
_PURE = pytest.mark.skipif(native.attached(), reason="compiled build: run by test_native's pure child")


@_PURE
def test_the_engine_on_the_identity_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _through_both(monkeypatch)
    engine = PolicyEngine()
    for text in texts():
        engine.scan(text)
    assert calls[0] > 500


@_PURE
def test_the_engine_on_generated_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _through_both(monkeypatch)
    engine = PolicyEngine()
    rng = random.Random(1129)
    for _ in range(1500):
        engine.scan(_text(rng))
    assert calls[0] > 500


def _roster(lines: int) -> str:
    rng = random.Random(12)

    def nm() -> str:
        return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)).capitalize()

    return "".join(f"{nm()}, {nm()}\n" for _ in range(lines))


def _spans(text: str) -> list[tuple[str, int, int]]:
    return [(f.type, f.start, f.end) for f in PolicyEngine().scan(text)]


def test_a_long_roster_finds_in_its_first_lines_what_the_short_one_finds() -> None:
    short, long = _roster(64), _roster(4096)
    assert long.startswith(short)
    want = _spans(short)
    assert any(t == PERSON for t, _, _ in want)
    got = [s for s in _spans(long) if s[2] <= len(short) - 1]
    assert got == want


def _old_stands_alone(text: str, start: int, end: int) -> bool:
    if name_spans._NEXT_CAPITAL.match(text, end) is not None:
        return False
    before = name_spans._STANDS_ALONE_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return True
    word = before.group().strip()
    from shared.policy.names import TITLES
    from shared.policy.person_score import CUES, token_kind

    if word in TITLES or word.lower() in CUES:
        return True
    opens = text[: before.start()].rstrip(" \t")[-1:] in ("", ".", "!", "?", "\n", ":")
    return opens and token_kind(word) in "Cgns"


def test_stands_alone_reads_the_character_before_the_blanks_as_the_copy_did() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        text = rng.choice(["", " ", "\t ", ". ", "x", "?\n "]) + _text(rng)
        for _ in range(5):
            start = rng.randrange(len(text))
            end = min(len(text), start + rng.randint(1, 9))
            assert name_spans._stands_alone(text, start, end) == _old_stands_alone(text, start, end), text
