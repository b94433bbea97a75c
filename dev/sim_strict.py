"""The simulator's request checks: it rejects what Vertex AI rejects, with Vertex's messages.

Written independently of Gatehouse's own validation (shared/dialects/), so a gap there shows up
as a 400 from the "upstream" rather than being papered over by a lenient simulator.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["check_embed", "check_generate"]

_TOP = {
    "contents",
    "systemInstruction",
    "generationConfig",
    "safetySettings",
    "tools",
    "toolConfig",
    "cachedContent",
    "labels",
    "modelArmorConfig",
    "model",
}
_CONFIG = {
    "temperature",
    "topP",
    "topK",
    "candidateCount",
    "maxOutputTokens",
    "stopSequences",
    "responseMimeType",
    "responseSchema",
    "responseJsonSchema",
    "thinkingConfig",
    "seed",
    "presencePenalty",
    "frequencyPenalty",
    "responseModalities",
    "responseLogprobs",
    "logprobs",
    "mediaResolution",
    "speechConfig",
    "audioTimestamp",
    "routingConfig",
    "enableAffectiveDialog",
    "imageConfig",
}
_DATA = {"text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode"}
_DATA |= {"codeExecutionResult", "videoMetadata"}
_PART_META = {"thought", "thoughtSignature", "mediaResolution", "partMetadata"}
_MIME = {"text/plain", "application/json", "text/x.enum"}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(word[:1].upper() + word[1:] for word in rest)


def _keys(obj: dict[str, Any]) -> dict[str, Any]:
    """Google's JSON parser accepts snake_case and camelCase alike."""
    return {_camel(k): v for k, v in obj.items()}


def _unknown(name: str) -> str:
    return f'Invalid JSON payload received. Unknown name "{name}": Cannot find field.'


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _content(content: Any, where: str) -> str | None:
    if not isinstance(content, dict):
        return f"Invalid value at '{where}': expected an object."
    content = _keys(content)
    for key in content:
        if key not in ("role", "parts"):
            return _unknown(key)
    role = content.get("role")
    if role is not None and role not in ("user", "model"):
        return "Please use a valid role: user, model."
    parts = content.get("parts")
    if not isinstance(parts, list) or not parts:
        return f"Unable to submit request because it must include at least one parts field ({where})."
    for index, part in enumerate(parts):
        if not isinstance(part, dict):
            return f"Invalid value at '{where}.parts[{index}]'."
        part = _keys(part)
        data = [k for k in part if k in _DATA]
        unknown = [k for k in part if k not in _DATA and k not in _PART_META]
        if unknown:
            return _unknown(unknown[0])
        if len(data) != 1:
            return "Unable to submit request because a part must have exactly one data field."
        text = part.get("text")
        if "text" in part and (not isinstance(text, str) or not text):
            return (
                "Unable to submit request because it has an empty text parameter. "
                "Add a value to the parameter and try again."
            )
    return None


def check_generate(payload: dict[str, Any], method: str) -> str | None:
    """A Vertex-style 400 message for a generateContent/countTokens body it would refuse."""
    body = _keys(payload)
    if method == "countTokens" and "generateContentRequest" in body:
        inner = body["generateContentRequest"]
        return check_generate(inner, "generateContent") if isinstance(inner, dict) else "Invalid request."
    for key in body:
        if key not in _TOP:
            return _unknown(key)
    contents = body.get("contents")
    if not isinstance(contents, list) or not contents:
        return "Unable to submit request because it must include at least one contents field."
    for index, content in enumerate(contents):
        problem = _content(content, f"contents[{index}]")
        if problem:
            return problem
    if body.get("systemInstruction") is not None:
        problem = _content(body["systemInstruction"], "system_instruction")
        if problem:
            return problem
    config = body.get("generationConfig")
    if config is not None:
        if not isinstance(config, dict):
            return "Invalid value at 'generation_config'."
        return _config(_keys(config))
    return None


def _config(config: dict[str, Any]) -> str | None:
    for key in config:
        if key not in _CONFIG:
            return _unknown(key)
    bounds = {"temperature": (0, 2), "topP": (0, 1), "topK": (1, 1000), "candidateCount": (1, 8)}
    bounds |= {"maxOutputTokens": (1, 65536), "presencePenalty": (-2, 2), "frequencyPenalty": (-2, 2)}
    for key, (low, high) in bounds.items():
        value = config.get(key)
        if value is not None and (not _number(value) or not low <= value <= high):
            return f"Unable to submit request because {_snake(key)} must be in [{low}, {high}]."
    stops = config.get("stopSequences")
    if stops is not None and (not isinstance(stops, list) or len(stops) > 5):
        return "Unable to submit request because stop_sequences takes at most 5 strings."
    mime = config.get("responseMimeType")
    if mime is not None and mime not in _MIME:
        return f"Unable to submit request because response_mime_type {mime!r} is not supported."
    if (config.get("responseSchema") or config.get("responseJsonSchema")) and mime != "application/json":
        return "Unable to submit request because response_schema needs response_mime_type application/json."
    return None


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def check_embed(method: str, payload: dict[str, Any]) -> str | None:
    """A Vertex-style 400 for an embedding body it would refuse."""
    if method == "predict":
        instances = payload.get("instances")
        if not isinstance(instances, list) or not instances or len(instances) > 250:
            return "Invalid request: `instances` must hold 1-250 items."
        for instance in instances:
            if not isinstance(instance, dict) or not isinstance(instance.get("content"), str):
                return "Invalid request: each instance needs a string `content`."
        dims = (_keys(payload.get("parameters") or {})).get("outputDimensionality")
    elif method == "batchEmbedContents":
        requests = payload.get("requests")
        if not isinstance(requests, list) or not requests:
            return "Invalid request: `requests` must not be empty."
        dims = _keys(requests[0]).get("outputDimensionality") if isinstance(requests[0], dict) else None
    else:
        dims = _keys(payload).get("outputDimensionality")
    if dims is not None and (not isinstance(dims, int) or not 1 <= dims <= 3072):
        return "Invalid request: output_dimensionality must be in [1, 3072]."
    return None
