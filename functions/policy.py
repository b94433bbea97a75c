"""policy (HTTPS, internal): policy evaluation as a service, without calling the model.

`POST /v1/policy:check` with `{"text": ..., "profile": "standard" | {custom profile}, "name_recognizer":
false | true}` answers
`{"decision", "redacted_text", "findings": [{"type", "start", "end", "action", "score"}]}` with
offsets into the input text; `GET /healthz`. It is internal: in production only callers holding
the Cloud Run invoker role on this function (IAM) can reach it, so it takes no API key.
"""

from __future__ import annotations

import functions_framework.aio
from starlette.requests import Request
from starlette.responses import Response

from functions._instance import runtime
from functions._starlette import from_starlette, to_starlette

__all__ = ["policy"]

runtime()  # validate settings at cold start


@functions_framework.aio.http
async def policy(request: Request) -> Response:
    return to_starlette(await runtime().policy_service.handle(await from_starlette(request)))
