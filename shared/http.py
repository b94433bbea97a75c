"""Framework-free HTTP request and response values; functions/ adapts Starlette to these."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson

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

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name, default)


@dataclass(slots=True)
class HttpResponse:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str = "application/json"


@dataclass(slots=True)
class StreamResponse:
    """A streamed answer (SSE). `chunks` yields encoded bytes, already framed."""

    status: int
    chunks: AsyncIterator[bytes]
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str = "text/event-stream"


def json_response(status: int, payload: Any, headers: dict[str, str] | None = None) -> HttpResponse:
    return HttpResponse(status=status, body=orjson.dumps(payload), headers=headers or {})


def error_response(
    status: int, payload: Any, retry_after: float | None, headers: Mapping[str, str] | None = None
) -> HttpResponse:
    """An error body in a dialect's shape, with the error's extra headers and `Retry-After` (whole
    seconds, rounded up so a client never retries early) when there is one."""
    out = dict(headers) if headers else {}
    if retry_after is not None:
        out["Retry-After"] = str(max(0, math.ceil(retry_after)))
    return json_response(status, payload, out)


def sse_event(payload: Any) -> bytes:
    """One Server-Sent Event carrying a JSON payload, framed as Google's APIs frame them."""
    return b"data: " + orjson.dumps(payload) + b"\r\n\r\n"
