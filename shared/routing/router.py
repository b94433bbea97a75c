"""Turn a call into an ordered list of candidate targets: alias -> rule -> the model asked.

Residency is applied here, last: targets outside the tenant's allowed regions are dropped, and
a call left with no candidate fails closed with a message naming the regions.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shared.errors import PermissionDenied
from shared.identity_memo import IdentityMemo
from shared.providers.base import GeminiBody, Target
from shared.routing.config import Plan, RoutingSettings, TargetSpec

if TYPE_CHECKING:
    from shared.catalog.catalog import ModelCatalog
    from shared.pipeline import Call
    from shared.tenants import Tenant

__all__ = ["Candidate", "PlanRouter", "prompt_chars"]

_DIRECT_ENTRIES = 1024  # tenants x models served directly by one instance; beyond it, rebuilt


@dataclass(frozen=True, slots=True)
class Candidate:
    target: Target
    context_window: int | None = None


def prompt_chars(body: GeminiBody) -> int:
    """Characters of text in the request (contents and system instruction): the size a rule sees."""
    total = 0
    system = body.get("systemInstruction") or body.get("system_instruction") or {}
    for content in [system, *(body.get("contents") or ())]:
        if isinstance(content, dict):
            for part in content.get("parts") or ():
                text = part.get("text") if isinstance(part, dict) else None
                if isinstance(text, str):
                    total += len(text)
    return total


class PlanRouter:
    """Resolves a tenant's plan for a call; `random` is injectable for weighted plans."""

    def __init__(
        self,
        default_region: str,
        rand: Callable[[], float] = random.random,
        catalog: ModelCatalog | None = None,
    ) -> None:
        self._region = default_region
        self._rand = rand
        self._catalog = catalog  # context windows of targets whose spec names none
        # The direct target of a call no plan serves (the common case), per tenant object and model:
        # the same Candidate every time, so it is built once, not per request (Target, its name, the
        # catalog's context window). Keyed by the tenant's identity (a reloaded tenant is a new
        # object, so a changed region is never served from here) and holding the tenant, so the id
        # is not reused while its entry lives; cleared when full.
        self._direct: IdentityMemo[Tenant, Candidate] = IdentityMemo(_DIRECT_ENTRIES)

    def _window(self, model: str, given: int | None = None) -> int | None:
        if given is not None or self._catalog is None:
            return given
        return self._catalog.context_window(model)

    def plan(self, call: Call) -> Sequence[Target]:
        return [c.target for c in self.candidates(call)]

    def candidates(self, call: Call) -> list[Candidate]:
        routing = call.tenant.routing
        name, plan = self._choose(call, routing)
        if plan is None:
            found = [self._direct_candidate(call.tenant, call.model)]
        else:
            specs = self._order(plan)
            found = [Candidate(s.target(), self._window(s.model, s.context_window)) for s in specs]
        call.attrs["plan"] = name
        allowed = [c for c in found if routing.allows_region(c.target.region)]
        if not allowed:
            regions = ", ".join(routing.allowed_regions or ())
            raise PermissionDenied(
                f"no target for `{call.model}` is in this tenant's allowed regions ({regions}); "
                "the request was not sent"
            )
        return allowed

    def _direct_candidate(self, tenant: Tenant, model: str) -> Candidate:
        """Vertex AI's `model` in the tenant's region (the default region when it names none)."""
        return self._direct.get(
            tenant,
            lambda t: Candidate(Target("vertex", model, t.region or self._region), self._window(model)),
            model,
        )

    def visible_targets(self, tenant: Tenant) -> Callable[[str], bool]:
        """Whether a target name is one this tenant's calls can reach: its plans' targets, or a
        Vertex AI model it may call in its default region (what `GET /v1/routing/breakers` shows)."""
        names = {spec.target().name for plan in tenant.routing.plans.values() for spec in plan.targets}
        region = tenant.region or self._region

        def visible(name: str) -> bool:
            if name in names:
                return True
            provider, _, rest = name.partition(":")
            model, _, where = rest.rpartition("@")
            return provider == "vertex" and where == region and tenant.allows_model(model)

        return visible

    def _choose(self, call: Call, routing: RoutingSettings) -> tuple[str | None, Plan | None]:
        if call.model in routing.aliases:
            name = routing.aliases[call.model]
            return name, routing.plans[name]
        if routing.rules:
            tag = call.attrs.get("tag")
            size = prompt_chars(call.body)
            for rule in routing.rules:
                if rule.tag is not None and rule.tag != tag:
                    continue
                if rule.min_chars is not None and size < rule.min_chars:
                    continue
                if rule.max_chars is not None and size > rule.max_chars:
                    continue
                return rule.plan, routing.plans[rule.plan]
        return None, None

    def _order(self, plan: Plan) -> list[TargetSpec]:
        specs = list(plan.targets)
        if plan.strategy == "weighted" and len(specs) > 1:
            point = self._rand() * sum(s.weight for s in specs)
            for index, spec in enumerate(specs):
                point -= spec.weight
                if point < 0:
                    specs.insert(0, specs.pop(index))
                    break
        return specs
