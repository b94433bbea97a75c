"""The security-answer and recovery-phrase scans try their label regexes only where a label can start
(shared/policy/secrets_cued.py, secrets_forms.py): the same spans as scanning every position, checked
on the dev corpora's texts and on generated texts built around every label, root and separator."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.policy import secrets_cued, secrets_forms

ROOT = Path(__file__).resolve().parents[2]
SETS = (
    "corpus.jsonl",
    "dev-2026-12-02/pii.jsonl",
    "dev-2026-12-04/pii.jsonl",
    "dev-2026-12-03/injection.jsonl",
)


def _answers_everywhere(text: str) -> list[tuple[int, int]]:
    """scan_answers as it was: `_ANSWER` tried at every position, `_QUESTION` searched without a precheck."""
    spans = []
    for cue in secrets_cued._ANSWER.finditer(text):
        bare = " " not in cue.group() and not cue.group().lower().startswith(("sicherheits", "geheim"))
        if bare and secrets_cued._QUESTION.search(text, max(0, cue.start() - 160), cue.start()) is None:
            continue
        m = secrets_cued._ANSWER_VALUE.match(text, cue.end())
        if m is None:
            continue
        group = 1 if m.group(1) is not None else 2
        value = m.group(group)
        if group == 2 and len(value.split()) > 4:
            continue
        spans.append((m.start(group), m.start(group) + len(value.rstrip())))
    return spans


def _phrases_everywhere(text: str) -> Iterator[tuple[int, int]]:
    for m in secrets_forms._PHRASE.finditer(text):
        yield m.start(1), m.end(1)


def _dev_texts() -> list[str]:
    texts = []
    for name in SETS:
        path = ROOT / "bench" / "policy" / name
        if path.exists():
            texts += [
                json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line
            ]
    return texts


LABELS = [
    "security answer", "Secret Answer", "memorable word", "MEMORABLE information", "réponse secrète",
    "Réponse de sécurité", "respuesta secreta", "respuesta de seguridad", "Sicherheitsantwort",
    "geheimantwort", "risposta segreta", "resposta de segurança", "answer", "Antwort", "réponse",
    "respuesta", "xanswer", "recovery phrase", "seed-words", "Secret \t phrase", "backup - words",
    "mnemonic", "Wallet words", "Wiederherstellungsphrase", "phrase de récupération", "frase semilla",
    "frase de recuperación", "birdseed phrase", "seedphrase",
    "\u017fecurity answer", "AN\u017fWER", "\u0130stanbul answer",  # letters IGNORECASE folds apart
]  # fmt: skip
TWELVE = " ".join(["apple", "zebra", "piano", "cloud"] * 3)
TAILS = [
    ": blue lagoon.", " is 'Rex'.", " = tango", " ist Bello.", ": " + " ".join(["word"] * 12),
    " is " + TWELVE + ".", "", " -- nothing here", "\nQ: what?",
]  # fmt: skip


def _generated(count: int) -> list[str]:
    rng = random.Random(20261130)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 4)):
            parts.append(rng.choice(["", "Security question: pet? ", "Sicherheitsfrage: ", "Note ", " - "]))
            parts.append(rng.choice(LABELS) + rng.choice(TAILS))
        out.append(rng.choice(["", "Hello. ", "ok "]) + " ".join(parts))
    return out


@pytest.mark.parametrize("source", ["dev", "generated"])
def test_scans_find_the_same_spans_as_scanning_everywhere(source: str) -> None:
    texts = _dev_texts() if source == "dev" else _generated(3000)
    assert len(texts) > 500
    hits = 0
    for text in texts:
        answers = list(secrets_cued.scan_answers(text))
        assert answers == _answers_everywhere(text), text
        phrases = list(secrets_forms.scan_phrases(text))
        assert phrases == list(_phrases_everywhere(text)), text
        hits += bool(answers or phrases)
    if source == "generated":
        assert hits > 300  # the comparison saw matches, not only empty scans
