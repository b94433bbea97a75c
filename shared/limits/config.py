"""A tenant's spend-control settings: quotas (per tenant and per API key), budgets, fallback price."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["Budget", "FallbackPrice", "LimitSettings", "Quota"]

# Upper bounds: far above any real tenant, low enough that a typo (an extra six zeros) fails.
MAX_RPM = 10_000_000
MAX_TPM = 10_000_000_000
MAX_CONCURRENT = 100_000
MAX_USD = 10_000_000.0


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class Quota(_Frozen):
    """Rate and concurrency limits; None: unlimited. 0 refuses every call (a clear switch-off)."""

    requests_per_minute: int | None = Field(
        None,
        ge=0,
        le=MAX_RPM,
        description="Requests admitted per minute (fixed windows), cache hits included.",
    )
    tokens_per_minute: int | None = Field(
        None,
        ge=0,
        le=MAX_TPM,
        description="Input + output tokens per minute sent to the model (cache hits cost none); "
        "reserved from an estimate before the call, settled to usageMetadata after it.",
    )
    concurrent_requests: int | None = Field(
        None, ge=0, le=MAX_CONCURRENT, description="Calls in flight at once, across all instances."
    )

    @property
    def empty(self) -> bool:
        return (
            self.requests_per_minute is None
            and self.tokens_per_minute is None
            and self.concurrent_requests is None
        )


class Budget(_Frozen):
    """A spend cap in USD for one window; `hard` refuses with 429, `soft` serves and logs."""

    usd: float = Field(ge=0, le=MAX_USD, allow_inf_nan=False, description="Spend allowed per window, in USD.")
    mode: Literal["hard", "soft"] = Field(
        "hard", description="`hard`: refuse (429) once spent; `soft`: serve, log a `budget_exceeded` event."
    )


class FallbackPrice(_Frozen):
    """USD per million tokens for a model the price table does not know."""

    input_per_million: float = Field(ge=0, le=10_000, allow_inf_nan=False)
    output_per_million: float = Field(ge=0, le=10_000, allow_inf_nan=False)
    cached_input_per_million: float | None = Field(
        None,
        ge=0,
        le=10_000,
        allow_inf_nan=False,
        description="Price of input tokens served from Vertex AI's context cache "
        "(usageMetadata.cachedContentTokenCount); unset: the input price (a budget errs high).",
    )

    def usd(self, prompt: int, cached: int, output: int) -> float:
        """Micro-USD (unrounded) of one call: cached input (at most the prompt) at its own price."""
        cached = min(cached, prompt)
        cached_price = (
            self.input_per_million if self.cached_input_per_million is None else self.cached_input_per_million
        )
        return (
            (prompt - cached) * self.input_per_million
            + cached * cached_price
            + output * self.output_per_million
        )


class LimitSettings(_Frozen):
    """Spend control for one tenant (shared/limits/): everything defaults to unlimited."""

    tenant: Quota = Field(default_factory=Quota, description="Quotas over all of the tenant's calls.")
    per_key: Quota = Field(default_factory=Quota, description="Quotas applied to each API key separately.")
    daily_budget: Budget | None = Field(None, description="Spend cap per UTC day.")
    monthly_budget: Budget | None = Field(None, description="Spend cap per UTC calendar month.")
    fallback_price: FallbackPrice | None = Field(
        None,
        description="Price of a model missing from the price table, for budgets. Unset: with a "
        "budget, calls to an unpriced model are refused.",
    )
    vertex_tpm_share: float | None = Field(
        None,
        gt=0,
        le=1,
        allow_inf_nan=False,
        description="Caps the tenant's tokens per minute at this share of the project's Vertex AI "
        "quota (GATEHOUSE_VERTEX_TPM_QUOTA).",
    )
    fail_closed: bool = Field(
        False,
        description="When the limits store (Firestore) is unreachable, refuse calls (503) instead of "
        "serving a bounded local allowance.",
    )

    @model_validator(mode="after")
    def _monthly_covers_daily(self) -> LimitSettings:
        daily, monthly = self.daily_budget, self.monthly_budget
        if daily and monthly and daily.mode == monthly.mode == "hard" and daily.usd > monthly.usd:
            raise ValueError("daily_budget.usd exceeds monthly_budget.usd")
        return self

    @property
    def enabled(self) -> bool:
        return not (
            self.tenant.empty
            and self.per_key.empty
            and self.daily_budget is None
            and self.monthly_budget is None
            and self.vertex_tpm_share is None
        )

    def effective_tpm(self, vertex_tpm_quota: int | None) -> int | None:
        """The tenant's TPM limit after its share of the project's Vertex AI quota."""
        tpm = self.tenant.tokens_per_minute
        if self.vertex_tpm_share is not None and vertex_tpm_quota is not None:
            share = int(vertex_tpm_quota * self.vertex_tpm_share)
            tpm = share if tpm is None else min(tpm, share)
        return tpm
