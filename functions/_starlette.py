"""Starlette <-> shared.http adapters; the only place framework objects are touched."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from shared.http import HttpRequest, HttpResponse, StreamResponse

__all__ = ["from_starlette", "to_starlette"]


async def from_starlette(request: Request, *, lazy: bool = False) -> HttpRequest:
    """`lazy`: the body is not read here; the handler streams it (`HttpRequest.read_body`) once it
    has checked the key and Content-Length, never past its size limit."""
    return HttpRequest(
        method=request.method,
        path=request.url.path,
        headers=request.headers,  # case-insensitive Mapping[str, str]
        query=request.query_params,
        body=b"" if lazy else await request.body(),
        client=request.client.host if request.client else None,
        source=request.stream if lazy else None,
    )


def to_starlette(response: HttpResponse | StreamResponse) -> Response:
    if isinstance(response, StreamResponse):
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", **response.headers}
        return StreamingResponse(
            response.chunks, status_code=response.status, headers=headers, media_type=response.media_type
        )
    return Response(
        response.body, status_code=response.status, headers=response.headers, media_type=response.media_type
    )
