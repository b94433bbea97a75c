"""The benchmarks' stand-ins for Google (Firestore emulator, Vertex AI simulator, Secret Manager,
optionally Pub/Sub), started on free ports, and tenants seeded with a new API key each.

    stack = Backends.free()
    try:
        stack.start(log_dir)
        key = stack.seed(Tenant(id="bench"))
        ...
    finally:
        stack.stop()  # also stops every service the caller appended to `stack.services`
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dev.seed import create_tenant_with_key, ensure_pepper
from dev.stack import PROJECT, Ports, Service, backends, wait_ready
from shared.tenants import Tenant

__all__ = ["Backends", "firestore_emulator"]


@contextmanager
def firestore_emulator(prefix: str) -> Iterator[None]:
    """The Firestore emulator alone, on a free port, with this process's FIRESTORE_EMULATOR_HOST set to
    it, unless that variable already names one (then nothing is started); stopped on exit. Logs go to a
    new temporary directory named with `prefix`."""
    services: list[Service] = []
    try:
        if "FIRESTORE_EMULATOR_HOST" not in os.environ:
            ports = Ports.free()
            services = [s for s in backends(ports) if s.name == "firestore"]
            for service in services:
                service.start(Path(tempfile.mkdtemp(prefix=prefix)))
            wait_ready(services)
            os.environ["FIRESTORE_EMULATOR_HOST"] = f"127.0.0.1:{ports.firestore}"
        yield
    finally:
        for service in services:
            service.stop()


@dataclass
class Backends:
    ports: Ports
    services: list[Service]
    pepper: bytes = b""

    @classmethod
    def free(cls, *, pubsub: bool = False, core: int | None = None) -> Backends:
        """The stand-ins on free ports, not started; `core`: each pinned to that CPU (taskset)."""
        ports = Ports.free()
        services = [s for s in backends(ports) if pubsub or s.name != "pubsub"]
        if core is not None:
            for service in services:
                service.argv = ["taskset", "-c", str(core), *service.argv]
        return cls(ports, services)

    def start(self, log_dir: Path) -> None:
        """Start them, wait until each answers, point this process's Firestore client at the emulator
        and create the API-key pepper in the Secret Manager stand-in."""
        for service in self.services:
            service.start(log_dir)
        wait_ready(self.services)
        os.environ["FIRESTORE_EMULATOR_HOST"] = f"127.0.0.1:{self.ports.firestore}"
        self.pepper = ensure_pepper(PROJECT, f"http://127.0.0.1:{self.ports.secrets}")

    def seed(self, tenant: Tenant) -> str:
        """Store `tenant` with a new API key; the key."""

        async def run() -> str:
            from google.cloud import firestore

            return await create_tenant_with_key(firestore.AsyncClient(project=PROJECT), self.pepper, tenant)

        return asyncio.run(run())

    def stop(self) -> None:
        for service in reversed(self.services):
            service.stop()
