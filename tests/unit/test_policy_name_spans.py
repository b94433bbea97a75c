"""A found name completed to its edges and found again at its other mentions (`name_spans.py`).
The examples are written for these tests; each form has a look-alike beside it."""

from __future__ import annotations

import pytest

from shared.policy.detectors import Finding
from shared.policy.engine import EXISTING_DETECTORS, PolicyEngine
from shared.policy.name_spans import complete_persons

ENGINE = PolicyEngine(EXISTING_DETECTORS)


def persons(text: str) -> list[str]:
    return [text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "PERSON"]


def grown(text: str, value: str) -> list[str]:
    """What `complete_persons` adds to one PERSON finding at `value`'s first occurrence."""
    start = text.index(value)
    found = [Finding("PERSON", start, start + len(value), 0.8)]
    return [text[f.start : f.end] for f in complete_persons(text, found)[1:]]


@pytest.mark.parametrize(
    ("text", "value", "whole"),
    [
        ("Signed by P. K. Lindqvist-Moreau on Monday", "Lindqvist-Moreau", "P. K. Lindqvist-Moreau"),
        ("Gez. H.-J. Wendtland, Vorstand", "Wendtland", "H.-J. Wendtland"),
        ("Members: van Houten, Pieter and others", "Houten, Pieter", "van Houten, Pieter"),
        ("Referred by F. von Strelow-Hahn", "Strelow-Hahn", "F. von Strelow-Hahn"),
        ("Patient: O'DRISCOLL, Niamh", "DRISCOLL, Niamh", "O'DRISCOLL, Niamh"),
        ("Contact Beatriz Okonedo-Paz today", "Beatriz Okonedo", "Beatriz Okonedo-Paz"),
        ("signed for by Karim al-Masri at noon", "Karim", "Karim al-Masri"),
        ("Reply to Reginald Ashby-Tate III on it", "Reginald Ashby-Tate", "Reginald Ashby-Tate III"),
        ('Stylist: Prudence "Pru" Okafor-Lind', "Prudence", 'Prudence "Pru" Okafor-Lind'),
        ("Inhaber SVEN HALVORSEN, Karte", "SVEN", "SVEN HALVORSEN"),
        ('login name="Ivanova T.K." today', "Ivanova", "Ivanova T.K."),
    ],
)  # fmt: skip
def test_a_name_is_grown_to_its_edges(text: str, value: str, whole: str) -> None:
    assert whole in grown(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("le rapport de Sandrine est prêt", "Sandrine"),  # "de" before a given name is a preposition
        ("Frau Winter (Klassenleitung) bittet um Rückmeldung", "Winter"),  # a bracket that is no nickname
        ("Buenas tardes, Sr. Iglesias", "tardes"),  # lower case: not a name's edge
        ("Estimada Ximena, Sr. Ortega llega mañana", "Ximena"),  # "Sr." before a name is señor
    ],
)
def test_what_is_not_a_names_edge_is_left(text: str, value: str) -> None:
    assert all(g == value or value not in g for g in grown(text, value))
    assert not any(
        g.startswith(("de ", "Winter (")) or g.endswith((", Sr", ", Sr.")) for g in grown(text, value)
    )


def test_two_findings_that_only_a_blank_separates_are_one_name() -> None:
    text = "Call Ottilie Brandvold-Ames tomorrow"
    a, b = text.index("Ottilie"), text.index("Brandvold")
    found = [Finding("PERSON", a, a + 7, 0.7), Finding("PERSON", b, b + len("Brandvold-Ames"), 0.7)]
    assert "Ottilie Brandvold-Ames" in [text[f.start : f.end] for f in complete_persons(text, found)]
    handles = "cc @ottilie @bram"  # two handles stay two
    h1, h2 = handles.index("@ottilie"), handles.index("@bram")
    found = [Finding("PERSON", h1, h1 + 8, 0.7), Finding("PERSON", h2, h2 + 5, 0.7)]
    assert len(complete_persons(handles, found)) == 2


def test_a_name_is_found_again_at_its_other_mentions() -> None:
    text = "Attendees: Dr. Wilhelmina Oduya-Strand. Later Oduya-Strand said the budget holds; ask Wilhelmina."
    assert persons(text).count("Oduya-Strand") == 1
    assert "Wilhelmina" in persons(text)
    speaker = "Ines: can we move it?\nBartek: fine by me\nIines wrote. Ines will send it."
    assert persons(speaker).count("Ines") == 2


def test_a_mention_inside_another_capitalized_run_is_left() -> None:
    text = "Ask Louise Marchetti about it. We stayed near Lake Louise."
    assert "Louise Marchetti" in persons(text)
    assert not any(
        text.rindex("Louise") in range(f.start, f.end) for f in ENGINE.scan(text) if f.type == "PERSON"
    )
    firm = "Mr. Aurelio Winterbach wrote. Winterbach & Söhne delivered; Winterbach Logistics too."
    spans = [f for f in ENGINE.scan(firm) if f.type == "PERSON"]
    assert [firm[f.start : f.end] for f in spans] == ["Aurelio Winterbach"]


def test_texts_without_a_person_pay_nothing() -> None:
    found = [Finding("EMAIL", 0, 5, 0.9)]
    assert complete_persons("a@b.c", found) is found


def test_a_title_takes_an_apostrophe_prefix_and_two_hyphens() -> None:
    assert "O'Maolain-Ruiz" in persons("Dear Mr. O'Maolain-Ruiz,\nthank you for your letter.")
    assert "Abbott-Lowe-Vance" in persons("Mrs. Abbott-Lowe-Vance called twice.")


def test_the_particle_prefilter_holds_wherever_the_pattern_finds_a_particle() -> None:
    """`_grow` searches `_PARTICLE_BEFORE` only where `_ends_in_particle` says a particle may end the
    head: that test must hold wherever the pattern matches (else a particle is missed), on random heads
    of particles, letters, quotes, hyphens and blanks."""
    import random

    from shared.policy.name_spans import _PARTICLE_BEFORE, _ends_in_particle

    rnd = random.Random(11)
    pieces = [
        "de",
        "De",
        "la",
        "dos",
        "Dos",
        "van",
        "der",
        "Ó",
        "Nic",
        "Mac",
        "x",
        "«",
        "(",
        "-",
        "'",
        "\u2019",
        " ",
        "\t",
    ]
    matched = 0
    for _ in range(20000):
        head = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 8))) + rnd.choice([" ", "\t", "  "])
        if _PARTICLE_BEFORE.search(head) is not None:
            matched += 1
            assert _ends_in_particle(head), repr(head)
    assert matched > 1000


# -- thirteenth session: a title alone is no name; the name after it, and a title that is a name, are ----
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Witness: Mr. Pieter Claes, 0470 55 61 82", ["Pieter Claes"]),
        ("Cliente: Sr. José Antonio Pérez Delgado\nTipo: queja", ["José Antonio Pérez Delgado"]),
        ("Parent contact: Mrs. Lakshmi Narayanan (mother)", ["Lakshmi Narayanan"]),
        ("Ärztin: Dr. Marlene Voss.", ["Marlene Voss"]),
        ("Destinatario: Sr. D. Ramón Iglesias Castro, Rúa Nova", ["D. Ramón Iglesias Castro"]),
        # the title's other mentions were masked with it: every "Mr" of the text
        ("Witness: Mr. Pieter Claes. Later Mr. Dupont left.", ["Pieter Claes", "Dupont"]),
    ],
)  # fmt: skip
def test_a_title_alone_is_not_masked_and_the_name_after_it_is(text: str, names: list[str]) -> None:
    found = persons(text)
    assert all(name in found for name in names), found
    assert not any(value.rstrip(".") in ("Mr", "Mrs", "Sr", "Dr") for value in found), found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Don: running late\nDon: there in 5", "Don"),  # a title the lexicon also knows as a given name
        ("Customer: Lady Penelope Smythe", "Lady Penelope Smythe"),  # a title inside a name stays in it
    ],
)
def test_a_title_that_is_a_name_stays_masked(text: str, name: str) -> None:
    assert name in persons(text)
