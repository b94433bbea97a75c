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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "The admin account (root / 1HvC5fGTABqIdlyv9doJBCBY) must never be shown.",
            "1HvC5fGTABqIdlyv9doJBCBY",
        ),
        (
            "Der Zugang zum Jenkins ist jetzt über 10.8.0.14:8080 mit admin / bLdm*@eVAp%hNP.",
            "bLdm*@eVAp%hNP",
        ),
        ("El token de la API es Tkn_7Vqm28Xz0Palw9Rb y caduca mañana.", "Tkn_7Vqm28Xz0Palw9Rb"),
        ("Compte de service : svc-backup, mot de passe envoyé à part : qX7mB2vLk9Rt", "qX7mB2vLk9Rt"),
    ],
)
def test_a_random_token_after_an_account_word_is_masked(text: str, value: str) -> None:
    assert masked(text, value), found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Stripe account: customer cus_AhCSpNmXS6mQv6, plan 2", "cus_AhCSpNmXS6mQv6"),
        ("Stripe account: price_1HM0UaGjtrmlh47Z2dQbE9yR", "price_1HM0UaGjtrmlh47Z2dQbE9yR"),
        ("account id 8f2e20b8-0d47-487c-ba66-939b29b5f1ef", "8f2e20b8-0d47-487c-ba66-939b29b5f1ef"),
        ("Account 53418007-64Ad-6080-E9F6-0F9576061B2C was closed", "53418007-64Ad-6080-E9F6-0F9576061B2C"),
        ("root cause: the iPhone15ProMax build of MyAppStore2024 crashed", "iPhone15ProMax"),
        ("Admin: ACCOUNT_SID=AC4732de169d4597cdd24438628ce562fa", "AC4732de169d4597cdd24438628ce562fa"),
        ("account region AWS_REGION=eu-west-1 and Sommer2024Urlaub folder", "Sommer2024Urlaub"),
        ("The secret santa list is in GA-4QX7-PLM2", "GA-4QX7-PLM2"),
    ],
)  # fmt: skip
def test_ids_and_words_after_an_account_word_are_left(text: str, value: str) -> None:
    assert not masked(text, value), found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Unsubscribe: https://news.lumen.shop/u?t=3FiUb6HuIIKHlJTsSmNFo7d8nkC1MjnB&utm_medium=email",
         "3FiUb6HuIIKHlJTsSmNFo7d8nkC1MjnB"),
        ("Presigned: https://cdn.fotoloft.net/p/7781.jpg?exp=1767225600&s=yc66yCLCA61ffH6hR4bRRxJdWSJ581Ic",
         "yc66yCLCA61ffH6hR4bRRxJdWSJ581Ic"),
        ("https://mi.banco-ejemplo.es/recuperar?codigo=BPaSyZyEJIpdrTdL800Qq68FfyStdYgAjd50&lang=es",
         "BPaSyZyEJIpdrTdL800Qq68FfyStdYgAjd50"),
    ],
)  # fmt: skip
def test_a_random_query_value_is_a_url_token(text: str, value: str) -> None:
    assert ("URL_TOKEN", value) in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("https://shop.example/p?gclid=Cj0KCQiA8aOrBhDxARIsAL0mRt7Q&x=1", "Cj0KCQiA8aOrBhDxARIsAL0mRt7Q"),
        ("https://idp.example/authorize?client_id=app&state=aF0ifjsL9dkJ2xQw7RtY", "aF0ifjsL9dkJ2xQw7RtY"),
        ("https://api.example/v1/items?cursor=eyJvZmZzZXQiOjIwfQ&limit=20", "eyJvZmZzZXQiOjIwfQ"),
        ("https://example.com/search?q=iPhone15ProMaxCase&page=2", "iPhone15ProMaxCase"),
        ("https://example.com/a?sha=8f2e20b8d0d47487cba66939b29b5f1ef", "8f2e20b8d0d47487cba66939b29b5f1ef"),
        ("https://example.com/a?utm_campaign=BlackFriday2024Promo", "BlackFriday2024Promo"),
    ],
)  # fmt: skip
def test_query_values_random_by_design_or_not_random_are_left(text: str, value: str) -> None:
    assert not masked(text, value), found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("htpasswd entry ops ; temporary login for ops is $1$TempX4U06Q! until Friday", "$1$TempX4U06Q!"),
        ("Im Feld stand aber das Klartextpasswort $5$WinterpWFyN9acg.", "$5$WinterpWFyN9acg"),
    ],
)
def test_a_password_in_a_hash_prefix_is_masked(text: str, value: str) -> None:
    assert masked(text, value), found(text)


def test_a_whole_stored_hash_near_a_password_word_is_left() -> None:
    value = "$2b$12$" + "KIXQJ9o1sA0p8ZT9m3rO4eQm1E5nB7yVt3fGxPq2LcH8dW6uR0sYa"
    text = f"password hash in the users table: {value} (bcrypt, cost 12)"
    assert not masked(text, value), found(text)
