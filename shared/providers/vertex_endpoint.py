"""A self-hosted open model (vLLM/TGI serving container) behind a Vertex AI endpoint.

`target.endpoint` is the endpoint id. The chat body goes to `:rawPredict` (`:streamRawPredict`
for streams) on the regional Vertex host, which Vertex forwards to the container's OpenAI-style
chat route. google-cloud-aiplatform is not on this path: its `Endpoint.raw_predict` is a blocking
`requests` call to a hard-coded `https://{region}-aiplatform.googleapis.com` URL, and installing
it conflicts with the pinned google-genai/protobuf (docs/decisions/2026-11-25-self-hosted-endpoints.md).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import aiohttp

from shared.errors import InvalidRequest
from shared.providers.base import GeminiBody, Target
from shared.providers.chat_http import ChatHttp
from shared.providers.credentials import TokenSource
from shared.providers.openai_translate import to_chat_request

__all__ = ["VertexEndpoint", "endpoint_url"]


def endpoint_url(base_url: str | None, project: str, target: Target, method: str) -> str:
    host = base_url.rstrip("/") if base_url else f"https://{target.region}-aiplatform.googleapis.com"
    return f"{host}/v1/projects/{project}/locations/{target.region}/endpoints/{target.endpoint}:{method}"


class VertexEndpoint:
    name = "vertex-endpoint"
    counts_tokens = False

    def __init__(
        self,
        session: Callable[[], aiohttp.ClientSession],
        tokens: TokenSource,
        project: str,
        *,
        base_url: str | None = None,
    ) -> None:
        self._http = ChatHttp(session)
        self._tokens = tokens
        self._project = project
        self._base_url = base_url

    async def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {await self._tokens.token()}", "Content-Type": "application/json"}

    def _url(self, target: Target, method: str) -> str:
        if not target.endpoint:
            raise InvalidRequest("a vertex-endpoint target needs an endpoint id", field="routing")
        return endpoint_url(self._base_url, self._project, target, method)

    async def generate(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody:
        request = to_chat_request(body, target.model, stream=False)
        url = self._url(target, "rawPredict")
        return await self._http.complete(target, url, await self._headers(), request, timeout)

    async def stream(self, target: Target, body: GeminiBody, *, timeout: float) -> AsyncIterator[GeminiBody]:
        request = to_chat_request(body, target.model, stream=True)
        url = self._url(target, "streamRawPredict")
        async for chunk in self._http.stream(target, url, await self._headers(), request, timeout):
            yield chunk

    async def count_tokens(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody:
        raise InvalidRequest(f"countTokens is not available for {target.name}", field="model")
