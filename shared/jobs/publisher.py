"""Publishes job ids to Pub/Sub without blocking the event loop.

google-cloud-pubsub's PublisherClient batches in a background thread and returns
concurrent.futures; `asyncio.wrap_future` awaits them on the loop. The client is built on first
use (it honours PUBSUB_EMULATOR_HOST locally).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, Protocol

from shared.errors import ServiceUnavailable

__all__ = ["JobPublisher", "Publisher", "pubsub_publisher"]


class Publisher(Protocol):
    async def publish(self, job_id: str, tenant: str, kind: str = "job") -> str:
        """Publish one message; return its message id."""
        ...


def pubsub_publisher() -> Any:
    from google.cloud.pubsub_v1 import PublisherClient, types

    # Small batches: a job submission waits for its publish, so latency matters more than size.
    return PublisherClient(batch_settings=types.BatchSettings(max_latency=0.005))


class JobPublisher:
    """Message: data = the job id (UTF-8), attributes `tenant`, `job_id`, `kind` (job | sweep)."""

    def __init__(
        self,
        project: str,
        topic: str,
        client_factory: Callable[[], Any] = pubsub_publisher,
        timeout: float = 10.0,
    ) -> None:
        self._project = project
        self._topic = topic
        self._factory = client_factory
        self._client: Any = None
        self._timeout = timeout

    @property
    def topic_path(self) -> str:
        return f"projects/{self._project}/topics/{self._topic}"

    async def publish(self, job_id: str, tenant: str, kind: str = "job") -> str:
        from google.api_core import exceptions

        if self._client is None:
            self._client = self._factory()
        future = self._client.publish(
            self.topic_path, job_id.encode(), tenant=tenant, job_id=job_id, kind=kind
        )
        try:
            message_id = await asyncio.wait_for(asyncio.wrap_future(future), self._timeout)
        except (exceptions.GoogleAPIError, TimeoutError) as error:
            raise ServiceUnavailable(f"job queue unavailable ({type(error).__name__})") from error
        return str(message_id)
