"""Gemini REST handlers: generate, stream (SSE or JSON array), countTokens, embeddings, models."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from shared.dialects import gemini
from shared.http import HttpResponse, StreamResponse, json_response
from shared.lazy_module import lazy_module

if not TYPE_CHECKING:  # imported when an embeddings or models route is first served (cold start)
    embeddings = lazy_module("shared.dialects.embeddings")
    model_views = lazy_module("shared.dialects.model_views")
else:
    from shared.dialects import embeddings, model_views
    from shared.gateway import Exchange, Gateway, Handler

__all__ = ["handlers"]

Response = HttpResponse | StreamResponse


def handlers(gw: Gateway) -> dict[str, Handler]:
    async def generate(ex: Exchange, params: Mapping[str, str], *, stream: bool = False) -> Response:
        tenant = await gw._authenticate(ex)
        body = gemini.parse_generate(ex.request.body)
        call = gw._new_call(ex, tenant, params["model"], body, stream=stream)
        outcome = await gw.run(ex, call)
        if outcome.chunks is not None:
            chunks = gw._logged(ex, outcome.chunks)
            if ex.request.query.get("alt") == "sse":
                return StreamResponse(200, gemini.render_stream(chunks))
            return StreamResponse(200, gemini.render_array(chunks), media_type="application/json")
        return json_response(200, outcome.response)

    async def stream(ex: Exchange, params: Mapping[str, str]) -> Response:
        return await generate(ex, params, stream=True)

    async def count_tokens(ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await gw._authenticate(ex)
        body = gemini.parse_count_tokens(ex.request.body)
        call = gw._new_call(ex, tenant, params["model"], body, operation="countTokens")
        return json_response(200, (await gw.run(ex, call)).response)

    def embed(shape: embeddings.Shape) -> Handler:
        async def handler(ex: Exchange, params: Mapping[str, str]) -> Response:
            tenant = await gw._authenticate(ex)
            body = embeddings.parse(shape, ex.request.body)
            call = gw._new_call(ex, tenant, params["model"], body, operation="embed")
            outcome = await gw.run(ex, call)
            assert outcome.response is not None
            return json_response(200, embeddings.render(shape, outcome.response))

        return handler

    async def developer_list(ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await gw._authenticate(ex)
        query = ex.request.query
        items, token = model_views.page(
            model_views.listed(tenant, gw.catalog), query.get("pageSize"), query.get("pageToken")
        )
        out: dict[str, object] = {"models": [model_views.developer(i) for i in items]}
        if token:
            out["nextPageToken"] = token
        return json_response(200, out)

    async def developer_get(ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await gw._authenticate(ex)
        found = model_views.find(tenant, gw.catalog, params["model"])
        return json_response(200, model_views.developer(found))

    async def vertex_list(ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await gw._authenticate(ex)
        query = ex.request.query
        items, token = model_views.page(
            model_views.listed(tenant, gw.catalog), query.get("pageSize"), query.get("pageToken")
        )
        out: dict[str, object] = {"publisherModels": [model_views.publisher(i) for i in items]}
        if token:
            out["nextPageToken"] = token
        return json_response(200, out)

    async def vertex_get(ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await gw._authenticate(ex)
        found = model_views.find(tenant, gw.catalog, params["model"])
        return json_response(200, model_views.publisher(found))

    return {
        "gemini_generate": generate,
        "gemini_stream": stream,
        "gemini_count_tokens": count_tokens,
        "developer_embed_content": embed("embedContent"),
        "developer_batch_embed": embed("batchEmbedContents"),
        "vertex_embed_content": embed("vertexEmbedContent"),
        "vertex_predict": embed("predict"),
        "developer_list_models": developer_list,
        "developer_get_model": developer_get,
        "vertex_list_models": vertex_list,
        "vertex_get_model": vertex_get,
    }
