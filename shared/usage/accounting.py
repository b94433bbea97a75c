"""The accounting stage: tokens and cost of every answer, for the request log and the ledger."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from shared.cost.prices import PriceTable
from shared.log import get_logger
from shared.pipeline import Call, Handler, Outcome
from shared.providers.base import GeminiBody
from shared.streams import tap
from shared.usage.aggregator import UsageAggregator
from shared.usage.ledger import UsageDelta, UsageKey

__all__ = ["Accounting"]

log = get_logger("gatehouse.usage")


class Accounting:
    """Outermost stage: sees the final outcome (cache hit or upstream answer, streamed or not)."""

    def __init__(
        self,
        prices: PriceTable,
        aggregator: UsageAggregator | None,
        now: Callable[[], float] = time.time,
    ) -> None:
        self._prices = prices
        self._aggregator = aggregator
        self._now = now
        self._day_number = -1
        self._day_text = ""

    def _day(self, now: float) -> str:
        """The UTC day of `now`, formatted once per day rather than once per request."""
        number = int(now // 86400)
        if number != self._day_number:
            self._day_number, self._day_text = number, time.strftime("%Y-%m-%d", time.gmtime(number * 86400))
        return self._day_text

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        outcome = await next_handler(call)
        if call.operation not in ("generate", "embed"):
            return outcome
        if outcome.response is not None:
            self.account(call, outcome, outcome.response)
        elif outcome.chunks is not None:
            watch = _Watch(self, call, outcome)
            outcome.chunks = tap(outcome.chunks, watch.step, watch.end)
        return outcome

    def account(self, call: Call, outcome: Outcome, response: GeminiBody) -> None:
        usage = call.usage(response)
        served = str(response.get("modelVersion") or (outcome.target.model if outcome.target else call.model))
        cost = self._prices.cost(served, usage) or self._prices.cost(call.model, usage)
        hit = outcome.cache in ("hit", "semantic")
        attrs: dict[str, Any] = call.attrs
        judge_usd = float((attrs.get("cache_judge") or {}).get("usd") or 0.0)  # the cache's judge tier
        attrs["served_model"] = served
        attrs["tokens"] = {
            "prompt": usage.prompt,
            "cached": usage.cached,
            "candidates": usage.candidates,
            "thoughts": usage.thoughts,
            "total": usage.total,
        }
        if cost is None:
            attrs["cost"] = {"unpriced": True}
            if judge_usd:
                attrs["cost"]["cache_judge_usd"] = round(judge_usd, 9)
            log.warning("unpriced model", extra={"model": served})
        else:
            spent = (0.0 if hit else cost.total_usd) + judge_usd
            attrs["cost"] = {"usd": round(spent, 9), "price_version": cost.price_version, "tier": cost.tier}
            if hit:
                attrs["cost"]["saved_usd"] = round(cost.total_usd, 9)
            if judge_usd:
                attrs["cost"]["cache_judge_usd"] = round(judge_usd, 9)
        if self._aggregator is None:
            return
        day = self._day(self._now())
        layer = attrs.get("cache_layer") if hit else None
        ledger: dict[str, Any] = {"day": day, "hit": hit}  # logged: with tokens and cost, the exact delta
        if layer:
            ledger["layer"] = layer
        attrs["ledger"] = ledger
        key = UsageKey(call.tenant.id, day, served)
        delta = UsageDelta.of_request(attrs["tokens"], attrs["cost"], hit, layer)
        if attrs.get("_defer_usage"):  # a job: the worker adds it once the result is stored, once
            attrs["_usage"] = (key, delta)
            return
        self._aggregator.add(key, delta)


class _Watch:
    """Account once the stream ends, however it ends: Vertex reports cumulative usage on every
    chunk and bills what it streamed, so a cut or abandoned stream is billed to its last report
    (and marked `partial` in the request log). A level of the stream (shared/streams.py)."""

    __slots__ = ("_accounting", "_call", "_last", "_outcome")

    def __init__(self, accounting: Accounting, call: Call, outcome: Outcome) -> None:
        self._accounting = accounting
        self._call = call
        self._outcome = outcome
        self._last: GeminiBody = {}

    def step(self, chunk: GeminiBody) -> GeminiBody:
        if chunk.get("usageMetadata"):
            self._last = chunk
        return chunk

    def end(self, error: BaseException | None) -> None:
        if error is not None:
            self._call.attrs["stream_partial"] = True
        self._accounting.account(self._call, self._outcome, self._last)
        if error is not None:
            raise error
