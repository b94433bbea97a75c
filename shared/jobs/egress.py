"""Outbound URL policy for callbacks (SSRF): where Gatehouse may connect on a tenant's behalf.

Production allows only public (globally routable) addresses; dev mode also allows loopback.
An IPv4 address embedded in an IPv6 one (IPv4-mapped, IPv4-compatible, SIIT-translated, NAT64
64:ff9b::/96, 6to4 2002::/16, Teredo 2001::/32) is decoded and checked as the IPv4 address it
reaches, so `64:ff9b::a9fe:a9fe` is the metadata server, not a public IPv6 address.
`localhost` names are refused up front (at submission or when an admin saves a URL), not only
when they resolve at delivery. The same checks guard callback URLs and route-plan endpoint URLs:
`check_url` (syntax and literals, synchronous) and `check_url_resolved` (plus one DNS lookup).
A host name is resolved ONCE per connection by `PinnedResolver`, every address is checked,
and the connection goes to the checked address, so a DNS answer that changes between check and
connect (rebinding) cannot reach a private address. IP literals skip DNS and are checked here
before any request; redirects are validated hop by hop by the caller (callbacks.py).
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from shared.errors import GatehouseError

__all__ = ["EgressPolicy", "EgressRefused", "PinnedResolver", "Resolver", "embedded_ipv4", "system_resolver"]

Resolver = Callable[[str, int], Awaitable[list[str]]]

_METADATA_HOSTS = frozenset({"metadata", "metadata.google.internal", "metadata.goog", "instance-data"})
_METADATA_IPS = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")
)
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052 well-known prefix
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215 local use: never public
_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated IPv4-compatible (:: and ::1 excluded below)
_TRANSLATED = ipaddress.ip_network("::ffff:0:0:0/96")  # SIIT IPv4-translated (RFC 2765)


class EgressRefused(GatehouseError):
    """A URL Gatehouse will not connect to (callback or endpoint). Permanent; the message says why."""

    http_status = 400
    code = "url_refused"


def embedded_ipv4(ip: IpAddress) -> tuple[list[ipaddress.IPv4Address], bool]:
    """The IPv4 addresses an IPv6 address reaches, and whether it is purely a translation of them
    (then the IPv4 verdict is the whole verdict; Teredo is also judged as the IPv6 address it is)."""
    if isinstance(ip, ipaddress.IPv4Address):
        return [], False
    low32 = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped], True
    if ip in _NAT64 or ip in _TRANSLATED:
        return [low32], True
    if ip in _COMPATIBLE and int(ip) > 1:
        return [low32], True
    if ip.sixtofour is not None:
        return [ip.sixtofour], True
    if ip.teredo is not None:
        return list(ip.teredo), False
    return [], False


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class EgressPolicy:
    def __init__(self, *, allow_loopback: bool, require_https: bool, resolver: Resolver = system_resolver):
        self.allow_loopback = allow_loopback
        self.require_https = require_https
        self._resolver = resolver

    def check_url(self, raw: str, *, subject: str = "callback_url") -> URL:
        """Syntax, scheme, credentials, metadata and localhost names and IP literals; other DNS
        names are checked when they resolve (`check_url_resolved`, and per connection).
        `subject` names the field in the refusal (`callback_url`, `endpoint_url`, ...)."""
        try:
            url = URL(raw)
        except (ValueError, TypeError):
            raise EgressRefused(f"{subject} is not a valid URL") from None
        schemes = ("https",) if self.require_https else ("https", "http")
        if url.scheme not in schemes or not url.host:
            raise EgressRefused(f"{subject} must be an absolute {' or '.join(schemes)} URL")
        if url.user or url.password:
            raise EgressRefused(f"{subject} must not carry credentials")
        host = url.host.rstrip(".").lower()
        if host in _METADATA_HOSTS or host.endswith(".internal"):
            raise EgressRefused(f"{subject} host `{host}` is a metadata or internal name")
        if (host == "localhost" or host.endswith(".localhost")) and not self.allow_loopback:
            raise EgressRefused(f"{subject} host `{host}` is a localhost name")
        literal = _as_ip(host)
        if literal is not None:
            self.check_ip(literal, host, subject=subject)
        return url

    async def check_url_resolved(self, raw: str, *, subject: str = "callback_url") -> URL:
        """`check_url` plus one DNS lookup whose every answer must be allowed (for saving a URL;
        delivery still re-resolves and pins per connection)."""
        url = self.check_url(raw, subject=subject)
        assert url.host is not None  # check_url refuses URLs without a host
        await self.resolve(url.host, url.port or 443, subject=subject)
        return url

    def check_ip(self, ip: IpAddress, host: str, *, subject: str = "callback_url") -> None:
        embedded, translation = embedded_ipv4(ip)
        for v4 in embedded:
            self._check_one(v4, host, subject)
        if not translation:
            if ip in _NAT64_LOCAL:
                raise EgressRefused(f"{subject} host `{host}` resolves to a private or reserved address")
            self._check_one(ip, host, subject)

    def _check_one(self, ip: IpAddress, host: str, subject: str) -> None:
        if ip in _METADATA_IPS:
            raise EgressRefused(f"{subject} host `{host}` resolves to a metadata address")
        if ip.is_loopback:
            if self.allow_loopback:
                return
            raise EgressRefused(f"{subject} host `{host}` resolves to a loopback address")
        if ip.is_link_local:
            raise EgressRefused(f"{subject} host `{host}` resolves to a link-local address")
        if ip.is_private or not ip.is_global or ip.is_multicast or ip.is_unspecified:
            raise EgressRefused(f"{subject} host `{host}` resolves to a private or reserved address")

    async def resolve(self, host: str, port: int, *, subject: str = "callback_url") -> list[IpAddress]:
        """Resolve once; refuse unless every address is allowed (no mixing public and private)."""
        literal = _as_ip(host)
        if literal is not None:
            self.check_ip(literal, host, subject=subject)
            return [literal]
        try:
            answers = await self._resolver(host, port)
        except OSError as error:
            raise EgressRefused(
                f"{subject} host `{host}` does not resolve ({error.strerror or error})"
            ) from None
        ips = [ipaddress.ip_address(a.split("%", 1)[0]) for a in answers]
        if not ips:
            raise EgressRefused(f"{subject} host `{host}` has no addresses")
        for ip in ips:
            self.check_ip(ip, host, subject=subject)
        return ips


def _as_ip(host: str) -> IpAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


class PinnedResolver(AbstractResolver):
    """aiohttp resolver: the connection uses exactly the addresses the policy approved."""

    def __init__(self, policy: EgressPolicy) -> None:
        self._policy = policy

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        ips = await self._policy.resolve(host, port)
        return [
            {
                "hostname": host,
                "host": str(ip),
                "port": port,
                "family": socket.AF_INET6 if ip.version == 6 else socket.AF_INET,
                "proto": 0,
                "flags": socket.AI_NUMERICHOST,
            }
            for ip in ips
        ]

    async def close(self) -> None:
        return None


def egress_connector(policy: EgressPolicy, limit: int = 64) -> Any:
    """A connector whose every DNS lookup goes through `policy` (no DNS cache to go stale)."""
    import aiohttp

    return aiohttp.TCPConnector(resolver=PinnedResolver(policy), use_dns_cache=False, limit=limit)
