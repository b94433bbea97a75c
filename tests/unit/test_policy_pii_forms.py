"""PII in the forms people write: names by position (speaker labels, form labels, JSON/SQL fields,
honorifics), national phone formats, spaced SSNs, address units, OCR-style cue words, IPv4
look-alikes, registry IBANs, and the log scrubber sharing the policy's secret detectors."""

from __future__ import annotations

import pytest

from shared.log import scrub
from shared.policy.engine import PolicyEngine

ENGINE = PolicyEngine()
_MANIFEST = (
    "CREW LIST\nSURNAME      GIVEN NAMES        PASSPORT     DOB\n"
    "NWOSU        CHIDINMA GRACE     A07718265    1988-04-19\n"
    "BERGSTRÖM    ELIN               90118734     1979-10-02"
)


def found(text: str) -> set[tuple[str, str]]:
    return {(f.type, text[f.start : f.end]) for f in ENGINE.scan(text)}


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Odalys Ferreira-Kuhn: can we ship?\nBram Teodorescu: tomorrow.", "PERSON", "Bram Teodorescu"),
        ("Kontoinhaber: Hannelore Wiesenthal\nBetrag: 40 EUR", "PERSON", "Hannelore Wiesenthal"),
        ("Nom et prénom : Aurèle Ndiaye", "PERSON", "Aurèle Ndiaye"),
        ("Titular: Eulalia Ibarretxe Goikoetxea", "PERSON", "Eulalia Ibarretxe Goikoetxea"),
        ('{"id": 7, "customer_name": "Cosmin Vlădescu"}', "PERSON", "Cosmin Vlădescu"),
        ("INSERT INTO users (id, full_name) VALUES (1, 'Ilse Marquardt');", "PERSON", "Ilse Marquardt"),
        ("Ask Herrn Dr. Jorinde Albrecht-Sauer about it.", "PERSON", "Jorinde Albrecht-Sauer"),
        ("Vous pouvez me joindre au 06 47 21 93 58 ce soir.", "PHONE", "06 47 21 93 58"),
        ("Call the desk on 415.555.0199 before noon.", "PHONE", "415.555.0199"),
        ("His SSN is 212 48 7719.", "US_SSN", "212 48 7719"),
        ("Ship to Flat 4B, 27 Marchmont Road by Friday.", "ADDRESS", "Flat 4B, 27 Marchmont Road"),
        ("Ph0ne: 0161 496 0773", "PHONE", "0161 496 0773"),
        ("IBAN NO93 8601 1117 947 for the supplier", "IBAN", "NO93 8601 1117 947"),
        ("Brazilian account BR1800360305000010009795493C1 received", "IBAN", "BR1800360305000010009795493C1"),
        ("id,full_name,plan\n1,Oluwaseun Adeyemi,pro\n2,Hedda Lindqvist,free", "PERSON", "Hedda Lindqvist"),
        ("| Name | Team |\n|---|---|\n| Ingeborg Halvorsen | Data |", "PERSON", "Ingeborg Halvorsen"),
        ("<name><given>Evander</given><family>Quispe</family></name>", "PERSON", "Quispe"),
        # columns aligned with spaces, typed by their header; adjacent person columns are one name
        (_MANIFEST, "PERSON", "NWOSU        CHIDINMA GRACE"),
        (_MANIFEST, "PASSPORT", "A07718265"),
        (_MANIFEST, "DATE_OF_BIRTH", "1988-04-19"),
        ("id;nombre;fecha_nacimiento\n4;Lucía Ortega;02/11/1979", "DATE_OF_BIRTH", "02/11/1979"),
        # birth cues in more languages, a cue some words before its date, a list after one cue
        ("il cliente (nato il 14/02/1976) chiede", "DATE_OF_BIRTH", "14/02/1976"),
        ("Geboren op 3 mei 1980 in Utrecht", "DATE_OF_BIRTH", "3 mei 1980"),
        ("Geburtsdatum der Antragstellerin Ilse Brandt: 17. März 1985", "DATE_OF_BIRTH", "17. März 1985"),
        ("Birthdays: Ama - 3 Jan 2001, Kojo - 19 Oct 1998", "DATE_OF_BIRTH", "19 Oct 1998"),
        # addresses: units and segments between the street and its postcode, more street types and keys
        (
            "Vivo en Jr. Huallaga 350, dpto. 502, Cercado de Lima, Lima 15001.",
            "ADDRESS",
            "Jr. Huallaga 350, dpto. 502, Cercado de Lima, Lima 15001",
        ),
        (
            "Her address is Blk 221 Tampines St 21, #08-114, Singapore 521221.",
            "ADDRESS",
            "Blk 221 Tampines St 21, #08-114, Singapore 521221",
        ),
        (
            "llegará a Polígono El Carrascal, nave 14, 06006 Badajoz a las 8:00.",
            "ADDRESS",
            "Polígono El Carrascal, nave 14, 06006 Badajoz",
        ),
        (
            "Abholung bei mir, Bergstr. 9, Hinterhaus 2. OG, 69117 Heidelberg. Danke",
            "ADDRESS",
            "Bergstr. 9, Hinterhaus 2. OG, 69117 Heidelberg",
        ),
        (
            "Address: Flat 7, Mombasa Road, PO Box 48210-00100, Nairobi\nMobile: +254 712 555 904",
            "ADDRESS",
            "Flat 7, Mombasa Road, PO Box 48210-00100, Nairobi",
        ),
        (  # the fields of one address side by side are one span (address_fields.py)
            '{"street": "Oudegracht 212 bis", "city": "Utrecht"}',
            "ADDRESS",
            'Oudegracht 212 bis", "city": "Utrecht',
        ),
        (
            '{"line1": "Calle de Lope de Vega 18, 2º izq.", "postcode": "28014"}',
            "ADDRESS",
            "Calle de Lope de Vega 18, 2º izq.",
        ),
        ('{"name": [{"family": "Okonjo", "given": ["Adaeze", "Chioma"]}]}', "PERSON", "Chioma"),
        ("Thanks to Mr. Tiberiu Lazăr and Odalys Ferreira for the review", "PERSON", "Odalys Ferreira"),
        ("Bitte an Annegret Pfisterer schicken.", "PERSON", "Annegret Pfisterer"),  # a known given name
        ("SSN 123.45.6789 on file", "US_SSN", "123.45.6789"),
        ("ring 07700 900123 after six", "PHONE", "07700 900123"),
        ('{"date_of_birth": "1990-11-05"}', "DATE_OF_BIRTH", "1990-11-05"),
        ("She was born on the 3rd of March 1961.", "DATE_OF_BIRTH", "3rd of March 1961"),
    ],
)
def test_forms_are_found(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Set the netmask to 255.255.255.0 on the switch.",
        "Chrome 4.2.1.7 crashed on the kiosk.",
        "Upgrade to firmware 2.4.1.9 first.",
        "Order 4410 2291 33 ships today.",
        "The value NL26 RYOB 7764 1255 12 is invalid.",
        "votre demande de remboursement n° 2024-55891 du 14 février",  # a year, then a serial
        "Claim 2019-448120 was closed.",
        "route add 10.8.0.0 mask 255.255.255.0",  # a network, not a host
        "allow 0.0.0.0/0 and 172.16.0.0/12 inbound",
        "Default gateway: 192.168.1.1",  # a router's address
        "Born in Lagos, she joined the firm on 2019-03-01.",  # another date's word before the date
        "Geboren am 25.02.1942. Bitte auf Version 3.3.8.276 aktualisieren.",  # a version after a DOB
        "set the router admin page at 192.168.1.254",
    ],
)
def test_look_alikes_are_not_masked(text: str) -> None:
    assert not {v for kind, v in found(text) if kind in ("IP_ADDRESS", "PHONE", "IBAN", "DATE_OF_BIRTH")} - {
        "25.02.1942"
    }, found(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("block 172.16.4.20/32 now", "172.16.4.20"),  # a /32 is one host
        ("the host 192.168.4.65/26 logged in", "192.168.4.65"),
        ("router logs show 185.220.101.9 attacking", "185.220.101.9"),  # not the router's own address
        ("Tél. n° : 01 23 45 67 89", "01 23 45 67 89"),  # n° before a phone is no reference number
    ],
)
def test_hosts_and_phones_next_to_those_rules_are_still_found(text: str, value: str) -> None:
    assert value in {v for _, v in found(text)}, found(text)


def test_the_log_scrubber_uses_the_policy_secret_detectors() -> None:
    tokens = [
        "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8",
        "sk-proj-" + "Zx9Qw3Er5Ty7Ui1Op2As4Df6Gh8",
        "xoxb-" + "1234567890-abcdefghij",
        "AKIAIOSFODNN7EXAMPLE",
    ]
    line = '{"message": "calling with ' + " ".join(tokens) + '"}'
    scrubbed = scrub(line)
    assert all(token not in scrubbed for token in tokens), scrubbed
    assert scrub('{"message": "nothing secret here", "request_id": "r-42"}') == (
        '{"message": "nothing secret here", "request_id": "r-42"}'
    )


def test_tenant_phone_regions_read_national_formats_first() -> None:
    from shared.policy.profiles import BUILTIN_PROFILES, PolicySettings
    from shared.policy.pseudonymize import Pseudonymizer

    text = "Ring me on 080 1234 5678 tonight."  # an Indian mobile, no country code
    standard = BUILTIN_PROFILES["standard"]
    assert "PHONE" not in {f.type for f in ENGINE.redact(text, standard, Pseudonymizer()).findings}
    settings = PolicySettings.model_validate({"phone_regions": ["in"]})
    assert settings.phone_regions == ("IN",)
    found = ENGINE.redact(text, standard, Pseudonymizer(), regions=settings.phone_regions).findings
    assert "PHONE" in {f.type for f in found}


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("The address on file is 8 Fernbank Road. Thanks, Kieran", "PERSON", "Kieran"),
        ("Ciao Chiara, la password del wifi è nel cassetto.", "PERSON", "Chiara"),
        ("Oye Nacho, ¿me pasas la contraseña?", "PERSON", "Nacho"),
        ("Lleva tu DNI.\n\nUn abrazo,\nMarta", "PERSON", "Marta"),
        ("1. Rodríguez, Ana Lucía — $182k\n2. O'Connell, Brendan — $167k", "PERSON", "Rodríguez, Ana Lucía"),
        (
            "Nouveau fournisseur : Avenue de la Gare 12, 1950 Sion.",
            "ADDRESS",
            "Avenue de la Gare 12, 1950 Sion",
        ),
        (
            "installed at Prinsengracht 418-II, 1016 GV Amsterdam on Monday",
            "ADDRESS",
            "Prinsengracht 418-II, 1016 GV Amsterdam",
        ),
        (
            "entregue na Rua das Flores 120, 3º Esq., 4050-262 Porto. Abraço",
            "ADDRESS",
            "Rua das Flores 120, 3º Esq., 4050-262 Porto",
        ),
        ("Address: Via Garibaldi 41, 50123 Firenze FI", "ADDRESS", "Via Garibaldi 41, 50123 Firenze FI"),
        (
            "Storgatan 14, lgh 1102, 411 38 Göteborg, for a week",
            "ADDRESS",
            "Storgatan 14, lgh 1102, 411 38 Göteborg",
        ),
        (
            "| 1 | Dolores Vance | 4410 Mesquite Bend Ln | San Antonio | 78240 |",
            "ADDRESS",
            "4410 Mesquite Bend Ln | San Antonio | 78240",
        ),
        ("Szymański;Tomasz;Ulmenweg 2;01217;Dresden;+49 40 5550 2231", "ADDRESS", "Ulmenweg 2;01217;Dresden"),
    ],
)
def test_more_forms(text: str, kind: str, value: str) -> None:
    assert (kind, value) in found(text)


def test_a_list_of_full_names_is_not_read_surname_first() -> None:
    names = {v for k, v in found("Attendees: Sam Okafor, Julia Brandt, D. Whitfield") if k == "PERSON"}
    assert {"Sam Okafor", "Julia Brandt"} <= names


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('Ciao, la password del wifi dello studio è "Gelato!Pistacchio9". Domani', "Gelato!Pistacchio9"),
        ('la contraseña del router de la oficina es "Tortilla_2023#". Cámbiala', "Tortilla_2023#"),
        ("Mot de passe temporaire : Vpn-Temp-44zq\nVersion client : 4.10.07", "Vpn-Temp-44zq"),
        (
            "la clé API de production est pk_prod_9Lm2XqT7vR0eZs4Nw8Kd. Ne la partage pas",
            "pk_prod_9Lm2XqT7vR0eZs4Nw8Kd",
        ),
    ],
)
def test_secrets_stated_a_few_words_after_their_keyword(text: str, value: str) -> None:
    assert ("SECRET", value) in found(text)


def test_a_word_after_a_password_keyword_is_not_a_secret() -> None:
    assert not [
        k for k, _ in found("The password policy is enforced since March for all staff") if k == "SECRET"
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("suspect described as male, 30s. Victim Lorraine Pettigrew lives there", "Lorraine Pettigrew"),
        ("Die Karte gehört Inhaberin Hannelore Wiesenthal aus Kiel.", "Hannelore Wiesenthal"),
        ("Please anonymise: Caller Bradley Okonjo-Reyes said his card was stolen.", "Bradley Okonjo-Reyes"),
    ],
)
def test_a_role_noun_before_a_name(text: str, value: str) -> None:
    assert ("PERSON", value) in found(text)


def test_last_and_first_columns_and_a_data_frame_index() -> None:
    csv = 'Alumni:\n"last","first","class"\n"Abernathy","Clementine","2009"\n"Chukwu","Obinna","2011"'
    assert ("PERSON", 'Abernathy","Clementine') in found(csv)
    frame = "df.head():\n   name             dob          zip\n0  Ana Lúcia Prado  1978-05-30  30112\n"
    assert {("PERSON", "Ana Lúcia Prado"), ("DATE_OF_BIRTH", "1978-05-30")} <= found(frame)
    assert not found('stats\n"first","last"\n"2024-01-01","2024-02-01"')


def test_lower_case_speaker_labels_of_a_chat() -> None:
    chat = "standup notes - ahmed: done w/ auth refactor. lucy: blocked on PAY-3391. ben: OOO"
    assert {("PERSON", "ahmed"), ("PERSON", "lucy"), ("PERSON", "ben")} <= found(chat)
    assert not found("note: call back. todo: fix the build. fix: retry")


def test_speaker_labels_in_bold_and_chat_stamps_with_a_weekday() -> None:
    bold = "**Maelis:** can we move the demo?\n**Torvald:** fine by me"  # the colon inside the bold
    assert {("PERSON", "Maelis"), ("PERSON", "Torvald")} <= found(bold)
    assert not found("**Deadline:** Friday\n**Budget:** forty thousand\n**Venue:** the hall")
    irc = "[Sun 23:11] <quillon> who has the key\n[Sun 23:12] <brisa> the front desk"
    assert {("PERSON", "quillon"), ("PERSON", "brisa")} <= found(irc)
