"""Walk Gemini REST bodies: the request's text parts, and copies of responses with their text changed.

Requests: `contents[].parts[].text` and `systemInstruction` (camelCase or snake_case), also inside a
countTokens `generateContentRequest`. Responses are copied, never changed in place: an inner stage
(the cache) may hand the same dict to several requests.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Protocol

from shared.providers.base import GeminiBody

__all__ = ["TextStream", "map_response", "map_stream", "request_parts"]


def _get(body: dict[str, Any], camel: str, snake: str) -> Any:
    value = body.get(camel)
    return body.get(snake) if value is None else value


def _parts(content: Any) -> Iterator[dict[str, Any]]:
    if isinstance(content, dict):
        parts = content.get("parts")
        if isinstance(parts, list):
            for part in parts:
                if isinstance(part, dict) and isinstance(part.get("text"), str):
                    yield part


def request_parts(body: GeminiBody) -> Iterator[tuple[str, dict[str, Any]]]:
    """(role, part) for every text part of a request, system instruction included."""
    inner = _get(body, "generateContentRequest", "generate_content_request")
    if isinstance(inner, dict):
        yield from request_parts(inner)
    contents = body.get("contents")
    if isinstance(contents, list):
        for content in contents:
            role = content.get("role", "user") if isinstance(content, dict) else "user"
            for part in _parts(content):
                yield str(role), part
    for part in _parts(_get(body, "systemInstruction", "system_instruction")):
        yield "system", part


# Opaque values the model returns that are not text: signatures the next turn must send back
# byte-for-byte, and base64 media. Neither placeholder restoration nor the output check touches them
# (a base64 run looks like a high-entropy secret to a detector).
_OPAQUE = frozenset(
    {"thoughtSignature", "thought_signature", "inlineData", "inline_data", "fileData", "file_data"}
)


def _map_strings(value: Any, fn: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, dict):
        return {k: v if k in _OPAQUE else _map_strings(v, fn) for k, v in value.items()}
    if isinstance(value, list):
        return [_map_strings(v, fn) for v in value]
    return value


def map_response(response: GeminiBody, text: Callable[[str], str]) -> GeminiBody:
    """A copy of `response` with `text` applied to every string inside its candidates' parts."""
    candidates = response.get("candidates")
    if not isinstance(candidates, list):
        return response
    out = dict(response)
    out["candidates"] = [
        {**c, "content": {**c["content"], "parts": _map_strings(c["content"].get("parts"), text)}}
        if isinstance(c, dict) and isinstance(c.get("content"), dict)
        else c
        for c in candidates
    ]
    return out


class TextStream(Protocol):
    """Turns a stream of text pieces into a stream of safe-to-emit pieces."""

    def feed(self, piece: str) -> str: ...
    def flush(self) -> str: ...


async def map_stream(
    chunks: AsyncIterator[GeminiBody],
    new_stream: Callable[[], TextStream],
    other: Callable[[str], str],
) -> AsyncIterator[GeminiBody]:
    """Pass each text part through a per-(candidate, thought) `TextStream`; other strings through
    `other`. Held-back text is flushed into the chunk that carries the candidate's finishReason,
    or, when the stream ends without one, into one extra chunk."""
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


def _text_part(text: str, thought: bool) -> dict[str, Any]:
    return {"text": text, "thought": True} if thought else {"text": text}


def _append(parts: list[Any], text: str, thought: bool) -> None:
    for part in reversed(parts):
        if (
            isinstance(part, dict)
            and isinstance(part.get("text"), str)
            and bool(part.get("thought")) == thought
        ):
            part["text"] += text
            return
    parts.append(_text_part(text, thought))
