"""Walk Gemini REST bodies: every string a request carries, and copies of responses with their text changed.

Requests: text parts, function call args and function responses, inline text documents, code, and
the system instruction (camelCase or snake_case), also inside a countTokens `generateContentRequest`.
Responses are copied, never changed in place: an inner stage (the cache) may hand the same dict to
several requests.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, Protocol

from shared import lazy_re as re  # compiled on first use: cold start
from shared.providers.base import GeminiBody
from shared.streams import tap

__all__ = ["TextSlot", "TextStream", "map_response", "map_stream", "request_parts", "stored_texts"]


def _get(body: dict[str, Any], camel: str, snake: str) -> Any:
    value = body.get(camel)
    return body.get(snake) if value is None else value


_TEXT_MIME = re.compile(
    r"^(text/[\w.+-]+|application/(json|xml|x-ndjson|csv|yaml|x-yaml|javascript|sql|[\w.+-]+\+(json|xml)))\s*(;.*)?$",
    re.I,
)


class TextSlot:
    """One string of a request that policy screens and may rewrite in place: a text part, a string
    inside a function call's args or a function response, a text document sent as inline data
    (base64: decoded here, re-encoded on write), or a string stored beside the body (job metadata)."""

    __slots__ = ("_base64", "_holder", "_key", "text")

    def __init__(self, holder: Any, key: Any, text: str, base64_encoded: bool = False) -> None:
        self._holder = holder
        self._key = key
        self._base64 = base64_encoded
        self.text = text

    def write(self, text: str) -> None:
        if text == self.text:
            return
        self.text = text
        self._holder[self._key] = base64.b64encode(text.encode()).decode() if self._base64 else text


def _strings(value: Any) -> Iterator[TextSlot]:
    """Every string value inside nested dicts and lists (not keys), iteratively: a body nested
    deeper than Python's recursion limit is walked like any other."""
    stack = [value]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, item in items:
            if isinstance(item, str):
                yield TextSlot(node, key, item)
            elif isinstance(item, dict | list):
                stack.append(item)


def _document(data: Any) -> TextSlot | None:
    """A text document sent inline (text/*, JSON, XML, CSV, ...), decoded; None for binary media."""
    if not isinstance(data, dict):
        return None
    mime, payload = _get(data, "mimeType", "mime_type"), data.get("data")
    if not isinstance(mime, str) or not isinstance(payload, str) or not _TEXT_MIME.match(mime):
        return None
    try:
        text = base64.b64decode(payload, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):  # not base64 text: Vertex rejects it; nothing to redact
        return None
    return TextSlot(data, "data", text, base64_encoded=True)


# The keys of a part that carry content besides "text" (both spellings): a part with none of them,
# the usual text part, is read with one set test instead of ten dict lookups.
_NESTED = frozenset(
    {
        "functionCall", "function_call", "functionResponse", "function_response", "inlineData", "inline_data",
        "executableCode", "executable_code", "codeExecutionResult", "code_execution_result",
    }
)  # fmt: skip
Slots = list[tuple[str, TextSlot]]


def _part_slots(part: dict[str, Any], role: str, out: Slots) -> None:
    text = part.get("text")
    if isinstance(text, str):
        out.append((role, TextSlot(part, "text", text)))
    if _NESTED.isdisjoint(part):  # every lookup below would find nothing
        return
    call = _get(part, "functionCall", "function_call")
    if isinstance(call, dict) and isinstance(call.get("args"), dict):
        out += [(role, slot) for slot in _strings(call["args"])]
    response = _get(part, "functionResponse", "function_response")
    if isinstance(response, dict) and isinstance(response.get("response"), dict):
        out += [(role, slot) for slot in _strings(response["response"])]
    document = _document(_get(part, "inlineData", "inline_data"))
    if document is not None:
        out.append((role, document))
    code = _get(part, "executableCode", "executable_code")
    if isinstance(code, dict) and isinstance(code.get("code"), str):
        out.append((role, TextSlot(code, "code", code["code"])))
    result = _get(part, "codeExecutionResult", "code_execution_result")
    if isinstance(result, dict) and isinstance(result.get("output"), str):
        out.append((role, TextSlot(result, "output", result["output"])))


def _content_slots(content: Any, role: str, out: Slots) -> None:
    if isinstance(content, dict):
        parts = content.get("parts")
        if isinstance(parts, list):
            for part in parts:
                if isinstance(part, dict):
                    _part_slots(part, role, out)


def request_parts(body: GeminiBody) -> Slots:
    """(role, slot) for every string of a request that carries content: text parts, the system
    instruction, function call args and function responses (string values at any depth), inline
    text documents, code and code results. Not walked: names, keys, tool declarations and schemas
    (the developer's configuration), and opaque values (signatures, binary media, file URIs).
    A list built in one pass (the policy stage reads it twice: screen, then redaction), not a chain
    of three generators."""
    out: Slots = []
    _request_slots(body, out)
    return out


def _request_slots(body: GeminiBody, out: Slots) -> None:
    inner = _get(body, "generateContentRequest", "generate_content_request")
    if isinstance(inner, dict):
        _request_slots(inner, out)
    contents = body.get("contents")
    if isinstance(contents, list):
        for content in contents:
            # a null or empty role is the user's, as an absent one is (the API reads a null string
            # field as unset): read as "None" it escaped the injection screen, which reads user parts
            role = (content.get("role") or "user") if isinstance(content, dict) else "user"
            _content_slots(content, str(role), out)
    _content_slots(_get(body, "systemInstruction", "system_instruction"), "system", out)


def stored_texts(values: dict[str, Any]) -> Iterator[tuple[str, TextSlot]]:
    """("stored", slot) for the string values kept beside a body (job metadata)."""
    for slot in _strings(values):
        yield "stored", slot


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


def map_stream(
    chunks: AsyncIterator[GeminiBody],
    new_stream: Callable[[], TextStream],
    other: Callable[[str], str],
    done: Callable[[], None] | None = None,
) -> AsyncIterator[GeminiBody]:
    """Pass each text part through a per-(candidate, thought) `TextStream`; other strings through
    `other`. Held-back text is flushed into the chunk that carries the candidate's finishReason,
    or, when the stream ends without one, into one extra chunk. `done` runs when the stream ends,
    however it ends. A level of the stream (shared/streams.py), not a generator around it."""
    mapper = _StreamMap(new_stream, other, done)
    return tap(chunks, mapper.step, mapper.end)


class _StreamMap:
    __slots__ = ("_done", "_new_stream", "_other", "_streams")

    def __init__(
        self,
        new_stream: Callable[[], TextStream],
        other: Callable[[str], str],
        done: Callable[[], None] | None,
    ) -> None:
        self._new_stream = new_stream
        self._other = other
        self._done = done
        self._streams: dict[tuple[int, bool], TextStream] = {}

    def step(self, chunk: GeminiBody) -> GeminiBody:
        candidates = chunk.get("candidates")
        if not isinstance(candidates, list):
            return chunk
        streams = self._streams
        out_candidates = []
        position = -1
        for candidate in candidates:
            position += 1
            if not isinstance(candidate, dict):
                out_candidates.append(candidate)
                continue
            content = candidate.get("content")
            index = candidate.get("index", position)
            parts: list[Any] = []
            for part in (content.get("parts") if isinstance(content, dict) else None) or ():
                text = part.get("text") if isinstance(part, dict) else None
                if isinstance(text, str):
                    key = (index, bool(part.get("thought")))
                    stream = streams.get(key)
                    if stream is None:
                        stream = streams[key] = self._new_stream()
                    part = part.copy()  # a copy, as `{**part, ...}`, keys in the same order
                    part["text"] = stream.feed(text)
                    parts.append(part)
                else:
                    parts.append(_map_strings(part, self._other))
            if streams and (candidate.get("finishReason") or candidate.get("finish_reason")):
                for key, stream in list(streams.items()):
                    if key[0] == index:
                        rest = stream.flush()
                        if rest:
                            _append(parts, rest, key[1])
                        del streams[key]
            if isinstance(content, dict):
                content = content.copy()
                content["parts"] = parts
                candidate = candidate.copy()
                candidate["content"] = content
                out_candidates.append(candidate)
            elif parts:  # a final chunk without content still carries the held-back text
                out_candidates.append({**candidate, "content": {"role": "model", "parts": parts}})
            else:
                out_candidates.append(candidate)
        chunk = chunk.copy()
        chunk["candidates"] = out_candidates
        return chunk

    def end(self, error: BaseException | None) -> list[GeminiBody] | None:
        """At a clean end, the held-back text of streams that saw no finishReason, as one more chunk;
        `done` however the stream ends."""
        try:
            if error is not None:
                raise error
            pending = [(key, stream.flush()) for key, stream in self._streams.items()]
            pending = [(key, text) for key, text in pending if text]
            if not pending:
                return None
            return [
                {
                    "candidates": [
                        {"index": key[0], "content": {"role": "model", "parts": [_text_part(text, key[1])]}}
                        for key, text in pending
                    ]
                }
            ]
        finally:
            if self._done is not None:
                self._done()


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
