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


async def test_expired_or_revoked_key_is_refused_after_the_ttl() -> None:
    from datetime import UTC, datetime, timedelta

    auth, store, clock = _setup()
    assert (await auth.authenticate("ghk_good")).id == "acme"
    key_hash = hash_api_key("ghk_good", PEPPER)
    past = datetime.now(UTC) - timedelta(seconds=1)
    store.keys[key_hash] = store.keys[key_hash].model_copy(update={"expires_at": past})
    assert (await auth.authenticate("ghk_good")).id == "acme"  # cached until the TTL
    clock.now = 31
    with pytest.raises(Unauthenticated):
        await auth.authenticate("ghk_good")


async def test_both_peppers_verify_during_a_rotation_and_old_keys_are_rehashed() -> None:
    from datetime import UTC, datetime, timedelta

    from shared.peppers import PepperState

    store = MemoryTenants()
    store.tenants["acme"] = Tenant(id="acme")
    old = hash_api_key("ghk_old", b"p1")
    store.keys[old] = ApiKeyRecord(key_hash=old, tenant_id="acme", display_prefix="ghk_ol")
    new = hash_api_key("ghk_new", b"p2")
    store.keys[new] = ApiKeyRecord(key_hash=new, tenant_id="acme", display_prefix="ghk_ne")
    secrets = MemorySecrets({"pepper/versions/1": b"p1", "pepper/versions/2": b"p2"})
    until = datetime.now(UTC) + timedelta(hours=1)
    state = PepperState(current="2", previous="1", previous_until=until)
    rehashed: list[tuple[str, str, str]] = []
    used: list[str] = []

    async def pepper_state() -> PepperState:
        return state

    auth = Authenticator(
        store,
        secrets,
        "pepper",
        pepper_state=pepper_state,
        on_use=lambda r: used.append(r.key_hash),
        on_legacy=lambda r, h, v: rehashed.append((r.key_hash, h, v)),
    )
    assert (await auth.authenticate("ghk_new")).id == "acme"
    assert (await auth.authenticate("ghk_old")).id == "acme"
    assert rehashed == [(old, hash_api_key("ghk_old", b"p2"), "2")]
    assert used == [new, old]
    state = PepperState(current="2", previous="1", previous_until=datetime.now(UTC) - timedelta(seconds=1))
    auth.invalidate()
    with pytest.raises(Unauthenticated):
        await auth.authenticate("ghk_old")  # the window closed: only the current pepper verifies


async def test_a_store_failure_under_one_pepper_does_not_hide_the_key_under_the_other() -> None:
    """During a rotation window an old key's current-pepper hash is unknown; while the store fails,
    its old-pepper record (served from the last good read) still authenticates, and a failure with
    nothing found is 503, never 401."""
    from datetime import UTC, datetime, timedelta

    from shared.peppers import PepperState

    old = hash_api_key("ghk_old", b"p1")
    new_hash_of_old = hash_api_key("ghk_old", b"p2")

    class FailsFor(MemoryTenants):
        failing: set[str] = set()

        async def get_key(self, key_hash: str) -> ApiKeyRecord | None:
            if key_hash in self.failing:
                raise ServiceUnavailable("tenant store unavailable")
            return await super().get_key(key_hash)

    store = FailsFor()
    store.tenants["acme"] = Tenant(id="acme")
    store.keys[old] = ApiKeyRecord(key_hash=old, tenant_id="acme", display_prefix="ghk_ol")
    store.failing = {new_hash_of_old}
    secrets = MemorySecrets({"pepper/versions/1": b"p1", "pepper/versions/2": b"p2"})
    state = PepperState(current="2", previous="1", previous_until=datetime.now(UTC) + timedelta(hours=1))

    async def pepper_state() -> PepperState:
        return state

    auth = Authenticator(store, secrets, "pepper", pepper_state=pepper_state)
    assert (await auth.authenticate("ghk_old")).id == "acme"
    store.failing = {new_hash_of_old, old}
    auth.invalidate()
    with pytest.raises(ServiceUnavailable):
        await auth.authenticate("ghk_old")


async def test_an_old_key_keeps_working_when_its_record_is_rehashed_under_the_new_pepper() -> None:
    """An instance caches the old key's record, later sees the rotation (caching a miss for the key's
    new-pepper hash), then the record is re-hashed (moved) while the old-hash entry is still cached:
    when that entry expires, the key must be found under its new hash, not refused until the miss
    expires too."""
    from datetime import UTC, datetime, timedelta

    from shared.peppers import PepperState

    store = MemoryTenants()
    store.tenants["acme"] = Tenant(id="acme")
    old = hash_api_key("ghk_old", b"p1")
    new_hash_of_old = hash_api_key("ghk_old", b"p2")
    store.keys[old] = ApiKeyRecord(key_hash=old, tenant_id="acme", display_prefix="ghk_ol")
    secrets = MemorySecrets({"pepper/versions/1": b"p1", "pepper/versions/2": b"p2"})
    rotated = PepperState(current="2", previous="1", previous_until=datetime.now(UTC) + timedelta(hours=1))
    states: list[PepperState] = [PepperState(current="1")]

    async def pepper_state() -> PepperState:
        return states[-1]

    clock = Clock()
    auth = Authenticator(store, secrets, "pepper", pepper_state=pepper_state, ttl=30, clock=clock)
    assert (await auth.authenticate("ghk_old")).id == "acme"  # t=0: old hash cached until t=30
    clock.now = 20.0
    states.append(rotated)
    auth._state = None  # the instance re-reads the rotation state (its own TTL passed)
    assert (await auth.authenticate("ghk_old")).id == "acme"  # t=20: new-pepper hash looked up, a miss
    record = store.keys.pop(old)  # the re-hash moves the record under the new pepper's hash
    store.keys[new_hash_of_old] = record.model_copy(update={"key_hash": new_hash_of_old})
    clock.now = 31.0  # the old hash's entry expired; the new hash's miss (from t=20) would not have
    assert (await auth.authenticate("ghk_old")).id == "acme"


def test_the_key_hash_is_hmac_sha256_hex_as_stored() -> None:
    """Stored key documents are named by HMAC-SHA256(pepper, key) in hex: the one-shot digest must
    give exactly what `hmac.new(...).hexdigest()` gave (every existing key's document name)."""
    import hashlib
    import hmac

    for key, pepper in [("ghk_good", PEPPER), ("ghk_é✓", b"\x00" * 64), ("", b"p" * 100)]:
        assert hash_api_key(key, pepper) == hmac.new(pepper, key.encode(), hashlib.sha256).hexdigest()
