"""The REST reads of keys, tenants and the pepper state (the request path's, shared/auth_reads.py) return
what the client library reads, against the Firestore emulator: every Tenant field as stored."""

from __future__ import annotations

import os
import uuid
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from shared.auth_reads import RestPepperState, RestTenantStore
from shared.firestore_rest import RestDocuments
from shared.peppers import CONFIG, PEPPER_DOC, FirestorePepperState
from shared.providers.credentials import StaticToken
from shared.tenants import ApiKeyRecord, FirestoreTenantStore, Tenant

pytestmark = pytest.mark.integration

PROJECT = "demo-auth-reads"


async def test_rest_reads_equal_the_client_library_reads(stack) -> None:  # type: ignore[no-untyped-def]
    from google.cloud import firestore

    db = firestore.AsyncClient(project=PROJECT)  # its own project on the emulator: the pepper doc is global
    client = FirestoreTenantStore(lambda: db)
    tenant = Tenant.model_validate(
        {
            "id": f"t-{uuid.uuid4().hex[:8]}",
            "name": 'Über \u2028 "quoted"',
            "allowed_models": ["gemini-*"],
            "region": "europe-west4",
            "policy": {"profile": "strict", "injection_threshold": 0.55, "phone_regions": ["DE"]},
            "cache": {"ttl_s": 600, "semantic": True, "threshold": 0.12},
            "routing": {"plans": {"fast": {"targets": [{"model": "gemini-2.5-pro", "region": "us-east1"}]}}},
            "created_at": datetime(2026, 11, 30, 1, 2, 3, 456789, tzinfo=UTC),
        }
    )
    record = ApiKeyRecord(
        key_hash=uuid.uuid4().hex,
        tenant_id=tenant.id,
        display_prefix="ghk_abcd",
        key_id="key_1",
        expires_at=datetime.now(UTC) + timedelta(hours=1),
        pepper_version="2",
    )
    await client.put_tenant(tenant)
    await client.put_key(record)
    async with aiohttp.ClientSession() as session:
        documents = RestDocuments(
            lambda: session,
            StaticToken("owner"),
            PROJECT,
            emulator_host=os.environ["FIRESTORE_EMULATOR_HOST"],
        )
        rest = RestTenantStore(documents, client)
        assert await rest.get_tenant(tenant.id) == await client.get_tenant(tenant.id)
        assert await rest.get_key(record.key_hash) == await client.get_key(record.key_hash) == record
        assert await rest.get_tenant("absent-" + tenant.id) is None
        await (
            db.collection(CONFIG)
            .document(PEPPER_DOC)
            .set({"current": "3", "previous": "2", "previous_until": datetime(2026, 12, 1, tzinfo=UTC)})
        )
        state = await RestPepperState(documents)()
        assert state is not None
        assert state == await FirestorePepperState(lambda: db)()
        assert state.versions(datetime(2026, 11, 30, tzinfo=UTC)) == ["3", "2"]
