"""Semantic guards: paraphrases pass; pairs that differ in what is asked are rejected."""

from __future__ import annotations

import pytest

from shared.cache.guards import reject_reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("What is the capital of France?", "Which city is the capital of France?"),
        ("How do I reverse a list in Python?", "What's the way to reverse a Python list?"),
        ("How do I list all running processes on Linux?", "How can I see every running process on Linux?"),
        ("What does HTTP status 404 mean?", "What is the meaning of HTTP status code 404?"),
        (
            "How do I convert a string to an integer in Java?",
            "In Java, how do I turn a string into an integer?",
        ),
        ("Give me three ideas", "Give me 3 ideas"),
    ],
)
def test_paraphrases_pass(a: str, b: str) -> None:
    assert reject_reason(a, b) is None


@pytest.mark.parametrize(
    ("a", "b", "guard"),
    [
        ("What is 15% of 200?", "What is 15% of 300?", "numbers"),
        ("Summarize the first chapter.", "Summarize the second chapter.", "numbers"),
        (
            "What is the IP address 10.0.0.1 used for?",
            "What is the IP address 10.0.0.255 used for?",
            "numbers",
        ),
        ("Which foods are safe for dogs?", "Which foods are not safe for dogs?", "negation"),
        ("Tell me why nuclear power is safe.", "Tell me why nuclear power is unsafe.", "negation"),
        ("How do I enable 2FA?", "How do I disable 2FA?", "negation"),
        ("Explain the arguments for remote work.", "Explain the arguments against remote work.", "negation"),
        ("Who is the CEO of Microsoft?", "Who is the CEO of Google?", "entities"),
        ("What does error code E1234 mean?", "What does error code E1235 mean?", "entities"),
        ("What does ls -la do?", "What does ls -lh do?", "entities"),
        ("What does os.path.join do?", "What does os.path.split do?", "entities"),
        ("List all breeds of dogs.", "List some breeds of dogs.", "scope"),
        ("What does a nurse earn per hour?", "What does a nurse earn per year?", "scope"),
        ("Which is the fastest land animal?", "Which is the slowest land animal?", "scope"),
        ("How do I convert Celsius to Fahrenheit?", "How do I convert Fahrenheit to Celsius?", "direction"),
        ("How do I convert meters to feet?", "How do I convert feet to meters?", "direction"),
        ("Is Python faster than Java?", "Is Java faster than Python?", "direction"),
        ("List the planets in a table.", "List the planets as bullet points.", "format"),
        ("Write a haiku about autumn.", "Write an essay about autumn.", "format"),
        ('Translate "good morning" into French.', 'Translate "good morning" into German.', "language"),
        ("Что такое машинное обучение?", "What is machine learning?", "language"),
    ],
)
def test_hard_negatives_are_rejected(a: str, b: str, guard: str) -> None:
    assert reject_reason(a, b) == guard
    assert reject_reason(b, a) is not None
