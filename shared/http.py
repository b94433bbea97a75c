"""Framework-free HTTP request and response values; functions/ adapts Starlette to these."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

from shared.errors import GatehouseError, PayloadTooLarge

__all__ = ["HttpRequest", "HttpResponse", "StreamResponse", "error_response", "json_response", "sse_event"]


@dataclass(slots=True)
class HttpRequest:
    """What a handler needs from a request. Header names are lower-case."""

    method: str
    path: str
    headers: Mapping[str, str]
    query: Mapping[str, str]
    body: bytes = b""
    client: str | None = None
    source: Callable[[], AsyncIterator[bytes]] | None = None  # a body not read yet: see read_body
    header_bytes: int | None = None  # every header line's size, repeats included (None: from `headers`)

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name, default)

    async def read_body(self, limit: int) -> bytes:
        """The body, read once and at most `limit` bytes of it: a declared Content-Length over the
        limit is refused before anything is read, and a streamed body as soon as it passes it."""
        if self.source is None:
            if len(self.body) > limit:
                raise PayloadTooLarge(f"request body is {len(self.body)} bytes; the limit is {limit}")
            return self.body
        declared = self.header("content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > limit:
            raise PayloadTooLarge(f"request body is {int(declared)} bytes; the limit is {limit}")
        chunks: list[bytes] = []
        size = 0
        async for chunk in self.source():
            size += len(chunk)
            if size > limit:
                raise PayloadTooLarge(f"request body is over the limit of {limit} bytes")
            chunks.append(chunk)
        self.source = None
        self.body = b"".join(chunks)
        return self.body


# Headers already encoded as ASGI sends them (lower-case names, latin-1 values), sent after `headers`:
# for headers built per request from parts encoded once (X-RateLimit-*), skipping the framework's
# per-header lower-casing and encoding
RawHeaders = tuple[tuple[bytes, bytes], ...]


@dataclass(slots=True)
class HttpResponse:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str = "application/json"
    raw_headers: RawHeaders = ()


@dataclass(slots=True)
class StreamResponse:
    """A streamed answer (SSE). `chunks` yields encoded bytes, already framed."""

    status: int
    chunks: AsyncIterator[bytes]
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str = "text/event-stream"
    raw_headers: RawHeaders = ()


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> HttpResponse:
    return HttpResponse(status=status, body=orjson.dumps(payload), headers=headers or {})


def error_response(error: GatehouseError, payload: Any) -> HttpResponse:
    """An error body in a dialect's shape, with the error's own headers (`Retry-After`, `Allow`,
    `X-RateLimit-*`, ...): one place, so a new error needs no renderer change."""
    return json_response(error.status, payload, error.response_headers())


def sse_event(payload: Any) -> bytes:
    """One Server-Sent Event carrying a JSON payload, framed as Google's APIs frame them."""
    return b"data: " + orjson.dumps(payload) + b"\r\n\r\n"
