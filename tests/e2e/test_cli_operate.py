"""The `gatehouse` CLI against the local stack, with TWO ingress instances (a short auth cache TTL):
create a tenant and a key, call ingress with google-genai, revoke, and measure how long each
instance keeps accepting the key; the same for tenant disable, cache purge and pepper rotation.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from google import genai

from cli.main import run
from dev.stack import ROOT, Service, free_port, function_service, stop_all, wait_ready

pytestmark = pytest.mark.e2e

# GATEHOUSE_AUTH_CACHE_TTL_S of the two instances: 30 s by default, shortened here; set
# GATEHOUSE_E2E_AUTH_TTL_S=30 to measure the default (the revocation test then takes ~30 s)
TTL = float(os.environ.get("GATEHOUSE_E2E_AUTH_TTL_S", "2"))
MODEL = "gemini-2.5-flash"
GEN = f"/v1beta/models/{MODEL}:generateContent"


@pytest.fixture(scope="module")
def pair(stack) -> Iterator[list[str]]:  # type: ignore[no-untyped-def]
    env = {**stack.env, "GATEHOUSE_AUTH_CACHE_TTL_S": str(TTL), "GATEHOUSE_KEY_USE_FLUSH_S": "0.2"}
    services: list[Service] = []
    for name in ("ingress-a", "ingress-b"):
        service = dataclasses.replace(function_service("ingress", free_port(), env), name=name)
        service.start(stack.log_dir)
        services.append(service)
    try:
        wait_ready(services)
        yield [s.url for s in services]
    finally:
        stop_all(services)


@dataclasses.dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def cli(stack, *args: str, ok: bool = True) -> Ran:  # type: ignore[no-untyped-def]
    """The CLI in this process (`run` is what the console script calls), output captured."""
    argv = ["--url", stack.admin, "--token", stack.admin_token, *args]
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = run(argv)
    done = Ran(code, stdout.getvalue(), stderr.getvalue())
    assert (done.returncode == 0) == ok, done.stderr + done.stdout
    return done


def console_script(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI as its own process, as an operator runs it."""
    argv = [sys.executable, "-m", "cli", *args]
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)


def cli_json(stack, *args: str) -> Any:  # type: ignore[no-untyped-def]
    return json.loads(cli(stack, *args, "--json").stdout)


def _until(check: Callable[[], bool], limit: float) -> float:
    """Seconds until `check()` holds (polling every 50 ms), failing after `limit`."""
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < limit, f"not within {limit:.1f} s"
        time.sleep(0.05)
    return time.monotonic() - start


def _status(url: str, key: str, body: dict | None = None) -> httpx.Response:  # type: ignore[type-arg]
    payload = body or {"contents": [{"role": "user", "parts": [{"text": "ping"}]}]}
    return httpx.post(url + GEN, json=payload, headers={"x-goog-api-key": key}, timeout=30)


def test_cli_key_lifecycle_and_revocation_across_two_instances(stack, pair) -> None:  # type: ignore[no-untyped-def]
    tenant = cli_json(stack, "tenants", "create", "cli-e2e", "--name", "CLI e2e", "--models", "gemini-*")
    assert tenant["id"] == "cli-e2e"
    assert tenant["etag"] == 'W/"1"'
    key = cli_json(stack, "keys", "create", "cli-e2e", "--name", "e2e")
    clients = [genai.Client(api_key=key["key"], http_options={"base_url": url}) for url in pair]
    for client in clients:
        assert "Hello" in (client.models.generate_content(model=MODEL, contents="Hello").text or "")
    listed = cli_json(stack, "keys", "list", "cli-e2e")
    assert [(k["id"], k["state"], k["last_four"]) for k in listed] == [(key["id"], "active", key["key"][-4:])]

    # both instances keep serving the key right up to the revocation (so each holds a cached,
    # fresh entry), then each poller records when its instance first refuses it
    revoked_at: list[float] = []
    refused_at: dict[int, float] = {}
    stop = threading.Event()

    def poll(index: int, client: genai.Client) -> None:
        while not stop.is_set():
            try:
                client.models.generate_content(model=MODEL, contents="still there?")
            except genai.errors.ClientError as error:
                if revoked_at and error.code == 401:
                    refused_at[index] = time.monotonic()
                    return
                raise
            time.sleep(0.02)

    pollers = [threading.Thread(target=poll, args=(i, c), daemon=True) for i, c in enumerate(clients)]
    for poller in pollers:
        poller.start()
    time.sleep(TTL)  # let each instance refresh its cached entry at least once while polled
    cli(stack, "keys", "revoke", "cli-e2e", key["id"])
    revoked_at.append(time.monotonic())
    for poller in pollers:
        poller.join(timeout=TTL + 5)
    stop.set()
    delays = [refused_at[i] - revoked_at[0] for i in range(2)]
    print(
        f"\nrevocation refused on instance a after {delays[0]:.2f} s, b after {delays[1]:.2f} s (TTL {TTL} s)"
    )
    assert max(delays) <= TTL + 1.0


def test_cli_disable_enable_tenant_across_two_instances(stack, pair) -> None:  # type: ignore[no-untyped-def]
    cli(stack, "tenants", "create", "cli-dis", "--models", "gemini-*")
    key = cli_json(stack, "keys", "create", "cli-dis")["key"]
    assert all(_status(url, key).status_code == 200 for url in pair)
    cli(stack, "tenants", "disable", "cli-dis")
    start = time.monotonic()
    for url in pair:
        _until(lambda url=url: _status(url, key).status_code == 403, TTL + 3)
    disabled_in = time.monotonic() - start
    cli(stack, "tenants", "enable", "cli-dis")
    for url in pair:
        _until(lambda url=url: _status(url, key).status_code == 200, TTL + 3)
    print(f"\ntenant disable refused on both instances after {disabled_in:.2f} s")
    assert disabled_in <= TTL + 1.5


def test_cli_cache_purge_reaches_every_instance(stack, pair) -> None:  # type: ignore[no-untyped-def]
    cli(stack, "tenants", "create", "cli-cache", "--models", "gemini-*")
    key = cli_json(stack, "keys", "create", "cli-cache")["key"]
    bodies = [
        {
            "contents": [{"role": "user", "parts": [{"text": f"cache me {n}"}]}],
            "generationConfig": {"temperature": 0},
        }
        for n in ("a", "b")
    ]
    for body in bodies:  # both answers cached on both instances (L1 after an L2 hit on the other)
        assert _status(pair[0], key, body).headers["x-gatehouse-cache"] == "miss"
        for url in pair:
            _until(
                lambda url=url, body=body: _status(url, key, body).headers["x-gatehouse-cache"] == "hit", 5
            )
    purged = cli_json(stack, "cache", "purge", "--tenant", "cli-cache")
    assert purged["generation"] == 1
    start = time.monotonic()
    # each instance asks its own question, so a miss on one (which stores a fresh answer) cannot
    # turn into a hit on the other: each must stop serving its pre-purge entry by itself
    for url, body in zip(pair, bodies, strict=True):
        _until(
            lambda url=url, body=body: _status(url, key, body).headers["x-gatehouse-cache"] == "miss", TTL + 3
        )
    effective = time.monotonic() - start
    print(f"\ncache purge effective on both instances after {effective:.2f} s")
    assert effective <= TTL + 1.5
    stats = cli_json(stack, "cache", "stats", "--tenant", "cli-cache")
    assert stats["totals"]["hits"] >= 4
    assert stats["totals"]["hits_by_layer"]["l1"] >= 1
    assert stats["totals"]["hits_by_layer"]["l2"] >= 1


def test_cli_pepper_rotation_keeps_old_keys_working_and_rehashes_them(stack, pair) -> None:  # type: ignore[no-untyped-def]
    cli(stack, "tenants", "create", "cli-pep", "--models", "gemini-*")
    old = cli_json(stack, "keys", "create", "cli-pep", "--name", "before")
    cli(stack, "keys", "rotate-pepper", "--window", "10m")
    new = cli_json(stack, "keys", "create", "cli-pep", "--name", "after")
    for url in pair:
        assert _status(url, old["key"]).status_code == 200  # the previous pepper still verifies
    # an instance sees the rotation within its auth cache TTL (the rotation state, and a miss it
    # cached for the new key meanwhile): the new key works on both within two TTLs
    _until(lambda: all(_status(url, new["key"]).status_code == 200 for url in pair), 2 * TTL + 2)
    for url in pair:
        assert _status(url, old["key"]).status_code == 200

    def rehashed() -> bool:
        keys = {k["id"]: k for k in cli_json(stack, "keys", "list", "cli-pep")}
        return keys[old["id"]]["pepper_version"] == keys[new["id"]]["pepper_version"] is not None

    _until(rehashed, 10)
    keys = {k["id"]: k for k in cli_json(stack, "keys", "list", "cli-pep")}
    assert keys[old["id"]]["last_used_at"] is not None  # written by the batched last-used writer
    assert _status(pair[0], old["key"]).status_code == 200


def test_cli_reads_errors_and_csv(stack) -> None:  # type: ignore[no-untyped-def]
    listed = console_script("--url", stack.admin, "--token", stack.admin_token, "tenants", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert any(t["id"] == "demo" for t in json.loads(listed.stdout))
    missing = cli(stack, "tenants", "get", "no-such-tenant", ok=False)
    assert missing.returncode == 1
    assert missing.stderr.strip().splitlines() == ["error: 404 NOT_FOUND: tenant `no-such-tenant` not found"]
    bad = cli(stack, "tenants", "create", "cli-bad", "--set", "cache.ttl=5", ok=False)
    assert "cache.ttl" in bad.stderr
    csv = cli(stack, "usage", "--tenant", "demo", "--by", "model", "--csv").stdout
    assert csv.splitlines()[0].startswith("tenant,model,requests")
    assert cli_json(stack, "jobs", "list", "demo") is not None
    unreachable = console_script(
        "--url", f"http://127.0.0.1:{free_port()}", "--token", "x", "tenants", "list"
    )
    assert unreachable.returncode == 1
    assert "cannot reach the admin API" in unreachable.stderr
