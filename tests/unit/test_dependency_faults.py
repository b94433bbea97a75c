"""A failing tenant store, Secret Manager or queue answers fast: stale records, 503s, never a hang."""

from __future__ import annotations

import asyncio
import time

import pytest

from shared.auth import Authenticator
from shared.deadline import reset_deadline, set_deadline
from shared.errors import DeadlineExceeded, NotFound, ServiceUnavailable, Unauthenticated
from shared.resilience.guard import DependencyGuard
from shared.tenant_reads import ResilientTenantStore
from shared.tenants import ApiKeyRecord, Tenant, hash_api_key
from tests.fakes import MemorySecrets, MemoryTenants

PEPPER = b"pepper"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class FlakyTenants(MemoryTenants):
    """`mode`: ok | hang (a frozen store: never answers) | fail (refused connections)."""

    def __init__(self) -> None:
        super().__init__()
        self.mode = "ok"
        self.calls = 0

    async def _gate(self) -> None:
        self.calls += 1
        if self.mode == "hang":
            await asyncio.sleep(3600)
        if self.mode == "fail":
            raise ConnectionRefusedError("store down")

    async def get_key(self, key_hash: str) -> ApiKeyRecord | None:
        await self._gate()
        return await super().get_key(key_hash)

    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        await self._gate()
        return await super().get_tenant(tenant_id)


def _auth(clock: Clock, stale_s: float = 60.0) -> tuple[Authenticator, FlakyTenants, ResilientTenantStore]:
    store = FlakyTenants()
    store.tenants["acme"] = Tenant(id="acme")
    for key in ("ghk_a", "ghk_b"):
        h = hash_api_key(key, PEPPER)
        store.keys[h] = ApiKeyRecord(key_hash=h, tenant_id="acme", display_prefix="ghk_")
    guard = DependencyGuard("tenant store", timeout_s=0.05, failures_to_open=2, open_s=5, clock=clock)
    resilient = ResilientTenantStore(store, guard, stale_s=stale_s, clock=clock)
    auth = Authenticator(resilient, MemorySecrets({"pepper": PEPPER}), "pepper", ttl=30, clock=clock)
    return auth, store, resilient


@pytest.mark.parametrize("mode", ["hang", "fail"])
async def test_known_keys_keep_working_while_the_store_fails_and_unknown_keys_get_a_fast_503(
    mode: str,
) -> None:
    clock = Clock()
    auth, store, resilient = _auth(clock)
    assert (await auth.authenticate("ghk_a")).id == "acme"
    store.mode = mode
    clock.now += 31  # the key -> tenant cache expired: the store must be read again
    started = time.monotonic()
    assert (await auth.authenticate("ghk_a")).id == "acme"  # the last good record
    with pytest.raises(ServiceUnavailable, match="not cached"):
        await auth.authenticate("ghk_b")  # never read by this instance
    with pytest.raises(ServiceUnavailable):
        await auth.authenticate("ghk_unknown")
    assert time.monotonic() - started < 0.5  # timeouts, then the open breaker: no hang
    assert resilient.stale_served >= 1
    calls = store.calls
    with pytest.raises(ServiceUnavailable):
        await auth.authenticate("ghk_unknown2")
    assert store.calls == calls  # breaker open: the failing store is not called at all


async def test_staleness_is_bounded_and_recovery_refreshes() -> None:
    clock = Clock()
    auth, store, _ = _auth(clock, stale_s=60)
    await auth.authenticate("ghk_a")
    store.mode = "fail"
    clock.now += 31
    await auth.authenticate("ghk_a")  # 31 s old: served
    clock.now += 40  # 71 s since the last good read: beyond the bound
    with pytest.raises(ServiceUnavailable):
        await auth.authenticate("ghk_a")
    store.mode = "ok"
    clock.now += 10  # past the breaker's open time: one probe, which succeeds
    assert (await auth.authenticate("ghk_a")).id == "acme"


async def test_a_key_the_store_says_is_gone_is_not_served_stale_later() -> None:
    clock = Clock()
    auth, store, _ = _auth(clock)
    await auth.authenticate("ghk_a")
    del store.keys[hash_api_key("ghk_a", PEPPER)]  # revoked by deletion
    clock.now += 31
    with pytest.raises(Unauthenticated):
        await auth.authenticate("ghk_a")
    store.mode = "fail"
    clock.now += 31
    with pytest.raises(ServiceUnavailable):
        await auth.authenticate("ghk_a")


async def test_guard_half_opens_with_one_probe() -> None:
    clock = Clock()
    guard = DependencyGuard("dep", timeout_s=1, failures_to_open=2, open_s=5, clock=clock)
    calls = 0

    async def boom() -> int:
        nonlocal calls
        calls += 1
        raise OSError("down")

    async def fine() -> int:
        nonlocal calls
        calls += 1
        return 7

    for _ in range(3):  # a new instance's slow first calls fail one by one, never all for open_s
        with pytest.raises(ServiceUnavailable):
            await guard.call(boom)
    assert guard.state == "closed"
    assert await guard.call(fine) == 7
    calls = 0
    for _ in range(2):
        with pytest.raises(ServiceUnavailable):
            await guard.call(boom)
    assert guard.state == "open"
    with pytest.raises(ServiceUnavailable, match="next try"):
        await guard.call(fine)
    assert calls == 2
    clock.now += 5
    assert await guard.call(fine) == 7
    assert guard.state == "closed"


async def test_the_callers_own_deadline_is_not_the_dependencys_failure() -> None:
    guard = DependencyGuard("dep", timeout_s=1, failures_to_open=1, open_s=5)

    async def slow() -> int:
        await asyncio.sleep(1)
        return 1

    token = set_deadline(time.monotonic() + 0.02)
    try:
        with pytest.raises(DeadlineExceeded):
            await guard.call(slow)
    finally:
        reset_deadline(token)
    assert guard.state == "closed"

    async def missing() -> int:
        raise NotFound("no such job")

    with pytest.raises(NotFound):  # an answer, not a failure
        await guard.call(missing)
    assert guard.state == "closed"


class Payload:
    def __init__(self, data: bytes) -> None:
        self.data = data


class Response:
    def __init__(self, data: bytes) -> None:
        self.payload = Payload(data)


class SecretClient:
    """A Secret Manager client stand-in: `mode` ok | hang | fail."""

    def __init__(self) -> None:
        import threading

        self.mode = "ok"
        self.release = threading.Event()
        self.calls = 0

    def access_secret_version(self, name: str, timeout: float) -> Response:
        from google.api_core import exceptions

        self.calls += 1
        if self.mode == "hang":
            self.release.wait(5)
        if self.mode == "fail":
            raise exceptions.ServiceUnavailable("down")
        return Response(b"v-" + name.rsplit("/", 3)[-3].encode())


async def test_secret_manager_first_fetch_fails_fast_and_cached_secrets_keep_serving() -> None:
    from shared.secrets import SecretManagerStore

    clock = Clock()
    client = SecretClient()
    guard = DependencyGuard("secret manager", timeout_s=0.2, failures_to_open=2, open_s=5, clock=clock)
    store = SecretManagerStore("p", lambda: client, ttl=300, clock=clock, guard=guard, stale_s=600)
    guard.timeout_s = 30  # the first read imports the client library: not what is measured here
    assert await store.get("pepper") == b"v-pepper"
    guard.timeout_s = 0.2
    client.mode = "hang"
    clock.now += 301  # TTL over
    started = time.monotonic()
    try:
        assert await store.get("pepper") == b"v-pepper"  # stale, after one short timeout
        with pytest.raises(ServiceUnavailable):
            await store.get("never-read")  # a first fetch fails fast
        assert time.monotonic() - started < 1.0
        clock.now += 600  # beyond the stale bound
        client.mode = "fail"
        with pytest.raises(ServiceUnavailable):
            await store.get("pepper")
    finally:
        client.release.set()


async def test_pepper_rotation_state_serves_its_last_good_value_none_included() -> None:
    from shared.tenant_reads import LastGoodRead

    clock = Clock()
    answers: list[object] = [None, OSError("down")]

    async def read() -> object:
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    guard = DependencyGuard("pepper state", timeout_s=1, clock=clock)
    state = LastGoodRead(read, guard, stale_s=60, clock=clock)
    assert await state() is None
    assert await state() is None  # the read failed: "no rotation" still holds
    clock.now += 61
    answers.append(OSError("down"))
    with pytest.raises(ServiceUnavailable):
        await state()


async def test_a_new_instances_slow_first_call_gets_the_longer_first_timeout() -> None:
    guard = DependencyGuard("dep", timeout_s=0.05, first_timeout_s=1.0)

    async def slow() -> int:
        await asyncio.sleep(0.15)  # client set-up and the first connection
        return 1

    assert await guard.call(slow) == 1
    with pytest.raises(ServiceUnavailable):  # once it has answered, the short timeout applies
        await guard.call(slow)


async def test_a_rest_answer_does_not_spend_the_client_librarys_first_call_allowance(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from shared.runtime import Runtime
    from shared.settings import Settings

    monkeypatch.setenv("GATEHOUSE_PROJECT", "p")
    runtime = Runtime(Settings(auth_read_transport="rest", store_call_timeout_s=0.05))
    built: list[float] = []
    rest, grpc = runtime.store_guard, runtime.client_store_guard
    assert grpc is not rest
    grpc._prepare = lambda: built.append(time.monotonic())  # no real client in a unit test

    async def answer() -> int:
        return 1

    async def slow() -> int:
        await asyncio.sleep(0.15)  # import, client, channel, token
        return 2

    assert await rest.call(answer) == 1  # the first REST read answered
    assert await grpc.call(slow) == 2  # the first gRPC call still gets the first-call timeout
    assert len(built) == 1
    with pytest.raises(ServiceUnavailable):
        await grpc.call(slow)
    assert len(built) == 1  # prepared once
    client = Runtime(Settings(auth_read_transport="client"))
    assert client.client_store_guard is client.store_guard  # one client library, one channel


async def test_a_failed_client_set_up_is_a_503_and_is_retried() -> None:
    attempts: list[int] = []

    def prepare() -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise ImportError("no module")

    guard = DependencyGuard("dep", timeout_s=1, prepare=prepare)

    async def answer() -> int:
        return 1

    with pytest.raises(ServiceUnavailable):
        await guard.call(answer)
    assert await guard.call(answer) == 1
    assert len(attempts) == 2


async def test_a_failed_background_import_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from shared.runtime import _log_warm_failure

    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    future.set_exception(ImportError("no module named google.cloud.firestore"))
    with caplog.at_level(logging.WARNING):
        _log_warm_failure(future)
    assert [r.getMessage() for r in caplog.records] == ["client library warm-up failed"]
    assert caplog.records[0].error == "ImportError"  # type: ignore[attr-defined]
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
    done.set_result(None)
    _log_warm_failure(done)
    assert len(caplog.records) == 1
