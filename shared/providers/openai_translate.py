"""Gemini REST bodies <-> OpenAI chat completions: system, turns, JSON output, tools, usage.

Requests: systemInstruction -> a system message; contents -> user/assistant turns (model ->
assistant); functionCall parts -> assistant `tool_calls`; functionResponse parts -> `tool`
messages; inlineData images -> `image_url` data URLs; generationConfig -> sampling fields;
responseMimeType/responseSchema -> `response_format`; functionDeclarations -> `tools`.
Responses: choices -> candidates, `tool_calls` -> functionCall parts, finish reasons mapped,
usage -> usageMetadata. Streams go through `ChunkTranslator`. Every field mapping is defined once
in shared/openai_gemini.py, which the OpenAI dialect on ingress reads the other way.
"""

from __future__ import annotations

from typing import Any

import orjson

from shared.openai_gemini import (
    SAMPLING,
    call_part,
    content_items,
    finish_from_openai,
    g,
    response_format_from_config,
    tool_call,
    tool_choice_from_config,
    tools_from_declarations,
    usage_metadata,
)
from shared.providers.base import GeminiBody

__all__ = ["ChunkTranslator", "from_chat_response", "to_chat_request", "usage_metadata"]


def _messages(body: GeminiBody) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    system = g(body, "systemInstruction")
    if isinstance(system, dict):
        text = content_items(system.get("parts") or [])
        if text:
            messages.append({"role": "system", "content": text})
    pending: list[str] = []  # ids of tool calls awaiting their response, in order
    counter = 0
    for turn in body.get("contents") or ():
        parts = turn.get("parts") or []
        role = "assistant" if turn.get("role") == "model" else "user"
        calls = [g(p, "functionCall") for p in parts if g(p, "functionCall")]
        answers = [g(p, "functionResponse") for p in parts if g(p, "functionResponse")]
        if calls:
            tool_calls = []
            for call in calls:
                counter += 1
                tool_calls.append(tool_call(call, f"call_{counter}"))
                pending.append(tool_calls[-1]["id"])
            text = content_items([p for p in parts if not g(p, "functionCall")])
            messages.append({"role": "assistant", "content": text or None, "tool_calls": tool_calls})
            continue
        for answer in answers:
            call_id = answer.get("id") or (pending.pop(0) if pending else f"call_{answer.get('name')}")
            content = orjson.dumps(answer.get("response") or {}).decode()
            messages.append({"role": "tool", "tool_call_id": call_id, "content": content})
        rest = [p for p in parts if not g(p, "functionResponse")]
        if rest:
            messages.append({"role": role, "content": content_items(rest)})
    return messages


def to_chat_request(body: GeminiBody, model: str, *, stream: bool) -> dict[str, Any]:
    request: dict[str, Any] = {"model": model, "messages": _messages(body)}
    config = g(body, "generationConfig") or {}
    for gemini, openai in SAMPLING:
        value = g(config, gemini)
        if value is not None:
            request[openai] = value
    response_format = response_format_from_config(config)
    if response_format is not None:
        request["response_format"] = response_format
    tools = tools_from_declarations(body.get("tools"))
    if tools:
        request["tools"] = tools
        request["tool_choice"] = tool_choice_from_config(g(body, "toolConfig"))
    if stream:
        request["stream"] = True
        request["stream_options"] = {"include_usage": True}
    return request


def from_chat_response(response: dict[str, Any], model: str) -> GeminiBody:
    candidates: list[dict[str, Any]] = []
    for choice in response.get("choices") or ():
        message = choice.get("message") or {}
        parts: list[dict[str, Any]] = []
        if message.get("content"):
            parts.append({"text": message["content"]})
        parts.extend(call_part(c) for c in message.get("tool_calls") or ())
        candidates.append(
            {
                "content": {"role": "model", "parts": parts},
                "finishReason": finish_from_openai(choice.get("finish_reason")),
                "index": choice.get("index", len(candidates)),
            }
        )
    return {
        "candidates": candidates,
        "usageMetadata": usage_metadata(response.get("usage")),
        "modelVersion": response.get("model") or model,
        "responseId": response.get("id", ""),
    }


class ChunkTranslator:
    """Turns OpenAI stream chunks into Gemini stream chunks; tool calls are emitted at the end."""

    def __init__(self, model: str) -> None:
        self._model = model
        self._id = ""
        self._calls: dict[int, dict[str, Any]] = {}
        self.finish: str | None = None
        self._usage: dict[str, Any] | None = None

    def _chunk(self, candidate: dict[str, Any]) -> GeminiBody:
        return {"candidates": [candidate], "modelVersion": self._model, "responseId": self._id}

    def feed(self, chunk: dict[str, Any]) -> list[GeminiBody]:
        self._id = chunk.get("id") or self._id
        self._model = chunk.get("model") or self._model
        if chunk.get("usage"):
            self._usage = chunk["usage"]
        out = []
        for choice in chunk.get("choices") or ():
            delta = choice.get("delta") or {}
            if delta.get("content"):
                out.append(self._chunk({"content": {"role": "model", "parts": [{"text": delta["content"]}]}}))
            for call in delta.get("tool_calls") or ():
                slot = self._calls.setdefault(int(call.get("index", 0)), {"function": {"arguments": ""}})
                if call.get("id"):
                    slot["id"] = call["id"]
                function = call.get("function") or {}
                if function.get("name"):
                    slot["function"]["name"] = function["name"]
                slot["function"]["arguments"] += function.get("arguments") or ""
            if choice.get("finish_reason"):
                self.finish = choice["finish_reason"]
        return out

    def close(self) -> GeminiBody:
        """The last chunk: pending tool calls, the finish reason and usage."""
        parts = [call_part(self._calls[i]) for i in sorted(self._calls)] or [{"text": ""}]
        last = self._chunk(
            {
                "content": {"role": "model", "parts": parts},
                "finishReason": finish_from_openai(self.finish),
                "index": 0,
            }
        )
        last["usageMetadata"] = usage_metadata(self._usage)
        return last
