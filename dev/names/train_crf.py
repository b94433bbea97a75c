"""Train the name recognizer's CRF (dev-only): `python -m dev.names.train_crf [--out PATH]`.

Inputs: the generated texts of `person_corpus.py` and `crf_corpus.py` (persons known by construction),
the hand-written training records of `corpus-2026-12-12/` (three writers who read nothing of the
project: every PERSON mention and name-like look-alikes labelled), and the dev sets' TUNING halves only
(ids split by sha256 as `bench.policy_bench` does; the held-out halves are never read here), plus the
dev sets that have no held-out half (dev-2026-11-30, -12-01). Each line that holds a candidate word
(`recognizer._candidate`, the runtime's rule) becomes one sequence labelled B-PER / I-PER / O from the
labelled spans: a value is placed where it stands as whole words, not inside a longer labelled value
("Ford" in the look-alike "Ford Focus" is O), titles and punctuation at a span's edges are O (the
runtime trims them), and a line where one string is both a person and a look-alike is left out (the
records give no offsets to tell them apart). For a share of the generated texts the persons' words are
hidden from the lexicon (name dropout), so the tagger also learns names no list knows. L-BFGS with
L1+L2 is deterministic: the same inputs write the same model.

`--no-tuning` leaves the dev sets' tuning halves out (the cross-fit that chooses the thresholds);
`--without w3` leaves a writer out (how a model trained on some writers does on another's records).
"""

from __future__ import annotations

import argparse
import json
import random
import re
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
    POLICY / "dev-2026-12-07" / "pii.jsonl",
    POLICY / "dev-2026-12-10" / "pii.jsonl",
    POLICY / "dev-2026-12-11" / "pii.jsonl",
)
WRITTEN = ROOT / "dev" / "names" / "corpus-2026-12-12"
WRITERS = ("w1", "w2", "w3")  # hand-written training records, whole (no evaluation set)
DROPOUT = 0.35  # share of generated texts whose persons' words the lexicon does not know
WRITTEN_DROPOUT = 0.0  # the same for the written records
PARAMS = {"c1": 0.1, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


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


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Where `value` stands as whole words ("Ann" not in "Annual")."""
    if not value.strip():
        return []
    head = r"(?<!\w)" if value[0].isalnum() else ""
    tail = r"(?!\w)" if value[-1].isalnum() else ""
    return [m.span() for m in re.finditer(head + re.escape(value) + tail, text)]


_PERSON, _OTHER, _UNSURE = "P", "O", "?"
Placed = tuple[int, int, str]


def place(text: str, persons: list[str], others: list[str]) -> list[Placed]:
    """(start, end, kind) of the labelled values: persons "P", anything else labelled (look-alikes,
    other entities) "O", and "?" where one string is labelled both a person and something else.
    An occurrence inside a longer labelled occurrence belongs to that one ("Ford" in "Ford Focus")."""
    kinds: dict[str, set[str]] = {}
    for value in persons:
        kinds.setdefault(value, set()).add(_PERSON)
    for value in others:
        kinds.setdefault(value, set()).add(_OTHER)
    placed: list[Placed] = []
    for value in sorted(kinds, key=len, reverse=True):  # longest first: the inner ones are skipped
        kind = next(iter(kinds[value])) if len(kinds[value]) == 1 else _UNSURE
        for a, b in _occurrences(text, value):
            if not any(s <= a and b <= e for s, e, _ in placed):
                placed.append((a, b, kind))
    return placed


def _edge(word: str) -> bool:
    """A token the runtime trims from a span's edges: punctuation, a title or cue word."""
    return not word[0].isalnum() or word.lower().rstrip(".") in recognizer._CONTEXT


def labels(chunk: list[recognizer.Token], placed: list[Placed]) -> list[str] | None:
    """B-PER / I-PER / O per token, or None when a token touches an unsure occurrence."""
    spans = [next((p for p in placed if p[0] < end and start < p[1]), None) for _, start, end in chunk]
    if any(s is not None and s[2] == _UNSURE for s in spans):
        return None
    person = [s if s is not None and s[2] == _PERSON else None for s in spans]
    for order in (range(len(chunk)), range(len(chunk) - 1, -1, -1)):  # trim the left, then the right
        step = 1 if order.step == 1 else -1
        for k in order:
            outer = k - step
            at_edge = not 0 <= outer < len(chunk) or person[outer] != person[k]
            if person[k] is not None and at_edge and _edge(chunk[k][0]):
                person[k] = None
    out, inside = [], None
    for span in person:
        out.append("O" if span is None else "I-PER" if span == inside else "B-PER")
        inside = span
    return out


def sequences(
    text: str, persons: list[str], lex: Any, others: list[str] | None = None
) -> list[tuple[list[list[str]], list[str]]]:
    """(features, labels) per candidate line of `text`, chunked as the runtime chunks."""
    placed = place(text, persons, others or [])
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
            tags = labels(chunk, placed)
            if tags is not None:
                out.append((recognizer.features(chunk, text, lex, lowered), tags))
    return out


Row = tuple[str, list[str], list[str], bool]  # text, person values, other labelled values, generated


def _record_row(rec: dict[str, Any]) -> Row:
    persons = [e["value"] for e in rec.get("entities", []) if e["type"] == "PERSON"]
    others = [e["value"] for e in rec.get("entities", []) if e["type"] != "PERSON"]
    others += [e["value"] for e in rec.get("non_entities", [])]
    return str(rec["text"]), persons, others, False


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def corpus(tuning: bool = True, without: tuple[str, ...] = ()) -> list[Row]:
    """(text, person values, other values, generated) for every training text."""
    rows: list[Row] = []
    for path in GENERATED:
        if path.exists():
            rows += [(r["text"], r["persons"], r.get("others", []), True) for r in _jsonl(path)]
    records = [rec for p in WHOLE if p.exists() for rec in _jsonl(p)]
    for writer in WRITERS:
        path = WRITTEN / writer / "pii.jsonl"
        if writer not in without and path.exists():
            records += _jsonl(path)
    if tuning:
        for path in HALVED:
            records += half("train", path)  # tuning halves only: the held-out halves stay unread
    return rows + [_record_row(rec) for rec in records]


def train(
    out: Path,
    seed: int = 16,
    tuning: bool = True,
    without: tuple[str, ...] = (),
    params: dict[str, Any] | None = None,
    written_dropout: float = WRITTEN_DROPOUT,
) -> int:
    lex = lexicon()
    rng = random.Random(seed)
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for text, persons, others, generated in corpus(tuning, without):
        view = lex
        if persons and rng.random() < (DROPOUT if generated else written_dropout):
            view = _LexView(lex, {w for p in persons for w in p.replace(",", " ").split()})
        for xseq, yseq in sequences(text, persons, view, others):
            trainer.append(xseq, yseq)
            count += 1
    trainer.set_params(params or PARAMS)
    trainer.train(str(out))
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(recognizer.MODEL_PATH))
    parser.add_argument("--no-tuning", action="store_true", help="leave the dev sets' tuning halves out")
    parser.add_argument("--without", nargs="*", default=[], choices=WRITERS, help="writers to leave out")
    parser.add_argument("--c1", type=float, default=PARAMS["c1"])
    parser.add_argument("--c2", type=float, default=PARAMS["c2"])
    parser.add_argument("--written-dropout", type=float, default=WRITTEN_DROPOUT)
    args = parser.parse_args()
    params = {**PARAMS, "c1": args.c1, "c2": args.c2}
    count = train(
        Path(args.out),
        tuning=not args.no_tuning,
        without=tuple(args.without),
        params=params,
        written_dropout=args.written_dropout,
    )
    print(f"{count} sequences -> {args.out} ({Path(args.out).stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
