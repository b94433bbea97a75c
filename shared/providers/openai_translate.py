"""Gemini REST bodies <-> OpenAI chat completions: system, turns, JSON output, tools, usage.

Requests: systemInstruction -> a system message; contents -> user/assistant turns (model ->
assistant); functionCall parts -> assistant `tool_calls`; functionResponse parts -> `tool`
messages; inlineData images -> `image_url` data URLs; generationConfig -> sampling fields;
responseMimeType/responseSchema -> `response_format`; functionDeclarations -> `tools`.
Responses: choices -> candidates, `tool_calls` -> functionCall parts, finish reasons mapped,
usage -> usageMetadata. Streams go through `ChunkTranslator`.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

from shared.providers.base import GeminiBody

__all__ = ["ChunkTranslator", "from_chat_response", "to_chat_request", "usage_metadata"]

_FINISH = {
    "stop": "STOP",
    "length": "MAX_TOKENS",
    "tool_calls": "STOP",
    "function_call": "STOP",
    "content_filter": "SAFETY",
}
_TOOL_CHOICE = {"AUTO": "auto", "ANY": "required", "NONE": "none", "VALIDATED": "auto"}


def _g(obj: Any, camel: str) -> Any:
    """Read a Gemini field by its camelCase or snake_case name."""
    if not isinstance(obj, dict):
        return None
    if camel in obj:
        return obj[camel]
    return obj.get(re.sub(r"(?<!^)(?=[A-Z])", "_", camel).lower())


def _lower_types(schema: Any) -> Any:
    """Gemini schemas may spell types in upper case (OBJECT); JSON Schema wants lower case."""
    if isinstance(schema, dict):
        out = {k: _lower_types(v) for k, v in schema.items()}
        if isinstance(out.get("type"), str):
            out["type"] = out["type"].lower()
        return out
    if isinstance(schema, list):
        return [_lower_types(v) for v in schema]
    return schema


def _content(parts: list[dict[str, Any]]) -> str | list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for part in parts:
        text = part.get("text")
        if isinstance(text, str) and not part.get("thought"):
            items.append({"type": "text", "text": text})
        blob = _g(part, "inlineData")
        if isinstance(blob, dict):
            url = f"data:{_g(blob, 'mimeType')};base64,{blob.get('data', '')}"
            items.append({"type": "image_url", "image_url": {"url": url}})
        file = _g(part, "fileData")
        if isinstance(file, dict):
            items.append({"type": "image_url", "image_url": {"url": _g(file, "fileUri")}})
    if all(i["type"] == "text" for i in items):
        return "".join(i["text"] for i in items)
    return items


def _messages(body: GeminiBody) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    system = _g(body, "systemInstruction")
    if isinstance(system, dict):
        text = _content(system.get("parts") or [])
        if text:
            messages.append({"role": "system", "content": text})
    pending: list[str] = []  # ids of tool calls awaiting their response, in order
    counter = 0
    for turn in body.get("contents") or ():
        parts = turn.get("parts") or []
        role = "assistant" if turn.get("role") == "model" else "user"
        calls = [_g(p, "functionCall") for p in parts if _g(p, "functionCall")]
        answers = [_g(p, "functionResponse") for p in parts if _g(p, "functionResponse")]
        if calls:
            tool_calls = []
            for call in calls:
                counter += 1
                call_id = call.get("id") or f"call_{counter}"
                pending.append(call_id)
                arguments = orjson.dumps(call.get("args") or {}).decode()
                tool_calls.append(
                    {
                        "id": call_id,
                        "type": "function",
                        "function": {"name": call["name"], "arguments": arguments},
                    }
                )
            text = _content([p for p in parts if not _g(p, "functionCall")])
            messages.append({"role": "assistant", "content": text or None, "tool_calls": tool_calls})
            continue
        for answer in answers:
            call_id = answer.get("id") or (pending.pop(0) if pending else f"call_{answer.get('name')}")
            content = orjson.dumps(answer.get("response") or {}).decode()
            messages.append({"role": "tool", "tool_call_id": call_id, "content": content})
        rest = [p for p in parts if not _g(p, "functionResponse")]
        if rest:
            messages.append({"role": role, "content": _content(rest)})
    return messages


def to_chat_request(body: GeminiBody, model: str, *, stream: bool) -> dict[str, Any]:
    request: dict[str, Any] = {"model": model, "messages": _messages(body)}
    config = _g(body, "generationConfig") or {}
    for gemini, openai in (
        ("temperature", "temperature"),
        ("topP", "top_p"),
        ("maxOutputTokens", "max_tokens"),
        ("stopSequences", "stop"),
        ("seed", "seed"),
        ("presencePenalty", "presence_penalty"),
        ("frequencyPenalty", "frequency_penalty"),
        ("candidateCount", "n"),
    ):
        value = _g(config, gemini)
        if value is not None:
            request[openai] = value
    if _g(config, "responseMimeType") == "application/json":
        schema = _g(config, "responseJsonSchema") or _g(config, "responseSchema")
        if isinstance(schema, dict):
            request["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "response", "schema": _lower_types(schema)},
            }
        else:
            request["response_format"] = {"type": "json_object"}
    tools = [
        {
            "type": "function",
            "function": {
                k: _lower_types(v) if k == "parameters" else v
                for k, v in decl.items()
                if k in ("name", "description", "parameters")
            },
        }
        for tool in body.get("tools") or ()
        for decl in _g(tool, "functionDeclarations") or ()
    ]
    if tools:
        request["tools"] = tools
        calling = _g(_g(body, "toolConfig") or {}, "functionCallingConfig") or {}
        mode = str(calling.get("mode") or "AUTO").upper()
        names = _g(calling, "allowedFunctionNames") or []
        if mode == "ANY" and len(names) == 1:
            request["tool_choice"] = {"type": "function", "function": {"name": names[0]}}
        else:
            request["tool_choice"] = _TOOL_CHOICE.get(mode, "auto")
    if stream:
        request["stream"] = True
        request["stream_options"] = {"include_usage": True}
    return request


def usage_metadata(usage: dict[str, Any] | None) -> dict[str, Any]:
    usage = usage or {}
    meta = {
        "promptTokenCount": int(usage.get("prompt_tokens") or 0),
        "candidatesTokenCount": int(usage.get("completion_tokens") or 0),
        "totalTokenCount": int(usage.get("total_tokens") or 0),
    }
    cached = (usage.get("prompt_tokens_details") or {}).get("cached_tokens")
    if cached:
        meta["cachedContentTokenCount"] = int(cached)
    reasoning = (usage.get("completion_tokens_details") or {}).get("reasoning_tokens")
    if reasoning:
        meta["thoughtsTokenCount"] = int(reasoning)
        meta["candidatesTokenCount"] = max(0, meta["candidatesTokenCount"] - int(reasoning))
    return meta


def _call_part(call: dict[str, Any]) -> dict[str, Any]:
    function = call.get("function") or {}
    try:
        args = orjson.loads(function.get("arguments") or "{}")
    except orjson.JSONDecodeError:
        args = {"_raw": function.get("arguments")}
    return {"functionCall": {"id": call.get("id"), "name": function.get("name"), "args": args}}


def from_chat_response(response: dict[str, Any], model: str) -> GeminiBody:
    candidates: list[dict[str, Any]] = []
    for choice in response.get("choices") or ():
        message = choice.get("message") or {}
        parts: list[dict[str, Any]] = []
        if message.get("content"):
            parts.append({"text": message["content"]})
        parts.extend(_call_part(c) for c in message.get("tool_calls") or ())
        candidates.append(
            {
                "content": {"role": "model", "parts": parts},
                "finishReason": _FINISH.get(choice.get("finish_reason") or "stop", "OTHER"),
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
        parts = [_call_part(self._calls[i]) for i in sorted(self._calls)] or [{"text": ""}]
        last = self._chunk(
            {
                "content": {"role": "model", "parts": parts},
                "finishReason": _FINISH.get(self.finish or "stop", "OTHER"),
                "index": 0,
            }
        )
        last["usageMetadata"] = usage_metadata(self._usage)
        return last
