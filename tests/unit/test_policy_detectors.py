"""Detectors: each type's positives, the look-alikes that must pass untouched, and the checksums."""

from __future__ import annotations

import pytest

from shared.policy.checksums import iban_valid, luhn_valid, shannon_entropy, ssn_valid
from shared.policy.engine import PolicyEngine

ENGINE = PolicyEngine()
JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"


def found(text: str) -> list[tuple[str, str]]:
    return [(f.type, text[f.start : f.end]) for f in ENGINE.scan(text)]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("write to anna.k+news@mail.example.org today", "EMAIL", "anna.k+news@mail.example.org"),
        ("Call me at +1 (415) 555-0132 tomorrow", "PHONE", "+1 (415) 555-0132"),
        ("Telefon: +49 (0)89 3768474", "PHONE", "+49 (0)89 3768474"),
        ("Appelez-moi au +33 6 12 34 56 78.", "PHONE", "+33 6 12 34 56 78"),
        ("Mi móvil es 612 34 56 78.", "PHONE", "612 34 56 78"),
        ("Mein Handy: 030 7686099", "PHONE", "030 7686099"),
        ("card 4111 1111 1111 1111 exp 09/28", "CREDIT_CARD", "4111 1111 1111 1111"),
        ("Amex 3782-822463-10005", "CREDIT_CARD", "3782-822463-10005"),
        ("Meine IBAN lautet DE89 3704 0044 0532 0130 00.", "IBAN", "DE89 3704 0044 0532 0130 00"),
        ("IBAN GB82WEST12345698765432 please", "IBAN", "GB82WEST12345698765432"),
        ("My SSN is 123-45-6789.", "US_SSN", "123-45-6789"),
        ("Numéro de passeport : 12AB34567", "PASSPORT", "12AB34567"),
        ("Geboren am 17.11.1951 in Köln", "DATE_OF_BIRTH", "17.11.1951"),
        ("née le 3 mars 1985 à Lyon", "DATE_OF_BIRTH", "3 mars 1985"),
        ("Fecha de nacimiento: 1985-03-12", "DATE_OF_BIRTH", "1985-03-12"),
        ("The server at 192.168.1.20 is down", "IP_ADDRESS", "192.168.1.20"),
        ("client fe80::1ff:fe23:4567:890a blocked", "IP_ADDRESS", "fe80::1ff:fe23:4567:890a"),
        (
            "key AIzaSyD3x4mpl3K3yV4lu3F0rT3st1ngOnly123 for Maps",
            "GOOGLE_API_KEY",
            "AIzaSyD3x4mpl3K3yV4lu3F0rT3st1ngOnly123",
        ),
        ("aws_access_key_id = AKIA44KRQTEM63TS66BH", "AWS_ACCESS_KEY", "AKIA44KRQTEM63TS66BH"),
        (
            f"Bearer {JWT}",
            "JWT",
            JWT,
        ),
        (  # the credential, not the ids beside it
            "get https://x.example.com/e?id=4&access_token=abcDEF1234567890 now",
            "URL_TOKEN",
            "abcDEF1234567890",
        ),
        ("https://bob:s3cretPass@db.example.com/x.", "URL_TOKEN", "s3cretPass"),
        (  # a signed URL's signature is the credential; its bucket and object stay readable
            "get https://b.s3.amazonaws.com/k.csv?X-Amz-Expires=900&X-Amz-Signature=7d1c0e5b9a44f1e2 now",
            "URL_TOKEN",
            "7d1c0e5b9a44f1e2",
        ),
        ("zoom https://z.example/j/84512339901?pwd=W1rGud5amTGCnJdd see", "URL_TOKEN", "W1rGud5amTGCnJdd"),
        ("reset https://a.example/reset/8f3KqZ29xLmP0vNw4rT7 today", "URL_TOKEN", "8f3KqZ29xLmP0vNw4rT7"),
        ("https://a.example/join?team=42&inviteToken=AbC123xyz789QwErTy", "URL_TOKEN", "AbC123xyz789QwErTy"),
        ("DSN postgres://app:Hx7!pQ2vLm9@db.internal:5432/billing", "URL_TOKEN", "Hx7!pQ2vLm9"),
        ("DB_PASS=Lk4$mN8qR2", "SECRET", "Lk4$mN8qR2"),
        ("mysql -u root -pTr0ub4dor3x crm", "SECRET", "Tr0ub4dor3x"),
        (
            "Authorization: Bearer 4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
            "SECRET",
            "4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c",
        ),
        ("Passwort: Sommer2024!", "SECRET", "Sommer2024!"),
        (
            "token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
            "SECRET",
            "ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789",
        ),
        ("My name is Laura Fischer.", "PERSON", "Laura Fischer"),
        ("Sehr geehrte Frau Hoffmann, danke.", "PERSON", "Hoffmann"),
        ("Me llamo Emre Van der Berg.", "PERSON", "Emre Van der Berg"),
        ("Please ask Thomas Becker to review it.", "PERSON", "Thomas Becker"),
        ("Ship it to 221B Baker Street, London NW1 6XE.", "ADDRESS", "221B Baker Street, London NW1 6XE"),
        ("Lieferadresse: Berliner Straße 12a, 10115 Berlin", "ADDRESS", "Berliner Straße 12a, 10115 Berlin"),
        ("J'habite au 12 bis rue de la Paix, 75002 Paris.", "ADDRESS", "12 bis rue de la Paix, 75002 Paris"),
        (
            "Vivo en Calle de Alcalá 45, 3º B, 28014 Madrid.",
            "ADDRESS",
            "Calle de Alcalá 45, 3º B, 28014 Madrid",
        ),
    ],
)
def test_detects(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


def test_private_key_raw_and_json_escaped() -> None:
    body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\nq1w2e3r4t5y6u7i8o9p0"
    raw = f"-----BEGIN PRIVATE KEY-----\n{body}\n-----END PRIVATE KEY-----\n"
    escaped = raw.replace("\n", "\\n")
    for key in (raw, escaped):
        text = f'{{"type": "service_account", "private_key": "{key}", "x": 1}}'
        kinds = {k for k, v in found(text) if "BEGIN PRIVATE KEY" in v and "END PRIVATE KEY" in v}
        assert kinds == {"GCP_PRIVATE_KEY"}


@pytest.mark.parametrize(
    "text",
    [
        "Upgrade to version 10.0.0.1 first.",
        "Chrome 120.0.6099.109 crashed",
        "Bitte auf Version 4.2.1.0 aktualisieren.",
        "request id 123e4567-e89b-12d3-a456-426614174000",
        "Order number 4111111111111111 shipped.",  # Luhn-valid, but an order number
        "Bestellnummer 100234987 ist versandt.",
        "See invoice INV-2026-000123.",
        "Logged at 2026-11-25T10:30:00Z by the job.",
        "Protokolliert um 25.11.2026 14:05.",
        "Logged at 1764066600 by the job. Contact: support",
        "The book (ISBN 978-3-16-148410-0) is out of print.",
        "ISBN 0-306-40615-2",
        "Item SKU-88213-BLK-XL is back.",
        "Artikel 4006381333931 ist wieder da.",
        "Charged to card **** **** **** 4242.",
        "Charged to card XXXX-XXXX-XXXX-1234.",
        "Reference digits 4111 1111 1111 1112 were rejected.",  # fails Luhn
        "The string DE89 3704 0044 0532 0130 01 failed validation.",  # fails mod-97
        "Fixed in commit 3f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d6c5b4a39.",
        "Meeting at 10:30:45 in room 4.",
        "The answer is 42 and pi is 3.14159.",
        "std::vector<int> and Foo::Bar::baz",
        "Password reset link expired",
        "La commande 4521 8890 1234 est expédiée.",
        "See https://example.com/share/quarterly-report-2024 and https://example.com/verify/account",
    ],
)
def test_look_alikes_pass_untouched(text: str) -> None:
    assert found(text) == []


def test_overlaps_resolve_to_the_stronger_detector() -> None:
    text = "https://api.example.com/x?key=AIzaSyD3x4mpl3K3yV4lu3F0rT3st1ngOnly123"
    assert found(text) == [("GOOGLE_API_KEY", "AIzaSyD3x4mpl3K3yV4lu3F0rT3st1ngOnly123")]


def test_luhn() -> None:
    assert luhn_valid("4111111111111111")
    assert luhn_valid("378282246310005")
    assert not luhn_valid("4111111111111112")
    assert not luhn_valid("1234567812345678")


def test_iban_mod97_and_length() -> None:
    assert iban_valid("DE89370400440532013000")
    assert iban_valid("gb82west12345698765432")
    assert not iban_valid("DE89370400440532013001")  # checksum
    assert not iban_valid("DE8937040044053201300")  # length
    assert not iban_valid("XX89370400440532013000")  # unknown country


def test_ssn_rules_and_entropy() -> None:
    assert ssn_valid("123", "45", "6789")
    assert not ssn_valid("000", "45", "6789")
    assert not ssn_valid("666", "45", "6789")
    assert not ssn_valid("912", "45", "6789")
    assert not ssn_valid("123", "00", "6789")
    assert shannon_entropy("aaaa") == 0
    assert shannon_entropy("abcd") == 2


def test_offsets_survive_characters_that_lowercase_to_two() -> None:
    text = "İstanbul office: write to ops@example.com"
    assert found(text) == [("EMAIL", "ops@example.com")]


@pytest.mark.parametrize(
    ("text", "phones"),
    [  # a subscriber number of up to eight digits after a trunk prefix (German mobile and area codes)
        (
            "Rufen Sie mich unter 0176 47596210 an oder im Büro unter 089 4760236.",
            ["0176 47596210", "089 4760236"],
        ),
        ("Bestellung 0042 12345678 vom Montag, Rechnung 012 3456789", []),  # not valid numbers anywhere
    ],
)
def test_national_numbers_after_a_trunk_prefix(text: str, phones: list[str]) -> None:
    assert [text[f.start : f.end] for f in PolicyEngine().scan(text) if f.type == "PHONE"] == phones


def test_a_company_register_number_is_no_phone() -> None:
    text = "Boulangerie SARL, SIRET 732 829 320 00074, RCS Nantes B 732 829 320. Tel 030 1234567"
    assert [text[f.start : f.end] for f in PolicyEngine().scan(text) if f.type == "PHONE"] == ["030 1234567"]
