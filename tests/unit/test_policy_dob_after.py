"""A date of birth named by a birth verb after it, in the same clause ("ich bin am 8. Oktober 1993 in
Nowosibirsk geboren"); a date of another clause or event before "born" stays a date."""

from __future__ import annotations

import pytest

from shared.policy.engine import PolicyEngine

ENGINE = PolicyEngine()


def dobs(text: str) -> list[str]:
    return [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "DATE_OF_BIRTH"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kurz zu mir: Ich bin am 2. Juni 1987 in Graz geboren und arbeite in Wien.", "2. Juni 1987"),
        ("Our daughter was on 14 March 2019 in Leeds born, a little early.", "14 March 2019"),
        ("Mia sorella è il 3 marzo 1990 a Bari nata.", "3 marzo 1990"),
    ],
)
def test_a_birth_verb_after_its_date(text: str, value: str) -> None:
    assert dobs(text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "The company was founded on 3 May 1990 and our CEO was born in Leeds.",  # another clause
        "Am 3. März 2020 wurde das Werk eröffnet; der Gründer ist in Ulm geboren.",  # a sentence between
        "Release 2.4 shipped on 12.03.2024, the idea was born at a hackathon.",  # a comma: another clause
        "Seit dem 1. April 2021 ist sie bei uns, geboren ist sie in Köln.",  # another date's word
        "The firm was founded on 3 May 1990 by two brothers born in Leeds.",  # another event's verb before
        "Die Praxis wurde am 3. Mai 1990 gegründet von Ärzten geboren in Ulm.",  # the event verb between
        "We opened the shop on 2 June 2001 with a partner born in Porto.",
    ],
)
def test_a_date_of_another_event_is_no_birth_date(text: str) -> None:
    assert dobs(text) == []
