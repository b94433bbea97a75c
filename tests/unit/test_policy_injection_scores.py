"""The screen returns exactly the pinned dev scores: cost work (fast paths, gates) changes no decision.

`dev/injection/dev_scores.json` holds the shipped model's score of every dev injection and PII text
(`python -m dev.injection.snapshot`, re-run only when the model or a rule changes on purpose)."""

import json

from dev.injection.snapshot import OUT, dev_records
from shared.policy.injection import LayeredInjectionDetector


def test_every_dev_score_is_unchanged() -> None:
    pinned = json.loads(OUT.read_text(encoding="utf-8"))
    detector = LayeredInjectionDetector()
    records = [rec for rec in dev_records() if rec["key"] in pinned]  # a newer dev file: pinned on re-run
    assert len(records) == len(pinned), "a pinned dev record is gone: re-run python -m dev.injection.snapshot"
    moved = {
        rec["key"]: (pinned[rec["key"]], score)
        for rec in records
        if (score := detector.score(rec["text"]).score) != pinned[rec["key"]]
    }
    assert not moved, f"{len(moved)} dev scores moved, e.g. {sorted(moved.items())[:5]}"
