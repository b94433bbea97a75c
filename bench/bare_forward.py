"""The control for `make bench`: a bare async functions-framework forward (API-key check + aiohttp).

This is the floor docs/decisions/2026-11-25-serving-stack.md measured; Gatehouse's cost is reported
against it too.
"""

from __future__ import annotations

import os

import aiohttp
import functions_framework.aio
from starlette.requests import Request
from starlette.responses import Response

_KEY = os.environ.get("BARE_API_KEY", "")
_UPSTREAM = os.environ.get("GATEHOUSE_VERTEX_BASE_URL", "http://127.0.0.1:1").rstrip("/")
_session: aiohttp.ClientSession | None = None


@functions_framework.aio.http
async def bare(request: Request) -> Response:
    global _session
    if request.headers.get("x-goog-api-key") != _KEY:
        return Response(b'{"error":{"code":401}}', status_code=401, media_type="application/json")
    if _session is None:
        _session = aiohttp.ClientSession()
    model_method = request.url.path.rsplit("/", 1)[-1]
    url = f"{_UPSTREAM}/v1/projects/p/locations/us-central1/publishers/google/models/{model_method}"
    async with _session.post(
        url, data=await request.body(), headers={"content-type": "application/json"}
    ) as up:
        payload = await up.read()
    return Response(payload, status_code=up.status, media_type="application/json")
