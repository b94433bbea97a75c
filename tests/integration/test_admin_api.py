"""The admin API against the emulators: validation, etags, soft delete + erasure, keys, SSRF, audit."""

from __future__ import annotations

import time

import httpx
import pytest

pytestmark = pytest.mark.integration

GEN = "/v1beta/models/gemini-2.5-flash:generateContent"
BODY = {"contents": [{"role": "user", "parts": [{"text": "hello admin"}]}]}


@pytest.fixture
def admin(stack):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=stack.admin, headers=stack.admin_headers, timeout=30) as client:
        yield client


def _error(response: httpx.Response, status: int) -> dict:  # type: ignore[type-arg]
    assert response.status_code == status, response.text
    return response.json()["error"]  # type: ignore[no-any-return]


def test_admin_calls_need_the_admin_token(stack) -> None:  # type: ignore[no-untyped-def]
    assert httpx.get(f"{stack.admin}/v1/tenants").status_code == 401
    bad = httpx.get(f"{stack.admin}/v1/tenants", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401


def test_bad_input_is_400_naming_the_field_and_nothing_is_saved(admin) -> None:  # type: ignore[no-untyped-def]
    assert (
        _error(admin.post("/v1/tenants", json={"id": "val-t", "cache": {"ttl": 5}}), 400)["field"]
        == "cache.ttl"
    )
    assert _error(admin.post("/v1/tenants", json={"id": "Bad Id"}), 400)["field"] == "id"
    plan = {"plans": {"p": {"targets": [{"provider": "openai", "model": "m", "region": "us-central1",
                                         "endpoint": "http://169.254.169.254/v1"}]}}}  # fmt: skip
    error = _error(admin.post("/v1/tenants", json={"id": "val-t", "routing": plan}), 400)
    assert error["field"] == "routing.plans.p.targets[0].endpoint"
    assert "metadata" in error["message"]
    error = _error(
        admin.post("/v1/tenants", json={"id": "val-t", "callbacks": {"url": "http://10.0.0.7/h"}}), 400
    )
    assert error["field"] == "callbacks.url"
    assert _error(admin.get("/v1/tenants/val-t"), 404)
    assert admin.post("/v1/tenants", content=b"{not json").status_code == 400


def test_update_needs_the_current_etag(admin) -> None:  # type: ignore[no-untyped-def]
    created = admin.post("/v1/tenants", json={"id": "etag-t", "name": "one", "allowed_models": ["gemini-*"]})
    assert created.status_code == 201
    etag = created.headers["etag"]
    assert _error(admin.post("/v1/tenants", json={"id": "etag-t"}), 409)
    assert _error(admin.patch("/v1/tenants/etag-t", json={"name": "x"}), 412)  # no If-Match
    ok = admin.patch(
        "/v1/tenants/etag-t", json={"name": "two", "cache": {"semantic": True}}, headers={"If-Match": etag}
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["name"] == "two"
    assert ok.json()["cache"]["semantic"] is True
    assert ok.json()["allowed_models"] == ["gemini-*"]  # a merge patch keeps what it does not name
    stale = admin.patch("/v1/tenants/etag-t", json={"name": "three"}, headers={"If-Match": etag})
    assert "changed" in _error(stale, 412)["message"]
    bad = admin.patch("/v1/tenants/etag-t", json={"cache": {"ttl_s": -3}}, headers={"If-Match": "*"})
    assert _error(bad, 400)["field"] == "cache.ttl_s"
    assert admin.get("/v1/tenants/etag-t").json()["name"] == "two"  # the refused patch changed nothing
    assert _error(admin.patch("/v1/tenants/nope-t", json={"name": "x"}, headers={"If-Match": "*"}), 404)


def test_keys_rotate_revoke_delete_erase(stack, admin) -> None:  # type: ignore[no-untyped-def]
    assert admin.post("/v1/tenants", json={"id": "life-t", "allowed_models": ["gemini-*"]}).status_code == 201
    created = admin.post("/v1/tenants/life-t/keys", json={"name": "ci"}).json()
    key = created["key"]
    assert key.startswith("ghk_")
    assert created["last_four"] == key[-4:]
    listed = admin.get("/v1/tenants/life-t/keys").json()["keys"]
    assert [k["id"] for k in listed] == [created["id"]]
    assert "key" not in listed[0]
    assert key not in str(listed)
    cacheable = {**BODY, "generationConfig": {"temperature": 0}}
    with httpx.Client(base_url=stack.ingress, timeout=30) as ingress:
        assert ingress.post(GEN, json=cacheable, headers={"x-goog-api-key": key}).status_code == 200
        job = ingress.post("/v1/jobs", json={"model": "gemini-2.5-flash", "prompt": "later"},
                           headers={"x-goog-api-key": key, "Idempotency-Key": "erase-me"})  # fmt: skip
        assert job.status_code == 202
        job_id = job.json()["id"]
        deadline = time.monotonic() + 30
        while ingress.get(f"/v1/jobs/{job_id}", headers={"x-goog-api-key": key}).json()["state"] != "done":
            assert time.monotonic() < deadline
            time.sleep(0.2)
        assert admin.get(f"/v1/tenants/life-t/jobs/{job_id}").json()["state"] == "done"
        rotated = admin.post(
            f"/v1/tenants/life-t/keys/{created['id']}:rotate", json={"overlap_s": 3600}
        ).json()
        assert ingress.post(GEN, json=BODY, headers={"x-goog-api-key": rotated["key"]}).status_code == 200
        assert ingress.post(GEN, json=BODY, headers={"x-goog-api-key": key}).status_code == 200  # overlap
    states = {k["id"]: k["state"] for k in admin.get("/v1/tenants/life-t/keys").json()["keys"]}
    assert states == {created["id"]: "expiring", rotated["id"]: "active"}
    assert _error(admin.post("/v1/tenants/life-t/keys/key_000000000000:revoke"), 404)
    assert _error(admin.post("/v1/tenants/life-t/keys", json={"nmae": "x"}), 400)["field"] == "nmae"
    # soft delete revokes every key in the same transaction; erase removes the data in steps
    assert _error(admin.post("/v1/tenants/life-t:erase", json={"confirm": "life-t"}), 409)
    assert {"api_keys", "cache_entries", "jobs", "job_keys"} <= set(_left(stack, "life-t"))
    # semantic-cache calibration counters, per tenant and model: erased with the tenant, never a neighbour's
    counters = ["life-t:gemini-2.5-flash", "life-t:gemini-2.5-pro", "life-tx:gemini-2.5-flash"]
    _calibration(stack, {name: {"agree": {"b03": 4}} for name in counters})
    deleted = admin.delete("/v1/tenants/life-t").json()
    assert deleted["keys_revoked"] == 2
    assert {k["state"] for k in admin.get("/v1/tenants/life-t/keys").json()["keys"]} == {"revoked"}
    assert _error(admin.post("/v1/tenants/life-t:erase", json={"confirm": "nope"}), 400)["field"] == "confirm"
    step = admin.post("/v1/tenants/life-t:erase", json={"confirm": "life-t"}).json()
    assert step["done"]
    assert step["deleted"]["keys"] == 2
    assert step["deleted"]["tenant"] == 1
    assert step["deleted"]["cache_calibration"] == 2
    assert _calibration(stack, {}) >= {"life-tx:gemini-2.5-flash"}
    assert not {"life-t:gemini-2.5-flash", "life-t:gemini-2.5-pro"} & _calibration(stack, {})
    assert _error(admin.get("/v1/tenants/life-t"), 404)
    # usage younger than GATEHOUSE_ERASURE_KEEP_USAGE_DAYS stays (billing records); nothing else does
    assert set(_left(stack, "life-t")) == {"usage_shards", "job_usage"}
    actions = [r["action"] for r in admin.get("/v1/audit", params={"tenant": "life-t"}).json()["records"]]
    assert actions[0] == "tenant.erase"
    assert {"tenant.create", "key.create", "key.rotate", "tenant.delete"} <= set(actions)


def _calibration(stack, seed: dict[str, dict[str, object]]) -> set[str]:  # type: ignore[no-untyped-def]
    """Write `seed` into cache_calibration, then the ids the collection holds."""
    import asyncio

    async def run() -> set[str]:
        collection = stack.firestore().collection("cache_calibration")
        for name, data in seed.items():
            await collection.document(name).set(data)
        return {ref.id async for ref in collection.list_documents()}

    return asyncio.run(run())


def _left(stack, tenant: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What Firestore still holds for `tenant`, per collection."""
    import asyncio

    from google.cloud.firestore_v1.base_query import FieldFilter

    fields = {"api_keys": "tenant_id", "cache_entries": "tenant", "jobs": "tenant", "job_keys": "tenant",
              "job_usage": "tenant", "usage_shards": "tenant"}  # fmt: skip

    async def scan() -> dict[str, str]:
        db = stack.firestore()
        left = {}
        for collection, field in fields.items():
            query = db.collection(collection).where(filter=FieldFilter(field, "==", tenant)).limit(1)
            if await query.get():
                left[collection] = "kept"
        return left

    return asyncio.run(scan())


def test_usage_csv_and_callback_secret_rotation(stack, admin) -> None:  # type: ignore[no-untyped-def]
    day = time.strftime("%Y-%m-%d", time.gmtime())
    csv = admin.get(
        "/v1/usage", params={"tenant": "demo", "from": day, "to": day, "by": "model", "format": "csv"}
    )
    assert csv.status_code == 200
    assert csv.headers["content-type"].startswith("text/csv")
    assert csv.text.splitlines()[0].startswith("tenant,model,requests,")
    assert _error(admin.get("/v1/usage", params={"tenant": "demo", "from": day, "to": day, "by": "x"}), 400)
    response = admin.post("/v1/tenants/demo/callback-secret:rotate")
    assert response.status_code == 200, response.text
    rotated = response.json()
    assert rotated["secret_name"] == "gatehouse-callback-demo"
    assert len(rotated["secret"]) >= 32
    from dev.stack import PROJECT
    from shared.secrets import secret_manager_client

    client = secret_manager_client(f"http://127.0.0.1:{stack.ports.secrets}")
    name = f"projects/{PROJECT}/secrets/gatehouse-callback-demo/versions/latest"
    assert client.access_secret_version(name=name).payload.data.decode() == rotated["secret"]
    assert rotated["version"] == "2"  # `make run` / the stack provisioned version 1
    assert _error(admin.post("/v1/tenants/nope-t/callback-secret:rotate"), 404)


def test_concurrent_updates_with_one_etag_one_wins_and_lists_page(admin) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    etag = admin.post("/v1/tenants", json={"id": "race-t"}).headers["etag"]

    def patch(name: str) -> int:
        with httpx.Client(base_url=str(admin.base_url), headers=dict(admin.headers), timeout=30) as client:
            return client.patch(
                "/v1/tenants/race-t", json={"name": name}, headers={"If-Match": etag}
            ).status_code

    with ThreadPoolExecutor(2) as pool:
        statuses = sorted(pool.map(patch, ["left", "right"]))
    assert statuses == [200, 412]
    assert admin.get("/v1/tenants/race-t").json()["revision"] == 2
    first = admin.get("/v1/tenants", params={"page_size": 1}).json()
    assert len(first["tenants"]) == 1
    second = admin.get("/v1/tenants", params={"page_size": 1, "page_token": first["next_page_token"]}).json()
    assert "tenants" in second, (first, second)
    assert second["tenants"][0]["id"] > first["tenants"][0]["id"]
