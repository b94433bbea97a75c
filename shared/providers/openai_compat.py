"""Any OpenAI-compatible chat endpoint (vLLM, TGI, Vertex's OpenAI-compatible endpoints).

`target.endpoint` is the base URL (`https://host/v1`); `target.credential` optionally names a
Secret Manager secret holding a bearer key. Sent on the pooled aiohttp session, not httpx
(docs/decisions/2026-11-25-openai-compatible-client.md).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Protocol

import aiohttp

from shared.errors import InvalidRequest, ServiceUnavailable
from shared.providers.base import GeminiBody, Target
from shared.providers.chat_http import ChatHttp
from shared.providers.openai_translate import to_chat_request

__all__ = ["OpenAICompatible"]


class _Secrets(Protocol):
    async def get(self, name: str) -> bytes | None: ...


class OpenAICompatible:
    name = "openai"
    counts_tokens = False

    def __init__(self, session: Callable[[], aiohttp.ClientSession], secrets: _Secrets) -> None:
        self._http = ChatHttp(session)
        self._secrets = secrets

    def _url(self, target: Target) -> str:
        if not target.endpoint:
            raise InvalidRequest("an openai target needs an endpoint base URL", field="routing")
        return target.endpoint.rstrip("/") + "/chat/completions"

    async def _headers(self, target: Target) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if target.credential:
            key = await self._secrets.get(target.credential)
            if key is None:
                raise ServiceUnavailable(f"the key for {target.name} is not available")
            headers["Authorization"] = f"Bearer {key.decode().strip()}"
        return headers

    async def generate(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody:
        request = to_chat_request(body, target.model, stream=False)
        return await self._http.complete(
            target, self._url(target), await self._headers(target), request, timeout
        )

    async def stream(self, target: Target, body: GeminiBody, *, timeout: float) -> AsyncIterator[GeminiBody]:
        request = to_chat_request(body, target.model, stream=True)
        headers = await self._headers(target)
        async for chunk in self._http.stream(target, self._url(target), headers, request, timeout):
            yield chunk

    async def count_tokens(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody:
        raise InvalidRequest(f"countTokens is not available for {target.name}", field="model")
