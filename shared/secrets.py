"""Secret access through Secret Manager with an in-instance TTL cache.

The google-cloud-secret-manager client has no async REST transport, so reads run in a worker
thread (`asyncio.to_thread`) and never block the event loop; the TTL cache keeps them rare.
Each read runs under a `DependencyGuard` (short timeout, breaker): a first fetch during an outage
fails fast with 503, and a cached secret keeps serving for `stale_s` past its TTL while reads fail.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any, Protocol

from shared.errors import DeadlineExceeded, ServiceUnavailable
from shared.resilience.guard import DependencyGuard

__all__ = ["SecretManagerStore", "SecretStore", "secret_manager_client"]


class SecretStore(Protocol):
    async def get(self, name: str, version: str = "latest") -> bytes | None:
        """A version of secret `name` (the latest by default), or None when it does not exist."""
        ...


def secret_manager_client(endpoint: str | None) -> Any:
    """A Secret Manager client on the REST transport; anonymous when pointed at a stand-in."""
    from google.cloud import secretmanager

    if endpoint:
        from google.auth.credentials import AnonymousCredentials

        return secretmanager.SecretManagerServiceClient(
            transport="rest",
            credentials=AnonymousCredentials(),  # type: ignore[no-untyped-call]
            client_options={"api_endpoint": endpoint},
        )
    return secretmanager.SecretManagerServiceClient(transport="rest")


class SecretManagerStore:
    """Reads `projects/{project}/secrets/{name}/versions/latest`, cached for `ttl` seconds."""

    def __init__(
        self,
        project: str,
        client_factory: Callable[[], Any],
        ttl: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
        *,
        guard: DependencyGuard | None = None,
        stale_s: float = 86400.0,
    ) -> None:
        self._project = project
        self._client_factory = client_factory
        self._client: Any = None
        self._ttl = ttl
        self._clock = clock
        self._cache: dict[str, tuple[float, bytes | None]] = {}
        self._lock = asyncio.Lock()
        self._guard = guard or DependencyGuard("secret manager", timeout_s=2.0, clock=clock)
        self._stale_s = stale_s

    def _access(self, name: str, version: str = "latest") -> bytes | None:
        from google.api_core import exceptions

        if self._client is None:
            self._client = self._client_factory()
        path = f"projects/{self._project}/secrets/{name}/versions/{version}"
        try:
            response = self._client.access_secret_version(name=path, timeout=10)
        except exceptions.NotFound:
            return None
        except exceptions.GoogleAPIError as error:
            raise ServiceUnavailable(f"secret store unavailable ({type(error).__name__})") from error
        return bytes(response.payload.data)

    async def get(self, name: str, version: str = "latest") -> bytes | None:
        """A numbered version never changes, so it is cached for as long as the instance lives."""
        slot = name if version == "latest" else f"{name}/versions/{version}"
        hit = self._cache.get(slot)
        if hit and hit[0] > self._clock():
            return hit[1]
        async with self._lock:
            hit = self._cache.get(slot)
            if hit and hit[0] > self._clock():
                return hit[1]
            if (
                self._client is None
            ):  # building the client (imports, credentials) is not the call the guard times
                self._client = await asyncio.to_thread(self._client_factory)
            try:
                value = await self._guard.call(lambda: asyncio.to_thread(self._access, name, version))
            except (ServiceUnavailable, DeadlineExceeded):
                if hit and self._clock() - hit[0] <= self._stale_s:
                    return hit[1]  # expired but recent enough: serve it while Secret Manager fails
                raise
            ttl = self._ttl if version == "latest" or value is None else float("inf")
            self._cache[slot] = (self._clock() + ttl, value)
            return value

    def invalidate(self, name: str) -> None:
        """Forget `name` in this instance (after a rotation); other instances follow within the TTL."""
        self._cache.pop(name, None)
