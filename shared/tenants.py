"""Tenants and their API keys in Firestore. Keys are stored only as a peppered HMAC-SHA256."""

from __future__ import annotations

import fnmatch
import hashlib
import hmac
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.cache.config import CacheSettings
from shared.catalog.catalog import ModelAccessSettings
from shared.errors import ServiceUnavailable
from shared.policy.profiles import PolicySettings
from shared.routing.config import RoutingSettings

__all__ = [
    "API_KEY_PREFIX",
    "ApiKeyRecord",
    "FirestoreTenantStore",
    "Tenant",
    "TenantStore",
    "hash_api_key",
    "new_api_key",
]

API_KEY_PREFIX = "ghk_"
TENANTS = "tenants"
API_KEYS = "api_keys"


class Tenant(BaseModel):
    """A customer of the gateway. Unknown stored fields are ignored so older code reads newer data."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,62}$")
    name: str = ""
    disabled: bool = False
    allowed_models: tuple[str, ...] = Field(
        default=("*",), description="fnmatch patterns of model ids the tenant may call."
    )
    region: str | None = Field(None, description="Vertex AI region; None: the gateway default.")
    policy: PolicySettings = Field(
        default_factory=PolicySettings, description="Redaction profile, injection screening, Model Armor."
    )
    cache: CacheSettings = Field(default_factory=CacheSettings, description="Response cache settings.")
    routing: RoutingSettings = Field(
        default_factory=RoutingSettings, description="Plans, aliases, residency."
    )
    models: ModelAccessSettings = Field(
        default_factory=ModelAccessSettings, description="Pass-through of models the catalog does not know."
    )

    @model_validator(mode="after")
    def _region_in_residency(self) -> Tenant:
        if self.region is not None and not self.routing.allows_region(self.region):
            raise ValueError(f"region `{self.region}` is outside routing.allowed_regions")
        return self

    def allows_model(self, model: str) -> bool:
        return any(fnmatch.fnmatchcase(model, pattern) for pattern in self.allowed_models)


class ApiKeyRecord(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    key_hash: str
    tenant_id: str
    display_prefix: str
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    disabled: bool = False


def new_api_key() -> str:
    """A fresh API key: a fixed prefix (so scanners and log scrubbing find it) plus 256 bits."""
    return API_KEY_PREFIX + secrets.token_urlsafe(32)


def hash_api_key(key: str, pepper: bytes) -> str:
    return hmac.new(pepper, key.encode(), hashlib.sha256).hexdigest()


class TenantStore(Protocol):
    async def get_tenant(self, tenant_id: str) -> Tenant | None: ...
    async def get_key(self, key_hash: str) -> ApiKeyRecord | None: ...
    async def put_tenant(self, tenant: Tenant) -> None: ...
    async def put_key(self, record: ApiKeyRecord) -> None: ...


class FirestoreTenantStore:
    """`tenants/{id}` and `api_keys/{hmac}` documents, read with the async client."""

    def __init__(self, db: Callable[[], Any]) -> None:
        self._db = db  # a factory: the client is built on first use

    async def _read(self, collection: str, doc_id: str) -> dict[str, Any] | None:
        from google.api_core import exceptions

        try:
            snap = await self._db().collection(collection).document(doc_id).get(timeout=10)
        except exceptions.GoogleAPIError as error:
            raise ServiceUnavailable(f"tenant store unavailable ({type(error).__name__})") from error
        return snap.to_dict() if snap.exists else None

    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        data = await self._read(TENANTS, tenant_id)
        return None if data is None else Tenant.model_validate({**data, "id": tenant_id})

    async def get_key(self, key_hash: str) -> ApiKeyRecord | None:
        data = await self._read(API_KEYS, key_hash)
        return None if data is None else ApiKeyRecord.model_validate({**data, "key_hash": key_hash})

    async def put_tenant(self, tenant: Tenant) -> None:
        await self._db().collection(TENANTS).document(tenant.id).set(tenant.model_dump(mode="json"))

    async def put_key(self, record: ApiKeyRecord) -> None:
        data = record.model_dump(exclude={"key_hash"})
        await self._db().collection(API_KEYS).document(record.key_hash).set(data)
