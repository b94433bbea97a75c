"""Scripted providers and a fake clock for the routing/resilience unit tests."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

from shared.errors import UpstreamError
from shared.pipeline import Call
from shared.providers.base import GeminiBody, Target
from shared.resilience.breaker import BreakerConfig, Breakers
from shared.resilience.retry import RetryConfig
from shared.resilience.terminal import ResilientUpstream
from shared.routing.router import PlanRouter
from shared.tenants import Tenant
from tests.fakes import answer


class FakeTime:
    """A monotonic clock that only moves when slept on (or advanced by a test)."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class Scripted:
    """Answers per region from a script: bodies, exceptions, or ('slow', seconds, body)."""

    def __init__(self, script: dict[str, list[Any]] | None = None, default: Any = None) -> None:
        self.script = {k: list(v) for k, v in (script or {}).items()}
        self.default = default
        self.calls: list[Target] = []
        self.cancelled: list[Target] = []

    def _next(self, target: Target) -> Any:
        queue = self.script.get(target.region) or self.script.get(target.model)
        if queue:
            return queue.pop(0) if len(queue) > 1 else queue[0]
        return self.default if self.default is not None else answer(f"from {target.region}")

    async def _resolve(self, target: Target) -> Any:
        self.calls.append(target)
        item = self._next(target)
        if isinstance(item, tuple) and item[0] == "slow":
            try:
                await asyncio.sleep(item[1])
            except asyncio.CancelledError:
                self.cancelled.append(target)
                raise
            item = item[2]
        if isinstance(item, BaseException):
            raise item
        return item

    async def generate(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody:
        return await self._resolve(target)  # type: ignore[no-any-return]

    async def count_tokens(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody:
        self.calls.append(target)
        return {"totalTokens": 3}

    async def stream(self, target: Target, body: GeminiBody, *, timeout: float) -> AsyncIterator[GeminiBody]:
        items = await self._resolve(target)
        for item in items:
            if isinstance(item, BaseException):
                raise item
            yield item


def err(status: int, retry_after: float | None = None, message: str = "boom") -> UpstreamError:
    return UpstreamError(status, message, retry_after=retry_after)


def make_call(
    tenant: Tenant,
    model: str = "gemini-2.5-flash",
    *,
    deadline_s: float = 30.0,
    clock: Any = None,
    stream: bool = False,
    tag: str | None = None,
    text: str = "hi",
) -> Call:
    now = clock() if clock else time.monotonic()
    call = Call(
        "req-123456",
        tenant,
        "gemini",
        model,
        {"contents": [{"role": "user", "parts": [{"text": text}]}]},
        stream,
        now + deadline_s,
    )
    if tag:
        call.attrs["tag"] = tag
    return call


def two_regions(**routing: Any) -> Tenant:
    plan = {
        "targets": [
            {"model": "gemini-2.5-flash", "region": "a"},
            {"model": "gemini-2.5-flash", "region": "b"},
        ]
    }
    return Tenant(id="t", routing={"plans": {"main": plan}, "aliases": {"fast": "main"}, **routing})


def upstream(
    provider: Any,
    clock: FakeTime | None = None,
    *,
    breaker: BreakerConfig | None = None,
    retry: RetryConfig | None = None,
    providers: dict[str, Any] | None = None,
) -> ResilientUpstream:
    kwargs: dict[str, Any] = {}
    if clock is not None:
        kwargs = {"sleep": clock.sleep, "clock": clock}
    breakers = Breakers(breaker or BreakerConfig(), clock=clock or time.monotonic)
    return ResilientUpstream(
        PlanRouter("us-central1"),
        providers or {"vertex": provider},
        breakers,
        retry or RetryConfig(),
        **kwargs,
    )
