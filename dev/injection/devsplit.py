"""The independent dev set, split in two halves by a stable hash of each record's id.

`bench/policy/dev-2026-11-30/injection.jsonl` was written by a helper who had not read the detectors.
Half of it ("train") is added to the training corpus (`make_corpus.py`); the other half ("held-out")
is never trained on: the gate and the calibration are set on it (with the generated dev split), and
the dev numbers of the decision note are reported on it. The split is by sha256 of the id, so it does
not depend on the order of the file or on the label, and roughly halves every family and kind.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INDEPENDENT = ROOT / "bench" / "policy" / "dev-2026-11-30" / "injection.jsonl"

__all__ = ["INDEPENDENT", "half"]


def _is_train(rec: dict[str, str]) -> bool:
    return hashlib.sha256(str(rec["id"]).encode()).digest()[0] % 2 == 0


def half(which: str, path: Path = INDEPENDENT) -> list[dict[str, str]]:
    """The records of one half ("train" or "held-out"); [] while the file does not exist."""
    if not path.exists():
        return []
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [rec for rec in records if _is_train(rec) == (which == "train")]
