"""Seed data: the API-key pepper in Secret Manager, a demo tenant and its API key in Firestore."""

from __future__ import annotations

import contextlib
import secrets as pysecrets
from typing import Any

from shared.secrets import secret_manager_client
from shared.tenants import ApiKeyRecord, FirestoreTenantStore, Tenant, hash_api_key, new_api_key

PEPPER_SECRET = "gatehouse-api-key-pepper"  # noqa: S105  # a secret's name, not its value


def ensure_pepper(project: str, endpoint: str) -> bytes:
    """Create the pepper secret with a random value unless it already has a version."""
    from google.api_core import exceptions

    client = secret_manager_client(endpoint)
    parent = f"projects/{project}"
    name = f"{parent}/secrets/{PEPPER_SECRET}"
    try:
        return bytes(client.access_secret_version(name=f"{name}/versions/latest").payload.data)
    except exceptions.NotFound:
        pass
    with contextlib.suppress(exceptions.AlreadyExists):
        client.create_secret(
            parent=parent, secret_id=PEPPER_SECRET, secret={"replication": {"automatic": {}}}
        )
    pepper = pysecrets.token_bytes(32)
    client.add_secret_version(parent=name, payload={"data": pepper})
    return pepper


async def create_tenant_with_key(db: Any, pepper: bytes, tenant: Tenant) -> str:
    """Store `tenant` and a new API key for it; return the key (shown once, stored as HMAC)."""
    store = FirestoreTenantStore(lambda: db)
    await store.put_tenant(tenant)
    key = new_api_key()
    await store.put_key(
        ApiKeyRecord(key_hash=hash_api_key(key, pepper), tenant_id=tenant.id, display_prefix=key[:10])
    )
    return key


DEMO_TENANT = Tenant(
    id="demo",
    name="Demo tenant",
    allowed_models=("gemini-*", "text-embedding-*", "text-multilingual-embedding-*"),
    routing={
        # the aliases the README uses: `fast` and `smart` name route plans, not models
        "plans": {
            "fast": {"targets": [{"model": "gemini-2.5-flash-lite", "region": "us-central1"}]},
            "smart": {"targets": [{"model": "gemini-2.5-pro", "region": "us-central1"}]},
        },
        "aliases": {"fast": "fast", "smart": "smart"},
    },
)
