"""Admission and settlement of one call against a tenant's quotas and budgets.

`admit` reserves: one request (RPM), estimated tokens (TPM), estimated cost (budgets, micro-USD),
a concurrency slot. `settle` replaces the estimates with the real usage (cache hits cost nothing)
and frees the slot. Refusals raise `ResourceExhausted` naming the limit and its window.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shared.cost.prices import ModelPrice, PriceTable, Usage
from shared.errors import PermissionDenied, ResourceExhausted, ServiceUnavailable
from shared.limits import refusals
from shared.limits.config import FallbackPrice, LimitSettings, Quota
from shared.limits.counter import BlockPolicy, Counter, Health
from shared.limits.estimate import estimate_tokens, priced_models
from shared.limits.slots import Slots, instance_id
from shared.limits.store import CounterStore, StoreUnavailable
from shared.limits.windows import Windows, per_window
from shared.log import get_logger
from shared.providers.base import GeminiBody
from shared.tenants import Tenant

__all__ = ["Limiter", "Ticket"]

log = get_logger("gatehouse.limits")

_REQUESTS, _TOKENS, _USD = 0, 1, 2
_UNIT = ("requests", "tokens", "usd")
_MISSING: Any = object()


@dataclass(slots=True)
class _Hold:
    counter: Counter
    window: int
    end: float
    units: int
    kind: int
    name: str
    soft: bool = False


@dataclass(slots=True)
class _Item:
    """One windowed limit of a tenant (or key), resolved once per settings object."""

    counter: Counter
    limit: int
    kind: int
    name: str
    soft: bool
    span: int  # 0: rate window, 1: budget day, 2: budget month


@dataclass(slots=True)
class _Spec:
    limits: LimitSettings
    items: list[_Item]
    needs_tokens: bool
    budgets: bool
    concurrency: list[tuple[str, int, bool]]  # (scope, limit, per key)


@dataclass(slots=True)
class Ticket:
    tenant: str
    settings: LimitSettings
    models: list[str]
    holds: list[_Hold] = field(default_factory=list)
    slots: list[Slots] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    settled: bool = False


class Limiter:
    def __init__(
        self,
        store: CounterStore,
        prices: PriceTable,
        *,
        windows: Windows | None = None,
        policy: BlockPolicy | None = None,
        lease_s: float = 300.0,
        default_output_tokens: int = 4096,
        vertex_tpm_quota: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._prices = prices
        self._windows = windows or Windows()
        self._policy = policy or BlockPolicy()
        self._lease_s = lease_s
        self._default_output = default_output_tokens
        self.vertex_tpm_quota = vertex_tpm_quota
        self._clock = clock
        self._health = Health(self._policy.cooldown_s, time.monotonic)
        self._holder = instance_id()
        self._counters: dict[str, Counter] = {}
        self._slots: dict[str, Slots] = {}
        self._soft_logged: set[str] = set()
        self._specs: dict[tuple[str, str | None], _Spec] = {}
        self._price_of: dict[str, ModelPrice | None] = {}

    def _counter(self, key: str) -> Counter:
        counter = self._counters.get(key)
        if counter is None:
            counter = self._counters[key] = Counter(key)
        return counter

    # -- admission -----------------------------------------------------------------------------------
    def _spec(self, tenant: Tenant, key_id: str | None) -> _Spec:
        """The tenant's limits resolved to counters, cached while its settings object lives."""
        limits = tenant.limits
        cache_key = (tenant.id, key_id)
        spec = self._specs.get(cache_key)
        if spec is not None and spec.limits is limits:
            return spec
        window_s = self._windows.window_s
        items: list[_Item] = []
        concurrency: list[tuple[str, int, bool]] = []
        scopes: list[tuple[str, str, Quota, int | None]] = [
            (f"t_{tenant.id}", "tenant", limits.tenant, limits.effective_tpm(self.vertex_tpm_quota))
        ]
        if key_id is not None:
            scopes.append(
                (f"k_{tenant.id}_{key_id}", "key", limits.per_key, limits.per_key.tokens_per_minute)
            )
        for scope, who, quota, tpm in scopes:
            if quota.requests_per_minute is not None:
                limit = per_window(quota.requests_per_minute, window_s)
                name = f"{who}.requests_per_minute"
                items.append(_Item(self._counter(f"{scope}__rpm"), limit, _REQUESTS, name, False, 0))
            if tpm is not None:
                limit = per_window(tpm, window_s)
                name = f"{who}.tokens_per_minute"
                items.append(_Item(self._counter(f"{scope}__tpm"), limit, _TOKENS, name, False, 0))
            if quota.concurrent_requests is not None:
                concurrency.append((scope, quota.concurrent_requests, who == "key"))
        for span, name, budget in (
            (1, "budget.daily", limits.daily_budget),
            (2, "budget.monthly", limits.monthly_budget),
        ):
            if budget is not None:
                counter = self._counter(f"t_{tenant.id}__{name[7:]}")
                items.append(
                    _Item(counter, round(budget.usd * 1_000_000), _USD, name, budget.mode == "soft", span)
                )
        budgets = limits.daily_budget is not None or limits.monthly_budget is not None
        needs_tokens = any(item.kind != _REQUESTS for item in items)
        if len(self._specs) > 100_000:
            self._specs.clear()
        spec = self._specs[cache_key] = _Spec(limits, items, needs_tokens, budgets, concurrency)
        return spec

    async def admit(self, tenant: Tenant, key_id: str | None, model: str, body: GeminiBody) -> Ticket | None:
        limits = tenant.limits
        if not limits.enabled:
            return None
        spec = self._spec(tenant, key_id)
        now = self._clock()
        ticket = Ticket(tenant.id, limits, priced_models(tenant, model) if spec.budgets else [model])
        tokens = cost = 0
        if spec.needs_tokens:
            prompt, output = estimate_tokens(body, self._default_output)
            tokens = prompt + output
            if spec.budgets:
                estimated = self._micro_usd(ticket.models, prompt, 0, output, limits.fallback_price)
                if estimated is None:
                    raise PermissionDenied(
                        f"model `{model}` has no price in the price table and this tenant has a budget; "
                        "an operator can set limits.fallback_price to allow it"
                    )
                cost = estimated
        window_s = self._windows.window_s
        rate_id = int(now // window_s)
        rate_end = (rate_id + 1) * window_s
        holds = ticket.holds
        try:
            for item in spec.items:
                counter = item.counter
                if item.span == 0:
                    wid, wend, length = rate_id, rate_end, window_s
                else:
                    window = self._windows.day(now) if item.span == 1 else self._windows.month(now)
                    wid, wend = window.id, window.end
                    length = float(self._windows.day_s) if item.span == 1 else max(1.0, wend - now)
                if counter.window != wid:
                    counter.roll(wid, wend, length, item.limit, now)
                if counter.limit != item.limit:  # an operator changed the limit mid-window
                    counter.limit = item.limit
                    counter.exhausted = counter.used_seen >= item.limit
                kind = item.kind
                units = 1 if kind == _REQUESTS else tokens if kind == _TOKENS else cost
                if counter.pool >= units:  # the fast path: no I/O, no coroutine
                    counter.pool -= units
                    counter.spent += units
                    holds.append(_Hold(counter, wid, wend, units, kind, item.name, item.soft))
                    continue
                if item.limit == 0 and not item.soft:
                    raise refusals.zero(item.name, tenant.id)
                if await counter.reserve(
                    units, self._store, self._policy, self._health, now, limits.fail_closed
                ):
                    holds.append(_Hold(counter, wid, wend, units, kind, item.name, item.soft))
                elif item.soft:
                    holds.append(_Hold(counter, wid, wend, 0, kind, item.name, True))
                    self._soft_exceeded(tenant.id, item.name, counter)
                elif units > item.limit:
                    raise refusals.too_big(item.name, _UNIT[kind], item.limit, units, window_s)
                else:
                    raise refusals.exhausted(
                        item.name, _UNIT[kind], item.limit, wend, now, tenant.id, window_s
                    )
            for scope, limit, per_key in spec.concurrency:
                await self._acquire(ticket, scope, limit, per_key, limits)
        except StoreUnavailable:
            self._undo(ticket)
            raise ServiceUnavailable(
                "the limits store is unreachable and this tenant fails closed; retry shortly", retry_after=5
            ) from None
        except BaseException as error:
            if isinstance(error, ResourceExhausted):  # the refusing limit's own headers win
                for header, value in self._headers(ticket, now, spec).items():
                    error.headers.setdefault(header, value)
            self._undo(ticket)
            raise
        ticket.headers = self._headers(ticket, now, spec)
        return ticket

    def _micro_usd(
        self, models: list[str], prompt: int, cached: int, output: int, fallback: FallbackPrice | None
    ) -> int | None:
        """Cost in micro-USD at the dearest of `models` (price lookups cached per model name)."""
        best = 0.0
        for name in models:
            price = self._price_of.get(name, _MISSING)
            if price is _MISSING:
                price = self._price_of[name] = self._prices.price(name)
            if price is not None:
                _, tier = price.tier_for(prompt)
                cached_in = min(cached, prompt)
                usd = (prompt - cached_in) * tier.input + cached_in * tier.cached_input + output * tier.output
            elif fallback is not None:
                usd = prompt * fallback.input_per_million + output * fallback.output_per_million
            else:
                return None
            best = max(best, usd)
        return math.ceil(best)  # prices are USD per million tokens: this is micro-USD

    async def _acquire(
        self, ticket: Ticket, scope: str, limit: int, per_key: bool, limits: LimitSettings
    ) -> None:
        name = ("key" if per_key else "tenant") + ".concurrent_requests"
        if limit == 0:
            raise refusals.zero(name, ticket.tenant)
        slots = self._slots.get(scope)
        if slots is None:
            slots = self._slots[scope] = Slots(
                f"{scope}__conc", name, self._holder, self._lease_s, self._clock
            )
        if not await slots.acquire(limit, self._store, self._policy, self._health, limits.fail_closed):
            raise refusals.busy(name, limit)
        ticket.slots.append(slots)

    def _undo(self, ticket: Ticket) -> None:
        for hold in ticket.holds:
            hold.counter.refund(hold.units, hold.window)
        ticket.holds.clear()
        for slots in ticket.slots:
            slots.release(self._store, self._health)
        ticket.slots.clear()
        ticket.settled = True

    # -- settlement ----------------------------------------------------------------------------------
    def settle(
        self,
        ticket: Ticket,
        usage: Usage | None,
        served_model: str | None,
        extra_tokens: int = 0,
        extra_usd: float = 0.0,
    ) -> None:
        """Replace estimates by `usage` (None: nothing was spent, e.g. a cache hit or a failure),
        plus what the request spent besides its answer (`extra_*`: the semantic cache's judge call)."""
        if ticket.settled:
            return
        ticket.settled = True
        tokens = extra_tokens + (0 if usage is None else usage.prompt + usage.candidates + usage.thoughts)
        extra = round(extra_usd * 1_000_000)
        cost: int | None = None
        for hold in ticket.holds:
            if hold.kind == _REQUESTS:
                continue
            if hold.kind == _TOKENS:
                actual = tokens
            else:
                if cost is None:
                    cost = self._cost(ticket, usage, served_model)
                actual = hold.units + extra if cost < 0 else cost + extra
            diff = actual - hold.units
            if diff < 0:
                hold.counter.refund(-diff, hold.window)
            elif diff > 0:
                hold.counter.charge(diff, hold.window, self._store, self._health)
            if hold.soft and hold.window == hold.counter.window and hold.counter.remaining() <= 0:
                self._soft_exceeded(ticket.tenant, hold.name, hold.counter)
        for slots in ticket.slots:
            slots.release(self._store, self._health)

    def _cost(self, ticket: Ticket, usage: Usage | None, served_model: str | None) -> int:
        """Micro-USD of the usage at the served model's price; -1: unpriced (keep the estimate)."""
        if usage is None:
            return 0
        fallback = ticket.settings.fallback_price
        output = usage.candidates + usage.thoughts
        cost = None
        if served_model:
            cost = self._micro_usd([served_model], usage.prompt, usage.cached, output, fallback)
        if cost is None:
            cost = self._micro_usd(ticket.models, usage.prompt, usage.cached, output, fallback)
        return -1 if cost is None else cost

    # -- messages and headers ------------------------------------------------------------------------
    def _soft_exceeded(self, tenant: str, name: str, counter: Counter) -> None:
        marker = f"{counter.key}__{counter.window}"
        if marker in self._soft_logged:
            return
        if len(self._soft_logged) > 10_000:
            self._soft_logged.clear()
        self._soft_logged.add(marker)
        log.warning(
            "budget_exceeded",
            extra={"event": "budget_exceeded", "tenant_id": tenant, "budget": name, "mode": "soft",
                   "limit_usd": counter.limit / 1_000_000},
        )  # fmt: skip

    def _headers(self, ticket: Ticket, now: float, spec: _Spec) -> dict[str, str]:
        """X-RateLimit-* for the tightest limit (lowest share left)."""
        best_share = 2.0
        best: tuple[int, int, float, str, int] | None = None
        for hold in ticket.holds:
            counter = hold.counter
            limit = counter.limit
            if counter.window != hold.window or not limit:
                continue
            left = counter.remaining()
            share = left / limit
            if share < best_share:
                best_share, best = share, (limit, left, hold.end, hold.name, hold.kind)
        for slots in ticket.slots:
            left = slots.remaining()
            share = left / slots.limit if slots.limit else 0.0
            if share < best_share:
                best_share, best = share, (slots.limit, left, now + 1, slots.name, _REQUESTS)
        if best is None:
            return {}
        limit, left, end, name, kind = best
        return refusals.rate_headers(limit, left, end - now, name, _UNIT[kind])
