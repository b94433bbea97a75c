"""The PII dev sets' scores are pinned: a change to the name or address detectors that loses recall or
masks more look-alikes on them fails here (docs/decisions/2026-11-29-detection.md has the numbers).
Dev sets only; the blind sets are never read by tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.policy.metrics import PiiResult, load_jsonl
from bench.policy_bench import pii
from shared.policy.engine import PolicyEngine

DEV = Path(__file__).resolve().parents[2] / "bench" / "policy"

# (set, PERSON found at least, ADDRESS found at least, look-alikes masked under standard at most)
PINNED = [
    ("dev-2026-11-30/pii.jsonl", 250, 69, 12),
    ("dev-2026-12-01/pii.jsonl", 60, 14, 2),
    ("dev-2026-12-02/pii_dev.jsonl", 594, 145, 15),
    ("dev-2026-12-04/pii.jsonl", 263, 68, 11),
]


@pytest.fixture(scope="module")
def engine() -> PolicyEngine:
    return PolicyEngine()


@pytest.mark.parametrize(("name", "persons", "addresses", "look_alikes"), PINNED)
def test_dev_set_scores_do_not_regress(
    engine: PolicyEngine, name: str, persons: int, addresses: int, look_alikes: int
) -> None:
    result: PiiResult = pii(engine, load_jsonl(DEV / name))
    assert result.found["PERSON"] >= persons
    assert result.found["ADDRESS"] >= addresses
    assert sum(result.neg_hit["standard"].values()) <= look_alikes
