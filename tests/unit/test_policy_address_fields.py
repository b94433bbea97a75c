"""Address parts by the field that names them (forms, JSON, CSV headers, SQL INSERT columns, vCard ADR),
a town or unit field only beside a street or postcode field, and overlapping readings of one address
merged into one span."""

from __future__ import annotations

import pytest

from shared.policy.address_fields import CODE, STREET, TOWN, UNIT, key_kind
from shared.policy.engine import PolicyEngine

ENGINE = PolicyEngine()


def addresses(text: str) -> list[str]:
    return [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "ADDRESS"]


def covered(text: str, value: str) -> bool:
    start = text.index(value)
    return any(
        f.type == "ADDRESS" and f.start <= start and start + len(value) <= f.end for f in ENGINE.scan(text)
    )


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("ZIP", CODE), ("Postleitzahl", CODE), ("code_postal", CODE), ("Código postal", CODE),
        ("City", TOWN), ("Ort", TOWN), ("ville", TOWN), ("State", TOWN), ("PLZ/Ort", TOWN),
        ("Unit/Apt", UNIT), ("Piso", UNIT),
        ("Street address", STREET), ("address_line1", STREET), ("Lieferadresse", STREET), ("line2", STREET),
        ("Hausnummer", STREET), ("Dirección", STREET), ("mailing_address", STREET),
        ("ip_address", None), ("email address", None), ("wallet addr", None), ("MAC address", None),
        ("Name", None), ("Order number", None), ("version", None),
    ],
)  # fmt: skip
def test_key_kinds(key: str, kind: str | None) -> None:
    assert key_kind(key) == kind


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Street address: 903 Magnolia Court\nUnit/Apt: 6\nCity: Savannah\nState: GA\nZIP: 31405",
         ["903 Magnolia Court", "6", "Savannah", "GA", "31405"]),
        ("Name, Vorname: Sommerfeld, Gesine\nStraße, Hausnummer: Elbchaussee 301\nPLZ, Ort: 22609 Hamburg",
         ["Elbchaussee 301", "22609 Hamburg"]),
        ("INSERT INTO addresses (person, line1, city, postcode) VALUES ('Shreya Banerjee', '17 Maple Drive', "
         "'Leicester', 'LE2 3GH');", ["17 Maple Drive", "Leicester", "LE2 3GH"]),
        ('order_id,customer,address,zip\nA-8812,Lena Hartwig,"1550 SW Alder St Unit 210, Portland, OR",97205',
         ["1550 SW Alder St Unit 210, Portland, OR", "97205"]),
        ('nombre;direccion;cp\n"Arantxa Olabarria";"C/ Gran Vía 45, 6.º dcha";"48011 Bilbao"',
         ["C/ Gran Vía 45, 6.º dcha", "48011 Bilbao"]),
        ('{"name": "Ana Ruiz", "street": "Oudegracht 212", "zip": "3511 NS", "city": "Utrecht"}',
         ["Oudegracht 212", "3511 NS", "Utrecht"]),
        ("BEGIN:VCARD\nFN:Freja Rasmussen\n"
         "ADR;TYPE=home:;;Nørrebrogade 112, 3. th.;København N;;2200;Danmark\nEND:VCARD",
         ["Nørrebrogade 112, 3. th.;København N;;2200;Danmark"]),
        ("Billing form\nZIP: 90210", ["90210"]),
    ],
)  # fmt: skip
def test_address_fields_each_part_is_masked(text: str, values: list[str]) -> None:
    for value in values:
        assert covered(text, value), (value, addresses(text))


@pytest.mark.parametrize(
    "text",
    [
        '{"city": "Paris", "timezone": "Europe/Paris", "retries": 3}',  # a town field with no street or code
        "City: Lisbon\nTeam size: 12\nOffice floor: 4",
        "ip_address: 10.0.0.12\nport: 8080",
        "state: active\nzip: true\nretries: 5",
        "version,build,state\n2.3.14,7,GREEN",
        "Order number: 44120\nTracking: 1Z999AA10123456784",
    ],
)
def test_fields_that_are_not_an_address(text: str) -> None:
    assert addresses(text) == []


def test_prose_after_a_labelled_street_is_not_taken_with_it() -> None:
    text = "Lieferadresse: Schillerstr. 32a, 95976 München Die Angabe NL29ILAR8146326752 war ungültig."
    assert addresses(text) == ["Schillerstr. 32a, 95976 München"]


def test_overlapping_readings_of_one_address_are_one_span() -> None:
    text = (
        "Pickup: Gate 3, 2850 Commerce Pkwy, Miramar, FL 33025; "
        "drop-off: 100 Biscayne Blvd Ste 2100, Miami, FL 33132."
    )
    assert addresses(text) == [
        "Gate 3, 2850 Commerce Pkwy, Miramar, FL 33025",
        "100 Biscayne Blvd Ste 2100, Miami, FL 33132",
    ]


def test_a_name_before_the_street_falls_back_to_the_street_reading() -> None:
    text = (
        'Our invoice template shows "Bill To: {{customer_name}}, {{address}}". For customer 3391 it rendered '
        '"Bill To: Heloise Marchetti-Brown, 66 Crescent Rise, Worthing BN11 4RJ". Good?'
    )
    assert "66 Crescent Rise, Worthing BN11 4RJ" in addresses(text)


# the round's review: ordinary texts that a town, state, "cap" or "cp" key beside a bare code masked
@pytest.mark.parametrize(
    "text",
    [
        "pool:\n  state: Running\n  cap: 5000\n  floor: 2",
        "Ticket 4411\nState: Resolved\nCP: 2048",
        "name,state,cap\nalpha,Active,500",
        "INSERT INTO quotas (plan, state, cap) VALUES ('pro','Active',5000)",
    ],
)
def test_no_address_without_a_street_or_an_unambiguous_postcode(text: str) -> None:
    assert [f for f in PolicyEngine().scan(text) if f.type == "ADDRESS"] == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Address.1: Flat 4, 17 Rosebank Rd\nZIP: 31405", "Flat 4, 17 Rosebank Rd\nZIP: 31405"),
        ("Address #1: 12 Main St\nZip: 12345", "12 Main St\nZip: 12345"),
        # a table whose header comes after the text's first 400 characters is read too
        ("x" * 465 + "\nid,name,street,postcode,city\n1,Anna,Keizersgracht 221,1016 DV,Amsterdam",
         "Keizersgracht 221,1016 DV,Amsterdam"),
        ("Street: Via Roma 12\nCAP: 00184\nCittà: Roma", "Via Roma 12\nCAP: 00184\nCittà: Roma"),
    ],
)  # fmt: skip
def test_review_address_forms(text: str, span: str) -> None:
    assert span in [text[f.start : f.end] for f in PolicyEngine().scan(text) if f.type == "ADDRESS"]
