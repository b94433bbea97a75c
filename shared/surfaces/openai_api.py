"""OpenAI-compatible handlers: chat completions (plain and streamed), models, embeddings."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from shared.http import HttpResponse, StreamResponse, json_response
from shared.lazy_module import lazy_module

if not TYPE_CHECKING:  # imported when an OpenAI route is first served (cold start)
    model_views = lazy_module("shared.dialects.model_views")
    openai = lazy_module("shared.dialects.openai")
else:
    from shared.dialects import model_views, openai
    from shared.gateway import Exchange, Gateway, Handler

__all__ = ["handlers"]

Response = HttpResponse | StreamResponse


def handlers(gw: Gateway) -> dict[str, Handler]:
    async def chat(ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await gw._authenticate(ex)
        request = openai.parse_chat(ex.request.body)
        call = gw._new_call(ex, tenant, request.model, openai.to_gemini(request), stream=request.stream)
        outcome = await gw.run(ex, call)
        if outcome.chunks is not None:
            usage = bool(request.stream_options and request.stream_options.include_usage)
            chunks = gw._logged(ex, outcome.chunks)
            return StreamResponse(200, openai.render_stream(ex.request_id, request.model, chunks, usage))
        assert outcome.response is not None
        return json_response(200, openai.render_completion(ex.request_id, request.model, outcome.response))

    async def list_models(ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await gw._authenticate(ex)
        items = model_views.listed(tenant, gw.catalog)
        return json_response(200, {"object": "list", "data": [model_views.openai(i) for i in items]})

    async def get_model(ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await gw._authenticate(ex)
        found = model_views.find(tenant, gw.catalog, params["model_id"])
        return json_response(200, model_views.openai(found))

    async def embeddings(ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await gw._authenticate(ex)
        request, body = openai.parse_embeddings(ex.request.body)
        call = gw._new_call(ex, tenant, request.model, body, operation="embed")
        outcome = await gw.run(ex, call)
        assert outcome.response is not None
        return json_response(200, openai.render_embeddings(request, outcome.response))

    return {
        "openai_chat": chat,
        "openai_list_models": list_models,
        "openai_get_model": get_model,
        "openai_embeddings": embeddings,
    }
