"""Gemini on Vertex AI over REST: request bodies are forwarded as JSON on one pooled aiohttp session.

The google-genai SDK stays off this hot path (docs/decisions/2026-11-25-serving-stack.md).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

import aiohttp
import orjson

from shared.errors import UpstreamError
from shared.providers.base import GeminiBody, Target
from shared.providers.credentials import TokenSource
from shared.providers.transport import sse_batches, transport_errors, wire_timeout

__all__ = [
    "VertexGemini",
    "embeddings_from_predict",
    "parse_retry_after",
    "predict_request",
    "vertex_model_url",
]


def vertex_model_url(base_url: str | None, version: str, project: str, target: Target) -> str:
    """`.../projects/{p}/locations/{r}/publishers/google/models/{m}` on the regional host."""
    if base_url:
        host = base_url.rstrip("/")
    elif target.region == "global":
        host = "https://aiplatform.googleapis.com"
    else:
        host = f"https://{target.region}-aiplatform.googleapis.com"
    return (
        f"{host}/{version}/projects/{project}/locations/{target.region}"
        f"/publishers/google/models/{target.model}"
    )


def parse_retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _error_from(status: int, payload: bytes, headers: Any, target: Target) -> UpstreamError:
    body: dict[str, Any] | None = None
    message = f"upstream answered HTTP {status}"
    try:
        parsed = orjson.loads(payload)
        if isinstance(parsed, list) and parsed:  # Vertex sometimes wraps errors in a list
            parsed = parsed[0]
        if isinstance(parsed, dict) and isinstance(parsed.get("error"), dict):
            body = parsed
            message = str(parsed["error"].get("message") or message)
    except orjson.JSONDecodeError:
        pass
    return UpstreamError(
        status,
        message,
        retry_after=parse_retry_after(headers.get("Retry-After")),
        body=body,
        target=target.name,
    )


def predict_request(body: GeminiBody) -> GeminiBody:
    """The pipeline's embedding body (shared/dialects/embeddings.py) as a Vertex `:predict` request."""
    instances = []
    for content in body.get("contents") or ():
        text = " ".join(p["text"] for p in content.get("parts") or () if isinstance(p.get("text"), str))
        instance: dict[str, Any] = {"content": text}
        if content.get("taskType"):
            instance["task_type"] = content["taskType"]
        if content.get("title"):
            instance["title"] = content["title"]
        instances.append(instance)
    parameters = {k: body[k] for k in ("outputDimensionality", "autoTruncate") if k in body}
    return {"instances": instances, **({"parameters": parameters} if parameters else {})}


def embeddings_from_predict(answer: GeminiBody, model: str) -> GeminiBody:
    items: list[dict[str, Any]] = []
    for prediction in answer.get("predictions") or ():
        vector = prediction.get("embeddings") or {}
        stats = vector.get("statistics") or {}
        items.append(
            {
                "values": vector.get("values") or [],
                "tokenCount": int(stats.get("token_count") or 0),
                "truncated": bool(stats.get("truncated")),
            }
        )
    tokens = sum(int(item["tokenCount"]) for item in items)
    return {
        "embeddings": items,
        "usageMetadata": {"promptTokenCount": tokens, "totalTokenCount": tokens},
        "modelVersion": model,
    }


class VertexGemini:
    """The `vertex` provider: publisher Gemini models on regional or global endpoints."""

    name = "vertex"

    def __init__(
        self,
        session: Callable[[], aiohttp.ClientSession],
        tokens: TokenSource,
        project: str,
        *,
        base_url: str | None = None,
        api_version: str = "v1",
    ) -> None:
        self._session = session
        self._tokens = tokens
        self._project = project
        self._base_url = base_url
        self._version = api_version

    async def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {await self._tokens.token()}",
            "Content-Type": "application/json",
        }

    def _url(self, target: Target, method: str) -> str:
        return f"{vertex_model_url(self._base_url, self._version, self._project, target)}:{method}"

    async def _post(self, target: Target, method: str, body: GeminiBody, timeout: float | None) -> GeminiBody:
        with transport_errors(target):
            # the request awaited directly (`resp = await session.post(...)`, aiohttp's documented
            # form) and released as `async with` would on the way out (`ClientResponse.__aexit__`:
            # `release`, then `wait_for_close`): without the two context managers' four coroutines,
            # one of them a level every resume of the request passes through
            response = await self._session().post(
                self._url(target, method),
                data=orjson.dumps(body),
                headers=await self._headers(),
                timeout=wire_timeout(timeout),
            )
            try:
                payload = await response.read()
            finally:
                response.release()
                await response.wait_for_close()
            if response.status >= 400:
                raise _error_from(response.status, payload, response.headers, target)
            return orjson.loads(payload)  # type: ignore[no-any-return]

    # `generate` and `count_tokens` return `_post`'s coroutine rather than awaiting it in one of their
    # own: one coroutine level fewer, which every resume of the call's task (each read) passes through
    def generate(
        self, target: Target, body: GeminiBody, *, timeout: float | None
    ) -> Coroutine[Any, Any, GeminiBody]:
        return self._post(target, "generateContent", body, timeout)

    def count_tokens(
        self, target: Target, body: GeminiBody, *, timeout: float | None
    ) -> Coroutine[Any, Any, GeminiBody]:
        return self._post(target, "countTokens", body, timeout)

    async def embed(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody:
        """Embeddings through `:predict` (text-embedding models and gemini-embedding-001)."""
        answer = await self._post(target, "predict", predict_request(body), timeout)
        return embeddings_from_predict(answer, target.model)

    async def stream(self, target: Target, body: GeminiBody, *, timeout: float) -> AsyncIterator[GeminiBody]:
        url = self._url(target, "streamGenerateContent") + "?alt=sse"
        with transport_errors(target):
            async with self._session().post(
                url,
                data=orjson.dumps(body),
                headers=await self._headers(),
                timeout=aiohttp.ClientTimeout(total=timeout),
            ) as response:
                if response.status >= 400:
                    raise _error_from(response.status, await response.read(), response.headers, target)
                finished = False
                async for lines in sse_batches(response.content):
                    for line in lines:
                        if not line.startswith(b"data:"):
                            continue
                        event = orjson.loads(line[5:])
                        if isinstance(event.get("error"), dict):
                            error = event["error"]
                            raise UpstreamError(
                                int(error.get("code") or 500),
                                str(error.get("message") or "upstream stream error"),
                                body=event,
                                target=target.name,
                            )
                        if not finished:  # a candidate with a finishReason: checked until one has it
                            for candidate in event.get("candidates") or ():
                                if candidate.get("finishReason"):
                                    finished = True
                                    break
                        yield event
                if not finished:  # a clean close before the model finished is still a cut
                    raise UpstreamError(502, f"upstream {target.name} stream ended early", target=target.name)
