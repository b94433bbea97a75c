"""Every ingress route, declared once: dispatch, 405 answers and /openapi.json all read `ROUTES`.

A route names its request and response models by reference ("module:Name") where their module is
another surface's (OpenAI, embeddings, model lists, the native API and jobs): an ingress imports
those when it first serves that surface or builds the OpenAPI document, not at cold start.

Other concerns add their routes in a block of their own at the end (see "-- added by ..." below).
"""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict

from shared.deferred_model import DeferredModel
from shared.dialects import gemini
from shared.routes import Route

__all__ = ["DEVELOPER_VERSIONS", "ROUTES", "VERTEX_VERSIONS"]

DEVELOPER_VERSIONS = ("v1", "v1beta", "v1alpha")
VERTEX_VERSIONS = ("v1", "v1beta1")
OPENAI_BASES = ("/openai/v1", "/v1beta/openai")
_VERTEX_PREFIXES = (
    "/{version}/publishers/google/models",
    "/{version}/projects/{project}/locations/{location}/publishers/google/models",
)


# -- documented shapes of the small native answers ---------------------------------------------------
class Health(DeferredModel):
    status: str
    # "compiled": the mypyc build of the policy modules runs in this instance; "python": it does not
    # (none shipped, stale, off, or it failed to import): the smoke test of a `_NATIVE=1` deploy checks it
    policy_modules: str


class Breakers(DeferredModel):
    breakers: list[dict[str, Any]]


class OpenApiDocument(DeferredModel):
    model_config = ConfigDict(extra="allow")

    openapi: str


def _gemini_actions() -> list[Route]:
    routes: list[Route] = []
    shapes = [("developer", "/{version}/models", DEVELOPER_VERSIONS)] + [
        ("vertex", prefix, VERTEX_VERSIONS) for prefix in _VERTEX_PREFIXES
    ]
    for index, (kind, prefix, versions) in enumerate(shapes):
        suffix = "" if index < 2 else "InProject"
        tag = "Gemini (Developer API)" if kind == "developer" else "Gemini (Vertex AI)"
        common: dict[str, Any] = {"dialect": "gemini", "versions": versions, "tags": (tag,)}
        routes += [
            Route(
                "POST",
                prefix + "/{model}:generateContent",
                "gemini_generate",
                operation_id=f"{kind}GenerateContent{suffix}",
                summary="Generate content",
                request=gemini.GenerateContentRequest,
                response=gemini.GenerateContentResponse,
                **common,
            ),
            Route(
                "POST",
                prefix + "/{model}:streamGenerateContent",
                "gemini_stream",
                operation_id=f"{kind}StreamGenerateContent{suffix}",
                summary="Stream content: SSE with alt=sse, else one JSON array of chunks",
                request=gemini.GenerateContentRequest,
                response=gemini.GenerateContentResponse,
                stream=True,
                query=("alt",),
                **common,
            ),
            Route(
                "POST",
                prefix + "/{model}:countTokens",
                "gemini_count_tokens",
                operation_id=f"{kind}CountTokens{suffix}",
                summary="Count tokens",
                request=gemini.CountTokensRequest,
                response=gemini.CountTokensResponse,
                **common,
            ),
            Route(
                "POST",
                prefix + "/{model}:embedContent",
                f"{kind}_embed_content",
                operation_id=f"{kind}EmbedContent{suffix}",
                summary="Embed one content",
                request="shared.dialects.embeddings:EmbedContentRequest"
                if kind == "developer"
                else "shared.dialects.embeddings:VertexEmbedContentRequest",
                response="shared.dialects.embeddings:EmbedContentResponse",
                **common,
            ),
            Route(
                "GET",
                prefix,
                f"{kind}_list_models",
                operation_id=f"{kind}ListModels{suffix}",
                summary="The tenant's models and aliases",
                query=("pageSize", "pageToken"),
                response="shared.dialects.model_views:DeveloperModelList"
                if kind == "developer"
                else "shared.dialects.model_views:PublisherModelList",
                **common,
            ),
            Route(
                "GET",
                prefix + "/{model}",
                f"{kind}_get_model",
                operation_id=f"{kind}GetModel{suffix}",
                summary="One of the tenant's models or aliases",
                response="shared.dialects.model_views:DeveloperModel"
                if kind == "developer"
                else "shared.dialects.model_views:PublisherModel",
                **common,
            ),
        ]
        if kind == "developer":
            routes.append(
                Route(
                    "POST",
                    prefix + "/{model}:batchEmbedContents",
                    "developer_batch_embed",
                    operation_id="developerBatchEmbedContents",
                    summary="Embed several contents",
                    request="shared.dialects.embeddings:BatchEmbedRequest",
                    response="shared.dialects.embeddings:BatchEmbedResponse",
                    **common,
                )
            )
        else:
            routes.append(
                Route(
                    "POST",
                    prefix + "/{model}:predict",
                    "vertex_predict",
                    operation_id=f"vertexPredict{suffix}",
                    summary="Text embeddings",
                    request="shared.dialects.embeddings:PredictRequest",
                    response="shared.dialects.embeddings:PredictResponse",
                    **common,
                )
            )
    return routes


def _openai() -> list[Route]:
    routes: list[Route] = []
    for index, base in enumerate(OPENAI_BASES):
        suffix = "" if index == 0 else "GoogleBase"
        common: dict[str, Any] = {"dialect": "openai", "tags": ("OpenAI-compatible",)}
        routes += [
            Route(
                "POST",
                base + "/chat/completions",
                "openai_chat",
                operation_id=f"openaiChat{suffix}",
                summary="Chat completion (stream: SSE chunks ending with data: [DONE])",
                request="shared.dialects.openai:ChatRequest",
                response="shared.dialects.openai:ChatCompletion",
                stream=True,
                **common,
            ),
            Route(
                "GET",
                base + "/models",
                "openai_list_models",
                operation_id=f"openaiListModels{suffix}",
                summary="The tenant's models and aliases",
                response="shared.dialects.model_views:OpenAIModelList",
                **common,
            ),
            Route(
                "GET",
                base + "/models/{model_id}",
                "openai_get_model",
                operation_id=f"openaiGetModel{suffix}",
                summary="One model",
                response="shared.dialects.model_views:OpenAIModel",
                **common,
            ),
            Route(
                "POST",
                base + "/embeddings",
                "openai_embeddings",
                operation_id=f"openaiEmbeddings{suffix}",
                summary="Embeddings (float or base64)",
                request="shared.dialects.openai:EmbeddingRequest",
                response="shared.dialects.openai:EmbeddingList",
                **common,
            ),
        ]
    return routes


def _native() -> list[Route]:
    common: dict[str, Any] = {"dialect": "native", "tags": ("Native",)}
    return [
        Route(
            "POST",
            "/v1/generate",
            "native_generate",
            operation_id="nativeGenerate",
            summary="Generate (or `async: true` to enqueue)",
            request="shared.dialects.native:GenerateRequest",
            response="shared.dialects.native:GenerateResponse",
            stream=True,
            **common,
        ),
        Route(
            "POST",
            "/v1/jobs",
            "job_submit",
            operation_id="submitJob",
            summary="Submit an async job",
            request="shared.dialects.native:GenerateRequest",
            response="shared.dialects.job_views:JobView",
            status=202,
            **common,
        ),
        Route(
            "GET",
            "/v1/jobs",
            "job_list",
            operation_id="listJobs",
            summary="The tenant's jobs",
            query=("page_size", "page_token"),
            response="shared.dialects.job_views:JobList",
            **common,
        ),
        Route(
            "GET",
            "/v1/jobs/{job_id}",
            "job_get",
            operation_id="getJob",
            summary="A job's status",
            response="shared.dialects.job_views:JobView",
            **common,
        ),
        Route(
            "DELETE",
            "/v1/jobs/{job_id}",
            "job_cancel",
            operation_id="cancelJob",
            summary="Cancel a queued job",
            response="shared.dialects.job_views:JobView",
            **common,
        ),
        Route(
            "GET",
            "/v1/routing/breakers",
            "breakers",
            operation_id="breakers",
            summary="This instance's circuit breakers",
            response=Breakers,
            **common,
        ),
    ]


ROUTES: list[Route] = [
    Route(
        "GET",
        "/healthz",
        "healthz",
        "gemini",
        operation_id="healthz",
        summary="Liveness",
        response=Health,
        auth=False,
        tags=("Service",),
    ),
    Route(
        "GET",
        "/openapi.json",
        "openapi",
        "gemini",
        operation_id="openapi",
        summary="This document",
        response=OpenApiDocument,
        auth=False,
        tags=("Service",),
    ),
    *_native(),
    *_gemini_actions(),
    *_openai(),
]

# -- added by other concerns: one block each, below this line -------------------------------------------
