"""The common words of German, French, Spanish, Italian, Portuguese and Dutch prose (wordfreq): a name
that is also one ("Tage", "Eres", "alla") is weak evidence and opens no candidate run, as "Will" does in
English; a name written in every language ("Giovanni") keeps its weight."""

from __future__ import annotations

import pytest

from shared.policy import person_score
from shared.policy.engine import PolicyEngine

ENGINE = PolicyEngine()


def persons(text: str) -> set[str]:
    return {text[f.start : f.end] for f in ENGINE.scan(text) if f.type == "PERSON"}


@pytest.mark.parametrize(
    "text",
    [
        "Du bist Reiseberater: plane drei Tage in Kyoto für eine Familie.",  # Tage: a Swedish name
        "Eres un pirata simpático que enseña a niños los nombres de las partes de un barco.",
        "Rechnung 2024-118: Beratung, 12 Tage zu 850 EUR. Zahlung innerhalb von 30 Tagen.",
        "ecco il file: la riunione è alla sala grande, uma pausa depois",  # lower-case chat
    ],
)
def test_a_name_that_is_a_common_foreign_word_is_no_name_alone(text: str) -> None:
    assert persons(text) == set()


def test_names_that_are_no_foreign_word_keep_their_weight() -> None:
    lex = person_score.lexicon()
    assert "tage" in lex.foreign
    assert "Tage" not in lex.seeds
    assert "giovanni" not in lex.foreign  # a name in every language's text, a word in none
    assert "Giovanni" in lex.seeds
    assert persons("Bitte ruf Giovanni Ferraro morgen an.") == {"Giovanni Ferraro"}
    assert persons("Hallo Tage, die Unterlagen liegen bereit.") == {"Tage"}  # a greeting still names


def test_a_foreign_word_that_is_no_name_stays_an_unknown_word() -> None:
    """Only names are weakened: a surname no list knows that is a word elsewhere ("Ferri", Italian
    for irons) keeps the evidence an unknown word has after a given name."""
    assert "ferri" in person_score.lexicon().foreign
    assert person_score.token_kind("Ferri") == "U"  # not "C": a common word would count against it
    assert persons("Riassumi: il cliente Alessandro Ferri chiede il rimborso.") == {"Alessandro Ferri"}
