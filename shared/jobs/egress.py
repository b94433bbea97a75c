"""Outbound URL policy for callbacks (SSRF): where Gatehouse may connect on a tenant's behalf.

Production allows only public (globally routable) addresses; dev mode also allows loopback.
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

__all__ = ["EgressPolicy", "EgressRefused", "PinnedResolver", "Resolver", "system_resolver"]

Resolver = Callable[[str, int], Awaitable[list[str]]]

_METADATA_HOSTS = frozenset({"metadata", "metadata.google.internal", "metadata.goog", "instance-data"})
_METADATA_IPS = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200")
)
IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class EgressRefused(GatehouseError):
    """A callback URL Gatehouse will not connect to. Permanent; the message says why."""

    http_status = 400
    code = "callback_refused"


async def system_resolver(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class EgressPolicy:
    def __init__(self, *, allow_loopback: bool, require_https: bool, resolver: Resolver = system_resolver):
        self.allow_loopback = allow_loopback
        self.require_https = require_https
        self._resolver = resolver

    def check_url(self, raw: str) -> URL:
        """Syntax, scheme, credentials, metadata names and IP literals; DNS names are checked later."""
        try:
            url = URL(raw)
        except (ValueError, TypeError):
            raise EgressRefused("callback_url is not a valid URL") from None
        schemes = ("https",) if self.require_https else ("https", "http")
        if url.scheme not in schemes or not url.host:
            raise EgressRefused(f"callback_url must be an absolute {' or '.join(schemes)} URL")
        if url.user or url.password:
            raise EgressRefused("callback_url must not carry credentials")
        host = url.host.rstrip(".").lower()
        if host in _METADATA_HOSTS or host.endswith(".internal"):
            raise EgressRefused(f"callback host `{host}` is a metadata or internal name")
        literal = _as_ip(host)
        if literal is not None:
            self.check_ip(literal, host)
        return url

    def check_ip(self, ip: IpAddress, host: str) -> None:
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if ip in _METADATA_IPS:
            raise EgressRefused(f"callback host `{host}` resolves to a metadata address")
        if ip.is_loopback:
            if self.allow_loopback:
                return
            raise EgressRefused(f"callback host `{host}` resolves to a loopback address")
        if ip.is_link_local:
            raise EgressRefused(f"callback host `{host}` resolves to a link-local address")
        if ip.is_private or not ip.is_global or ip.is_multicast:
            raise EgressRefused(f"callback host `{host}` resolves to a private or reserved address")

    async def resolve(self, host: str, port: int) -> list[IpAddress]:
        """Resolve once; refuse unless every address is allowed (no mixing public and private)."""
        literal = _as_ip(host)
        if literal is not None:
            self.check_ip(literal, host)
            return [literal]
        try:
            answers = await self._resolver(host, port)
        except OSError as error:
            raise EgressRefused(
                f"callback host `{host}` does not resolve ({error.strerror or error})"
            ) from None
        ips = [ipaddress.ip_address(a.split("%", 1)[0]) for a in answers]
        if not ips:
            raise EgressRefused(f"callback host `{host}` has no addresses")
        for ip in ips:
            self.check_ip(ip, host)
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
