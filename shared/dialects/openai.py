"""The OpenAI-compatible dialect: chat completions, models and embeddings, in OpenAI's shapes.

A chat request becomes a Gemini body and runs the same pipeline as every other surface; the
Gemini answer (or stream of chunks) is rendered back as a `chat.completion` (or
`chat.completion.chunk` events ending with `data: [DONE]`). Field mappings are the ones the
OpenAI-compatible upstreams use (shared/openai_gemini.py), read in the other direction.
"""

from __future__ import annotations

import base64
import struct
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from shared.deferred_model import DeferredModel
from shared.dialects.validation import load_json_object, validate
from shared.errors import GatehouseError, InvalidRequest
from shared.http import HttpResponse, error_response
from shared.openai_gemini import (
    SAMPLING,
    call_part,
    finish_to_openai,
    item_parts,
    openai_usage,
    response_format_to_config,
    tool_call,
    tool_choice_to_config,
    tools_to_declarations,
)
from shared.providers.base import GeminiBody
from shared.streams import close_input

__all__ = [
    "REASONING_BUDGETS",
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatRequest",
    "EmbeddingList",
    "EmbeddingRequest",
    "ErrorResponse",
    "error_body",
    "parse_chat",
    "parse_embeddings",
    "render_completion",
    "render_embeddings",
    "render_error",
    "render_stream",
    "to_gemini",
]

# reasoning_effort -> Gemini thinking budget (tokens), as Google's own OpenAI-compatible endpoint maps it
REASONING_BUDGETS = {"none": 0, "minimal": 512, "low": 1024, "medium": 8192, "high": 24576}


def bare_model(name: str) -> str:
    """`google/gemini-2.5-flash` (Vertex's OpenAI endpoint) and `models/...` name the bare id."""
    for prefix in ("publishers/google/models/", "models/", "google/"):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


class _Open(DeferredModel):
    """OpenAI bodies: unknown fields are ignored (the SDK adds new ones often); types are checked."""

    model_config = ConfigDict(extra="ignore")


class TextItem(_Open):
    type: Literal["text"]
    text: str


class ImageUrl(_Open):
    url: str = Field(min_length=1)
    detail: str | None = None


class ImageItem(_Open):
    type: Literal["image_url"]
    image_url: ImageUrl


class InputAudio(_Open):
    data: str
    format: Literal["wav", "mp3"]


class AudioItem(_Open):
    type: Literal["input_audio"]
    input_audio: InputAudio


ContentItem = Annotated[TextItem | ImageItem | AudioItem, Field(discriminator="type")]


class FunctionCall(_Open):
    name: str = Field(min_length=1)
    arguments: str


class ToolCall(_Open):
    id: str = Field(min_length=1)
    type: Literal["function"] = "function"
    function: FunctionCall


class SystemMessage(_Open):
    role: Literal["system", "developer"]
    content: str | list[TextItem]
    name: str | None = None


class UserMessage(_Open):
    role: Literal["user"]
    content: str | list[ContentItem]
    name: str | None = None


class AssistantMessage(_Open):
    role: Literal["assistant"]
    content: str | list[TextItem] | None = None
    tool_calls: list[ToolCall] | None = None
    name: str | None = None


class ToolMessage(_Open):
    role: Literal["tool"]
    content: str | list[TextItem]
    tool_call_id: str = Field(min_length=1)


Message = Annotated[SystemMessage | UserMessage | AssistantMessage | ToolMessage, Field(discriminator="role")]


class FunctionDef(_Open):
    name: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.-]+$")
    description: str | None = None
    parameters: dict[str, Any] | None = None
    strict: bool | None = None


class Tool(_Open):
    type: Literal["function"]
    function: FunctionDef


class NamedFunction(_Open):
    name: str = Field(min_length=1)


class NamedToolChoice(_Open):
    type: Literal["function"]
    function: NamedFunction


class JsonSchemaFormat(_Open):
    name: str = Field(min_length=1, max_length=64)
    schema_: dict[str, Any] | None = Field(None, alias="schema")
    description: str | None = None
    strict: bool | None = None


class ResponseFormat(_Open):
    type: Literal["text", "json_object", "json_schema"]
    json_schema: JsonSchemaFormat | None = None

    @model_validator(mode="after")
    def _schema_given(self) -> ResponseFormat:
        if self.type == "json_schema" and self.json_schema is None:
            raise ValueError("`json_schema` is required when type is json_schema")
        return self


class StreamOptions(_Open):
    include_usage: bool | None = None


class ChatRequest(_Open):
    """`POST /chat/completions`. `n` must be 1; `logprobs` and audio output are not served."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "Hello"}]}]
        }
    )

    model: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._@/-]+$")
    messages: list[Message] = Field(min_length=1)
    temperature: float | None = Field(None, ge=0, le=2)
    top_p: float | None = Field(None, ge=0, le=1)
    max_tokens: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)
    stop: str | list[str] | None = None
    seed: int | None = None
    n: int | None = Field(None, ge=1, le=1, description="Only 1 is served.")
    presence_penalty: float | None = Field(None, ge=-2, le=2)
    frequency_penalty: float | None = Field(None, ge=-2, le=2)
    response_format: ResponseFormat | None = None
    tools: list[Tool] | None = Field(None, max_length=128)
    tool_choice: Literal["none", "auto", "required"] | NamedToolChoice | None = None
    stream: bool = False
    stream_options: StreamOptions | None = None
    reasoning_effort: Literal["none", "minimal", "low", "medium", "high"] | None = None
    user: str | None = None

    @field_validator("model")
    @classmethod
    def _bare(cls, value: str) -> str:
        return bare_model(value)

    @model_validator(mode="after")
    def _consistent(self) -> ChatRequest:
        if self.stream_options is not None and not self.stream:
            raise ValueError("`stream_options` is only allowed when `stream` is true")
        if self.tool_choice is not None and not self.tools and self.tool_choice != "none":
            raise ValueError("`tool_choice` needs `tools`")
        if isinstance(self.stop, list) and len(self.stop) > 5:
            raise ValueError("`stop` takes at most 5 sequences")
        return self


def parse_chat(body: bytes) -> ChatRequest:
    return validate(ChatRequest, load_json_object(body))


def _text(content: Any) -> str:
    if isinstance(content, str):
        return content
    return "".join(item.text for item in content or () if isinstance(item, TextItem))


def _contents(messages: list[Any]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(system parts, contents): tool answers become functionResponse parts of one user turn."""
    system: list[dict[str, Any]] = []
    contents: list[dict[str, Any]] = []
    names: dict[str, str] = {}  # tool_call_id -> function name, from earlier assistant turns
    for message in messages:
        if isinstance(message, SystemMessage):
            system.append({"text": _text(message.content)})
        elif isinstance(message, UserMessage):
            content = message.content
            items = content if isinstance(content, str) else [i.model_dump() for i in content]
            if item_parts(items):
                contents.append({"role": "user", "parts": item_parts(items)})
        elif isinstance(message, AssistantMessage):
            parts = item_parts(_text(message.content))
            for call in message.tool_calls or ():
                names[call.id] = call.function.name
                parts.append(call_part(call.model_dump()))
            if parts:  # an empty assistant turn carries nothing (Gemini refuses empty parts)
                contents.append({"role": "model", "parts": parts})
        else:
            text = _text(message.content)
            try:
                parsed = orjson.loads(text)
            except orjson.JSONDecodeError:
                parsed = None
            answer = parsed if isinstance(parsed, dict) else {"content": text}
            part = {
                "functionResponse": {
                    "id": message.tool_call_id,
                    "name": names.get(message.tool_call_id, message.tool_call_id),
                    "response": answer,
                }
            }
            last = contents[-1] if contents else None
            if last and last["role"] == "user" and all("functionResponse" in p for p in last["parts"]):
                last["parts"].append(part)
            else:
                contents.append({"role": "user", "parts": [part]})
    return system, contents


def to_gemini(request: ChatRequest) -> GeminiBody:
    system, contents = _contents(request.messages)
    if not contents:
        raise InvalidRequest("needs at least one non-empty user, assistant or tool message", field="messages")
    body: GeminiBody = {"contents": contents}
    if system:
        body["systemInstruction"] = {"parts": system}
    values = request.model_dump(exclude_none=True)
    if request.max_completion_tokens is not None:
        values["max_tokens"] = request.max_completion_tokens
    if isinstance(request.stop, str):
        values["stop"] = [request.stop]
    config: dict[str, Any] = {gemini: values[openai] for gemini, openai in SAMPLING if openai in values}
    if request.response_format is not None:
        config.update(response_format_to_config(request.response_format.model_dump(by_alias=True)))
    if request.reasoning_effort is not None:
        config["thinkingConfig"] = {"thinkingBudget": REASONING_BUDGETS[request.reasoning_effort]}
    if config:
        body["generationConfig"] = config
    if request.tools:
        body["tools"] = tools_to_declarations([t.model_dump(exclude_none=True) for t in request.tools])
        choice = request.tool_choice
        tool_config = tool_choice_to_config(choice.model_dump() if isinstance(choice, BaseModel) else choice)
        if tool_config is not None:
            body["toolConfig"] = tool_config
    return body


# -- responses ---------------------------------------------------------------------------------------
class ResponseToolCall(DeferredModel):
    id: str
    type: Literal["function"]
    function: FunctionCall


class ResponseMessage(DeferredModel):
    role: Literal["assistant"]
    content: str | None
    refusal: str | None = None
    tool_calls: list[ResponseToolCall] | None = None


class Choice(DeferredModel):
    index: int
    message: ResponseMessage
    finish_reason: Literal["stop", "length", "tool_calls", "content_filter", "function_call"] | None
    logprobs: None = None


class Usage(DeferredModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    prompt_tokens_details: dict[str, int] | None = None
    completion_tokens_details: dict[str, int] | None = None


class ChatCompletion(DeferredModel):
    id: str
    object: Literal["chat.completion"]
    created: int
    model: str
    choices: list[Choice]
    usage: Usage
    system_fingerprint: str | None = None


class ChunkDelta(DeferredModel):
    role: Literal["assistant"] | None = None
    content: str | None = None
    tool_calls: list[dict[str, Any]] | None = None


class ChunkChoice(DeferredModel):
    index: int
    delta: ChunkDelta
    finish_reason: str | None = None


class ChatCompletionChunk(DeferredModel):
    id: str
    object: Literal["chat.completion.chunk"]
    created: int
    model: str
    choices: list[ChunkChoice]
    usage: Usage | None = None


def _message(candidate: dict[str, Any], request_id: str) -> tuple[str | None, list[dict[str, Any]]]:
    parts = (candidate.get("content") or {}).get("parts") or []
    texts = [p["text"] for p in parts if isinstance(p.get("text"), str) and not p.get("thought")]
    calls = [
        tool_call(p["functionCall"], f"call_{request_id[:12]}_{i}")
        for i, p in enumerate(parts)
        if isinstance(p.get("functionCall"), dict)
    ]
    return ("".join(texts) if texts or not calls else None), calls


def render_completion(request_id: str, model: str, response: GeminiBody) -> dict[str, Any]:
    candidate = (response.get("candidates") or [{}])[0]
    text, calls = _message(candidate, request_id)
    message: dict[str, Any] = {"role": "assistant", "content": text, "refusal": None}
    if calls:
        message["tool_calls"] = calls
    finish = finish_to_openai(candidate.get("finishReason") or "STOP", tool_calls=bool(calls))
    return {
        "id": f"chatcmpl-{request_id}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": openai_usage(response.get("usageMetadata")),
        "system_fingerprint": None,
    }


def _event(payload: Any) -> bytes:
    return b"data: " + orjson.dumps(payload) + b"\n\n"


async def render_stream(
    request_id: str, model: str, chunks: AsyncIterator[GeminiBody], include_usage: bool
) -> AsyncIterator[bytes]:
    """`chat.completion.chunk` events, the finish reason, usage if asked, then `data: [DONE]`.

    A failure after the first event ends the stream with an `{"error": ...}` event and no [DONE].
    """
    head = {"id": f"chatcmpl-{request_id}", "object": "chat.completion.chunk", "created": int(time.time())}
    head["model"] = model
    try:  # from the first event on: a client can leave at any one of them
        yield _event({**head, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]})
        usage: dict[str, Any] | None = None
        finish: str | None = None
        calls_seen = 0
        try:
            async for chunk in chunks:
                if chunk.get("usageMetadata"):
                    usage = chunk["usageMetadata"]
                candidate = (chunk.get("candidates") or [{}])[0]
                text, calls = _message(candidate, request_id)
                delta: dict[str, Any] = {}
                if text:
                    delta["content"] = text
                if calls:
                    delta["tool_calls"] = [{"index": calls_seen + i, **call} for i, call in enumerate(calls)]
                    calls_seen += len(calls)
                if delta:
                    yield _event({**head, "choices": [{"index": 0, "delta": delta, "finish_reason": None}]})
                if candidate.get("finishReason"):
                    finish = candidate["finishReason"]
        except GatehouseError as error:
            yield _event(error_body(error))
            return
        reason = finish_to_openai(finish or "STOP", tool_calls=calls_seen > 0)
        yield _event({**head, "choices": [{"index": 0, "delta": {}, "finish_reason": reason}]})
        if include_usage:
            yield _event({**head, "choices": [], "usage": openai_usage(usage)})
        yield b"data: [DONE]\n\n"
    finally:
        await close_input(chunks)  # the client left: the stream's levels end now (shared/streams.py)


# -- embeddings ----------------------------------------------------------------------------------------
class EmbeddingRequest(_Open):
    """`POST /embeddings`: a string or a list of strings (token arrays are not accepted)."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"model": "text-embedding-005", "input": "Hello"}]}
    )

    model: str = Field(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9._@/-]+$")
    input: str | list[str] = Field(description="Text to embed; at most 250 inputs.")
    encoding_format: Literal["float", "base64"] = "float"
    dimensions: int | None = Field(None, ge=1, le=8192)
    user: str | None = None

    @field_validator("model")
    @classmethod
    def _bare(cls, value: str) -> str:
        return bare_model(value)

    @model_validator(mode="after")
    def _inputs(self) -> EmbeddingRequest:
        texts = [self.input] if isinstance(self.input, str) else self.input
        if not texts or len(texts) > 250 or any(not t for t in texts):
            raise ValueError("`input` must be 1-250 non-empty strings")
        return self


class Embedding(DeferredModel):
    object: Literal["embedding"]
    index: int
    embedding: list[float] | str


class EmbeddingUsage(DeferredModel):
    prompt_tokens: int
    total_tokens: int


class EmbeddingList(DeferredModel):
    object: Literal["list"]
    data: list[Embedding]
    model: str
    usage: EmbeddingUsage


def parse_embeddings(body: bytes) -> tuple[EmbeddingRequest, GeminiBody]:
    request = validate(EmbeddingRequest, load_json_object(body))
    texts = [request.input] if isinstance(request.input, str) else request.input
    gemini: GeminiBody = {"contents": [{"role": "user", "parts": [{"text": t}]} for t in texts]}
    if request.dimensions is not None:
        gemini["outputDimensionality"] = request.dimensions
    return request, gemini


def _base64(values: list[float]) -> str:
    return base64.b64encode(struct.pack(f"<{len(values)}f", *values)).decode()


def render_embeddings(request: EmbeddingRequest, response: GeminiBody) -> dict[str, Any]:
    tokens = int((response.get("usageMetadata") or {}).get("promptTokenCount") or 0)
    data = [
        {
            "object": "embedding",
            "index": index,
            "embedding": _base64(item["values"]) if request.encoding_format == "base64" else item["values"],
        }
        for index, item in enumerate(response.get("embeddings") or ())
    ]
    return {
        "object": "list",
        "data": data,
        "model": request.model,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }


# -- errors ---------------------------------------------------------------------------------------------
class ErrorDetail(DeferredModel):
    message: str
    type: str
    param: str | None
    code: str | None


class ErrorResponse(DeferredModel):
    error: ErrorDetail


_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "invalid_request_error",
    405: "invalid_request_error",
    409: "invalid_request_error",
    413: "invalid_request_error",
    429: "rate_limit_error",
    431: "invalid_request_error",
}
_CODES = {401: "invalid_api_key", 404: "not_found", 429: "rate_limit_exceeded"}


def error_body(error: GatehouseError) -> dict[str, Any]:
    """OpenAI's shape: `{"error": {"message", "type", "param", "code"}}` from any GatehouseError."""
    status = error.status
    details = error.details()
    code = _CODES.get(status) or (error.code if error.code not in ("internal", "upstream_error") else None)
    if status == 404 and "model" in error.message:
        code = "model_not_found"
    kind = _TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    if status == 429 and str(details.get("limit", "")).startswith("budget."):
        kind = code = "insufficient_quota"  # OpenAI's answer for spent money, not a rate
    return {
        "error": {
            "message": error.message,
            "type": kind,
            "param": details.get("field"),
            "code": code,
        }
    }


def render_error(error: GatehouseError) -> HttpResponse:
    return error_response(error, error_body(error))
