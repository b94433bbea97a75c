"""SSRF policy for callbacks: what is refused, in which mode, and that DNS is pinned per connection."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest
from aiohttp import web

from shared.jobs.callbacks import CallbackSender
from shared.jobs.egress import EgressPolicy, EgressRefused, egress_connector
from tests.fakes import MemorySecrets

PROD = EgressPolicy(allow_loopback=False, require_https=True)
DEV = EgressPolicy(allow_loopback=True, require_https=False)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://10.1.2.3/hook", "private"),
        ("https://192.168.0.10/hook", "private"),
        ("https://[fd00::1]/hook", "private"),
        ("https://100.64.0.1/hook", "private"),  # CGNAT
        ("https://127.0.0.1/hook", "loopback"),
        ("https://[::1]/hook", "loopback"),
        ("https://[::ffff:127.0.0.1]/hook", "loopback"),
        ("https://169.254.10.10/hook", "link-local"),
        ("https://[fe80::1]/hook", "link-local"),
        ("https://169.254.169.254/computeMetadata/v1/", "metadata"),
        ("https://metadata.google.internal/computeMetadata/v1/", "metadata"),
        ("https://db.corp.internal/hook", "internal"),
        ("http://hooks.example.com/hook", "https"),
        ("https://user:pw@hooks.example.com/hook", "credentials"),
        ("ftp://hooks.example.com/", "https"),
        # IPv4 embedded in IPv6 forms is decoded before the check (#11)
        ("https://[64:ff9b::a9fe:a9fe]/computeMetadata/v1/", "metadata"),  # NAT64
        ("https://[64:ff9b:1::a00:1]/hook", "private"),  # local-use NAT64 (RFC 8215)
        ("https://[64:ff9b::7f00:1]/hook", "loopback"),
        ("https://[2002:a9fe:a9fe::1]/hook", "metadata"),  # 6to4
        ("https://[2002:a00:1::1]/hook", "private"),
        ("https://[::a9fe:a9fe]/hook", "metadata"),  # IPv4-compatible
        ("https://[::10.0.0.1]/hook", "private"),
        ("https://[::ffff:a9fe:a9fe]/hook", "metadata"),  # IPv4-mapped
        ("https://[::ffff:0:a9fe:a9fe]/hook", "metadata"),  # IPv4-translated (SIIT)
        ("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook", "reserved"),  # Teredo
        ("https://[2001:0:5ef5:79fd:0:0:5601:5601]/hook", "metadata"),  # Teredo, client 169.254.169.254
        ("https://localhost/hook", "localhost"),
        ("https://api.localhost./hook", "localhost"),
        ("https://0.0.0.0/hook", "reserved"),
        ("https://[::]/hook", "reserved"),
    ],
)
def test_prod_refuses(url: str, reason: str) -> None:
    with pytest.raises(EgressRefused, match=reason):
        PROD.check_url(url)


def test_prod_accepts_public_https() -> None:
    assert PROD.check_url("https://93.184.216.34/hook").host == "93.184.216.34"
    assert PROD.check_url("https://hooks.example.com/x").host == "hooks.example.com"


def test_public_ipv4_inside_ipv6_is_still_accepted() -> None:
    PROD.check_url("https://[64:ff9b::5db8:d822]/hook")  # NAT64 of 93.184.216.34
    PROD.check_url("https://[2002:5db8:d822::1]/hook")  # 6to4 of 93.184.216.34


def test_check_url_names_the_field_it_checks() -> None:
    """The admin API vets route-plan endpoints and callback URLs with the same check (#13)."""
    with pytest.raises(EgressRefused, match="endpoint_url") as caught:
        PROD.check_url("https://[64:ff9b::a9fe:a9fe]/v1", subject="endpoint_url")
    assert caught.value.code == "url_refused"
    assert caught.value.http_status == 400


async def test_check_url_resolved_refuses_a_name_that_resolves_to_a_private_address() -> None:
    policy = EgressPolicy(
        allow_loopback=False,
        require_https=True,
        resolver=resolver({"ok.test": [["93.184.216.34"]], "nat64.test": [["64:ff9b::a00:1"]]}),
    )
    assert (await policy.check_url_resolved("https://ok.test/x")).host == "ok.test"
    with pytest.raises(EgressRefused, match="private"):
        await policy.check_url_resolved("https://nat64.test/x")


def test_dev_allows_loopback_only() -> None:
    DEV.check_url("http://127.0.0.1:9000/hook")
    DEV.check_url("http://[::1]:9000/hook")
    DEV.check_url("http://localhost:9000/hook")
    DEV.check_url("http://[64:ff9b::7f00:1]:9000/hook")
    for url in (
        "http://10.0.0.1/",
        "http://169.254.169.254/",
        "http://192.168.1.1/",
        "http://[::a9fe:a9fe]/",
    ):
        with pytest.raises(EgressRefused):
            DEV.check_url(url)


def resolver(table: dict[str, list[list[str]]]) -> Any:
    """Answers from `table[host]` in turn (the last answer repeats); counts lookups."""
    calls: dict[str, int] = {}

    async def resolve(host: str, _port: int) -> list[str]:
        n = calls.get(host, 0)
        calls[host] = n + 1
        answers = table[host]
        return answers[min(n, len(answers) - 1)]

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


async def test_resolution_refuses_private_and_mixed_answers() -> None:
    policy = EgressPolicy(
        allow_loopback=False,
        require_https=True,
        resolver=resolver({"evil.test": [["10.0.0.8"]], "mixed.test": [["93.184.216.34", "127.0.0.1"]]}),
    )
    with pytest.raises(EgressRefused, match="private"):
        await policy.resolve("evil.test", 443)
    with pytest.raises(EgressRefused, match="loopback"):
        await policy.resolve("mixed.test", 443)


class Receiver:
    """A loopback HTTP server; `redirect_to` makes it answer 307 with that Location."""

    def __init__(self) -> None:
        self.hits: list[dict[str, str]] = []
        self.redirect_to: str | None = None

    async def handle(self, request: web.Request) -> web.Response:
        self.hits.append({"host": request.headers["Host"], "path": request.path})
        if self.redirect_to and request.path != "/final":
            return web.Response(status=307, headers={"Location": self.redirect_to, "Connection": "close"})
        return web.Response(text="ok", headers={"Connection": "close"})


@pytest.fixture
async def receiver() -> Any:
    rx = Receiver()
    app = web.Application()
    app.router.add_post("/{tail:.*}", rx.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    rx.port = site._server.sockets[0].getsockname()[1]  # type: ignore[attr-defined,union-attr]
    yield rx
    await runner.cleanup()


def sender(policy: EgressPolicy, session: aiohttp.ClientSession) -> CallbackSender:
    async def no_sleep(_s: float) -> None:
        return None

    return CallbackSender(
        lambda: session,
        MemorySecrets({"gatehouse-callback-t1": b"s3cret"}),
        policy,
        max_attempts=2,
        sleep=no_sleep,
    )


async def test_dns_rebinding_cannot_reach_a_private_address(receiver: Any) -> None:
    """First lookup: loopback (allowed in dev). Then the name rebinds to a private address: refused,
    and the connection that was made went to the address that was checked."""
    lookups = resolver({"rebind.test": [["127.0.0.1"], ["10.0.0.7"]]})
    policy = EgressPolicy(allow_loopback=True, require_https=False, resolver=lookups)
    async with aiohttp.ClientSession(connector=egress_connector(policy)) as session:
        first = await sender(policy, session).deliver("t1", "j1", f"http://rebind.test:{receiver.port}/h", {})
        second = await sender(policy, session).deliver(
            "t1", "j1", f"http://rebind.test:{receiver.port}/h", {}
        )
    assert first.delivered
    assert receiver.hits[0]["host"] == f"rebind.test:{receiver.port}"  # pinned IP, original Host
    assert not second.delivered
    assert "private" in (second.error or "")
    assert len(receiver.hits) == 1  # the rebound answer never produced a request
    assert lookups.calls["rebind.test"] >= 2  # resolved per connection, not cached past its check


@pytest.mark.parametrize(
    "location",
    [
        "http://10.0.0.9/steal",
        "http://169.254.169.254/computeMetadata/v1/",
        "http://metadata.google.internal/",
        "http://internal-name.test/",  # resolves (injected) to a private address
    ],
)
async def test_redirect_to_private_is_refused(receiver: Any, location: str) -> None:
    lookups = resolver({"internal-name.test": [["192.168.5.5"]], "localhost": [["127.0.0.1"]]})
    policy = EgressPolicy(allow_loopback=True, require_https=False, resolver=lookups)
    receiver.redirect_to = location
    async with aiohttp.ClientSession(connector=egress_connector(policy)) as session:
        outcome = await sender(policy, session).deliver("t1", "j1", f"http://127.0.0.1:{receiver.port}/h", {})
    assert not outcome.delivered
    assert outcome.attempts == 1  # a refusal is final, not retried
    assert any(word in (outcome.error or "") for word in ("private", "metadata", "link-local"))
    assert len(receiver.hits) == 1


async def test_redirect_to_allowed_host_is_followed(receiver: Any) -> None:
    policy = EgressPolicy(allow_loopback=True, require_https=False)
    receiver.redirect_to = f"http://127.0.0.1:{receiver.port}/final"
    async with aiohttp.ClientSession(connector=egress_connector(policy)) as session:
        outcome = await sender(policy, session).deliver("t1", "j1", f"http://127.0.0.1:{receiver.port}/h", {})
    assert outcome.delivered
    assert [hit["path"] for hit in receiver.hits] == ["/h", "/final"]
