"""API-key authentication: where the key is carried, and key -> tenant with an in-instance cache.

Revoking a key, its expiry (rotation overlap) and disabling a tenant take effect on every
instance within the cache TTL (`GATEHOUSE_AUTH_CACHE_TTL_S`). During a pepper rotation both
peppers verify; a key found under the old one is reported (`on_legacy`) so it can be re-hashed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime

from cachetools import TLRUCache

from shared.errors import DeadlineExceeded, PermissionDenied, ServiceUnavailable, Unauthenticated
from shared.peppers import PepperState
from shared.secrets import SecretStore
from shared.tenants import ApiKeyRecord, Tenant, TenantStore, hash_api_key

__all__ = ["Authenticator", "KeyUse", "extract_api_key"]

# A key found: its record and tenant (None: no such key, revoked, expired, or tenant gone).
_Found = tuple[ApiKeyRecord, Tenant] | None
KeyUse = Callable[[ApiKeyRecord], None]
Legacy = Callable[[ApiKeyRecord, str, str], None]  # (record under the old hash, new hash, new version)


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


def _utcnow() -> datetime:
    return datetime.now(UTC)


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
        wallclock: Callable[[], datetime] = _utcnow,
        pepper_state: Callable[[], Awaitable[PepperState | None]] | None = None,
        on_use: KeyUse | None = None,
        on_legacy: Legacy | None = None,
    ) -> None:
        self._store = store
        self._secrets = secrets
        self._pepper_secret = pepper_secret
        self._fallback_pepper = fallback_pepper
        self._ttl = ttl
        self._clock = clock
        self._wallclock = wallclock
        self._pepper_state = pepper_state
        self._state: tuple[float, PepperState | None] | None = None
        self._on_use = on_use
        self._on_legacy = on_legacy
        self._cache: TLRUCache[str, _Found] = TLRUCache(
            maxsize=max_entries, ttu=lambda _k, _v, now: now + self._ttl, timer=clock
        )
        self._pending: dict[str, asyncio.Future[_Found]] = {}

    async def _peppers(self) -> list[tuple[str | None, bytes]]:
        """(version, pepper) pairs that verify now, current first."""
        state = await self._rotation()
        if state is None:
            pepper = await self._secrets.get(self._pepper_secret)
            if pepper is None:
                pepper = self._fallback_pepper
            if not pepper:
                raise ServiceUnavailable("authentication is not configured (API-key pepper missing)")
            return [(None, pepper)]
        out: list[tuple[str | None, bytes]] = []
        for version in state.versions(self._wallclock()):
            value = await self._secrets.get(self._pepper_secret, version)
            if value:
                out.append((version, value))
        if not out:
            raise ServiceUnavailable("authentication is not configured (API-key pepper missing)")
        return out

    async def _rotation(self) -> PepperState | None:
        if self._pepper_state is None:
            return None
        if self._state is not None and self._state[0] > self._clock():
            return self._state[1]
        state = await self._pepper_state()
        self._state = (self._clock() + self._ttl, state)
        return state

    async def authenticate(self, key: str | None) -> Tenant:
        if not key:
            raise Unauthenticated(
                "Missing API key: send it as `x-goog-api-key`, `Authorization: Bearer`, or `?key=`."
            )
        found: _Found = None
        failed: ServiceUnavailable | DeadlineExceeded | None = None
        peppers = await self._peppers()
        for index, (_version, pepper) in enumerate(peppers):
            key_hash = hash_api_key(key, pepper)
            try:
                found = self._cache[key_hash]
            except KeyError:
                try:
                    found = await self._lookup(key_hash)
                except (ServiceUnavailable, DeadlineExceeded) as error:
                    # the store failed for this hash: another pepper's hash may still be served
                    # (from the last good record), and no answer at all is 503, never 401
                    failed = failed or error
                    continue
            if found is not None:
                if index:  # verified by the previous pepper only
                    current_version, current = peppers[0]
                    current_hash = hash_api_key(key, current)
                    # The re-hash moves the record to `current_hash` and deletes this hash's document:
                    # a miss cached for `current_hash` must not outlive the record cached here.
                    self._cache.pop(current_hash, None)
                    if self._on_legacy is not None:
                        self._on_legacy(found[0], current_hash, current_version or "")
                break
        if found is None and failed is not None:
            raise failed
        if found is None:
            raise Unauthenticated("API key not valid. Please pass a valid API key.")
        record, tenant = found
        if tenant.disabled:
            raise PermissionDenied("This tenant is disabled.")
        if self._on_use is not None:
            self._on_use(record)
        return tenant

    async def _lookup(self, key_hash: str) -> _Found:
        """One store read per key at a time, however many requests arrive together."""
        pending = self._pending.get(key_hash)
        if pending is not None:
            return await asyncio.shield(pending)
        future: asyncio.Future[_Found] = asyncio.get_running_loop().create_future()
        self._pending[key_hash] = future
        try:
            record = await self._store.get_key(key_hash)
            found: _Found = None
            if record is not None and record.active(self._wallclock()):
                tenant = await self._store.get_tenant(record.tenant_id)
                found = (record, tenant) if tenant is not None else None
            self._cache[key_hash] = found
            future.set_result(found)
            return found
        except BaseException as error:
            future.set_exception(error)
            future.exception()  # mark retrieved so a lone waiter-less failure is not logged
            raise
        finally:
            del self._pending[key_hash]

    def invalidate(self) -> None:
        self._cache.clear()
        self._state = None
