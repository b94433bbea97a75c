"""What the limiter resolves once instead of per call: a tenant's limits as a plan (counters, window
spans, concurrency slots, price rows per requested model), and the current windows (ids and ends,
recomputed only when a window rolls).

A plan is keyed by (tenant id, API key) and valid while the caller holds the same `Tenant` object:
a new tenant version (an admin update, a cache refresh) is a new object and gets a new plan over
the same counters, so no window state is lost.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

from shared.cost.prices import ModelPrice, PriceTable
from shared.http import RawHeaders
from shared.limits.config import FallbackPrice
from shared.limits.counter import Counter
from shared.limits.estimate import priced_models
from shared.limits.slots import Slots
from shared.limits.windows import per_window
from shared.tenants import Tenant

__all__ = [
    "DAY", "MONTH", "RATE", "REQUESTS", "TOKENS", "UNIT", "USD",
    "Flat", "Item", "Plan", "Planner", "Pricing", "Rows", "flat_of", "micro_usd", "usd_of",
]  # fmt: skip

REQUESTS, TOKENS, USD = 0, 1, 2  # Item.kind
UNIT = ("requests", "tokens", "usd")
RATE, DAY, MONTH = 0, 1, 2  # Item.span: index into a frame's window ids and ends

_MISSING: object = object()
# One price tier as plain floats: (max prompt tokens, inf when unbounded; input; cached input; output)
Rows = tuple[tuple[float, float, float, float], ...]
Flat = tuple[float, float, float]  # a model's one tier: (input, cached input, output)


@dataclass(slots=True)
class Item:
    """One windowed limit of a tenant (or key)."""

    counter: Counter
    limit: int
    kind: int
    name: str
    soft: bool
    span: int
    # X-RateLimit-Limit encoded once; -Reset as last sent (it changes once a second)
    limit_raw: tuple[bytes, bytes] = field(init=False)
    reset_raw: tuple[bytes, bytes] = field(init=False)
    reset_at: int = field(init=False)

    def __post_init__(self) -> None:
        limit = (b"%.2f" % (self.limit / 1_000_000)) if self.kind == USD else b"%d" % self.limit
        self.limit_raw = (b"x-ratelimit-limit", limit)
        self.reset_raw, self.reset_at = (b"x-ratelimit-reset", b"0"), 0

    def headers(self, left: int, reset_s: float) -> RawHeaders:
        """X-RateLimit-* of an admitted call with this limit the tightest, encoded
        (`refusals.encoded(refusals.rate_headers(...))`: `b"%.2f"` and `b"%d"` format as `f"{:.2f}"`
        and `str` do; no X-RateLimit-Resource, which only refusals carry)."""
        reset = math.ceil(reset_s)
        if reset != self.reset_at:
            self.reset_at = reset
            self.reset_raw = (b"x-ratelimit-reset", b"%d" % reset if reset > 0 else b"0")
        return (
            self.limit_raw,
            (b"x-ratelimit-remaining", b"%.2f" % (left / 1_000_000) if self.kind == USD else b"%d" % left),
            self.reset_raw,
        )


@dataclass(frozen=True, slots=True)
class Pricing:
    """The models a requested model can be served by (aliases resolved) and their price rows."""

    models: tuple[str, ...]
    rows: tuple[Rows | None, ...]  # None: not in the price table
    single: Rows | None  # the tiers when one priced model serves the call (the usual case), else None
    flat: Flat | None  # `single`'s prices when it has one tier (no bound to look up), else None


@dataclass(slots=True)
class Plan:
    tenant: Tenant  # the object the plan was built from (identity is the version check)
    key_id: str | None
    items: tuple[Item, ...]
    needs_tokens: bool
    budgets: bool
    concurrency: tuple[tuple[Slots, int, str], ...]  # (slots, limit, name), tenant's before the key's
    rows: tuple[tuple[Counter, int, int, int], ...]  # items[i] as (counter, limit, kind, span)
    spending: tuple[tuple[int, Counter, int, bool, bool], ...]  # token and USD items, settled to usage:
    # (index, counter, span, is USD, soft)
    fallback: FallbackPrice | None
    pricing: dict[str, Pricing]  # per requested model name, filled on first use
    fast: bool  # no concurrency limit and no limit of 0: `Limiter._take_fast` admits it
    # the checked fast path (`Limiter._take_checked`, `Limiter._settle_checked`):
    checked: int = -1  # the limiter generation in which every row's window and limit were checked
    hold: tuple[tuple[Counter, int, int, Item], ...] = ()  # items[i] as (counter, kind, limit, item)
    token_counters: tuple[Counter, ...] = ()  # the TOKENS items' counters
    usd_counters: tuple[Counter, ...] = ()  # the USD items' counters
    soft: bool = False  # a soft budget (settlement checks it: the general path)


def rows_of(price: ModelPrice | None) -> Rows | None:
    if price is None:
        return None
    return tuple(
        (math.inf if t.max_prompt_tokens is None else t.max_prompt_tokens, t.input, t.cached_input, t.output)
        for t in price.tiers
    )


def flat_of(rows: Rows | None) -> Flat | None:
    """A model's prices when it has one tier (the usual case), else None."""
    return (rows[0][1], rows[0][2], rows[0][3]) if rows is not None and len(rows) == 1 else None


def usd_of(tiers: Rows, prompt: int, cached: int, output: int) -> float:
    """Micro-USD (unrounded) of one call at one model's tiers (ModelPrice.tier_for, then Cost)."""
    tier = tiers[-1]  # above every bound: the last tier
    for row in tiers:
        if prompt <= row[0]:
            tier = row
            break
    cached_in = cached if cached < prompt else prompt
    return (prompt - cached_in) * tier[1] + cached_in * tier[2] + output * tier[3]


def micro_usd(
    rows: tuple[Rows | None, ...], prompt: int, cached: int, output: int, fallback: FallbackPrice | None
) -> int | None:
    """Cost in micro-USD (rounded up) at the dearest model; None when one is unpriced and there is no
    fallback price. Prices are USD per million tokens, so the product is micro-USD."""
    best = 0.0
    for tiers in rows:
        if tiers is not None:
            usd = usd_of(tiers, prompt, cached, output)
        elif fallback is not None:
            usd = fallback.usd(prompt, cached, output)
        else:
            return None
        if usd > best:
            best = usd
    return math.ceil(best)


class Planner:
    """Builds and caches plans; owns the instance's counters and slots (one per scope and metric)."""

    def __init__(
        self, prices: PriceTable, window_s: float, holder: str, lease_s: float, clock: Callable[[], float]
    ) -> None:
        self._prices = prices
        self._window_s = window_s
        self._holder = holder
        self._lease_s = lease_s
        self._clock = clock
        self.counters: dict[str, Counter] = {}
        self.slots: dict[str, Slots] = {}
        self.plans: dict[tuple[str, str | None], Plan] = {}
        self.rows: dict[str, Rows | None] = {}  # per model name, filled on first use
        self.flats: dict[str, Flat | None] = {}  # per model name, with `rows` (settlement's price)

    def _counter(self, key: str) -> Counter:
        counter = self.counters.get(key)
        if counter is None:
            counter = self.counters[key] = Counter(key)
        return counter

    def _slots(self, scope: str, name: str) -> Slots:
        slots = self.slots.get(scope)
        if slots is None:
            slots = self.slots[scope] = Slots(
                f"{scope}__conc", name, self._holder, self._lease_s, self._clock
            )
        return slots

    def build(self, tenant: Tenant, key_id: str | None, vertex_tpm_quota: int | None) -> Plan | None:
        """The tenant's limits resolved to counters and slots (None: it has none), cached."""
        limits = tenant.limits
        if not limits.enabled:
            return None
        window_s = self._window_s
        items: list[Item] = []
        concurrency: list[tuple[Slots, int, str]] = []
        scopes = [(f"t_{tenant.id}", "tenant", limits.tenant, limits.effective_tpm(vertex_tpm_quota))]
        if key_id is not None:
            scopes.append(
                (f"k_{tenant.id}_{key_id}", "key", limits.per_key, limits.per_key.tokens_per_minute)
            )
        for scope, who, quota, tpm in scopes:
            if quota.requests_per_minute is not None:
                limit = per_window(quota.requests_per_minute, window_s)
                counter = self._counter(f"{scope}__rpm")
                items.append(Item(counter, limit, REQUESTS, f"{who}.requests_per_minute", False, RATE))
            if tpm is not None:
                limit = per_window(tpm, window_s)
                counter = self._counter(f"{scope}__tpm")
                items.append(Item(counter, limit, TOKENS, f"{who}.tokens_per_minute", False, RATE))
            if quota.concurrent_requests is not None:
                name = f"{who}.concurrent_requests"
                concurrency.append((self._slots(scope, name), quota.concurrent_requests, name))
        for span, name, budget in ((DAY, "budget.daily", limits.daily_budget),
                                   (MONTH, "budget.monthly", limits.monthly_budget)):  # fmt: skip
            if budget is not None:
                counter = self._counter(f"t_{tenant.id}__{name[7:]}")
                limit = round(budget.usd * 1_000_000)
                items.append(Item(counter, limit, USD, name, budget.mode == "soft", span))
        budgets = limits.daily_budget is not None or limits.monthly_budget is not None
        needs_tokens = any(item.kind != REQUESTS for item in items)
        if len(self.plans) > 100_000:
            self.plans.clear()
        rows = tuple((item.counter, item.limit, item.kind, item.span) for item in items)
        spending = tuple(
            (index, item.counter, item.span, item.kind == USD, item.soft)
            for index, item in enumerate(items)
            if item.kind != REQUESTS
        )
        plan = Plan(
            tenant, key_id, tuple(items), needs_tokens, budgets, tuple(concurrency), rows, spending,
            limits.fallback_price, {}, not concurrency and all(item.limit > 0 for item in items),
            hold=tuple((item.counter, item.kind, item.limit, item) for item in items),
            token_counters=tuple(item.counter for item in items if item.kind == TOKENS),
            usd_counters=tuple(item.counter for item in items if item.kind == USD),
            soft=any(item.soft for item in items),
        )  # fmt: skip
        self.plans[(tenant.id, key_id)] = plan
        return plan

    def pricing(self, plan: Plan, model: str) -> Pricing:
        """The price rows of what a call to `model` can be served by, cached in the plan."""
        models = tuple(priced_models(plan.tenant, model))
        if len(plan.pricing) >= 1_000:  # model names come from callers: keep the cache bounded
            plan.pricing.clear()
        rows = tuple(self.price_rows(name) for name in models)
        single = rows[0] if len(rows) == 1 else None
        pricing = plan.pricing[model] = Pricing(models, rows, single, flat_of(single))
        return pricing

    def price_rows(self, model: str) -> Rows | None:
        rows = self.rows.get(model, _MISSING)
        if rows is _MISSING:
            if len(self.rows) >= 10_000:
                self.rows.clear()
                self.flats.clear()
            resolved = self.rows[model] = rows_of(self._prices.price(model))
            self.flats[model] = flat_of(resolved)
            return resolved
        return rows  # type: ignore[return-value]
