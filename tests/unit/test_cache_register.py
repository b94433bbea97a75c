"""Register and padding in the semantic hit decision: openings, frames, hedges and dotted short forms."""

from __future__ import annotations

import pytest

from shared.cache.decision import decide

HITS = [
    ("How do I add a doctor to the roster?", "Dear colleague, how do I add a doctor to the roster?"),
    ("How do I add a doctor to the roster?", "Hi there, how do I add a doctor to the roster?"),
    ("How do I add a doctor to the roster?", "Dear HR team: how do I add a doctor to the roster?"),
    ("¿Cómo reinicio el router?", "Hola compañeros, ¿cómo reinicio el router?"),
    ("Wie setze ich das Passwort zurück?", "Liebe Kollegen, wie setze ich das Passwort zurück?"),
    ("Comment réinitialiser le mot de passe ?", "Bonjour à tous, comment réinitialiser le mot de passe ?"),
    ("Is it OK to reuse my password?", "May I ask whether it is OK to reuse my password?"),
    ("How do I take a screenshot?", "Sorry, probably a basic question, but how do I take a screenshot?"),
    ("How do I take a screenshot?", "Ugh. How do I take a screenshot?"),
    (
        "Lieferung inklusive Verpackung bzw. Versicherung",
        "Lieferung inkl. Verpackung beziehungsweise Versicherung",
    ),
]
MISSES = [  # an opening that can carry content stays and must be matched; a tense is never a register
    ("Hast du eine Vorlage für eine Rechnung?", "Hattest du eine Vorlage für eine Rechnung?"),
    ("How do I store passwords?", "Good practice: how do I store passwords?"),
    ("¿Tienes una plantilla de factura?", "¿Tenías una plantilla de factura?"),
    ("Avez-vous reçu la facture ?", "Ont-ils reçu la facture ?"),  # another person, not a register
    ("¿Tienes acceso al portal?", "¿Tienen acceso al portal?"),
    ("Do you have access to the portal?", "Does she have access to the portal?"),  # a third person
    ("¿Tienes acceso al portal?", "¿Tiene ella acceso al portal?"),
    ("How do I reset the password?", "How do I reset their password?"),
    ("How do I add a doctor to the roster?", "Hi Berlin office team, how do I add a doctor to the roster?"),
    ("How do I add a doctor to the roster?", "Hi, not urgent, how do I add a doctor to the roster?"),
    ("How do I add a doctor to the roster?", "Dear team, for 2025, how do I add a doctor to the roster?"),
    ("How do I take a screenshot?", "Sorry, probably basic for Linux users, but how do I take a screenshot?"),
]


@pytest.mark.parametrize(("a", "b"), HITS)
def test_padding_and_register_are_explained(a: str, b: str) -> None:
    verdict = decide(b, a)
    assert verdict.hit, verdict.reason
    assert decide(a, b).hit


@pytest.mark.parametrize(("a", "b"), MISSES)
def test_padding_with_content_is_a_miss(a: str, b: str) -> None:
    assert not decide(b, a).hit
    assert not decide(a, b).hit
