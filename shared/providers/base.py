"""The provider contract: every upstream speaks Gemini REST bodies in and out."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = ["GeminiBody", "Provider", "Target"]

GeminiBody = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Target:
    """One place a request can be served: a provider, a model and a region (+ endpoint)."""

    provider: str
    model: str
    region: str
    endpoint: str | None = None
    credential: str | None = None  # a Secret Manager secret name, for providers that take a key
    # `provider:model@region`, built once: a call reads it ~10 times (breaker, latency keys, route record)
    name: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", f"{self.provider}:{self.model}@{self.region}")


class Provider(Protocol):
    """A model family. Requests and responses are Gemini REST JSON (camelCase).

    One file per family under shared/providers/. A provider that cannot count tokens sets a class
    attribute `counts_tokens = False`; the router then keeps countTokens off its targets. A provider
    that serves embeddings has `async def embed(target, body, *, timeout)` (the body and answer are
    shared/dialects/embeddings.py's); the others are kept off embedding calls.

    `timeout` is the seconds the whole hop may take; None (unary calls only) means the caller bounds
    the call itself (the terminal's `asyncio.timeout` around an attempt), so no timer of the
    provider's own is armed for the same end (`shared.providers.transport.wire_timeout`).
    """

    async def generate(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody: ...

    def stream(self, target: Target, body: GeminiBody, *, timeout: float) -> AsyncIterator[GeminiBody]:
        """Yield response chunks; raise before the first one to signal a clean failure."""
        ...

    async def count_tokens(
        self, target: Target, body: GeminiBody, *, timeout: float | None
    ) -> GeminiBody: ...
