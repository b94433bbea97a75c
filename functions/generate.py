"""generate (Pub/Sub via Eventarc, CloudEvent): runs async jobs; a second entry point takes dead letters.

Returning acks the message; raising answers 500, so Pub/Sub redelivers it (transient errors only).
"""

from __future__ import annotations

import functions_framework.aio
from cloudevents.http.event import CloudEvent

from functions._instance import runtime, serving
from shared.jobs.message import from_push

__all__ = ["generate", "generate_deadletter"]

runtime()  # validate settings at cold start


@functions_framework.aio.cloud_event
async def generate(event: CloudEvent) -> None:
    await serving().job_worker.handle(from_push(event.get_data()))


@functions_framework.aio.cloud_event
async def generate_deadletter(event: CloudEvent) -> None:
    await runtime().dead_letters.handle(from_push(event.get_data()))
