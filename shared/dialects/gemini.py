"""The Gemini REST dialect (Vertex AI and Developer API paths): validation, responses, errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic.alias_generators import to_camel

from shared.deferred_model import DeferredModel
from shared.dialects.gemini_plain import plain_generate
from shared.dialects.validation import AcceptedBodies, load_json_object, validate
from shared.errors import GatehouseError, UpstreamError
from shared.http import HttpResponse, error_response, sse_event
from shared.providers.base import GeminiBody
from shared.streams import tap

__all__ = [
    "CountTokensResponse",
    "ErrorResponse",
    "GenerateContentResponse",
    "error_body",
    "parse_count_tokens",
    "parse_generate",
    "render_array",
    "render_error",
    "render_stream",
]


class _Loose(BaseModel):
    """Google's JSON parser takes both camelCase and snake_case names (the SDK sends a mix)."""

    model_config = ConfigDict(
        extra="allow", strict=True, alias_generator=to_camel, validate_by_name=True, validate_by_alias=True
    )


class Blob(_Loose):
    mime_type: str
    data: str


class FileData(_Loose):
    mime_type: str | None = None
    file_uri: str


class Part(_Loose):
    text: str | None = None
    inline_data: Blob | None = None
    file_data: FileData | None = None
    function_call: dict[str, Any] | None = None
    function_response: dict[str, Any] | None = None
    thought: bool | None = None
    thought_signature: str | None = None


class Content(_Loose):
    role: str | None = None
    parts: list[Part] = Field(min_length=1)


class ThinkingConfig(_Loose):
    thinking_budget: int | None = None
    include_thoughts: bool | None = None
    thinking_level: str | None = None


class GenerationConfig(_Loose):
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, ge=0, le=1)
    top_k: float | None = Field(None, ge=0)
    candidate_count: int | None = Field(None, ge=1)
    max_output_tokens: int | None = Field(None, ge=1)
    stop_sequences: list[str] | None = None
    response_mime_type: str | None = None
    response_schema: dict[str, Any] | None = None
    response_json_schema: Any = None
    thinking_config: ThinkingConfig | None = None
    seed: int | None = None
    presence_penalty: float | None = None
    frequency_penalty: float | None = None
    response_modalities: list[str] | None = None


class SafetySetting(_Loose):
    category: str
    threshold: str | None = None


class GenerateContentRequest(_Loose):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"contents": [{"role": "user", "parts": [{"text": "Hello"}]}]}]}
    )

    contents: list[Content] = Field(min_length=1)
    system_instruction: Content | None = None
    generation_config: GenerationConfig | None = None
    safety_settings: list[SafetySetting] | None = None
    tools: list[dict[str, Any]] | None = None
    tool_config: dict[str, Any] | None = None
    cached_content: str | None = None
    labels: dict[str, str] | None = None


class CountTokensRequest(_Loose):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"contents": [{"parts": [{"text": "Hello"}]}]}]}
    )

    contents: list[Content] | None = Field(None, min_length=1)
    generate_content_request: GenerateContentRequest | None = None
    system_instruction: Content | None = None
    tools: list[dict[str, Any]] | None = None

    @model_validator(mode="after")
    def _something_to_count(self) -> CountTokensRequest:
        # checked here, not by the upstream: a body it cannot count fails there with a 500
        if not self.contents and self.generate_content_request is None:
            raise ValueError("`contents` (a non-empty list) or `generateContentRequest` is required")
        return self


class Candidate(DeferredModel):
    model_config = ConfigDict(extra="allow")

    content: dict[str, Any] | None = None
    finish_reason: str | None = Field(None, alias="finishReason")
    index: int | None = None


class GenerateContentResponse(DeferredModel):
    """What generateContent answers (and each streamed chunk); documented loosely, as Google does."""

    model_config = ConfigDict(extra="allow")

    candidates: list[Candidate] | None = None
    usage_metadata: dict[str, Any] | None = Field(None, alias="usageMetadata")
    model_version: str | None = Field(None, alias="modelVersion")
    response_id: str | None = Field(None, alias="responseId")
    prompt_feedback: dict[str, Any] | None = Field(None, alias="promptFeedback")


class CountTokensResponse(DeferredModel):
    model_config = ConfigDict(extra="allow")

    total_tokens: int = Field(alias="totalTokens")


class ErrorStatus(DeferredModel):
    code: int
    message: str
    status: str
    details: list[dict[str, Any]] | None = None


class ErrorResponse(DeferredModel):
    """Google's error shape, used by the Gemini paths and the native dialect."""

    error: ErrorStatus


_GENERATE_BODIES = AcceptedBodies(GenerateContentRequest, plain=plain_generate)


def parse_generate(body: bytes) -> GeminiBody:
    """The request as sent (for a faithful forward), after checking its shape (once per distinct body:
    the model is not kept, so the check depends on the bytes alone)."""
    data = load_json_object(body)
    _GENERATE_BODIES.check(body, data)
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
    return error_response(error, error_body(error))


def render_stream(chunks: AsyncIterator[GeminiBody]) -> AsyncIterator[bytes]:
    """SSE frames; a failure after the first chunk ends with an error event, never a clean end.
    A level of the stream (shared/streams.py)."""
    return tap(chunks, sse_event, _error_event)


def _error_event(error: BaseException | None) -> list[bytes] | None:
    if isinstance(error, GatehouseError):
        return [sse_event(error_body(error))]
    if error is not None:
        raise error
    return None


def render_array(chunks: AsyncIterator[GeminiBody]) -> AsyncIterator[bytes]:
    """`streamGenerateContent` without `alt=sse`: one JSON array of the chunks, sent as they come.

    A failure after the first chunk becomes the array's last element (an error object).
    """
    array = _Array()
    return tap(chunks, array.step, array.end)


class _Array:
    __slots__ = ("_separator",)

    def __init__(self) -> None:
        self._separator = b"["

    def step(self, chunk: GeminiBody) -> bytes:
        out = self._separator + orjson.dumps(chunk)
        self._separator = b",\r\n"
        return out

    def end(self, error: BaseException | None) -> list[bytes]:
        out: list[bytes] = []
        if isinstance(error, GatehouseError):
            out.append(self._separator + orjson.dumps(error_body(error)))
            self._separator = b","
        elif error is not None:
            raise error
        out.append(b"]" if self._separator != b"[" else b"[]")
        return out
