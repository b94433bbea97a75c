"""Streams and the cache: merge a streamed answer into one response; replay a cached one."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Iterable
from typing import Any

__all__ = ["merge_chunks", "replay"]

_TOP_LEVEL = ("modelVersion", "responseId", "createTime", "promptFeedback")


def _text_only(part: dict[str, Any]) -> bool:
    return set(part) <= {"text", "thought"} and isinstance(part.get("text"), str)


def merge_chunks(chunks: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """The response a non-streamed call would have returned, or None if chunks disagree
    (several candidates). Adjacent text parts are joined; the last usage and finish win."""
    parts: list[dict[str, Any]] = []
    candidate: dict[str, Any] = {}
    response: dict[str, Any] = {}
    seen = False
    for chunk in chunks:
        for field in _TOP_LEVEL:
            if field in chunk:
                response[field] = chunk[field]
        usage = chunk.get("usageMetadata")
        if usage is not None:
            response["usageMetadata"] = usage
        candidates = chunk.get("candidates") or []
        if len(candidates) > 1:
            return None
        if not candidates:
            continue
        seen = True
        current = candidates[0]
        for name, value in current.items():
            if name not in ("content", "index"):
                candidate[name] = value
        content = current.get("content") or {}
        if "role" in content:
            candidate.setdefault("content", {})["role"] = content["role"]
        for part in content.get("parts") or []:
            last = parts[-1] if parts else None
            if (
                last is not None
                and _text_only(part)
                and _text_only(last)
                and last.get("thought") == part.get("thought")
            ):
                last["text"] += part["text"]
            else:
                parts.append(copy.deepcopy(part))
    if not seen:
        return None
    candidate.setdefault("content", {"role": "model"})["parts"] = parts
    return {"candidates": [candidate], **response}


async def replay(response: dict[str, Any]) -> AsyncIterator[dict[str, Any]]:
    """A cached answer as a stream: one complete chunk (finishReason and usage included)."""
    yield response
