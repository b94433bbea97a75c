"""The learned weighing of a person-name candidate: logistic-regression weights over named features.

`person_score.score_run` reads a candidate run's context once and yields both its hand-set score and
named features (token classes, the words and marks around the run, its shape, where it stands on its
line, how it was proposed). The weights in `person_model.json` (trained dev-only by
`python -m dev.names.train_person` on synthetic texts from `dev/names/person_corpus.py`, never on the
dev or blind sets) turn them into one margin: bias + w_hand * clip(hand score) + sum of the feature
weights. A candidate is a name when its hand score reaches 2.0 (as before) or its margin reaches the
stored threshold; features are built only for hand scores between the model's floor and 2.0. Pure
Python, read on the first candidate (never at import); without the file the hand-set score decides.
"""

from __future__ import annotations

import json
import math
from functools import cache
from itertools import repeat
from pathlib import Path

from shared.policy import DIRECTORY  # the data files (not next to a compiled module)

__all__ = ["MODEL_PATH", "PersonModel", "accept", "band", "load", "margin"]

MODEL_PATH = DIRECTORY / "person_model.json"
HAND_THRESHOLD = 2.0  # the hand-set score's threshold (person_score._THRESHOLD)
HAND_CLIP = (-6.0, 9.0)


class PersonModel:
    def __init__(
        self, weights: dict[str, float], bias: float, hand: float, threshold: float, floor: float = -math.inf
    ) -> None:
        self.weights = weights
        self.bias = bias
        self.hand = hand
        self.threshold = threshold
        self.floor = floor  # below this hand score no candidate reached the threshold in training


@cache
def load(path: Path = MODEL_PATH) -> PersonModel | None:
    if not path.exists():
        return None
    spec = json.loads(path.read_text(encoding="utf-8"))
    return PersonModel(
        {k: float(v) for k, v in spec["weights"].items()},
        float(spec["bias"]),
        float(spec["hand"]),
        float(spec["threshold"]),
        float(spec.get("floor", -math.inf)),
    )


def margin(model: PersonModel, feats: list[str], hand: float) -> float:
    low, high = HAND_CLIP
    weights = sum(map(model.weights.get, feats, repeat(0.0)))
    return model.bias + model.hand * min(high, max(low, hand)) + weights


def band() -> tuple[float, float]:
    """The hand scores for which the weights decide: from the model's floor up to the hand threshold
    (a hand score at the threshold is a name either way); empty without weights."""
    model = load()
    return (model.floor, HAND_THRESHOLD) if model is not None else (math.inf, math.inf)


def accept(feats: list[str], hand: float) -> bool:
    """A candidate whose hand score is below the threshold is still a name when its features say so."""
    model = load()
    return model is not None and margin(model, feats, hand) >= model.threshold
