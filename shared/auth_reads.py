"""The request path's key, tenant and pepper-state reads over REST (`RestDocuments`), not the client library.

Authentication reads three Firestore documents (`api_keys/{hmac}`, `tenants/{id}`,
`gatehouse_config/pepper`). Through the client library the first request of an instance first
imports google-cloud-firestore, grpc and api-core (~20% of the ingress's cold start in
instructions, docs/decisions/2026-11-29-performance.md); the same reads as keep-alive GETs on the
pooled aiohttp session need none of it. That session has a connection pool of its own
(`Runtime.auth_session`): upstream calls holding every upstream connection cannot queue these
reads. Writes (`put_tenant`, `put_key`) stay on the client library (`writes`), which is imported
when something first writes.
"""

from __future__ import annotations

from typing import Any

from shared.errors import ServiceUnavailable
from shared.firestore_rest import RestDocuments, RestReadError
from shared.peppers import CONFIG, PEPPER_DOC, PepperState
from shared.tenants import API_KEYS, TENANTS, ApiKeyRecord, Tenant, TenantStore

__all__ = ["RestPepperState", "RestTenantStore"]

_TIMEOUT_S = 10.0  # the client library reads' own timeout; the DependencyGuard's is shorter


async def _read(documents: RestDocuments, collection: str, doc_id: str, what: str) -> dict[str, Any] | None:
    try:
        return await documents.get(collection, doc_id, (), _TIMEOUT_S)
    except RestReadError as error:
        raise ServiceUnavailable(f"{what} unavailable ({error})") from error


class RestTenantStore:
    """A `TenantStore` whose reads go over REST; writes go to `writes` (the client library's store)."""

    def __init__(self, documents: RestDocuments, writes: TenantStore) -> None:
        self._documents = documents
        self._writes = writes

    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        data = await _read(self._documents, TENANTS, tenant_id, "tenant store")
        return None if data is None else Tenant.model_validate({**data, "id": tenant_id})

    async def get_key(self, key_hash: str) -> ApiKeyRecord | None:
        data = await _read(self._documents, API_KEYS, key_hash, "tenant store")
        return None if data is None else ApiKeyRecord.model_validate({**data, "key_hash": key_hash})

    async def put_tenant(self, tenant: Tenant) -> None:
        await self._writes.put_tenant(tenant)

    async def put_key(self, record: ApiKeyRecord) -> None:
        await self._writes.put_key(record)


class RestPepperState:
    """`gatehouse_config/pepper` over REST: the pepper rotation state, or None when there is none."""

    def __init__(self, documents: RestDocuments) -> None:
        self._documents = documents

    async def __call__(self) -> PepperState | None:
        data = await _read(self._documents, CONFIG, PEPPER_DOC, "pepper state")
        return None if data is None else PepperState.model_validate(data)
