"""Secrets by the structure that carries them (twelfth session): a bare "code" that refers back to a
code the text named before; each beside a look-alike the rule must leave."""

from __future__ import annotations

import pytest

from shared.log import scrub
from shared.policy.engine import PolicyEngine
from shared.policy.secrets_nearby import random_like

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


# twelfth-session review: share, tracking and content ids of public sites are no URL tokens (mend 1)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("https://youtu.be/dQw4w9WgXcQ?si=Kp3mQ8zXr2TvL9wB", "Kp3mQ8zXr2TvL9wB"),
        ("https://x.com/jack/status/20?s=20&t=Xk9pQ2mLr7TvBn4WqA1bCd", "Xk9pQ2mLr7TvBn4WqA1bCd"),
        ("youtube.com/watch?v=rfscVS0vtbw&list=PLWKjhJtqVAbnqBxcdjVGgT3uVR10bzTEB",
         "PLWKjhJtqVAbnqBxcdjVGgT3uVR10bzTEB"),
        ("https://images.unsplash.com/photo-1?ixid=M3wxMjA3fDB8MHxwaG90by1wYWdlfHx8fGVufDB8fHx8fA&ixlib=rb-4.0.3",
         "M3wxMjA3fDB8MHxwaG90by1wYWdlfHx8fGVufDB8fHx8fA"),
        ("https://www.google.com/search?q=gatehouse&sxsrf=APwXEdcL2kS9Yq3pRz&ved=2ahUKEwjR8q3xLm7Tv",
         "APwXEdcL2kS9Yq3pRz"),
        ("https://www.google.com/search?q=gatehouse&sxsrf=APwXEdcL2kS9Yq3pRz&ved=2ahUKEwjR8q3xLm7Tv",
         "2ahUKEwjR8q3xLm7Tv"),
        ("https://www.amazon.com/dp/B0C1?linkCode=ll1&tag=shop-20&linkId=Ab3De5Fg7Hj9Kl1MnP",
         "Ab3De5Fg7Hj9Kl1MnP"),
    ],
)  # fmt: skip
def test_public_share_and_tracking_ids_are_no_url_tokens(text: str, value: str) -> None:
    assert not masked(text, value), found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("https://news.example/unsubscribe?t=Xk9pQ2mLr7TvBn4WqA1bCd", "Xk9pQ2mLr7TvBn4WqA1bCd"),
        ("https://cdn.example/a.jpg?s=Kp3mQ8zXr2TvL9wBx7Q", "Kp3mQ8zXr2TvL9wBx7Q"),
        ("https://app.example/share?si=Kp3mQ8zXr2TvL9wB&token=Xk9pQ2mLr7TvBn4WqA1bCd",
         "Xk9pQ2mLr7TvBn4WqA1bCd"),
    ],
)  # fmt: skip
def test_the_same_values_elsewhere_stay_url_tokens(text: str, value: str) -> None:
    assert ("URL_TOKEN", value) in found(text), found(text)


# an account word takes only a value bound to it (mend 2); log lines keep their ids
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Updated account 8Xq2LmPz4RtY7vBn3KcD in Firestore", "8Xq2LmPz4RtY7vBn3KcD"),
        ("user uid Qm3xT9vKp2LsW8yZr4NbH6cJd1F for this account", "Qm3xT9vKp2LsW8yZr4NbH6cJd1F"),
        ("Root cause: the job for tenant Kp3mQ8zXr2TvL9wB failed", "Kp3mQ8zXr2TvL9wB"),
        ("The token field is a JSON Web Token, and the request id was aB3dE5fG7hJ9kL1m.", "aB3dE5fG7hJ9kL1m"),
        ("My Konto is fine; the IBAN reference is RF18X9kQ2Lm7Pz4Tv.", "RF18X9kQ2Lm7Pz4Tv"),
        ("root span aB3dE5fG7hJ9kL1mQ2 closed after 12 ms", "aB3dE5fG7hJ9kL1mQ2"),
    ],
)  # fmt: skip
def test_an_id_near_an_account_word_is_left(text: str, value: str) -> None:
    assert not masked(text, value), found(text)
    assert value in scrub(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Zugang: root / Pr0d!Serv3r#03", "Pr0d!Serv3r#03"),
        ("the admin account is Xk9pQ2mLr7TvBn4W", "Xk9pQ2mLr7TvBn4W"),
        ("Test-Account: Xk9pQ2mLr7TvBn4W", "Xk9pQ2mLr7TvBn4W"),
        ("Service-Konto ist Xk9pQ2mLr7TvBn4W", "Xk9pQ2mLr7TvBn4W"),
        ('{"key": "admin_pw", "value": "Fl33tr!Adm1n"}', "Fl33tr!Adm1n"),
        ("account: 8Xq2LmPz4RtY7vBn3KcD", "8Xq2LmPz4RtY7vBn3KcD"),
    ],
)  # fmt: skip
def test_a_value_bound_to_an_account_word_is_masked(text: str, value: str) -> None:
    assert masked(text, value), found(text)


# a bare code that refers back needs a separator or a verb, or "new" before it (mend 3)
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The door code changed last week. The code 2024 edition of the manual is on the shelf.", "2024"),
        ("Le code de la porte a changé hier. Le code 75011 est celui de Paris, et ce code 404 est une erreur",
         "75011"),
        ("Le code de la porte a changé hier. Le code 75011 est celui de Paris, et ce code 404 est une erreur",
         "404"),
    ],
)  # fmt: skip
def test_a_code_that_refers_back_without_a_bond_is_left(text: str, value: str) -> None:
    assert not masked(text, value), found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Le code de la porte a changé hier. Nouveau code 3283.", "3283"),
        ("The door code changed last week. The code: 4471", "4471"),
        ("The door code changed last week. The code is 4471.", "4471"),
    ],
)  # fmt: skip
def test_a_code_that_refers_back_with_a_bond_is_masked(text: str, value: str) -> None:
    assert masked(text, value), found(text)


# random_like: letters of any script are letters, as before 21d3fcd (mend 4)
@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("XÄPm0SqñifMÜO1MOT", False),
        ("Xk9pQ2mLr7TvBn4W", True),
        ("ÄbcDefGhiJklMnö", False),
        ("Kp3mQ8zXr2TvL9wB", True),
    ],
)
def test_random_like_reads_letters_of_any_script(token: str, expected: bool) -> None:
    assert random_like(token) is expected


# -- thirteenth session: a table's password column, published key shapes, environment references --------
_WIFI = "Filiale,WLAN-Name,WLAN-Schlüssel,Alarm code\nHamburg,Telekom-83KQ2P,7nRq2WxZp4Ls,4471\n"
_WIFI_QUOTED = '"Shop","Wi-Fi name","Wi-Fi password"\n"Bristol","SHOP-7QX21","Gv8pQ2rLx9Tb"\n'


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (_WIFI, "7nRq2WxZp4Ls"),  # the password column's cell, whatever its neighbours
        (_WIFI, "4471"),  # a lock code's column: four digits no other rule reads as a secret
        (_WIFI_QUOTED, "Gv8pQ2rLx9Tb"),
        ("tienda;red wifi;clave wifi\nSevilla;MOVISTAR-2C41;pLx7vQ2mRt9w\n", "pLx7vQ2mRt9w"),
        ("user\tadmin_pw\nops\tKestrel-Dusk-41\n", "Kestrel-Dusk-41"),
        # end-of-round review: a hand-aligned table pads its header cells past a name's length
        (
            "site" + " " * 47 + ",password" + " " * 47 + ",note\nHQ" + " " * 47 + ",Tr0ub4dor&3x,main\n",
            "Tr0ub4dor&3x",
        ),
        ('"site","password' + " " * 47 + '","note"\n"HQ","Tr0ub4dor&3x","main office"', "Tr0ub4dor&3x"),
        ('const mg = "key-3f9a2c7e1b4d6f8a0c2e4b6d8f1a3c5e";', "key-3f9a2c7e1b4d6f8a0c2e4b6d8f1a3c5e"),
        (
            'new App({ signingSecret: "8f3a9c2e7b1d4f6a0e5c3b9d8a7f6e2c" })',
            "8f3a9c2e7b1d4f6a0e5c3b9d8a7f6e2c",
        ),
    ],
)
def test_secret_columns_and_key_shapes_are_masked(text: str, value: str) -> None:
    assert masked(text, value), found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (_WIFI, "Telekom-83KQ2P"),  # the network's name beside the password column
        (_WIFI, "Hamburg"),
        (_WIFI_QUOTED, "SHOP-7QX21"),
        ("tienda;red wifi;clave wifi\nSevilla;MOVISTAR-2C41;pLx7vQ2mRt9w\n", "MOVISTAR-2C41"),
        ("sku,product_code,zip_code,password_changed_at\nA1,PX-2201,80331,2024-03-12\n", "PX-2201"),
        ("key,value\nbutton.ok,OK\nerror.Login_Failed,Login failed\n", "button.ok"),  # an i18n table's keys
        ("new App({ token: tok, signingSecret: process.env.SLACK_SIGNING_SECRET })", "SLACK_SIGNING_SECRET"),
        ('password = os.environ["DB_PASSWORD"]', "DB_PASSWORD"),
        (
            "the key-value store keeps key-5d41402abc4b2a76b9719d911017c592x",
            "key-5d41402abc4b2a76b9719d911017c592x",
        ),
    ],
)
def test_their_neighbours_and_references_are_left(text: str, value: str) -> None:
    at = text.index(value)
    assert not [f for f in ENGINE.scan(text) if f.start < at + len(value) and at < f.end], found(text)


# thirteenth session ("looks"): an SSH host key's fingerprint wears its hash's name before the value; the
# same value bound to a secret name, or alone after a key word, is still masked
def test_a_fingerprint_after_its_hash_name_is_left() -> None:
    text = "> Empreinte de la clé hôte : SHA256:9ChIute9pv/k6Y8VvODWqBFP6jhAlO4ifXEzkKy0xU8"
    assert not any(t == "SECRET" for t, _ in found(text)), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "API_SECRET=9ChIute9pv/k6Y8VvODWqBFP6jhAlO4ifXEzkKy0xU8",
        "deploy key 9ChIute9pv/k6Y8VvODWqBFP6jhAlO4ifXEzkKy0xU8 rotated",
    ],
)
def test_the_same_value_without_a_hash_name_is_masked(text: str) -> None:
    assert masked(text, "9ChIute9pv/k6Y8VvODWqBFP6jhAlO4ifXEzkKy0xU8"), found(text)


# -- fourteenth session's review: a label and its value on one line are no table row; a header's own ------
# column names; each real value beside the look-alike the rule was made for (both in one text)
_ROWS = "Filiale,WLAN-Name,WLAN-Schlüssel\nHamburg,Telekom-83KQ2P,7nRq2WxZp4Ls\n\n"
_LONG_ABOVE = "a,b\n" + "x" * 1100 + " password:\np,Q9!xZ#w\n"  # the cue's line, above the value, is > 1 KB
_CODES = "door_code,access_code,Entry code,room\n4711,WELCOME10,VIP2024,Lager\n"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a password holding "," or ";" under a line with as many: its label is on its own line
        (_ROWS + "Server: db01, port 5432\npassword: pa55,W0rd!77\n", "pa55,W0rd!77"),
        (_ROWS + "Hallo Jan,\nKennwort: Sommer,2024!Xq\nGruß", "Sommer,2024!Xq"),
        (_ROWS + "Hi Anna,\nthe new Wi-Fi password is Tr0ub4dor,&3x", "Tr0ub4dor,&3x"),
        ("Hi Anna,\nthe new Wi-Fi password is Tr0ub;dor;&3x", "Tr0ub;dor;&3x"),
        # a line above longer than a row is no header: its separators are not counted from the text's start
        (_LONG_ABOVE, "p,Q9!xZ#w"),
        ("Türcode;Raum\n4711;Lager\n", "4711"),  # a door's code is a credential
        (_CODES, "4711"),
    ],
)
def test_review_values_are_masked_whole(text: str, value: str) -> None:
    assert ("SECRET", value) in found(text), found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            _ROWS + "Server: db01, port 5432\npassword: pa55,W0rd!77\n",
            "Hamburg",
        ),  # the row is still no password
        (_ROWS + "Hallo Jan,\nKennwort: Sommer,2024!Xq\nGruß", "Telekom-83KQ2P"),
        (_CODES, "WELCOME10"),  # a promotion's access code
        (_CODES, "VIP2024"),  # an event's entry code
        ("access_code,description\nWELCOME10,10% off your first order\n", "WELCOME10"),
        ("Entry code,Event\nVIP2024,Gala\n", "VIP2024"),
    ],
)
def test_review_look_alikes_are_left(text: str, value: str) -> None:
    at = text.index(value)
    assert not [f for f in ENGINE.scan(text) if f.start < at + len(value) and at < f.end], found(text)
