"""Fakes that satisfy shared/'s Protocols, for unit tests without network."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from shared.errors import GatehouseError
from shared.pipeline import Call, Outcome
from shared.providers.base import GeminiBody, Target
from shared.tenants import ApiKeyRecord, Tenant


class MemorySecrets:
    def __init__(self, values: dict[str, bytes] | None = None) -> None:
        self.values = values or {}
        self.reads = 0

    async def get(self, name: str, version: str = "latest") -> bytes | None:
        self.reads += 1
        return self.values.get(name if version == "latest" else f"{name}/versions/{version}")


class MemoryTenants:
    def __init__(self) -> None:
        self.tenants: dict[str, Tenant] = {}
        self.keys: dict[str, ApiKeyRecord] = {}
        self.key_reads = 0
        self.fail: Exception | None = None

    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        return self.tenants.get(tenant_id)

    async def get_key(self, key_hash: str) -> ApiKeyRecord | None:
        self.key_reads += 1
        if self.fail:
            raise self.fail
        return self.keys.get(key_hash)

    async def put_tenant(self, tenant: Tenant) -> None:
        self.tenants[tenant.id] = tenant

    async def put_key(self, record: ApiKeyRecord) -> None:
        self.keys[record.key_hash] = record


def answer(text: str, *, finish: str | None = "STOP", usage: dict[str, int] | None = None) -> GeminiBody:
    candidate: dict[str, Any] = {"content": {"role": "model", "parts": [{"text": text}]}}
    if finish:
        candidate["finishReason"] = finish
    return {
        "candidates": [candidate],
        "usageMetadata": usage or {"promptTokenCount": 3, "totalTokenCount": 3},
    }


class FakeProvider:
    """Records calls; answers from `script` (a list of bodies or exceptions, consumed in order)."""

    def __init__(self, script: list[Any] | None = None, chunks: list[Any] | None = None) -> None:
        self.script = list(script or [])
        self.chunks = list(chunks or [])
        self.calls: list[tuple[str, Target, GeminiBody]] = []

    def _next(self, body: GeminiBody) -> GeminiBody:
        item = self.script.pop(0) if self.script else answer("echo")
        if isinstance(item, Exception):
            raise item
        return item  # type: ignore[no-any-return]

    async def generate(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody:
        self.calls.append(("generate", target, body))
        return self._next(body)

    async def count_tokens(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody:
        self.calls.append(("countTokens", target, body))
        return {"totalTokens": 7}

    async def stream(self, target: Target, body: GeminiBody, *, timeout: float) -> AsyncIterator[GeminiBody]:
        self.calls.append(("stream", target, body))
        for item in self.chunks:
            if isinstance(item, GatehouseError | Exception):
                raise item
            yield item


async def prepend(first: GeminiBody, rest: AsyncIterator[GeminiBody]) -> AsyncIterator[GeminiBody]:
    yield first
    async for chunk in rest:
        yield chunk


class FirstTarget:
    """A bare test terminal: one call to `provider` in `region`, no retries or breakers."""

    def __init__(self, provider: Any, region: str = "us-central1") -> None:
        self._provider = provider
        self._region = region

    async def __call__(self, call: Call) -> Outcome:
        target = Target("vertex", call.model, call.tenant.region or self._region)
        call.attrs["route"] = {"target": target.name, "attempts": 1, "failovers": 0}
        with call.timings.span("upstream"):
            if call.operation == "countTokens":
                response = await self._provider.count_tokens(target, call.body, timeout=30)
                return Outcome(response=response, target=target, cache="bypass")
            if not call.stream:
                return Outcome(
                    response=await self._provider.generate(target, call.body, timeout=30), target=target
                )
            chunks = self._provider.stream(target, call.body, timeout=30)
            first = await anext(chunks)
        return Outcome(chunks=prepend(first, chunks), target=target)
