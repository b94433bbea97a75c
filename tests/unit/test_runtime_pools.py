"""Google API reads have connection pools of their own: upstream calls that hold every pooled upstream
connection (long generations) cannot queue an API-key read, a secret read or the cache's L2 read.
One loopback server plays the upstream (hangs), Firestore (the emulator's REST path) and Secret
Manager (the stand-in's)."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from shared.runtime import Runtime
from shared.settings import Settings
from shared.tenants import hash_api_key

PEPPER = b"pepper-for-tests"
KEY = "ghk_test_key_for_pools"


class _NoKeyUse:
    def touch(self, record: object) -> None:
        return None

    def rekey(self, *args: object) -> None:
        return None


def _doc(fields: dict[str, Any]) -> dict[str, Any]:
    return {"name": "doc", "fields": {k: {"stringValue": v} for k, v in fields.items()}}


async def test_auth_reads_complete_while_upstream_calls_hold_every_pooled_connection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release, both_hanging = asyncio.Event(), asyncio.Event()
    hanging = 0
    key_hash = hash_api_key(KEY, PEPPER)

    async def handle(request: web.Request) -> web.StreamResponse:
        nonlocal hanging
        path = request.path
        if path == "/upstream":  # a 30-s generation
            hanging += 1
            if hanging == 2:
                both_hanging.set()
            await release.wait()
            return web.Response(text="late")
        if path.endswith(":access"):
            return web.json_response({"payload": {"data": base64.b64encode(PEPPER).decode()}})
        if path.endswith(f"/api_keys/{key_hash}"):
            return web.json_response(_doc({"tenant_id": "acme", "display_prefix": "ghk_te"}))
        if path.endswith("/tenants/acme"):
            return web.json_response(_doc({"name": "Acme"}))
        if path.endswith("/cache_entries/k"):
            return web.json_response(_doc({"tenant": "acme"}))
        message = f"Document ({path.removeprefix('/v1/')}) not found."  # the emulator's wording
        return web.json_response({"error": {"code": 404, "message": message}}, status=404)

    app = web.Application()
    app.router.add_route("GET", "/{tail:.*}", handle)
    async with TestServer(app, host="127.0.0.1") as server:
        base = f"http://127.0.0.1:{server.port}"
        monkeypatch.setenv("GATEHOUSE_PROJECT", "p")
        monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", f"127.0.0.1:{server.port}")
        runtime = Runtime(
            Settings(
                upstream_pool_size=2,
                auth_read_pool_size=2,
                secret_manager_endpoint=base,
                auth_read_transport="rest",
                store_call_timeout_s=2.0,
                store_first_call_timeout_s=2.0,
            )
        )
        runtime.__dict__["key_use"] = _NoKeyUse()  # no last-used writes through the client library here
        upstream = runtime.http_session()

        async def generate() -> None:
            async with upstream.get(f"{base}/upstream") as response:
                await response.read()

        calls = [asyncio.create_task(generate()) for _ in range(2)]
        try:
            await asyncio.wait_for(both_hanging.wait(), 5.0)
            with pytest.raises(TimeoutError):  # the upstream pool is exhausted: a third call queues
                await asyncio.wait_for(generate(), 0.2)
            tenant = await asyncio.wait_for(runtime.authenticator.authenticate(KEY), 2.0)
            assert (tenant.id, tenant.name) == ("acme", "Acme")
            assert await asyncio.wait_for(runtime.secrets.get("pepper"), 2.0) == PEPPER
            entry = await asyncio.wait_for(
                runtime.firestore_rest.get("cache_entries", "k", ("tenant",), 2.0), 2.0
            )
            assert entry == {"tenant": "acme"}
            assert await runtime.auth_documents.get("api_keys", "nope", (), 2.0) is None
            assert runtime.auth_session() is not upstream
            assert runtime.cache_read_session() not in (upstream, runtime.auth_session())
        finally:
            release.set()
            await asyncio.gather(*calls, return_exceptions=True)
            for session in (upstream, runtime.auth_session(), runtime.cache_read_session()):
                await session.close()


async def test_shutdown_closes_the_read_pools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEHOUSE_PROJECT", "p")
    runtime = Runtime(Settings())
    pools = (runtime.http_session(), runtime.auth_session(), runtime.cache_read_session())
    await runtime.aclose()
    assert all(session.closed for session in pools)
