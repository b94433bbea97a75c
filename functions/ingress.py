"""ingress (HTTPS, public): every client-facing API surface of Gatehouse."""

from __future__ import annotations

import functions_framework.aio
from starlette.requests import Request
from starlette.responses import Response

from shared.longlived import no_collection

__all__ = ["ingress"]

with no_collection():  # cold start: what these build lives as long as the instance (shared/longlived.py)
    from functions._instance import runtime, serving
    from functions._starlette import from_starlette, to_starlette
    from shared.aiohttp_preload import preload

    preload()  # aiohttp (every upstream hop) without the CA-bundle load of its unused `ssl=False` context
    runtime()  # validate settings at cold start: a bad setting stops the process with one line


@functions_framework.aio.http
async def ingress(request: Request) -> Response:
    return to_starlette(await serving().gateway.handle(await from_starlette(request, lazy=True)))
