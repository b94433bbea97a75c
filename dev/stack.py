"""Start and stop the local stack's processes: emulators, simulator, Secret Manager, functions.

Used by the launcher (`make run`) and by the test fixtures, so both run the same processes.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "demo-gatehouse"
FUNCTIONS = ("ingress", "policy", "admin", "generate", "generate_deadletter")  # served locally, one port each
HTTP_FUNCTIONS = frozenset({"ingress", "policy", "admin"})  # the others take CloudEvents and have no /healthz
DEFAULT_PORTS = {
    "ingress": 8080,
    "policy": 8081,
    "generate": 8082,
    "admin": 8083,
    "generate_deadletter": 8084,
}


class StackError(RuntimeError):
    """A service could not start; the message says which and why."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def require_gcloud_component(kind: str) -> None:
    """Stop with a clear message when gcloud or an emulator component is missing."""
    package = {
        "firestore": "google-cloud-cli-firestore-emulator",
        "pubsub": "google-cloud-cli-pubsub-emulator",
    }
    gcloud = shutil.which("gcloud")
    if gcloud is None:
        raise StackError(
            "gcloud is not installed: install the Debian package `google-cloud-cli` and "
            f"`{package[kind]}` (apt-get install google-cloud-cli {package[kind]})"
        )
    sdk = Path(os.path.realpath(gcloud)).parent.parent
    folder = {"firestore": "cloud-firestore-emulator", "pubsub": "pubsub-emulator"}[kind]
    if not (sdk / "platform" / folder).exists():
        raise StackError(f"the {kind} emulator is missing: apt-get install {package[kind]}")
    if shutil.which("java") is None:
        raise StackError("the emulators need Java 17+: apt-get install openjdk-17-jre-headless")


@dataclass
class Service:
    name: str
    argv: list[str]
    port: int
    ready_path: str | None = "/"  # None: ready when the port accepts a TCP connection
    env: dict[str, str] = field(default_factory=dict)
    warm: Callable[[str], None] | None = None  # run once when first ready, with the service's URL
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, log_dir: Path) -> None:
        if port_in_use(self.port):
            raise StackError(f"{self.name}: port {self.port} is already in use")
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = log_dir / f"{self.name}.log"
        log = self.log_path.open("ab")  # a restarted service appends
        self.process = subprocess.Popen(
            self.argv,
            cwd=ROOT,
            env={**os.environ, **self.env},
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: gcloud's java children stop with it
        )

    def ready(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            tail = self.log_path.read_text(errors="replace")[-2000:] if self.log_path else ""
            raise StackError(f"{self.name} exited with {self.process.returncode}:\n{tail}")
        if self.ready_path is None:
            return port_in_use(self.port)
        try:
            with urllib.request.urlopen(self.url + self.ready_path, timeout=1) as response:  # noqa: S310
                ready = bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False
        if ready and self.warm is not None:
            self.warm(self.url)
            self.warm = None
        return ready

    def kill(self) -> None:
        """Stop at once (SIGKILL): what a crashed instance looks like to Pub/Sub."""
        if self.process is None:
            return
        self._signal_group(signal.SIGKILL)
        self._wait_gone(10.0)

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM to the whole process group; SIGKILL what is left of it after `timeout`. Returns
        once nothing of the group runs and its port refuses connections: gcloud's wrapper exits
        before the emulator's JVM, which can still answer meanwhile, so a test may take the
        return as "the store is unreachable now"."""
        stop_all([self], timeout)

    def _signal_group(self, signum: int) -> None:
        assert self.process is not None
        if self.process.poll() is None or _group_alive(self.process.pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signum)

    def _wait_gone(self, timeout: float) -> bool:
        """Wait (bounded) until the group has no live process and the port is closed."""
        assert self.process is not None
        deadline = time.monotonic() + timeout
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=timeout)
        while _group_alive(self.process.pid) or port_in_use(self.port):
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
        return self.process.poll() is not None


def stop_all(services: Iterable[Service], timeout: float = 10.0) -> None:
    """`Service.stop` for several services at once (SIGTERM to all, then wait for all): the
    same guarantee, in the time of the slowest rather than the sum."""
    running = [s for s in services if s.process is not None]
    for service in running:
        service._signal_group(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    left = [s for s in running if not s._wait_gone(max(0.0, deadline - time.monotonic()))]
    for service in left:
        service._signal_group(signal.SIGKILL)
    for service in left:
        service._wait_gone(timeout)


def _group_alive(pgid: int) -> bool:
    """Whether a process of group `pgid` still runs (zombies do not count: they answer nothing).
    The group outlives its leader: gcloud's wrapper exits before the emulator's JVM."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while we looked
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def wait_ready(services: Iterable[Service], timeout: float = 90.0) -> None:
    pending = list(services)
    deadline = time.monotonic() + timeout
    while pending:
        pending = [s for s in pending if not s.ready()]
        if not pending:
            return
        if time.monotonic() > deadline:
            names = ", ".join(s.name for s in pending)
            raise StackError(f"not ready after {timeout:.0f}s: {names} (logs in {pending[0].log_path})")
        time.sleep(0.2)


@dataclass
class Ports:
    firestore: int
    pubsub: int
    simulator: int
    secrets: int
    eventarc: int
    functions: dict[str, int]

    @classmethod
    def free(cls) -> Ports:
        functions = {f: free_port() for f in FUNCTIONS}
        return cls(free_port(), free_port(), free_port(), free_port(), free_port(), functions)

    @classmethod
    def default(cls) -> Ports:
        return cls(8085, 8086, 8090, 8091, 8092, {f: DEFAULT_PORTS[f] for f in FUNCTIONS})


def warm_firestore_rest(url: str) -> None:
    """Write, read and miss one document over the emulator's REST API. Its REST path is cold at start
    (the first read and the first miss take ~1 s each on a loaded machine, then ~20 ms), while seeding
    warms only its gRPC path; Gatehouse reads keys and tenants over REST with a 0.5 s budget per read
    after the first (production Firestore has no such warm-up). A project of its own: no test sees it."""
    doc = f"{url}/v1/projects/demo-warmup/databases/(default)/documents/warmup/doc"
    fields = {
        "s": {"stringValue": "x"},
        "n": {"nullValue": None},
        "t": {"timestampValue": "2026-01-01T00:00:00Z"},
        "a": {"arrayValue": {"values": [{"stringValue": "x"}]}},
        "m": {"mapValue": {"fields": {"i": {"integerValue": "1"}, "b": {"booleanValue": True}}}},
    }
    headers = {"Authorization": "Bearer owner", "Content-Type": "application/json"}
    body = json.dumps({"fields": fields}).encode()
    for method, target, data in (("PATCH", doc, body), ("GET", doc, None), ("GET", doc + "-absent", None)):
        request = urllib.request.Request(target, data=data, headers=headers, method=method)  # noqa: S310
        with contextlib.suppress(urllib.error.URLError, OSError):
            urllib.request.urlopen(request, timeout=30).close()  # noqa: S310 - loopback only


def firestore_service(port: int) -> Service:
    """The Firestore emulator on `port`, its REST path warmed once it is ready (`warm_firestore_rest`),
    so the first authenticated request meets a warm emulator: no test needs a retry loop of its own."""
    argv = ["gcloud", "emulators", "firestore", "start", f"--host-port=127.0.0.1:{port}"]
    return Service("firestore", argv, port, warm=warm_firestore_rest)


def backends(ports: Ports) -> list[Service]:
    """The stand-ins for Google: emulators, the Vertex AI simulator, Secret Manager."""
    require_gcloud_component("firestore")
    require_gcloud_component("pubsub")
    py = sys.executable
    return [
        firestore_service(ports.firestore),
        Service(
            "pubsub",
            [
                "gcloud", "beta", "emulators", "pubsub", "start",
                f"--host-port=127.0.0.1:{ports.pubsub}", f"--project={PROJECT}",
            ],
            ports.pubsub,
        ),
        Service("simulator", [py, "-m", "dev.simulator", "--port", str(ports.simulator)],
                ports.simulator, "/healthz"),
        Service("secretmanager", [py, "-m", "dev.secretmanager", "--port", str(ports.secrets)],
                ports.secrets, "/healthz"),
    ]  # fmt: skip


def function_env(ports: Ports, extra: dict[str, str] | None = None) -> dict[str, str]:
    """The settings every function gets locally (see the README's settings table)."""
    return {
        "GATEHOUSE_PROJECT": PROJECT,
        "GATEHOUSE_ENVIRONMENT": "dev",
        "GATEHOUSE_VERTEX_BASE_URL": f"http://127.0.0.1:{ports.simulator}",
        "GATEHOUSE_UPSTREAM_TOKEN": "dev-upstream-token",
        "GATEHOUSE_SECRET_MANAGER_ENDPOINT": f"http://127.0.0.1:{ports.secrets}",
        "FIRESTORE_EMULATOR_HOST": f"127.0.0.1:{ports.firestore}",
        "PUBSUB_EMULATOR_HOST": f"127.0.0.1:{ports.pubsub}",
        "GOOGLE_CLOUD_PROJECT": PROJECT,
        # semantic cache: the bundled MiniLM model (a dev dependency), never a download; its
        # first load takes seconds, hence the generous embedding deadline locally
        "GATEHOUSE_CACHE_EMBEDDINGS_PROVIDER": "local",
        "GATEHOUSE_CACHE_EMBED_TIMEOUT_S": "60",
        "GATEHOUSE_CACHE_STORE_TIMEOUT_S": "2",  # the emulator is slower than Firestore
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        **(extra or {}),
    }


def function_service(name: str, port: int, env: dict[str, str]) -> Service:
    argv = [sys.executable, "-m", "functions_framework", "--target", name, "--source", "main.py",
            "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    return Service(name, argv, port, "/healthz" if name in HTTP_FUNCTIONS else None, env=env)


def eventarc_service(ports: Ports, sweep_every: float = 0.0) -> Service:
    """The Eventarc stand-in (dev/eventarc.py) routing pushes to the CloudEvent functions."""
    from dev.topics import JOBS_TOPIC

    argv = [sys.executable, "-m", "dev.eventarc", "--port", str(ports.eventarc), "--project", PROJECT,
            "--pubsub", f"127.0.0.1:{ports.pubsub}", "--sweep-topic", JOBS_TOPIC,
            "--sweep-every", str(sweep_every)]  # fmt: skip
    for name, port in ports.functions.items():
        if name not in HTTP_FUNCTIONS:
            argv += ["--route", f"{name}=http://127.0.0.1:{port}"]
    return Service("eventarc", argv, ports.eventarc, "/healthz")


def provision_pubsub(ports: Ports, max_delivery_attempts: int = 5) -> None:
    """Topics, the push subscriptions (through the Eventarc stand-in) and the dead-letter path."""
    from dev.topics import provision

    provision(
        f"127.0.0.1:{ports.pubsub}",
        PROJECT,
        f"http://127.0.0.1:{ports.eventarc}",
        max_delivery_attempts=max_delivery_attempts,
    )
