"""OpenAI chat <-> Gemini REST: every field mapping defined once, as a pair of directions.

Two callers share it: the OpenAI-compatible *upstreams* (shared/providers/openai_translate.py:
a Gemini body out to a chat API, its answer back) and the OpenAI *dialect* on ingress
(shared/dialects/openai.py: a chat request in, a Gemini answer out). Each table below is read
both ways, so a mapping fixed for one direction is fixed for the other.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

__all__ = [
    "SAMPLING",
    "call_part",
    "content_items",
    "finish_from_openai",
    "finish_to_openai",
    "g",
    "item_parts",
    "lower_types",
    "openai_usage",
    "response_format_from_config",
    "response_format_to_config",
    "tool_call",
    "tool_choice_from_config",
    "tool_choice_to_config",
    "tools_from_declarations",
    "tools_to_declarations",
    "usage_metadata",
]

# (Gemini generationConfig field, OpenAI chat field)
SAMPLING = (
    ("temperature", "temperature"),
    ("topP", "top_p"),
    ("maxOutputTokens", "max_tokens"),
    ("stopSequences", "stop"),
    ("seed", "seed"),
    ("presencePenalty", "presence_penalty"),
    ("frequencyPenalty", "frequency_penalty"),
    ("candidateCount", "n"),
)
# OpenAI finish_reason -> Gemini finishReason; the reverse takes the first OpenAI name per Gemini one
_FINISH = {
    "stop": "STOP",
    "length": "MAX_TOKENS",
    "content_filter": "SAFETY",
    "tool_calls": "STOP",
    "function_call": "STOP",
}
_FINISH_BACK = {gemini: openai for openai, gemini in reversed(_FINISH.items())}
_FILTERED = frozenset({"RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "LANGUAGE"})
# Gemini functionCallingConfig.mode <-> OpenAI tool_choice
_TOOL_CHOICE = {"AUTO": "auto", "ANY": "required", "NONE": "none", "VALIDATED": "auto"}
_TOOL_CHOICE_BACK = {"auto": "AUTO", "required": "ANY", "none": "NONE"}
# (Gemini usageMetadata field, OpenAI usage field)
_USAGE = (("promptTokenCount", "prompt_tokens"), ("totalTokenCount", "total_tokens"))
_DATA_URL = re.compile(r"^data:(?P<mime>[\w.+-]+/[\w.+-]+);base64,(?P<data>.*)$", re.DOTALL)


def g(obj: Any, camel: str) -> Any:
    """Read a Gemini field by its camelCase or snake_case name."""
    if not isinstance(obj, dict):
        return None
    if camel in obj:
        return obj[camel]
    return obj.get(re.sub(r"(?<!^)(?=[A-Z])", "_", camel).lower())


def lower_types(schema: Any) -> Any:
    """Gemini schemas may spell types in upper case (OBJECT); JSON Schema wants lower case."""
    if isinstance(schema, dict):
        out = {k: lower_types(v) for k, v in schema.items()}
        if isinstance(out.get("type"), str):
            out["type"] = out["type"].lower()
        return out
    if isinstance(schema, list):
        return [lower_types(v) for v in schema]
    return schema


# -- content: Gemini parts <-> OpenAI content items --------------------------------------------------
def content_items(parts: list[dict[str, Any]]) -> str | list[dict[str, Any]]:
    """Gemini parts -> OpenAI message content (a string when it is all text)."""
    items: list[dict[str, Any]] = []
    for part in parts:
        text = part.get("text")
        if isinstance(text, str) and not part.get("thought"):
            items.append({"type": "text", "text": text})
        blob = g(part, "inlineData")
        if isinstance(blob, dict):
            url = f"data:{g(blob, 'mimeType')};base64,{blob.get('data', '')}"
            items.append({"type": "image_url", "image_url": {"url": url}})
        file = g(part, "fileData")
        if isinstance(file, dict):
            items.append({"type": "image_url", "image_url": {"url": g(file, "fileUri")}})
    if all(i["type"] == "text" for i in items):
        return "".join(i["text"] for i in items)
    return items


def item_parts(content: Any) -> list[dict[str, Any]]:
    """OpenAI message content -> Gemini parts (the inverse of `content_items`)."""
    if content is None:
        return []
    if isinstance(content, str):
        return [{"text": content}] if content else []
    parts: list[dict[str, Any]] = []
    for item in content:
        kind = item.get("type")
        if kind == "text":
            parts.append({"text": item.get("text", "")})
        elif kind == "image_url":
            url = str((item.get("image_url") or {}).get("url", ""))
            found = _DATA_URL.match(url)
            if found:
                parts.append({"inlineData": {"mimeType": found["mime"], "data": found["data"]}})
            else:
                parts.append({"fileData": {"fileUri": url, "mimeType": "image/*"}})
        elif kind == "input_audio":
            audio = item.get("input_audio") or {}
            mime = f"audio/{audio.get('format', 'wav')}"
            parts.append({"inlineData": {"mimeType": mime, "data": audio.get("data", "")}})
    return parts


# -- tool calls: Gemini functionCall parts <-> OpenAI tool_calls ---------------------------------
def call_part(call: dict[str, Any]) -> dict[str, Any]:
    """OpenAI tool call -> Gemini functionCall part."""
    function = call.get("function") or {}
    try:
        args = orjson.loads(function.get("arguments") or "{}")
    except orjson.JSONDecodeError:
        args = {"_raw": function.get("arguments")}
    return {"functionCall": {"id": call.get("id"), "name": function.get("name"), "args": args}}


def tool_call(function_call: dict[str, Any], fallback_id: str) -> dict[str, Any]:
    """Gemini functionCall -> OpenAI tool call (the inverse of `call_part`)."""
    return {
        "id": function_call.get("id") or fallback_id,
        "type": "function",
        "function": {
            "name": function_call.get("name"),
            "arguments": orjson.dumps(function_call.get("args") or {}).decode(),
        },
    }


# -- tools: functionDeclarations <-> tools, functionCallingConfig <-> tool_choice ------------------
def tools_from_declarations(tools: Any) -> list[dict[str, Any]]:
    out = []
    for tool in tools or ():
        for decl in g(tool, "functionDeclarations") or ():
            function = {k: decl[k] for k in ("name", "description") if k in decl}
            schema = g(decl, "parametersJsonSchema") or decl.get("parameters")
            if schema is not None:
                function["parameters"] = lower_types(schema)
            out.append({"type": "function", "function": function})
    return out


def tools_to_declarations(tools: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """OpenAI tools -> one Gemini tool; parameters travel as JSON Schema (`parametersJsonSchema`)."""
    declarations = []
    for tool in tools:
        function = tool.get("function") or {}
        decl = {k: function[k] for k in ("name", "description") if function.get(k) is not None}
        if function.get("parameters") is not None:
            decl["parametersJsonSchema"] = function["parameters"]
        declarations.append(decl)
    return [{"functionDeclarations": declarations}] if declarations else []


def tool_choice_from_config(tool_config: Any) -> Any:
    calling = g(tool_config or {}, "functionCallingConfig") or {}
    mode = str(calling.get("mode") or "AUTO").upper()
    names = g(calling, "allowedFunctionNames") or []
    if mode == "ANY" and len(names) == 1:
        return {"type": "function", "function": {"name": names[0]}}
    return _TOOL_CHOICE.get(mode, "auto")


def tool_choice_to_config(choice: Any) -> dict[str, Any] | None:
    if choice is None:
        return None
    if isinstance(choice, dict):
        name = (choice.get("function") or {}).get("name")
        return {"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": [name]}}
    return {"functionCallingConfig": {"mode": _TOOL_CHOICE_BACK.get(str(choice), "AUTO")}}


# -- JSON output: responseMimeType/responseJsonSchema <-> response_format -------------------------
def response_format_from_config(config: Any) -> dict[str, Any] | None:
    if g(config, "responseMimeType") != "application/json":
        return None
    schema = g(config, "responseJsonSchema") or g(config, "responseSchema")
    if isinstance(schema, dict):
        return {"type": "json_schema", "json_schema": {"name": "response", "schema": lower_types(schema)}}
    return {"type": "json_object"}


def response_format_to_config(response_format: dict[str, Any] | None) -> dict[str, Any]:
    kind = (response_format or {}).get("type")
    if kind not in ("json_object", "json_schema"):
        return {}
    config: dict[str, Any] = {"responseMimeType": "application/json"}
    schema = ((response_format or {}).get("json_schema") or {}).get("schema")
    if isinstance(schema, dict):
        config["responseJsonSchema"] = schema
    return config


# -- finish reasons and usage ----------------------------------------------------------------------
def finish_from_openai(reason: str | None) -> str:
    return _FINISH.get(reason or "stop", "OTHER")


def finish_to_openai(reason: str | None, *, tool_calls: bool) -> str | None:
    if reason is None:
        return None
    if tool_calls and reason == "STOP":
        return "tool_calls"
    if reason in _FILTERED:
        return "content_filter"
    return _FINISH_BACK.get(reason, "stop")


def usage_metadata(usage: dict[str, Any] | None) -> dict[str, Any]:
    """OpenAI usage -> Gemini usageMetadata (reasoning tokens are Gemini's thoughts)."""
    usage = usage or {}
    meta = {gemini: int(usage.get(openai) or 0) for gemini, openai in _USAGE}
    reasoning = int((usage.get("completion_tokens_details") or {}).get("reasoning_tokens") or 0)
    meta["candidatesTokenCount"] = max(0, int(usage.get("completion_tokens") or 0) - reasoning)
    if reasoning:
        meta["thoughtsTokenCount"] = reasoning
    cached = (usage.get("prompt_tokens_details") or {}).get("cached_tokens")
    if cached:
        meta["cachedContentTokenCount"] = int(cached)
    return meta


def openai_usage(meta: dict[str, Any] | None) -> dict[str, Any]:
    """Gemini usageMetadata -> OpenAI usage (the inverse of `usage_metadata`)."""
    meta = meta or {}
    usage: dict[str, Any] = {openai: int(g(meta, gemini) or 0) for gemini, openai in _USAGE}
    reasoning = int(g(meta, "thoughtsTokenCount") or 0)
    usage["completion_tokens"] = int(g(meta, "candidatesTokenCount") or 0) + reasoning
    if not usage["total_tokens"]:
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
    usage["prompt_tokens_details"] = {"cached_tokens": int(g(meta, "cachedContentTokenCount") or 0)}
    usage["completion_tokens_details"] = {"reasoning_tokens": reasoning}
    return usage
