"""The request path's reads over REST: keys, tenants and the pepper state from Firestore documents, and
secret versions from Secret Manager (the local stand-in, on loopback). A failure is ServiceUnavailable,
as with the client libraries, so the guards, the last-good fallbacks and 503s work as before."""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from dev.secretmanager import build_app
from shared.auth_reads import RestPepperState, RestTenantStore
from shared.errors import ServiceUnavailable
from shared.secrets import RestSecretReader, SecretManagerStore
from shared.tenants import ApiKeyRecord, Tenant
from tests.unit.test_firestore_rest import EMULATOR_MISSING, Session, documents


class Writes:
    def __init__(self) -> None:
        self.tenants: list[Tenant] = []

    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        raise AssertionError("reads go over REST")

    async def get_key(self, key_hash: str) -> ApiKeyRecord | None:
        raise AssertionError("reads go over REST")

    async def put_tenant(self, tenant: Tenant) -> None:
        self.tenants.append(tenant)

    async def put_key(self, record: ApiKeyRecord) -> None:
        raise NotImplementedError


def fields(**values: dict[str, Any]) -> dict[str, Any]:
    return {"name": "doc", "fields": values}


async def test_a_key_and_its_tenant_are_read_whole_and_validated() -> None:
    key = Session(
        payload=fields(
            tenant_id={"stringValue": "acme"},
            display_prefix={"stringValue": "ghk_ab"},
            created_at={"timestampValue": "2026-11-30T01:02:03.123456789Z"},
            expires_at={"nullValue": None},
        )
    )
    record = await RestTenantStore(documents(key), Writes()).get_key("hash1")
    assert record is not None
    assert (record.key_hash, record.tenant_id, record.expires_at) == ("hash1", "acme", None)
    assert record.created_at == datetime(2026, 11, 30, 1, 2, 3, 123456, tzinfo=UTC)
    assert key.calls[0][0].endswith("/documents/api_keys/hash1")  # the whole document: no field mask

    tenant = Session(
        payload=fields(
            name={"stringValue": "Acme"},
            allowed_models={"arrayValue": {"values": [{"stringValue": "gemini-*"}]}},
            policy={"mapValue": {"fields": {"profile": {"stringValue": "strict"}}}},
        )
    )
    got = await RestTenantStore(documents(tenant), Writes()).get_tenant("acme")
    assert got is not None
    assert (got.id, got.name, got.allowed_models) == ("acme", "Acme", ("gemini-*",))
    assert got.policy.profile == "strict"


async def test_missing_documents_are_none_and_writes_go_to_the_client_store() -> None:
    writes = Writes()
    store = RestTenantStore(documents(Session(status=404, payload=EMULATOR_MISSING)), writes)
    assert await store.get_key("nope") is None
    assert await store.get_tenant("nope") is None
    assert await RestPepperState(documents(Session(status=404, payload=EMULATOR_MISSING)))() is None
    await store.put_tenant(Tenant(id="t"))
    assert [t.id for t in writes.tenants] == ["t"]


async def test_the_pepper_state_is_read() -> None:
    state = await RestPepperState(documents(Session(payload=fields(current={"stringValue": "3"}))))()
    assert state is not None
    assert (state.current, state.previous) == ("3", None)


@pytest.mark.parametrize(
    "session",
    [
        Session(status=503, payload={"error": {"code": 503}}),
        Session(payload=b"not json"),
        Session(error=aiohttp.ClientConnectionError("refused")),
    ],
)
async def test_a_failed_read_is_service_unavailable(session: Session) -> None:
    with pytest.raises(ServiceUnavailable):
        await RestTenantStore(documents(session), Writes()).get_key("k")
    with pytest.raises(ServiceUnavailable):
        await RestPepperState(documents(session))()


async def test_secret_versions_over_rest_from_the_stand_in() -> None:
    app = build_app()
    async with TestServer(app, host="127.0.0.1") as server, aiohttp.ClientSession() as session:
        base = f"http://127.0.0.1:{server.port}"
        secret = f"{base}/v1/projects/p/secrets"
        async with session.post(f"{secret}?secretId=pepper", json={"replication": {"automatic": {}}}):
            pass
        for value in (b"first", b"\x00second"):
            data = {"payload": {"data": base64.b64encode(value).decode()}}
            async with session.post(f"{secret}/pepper:addVersion", json=data) as response:
                assert response.status == 200
        reader = RestSecretReader(lambda: session, None, base)
        store = SecretManagerStore("p", lambda: pytest.fail("no client library"), reader=reader)
        assert await store.get("pepper") == b"\x00second"
        assert await store.get("pepper", "1") == b"first"
        assert await store.get("missing") is None
        assert await store.get("pepper", "9") is None
        down = RestSecretReader(lambda: session, None, "http://127.0.0.1:9")  # nothing listens there
        with pytest.raises(ServiceUnavailable):
            await down.access("projects/p/secrets/pepper/versions/latest")
