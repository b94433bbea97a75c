"""Per-tenant cache settings: one nested model stored on the tenant profile."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["CacheMode", "CacheSettings", "effective_mode"]

CacheMode = Literal["bypass", "exact", "semantic"]
_RANK: dict[str, int] = {"bypass": 0, "exact": 1, "semantic": 2}


class CacheSettings(BaseModel):
    """What a tenant allows the cache to do. The safe default: exact matches only."""

    # like Tenant: unknown stored fields are ignored, so older code reads profiles saved by newer code
    model_config = ConfigDict(extra="ignore", frozen=True)

    enabled: bool = Field(True, description="Serve and store exact-match answers (L1 + L2).")
    ttl_s: int | None = Field(
        None, ge=1, le=30 * 86400, description="Entry lifetime; None: the gateway's default TTL."
    )
    semantic: bool = Field(False, description="Also serve near-duplicate questions (L3, embeddings).")
    threshold: float | None = Field(
        None,
        gt=0,
        lt=1,
        description="Cap on the cosine distance of a semantic candidate; None: the embedding model's "
        "default.",
    )
    shadow: bool = Field(
        False,
        description="Never serve semantic hits: call upstream, compare its answer with the would-be hit's, "
        "and feed the calibration.",
    )
    target_error_rate: float = Field(
        0.02,
        ge=0.001,
        le=0.2,
        description="Bound on the share of wrong semantic hits: hits are served only at distances where the "
        "calibration's upper confidence bound on the observed disagreement stays below it.",
    )
    verify_fraction: float = Field(
        0.0,
        ge=0,
        le=0.5,
        description="Share of served-eligible semantic hits that call upstream anyway (and serve the fresh "
        "answer) to keep the calibration current.",
    )
    judge: bool = Field(
        False,
        description="Ask a cheap Gemini model whether the cached answer serves the new question before "
        "serving a semantic hit (costs one small call per hit, within a latency budget).",
    )
    allow_nonzero_temperature: bool = Field(
        False, description="Cache answers to requests with temperature > 0 (one sample stands for all)."
    )
    # purge generations (written by the admin service's purge, part of every cache key): bumping one
    # orphans the tenant's entries (or one model's) on every instance once it re-reads the tenant
    generation: int = Field(0, ge=0, description="Purge generation of the tenant's whole cache.")
    model_generations: dict[str, int] = Field(
        default_factory=dict, description="Purge generation per model (purge of one model)."
    )

    def generation_for(self, model: str) -> int:
        """Changes whenever the tenant's or this model's cache is purged (both only ever grow)."""
        return self.generation + self.model_generations.get(model, 0)

    def mode(self) -> CacheMode:
        if not self.enabled:
            return "bypass"
        return "semantic" if (self.semantic or self.shadow) else "exact"


def effective_mode(tenant: CacheSettings, requested: CacheMode | None) -> CacheMode:
    """A request header may narrow what the tenant allows, never widen it."""
    allowed = tenant.mode()
    if requested is None or _RANK[requested] >= _RANK[allowed]:
        return allowed
    return requested
