"""The control for `make bench`: a bare async functions-framework forward (API-key check + aiohttp).

This is the floor docs/decisions/2026-11-25-serving-stack.md measured; Gatehouse's cost is reported
against it too. The key check is an HMAC of the presented key compared in constant time (what an API
gateway's key check costs at least); the upstream URL and the client session are built once and
upstream connections are kept alive. See bench/README.md, "The floor: why two harnesses disagreed".
"""

from __future__ import annotations

import hashlib
import hmac
import os

import aiohttp
import functions_framework.aio
from starlette.requests import Request
from starlette.responses import Response
from yarl import URL

_PEPPER = os.environ.get("BARE_PEPPER", "bench-pepper").encode()
_DIGEST = hmac.new(_PEPPER, os.environ.get("BARE_API_KEY", "").encode(), hashlib.sha256).digest()
_UPSTREAM = os.environ.get("GATEHOUSE_VERTEX_BASE_URL", "http://127.0.0.1:1").rstrip("/")
_BASE = f"{_UPSTREAM}/v1/projects/p/locations/us-central1/publishers/google/models/"
_HEADERS = {"content-type": "application/json"}
_UNAUTHORIZED = b'{"error":{"code":401}}'
_urls: dict[str, URL] = {}
_session: aiohttp.ClientSession | None = None


@functions_framework.aio.http
async def bare(request: Request) -> Response:
    global _session
    presented = request.headers.get("x-goog-api-key", "").encode()
    if not hmac.compare_digest(hmac.new(_PEPPER, presented, hashlib.sha256).digest(), _DIGEST):
        return Response(_UNAUTHORIZED, status_code=401, media_type="application/json")
    if _session is None:  # keep-alive pool (aiohttp's default: 100 connections, reused)
        _session = aiohttp.ClientSession(auto_decompress=False)
    model_method = request.scope["path"].rsplit("/", 1)[-1]
    url = _urls.get(model_method)
    if url is None:
        url = URL(_BASE + model_method, encoded=True)
        if len(_urls) < 64:  # a handful of model:method pairs; bounded all the same
            _urls[model_method] = url
    async with _session.post(url, data=await request.body(), headers=_HEADERS) as up:
        payload = await up.read()
    return Response(payload, status_code=up.status, media_type="application/json")
