"""The native dialect's stream: its closing `done` event reports the answer's finish reason and usage
even when the last chunk carries neither (the output check's flush of held-back text)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import orjson

from shared.dialects.native import render_stream
from shared.providers.base import GeminiBody
from tests.fakes import answer

USAGE = {"promptTokenCount": 5, "candidatesTokenCount": 2, "totalTokenCount": 7}


async def _events(chunks: list[GeminiBody]) -> list[dict[str, Any]]:
    async def source() -> AsyncIterator[GeminiBody]:
        for chunk in chunks:
            yield chunk

    frames = [frame async for frame in render_stream("r1", "gemini-2.5-flash", source())]
    return [orjson.loads(frame.removeprefix(b"data: ")) for frame in frames]


def _flush(text: str) -> GeminiBody:
    """What the output check sends at the end for held-back text: text only (shared/policy/body.py)."""
    return {"candidates": [{"index": 0, "content": {"role": "model", "parts": [{"text": text}]}}]}


async def test_a_plain_stream_reports_its_last_chunks_finish_and_usage() -> None:
    events = await _events([answer("a", finish=None), answer("b", usage=USAGE)])
    assert [e.get("delta") for e in events[:-1]] == ["a", "b"]
    done = events[-1]
    assert (done["done"], done["finish_reason"], done["usage"]["total_tokens"]) == (True, "STOP", 7)


async def test_a_flushed_tail_keeps_the_usage_and_finish_reported_before_it() -> None:
    """Reviewer's case (both trees before this): usage reported as zero after a flush chunk."""
    events = await _events([answer("hello", finish=None, usage=USAGE), _flush(" world")])
    done = events[-1]
    assert [e.get("delta") for e in events[:-1]] == ["hello", " world"]
    assert done["finish_reason"] is None  # the answer never said why it ended
    assert (done["usage"]["prompt_tokens"], done["usage"]["output_tokens"]) == (5, 2)
    events = await _events([answer("hello", finish="MAX_TOKENS", usage=USAGE), _flush(" world")])
    assert (events[-1]["finish_reason"], events[-1]["usage"]["total_tokens"]) == ("MAX_TOKENS", 7)
