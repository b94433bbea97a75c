"""The limits stage: admits a generate (or embedding) call against quotas and budgets, settles it to
its usage.

Outermost stage, so a refusal costs no policy or cache work. Streams settle when they end, and a
cut stream at its last usage report (Vertex reports cumulative usage on every chunk).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING

from shared.pipeline import Call, Handler, Outcome
from shared.providers.base import GeminiBody
from shared.streams import tap

if TYPE_CHECKING:  # built by the first limited call: an instance whose tenants set no limits never loads it
    from shared.limits.limiter import Limiter, Ticket

__all__ = ["KEY_ATTR", "RATELIMIT_ATTR", "LimitsStage"]

RATELIMIT_ATTR = "_ratelimit"  # call.attrs key: X-RateLimit-* for the response, encoded (never logged)
KEY_ATTR = "_api_key_id"  # call.attrs key: a hash identifying the caller's API key (per-key quotas)
_LIMITED = ("generate", "embed")
_FREE = ("hit", "semantic")


class LimitsStage:
    """`limiter` builds the Limiter (`Runtime.limiter`); it is called by the first call of a tenant
    with limits, so a cold start whose tenant sets none neither imports nor builds the limits machinery."""

    def __init__(self, limiter: Callable[[], Limiter]) -> None:
        self._build: Callable[[], Limiter] | None = limiter
        self._limiter: Limiter  # set by the first limited call, the only way to `_settle` and `_watch`

    def idle(self, call: Call) -> bool:
        """Nothing to admit or settle (the pipeline then skips the stage: shared/pipeline.py)."""
        return call.operation not in _LIMITED or not call.tenant.limits.enabled

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        if call.operation not in _LIMITED or not call.tenant.limits.enabled:  # `idle`
            return await next_handler(call)
        if self._build is not None:
            self._limiter, self._build = self._build(), None
        limiter = self._limiter
        ticket = limiter.begin(call.tenant, call.attrs.get(KEY_ATTR), call.model, call.body)
        if ticket is None:
            return await next_handler(call)
        if ticket.pending != -1:  # a block take or a slot lease: the store is needed
            await limiter.finish(ticket)
        call.attrs[RATELIMIT_ATTR] = ticket.raw
        try:
            outcome = await next_handler(call)
        except BaseException:
            limiter.settle(ticket, None, None)
            raise
        if outcome.chunks is not None:
            outcome.chunks = self._watch(call, ticket, outcome, outcome.chunks)
        else:
            response = outcome.response
            if response and outcome.cache not in _FREE and "cache_judge" not in call.attrs:
                target = outcome.target.model if outcome.target else None  # an answer (the usual case)
                limiter.settle_response(ticket, response, call.usage(response), target)
            else:
                self._settle(call, ticket, outcome, response)
        return outcome

    def _settle(self, call: Call, ticket: Ticket, outcome: Outcome, response: GeminiBody | None) -> None:
        # the semantic cache's judge call (hit or not) counts against the same quotas and budgets
        judge = call.attrs.get("cache_judge")
        target = outcome.target.model if outcome.target else None
        if outcome.cache in _FREE or not response:
            tokens, usd = (
                (int(judge.get("tokens") or 0), float(judge.get("usd") or 0.0)) if judge else (0, 0.0)
            )
            self._limiter.settle_counts(ticket, None, None, tokens, usd)
        elif judge:
            served = response.get("modelVersion") or target
            self._limiter.settle_counts(
                ticket,
                call.usage(response).counts,
                str(served) if served else None,
                int(judge.get("tokens") or 0),
                float(judge.get("usd") or 0.0),
            )
        else:
            self._limiter.settle_response(ticket, response, call.usage(response), target)

    def _watch(
        self, call: Call, ticket: Ticket, outcome: Outcome, chunks: AsyncIterator[GeminiBody]
    ) -> AsyncIterator[GeminiBody]:
        """Settle the stream when it ends, however it ends, to its last usage report (a level of the
        stream, shared/streams.py)."""
        last: GeminiBody | None = None

        def step(chunk: GeminiBody) -> GeminiBody:
            nonlocal last
            if chunk.get("usageMetadata"):
                last = chunk
            return chunk

        def end(error: BaseException | None) -> None:
            self._settle(call, ticket, outcome, last)
            if error is not None:
                raise error

        return tap(chunks, step, end)
