"""The limits stage: admits a generate (or embedding) call against quotas and budgets, settles it to
its usage.

Outermost stage, so a refusal costs no policy or cache work. Streams settle when they end, and a
cut stream at its last usage report (Vertex reports cumulative usage on every chunk).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from shared.limits.limiter import Limiter, Ticket
from shared.pipeline import Call, Handler, Outcome
from shared.providers.base import GeminiBody

__all__ = ["KEY_ATTR", "RATELIMIT_ATTR", "LimitsStage"]

RATELIMIT_ATTR = "_ratelimit"  # call.attrs key: X-RateLimit-* for the response, encoded (never logged)
KEY_ATTR = "_api_key_id"  # call.attrs key: a hash identifying the caller's API key (per-key quotas)
_LIMITED = ("generate", "embed")
_FREE = ("hit", "semantic")
_MISSING: Any = object()
_EMPTY: dict[str, Any] = {}


def _int(value: Any) -> int:
    return int(value) if isinstance(value, int | float) else 0


def _usage(response: GeminiBody) -> tuple[int, int, int]:
    """(prompt, cached, candidates + thoughts) tokens of an answer, read as
    `shared.cost.prices.usage_from_metadata` does: camelCase first (even when null), then snake_case;
    what is not a number counts 0."""
    get = (response.get("usageMetadata") or _EMPTY).get
    prompt = get("promptTokenCount", _MISSING)
    if prompt is _MISSING:
        prompt = get("prompt_token_count", 0)
    cached = get("cachedContentTokenCount", _MISSING)
    if cached is _MISSING:
        cached = get("cached_content_token_count", 0)
    output = get("candidatesTokenCount", _MISSING)
    if output is _MISSING:
        output = get("candidates_token_count", 0)
    thoughts = get("thoughtsTokenCount", _MISSING)
    if thoughts is _MISSING:
        thoughts = get("thoughts_token_count", 0)
    if (
        type(prompt) is not int
        or type(cached) is not int
        or type(output) is not int
        or type(thoughts) is not int
    ):
        prompt, cached, output, thoughts = _int(prompt), _int(cached), _int(output), _int(thoughts)
    return prompt, cached, output + thoughts


def _served(outcome: Outcome, response: GeminiBody) -> str | None:
    """The model that served the answer (its modelVersion, else the routed target)."""
    served = response.get("modelVersion") or (outcome.target.model if outcome.target else None)
    return str(served) if served else None


class LimitsStage:
    def __init__(self, limiter: Limiter) -> None:
        self._limiter = limiter

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        if call.operation not in _LIMITED or not call.tenant.limits.enabled:
            return await next_handler(call)
        ticket = self._limiter.begin(call.tenant, call.attrs.get(KEY_ATTR), call.model, call.body)
        if ticket is None:
            return await next_handler(call)
        if ticket.pending != -1:  # a block take or a slot lease: the store is needed
            await self._limiter.finish(ticket)
        call.attrs[RATELIMIT_ATTR] = ticket.raw
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
        judge = call.attrs.get("cache_judge")
        if judge or outcome.cache in _FREE or not response:
            tokens, usd = (
                (int(judge.get("tokens") or 0), float(judge.get("usd") or 0.0)) if judge else (0, 0.0)
            )
            if outcome.cache in _FREE or not response:
                self._limiter.settle_counts(ticket, None, None, tokens, usd)
            else:
                prompt, cached, output = _usage(response)
                self._limiter.settle_counts(
                    ticket, (prompt, cached, output), _served(outcome, response), tokens, usd
                )
            return
        prompt, cached, output = _usage(response)
        self._limiter.settle_answer(ticket, prompt, cached, output, _served(outcome, response))

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
