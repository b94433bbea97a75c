"""Comparisons, arrows and the inch symbol in the semantic hit decision: never dropped as grammar."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared.cache.decision import decide

REVERSED = [  # the same symbols, the things around them swapped: a different question
    ("EUR->USD rate today", "USD->EUR rate today"),
    ("EUR => USD rate", "USD => EUR rate"),
    ("EUR → USD rate today", "USD → EUR rate today"),
    ("Wechselkurs EUR → USD", "Wechselkurs USD → EUR"),
    ("Tipo de cambio EUR → USD", "Tipo de cambio USD → EUR"),
    ("Is x > y in this case?", "Is y > x in this case?"),
    ("Convert 10 GB --> MB", "Convert 10 MB --> GB"),
    ("Convert 10 in to cm", "Convert 10 cm to in"),  # 'in' after a number, before 'to': inches
]
OTHER_OPERATOR = [  # another comparison or direction: a different question
    ("Filter rows where price > 100", "Filter rows where price < 100"),
    ("Select users with age >= 18", "Select users with age <= 18"),
    ("Count orders where total > 50", "Count orders where total = 50"),
    ("Is x != y?", "Is x = y?"),
    ("Sort by size ↑", "Sort by size ↓"),
    ("EUR → USD rate today", "USD ← EUR rate today"),
    ("Filter rows where price > 100", "Filter rows where price 100"),
]
SAME = [  # the same operator written another way
    ("EUR → USD rate today", "EUR to USD rate today"),
    ("EUR -> USD rate today", "EUR to USD rate today"),
    ("Wechselkurs EUR → USD", "Wechselkurs EUR nach USD"),
    ("Filter rows where price >= 100", "Filter rows where price ≥ 100"),
    ("Filter rows where price>100", "filter rows where price > 100"),
    ("Is x != y?", "Is x ≠ y?"),
    ("How many cm is 10 in?", "How many cm is 10 inches?"),
]


@pytest.mark.parametrize(("a", "b"), REVERSED + OTHER_OPERATOR)
def test_a_reversed_or_other_operator_is_a_miss(a: str, b: str) -> None:
    assert not decide(b, a).hit
    assert not decide(a, b).hit


@pytest.mark.parametrize(("a", "b"), SAME)
def test_an_operator_written_another_way_is_a_hit(a: str, b: str) -> None:
    verdict = decide(b, a)
    assert verdict.hit, verdict.reason
    assert decide(a, b).hit


def test_an_unmatched_operator_is_named() -> None:
    assert decide("Filter rows where price < 100", "Filter rows where price > 100").reason == "symbol"
    assert decide("USD->EUR rate", "EUR->USD rate").reason == "order"


_PAIRS = Path(__file__).with_name("cache_direction_pairs.txt").read_text(encoding="utf-8").splitlines()
DIRECTION_PAIRS = [tuple(line.split(" | ")) for line in _PAIRS if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize(("a", "b"), DIRECTION_PAIRS)
def test_direction_unit_and_comparison_near_misses(a: str, b: str) -> None:
    assert not decide(b, a).hit
    assert not decide(a, b).hit
