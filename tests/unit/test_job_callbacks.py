"""Callback signatures (and the receiver snippet in docs/callbacks.md), retries and give-ups."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import aiohttp
import orjson
import pytest
from aiohttp import web

from shared.jobs.callbacks import CallbackSender, sign, verify
from shared.jobs.egress import EgressPolicy, egress_connector
from tests.fakes import MemorySecrets

DOC = Path(__file__).resolve().parents[2] / "docs" / "callbacks.md"
SECRET = b"whsec-test"


def documented_verifier() -> Any:
    """The receiver snippet from docs/callbacks.md, executed as written."""
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S)
    namespace: dict[str, Any] = {}
    exec(blocks[0], namespace)  # noqa: S102  # our own documentation, so it cannot rot
    return namespace["verify_gatehouse_signature"]


def test_documented_snippet_verifies_real_signatures(mocker: Any) -> None:
    check = documented_verifier()
    body = orjson.dumps({"id": "abc", "state": "done"})
    mocker.patch("time.time", return_value=1_800_000_100)
    header = sign(SECRET, 1_800_000_000, body)
    assert check(SECRET, header, body)
    assert not check(SECRET, header, body + b" ")  # tampered body
    assert not check(b"other-secret", header, body)
    assert not check(SECRET, header.replace("t=1800000000", "t=1800000001"), body)  # tampered time
    assert not check(SECRET, sign(SECRET, 1_799_999_000, body), body)  # stale: replay window closed
    assert not check(SECRET, "garbage", body)


def test_reference_verify_matches() -> None:
    body = b'{"x":1}'
    header = sign(SECRET, 1000, body)
    assert re.fullmatch(r"t=1000,v1=[0-9a-f]{64}", header)
    assert verify(SECRET, header, body, now=1100)
    assert not verify(SECRET, header, body, now=2000)


class Flaky:
    def __init__(self, statuses: list[int]) -> None:
        self.statuses = statuses
        self.received: list[tuple[dict[str, str], bytes]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.received.append((dict(request.headers), await request.read()))
        status = self.statuses.pop(0) if self.statuses else 200
        return web.Response(status=status)


async def run(statuses: list[int], secrets: dict[str, bytes] | None = None) -> tuple[Any, Flaky, list[float]]:
    rx = Flaky(statuses)
    app = web.Application()
    app.router.add_post("/hook", rx.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    sleeps: list[float] = []

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)

    policy = EgressPolicy(allow_loopback=True, require_https=False)
    store = MemorySecrets(secrets if secrets is not None else {"gatehouse-callback-acme": SECRET})
    try:
        async with aiohttp.ClientSession(connector=egress_connector(policy)) as session:
            sender = CallbackSender(lambda: session, store, policy, max_attempts=4, sleep=sleep)
            outcome = await sender.deliver("acme", "job1", f"http://127.0.0.1:{port}/hook", {"state": "done"})
    finally:
        await runner.cleanup()
    return outcome, rx, sleeps


async def test_retries_5xx_and_429_with_backoff_then_delivers() -> None:
    outcome, rx, sleeps = await run([500, 429, 503])
    assert outcome.delivered
    assert outcome.attempts == 4
    assert len(sleeps) == 3
    assert all(s > 0 for s in sleeps)
    for headers, body in rx.received:
        assert verify(SECRET, headers["X-Gatehouse-Signature"], body, now=float(headers_time(headers)))
        assert headers["X-Gatehouse-Job-Id"] == "job1"
    assert len({h["X-Gatehouse-Delivery"] for h, _ in rx.received}) == 4


def headers_time(headers: dict[str, str]) -> int:
    return int(headers["X-Gatehouse-Signature"].split(",")[0][2:])


async def test_client_error_is_final() -> None:
    outcome, _rx, _ = await run([404])
    assert not outcome.delivered
    assert outcome.attempts == 1
    assert "HTTP 404" in (outcome.error or "")


async def test_gives_up_after_max_attempts() -> None:
    outcome, rx, _ = await run([500] * 10)
    assert not outcome.delivered
    assert outcome.attempts == 4
    assert len(rx.received) == 4


async def test_no_secret_means_no_unsigned_callback() -> None:
    outcome, rx, _ = await run([], secrets={})
    assert not outcome.delivered
    assert outcome.attempts == 0
    assert "gatehouse-callback-acme" in (outcome.error or "")
    assert rx.received == []


@pytest.mark.parametrize("bad", ["t=abc,v1=00", "v1=00", ""])
def test_verify_rejects_malformed(bad: str) -> None:
    assert not verify(SECRET, bad, b"{}", now=0)


def test_documented_rotation_snippet_accepts_both_secrets_and_nothing_else() -> None:
    import time

    from shared.jobs.callbacks import sign

    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S)
    namespace: dict[str, Any] = {}
    exec(blocks[0] + "\n" + blocks[1], namespace)  # noqa: S102  # the receiver snippets, as documented
    verify = namespace["verify_during_rotation"]
    body = b'{"id": "j1"}'
    old, new = b"old-secret", b"new-secret"
    now = int(time.time())
    assert verify([new, old], sign(old, now, body), body)  # an instance still on the old version
    assert verify([new, old], sign(new, now, body), body)
    assert not verify([new], sign(old, now, body), body)  # after the overlap the old one is dropped
