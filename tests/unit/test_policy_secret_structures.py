"""Secrets by the structure that carries them (twelfth session): a bare "code" that refers back to a
code the text named before; each beside a look-alike the rule must leave."""

from __future__ import annotations

import pytest

from shared.policy.engine import PolicyEngine

ENGINE = PolicyEngine()


def found(text: str) -> set[tuple[str, str]]:
    return {(f.type, text[f.start : f.end]) for f in ENGINE.scan(text)}


def masked(text: str, value: str) -> bool:
    at = text.index(value)
    return any(f.start <= at and at + len(value) <= f.end for f in ENGINE.scan(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Lucie : le code de la porte a changé\nLucie : nouveau code 3283, l'ancien ne marche plus", "3283"),
        ("The gate code was reset this morning. The new code is 5521, tell the cleaners.", "5521"),
        ("Der Türcode hat sich geändert, neuer Code: 7710.", "7710"),
        ("La clave de la alarma cambió; el código de la puerta también. El nuevo código es 4471.", "4471"),
    ],
)  # fmt: skip
def test_a_code_that_refers_back_is_masked(text: str, value: str) -> None:
    assert masked(text, value), found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Promo: use code 4471 at checkout.", "4471"),  # nothing named before it
        ("The door code changed. Our zip code 90210 did not.", "90210"),  # a qualifier, not a determiner
        ("Door code is 1234. The error code 5023 came from the lock.", "5023"),
        ("Door code: 1234. " + "Nothing else to say here. " * 12 + "The code 5023 is a product.", "5023"),
        ("Türcode: 1234, Postcode 5023 bitte notieren.", "5023"),  # glued to a word
    ],
)
def test_a_bare_code_without_a_secret_before_it_is_left(text: str, value: str) -> None:
    assert not masked(text, value), found(text)
