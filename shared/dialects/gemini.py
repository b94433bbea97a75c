"""The Gemini REST dialect (Vertex AI and Developer API paths): validation, responses, errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from shared.dialects.validation import load_json_object, validate
from shared.errors import GatehouseError, UpstreamError
from shared.http import HttpResponse, json_response, sse_event
from shared.providers.base import GeminiBody

__all__ = ["error_body", "parse_count_tokens", "parse_generate", "render_error", "render_stream"]


class _Loose(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)


class Blob(_Loose):
    mimeType: str
    data: str


class FileData(_Loose):
    mimeType: str | None = None
    fileUri: str


class Part(_Loose):
    text: str | None = None
    inlineData: Blob | None = None
    fileData: FileData | None = None
    functionCall: dict[str, Any] | None = None
    functionResponse: dict[str, Any] | None = None
    thought: bool | None = None
    thoughtSignature: str | None = None


class Content(_Loose):
    role: str | None = None
    parts: list[Part] = Field(min_length=1)


class ThinkingConfig(_Loose):
    thinkingBudget: int | None = None
    includeThoughts: bool | None = None
    thinkingLevel: str | None = None


class GenerationConfig(_Loose):
    temperature: float | None = Field(None, ge=0, le=2)
    topP: float | None = Field(None, ge=0, le=1)
    topK: float | None = Field(None, ge=0)
    candidateCount: int | None = Field(None, ge=1)
    maxOutputTokens: int | None = Field(None, ge=1)
    stopSequences: list[str] | None = None
    responseMimeType: str | None = None
    responseSchema: dict[str, Any] | None = None
    responseJsonSchema: Any = None
    thinkingConfig: ThinkingConfig | None = None
    seed: int | None = None
    presencePenalty: float | None = None
    frequencyPenalty: float | None = None
    responseModalities: list[str] | None = None


class SafetySetting(_Loose):
    category: str
    threshold: str | None = None


class GenerateContentRequest(_Loose):
    contents: list[Content] = Field(min_length=1)
    systemInstruction: Content | None = None
    generationConfig: GenerationConfig | None = None
    safetySettings: list[SafetySetting] | None = None
    tools: list[dict[str, Any]] | None = None
    toolConfig: dict[str, Any] | None = None
    cachedContent: str | None = None
    labels: dict[str, str] | None = None


class CountTokensRequest(_Loose):
    contents: list[Content] | None = None
    generateContentRequest: GenerateContentRequest | None = None
    systemInstruction: Content | None = None
    tools: list[dict[str, Any]] | None = None


def parse_generate(body: bytes) -> GeminiBody:
    """The request as sent (for a faithful forward), after checking its shape."""
    data = load_json_object(body)
    validate(GenerateContentRequest, data)
    return data


def parse_count_tokens(body: bytes) -> GeminiBody:
    data = load_json_object(body)
    validate(CountTokensRequest, data)
    return data


def error_body(error: GatehouseError) -> dict[str, Any]:
    """Google's error shape; an upstream error is passed through as the upstream sent it."""
    if isinstance(error, UpstreamError) and error.body is not None:
        return error.body
    inner: dict[str, Any] = {
        "code": error.status,
        "message": error.message,
        "status": error.google_status,
    }
    extra = error.details()
    if "field" in extra:
        inner["details"] = [
            {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                "fieldViolations": [{"field": extra["field"], "description": error.message}],
            }
        ]
    elif extra:
        inner["details"] = [
            {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": error.code.upper(),
                "domain": "gatehouse",
                "metadata": {k: str(v) for k, v in extra.items()},
            }
        ]
    return {"error": inner}


def render_error(error: GatehouseError) -> HttpResponse:
    headers = {}
    if error.retry_after is not None:
        headers["Retry-After"] = str(max(0, round(error.retry_after)))
    return json_response(error.status, error_body(error), headers)


async def render_stream(chunks: AsyncIterator[GeminiBody]) -> AsyncIterator[bytes]:
    """SSE frames; a failure after the first chunk ends with an error event, never a clean end."""
    try:
        async for chunk in chunks:
            yield sse_event(chunk)
    except GatehouseError as error:
        yield sse_event(error_body(error))
