"""An address completed over the segments around it (`address_spans.py`). The examples are written for
these tests; each form has a look-alike beside it (a name, prose, a company's legal form)."""

from __future__ import annotations

import pytest

from shared.policy.address_spans import complete_addresses
from shared.policy.detectors import Finding
from shared.policy.engine import EXISTING_DETECTORS, PolicyEngine

ENGINE = PolicyEngine(EXISTING_DETECTORS)


def spans(text: str, kind: str) -> list[str]:
    return [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == kind]


def grown(text: str, value: str, others: tuple[str, ...] = ()) -> list[str]:
    """What `complete_addresses` adds to one ADDRESS finding at `value` (other findings at `others`)."""
    start = text.index(value)
    found = [Finding("ADDRESS", start, start + len(value), 0.8)]
    found += [Finding("PERSON", text.index(o), text.index(o) + len(o), 0.8) for o in others]
    return [text[f.start : f.end] for f in complete_addresses(text, found)[len(found) :]]


CASES = [  # (text, the address as found, the address grown)
    ("Send it to 14 Quarry Lane, Moss Side, Kaduna until May.", "14 Quarry Lane", ", Moss Side, Kaduna"),
    ("Ship: 40 Tern Road, Tower C, Sha Tin, Hong Kong.", "40 Tern Road", ", Tower C, Sha Tin, Hong Kong"),
    (
        "Av. Mitre 1200, piso 3 dto. C, C1425ABC CABA, Argentina.",
        "Av. Mitre 1200, piso 3",
        " dto. C, C1425ABC CABA, Argentina",
    ),
    (
        "at 9 Rue Lemieux, bureau 12, Laval (Québec) H7N 2K4.",
        "9 Rue Lemieux",
        ", bureau 12, Laval (Québec) H7N 2K4",
    ),
    (
        "Courier to 2nd Floor, Harbour Chambers, 8 Dock Road, Leith.",
        "8 Dock Road",
        "2nd Floor, Harbour Chambers, ",
    ),
    ("Renvoyer à : chemin des Pins 4, 1012 Lausanne.", "Pins 4, 1012 Lausanne", "chemin des "),
    ("Postfach 77, 8000 Zürich 1 ist richtig.", "Postfach 77, 8000 Zürich", " 1"),
]


@pytest.mark.parametrize(("text", "value", "more"), CASES)
def test_an_address_is_grown_over_its_segments(text: str, value: str, more: str) -> None:
    assert any(value in g and more.strip(", ") in g for g in grown(text, value))


def test_what_is_not_an_address_segment_is_left() -> None:
    text = "Lives at 12 Oak Street, Springfield, and she likes it."
    assert "12 Oak Street, Springfield" in grown(text, "12 Oak Street")
    assert not any("and" in g for g in grown(text, "12 Oak Street"))
    prose = "Lieferung an Hauptstraße 12a, 04109 Leipzig, Bitte klingeln Sie zweimal."  # a sentence, no town
    assert not any("Bitte" in g for g in grown(prose, "Hauptstraße 12a, 04109 Leipzig"))
    named = "Invoice: Talvik Design ApS, Nørre Allé 12, 2200 København N"  # "ApS" is no unit
    assert not any(g.startswith(("ApS", "Talvik")) for g in grown(named, "Nørre Allé 12, 2200 København N"))
    house = "The farm Casa Los Olivos, Camino Real s/n, 10600 Plasencia"  # a house's name, no unit number
    assert not any(g.startswith("Casa") for g in grown(house, "Camino Real s/n, 10600 Plasencia"))
    person = "Parcel for Ines Marlow, Flat 2, 9 Hill Rd, Ayr"  # the name before stays a name
    assert not any("Ines" in g for g in grown(person, "Flat 2, 9 Hill Rd, Ayr", ("Ines Marlow",)))


def test_the_engine_masks_the_grown_address_and_keeps_the_name() -> None:
    text = "Contact Jonas Ebbesen at Unit 7, Tower B, 88 Marsh Road, Wan Chai, Hong Kong."
    assert "Unit 7, Tower B, 88 Marsh Road, Wan Chai, Hong Kong" in spans(text, "ADDRESS")
    assert "Jonas Ebbesen" in spans(text, "PERSON")


def test_texts_without_an_address_pay_nothing() -> None:
    found = [Finding("EMAIL", 0, 5, 0.9)]
    assert complete_addresses("a@b.c", found) is found
