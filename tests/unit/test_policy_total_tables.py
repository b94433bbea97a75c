"""The detectors' translation tables with every code point below U+0250 mapped to itself (`_total`)
translate exactly as the plain `str.maketrans` tables did, on every character and on random text."""

from __future__ import annotations

import random

from shared.policy import detectors

PLAIN = {
    "OCR_FOLD": str.maketrans("013457@|", "oieastal"),
    "_NOT_DIGITS": str.maketrans("", "", " .-/()+"),
}


def test_each_character_translates_as_before() -> None:
    for name, plain in PLAIN.items():
        total = getattr(detectors, name)
        for point in range(0x3000):
            char = chr(point)
            assert char.translate(total) == char.translate(plain), (name, point)


def test_random_texts_translate_as_before() -> None:
    rng = random.Random(13)
    alphabet = "013457@| .-/()+azAZéüñßłğ\u0130\u0131\u0250\u0410\u4e2d\U0001f600\t\n"
    for _ in range(5_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        for name, plain in PLAIN.items():
            assert text.translate(getattr(detectors, name)) == text.translate(plain), (name, text)
