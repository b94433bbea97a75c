"""ingress (HTTPS, public): every client-facing API surface of Gatehouse."""

from __future__ import annotations

import functions_framework.aio
from starlette.requests import Request
from starlette.responses import Response

from shared.http import HttpRequest, HttpResponse, StreamResponse
from shared.longlived import no_collection

__all__ = ["ingress"]

with no_collection():  # cold start: what these build lives as long as the instance (shared/longlived.py)
    from functions import _direct
    from functions._instance import runtime, serving
    from functions._starlette import from_starlette, to_starlette
    from shared.aiohttp_preload import preload

    preload()  # aiohttp (every upstream hop) without the CA-bundle load of its unused `ssl=False` context
    runtime()  # validate settings at cold start: a bad setting stops the process with one line


@functions_framework.aio.http
async def ingress(request: Request) -> Response:
    instance = serving()
    # the first request installs the direct path for the next ones (functions/_direct.py)
    _direct.install(request.scope, ingress, _serve, enabled=instance.settings.asgi_direct)
    return to_starlette(await instance.gateway.handle(await from_starlette(request, lazy=True)))


async def _serve(request: HttpRequest) -> HttpResponse | StreamResponse:
    """The ingress's work without Starlette's request: what `_direct.Direct` calls."""
    return await serving().gateway.handle(request)
