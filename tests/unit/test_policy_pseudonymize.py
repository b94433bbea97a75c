"""Reversible placeholders: stable per request, restored whole and across any chunk split."""

from __future__ import annotations

import re

import pytest

from shared.policy.pseudonymize import Pseudonymizer


def mapping() -> Pseudonymizer:
    p = Pseudonymizer()
    assert p.placeholder("EMAIL", "ana@example.com") == "[EMAIL_1]"
    assert p.placeholder("PHONE", "+49 30 1234567") == "[PHONE_1]"
    assert p.placeholder("EMAIL", "bo@example.org") == "[EMAIL_2]"
    assert p.placeholder("EMAIL", "ana@example.com") == "[EMAIL_1]"  # same value, same placeholder
    return p


ANSWER = "Mail [EMAIL_1] or [EMAIL_2], call [PHONE_1]. Keep [x], [EMAIL_9] and [ as they are ["
RESTORED = (
    "Mail ana@example.com or bo@example.org, call +49 30 1234567. Keep [x], [EMAIL_9] and [ as they are ["
)


def test_restore_whole_text() -> None:
    assert mapping().restore(ANSWER) == RESTORED


@pytest.mark.parametrize("size", [1, 2, 3, 5, 7, 11, len(ANSWER)])
def test_stream_restores_placeholders_split_across_chunks(size: int) -> None:
    stream = mapping().stream()
    pieces = [stream.feed(ANSWER[i : i + size]) for i in range(0, len(ANSWER), size)]
    out = "".join(pieces) + stream.flush()
    assert out == RESTORED
    assert not any(re.search(r"\[[A-Z_]*\d*$", piece) for piece in pieces)  # no partial placeholder leaks


def test_stream_emits_safe_text_immediately_and_holds_only_a_possible_placeholder() -> None:
    stream = mapping().stream()
    assert stream.feed("Hello [EMA") == "Hello "
    assert stream.pending
    assert stream.feed("IL_1] bye") == "ana@example.com bye"
    assert stream.feed("[not a placeholder") == "[not a placeholder"
    assert stream.feed(" x [PHONE_") == " x "
    assert stream.flush() == "[PHONE_"  # an incomplete tail at the end is emitted as it was


def test_literal_placeholders_in_the_input_are_never_reused() -> None:
    p = Pseudonymizer()
    p.reserve("the template says [EMAIL_1] and [EMAIL_2]")
    assert p.placeholder("EMAIL", "ana@example.com") == "[EMAIL_3]"
    assert p.restore("[EMAIL_1] [EMAIL_3]") == "[EMAIL_1] ana@example.com"


def test_empty_mapping_is_falsy_and_restores_nothing() -> None:
    p = Pseudonymizer()
    assert not p
    assert p.restore("[EMAIL_1]") == "[EMAIL_1]"
