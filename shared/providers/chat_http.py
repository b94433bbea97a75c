"""OpenAI-style chat completions over the pooled aiohttp session, shared by two providers.

Both the OpenAI-compatible provider and the Vertex endpoint provider (self-hosted vLLM/TGI
behind `:rawPredict`) send a chat body and read a chat answer or an SSE stream of chunks.
Errors keep the upstream status and Retry-After; the body is put in Google's error shape.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import aiohttp
import orjson

from shared.errors import UpstreamError, google_status
from shared.providers.base import GeminiBody, Target
from shared.providers.openai_translate import ChunkTranslator, from_chat_response
from shared.providers.transport import sse_lines, transport_errors, wire_timeout
from shared.providers.vertex import parse_retry_after

__all__ = ["ChatHttp", "chat_error"]


def chat_error(status: int, payload: bytes, headers: Any, target: Target) -> UpstreamError:
    """An UpstreamError from an OpenAI-shaped or Google-shaped error answer."""
    message = f"upstream answered HTTP {status}"
    try:
        parsed = orjson.loads(payload)
        if isinstance(parsed, list) and parsed:
            parsed = parsed[0]
        inner = parsed.get("error") if isinstance(parsed, dict) else None
        if isinstance(inner, dict) and inner.get("message"):
            message = str(inner["message"])
        elif isinstance(parsed, dict) and isinstance(parsed.get("message"), str):
            message = parsed["message"]  # TGI/vLLM plain shapes
    except orjson.JSONDecodeError:
        pass
    body = {"error": {"code": status, "message": message, "status": google_status(status)}}
    return UpstreamError(
        status,
        message,
        retry_after=parse_retry_after(headers.get("Retry-After")),
        body=body,
        target=target.name,
    )


class ChatHttp:
    """POSTs chat bodies; `headers` builds the request headers for a target."""

    def __init__(self, session: Callable[[], aiohttp.ClientSession]) -> None:
        self._session = session

    async def complete(
        self,
        target: Target,
        url: str,
        headers: dict[str, str],
        request: dict[str, Any],
        timeout: float | None,
    ) -> GeminiBody:
        with transport_errors(target):
            async with self._session().post(
                url, data=orjson.dumps(request), headers=headers, timeout=wire_timeout(timeout)
            ) as response:
                payload = await response.read()
                if response.status >= 400:
                    raise chat_error(response.status, payload, response.headers, target)
                try:
                    return from_chat_response(orjson.loads(payload), target.model)
                except (orjson.JSONDecodeError, AttributeError, TypeError) as error:
                    raise UpstreamError(502, f"upstream {target.name} sent an unreadable answer") from error

    async def stream(
        self, target: Target, url: str, headers: dict[str, str], request: dict[str, Any], timeout: float
    ) -> AsyncIterator[GeminiBody]:
        translator = ChunkTranslator(target.model)
        with transport_errors(target):
            async with self._session().post(
                url, data=orjson.dumps(request), headers=headers, timeout=aiohttp.ClientTimeout(total=timeout)
            ) as response:
                if response.status >= 400:
                    raise chat_error(response.status, await response.read(), response.headers, target)
                async for line in sse_lines(response.content):
                    if not line.startswith(b"data:"):
                        continue
                    data = line[5:].strip()
                    if data == b"[DONE]":
                        break
                    event = orjson.loads(data)
                    if isinstance(event.get("error"), dict):
                        error = event["error"]
                        status = error.get("code") if isinstance(error.get("code"), int) else 500
                        raise UpstreamError(
                            status, str(error.get("message") or "upstream stream error"), target=target.name
                        )
                    for chunk in translator.feed(event):
                        yield chunk
                if translator.finish is None:
                    raise UpstreamError(502, f"upstream {target.name} stream ended early", target=target.name)
                yield translator.close()
