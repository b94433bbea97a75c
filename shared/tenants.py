"""Tenants and their API keys in Firestore. Keys are stored only as a peppered HMAC-SHA256.

`Tenant` is the one tenant profile every stage reads. Each concern owns ONE field whose type is
a frozen sub-model defined beside the code that reads it (policy, cache, routing, callbacks, ...).
Reading is lenient (unknown stored fields are ignored, so older code reads newer data); admin
input is strict (`shared.admin.validation` rejects unknown fields by walking this model).
"""

from __future__ import annotations

import fnmatch
import hmac
import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.cache.config import CacheSettings
from shared.catalog.catalog import ModelAccessSettings
from shared.errors import ServiceUnavailable
from shared.inputs import InputSettings
from shared.jobs.callback_config import CallbackSettings
from shared.limits.config import LimitSettings
from shared.policy.profiles import PolicySettings
from shared.routing.config import RoutingSettings

__all__ = [
    "API_KEYS",
    "API_KEY_PREFIX",
    "SERVER_FIELDS",
    "TENANTS",
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
TENANT_ID = r"^[a-z0-9][a-z0-9-]{0,62}$"

# Fields only the server writes (admin input may not set them): bookkeeping and the purge counters.
SERVER_FIELDS = frozenset(
    {
        "id",
        "revision",
        "created_at",
        "updated_at",
        "deleted_at",
        "cache.generation",
        "cache.model_generations",
    }
)


def _now() -> datetime:
    return datetime.now(UTC)


class Tenant(BaseModel):
    """A customer of the gateway. Unknown stored fields are ignored so older code reads newer data."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str = Field(pattern=TENANT_ID)
    name: str = Field("", max_length=200, description="Display name.")
    disabled: bool = Field(False, description="A disabled tenant's keys get 403.")
    allowed_models: tuple[str, ...] = Field(
        default=("*",), max_length=100, description="fnmatch patterns of model ids the tenant may call."
    )
    region: str | None = Field(
        None, pattern=r"^[a-z0-9-]{1,64}$", description="Vertex AI region; None: the gateway default."
    )
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
    limits: LimitSettings = Field(
        default_factory=LimitSettings, description="Quotas (per tenant and per API key), budgets, fail mode."
    )
    callbacks: CallbackSettings = Field(
        default_factory=CallbackSettings, description="Job callbacks: default URL, host allow-list."
    )
    inputs: InputSettings = Field(
        default_factory=InputSettings, description="Files (`fileData` URIs) requests may point Vertex AI at."
    )
    # bookkeeping, written by the admin service only
    revision: int = Field(0, ge=0, description="Bumped on every admin write; the etag.")
    created_at: datetime | None = None
    updated_at: datetime | None = None
    deleted_at: datetime | None = Field(None, description="Soft delete: set with `disabled`.")

    @model_validator(mode="after")
    def _region_in_residency(self) -> Tenant:
        if self.region is not None and not self.routing.allows_region(self.region):
            raise ValueError(f"region `{self.region}` is outside routing.allowed_regions")
        return self

    def allows_model(self, model: str) -> bool:
        return any(fnmatch.fnmatchcase(model, pattern) for pattern in self.allowed_models)

    @property
    def etag(self) -> str:
        return f'W/"{self.revision}"'


class ApiKeyRecord(BaseModel):
    """`api_keys/{hmac}`. `key_id` is the public handle admins use; the hash is never shown."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    key_hash: str
    tenant_id: str
    display_prefix: str
    key_id: str = ""
    name: str = Field("", max_length=100)
    last_four: str = ""
    created_at: datetime = Field(default_factory=_now)
    expires_at: datetime | None = None  # set on the old key when it is rotated (the overlap window)
    last_used_at: datetime | None = None  # written at most once per key per hour (shared/keyuse.py)
    revoked_at: datetime | None = None
    disabled: bool = False
    pepper_version: str | None = None  # the pepper version the hash was made with (None: latest)

    def active(self, now: datetime) -> bool:
        return not self.disabled and (self.expires_at is None or now < self.expires_at)

    def view(self) -> dict[str, Any]:
        """What an admin may see: never the hash."""
        return {
            "id": self.key_id,
            "tenant": self.tenant_id,
            "name": self.name,
            "prefix": self.display_prefix,
            "last_four": self.last_four,
            "created_at": _iso(self.created_at),
            "expires_at": _iso(self.expires_at),
            "last_used_at": _iso(self.last_used_at),
            "revoked_at": _iso(self.revoked_at),
            "state": "revoked" if self.disabled else ("expiring" if self.expires_at else "active"),
            "pepper_version": self.pepper_version,
        }


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def new_api_key() -> str:
    """A fresh API key: a fixed prefix (so scanners and log scrubbing find it) plus 256 bits."""
    return API_KEY_PREFIX + secrets.token_urlsafe(32)


def hash_api_key(key: str, pepper: bytes) -> str:
    """HMAC-SHA256 of the key under the pepper, hex: `hmac.digest` is OpenSSL's one-shot HMAC (the
    same value as `hmac.new(...).hexdigest()`, without building HMAC objects per request)."""
    return hmac.digest(pepper, key.encode(), "sha256").hex()


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
        await self._db().collection(TENANTS).document(tenant.id).set(tenant_document(tenant))

    async def put_key(self, record: ApiKeyRecord) -> None:
        await self._db().collection(API_KEYS).document(record.key_hash).set(key_document(record))


def tenant_document(tenant: Tenant) -> dict[str, Any]:
    """The stored form: JSON-safe values, datetimes kept as Firestore timestamps."""
    data = tenant.model_dump(mode="json", exclude={"id", "created_at", "updated_at", "deleted_at"})
    for name in ("created_at", "updated_at", "deleted_at"):
        data[name] = getattr(tenant, name)
    return data


def key_document(record: ApiKeyRecord) -> dict[str, Any]:
    return record.model_dump(exclude={"key_hash"})
