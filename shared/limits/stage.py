"""The limits stage: admits a generate (or embedding) call against quotas and budgets, settles it to
its usage.

Outermost stage, so a refusal costs no policy or cache work. Streams settle when they end, and a
cut stream at its last usage report (Vertex reports cumulative usage on every chunk).
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from shared.cost.prices import usage_from_metadata
from shared.limits.limiter import Limiter, Ticket
from shared.pipeline import Call, Handler, Outcome
from shared.providers.base import GeminiBody

__all__ = ["KEY_ATTR", "RATELIMIT_ATTR", "LimitsStage"]

RATELIMIT_ATTR = "_ratelimit"  # call.attrs key: X-RateLimit-* headers for the response (never logged)
KEY_ATTR = "_api_key_id"  # call.attrs key: a hash identifying the caller's API key (per-key quotas)


class LimitsStage:
    def __init__(self, limiter: Limiter) -> None:
        self._limiter = limiter

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        if call.operation not in ("generate", "embed") or not call.tenant.limits.enabled:
            return await next_handler(call)
        ticket = await self._limiter.admit(call.tenant, call.attrs.get(KEY_ATTR), call.model, call.body)
        if ticket is None:
            return await next_handler(call)
        call.attrs[RATELIMIT_ATTR] = ticket.headers
        try:
            outcome = await next_handler(call)
        except BaseException:
            self._limiter.settle(ticket, None, None)
            raise
        if outcome.chunks is not None:
            outcome.chunks = self._watch(call, ticket, outcome, outcome.chunks)
        else:
            self._settle(call, ticket, outcome, outcome.response)
        return outcome

    def _settle(self, call: Call, ticket: Ticket, outcome: Outcome, response: GeminiBody | None) -> None:
        # the semantic cache's judge call (hit or not) counts against the same quotas and budgets
        judge = call.attrs.get("cache_judge") or {}
        tokens, usd = int(judge.get("tokens") or 0), float(judge.get("usd") or 0.0)
        if outcome.cache in ("hit", "semantic") or not response:
            self._limiter.settle(ticket, None, None, tokens, usd)
            return
        meta = response.get("usageMetadata")
        served = response.get("modelVersion") or (outcome.target.model if outcome.target else None)
        self._limiter.settle(ticket, usage_from_metadata(meta), str(served) if served else None, tokens, usd)

    async def _watch(
        self, call: Call, ticket: Ticket, outcome: Outcome, chunks: AsyncIterator[GeminiBody]
    ) -> AsyncIterator[GeminiBody]:
        last: GeminiBody | None = None
        try:
            async for chunk in chunks:
                if chunk.get("usageMetadata"):
                    last = chunk
                yield chunk
        finally:
            self._settle(call, ticket, outcome, last)
