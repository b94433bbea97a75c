"""The price table (a versioned data file) and the cost of one response, from its usageMetadata."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Cost", "PriceTable", "Usage", "usage_from_metadata"]

DEFAULT_TABLE = Path(__file__).with_name("prices.json")
_VERSION_SUFFIX = re.compile(r"-(\d{3}|latest)$")
_MILLION = 1_000_000


class Tier(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    max_prompt_tokens: int | None = Field(description="Upper bound of this tier; None: no bound.")
    input: float = Field(ge=0)
    cached_input: float = Field(ge=0)
    output: float = Field(ge=0)


class ModelPrice(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    as_of: str
    note: str = ""
    tiers: tuple[Tier, ...] = Field(min_length=1)

    def tier_for(self, prompt_tokens: int) -> tuple[int, Tier]:
        for index, tier in enumerate(self.tiers):
            if tier.max_prompt_tokens is None or prompt_tokens <= tier.max_prompt_tokens:
                return index, tier
        return len(self.tiers) - 1, self.tiers[-1]


class _Table(BaseModel):
    version: str
    currency: str
    unit: str
    notes: str = ""
    models: dict[str, ModelPrice]


@dataclass(frozen=True, slots=True)
class Usage:
    """Token counts as Gemini reports them; `prompt` includes `cached`."""

    prompt: int = 0
    cached: int = 0
    candidates: int = 0
    thoughts: int = 0
    total: int = 0

    @property
    def counts(self) -> tuple[int, int, int]:
        """(prompt, cached, candidates + thoughts): what quotas and budgets settle."""
        return self.prompt, self.cached, self.candidates + self.thoughts


_USAGE_FIELDS = (
    ("promptTokenCount", "prompt_token_count"),
    ("cachedContentTokenCount", "cached_content_token_count"),
    ("candidatesTokenCount", "candidates_token_count"),
    ("thoughtsTokenCount", "thoughts_token_count"),
    ("totalTokenCount", "total_token_count"),
)
_ABSENT = object()


def usage_from_metadata(meta: dict[str, Any] | None) -> Usage:
    """Camel-case field first (even when null), then snake case; anything not a number counts 0.
    A plain loop, not a closure per call: it runs two or three times per answer (accounting, cache)."""
    if not meta:
        return Usage()
    counts = []
    for camel, snake in _USAGE_FIELDS:
        value = meta.get(camel, _ABSENT)
        if value is _ABSENT:
            value = meta.get(snake, 0)
        counts.append(int(value) if isinstance(value, int | float) else 0)
    return Usage(*counts)


@dataclass(frozen=True, slots=True)
class Cost:
    input_usd: float
    cached_usd: float
    output_usd: float
    thinking_usd: float
    tier: int
    price_version: str

    @property
    def total_usd(self) -> float:
        return self.input_usd + self.cached_usd + self.output_usd + self.thinking_usd


class PriceTable:
    def __init__(self, table: _Table) -> None:
        self._table = table
        self.version = table.version

    @classmethod
    def load(cls, path: Path = DEFAULT_TABLE) -> PriceTable:
        return cls(_Table.model_validate(orjson.loads(path.read_bytes())))

    def price(self, model: str) -> ModelPrice | None:
        """Exact id first, then without a `-001`/`-latest` version suffix or a `publishers/` path."""
        name = model.rsplit("/", 1)[-1]
        return self._table.models.get(name) or self._table.models.get(_VERSION_SUFFIX.sub("", name))

    def cost(self, model: str, usage: Usage) -> Cost | None:
        """None when the model is not in the table: callers log it as unpriced, never as zero."""
        price = self.price(model)
        if price is None:
            return None
        index, tier = price.tier_for(usage.prompt)
        cached = min(usage.cached, usage.prompt)
        return Cost(
            input_usd=(usage.prompt - cached) * tier.input / _MILLION,
            cached_usd=cached * tier.cached_input / _MILLION,
            output_usd=usage.candidates * tier.output / _MILLION,
            thinking_usd=usage.thoughts * tier.output / _MILLION,
            tier=index,
            price_version=self.version,
        )
