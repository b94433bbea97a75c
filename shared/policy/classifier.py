"""The learned injection classifier's features and its pure-Python scorer (no numpy, no scikit-learn).

Features are binary, in two blocks each L2-normalized on its own (a present feature weighs
1/sqrt(n) of its block): lower-case words, word bigrams and named signals (structural ones,
obfuscation steps undone, heuristic cues); and character 3-5-grams of each word padded with spaces
(morphology and spelling variants carry across EN/DE/FR/ES).
`dev/injection/train.py` fits the weights with scikit-learn on the project's own corpus and writes
`injection_model.json`; this module only reads it. Two models share the features: `fast` (words
only since 2026-11-30: no pairs to build on every request) screens every text; `full` (words,
bigrams, signals and character n-grams) runs only when `fast` is not
clearly benign, so ordinary prompts pay for a set intersection, not for n-gram extraction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

import orjson

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy import DIRECTORY  # the data files (not next to a compiled module)

__all__ = ["Features", "LinearModel", "load_models", "text_features", "words_of"]

MODEL_PATH = DIRECTORY / "injection_model.json"
_WORD = re.compile(r"\w+")
_NGRAMS = (3, 4, 5)
# A block's norm counts at least this many features: a two-word text cannot put its whole weight on
# "all" or "policy" (short texts scored extreme before this floor).
WORD_FLOOR = 24
CHAR_FLOOR = 120
_MAX_WORD = 24  # longer "words" (hashes, base64) add n-grams that never generalize
# ASCII text: upper case folds to lower case and every byte that is not a word character (`\w`:
# letters, digits, "_") becomes a space, so `split` yields exactly `_WORD.findall(text.lower())`
# (a bytes table, about 1 instruction per character; `str.translate` costs ~80 and a regex pass ~300).
_WORD_BYTES = bytes(
    ord(chr(c).lower()) if chr(c).isalnum() or chr(c) == "_" else ord(" ") for c in range(128)
) + bytes(range(128, 256))


# Latin-1 text (every character below U+0100: the accented letters of DE/FR/ES/IT/PT prose) the same
# way: `\w` is `str.isalnum()` or "_" there too, and lower-casing keeps a Latin-1 character in Latin-1
# and one character long (À-Þ -> à-þ; µ, ß, ÿ stay), so the table gives `_WORD.findall(text.lower())`
# (checked for all 256 characters in the tests) at ~1 instruction per byte, where the regex pass cost
# ~200 per character (the screen's words on the dense PII bench prompt, which holds "é": 0.51 M).
_WORD_LATIN1 = bytes(ord(chr(c).lower()) if chr(c).isalnum() or c == 0x5F else 0x20 for c in range(256))


def words_of(text: str) -> list[str]:
    r"""The lower-case `\w+` words of a text, in order (`_WORD.findall(text.lower())`)."""
    if text.isascii():
        return text.encode("ascii").translate(_WORD_BYTES).decode("ascii").split()
    try:
        latin1 = text.encode("latin-1")
    except UnicodeEncodeError:  # Greek, Cyrillic, CJK, typographic quotes, emoji: the regex
        return _WORD.findall(text.lower())
    return latin1.translate(_WORD_LATIN1).decode("latin-1").split()


@dataclass(frozen=True, slots=True)
class Features:
    words: frozenset[str]
    bigrams: frozenset[str]
    signals: frozenset[str]
    chars: frozenset[str] | None  # None: not extracted (fast model only)


def text_features(text: str, signals: list[str] | tuple[str, ...], chars: bool) -> Features:
    tokens = words_of(text.lower())
    words = frozenset(tokens)
    bigrams = frozenset(map(" ".join, pairwise(tokens)))
    grams: frozenset[str] | None = None
    if chars:
        found: set[str] = set()
        for word in words:
            cached = _GRAMS.get(word)
            found.update(_word_grams(word) if cached is None else cached)
        grams = frozenset(found)
    return Features(words, bigrams, frozenset(signals), grams)


# word -> its character n-grams in extraction order (3-grams left to right, then 4-, then 5-grams):
# the set of a text's n-grams is then built by the same insertions in the same order as extracting
# them word by word, so it is the same set with the same iteration order, and the full model's sum
# over it is the same float. Ordinary words repeat from text to text, so most are a dict hit instead
# of ~12 slices each. Bounded: cleared when full (~0.8 KB per entry).
_GRAMS: dict[str, tuple[str, ...]] = {}
_GRAMS_MAX = 4096


def _word_grams(word: str) -> tuple[str, ...]:
    grams: tuple[str, ...] = ()
    if len(word) <= _MAX_WORD and not word.isdigit():
        padded = f" {word} "
        size = len(padded)
        grams = tuple(padded[i : i + n] for n in _NGRAMS for i in range(size - n + 1))
    if len(_GRAMS) >= _GRAMS_MAX:
        _GRAMS.clear()
    _GRAMS[word] = grams
    return grams


def training_tokens(features: Features) -> list[str]:
    """One namespace per family (what the training script vectorizes; the scorer keeps them apart)."""
    out = [f"w:{w}" for w in features.words] + [f"b:{b}" for b in features.bigrams]
    out += [f"s:{s}" for s in features.signals] + [f"c:{c}" for c in features.chars or ()]
    return out


class LinearModel:
    """Logistic regression over the binary, L2-normalized features above."""

    def __init__(self, spec: dict[str, object]) -> None:
        weights: dict[str, dict[str, float]] = spec["weights"]  # type: ignore[assignment]
        self.bias = float(spec["bias"])  # type: ignore[arg-type]
        self.chars = bool(spec["chars"])
        self.bigrams = bool(spec.get("bigrams", True))  # a words-only model: no pairs to build
        self._words = weights.get("w", {})
        self._bigrams = weights.get("b", {})
        self._signals = weights.get("s", {})
        self._chars = weights.get("c", {})
        self._pair_weights: dict[tuple[str, ...], float] | None = None  # `_pairs()`, on first use

    def _pairs(self) -> dict[tuple[str, ...], float]:
        """The bigram weights keyed by pairs of words, for `words_probability`: a tuple of two
        interned-hash strings hashes in a few instructions, where joining "a b" allocates and hashes a
        new string. Built on first use: the shipped fast model has no bigrams and the full model
        scores with `probability`, so loading the models (on an instance's first screen) skips it.
        Kept by hand, not a `cached_property`: mypyc compiles that to a plain property, rebuilt per read."""
        if self._pair_weights is None:
            self._pair_weights = {tuple(bigram.split(" ", 1)): w for bigram, w in self._bigrams.items()}
        return self._pair_weights

    def words_probability(self, tokens: list[str]) -> tuple[float, set[str]]:
        """`probability` of a text's words and bigrams alone (no signals, no n-grams), and the set of
        its words: the fast model's per-window work."""
        words = set(tokens)
        if not self.bigrams:
            total = sum(filter(None, map(self._words.get, words)), 0.0)
            z = self.bias + total / math.sqrt(max(len(words), WORD_FLOOR))
            return (1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0), words
        pairs = set(pairwise(tokens))  # distinct pairs = distinct "a b" bigrams (words hold no space)
        total = sum(filter(None, map(self._words.get, words)), 0.0) + sum(
            filter(None, map(self._pairs().get, pairs)), 0.0
        )
        z = self.bias + total / math.sqrt(max(len(words) + len(pairs), WORD_FLOOR))
        return (1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0), words

    def probability(self, features: Features) -> float:
        # `map(dict.get)` over the present features: C-speed lookups, O(features) not O(weights)
        # sums from 0.0: a float (mypyc checks the `float | int` that `sum`'s 0 would make; same value)
        total = (
            sum(filter(None, map(self._words.get, features.words)), 0.0)
            + sum(filter(None, map(self._bigrams.get, features.bigrams)), 0.0)
            + sum(filter(None, map(self._signals.get, features.signals)), 0.0)
        )
        n = max(len(features.words) + len(features.bigrams) + len(features.signals), WORD_FLOOR)
        z = self.bias + total / math.sqrt(n)
        if self.chars and features.chars:  # the second block, normalized on its own
            chars = sum(filter(None, map(self._chars.get, features.chars)), 0.0)
            z += chars / math.sqrt(max(len(features.chars), CHAR_FLOOR))
        return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0


@cache
def load_models(path: Path = MODEL_PATH) -> tuple[LinearModel, LinearModel, float]:
    """(fast model, full model, the fast probability below which the full model is skipped); read
    once per instance, on the first screen (never at import time)."""
    from shared.longlived import settle

    spec = orjson.loads(path.read_bytes())  # ~2.5x faster than json here: on the first request's path
    models = LinearModel(spec["fast"]), LinearModel(spec["full"]), float(spec["gate"])
    del spec
    settle()  # ~100k weights kept for the instance's life: out of every later full GC's traversal
    return models
