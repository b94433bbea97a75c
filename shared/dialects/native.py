"""Gatehouse's own dialect: `POST /v1/generate` with a small, typed request and response."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from shared.cost.prices import usage_from_metadata
from shared.deferred_model import DeferredModel
from shared.dialects.gemini import error_body
from shared.dialects.validation import load_json_object, validate
from shared.errors import GatehouseError
from shared.http import HttpResponse, error_response, sse_event
from shared.providers.base import GeminiBody
from shared.streams import close_input

__all__ = [
    "GenerateRequest",
    "GenerateResponse",
    "error_body",
    "parse_generate",
    "render_error",
    "render_response",
    "render_stream",
]


class Message(DeferredModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    role: Literal["user", "model", "assistant"]
    content: str = Field(min_length=1)


class GenerateConfig(DeferredModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, ge=0, le=1)
    top_k: int | None = Field(None, ge=1)
    max_output_tokens: int | None = Field(None, ge=1)
    stop_sequences: list[str] | None = None
    seed: int | None = None
    response_mime_type: str | None = None
    response_schema: dict[str, Any] | None = None
    thinking_budget: int | None = None


class GenerateRequest(DeferredModel):
    """Either `prompt` (one user turn) or `messages` (multi-turn), plus optional settings."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [{"model": "gemini-2.5-flash", "prompt": "Hello", "system": "Be brief"}]
        },
    )

    model: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._@-]+$")
    prompt: str | None = Field(None, min_length=1)
    messages: list[Message] | None = Field(None, min_length=1)
    system: str | None = None
    config: GenerateConfig = Field(default_factory=GenerateConfig)
    stream: bool = False
    metadata: dict[str, str] = Field(default_factory=dict, max_length=16)
    async_: bool = Field(False, alias="async", description="Run as a job: 202 and a status URL.")
    callback_url: str | None = Field(None, min_length=1, max_length=2048)

    @model_validator(mode="after")
    def _one_input(self) -> GenerateRequest:
        if (self.prompt is None) == (self.messages is None):
            raise ValueError("give exactly one of `prompt` or `messages`")
        if self.stream and (self.async_ or self.callback_url):
            raise ValueError("`stream` cannot be combined with `async` or `callback_url`")
        return self

    def to_gemini(self) -> GeminiBody:
        turns = [Message(role="user", content=self.prompt)] if self.prompt else self.messages or []
        body: GeminiBody = {
            "contents": [
                {"role": "model" if m.role != "user" else "user", "parts": [{"text": m.content}]}
                for m in turns
            ]
        }
        if self.system:
            body["systemInstruction"] = {"parts": [{"text": self.system}]}
        generation = _generation_config(self.config)
        if generation:
            body["generationConfig"] = generation
        return body


def _generation_config(config: GenerateConfig) -> dict[str, Any]:
    names = {
        "temperature": "temperature",
        "top_p": "topP",
        "top_k": "topK",
        "max_output_tokens": "maxOutputTokens",
        "stop_sequences": "stopSequences",
        "seed": "seed",
        "response_mime_type": "responseMimeType",
        "response_schema": "responseSchema",
    }
    out = {names[k]: v for k, v in config.model_dump(exclude_none=True).items() if k in names}
    if config.thinking_budget is not None:
        out["thinkingConfig"] = {"thinkingBudget": config.thinking_budget}
    return out


class Usage(DeferredModel):
    prompt_tokens: int = 0
    cached_tokens: int = 0
    output_tokens: int = 0
    thoughts_tokens: int = 0
    total_tokens: int = 0


class GenerateResponse(DeferredModel):
    id: str
    model: str
    text: str
    finish_reason: str | None = None
    usage: Usage


def parse_generate(body: bytes) -> GenerateRequest:
    return validate(GenerateRequest, load_json_object(body))


def _text(response: GeminiBody) -> tuple[str, str | None]:
    candidates = response.get("candidates") or [{}]
    first = candidates[0]
    parts = (first.get("content") or {}).get("parts") or []
    text = "".join(p.get("text", "") for p in parts if not p.get("thought"))
    return text, first.get("finishReason")


def usage_of(response: GeminiBody) -> Usage:
    tokens = usage_from_metadata(response.get("usageMetadata") or response.get("usage_metadata"))
    return Usage(
        prompt_tokens=tokens.prompt,
        cached_tokens=tokens.cached,
        output_tokens=tokens.candidates,
        thoughts_tokens=tokens.thoughts,
        total_tokens=tokens.total,
    )


def render_response(request_id: str, model: str, response: GeminiBody) -> dict[str, Any]:
    text, finish = _text(response)
    return GenerateResponse(
        id=request_id, model=model, text=text, finish_reason=finish, usage=usage_of(response)
    ).model_dump()


def render_error(error: GatehouseError) -> HttpResponse:
    """The native dialect answers errors in Google's shape, as the Gemini paths do."""
    return error_response(error, error_body(error))


async def render_stream(
    request_id: str, model: str, chunks: AsyncIterator[GeminiBody]
) -> AsyncIterator[bytes]:
    """`{"delta": ...}` events, then one `{"done": true, ...}` event with usage, or an error event."""
    try:
        # the last finish reason and usage report seen, not the last chunk's: the output check's
        # flush of held-back text (an answer that ended without a finish reason) is a chunk of its
        # own, without either, after the one that carried the usage
        finish: str | None = None
        counted: GeminiBody = {}
        try:
            async for chunk in chunks:
                text, reason = _text(chunk)
                if text:
                    yield sse_event({"id": request_id, "delta": text})
                if reason is not None:
                    finish = reason
                if chunk.get("usageMetadata") or chunk.get("usage_metadata"):
                    counted = chunk
        except GatehouseError as error:
            yield sse_event(error_body(error))
            return
        yield sse_event(
            {
                "id": request_id,
                "model": model,
                "done": True,
                "finish_reason": finish,
                "usage": usage_of(counted).model_dump(),
            }
        )
    finally:
        await close_input(chunks)  # the client left: the stream's levels end now (shared/streams.py)
