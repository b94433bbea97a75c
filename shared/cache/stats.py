"""Cache statistics per instance: hits per layer, tokens and USD saved."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from shared.cost.prices import usage_from_metadata

__all__ = ["CacheStats", "PriceLookup", "usage_tokens"]

# (model, usageMetadata) -> USD that answer cost upstream, or None when the price is unknown.
PriceLookup = Callable[[str, dict[str, Any]], float | None]


def usage_tokens(response: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """(total tokens, the raw usageMetadata) of an answer; parsing is the cost module's."""
    usage = response.get("usageMetadata") or response.get("usage_metadata") or {}
    if not isinstance(usage, dict):
        return 0, {}
    return usage_from_metadata(usage).total, usage


class CacheStats:
    """Counters since the instance started; `price` comes from the cost module when wired."""

    def __init__(self, price: PriceLookup | None = None) -> None:
        self.price = price
        self.outcomes: Counter[str] = Counter()  # l1, l2, semantic, flight, miss, bypass, shadow, ...
        self.tokens_saved = 0
        self.usd_saved = 0.0
        self.rejected: Counter[str] = Counter()  # semantic neighbours rejected, by guard

    def count(self, outcome: str) -> None:
        self.outcomes[outcome] += 1

    def priced(self, model: str, response: dict[str, Any]) -> tuple[int, float | None]:
        """(tokens, USD or None when unpriced) that serving `response` saves, not counted yet."""
        tokens, usage = usage_tokens(response)
        return tokens, self.price(model, usage) if self.price is not None else None

    def add_saved(self, saved: tuple[int, float | None]) -> tuple[int, float | None]:
        tokens, usd = saved
        self.tokens_saved += tokens
        if usd is not None:
            self.usd_saved += usd
        return saved

    def snapshot(self) -> dict[str, Any]:
        hits = sum(self.outcomes[k] for k in ("l1", "l2", "semantic", "flight"))
        lookups = hits + self.outcomes["miss"]
        return {
            "outcomes": dict(self.outcomes),
            "hit_rate": round(hits / lookups, 4) if lookups else 0.0,
            "tokens_saved": self.tokens_saved,
            "usd_saved": round(self.usd_saved, 6),
            "semantic_rejected": dict(self.rejected),
        }
