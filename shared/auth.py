"""API-key authentication: where the key is carried, and key -> tenant with an in-instance cache."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping

from cachetools import TLRUCache

from shared.errors import PermissionDenied, ServiceUnavailable, Unauthenticated
from shared.secrets import SecretStore
from shared.tenants import Tenant, TenantStore, hash_api_key

__all__ = ["Authenticator", "extract_api_key"]


def extract_api_key(headers: Mapping[str, str], query: Mapping[str, str]) -> str | None:
    """The caller's key from `x-goog-api-key`, `Authorization: Bearer`, or `?key=`."""
    key = headers.get("x-goog-api-key")
    if key:
        return key.strip()
    auth = headers.get("authorization")
    if auth:
        scheme, _, token = auth.partition(" ")
        if scheme.lower() == "bearer" and token.strip():
            return token.strip()
    return query.get("key") or None


class Authenticator:
    """Resolves an API key to its tenant; both hits and misses are cached for `ttl` seconds."""

    def __init__(
        self,
        store: TenantStore,
        secrets: SecretStore,
        pepper_secret: str,
        *,
        fallback_pepper: bytes | None = None,
        ttl: float = 30.0,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._secrets = secrets
        self._pepper_secret = pepper_secret
        self._fallback_pepper = fallback_pepper
        self._ttl = ttl
        self._cache: TLRUCache[str, Tenant | None] = TLRUCache(
            maxsize=max_entries, ttu=lambda _k, _v, now: now + self._ttl, timer=clock
        )
        self._pending: dict[str, asyncio.Future[Tenant | None]] = {}

    async def _pepper(self) -> bytes:
        pepper = await self._secrets.get(self._pepper_secret)
        if pepper is None:
            pepper = self._fallback_pepper
        if not pepper:
            raise ServiceUnavailable("authentication is not configured (API-key pepper missing)")
        return pepper

    async def authenticate(self, key: str | None) -> Tenant:
        if not key:
            raise Unauthenticated(
                "Missing API key: send it as `x-goog-api-key`, `Authorization: Bearer`, or `?key=`."
            )
        key_hash = hash_api_key(key, await self._pepper())
        try:
            tenant = self._cache[key_hash]
        except KeyError:
            tenant = await self._lookup(key_hash)
        if tenant is None:
            raise Unauthenticated("API key not valid. Please pass a valid API key.")
        if tenant.disabled:
            raise PermissionDenied("This tenant is disabled.")
        return tenant

    async def _lookup(self, key_hash: str) -> Tenant | None:
        """One store read per key at a time, however many requests arrive together."""
        pending = self._pending.get(key_hash)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[Tenant | None] = asyncio.get_running_loop().create_future()
        self._pending[key_hash] = future
        try:
            record = await self._store.get_key(key_hash)
            tenant = None
            if record is not None and not record.disabled:
                tenant = await self._store.get_tenant(record.tenant_id)
            self._cache[key_hash] = tenant
            future.set_result(tenant)
            return tenant
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # mark retrieved so a lone waiter-less failure is not logged
            raise
        finally:
            del self._pending[key_hash]

    def invalidate(self) -> None:
        self._cache.clear()
