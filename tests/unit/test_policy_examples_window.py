"""`_is_example` skips its cue pattern when the window before a value holds no example cue's first
letters (`_EXAMPLE_ROOTS`); the answer equals the pattern's on random and crafted windows."""

from __future__ import annotations

import random

from shared.policy import examples
from shared.policy.detectors import Finding


def by_pattern(text: str, lower: str, f: Finding) -> bool:  # `_is_example` before the root test
    if any(word in examples._PLACEHOLDER_WORDS for word in text[f.start : f.end].replace(",", " ").split()):
        return True
    after = examples._EXAMPLE_AFTER.match(lower, f.end)
    if after is not None and after.group(1) not in ("real", "réel", "réelle", "echt"):
        return True
    line_start = max(text.rfind("\n", 0, f.start) + 1, f.start - 120)
    last = None
    for m in examples._CUES.finditer(lower, line_start, f.start):
        last = m
    return last is not None and last.lastgroup == "example"


# every alternative of `_CUES`, cut pieces of them, and what sits around a cue (edges, e-mail, paths)
PIECES = [
    "for example", "example", "e.g.", "sample", "placeholder", "template", "dummy", "fake", "beispiel",
    "muster", "z.b.", "z. b.", "exemple", "modèle", "par ex", "par exemple", "ejemplo", "plantilla",
    "p. ej.", "p.ej.", "ficticio", "real", "actual", "own", "my", "echte", "echten", "tatsächliche",
    "meine", "réel", "réelle", "vrai", "vraie", "mon", "ma", "mes", "reales", "verdadero", "mis", "mi",
    "exam", "ple", "p.", "z.", "e.", "g.", " ", " ", ": ", "\n", "@", ".", "/", "-", "x", "a.b", "Ana",
]  # fmt: skip


def test_is_example_with_the_root_test_answers_as_the_pattern() -> None:
    rng = random.Random(13)
    dropped = 0
    for _ in range(20_000):
        head = "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 12)))
        text = head + "Jane Roe" + rng.choice(("", " (example)", " (real)", ", 12 Main St"))
        lower = text.lower()
        f = Finding("PERSON", len(head), len(head) + 8, 0.7)
        dropped += by_pattern(text, lower, f)
        assert examples._is_example(text, lower, f) == by_pattern(text, lower, f), text
    assert dropped > 2_000  # both answers are reached


def test_a_window_longer_than_the_cue_reach() -> None:
    text = "example " + "x" * 130 + " Jane Roe"  # the cue is more than 120 characters back
    f = Finding("PERSON", len(text) - 8, len(text), 0.7)
    assert examples._is_example(text, text.lower(), f) is by_pattern(text, text.lower(), f) is False
