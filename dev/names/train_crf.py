"""Train the name recognizer's CRF (dev-only): `python -m dev.names.train_crf [--out PATH]`.

Inputs: the generated texts of `person_corpus.py` and `crf_corpus.py` (persons known by construction)
and the dev sets' TUNING halves only (ids split by sha256 as `bench.policy_bench` does; the held-out
halves are never read here), plus the dev sets that have no held-out half (dev-2026-11-30, -12-01).
Each line that holds a candidate word (`recognizer._candidate`, the runtime's rule) becomes one
sequence labelled B-PER / I-PER / O from the labelled spans. For a share of the generated texts the
persons' words are hidden from the lexicon (name dropout), so the tagger also learns names no list
knows. L-BFGS with L1+L2 is deterministic: the same inputs write the same model.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

import pycrfsuite

from dev.injection.devsplit import half
from shared.policy import recognizer
from shared.policy.person_score import lexicon

ROOT = Path(__file__).resolve().parents[2]
POLICY = ROOT / "bench" / "policy"
GENERATED = (ROOT / "dev" / "names" / "person_train.jsonl", ROOT / "dev" / "names" / "crf_train.jsonl")
WHOLE = (POLICY / "dev-2026-11-30" / "pii.jsonl", POLICY / "dev-2026-12-01" / "pii.jsonl")
HALVED = (
    POLICY / "dev-2026-12-02" / "pii_dev.jsonl",
    POLICY / "dev-2026-12-04" / "pii.jsonl",
    POLICY / "dev-2026-12-05" / "pii.jsonl",
    POLICY / "dev-2026-12-06" / "pii.jsonl",
)
DROPOUT = 0.35  # share of generated texts whose persons' words the lexicon does not know
PARAMS = {"c1": 0.5, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


class _Hiding:
    """A set that answers "no" for the hidden words (the lexicon sets are large: no copy per text)."""

    def __init__(self, inner: frozenset[str], hidden: set[str]) -> None:
        self.inner, self.hidden = inner, hidden

    def __contains__(self, word: object) -> bool:
        return word not in self.hidden and word in self.inner


class _LexView:
    def __init__(self, lex: Any, hidden: set[str]) -> None:
        self.common, self.foreign, self.places = lex.common, lex.foreign, lex.places
        self.given, self.surnames = _Hiding(lex.given, hidden), _Hiding(lex.surnames, hidden)
        self.names = _Hiding(lex.names, hidden)


def _spans(text: str, values: list[str]) -> list[tuple[int, int]]:
    out = []
    for value in values:
        start = text.find(value)
        while value and start != -1:
            out.append((start, start + len(value)))
            start = text.find(value, start + 1)
    return out


def sequences(text: str, persons: list[str], lex: Any) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per candidate line of `text`, chunked as the runtime chunks."""
    spans = _spans(text, persons)
    lowered = frozenset(w for w in text.split() if w.islower())
    out = []
    for offset, line in recognizer.lines(text):
        toks = recognizer.tokens(line, offset)
        if not any(
            recognizer._candidate(w, lex, toks[i - 1][0] if i else "") for i, (w, _, _) in enumerate(toks)
        ):
            continue
        for piece in range(0, len(toks), recognizer._MAX_TOKENS):
            chunk = toks[piece : piece + recognizer._MAX_TOKENS]
            labels, inside = [], None
            for _, start, end in chunk:
                span = next(((a, b) for a, b in spans if a < end and start < b), None)
                if span is None:
                    labels.append("O")
                elif span == inside:
                    labels.append("I-PER")
                else:
                    labels.append("B-PER")
                inside = span
            out.append((recognizer.features(chunk, text, lex, lowered), labels))
    return out


def corpus(extra: tuple[Path, ...] = ()) -> list[tuple[str, list[str], bool]]:
    """(text, person values, generated) for every training text."""
    rows: list[tuple[str, list[str], bool]] = []
    for path in GENERATED:
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                rec = json.loads(line)
                rows.append((rec["text"], rec["persons"], True))
    records = [
        json.loads(x) for p in WHOLE if p.exists() for x in p.read_text(encoding="utf-8").splitlines() if x
    ]
    for path in HALVED + extra:
        records += half("train", path)  # tuning halves only: the held-out halves stay unread
    for rec in records:
        persons = [e["value"] for e in rec.get("entities", []) if e["type"] == "PERSON"]
        rows.append((str(rec["text"]), persons, False))
    return rows


def train(out: Path, seed: int = 16) -> int:
    lex = lexicon()
    rng = random.Random(seed)
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for text, persons, generated in corpus():
        view = lex
        if generated and persons and rng.random() < DROPOUT:
            view = _LexView(lex, {w for p in persons for w in p.replace(",", " ").split()})
        for xseq, yseq in sequences(text, persons, view):
            trainer.append(xseq, yseq)
            count += 1
    trainer.set_params(PARAMS)
    trainer.train(str(out))
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(recognizer.MODEL_PATH))
    args = parser.parse_args()
    count = train(Path(args.out))
    print(f"{count} sequences -> {args.out} ({Path(args.out).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
