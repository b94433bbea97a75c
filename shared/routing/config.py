"""A tenant's routing configuration: plans of targets, aliases, rules, residency, hedging.

Validated when a Tenant is built or saved, so an alias naming no plan, a rule naming no plan,
or a target outside the tenant's allowed regions is rejected at configuration time.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.providers.base import Target

__all__ = ["PROVIDERS", "Plan", "RoutingSettings", "Rule", "TargetSpec"]

PROVIDERS = ("vertex", "vertex-endpoint", "openai")
_NAME = r"^[A-Za-z0-9._@-]{1,128}$"
_ENDPOINT_ID = re.compile(r"[A-Za-z0-9-]{1,128}")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TargetSpec(_Frozen):
    """One place to send a request. `endpoint`: a Vertex endpoint id, or an OpenAI-compatible base URL."""

    provider: Literal["vertex", "vertex-endpoint", "openai"] = "vertex"
    model: str = Field(min_length=1, max_length=128)
    region: str = Field(min_length=1, max_length=64, pattern=r"^[a-z0-9-]+$")
    endpoint: str | None = Field(None, max_length=512)
    weight: float = Field(1.0, gt=0, description="Share of traffic in a `weighted` plan.")
    context_window: int | None = Field(None, ge=1, description="Input tokens; for context-too-long failover.")
    api_key_secret: str | None = Field(
        None,
        pattern=r"^gatehouse-provider-[a-z0-9-]{1,200}$",
        description="Secret Manager secret holding a bearer key (openai provider only). Only "
        "`gatehouse-provider-*` secrets may be named, so a plan cannot send another secret away.",
    )

    @model_validator(mode="after")
    def _endpoint_needed(self) -> TargetSpec:
        if self.provider != "vertex" and not self.endpoint:
            raise ValueError(f"provider `{self.provider}` needs `endpoint`")
        if (
            self.provider == "openai"
            and self.endpoint
            and not self.endpoint.startswith(("http://", "https://"))
        ):
            raise ValueError("an openai endpoint is a base URL (https://host/v1)")
        if self.provider == "vertex-endpoint" and self.endpoint and not _ENDPOINT_ID.fullmatch(self.endpoint):
            raise ValueError("a vertex-endpoint endpoint is an endpoint id (letters, digits, -)")
        if self.api_key_secret and self.provider != "openai":
            raise ValueError("`api_key_secret` is for the openai provider only")
        return self

    def target(self) -> Target:
        return Target(self.provider, self.model, self.region, self.endpoint, self.api_key_secret)


class Plan(_Frozen):
    """Targets tried in order (`ordered`), or with the first picked by weight (`weighted`)."""

    targets: tuple[TargetSpec, ...] = Field(min_length=1, max_length=16)
    strategy: Literal["ordered", "weighted"] = "ordered"


class Rule(_Frozen):
    """Pick `plan` when every given condition holds (a request tag, the prompt size in characters)."""

    plan: str = Field(pattern=_NAME)
    tag: str | None = Field(None, min_length=1, max_length=64)
    min_chars: int | None = Field(None, ge=0)
    max_chars: int | None = Field(None, ge=0)

    @model_validator(mode="after")
    def _has_condition(self) -> Rule:
        if self.tag is None and self.min_chars is None and self.max_chars is None:
            raise ValueError("a rule needs `tag`, `min_chars` or `max_chars`")
        return self


class RoutingSettings(_Frozen):
    """Everything about where a tenant's requests go. The default reproduces a single Vertex target."""

    plans: dict[str, Plan] = Field(default_factory=dict)
    aliases: dict[str, str] = Field(default_factory=dict, description="Model alias -> plan name.")
    rules: tuple[Rule, ...] = Field(default=(), max_length=32)
    allowed_regions: tuple[str, ...] | None = Field(
        None, description="Data residency: only targets in these regions may serve the tenant."
    )
    hedging: bool = Field(False, description="Send a second request after the target's p95.")
    fallback_on_safety: bool = Field(False, description="Try the next model when one blocks on safety.")
    default_deadline_s: float | None = Field(
        None, gt=0, le=3600, description="Deadline when the caller sends no X-Server-Timeout."
    )

    @model_validator(mode="after")
    def _consistent(self) -> RoutingSettings:
        for name in self.plans:
            if not _valid_name(name):
                raise ValueError(f"plan name `{name}` is not a valid name")
        for alias, plan_name in self.aliases.items():
            if plan_name not in self.plans:
                raise ValueError(f"alias `{alias}` names unknown plan `{plan_name}`")
        for index, rule in enumerate(self.rules):
            if rule.plan not in self.plans:
                raise ValueError(f"rules[{index}] names unknown plan `{rule.plan}`")
        if self.allowed_regions is not None:
            for name, plan in self.plans.items():
                for target in plan.targets:
                    if target.region not in self.allowed_regions:
                        raise ValueError(
                            f"plan `{name}` names region `{target.region}` outside the tenant's "
                            f"allowed regions ({', '.join(self.allowed_regions)})"
                        )
        return self

    def allows_region(self, region: str) -> bool:
        return self.allowed_regions is None or region in self.allowed_regions


def _valid_name(name: str) -> bool:
    return re.fullmatch(_NAME, name) is not None
