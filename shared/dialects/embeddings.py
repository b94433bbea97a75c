"""Embedding requests in Google's three shapes, to and from the pipeline's one embedding body.

The pipeline's body keeps each input as a Gemini content (so the policy stage redacts it like any
prompt: an embedding is computed on the pseudonymized text) plus the settings that apply:

    {"contents": [{"role": "user", "parts": [{"text": ...}], "taskType"?, "title"?}, ...],
     "outputDimensionality"?: int, "autoTruncate"?: bool}

and every provider answers `{"embeddings": [{"values", "tokenCount"?, "truncated"?}],
"usageMetadata": {"promptTokenCount", "totalTokenCount"}}`. Shapes: Developer API
`:embedContent` (one content) and `:batchEmbedContents`, Vertex AI `:predict` (text-embedding
models and gemini-embedding-001) and `:embedContent` (newer Gemini embedding models).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import ConfigDict, Field
from pydantic.alias_generators import to_camel

from shared.deferred_model import DeferredModel
from shared.dialects.gemini import Content
from shared.dialects.validation import load_json_object, validate
from shared.errors import InvalidRequest
from shared.providers.base import GeminiBody

__all__ = [
    "BatchEmbedRequest",
    "BatchEmbedResponse",
    "EmbedContentRequest",
    "EmbedContentResponse",
    "PredictRequest",
    "PredictResponse",
    "parse",
    "render",
]

MAX_INPUTS = 250  # Vertex AI's per-request limit for text embeddings
TaskType = Literal[
    "TASK_TYPE_UNSPECIFIED",
    "RETRIEVAL_QUERY",
    "RETRIEVAL_DOCUMENT",
    "SEMANTIC_SIMILARITY",
    "CLASSIFICATION",
    "CLUSTERING",
    "QUESTION_ANSWERING",
    "FACT_VERIFICATION",
    "CODE_RETRIEVAL_QUERY",
]


class _Loose(DeferredModel):
    model_config = ConfigDict(
        extra="allow", strict=True, alias_generator=to_camel, validate_by_name=True, validate_by_alias=True
    )


class EmbedContentRequest(_Loose):
    """Developer API `:embedContent` (also one entry of `:batchEmbedContents`)."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"content": {"parts": [{"text": "Hello"}]}}]})

    model: str | None = None
    content: Content
    task_type: TaskType | None = None
    title: str | None = None
    output_dimensionality: int | None = Field(None, ge=1, le=8192)


class VertexEmbedConfig(_Loose):
    task_type: TaskType | None = None
    title: str | None = None
    output_dimensionality: int | None = Field(None, ge=1, le=8192)
    auto_truncate: bool | None = None


class VertexEmbedContentRequest(_Loose):
    """Vertex AI `:embedContent` for the newer Gemini embedding models."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"content": {"parts": [{"text": "Hello"}]}}]})

    content: Content
    embed_content_config: VertexEmbedConfig | None = None


class BatchEmbedRequest(_Loose):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"requests": [{"content": {"parts": [{"text": "Hello"}]}}]}]}
    )

    requests: list[EmbedContentRequest] = Field(min_length=1, max_length=MAX_INPUTS)


class PredictInstance(DeferredModel):
    model_config = ConfigDict(extra="allow", strict=True)

    content: str = Field(min_length=1)
    task_type: TaskType | None = None
    title: str | None = None


class PredictParameters(_Loose):
    output_dimensionality: int | None = Field(None, ge=1, le=8192)
    auto_truncate: bool | None = None


class PredictRequest(DeferredModel):
    """Vertex AI `:predict` for text embedding models."""

    model_config = ConfigDict(
        extra="allow",
        strict=True,
        json_schema_extra={"examples": [{"instances": [{"content": "Hello"}], "parameters": {}}]},
    )

    instances: list[PredictInstance] = Field(min_length=1, max_length=MAX_INPUTS)
    parameters: PredictParameters | None = None


class Values(DeferredModel):
    values: list[float]


class EmbedContentResponse(DeferredModel):
    embedding: Values


class BatchEmbedResponse(DeferredModel):
    embeddings: list[Values]


class Statistics(DeferredModel):
    token_count: int
    truncated: bool


class PredictEmbedding(DeferredModel):
    values: list[float]
    statistics: Statistics


class Prediction(DeferredModel):
    embeddings: PredictEmbedding


class PredictResponse(DeferredModel):
    predictions: list[Prediction]
    metadata: dict[str, Any] = Field(default_factory=dict)


Shape = Literal["embedContent", "batchEmbedContents", "predict", "vertexEmbedContent"]


def _content(text_content: Content | str, task_type: str | None, title: str | None) -> dict[str, Any]:
    if isinstance(text_content, str):
        parts: list[dict[str, Any]] = [{"text": text_content}]
    else:
        parts = [p.model_dump(by_alias=True, exclude_none=True) for p in text_content.parts]
    if any(not isinstance(p.get("text"), str) for p in parts):
        raise InvalidRequest("only text can be embedded", field="content.parts")
    out: dict[str, Any] = {"role": "user", "parts": parts}
    if task_type:
        out["taskType"] = task_type
    if title:
        out["title"] = title
    return out


def parse(shape: Shape, body: bytes) -> GeminiBody:
    """The pipeline's embedding body for a request in one of Google's shapes."""
    data = load_json_object(body)
    out: GeminiBody
    if shape == "embedContent":
        one = validate(EmbedContentRequest, data)
        out = {"contents": [_content(one.content, one.task_type, one.title)]}
        dims = one.output_dimensionality
    elif shape == "batchEmbedContents":
        batch = validate(BatchEmbedRequest, data)
        out = {"contents": [_content(r.content, r.task_type, r.title) for r in batch.requests]}
        sizes = {r.output_dimensionality for r in batch.requests}
        if len(sizes) > 1:
            raise InvalidRequest("every request must ask for the same size", field="outputDimensionality")
        dims = sizes.pop()
    elif shape == "vertexEmbedContent":
        request = validate(VertexEmbedContentRequest, data)
        config = request.embed_content_config or VertexEmbedConfig()
        out = {"contents": [_content(request.content, config.task_type, config.title)]}
        dims = config.output_dimensionality
        if config.auto_truncate is not None:
            out["autoTruncate"] = config.auto_truncate
    else:
        predict = validate(PredictRequest, data)
        out = {"contents": [_content(i.content, i.task_type, i.title) for i in predict.instances]}
        params = predict.parameters or PredictParameters()
        dims = params.output_dimensionality
        if params.auto_truncate is not None:
            out["autoTruncate"] = params.auto_truncate
    if dims is not None:
        out["outputDimensionality"] = dims
    return out


def render(shape: Shape, response: GeminiBody) -> dict[str, Any]:
    """The pipeline's embedding answer in the shape the caller asked in."""
    items = response.get("embeddings") or []
    if shape == "embedContent":
        return {"embedding": {"values": items[0]["values"]}}
    if shape == "vertexEmbedContent":
        return {
            "embedding": {"values": items[0]["values"]},
            "usageMetadata": response.get("usageMetadata") or {},
        }
    if shape == "batchEmbedContents":
        return {"embeddings": [{"values": item["values"]} for item in items]}
    return {
        "predictions": [
            {
                "embeddings": {
                    "values": item["values"],
                    "statistics": {
                        "token_count": int(item.get("tokenCount") or 0),
                        "truncated": bool(item.get("truncated")),
                    },
                }
            }
            for item in items
        ],
        "metadata": {},
    }
