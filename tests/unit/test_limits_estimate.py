"""The reservation estimate (shared/limits/estimate.py): UTF-8 bytes of the text parts / 3, rounded
up, + 258 per inline or file part + 1; output = maxOutputTokens capped at the default (the default
when absent or not a positive integer)."""

from __future__ import annotations

from typing import Any

import pytest

from shared.limits.estimate import estimate_tokens

CAP = 4096


def _text(*texts: str) -> dict[str, Any]:
    return {"contents": [{"role": "user", "parts": [{"text": t} for t in texts]}]}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (_text("hello"), (2 + 1, CAP)),  # 5 bytes -> ceil(5/3) = 2, + 1; no maxOutputTokens: the cap
        (_text("abc", "abc"), (2 + 1, CAP)),  # 6 bytes over two parts
        (_text(""), (0 + 1, CAP)),
        (_text("日本語"), (3 + 1, CAP)),  # 9 UTF-8 bytes, not 3 characters
        (_text("é" * 4), (3 + 1, CAP)),  # 8 bytes
        (
            {
                "contents": [
                    {"parts": [{"text": "abcd"}, {"inlineData": {"data": "AAAA"}}]},
                    {"parts": [{"fileData": {"fileUri": "gs://b/o"}}, {"inline_data": {"data": "x"}}]},
                    {"parts": [{"file_data": {"file_uri": "gs://b/o"}}, {"inlineData": {}}]},  # empty: 0
                ],
                "systemInstruction": {"parts": [{"text": "be brief"}]},
            },
            (4 + 4 * 258 + 1, CAP),  # 4 + 8 = 12 bytes -> 4; four media parts
        ),
        ({**_text("abc"), "system_instruction": {"parts": [{"text": "abc"}]}}, (2 + 1, CAP)),
        ({**_text("abc"), "generationConfig": {"maxOutputTokens": 64}}, (1 + 1, 64)),
        ({**_text("abc"), "generationConfig": {"maxOutputTokens": 10**6}}, (1 + 1, CAP)),
        ({**_text("abc"), "generation_config": {"max_output_tokens": 7}}, (1 + 1, 7)),
        ({**_text("abc"), "generationConfig": {"maxOutputTokens": 0}}, (1 + 1, CAP)),
        ({**_text("abc"), "generationConfig": {"maxOutputTokens": "64"}}, (1 + 1, CAP)),
        ({"contents": "junk", "systemInstruction": ["junk"], "generationConfig": None}, (0 + 1, CAP)),
        ({"contents": [None, {"parts": None}, {"parts": [None, {"text": 5}]}]}, (0 + 1, CAP)),
        ({}, (0 + 1, CAP)),
    ],
)
def test_estimate_tokens(body: dict[str, Any], expected: tuple[int, int]) -> None:
    assert estimate_tokens(body, CAP) == expected
