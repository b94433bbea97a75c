"""`make run`: start the whole local stack, seed a demo tenant, print how to call it; Ctrl-C stops it.

Ports (override with GATEHOUSE_RUN_PORT_BASE=N to shift them all by N-8080):
ingress 8080, policy 8081, generate 8082, admin 8083, generate_deadletter 8084, Firestore 8085,
Pub/Sub 8086, simulator 8090, Secret Manager 8091, Eventarc stand-in 8092.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path

from dev.seed import (
    DEMO_TENANT,
    create_tenant_with_key,
    ensure_admin_token,
    ensure_callback_secret,
    ensure_pepper,
)
from dev.stack import (
    PROJECT,
    ROOT,
    Ports,
    StackError,
    backends,
    eventarc_service,
    function_env,
    function_service,
    provision_pubsub,
    wait_ready,
)

RUN_DIR = ROOT / ".run"
PID_FILE = RUN_DIR / "launcher.pid"


def _already_running() -> int | None:
    try:
        pid = int(PID_FILE.read_text())
        os.kill(pid, 0)
        return pid
    except (FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        return None


def _ports() -> Ports:
    ports = Ports.default()
    shift = int(os.environ.get("GATEHOUSE_RUN_PORT_BASE", "8080")) - 8080
    if shift:
        ports = Ports(
            ports.firestore + shift,
            ports.pubsub + shift,
            ports.simulator + shift,
            ports.secrets + shift,
            ports.eventarc + shift,
            {k: v + shift for k, v in ports.functions.items()},
        )
    return ports


async def _seed(ports: Ports) -> tuple[str, str, str]:
    """The demo tenant's API key, and the dev admin token; the demo's callback secret too."""
    os.environ["FIRESTORE_EMULATOR_HOST"] = f"127.0.0.1:{ports.firestore}"
    from google.cloud import firestore

    endpoint = f"http://127.0.0.1:{ports.secrets}"
    pepper = await asyncio.to_thread(ensure_pepper, PROJECT, endpoint)
    token = await asyncio.to_thread(ensure_admin_token, PROJECT, endpoint)
    callback = await asyncio.to_thread(ensure_callback_secret, PROJECT, endpoint, DEMO_TENANT.id)
    db = firestore.AsyncClient(project=PROJECT)
    return await create_tenant_with_key(db, pepper, DEMO_TENANT), token, callback.decode()


def _banner(ports: Ports, key: str) -> str:
    ingress = f"http://127.0.0.1:{ports.functions['ingress']}"
    policy = f"http://127.0.0.1:{ports.functions['policy']}"
    return f"""
Gatehouse is running (logs in {RUN_DIR}/logs). Demo tenant `demo`, API key:

  {key}

Try it:

  curl -s {ingress}/v1beta/models/gemini-2.5-flash:generateContent \\
    -H 'x-goog-api-key: {key}' -H 'content-type: application/json' \\
    -d '{{"contents":[{{"role":"user","parts":[{{"text":"Hello, Gatehouse"}}]}}]}}'

  curl -s {ingress}/v1/generate -H 'Authorization: Bearer {key}' \\
    -H 'content-type: application/json' -d '{{"model":"gemini-2.5-flash","prompt":"Hello"}}'

An async job (202 + Location), then its status:

  curl -si {ingress}/v1/jobs -H 'Authorization: Bearer {key}' -H 'Idempotency-Key: demo-1' \
    -H 'content-type: application/json' -d '{{"model":"gemini-2.5-flash","prompt":"Hello later"}}'
  curl -s {ingress}/v1/jobs/<id> -H 'Authorization: Bearer {key}'

With the google-genai SDK:

  from google import genai
  client = genai.Client(api_key="{key}", http_options={{"base_url": "{ingress}"}})
  print(client.models.generate_content(model="gemini-2.5-flash", contents="Hello").text)

With the openai SDK (the `fast` alias routes to gemini-2.5-flash-lite):

  from openai import OpenAI
  client = OpenAI(api_key="{key}", base_url="{ingress}/openai/v1")
  print(client.chat.completions.create(model="fast", messages=[{{"role": "user", "content": "Hi"}}]))

The API, as OpenAPI 3.1: {ingress}/openapi.json

Policy check (the internal policy function; no key locally, IAM in production):

  curl -s {policy}/v1/policy:check -H 'content-type: application/json' \\
    -d '{{"text":"Mail ana@example.com, card 4111 1111 1111 1111","profile":"standard"}}'

Operate it with the CLI (it finds this stack and its admin token in .run/demo.env):

  gatehouse tenants list
  gatehouse tenants create acme --name "Acme" --models 'gemini-*'
  gatehouse keys create acme --name ci
  gatehouse usage --tenant demo

Simulator controls: {f"http://127.0.0.1:{ports.simulator}"}/_sim/regions/us-central1  (see dev/README.md)
Press Ctrl-C to stop.
"""


def main() -> int:
    pid = _already_running()
    if pid:
        print(
            f"Gatehouse is already running (launcher pid {pid}); stop it with Ctrl-C there or `kill {pid}`."
        )
        return 1
    RUN_DIR.mkdir(exist_ok=True)
    PID_FILE.write_text(str(os.getpid()))
    ports = _ports()
    logs = RUN_DIR / "logs"
    services = []
    stopping = False

    def _stop(_signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        services = backends(ports)
        for service in services:
            service.start(logs)
        wait_ready(services)
        key, admin_token, callback_secret = asyncio.run(_seed(ports))
        env = function_env(ports)
        fns = [function_service(name, port, env) for name, port in ports.functions.items()]
        fns.append(eventarc_service(ports, sweep_every=60.0))  # also Cloud Scheduler's sweep tick
        for service in fns:
            service.start(logs)
        services += fns
        wait_ready(fns)
        provision_pubsub(ports)
        (RUN_DIR / "demo.env").write_text(
            f"GATEHOUSE_URL=http://127.0.0.1:{ports.functions['ingress']}\nGATEHOUSE_KEY={key}\n"
            f"GATEHOUSE_ADMIN_URL=http://127.0.0.1:{ports.functions['admin']}\n"
            f"GATEHOUSE_ADMIN_TOKEN={admin_token}\n"
            f"GATEHOUSE_CALLBACK_SECRET={callback_secret}\n"  # the demo tenant's signing secret
        )
        (RUN_DIR / "demo.env").chmod(0o600)
        print(_banner(ports, key), flush=True)
        while not stopping:
            for service in services:
                if service.process is not None and service.process.poll() is not None:
                    raise StackError(f"{service.name} stopped unexpectedly (see {service.log_path})")
            time.sleep(0.5)
        return 0
    except StackError as error:
        print(f"make run: {error}", file=sys.stderr)
        return 1
    finally:
        print("stopping Gatehouse ...", flush=True)
        for service in reversed(services):
            service.stop()
        Path(PID_FILE).unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
