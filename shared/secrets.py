"""Secret access through Secret Manager with an in-instance TTL cache.

Reads go either through `RestSecretReader` (one GET `...:access` on the pooled aiohttp session: no
client library to import on an instance's first request, see docs/decisions/2026-11-29-performance.md)
or through the google-cloud-secret-manager client, which has no async transport, so its reads run in
a worker thread (`asyncio.to_thread`) and never block the event loop; the TTL cache keeps them rare.
Each read runs under a `DependencyGuard` (short timeout, breaker): a first fetch during an outage
fails fast with 503, and a cached secret keeps serving for `stale_s` past its TTL while reads fail.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import re
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol

import orjson

from shared.errors import DeadlineExceeded, ServiceUnavailable
from shared.resilience.guard import DependencyGuard

if TYPE_CHECKING:
    import aiohttp

    from shared.providers.credentials import TokenSource

__all__ = ["RestSecretReader", "SecretManagerStore", "SecretStore", "secret_manager_client"]

_PRODUCTION = "https://secretmanager.googleapis.com"


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


class RestSecretReader:
    """`await reader.access("projects/p/secrets/s/versions/v")`: the version's payload, or None when
    Secret Manager says the secret or version does not exist. Anonymous (`tokens=None`) against a
    stand-in. The GET, its one retry within the budget (the guard's per-call timeout included) and
    its typed failures are the Firestore reads' (shared/google_rest.py); every failure is
    ServiceUnavailable, as with the client library."""

    def __init__(
        self,
        session: Callable[[], aiohttp.ClientSession],
        tokens: TokenSource | None,
        endpoint: str | None = None,
        timeout_s: float = 10.0,
    ) -> None:
        self._session = session
        self._tokens = tokens
        self._base = (endpoint or _PRODUCTION).rstrip("/")
        self._timeout_s = timeout_s

    async def access(self, path: str) -> bytes | None:
        from shared.google_rest import RestReadError, bearer, google_get, google_status, missing

        try:
            headers = {"x-goog-request-params": f"name={path}"}
            if self._tokens is not None:
                headers["Authorization"] = await bearer(self._tokens)
            status, payload = await google_get(
                self._session, f"{self._base}/v1/{path}:access", headers, self._timeout_s, "secret read"
            )
        except RestReadError as error:
            raise ServiceUnavailable(f"secret store unavailable ({error})") from error
        if status == 404 and missing(payload, _SECRET_NOT_FOUND):
            return None
        if status >= 400:
            raise ServiceUnavailable(f"secret store unavailable (HTTP {status}{google_status(payload)})")
        try:
            return base64.b64decode(orjson.loads(payload)["payload"].get("data", ""), validate=True)
        except (orjson.JSONDecodeError, KeyError, AttributeError, TypeError, binascii.Error) as error:
            raise ServiceUnavailable(f"secret store unavailable ({type(error).__name__})") from error


# A 404 is "no such secret or version" only when Secret Manager says so (status NOT_FOUND and its own
# wording, with the project's number or id: `Secret [projects/123/secrets/s] not found or has no
# versions.`, `Secret Version [projects/123/secrets/s/versions/9] not found.`). The front end's HTML 404
# for a wrong path or endpoint is a failure: a "missing" pepper would be cached as missing for the TTL.
# A disabled or destroyed version is FAILED_PRECONDITION (400), a failure, as with the client library.
_SECRET_NOT_FOUND = re.compile(r"Secret (Version )?\[projects/[^\]]+\] not found")


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
        reader: RestSecretReader | None = None,
    ) -> None:
        self._project = project
        self._reader = reader  # when set, reads go over REST and the client library is never built
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

    def _read(self, name: str, version: str) -> Awaitable[bytes | None]:
        if self._reader is not None:
            return self._reader.access(f"projects/{self._project}/secrets/{name}/versions/{version}")
        return asyncio.to_thread(self._access, name, version)

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
                self._client is None and self._reader is None
            ):  # building the client (imports, credentials) is not the call the guard times
                self._client = await asyncio.to_thread(self._client_factory)
            try:
                value = await self._guard.call(lambda: self._read(name, version))
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
