import pytest

from shared.auth import Authenticator, extract_api_key
from shared.errors import PermissionDenied, ServiceUnavailable, Unauthenticated
from shared.tenants import ApiKeyRecord, Tenant, hash_api_key
from tests.fakes import MemorySecrets, MemoryTenants

PEPPER = b"pepper"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _setup(disabled: bool = False) -> tuple[Authenticator, MemoryTenants, Clock]:
    store = MemoryTenants()
    store.tenants["acme"] = Tenant(id="acme", disabled=disabled)
    store.keys[hash_api_key("ghk_good", PEPPER)] = ApiKeyRecord(
        key_hash=hash_api_key("ghk_good", PEPPER), tenant_id="acme", display_prefix="ghk_go"
    )
    clock = Clock()
    auth = Authenticator(store, MemorySecrets({"pepper": PEPPER}), "pepper", ttl=30, clock=clock)
    return auth, store, clock


@pytest.mark.parametrize(
    ("headers", "query", "expected"),
    [
        ({"x-goog-api-key": "k1"}, {}, "k1"),
        ({"authorization": "Bearer k2"}, {}, "k2"),
        ({"authorization": "bearer  k3 "}, {}, "k3"),
        ({}, {"key": "k4"}, "k4"),
        ({"x-goog-api-key": "k1", "authorization": "Bearer k2"}, {"key": "k4"}, "k1"),
        ({"authorization": "Basic abc"}, {}, None),
        ({}, {}, None),
    ],
)
def test_key_is_found_where_google_clients_send_it(headers, query, expected) -> None:  # type: ignore[no-untyped-def]
    assert extract_api_key(headers, query) == expected


async def test_valid_key_resolves_tenant_and_is_cached() -> None:
    auth, store, clock = _setup()
    assert (await auth.authenticate("ghk_good")).id == "acme"
    assert (await auth.authenticate("ghk_good")).id == "acme"
    assert store.key_reads == 1
    clock.now = 31
    await auth.authenticate("ghk_good")
    assert store.key_reads == 2


async def test_unknown_and_missing_keys_are_401_and_misses_are_cached() -> None:
    auth, store, _ = _setup()
    with pytest.raises(Unauthenticated):
        await auth.authenticate("ghk_bad")
    with pytest.raises(Unauthenticated):
        await auth.authenticate("ghk_bad")
    assert store.key_reads == 1
    with pytest.raises(Unauthenticated, match="Missing API key"):
        await auth.authenticate(None)


async def test_disabled_tenant_is_403() -> None:
    auth, _, _ = _setup(disabled=True)
    with pytest.raises(PermissionDenied):
        await auth.authenticate("ghk_good")


async def test_missing_pepper_fails_closed() -> None:
    store = MemoryTenants()
    auth = Authenticator(store, MemorySecrets(), "pepper")
    with pytest.raises(ServiceUnavailable):
        await auth.authenticate("ghk_good")


async def test_concurrent_lookups_of_one_key_read_the_store_once() -> None:
    import asyncio

    auth, store, _ = _setup()
    tenants = await asyncio.gather(*(auth.authenticate("ghk_good") for _ in range(20)))
    assert {t.id for t in tenants} == {"acme"}
    assert store.key_reads == 1


async def test_store_failure_is_not_cached() -> None:
    auth, store, _ = _setup()
    store.fail = ServiceUnavailable("down")
    with pytest.raises(ServiceUnavailable):
        await auth.authenticate("ghk_good")
    store.fail = None
    assert (await auth.authenticate("ghk_good")).id == "acme"


def test_tenant_model_allow_list() -> None:
    tenant = Tenant(id="t", allowed_models=("gemini-2.5-*",))
    assert tenant.allows_model("gemini-2.5-flash")
    assert not tenant.allows_model("gemini-2.0-flash")
