"""The injection classifier's weights load with orjson (faster on an instance's first request) to
exactly what the standard json module reads: same keys, same float values."""

from __future__ import annotations

import json
import math

import orjson

from shared.policy.classifier import MODEL_PATH


def test_orjson_reads_the_model_exactly_as_json_does() -> None:
    fast, slow = orjson.loads(MODEL_PATH.read_bytes()), json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert fast == slow
    weights = [
        (value, fast[model]["weights"][group][name])
        for model in ("fast", "full")
        for group, values in slow[model]["weights"].items()
        for name, value in values.items()
    ]
    assert len(weights) > 1000
    assert all(a == b and type(a) is type(b) and not math.isnan(a) for a, b in weights)
