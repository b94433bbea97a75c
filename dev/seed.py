"""Seed data: the API-key pepper in Secret Manager, a demo tenant and its API key in Firestore."""

from __future__ import annotations

import contextlib
import secrets as pysecrets
from collections.abc import Callable
from typing import Any

from shared.secrets import secret_manager_client
from shared.tenants import ApiKeyRecord, FirestoreTenantStore, Tenant, hash_api_key, new_api_key

PEPPER_SECRET = "gatehouse-api-key-pepper"  # noqa: S105  # a secret's name, not its value
ADMIN_TOKEN_SECRET = "gatehouse-admin-token"  # noqa: S105  # the dev admin token's secret name
CALLBACK_SECRET_PREFIX = "gatehouse-callback-"  # noqa: S105


def ensure_secret(project: str, endpoint: str, secret_id: str, make: Callable[[], bytes]) -> bytes:
    """The latest version of `secret_id`, created with `make()` when it has none."""
    from google.api_core import exceptions

    client = secret_manager_client(endpoint)
    parent = f"projects/{project}"
    name = f"{parent}/secrets/{secret_id}"
    try:
        return bytes(client.access_secret_version(name=f"{name}/versions/latest").payload.data)
    except exceptions.NotFound:
        pass
    with contextlib.suppress(exceptions.Conflict):  # AlreadyExists; the REST transport raises its base class
        client.create_secret(parent=parent, secret_id=secret_id, secret={"replication": {"automatic": {}}})
    value = make()
    client.add_secret_version(parent=name, payload={"data": value})
    return value


def ensure_pepper(project: str, endpoint: str) -> bytes:
    """Create the pepper secret with a random value unless it already has a version."""
    return ensure_secret(project, endpoint, PEPPER_SECRET, lambda: pysecrets.token_bytes(32))


def ensure_admin_token(project: str, endpoint: str) -> str:
    """The dev admin token (the admin function's `GATEHOUSE_ADMIN_AUTH=token` mode)."""
    make = lambda: ("gha_" + pysecrets.token_urlsafe(24)).encode()  # noqa: E731
    return ensure_secret(project, endpoint, ADMIN_TOKEN_SECRET, make).decode()


def ensure_callback_secret(project: str, endpoint: str, tenant: str) -> bytes:
    """The tenant's callback signing secret, so job callbacks are signed out of the box."""
    make = lambda: pysecrets.token_urlsafe(32).encode()  # noqa: E731
    return ensure_secret(project, endpoint, CALLBACK_SECRET_PREFIX + tenant, make)


async def create_tenant_with_key(db: Any, pepper: bytes, tenant: Tenant) -> str:
    """Store `tenant` and a new API key for it; return the key (shown once, stored as HMAC)."""
    store = FirestoreTenantStore(lambda: db)
    await store.put_tenant(tenant)
    key = new_api_key()
    await store.put_key(
        ApiKeyRecord(
            key_hash=hash_api_key(key, pepper),
            tenant_id=tenant.id,
            display_prefix=key[:8],
            key_id="key_" + pysecrets.token_hex(6),
            name="seed",
            last_four=key[-4:],
        )
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
