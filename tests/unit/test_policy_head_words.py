"""Head words of places and organizations ("Park", "Hall", "Station", "Tyres") end a non-person run,
unless a known given name comes first and the head word is a known surname ("Anna Hill"); holidays are
calendar words, not names."""

from __future__ import annotations

import pytest

from shared.policy.engine import PolicyEngine

ENGINE = PolicyEngine()


def persons(text: str) -> set[str]:
    return {text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "PERSON"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I spoke with Anna Hill yesterday.", "Anna Hill"),
        ("Ask Jennifer Park about the rota.", "Jennifer Park"),
        ("Email Sarah Lane before noon.", "Sarah Lane"),
    ],
)
def test_a_surname_that_is_a_head_word_after_a_given_name(text: str, name: str) -> None:
    assert persons(text) == {name}


@pytest.mark.parametrize(
    "text",
    [
        "Take the train to Victoria Station.",
        "The office is next to Bank of America Plaza.",
        "We are out of office for Easter and back on Tuesday.",
        "Wir sind über Ostern nicht erreichbar.",
        "Pick up the car from O'Hare's Tyres on Friday.",
        "Concert at the Albert Hall tonight.",
    ],
)
def test_places_firms_and_holidays_are_no_persons(text: str) -> None:
    assert persons(text) == set()
