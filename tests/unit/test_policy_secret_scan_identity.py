"""The secret scans' anchoring changes nothing (shared/policy/secrets_cued.py, secrets_forms.py): the
security-answer and recovery-phrase scans try their label regexes only where a label can start, the code
scan's heads only where a root occurs, the form scan's patterns only behind their roots, and the cued
detector finds each family's roots once; checked against the scans as they were (every position, every
root searched, no grouping) on the dev corpora's texts and on generated texts built around every label,
root, cue form and separator, with letters IGNORECASE folds apart from `str.lower()`."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from shared.policy import detectors, secrets_cued, secrets_forms
from shared.policy.anchors import case_digit_classes, finds

ROOT = Path(__file__).resolve().parents[2]
SETS = (
    "corpus.jsonl",
    "dev-2026-12-02/pii.jsonl",
    "dev-2026-12-04/pii.jsonl",
    "dev-2026-12-05/pii.jsonl",
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


def _codes_as_they_were(text: str, lower: str) -> list[tuple[int, int]]:
    """scan_codes with its heads tried at every occurrence of every root (no grouping by character)."""
    starts = sorted({i for root in secrets_cued.CODE_ROOTS for i in finds(lower, root)})
    return list(secrets_cued.scan_codes(text, lower, starts))


def _forms_as_they_were(text: str, lower: str) -> Iterator[tuple[int, int]]:
    """scan_forms as it was: each form behind its own root tests only."""
    if "basic" in lower:
        for m in secrets_forms._BASIC.finditer(text):
            if secrets_forms._basic_pair(m.group(1)):
                yield m.start(1), m.end(1)
    for root, pattern in secrets_forms._FLAGS:
        if root in lower:
            for m in pattern.finditer(text):
                if m.group(1).lower() not in secrets_forms._PLACEHOLDER and not m.group(1).startswith("$"):
                    yield m.start(1), m.end(1)
    if ("/" in text and any(w in lower for w in secrets_forms._PAIR_ROOTS)) or "cred" in lower:
        for m in secrets_forms._PAIR.finditer(text):
            if case_digit_classes(m.group(2)) >= 2 or len(m.group(2)) >= 8:
                yield m.start(2), m.end(2)
    if "pw" in lower or "mdp" in lower:
        for m in secrets_forms._PW.finditer(text):
            if case_digit_classes(m.group(1)) >= 2 and not m.group(1).startswith("$"):
                yield m.start(1), m.end(1)
    if any(root in lower for root in secrets_forms._WIFI_ROOTS):
        for m in secrets_forms._WIFI.finditer(text):
            value = m.group(1).rstrip(".!?")
            if case_digit_classes(value) >= 2 and len(value) >= 8:
                yield m.start(1), m.start(1) + len(value)


def _cued_as_it_was(text: str, lower: str) -> list[tuple[int, int]]:
    """The cued detector as it was: a root test per family, then the scans as they were."""
    spans: list[tuple[int, int]] = []
    if any(root in lower for root in secrets_cued.CODE_ROOTS):
        spans += _codes_as_they_were(text, lower)
    if any(root in lower for root in secrets_cued.ANSWER_ROOTS + secrets_forms.PHRASE_ROOTS):
        spans += _answers_everywhere(text)
        spans += _phrases_everywhere(text)
    spans += _forms_as_they_were(text, lower)
    return list(dict.fromkeys(spans))


CUES = [
    "door code", "PIN", "pin", "Türcode", "PIN-Code", "code d'accès", "código de la puerta", "backup codes",
    "2FA recovery codes", "CVV", "cvc2", "OTP", "TAN", "Geheimzahl", "combination", "the lock's combination",
    "Kombination", "keybox by the door, code", "postcode", "zip code", "error code", "Bengaluru, PIN",
    "passcode", "Basic", "curl -u alice", "sshpass -p", "--password", "/p:", "user/pass",
    "Benutzer / Kennwort", "creds", "pw", "mdp", "wifi key", "WPA2 passphrase", "Netzwerkschlüssel",
    "clé wifi",
    "clave de red", "SSID home key", "password", "recovery phrase", "seed words", "Security answer",
    "Sicherheitsfrage: Hund? Antwort",
    "P\u0130N", "\u0130stanbul door code", "ba\u017fic", "\u212aod", "pa\u017f\u017fcode",
]  # fmt: skip
VALUES = [
    ": 4471", " is 4471#", " 7QKM-29TX-LL4P, 8765-4321", " dXNlcjpwYXNzd29yZA==", ":s3cretPass9", " Hunt3r22",
    " = 'Abcdefg12'", ": bob / Zx9!pass", " is " + TWELVE, ": \"correct horse battery staple\"", " 36-24-12",
    " for the back door is 5521", "\n  1. 123456\n  2. 654321", " expired2", ": blue lagoon.", "",
]  # fmt: skip


def _cued_texts(count: int) -> list[str]:
    rng = random.Random(20261207)
    out = []
    for _ in range(count):
        parts = [rng.choice(CUES) + rng.choice(VALUES) for _ in range(rng.randint(1, 3))]
        out.append(rng.choice(["", "Note 7: ", "ok "]) + rng.choice([" ", ". ", "\n", "; "]).join(parts))
    return out


def _engine_lower(text: str) -> str:
    """The lower-cased text `PolicyEngine.scan` passes (offsets kept where a character lowers to two)."""
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lower


@pytest.mark.parametrize("source", ["dev", "generated"])
def test_the_cued_detector_finds_what_it_found_before(source: str) -> None:
    texts = _dev_texts() if source == "dev" else _cued_texts(3000) + _generated(500)
    hits = 0
    for text in texts:
        lower = _engine_lower(text)
        found = [(f.start, f.end) for f in detectors._secret_cued(text, lower, set())]
        assert found == _cued_as_it_was(text, lower), text
        assert list(secrets_forms.scan_forms(text, lower)) == list(_forms_as_they_were(text, lower)), text
        assert list(secrets_cued.scan_codes(text, lower)) == _codes_as_they_were(text, lower), text
        hits += bool(found)
    assert hits > (5 if source == "dev" else 1000)  # the comparison saw findings, not only empty scans
