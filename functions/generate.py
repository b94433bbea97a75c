"""generate (Pub/Sub push, OIDC-authenticated): runs async jobs; a second entry point takes dead letters.

Both take the push body of a Terraform-owned push subscription (infra/modules/pubsub: it carries the
dead-letter policy an Eventarc trigger's subscription cannot) and, unchanged, an Eventarc CloudEvent
(binary mode: the same JSON as its body), which the local stack's Eventarc stand-in sends.
Answering 204 acks the message; raising answers 500, so Pub/Sub redelivers it (transient errors only).
"""

from __future__ import annotations

import functions_framework.aio
from starlette.requests import Request
from starlette.responses import Response

from functions._instance import runtime, serving
from shared.jobs.message import from_body

__all__ = ["generate", "generate_deadletter"]

runtime()  # validate settings at cold start


@functions_framework.aio.http
async def generate(request: Request) -> Response:
    await serving().job_worker.handle(from_body(await request.body()))
    return Response(status_code=204)


@functions_framework.aio.http
async def generate_deadletter(request: Request) -> Response:
    await runtime().dead_letters.handle(from_body(await request.body()))
    return Response(status_code=204)
