"""Shared fixtures: environment isolation for every test, and the local stack for the ones that ask.

The `stack` fixture starts real processes once per session on free loopback ports: the Firestore
and Pub/Sub emulators, the Vertex AI simulator, the Secret Manager stand-in, and the ingress
function under functions-framework. It seeds a tenant and stops everything at the end.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest

from dev.seed import (
    DEMO_TENANT,
    create_tenant_with_key,
    ensure_admin_token,
    ensure_callback_secret,
    ensure_pepper,
)
from dev.simctl import SimulatorControl
from dev.stack import (
    PROJECT,
    Ports,
    Service,
    backends,
    eventarc_service,
    function_env,
    function_service,
    provision_pubsub,
    stop_all,
    wait_ready,
)
from shared.tenants import Tenant

# Breakers and hedges sized for tests: a short window and open time, so the chaos tests are quick.
# min_calls stays high enough that the few failures other tests provoke never open a breaker.
FAST_RESILIENCE = {
    "GATEHOUSE_BREAKER_WINDOW_S": "3",
    "GATEHOUSE_BREAKER_MIN_CALLS": "20",
    "GATEHOUSE_BREAKER_OPEN_S": "1",
    "GATEHOUSE_HEDGE_DEFAULT_DELAY_S": "0.1",
}
# Short leases and callback budgets so crash and retry paths finish within a test's time.
JOB_SETTINGS = {
    "GATEHOUSE_JOB_LEASE_S": "6",
    "GATEHOUSE_JOB_MAX_ATTEMPTS": "10",  # above the dead-letter policy (5): that path ends poison jobs
    "GATEHOUSE_CALLBACK_MAX_ATTEMPTS": "3",
    "GATEHOUSE_CALLBACK_BUDGET_S": "10",
    "GATEHOUSE_CALLBACK_TIMEOUT_S": "3",
}


@pytest.fixture(autouse=True)
def _isolated_environ() -> Iterator[None]:
    """Each test sees, and leaves behind, the same os.environ."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


@dataclass
class LocalStack:
    ports: Ports
    services: list[Service]
    key: str  # the demo tenant's API key
    env: dict[str, str]
    log_dir: Path
    extra: dict[str, Any] = field(default_factory=dict)
    admin_token: str = ""  # the dev admin token (Secret Manager stand-in)

    @property
    def admin_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.admin_token}"}

    @property
    def pepper(self) -> bytes:
        """The pepper new keys are hashed with: the secret's latest version, read each time, since
        a test may rotate it (tests/e2e/test_cli_operate.py) and its rotation window may end before
        the session does; a fresh instance with no rotation state verifies only the latest."""
        return ensure_pepper(PROJECT, f"http://127.0.0.1:{self.ports.secrets}")

    @property
    def ingress(self) -> str:
        return f"http://127.0.0.1:{self.ports.functions['ingress']}"

    @property
    def admin(self) -> str:
        return f"http://127.0.0.1:{self.ports.functions['admin']}"

    @property
    def simulator(self) -> str:
        return f"http://127.0.0.1:{self.ports.simulator}"

    def firestore(self) -> Any:
        from google.cloud import firestore

        return firestore.AsyncClient(project=PROJECT)

    def add_tenant(self, tenant: Tenant) -> str:
        """Store a tenant and return a fresh API key for it."""

        async def _go() -> str:
            return await create_tenant_with_key(self.firestore(), self.pepper, tenant)

        return asyncio.run(_go()) if not _loop_running() else _run_in_thread(_go)

    def log_text(self, name: str) -> str:
        return (self.log_dir / f"{name}.log").read_text(errors="replace")

    def log_records(self, name: str) -> list[dict[str, Any]]:
        """The JSON log records of a service, from complete lines only: the process is still
        running, so the last line may be half written when it is read."""
        text = self.log_text(name)
        complete = text[: text.rfind("\n") + 1]
        return [orjson.loads(x) for x in complete.splitlines() if x.startswith("{")]

    def service(self, name: str) -> Service:
        return next(s for s in self.services if s.name == name)

    def restart(self, name: str) -> None:
        """Kill a function abruptly (SIGKILL, like a crashed instance) and start it again."""
        service = self.service(name)
        service.kill()
        service.start(self.log_dir)
        wait_ready([service])


def _loop_running() -> bool:
    try:
        asyncio.get_running_loop()
        return True
    except RuntimeError:
        return False


def _run_in_thread(factory: Any) -> Any:
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(factory())).result()


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    ports = Ports.free()
    log_dir = tmp_path_factory.mktemp("stack-logs")
    services = backends(ports)
    backends_ = list(services)
    try:
        for service in services:
            service.start(log_dir)
        wait_ready(services)
        os.environ["FIRESTORE_EMULATOR_HOST"] = f"127.0.0.1:{ports.firestore}"
        os.environ["PUBSUB_EMULATOR_HOST"] = f"127.0.0.1:{ports.pubsub}"
        os.environ["GOOGLE_CLOUD_PROJECT"] = PROJECT
        ensure_pepper(PROJECT, f"http://127.0.0.1:{ports.secrets}")
        admin_token = ensure_admin_token(PROJECT, f"http://127.0.0.1:{ports.secrets}")
        ensure_callback_secret(PROJECT, f"http://127.0.0.1:{ports.secrets}", DEMO_TENANT.id)
        env = function_env(
            ports, {**FAST_RESILIENCE, **JOB_SETTINGS, "GATEHOUSE_USAGE_FLUSH_INTERVAL_S": "0"}
        )
        fns = [function_service(name, port, env) for name, port in ports.functions.items()]
        fns.append(eventarc_service(ports))  # no sweep tick: tests sweep when they mean to
        for service in fns:
            service.start(log_dir)
        services += fns
        wait_ready(fns)
        provision_pubsub(ports)
        local = LocalStack(ports, services, "", env, log_dir, admin_token=admin_token)
        local.key = local.add_tenant(DEMO_TENANT)
        yield local
    finally:  # the functions first (their SIGTERM flush reaches Firestore), then what they use
        stop_all(services[len(backends_) :])
        stop_all(services[: len(backends_)])


@pytest.fixture
def sim(stack: LocalStack) -> Iterator[SimulatorControl]:
    """Simulator controls; every fault a test sets is cleared after it."""
    control = SimulatorControl(stack.simulator)
    control.reset()
    yield control
    control.reset()
