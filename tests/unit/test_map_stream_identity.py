"""`map_stream` (shared/policy/body.py) yields the same chunks, byte for byte once encoded, as its
earlier form, which is kept here as the reference: chunks of every shape the walk branches on (several
candidates, thought parts, function calls, a candidate that is not a dict, a finish in snake case, a
final chunk without content, a stream that ends without a finish), through a text stream that holds
text back and one that rewrites it, and the input chunks are never changed (the cache may share them)."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Callable
from typing import Any

import orjson
import pytest

from shared.policy.body import TextStream, _append, _map_strings, _text_part, map_stream
from shared.providers.base import GeminiBody


async def reference_map_stream(
    chunks: AsyncIterator[GeminiBody],
    new_stream: Callable[[], TextStream],
    other: Callable[[str], str],
    done: Callable[[], None] | None = None,
) -> AsyncIterator[GeminiBody]:
    """The form before the thirteenth session (a closure per stream, `{**dict, key: value}` copies)."""
    try:
        streams: dict[tuple[int, bool], TextStream] = {}

        def stream_for(key: tuple[int, bool]) -> TextStream:
            found = streams.get(key)
            if found is None:
                found = streams[key] = new_stream()
            return found

        async for chunk in chunks:
            candidates = chunk.get("candidates")
            if not isinstance(candidates, list):
                yield chunk
                continue
            out_candidates = []
            for position, candidate in enumerate(candidates):
                if not isinstance(candidate, dict):
                    out_candidates.append(candidate)
                    continue
                content = candidate.get("content")
                index = candidate.get("index", position)
                parts: list[Any] = []
                for part in (content.get("parts") if isinstance(content, dict) else None) or []:
                    if isinstance(part, dict) and isinstance(part.get("text"), str):
                        key = (index, bool(part.get("thought")))
                        parts.append({**part, "text": stream_for(key).feed(part["text"])})
                    else:
                        parts.append(_map_strings(part, other))
                if candidate.get("finishReason") or candidate.get("finish_reason"):
                    for key, stream in list(streams.items()):
                        if key[0] == index:
                            rest = stream.flush()
                            if rest:
                                _append(parts, rest, key[1])
                            del streams[key]
                if isinstance(content, dict):
                    out_candidates.append({**candidate, "content": {**content, "parts": parts}})
                elif parts:  # a final chunk without content still carries the held-back text
                    out_candidates.append({**candidate, "content": {"role": "model", "parts": parts}})
                else:
                    out_candidates.append(candidate)
            yield {**chunk, "candidates": out_candidates}
        pending = [(key, stream.flush()) for key, stream in streams.items()]
        pending = [(key, text) for key, text in pending if text]
        if pending:
            yield {
                "candidates": [
                    {"index": key[0], "content": {"role": "model", "parts": [_text_part(text, key[1])]}}
                    for key, text in pending
                ]
            }
    finally:
        if done is not None:
            done()


class Holding:
    """Holds back the last 3 characters of its text and upper-cases what it lets out."""

    def __init__(self) -> None:
        self.held = ""

    def feed(self, piece: str) -> str:
        text = self.held + piece
        self.held = text[-3:]
        return text[:-3].upper()

    def flush(self) -> str:
        text, self.held = self.held, ""
        return text.upper()


class Same:
    def feed(self, piece: str) -> str:
        return piece

    def flush(self) -> str:
        return ""


def text(value: str, **extra: Any) -> dict[str, Any]:
    return {"text": value, **extra}


def chunk(*candidates: Any, **extra: Any) -> GeminiBody:
    return {"candidates": list(candidates), **extra, "modelVersion": "m"}


def cand(*parts: Any, **extra: Any) -> dict[str, Any]:
    return {"content": {"role": "model", "parts": list(parts)}, **extra}


STREAMS: list[list[GeminiBody]] = [
    [
        chunk(cand(text("Hello wor"))),
        chunk(cand(text("ld, bye")), usageMetadata={"t": 1}),
        chunk(cand(text("!"), finishReason="STOP")),
    ],
    [
        chunk(cand(text("think", thought=True), text("answer"))),
        chunk(cand(text(" more", thought=True), text(" text"), finish_reason="STOP")),
    ],
    [
        chunk(cand(text("a"), index=0), cand(text("b"), index=1)),
        chunk(cand(text("cc"), index=1, finishReason="STOP"), cand(text("dd"), index=0)),
        chunk(cand(text("e"), index=0, finishReason="STOP")),
    ],
    [chunk(cand(text("Reply to [EMA"))), chunk({"finishReason": "STOP"}, usageMetadata={"t": 9})],
    [chunk(cand(text("no finish at all")))],
    [
        chunk(
            cand(
                {"functionCall": {"name": "f", "args": {"q": "x", "n": [1, "y"]}}, "thoughtSignature": "sig"},
                text("ok"),
            )
        ),
        chunk(cand(text("!"), finishReason="STOP")),
    ],
    [
        chunk("not a dict", cand(text("x"))),
        {"usageMetadata": {"t": 1}},
        chunk(cand(text("y"), finishReason="STOP")),
    ],
    [
        chunk(cand(text("abc")), {"content": "odd", "index": 3}),
        chunk({"index": 0, "finishReason": "STOP"}, {"content": {"parts": []}}),
    ],
    [chunk(cand()), chunk(cand(42, text("z"), finishReason="STOP"))],
]


async def drain(
    make: Callable[..., AsyncIterator[GeminiBody]], chunks: list[GeminiBody], stream: type
) -> list[bytes]:
    async def source() -> AsyncIterator[GeminiBody]:
        for c in chunks:
            yield c

    ended: list[bool] = []
    out = [
        orjson.dumps(c) async for c in make(source(), stream, str.swapcase, done=lambda: ended.append(True))
    ]
    assert ended == [True]
    return out


@pytest.mark.parametrize("stream", [Holding, Same])
@pytest.mark.parametrize("index", range(len(STREAMS)))
async def test_map_stream_yields_what_its_earlier_form_did(stream: type[TextStream], index: int) -> None:
    chunks = STREAMS[index]
    before = copy.deepcopy(chunks)
    expected = await drain(reference_map_stream, chunks, stream)
    assert await drain(map_stream, chunks, stream) == expected
    assert chunks == before  # copied, never changed in place
