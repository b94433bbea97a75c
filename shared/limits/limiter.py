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

from shared.cost.prices import PriceTable, Usage
from shared.errors import PermissionDenied, ResourceExhausted, ServiceUnavailable
from shared.limits.config import Budget, LimitSettings, Quota
from shared.limits.counter import BlockPolicy, Counter, Health
from shared.limits.estimate import estimate_tokens, price_micro_usd, priced_models
from shared.limits.slots import Slots, instance_id
from shared.limits.store import CounterStore, StoreUnavailable
from shared.limits.windows import Window, Windows, per_window
from shared.log import get_logger
from shared.providers.base import GeminiBody
from shared.tenants import Tenant

__all__ = ["Limiter", "Ticket"]

log = get_logger("gatehouse.limits")

_REQUESTS, _TOKENS, _USD = 0, 1, 2
_UNIT = ("requests", "tokens", "usd")


@dataclass(slots=True)
class _Hold:
    counter: Counter
    window: int
    units: int
    kind: int
    name: str
    soft: bool = False


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

    def _counter(self, key: str) -> Counter:
        counter = self._counters.get(key)
        if counter is None:
            counter = self._counters[key] = Counter(key)
        return counter

    # -- admission -----------------------------------------------------------------------------------
    async def admit(self, tenant: Tenant, key_id: str | None, model: str, body: GeminiBody) -> Ticket | None:
        limits = tenant.limits
        if not limits.enabled:
            return None
        now = self._clock()
        ticket = Ticket(tenant.id, limits, priced_models(tenant, model))
        rate = self._windows.rate(now)
        window_s = self._windows.window_s
        budgets = limits.daily_budget is not None or limits.monthly_budget is not None
        tpm = limits.effective_tpm(self.vertex_tpm_quota)
        key_quota = limits.per_key if key_id is not None else None
        tokens = 0
        estimate: tuple[int, int] | None = None
        if budgets or tpm is not None or (key_quota is not None and key_quota.tokens_per_minute is not None):
            estimate = estimate_tokens(body, self._default_output)
            tokens = estimate[0] + estimate[1]
        plan: list[tuple[Counter, Window, float, int, int, int, str, bool]] = []
        self._quota(plan, f"t_{tenant.id}", "tenant", limits.tenant, tpm, rate, window_s, tokens, now)
        if key_quota is not None:
            scope = f"k_{tenant.id}_{key_id}"
            self._quota(
                plan, scope, "key", key_quota, key_quota.tokens_per_minute, rate, window_s, tokens, now
            )
        if budgets:
            assert estimate is not None
            cost = price_micro_usd(
                self._prices,
                ticket.models,
                Usage(prompt=estimate[0], candidates=estimate[1]),
                limits.fallback_price,
            )
            if cost is None:
                raise PermissionDenied(
                    f"model `{model}` has no price in the price table and this tenant has a budget; "
                    "an operator can set limits.fallback_price to allow it"
                )
            for name, budget, window in (
                ("budget.daily", limits.daily_budget, self._windows.day(now)),
                ("budget.monthly", limits.monthly_budget, self._windows.month(now)),
            ):
                if budget is not None:
                    self._budget(plan, f"t_{tenant.id}", name, budget, window, cost, now)
        try:
            for counter, window, length, limit, units, kind, name, soft in plan:
                counter.roll(window.id, window.end, length, limit, now)
                if limit == 0 and not soft:
                    raise self._zero(name, kind, tenant.id)
                if await counter.reserve(
                    units, self._store, self._policy, self._health, now, limits.fail_closed
                ):
                    ticket.holds.append(_Hold(counter, window.id, units, kind, name, soft))
                elif soft:
                    ticket.holds.append(_Hold(counter, window.id, 0, kind, name, soft))
                    self._soft_exceeded(tenant.id, name, counter)
                elif units > limit:
                    raise self._too_big(name, kind, limit, units)
                else:
                    raise self._exhausted(name, kind, limit, window, now, counter, tenant.id)
            for scope, quota in ((f"t_{tenant.id}", limits.tenant), (f"k_{tenant.id}_{key_id}", key_quota)):
                if quota is not None and quota.concurrent_requests is not None:
                    await self._acquire(ticket, scope, quota.concurrent_requests, scope[0] == "k", limits)
        except StoreUnavailable:
            self._undo(ticket)
            raise ServiceUnavailable(
                "the limits store is unreachable and this tenant fails closed; retry shortly", retry_after=5
            ) from None
        except BaseException as error:
            self._undo(ticket)
            if isinstance(error, ResourceExhausted):
                error.headers.update(self._headers(ticket, plan, now))
            raise
        ticket.headers = self._headers(ticket, plan, now)
        return ticket

    def _quota(
        self,
        plan: list[tuple[Counter, Window, float, int, int, int, str, bool]],
        scope: str,
        who: str,
        quota: Quota,
        tpm: int | None,
        rate: Window,
        window_s: float,
        tokens: int,
        now: float,
    ) -> None:
        if quota.requests_per_minute is not None:
            limit = per_window(quota.requests_per_minute, window_s)
            plan.append((self._counter(f"{scope}__rpm"), rate, window_s, limit, 1, _REQUESTS,
                         f"{who}.requests_per_minute", False))  # fmt: skip
        if tpm is not None:
            limit = per_window(tpm, window_s)
            plan.append((self._counter(f"{scope}__tpm"), rate, window_s, limit, tokens, _TOKENS,
                         f"{who}.tokens_per_minute", False))  # fmt: skip

    def _budget(
        self,
        plan: list[tuple[Counter, Window, float, int, int, int, str, bool]],
        scope: str,
        name: str,
        budget: Budget,
        window: Window,
        cost: int,
        now: float,
    ) -> None:
        length = self._windows.day_s if name == "budget.daily" else max(1.0, window.end - now)
        limit = round(budget.usd * 1_000_000)
        plan.append((self._counter(f"{scope}__{name[7:]}"), window, length, limit, cost, _USD, name,
                     budget.mode == "soft"))  # fmt: skip

    async def _acquire(
        self, ticket: Ticket, scope: str, limit: int, per_key: bool, limits: LimitSettings
    ) -> None:
        name = ("key" if per_key else "tenant") + ".concurrent_requests"
        if limit == 0:
            raise self._zero(name, _REQUESTS, ticket.tenant)
        slots = self._slots.get(scope)
        if slots is None:
            slots = self._slots[scope] = Slots(
                f"{scope}__conc", name, self._holder, self._lease_s, self._clock
            )
        if not await slots.acquire(limit, self._store, self._policy, self._health, limits.fail_closed):
            raise ResourceExhausted(
                f"Quota exceeded: {name} = {limit} calls in flight; retry when one finishes",
                limit=name,
                window="concurrent",
                retry_after=1,
            )
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
    def settle(self, ticket: Ticket, usage: Usage | None, served_model: str | None) -> None:
        """Replace estimates by `usage` (None: nothing was spent, e.g. a cache hit or a failure)."""
        if ticket.settled:
            return
        ticket.settled = True
        tokens = 0 if usage is None else usage.prompt + usage.candidates + usage.thoughts
        cost: int | None = None
        for hold in ticket.holds:
            if hold.kind == _REQUESTS:
                continue
            if hold.kind == _TOKENS:
                actual = tokens
            else:
                if cost is None:
                    cost = self._cost(ticket, usage, served_model)
                actual = hold.units if cost < 0 else cost
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
        models = [served_model] if served_model else ticket.models
        cost = price_micro_usd(self._prices, models, usage, fallback)
        if cost is None:
            cost = price_micro_usd(self._prices, ticket.models, usage, fallback)
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

    def _zero(self, name: str, kind: int, tenant: str) -> ResourceExhausted:
        return ResourceExhausted(
            f"{name} is 0 for tenant `{tenant}`: every call is refused until an operator raises it",
            limit=name,
            window="none",
            retry_after=None,
        )

    def _too_big(self, name: str, kind: int, limit: int, units: int) -> ResourceExhausted:
        if kind == _USD:
            what = f"about {units / 1_000_000:.4f} USD, more than {name} of {limit / 1_000_000:.2f} USD"
        else:
            per = self._windows.window_s
            what = f"about {units} {_UNIT[kind]}, more than {name} = {limit} per {per:g} s window"
        return ResourceExhausted(
            f"This request alone reserves {what}; lower maxOutputTokens or the prompt size",
            limit=name,
            window="request",
            retry_after=None,
        )

    def _exhausted(
        self, name: str, kind: int, limit: int, window: Window, now: float, counter: Counter, tenant: str
    ) -> ResourceExhausted:
        wait = max(1, math.ceil(window.end - now))
        if kind == _USD:
            what = f"{name} of {limit / 1_000_000:.2f} USD is spent"
            label = "day" if name == "budget.daily" else "month"
        else:
            per = self._windows.window_s
            what = f"{name} = {limit} {_UNIT[kind]} per {per:g} s window is used up"
            label = f"{per:g}s"
        return ResourceExhausted(
            f"Quota exceeded for tenant `{tenant}`: {what}; retry in {wait} s", limit=name, window=label,
            retry_after=wait,
        )  # fmt: skip

    def _headers(
        self, ticket: Ticket, plan: list[tuple[Counter, Window, float, int, int, int, str, bool]], now: float
    ) -> dict[str, str]:
        """X-RateLimit-* for the tightest limit (lowest share left)."""
        best: tuple[float, int, int, float, str, int] | None = None
        for counter, window, _length, limit, _units, kind, name, _soft in plan:
            if counter.window != window.id:
                continue
            left = counter.remaining()
            share = left / limit if limit else 0.0
            if best is None or share < best[0]:
                best = (share, limit, left, window.end, name, kind)
        for slots in ticket.slots:
            left = slots.remaining()
            share = left / slots.limit if slots.limit else 0.0
            if best is None or share < best[0]:
                best = (share, slots.limit, left, now + 1, slots.name, _REQUESTS)
        if best is None:
            return {}
        _share, limit, left, end, name, kind = best
        if kind == _USD:
            limit_s, left_s = f"{limit / 1_000_000:.2f}", f"{max(0, left) / 1_000_000:.2f}"
        else:
            limit_s, left_s = str(limit), str(max(0, left))
        return {
            "X-RateLimit-Limit": limit_s,
            "X-RateLimit-Remaining": left_s,
            "X-RateLimit-Reset": str(max(0, math.ceil(end - now))),
            "X-RateLimit-Resource": name,
        }
