"""admin (HTTPS, internal: IAM-protected in production): tenants, keys, secrets, cache, usage, audit."""

from __future__ import annotations

import functions_framework.aio
from starlette.requests import Request
from starlette.responses import Response

from functions._instance import runtime
from functions._starlette import from_starlette, to_starlette

__all__ = ["admin"]

runtime()  # validate settings at cold start


@functions_framework.aio.http
async def admin(request: Request) -> Response:
    return to_starlette(await runtime().admin.handle(await from_starlette(request)))
