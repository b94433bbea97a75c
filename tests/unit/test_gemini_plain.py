"""`plain_generate` (shared/dialects/gemini_plain.py) says True only for bodies the pydantic model
accepts, on thousands of generated bodies (valid and not), and does accept the usual ones."""

from __future__ import annotations

import random
from typing import Any

import orjson
import pytest
from pydantic import ValidationError

from shared.dialects.gemini import GenerateContentRequest, parse_generate
from shared.dialects.gemini_plain import plain_generate
from shared.dialects.validation import validate
from shared.errors import InvalidRequest

_ANY = [None, True, False, 0, 1, -1, 3, 0.0, 0.5, 1.5, 2, 2.0, 2.5, -0.1, 1e300, float("inf"), float("nan"),
        2**53, 2**70, -(2**70), "", "x", "user", [], ["a"], ["a", 1], {}, {"a": 1}, ("a",)]  # fmt: skip
_CONFIG_KEYS = ["temperature", "topP", "top_p", "topK", "candidateCount", "candidate_count",
                "maxOutputTokens", "max_output_tokens", "seed", "presencePenalty", "frequency_penalty",
                "responseMimeType", "response_mime_type", "stopSequences", "responseModalities",
                "thinkingConfig", "responseSchema", "temperaturE"]  # fmt: skip
_GOOD = [0.7, 1, 40, 0.95, 2, 0, "text/plain", ["END"], [], None]


def _odd(rng: random.Random) -> bool:
    return rng.random() < 0.04


def _part(rng: random.Random) -> Any:
    if _odd(rng):
        return rng.choice([*_ANY, {"text": 1}, {"text": None}, {}, {"text": "a", "thought": True}])
    return {"text": rng.choice(["hi", "", "a longer text"])}


def _content(rng: random.Random) -> Any:
    if _odd(rng):
        return rng.choice(_ANY)
    content: dict[str, Any] = {"parts": [_part(rng) for _ in range(0 if _odd(rng) else rng.randrange(1, 4))]}
    if rng.random() < 0.7:
        content["role"] = rng.choice([None, 1, ""]) if _odd(rng) else rng.choice(["user", "model"])
    if _odd(rng):
        content[rng.choice(["extra", "parts_x"])] = 1
    if _odd(rng):
        del content["parts"]
    return content


def _body(rng: random.Random) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if not _odd(rng):
        body["contents"] = [_content(rng) for _ in range(0 if _odd(rng) else rng.randrange(1, 3))]
    if rng.random() < 0.3:
        body[rng.choice(["systemInstruction", "system_instruction"])] = None if _odd(rng) else _content(rng)
    if rng.random() < 0.7:
        config: dict[str, Any] = {}
        for key in rng.sample(_CONFIG_KEYS, rng.randrange(4)):
            config[key] = rng.choice(_ANY) if rng.random() < 0.25 else rng.choice(_GOOD)
        body[rng.choice(["generationConfig", "generation_config"])] = None if _odd(rng) else config
    if _odd(rng):
        body[rng.choice(["generationConfig", "generation_config", "tools", "labels", "extra"])] = {}
    return body


def _accepted(body: dict[str, Any]) -> bool:
    try:
        GenerateContentRequest.model_validate(body)
    except ValidationError:
        return False
    return True


def test_plain_says_true_only_for_bodies_pydantic_accepts() -> None:
    rng = random.Random(11)
    plain = accepted = 0
    for _ in range(6000):
        body = _body(rng)
        ok = _accepted(body)
        accepted += ok
        if plain_generate(body):
            plain += 1
            assert ok, body
    assert 1000 < accepted < 5000  # both verdicts are well represented
    assert plain > 0.5 * accepted


def test_the_usual_bodies_are_plain_and_a_bad_one_gets_pydantics_error() -> None:
    usual = [
        {
            "contents": [{"role": "user", "parts": [{"text": "Hi."}]}],
            "generationConfig": {"temperature": 0.7},
        },
        {"contents": [{"parts": [{"text": "hi"}]}], "systemInstruction": {"parts": [{"text": "Be brief."}]}},
        {
            "contents": [
                {"role": "user", "parts": [{"text": "a"}]},
                {"role": "model", "parts": [{"text": "b"}]},
            ],
            "generation_config": {
                "max_output_tokens": 64,
                "top_p": 0.9,
                "stop_sequences": ["\n\n"],
                "seed": 7,
            },
        },
    ]
    for body in usual:
        assert plain_generate(body)
    bad = b'{"contents": [{"parts": [{"text": "x"}]}], "generationConfig": {"temperature": 2.5}}'
    with pytest.raises(InvalidRequest) as caught:
        parse_generate(bad)
    with pytest.raises(InvalidRequest) as direct:
        validate(GenerateContentRequest, orjson.loads(bad))
    assert (caught.value.message, caught.value.details()) == (direct.value.message, direct.value.details())
    assert "temperature" in caught.value.details()["field"]
