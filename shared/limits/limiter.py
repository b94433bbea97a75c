"""Admission and settlement of one call against a tenant's quotas and budgets.

`admit` reserves: one request (RPM), estimated tokens (TPM), estimated cost (budgets, micro-USD),
a concurrency slot. `settle` replaces the estimates with the real usage (cache hits cost nothing)
and frees the slot. Refusals raise `ResourceExhausted` naming the limit and its window.

The fast path (every limit served from the instance's pools, every slot already held) is
synchronous: `begin` does it, and `finish` awaits the store only for what the pools could not
cover. `admit` is both.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from shared.cost.prices import PriceTable, Usage
from shared.errors import PermissionDenied, ResourceExhausted, ServiceUnavailable
from shared.http import RawHeaders
from shared.limits import refusals
from shared.limits.counter import BlockPolicy, Counter, Health
from shared.limits.estimate import estimate_tokens
from shared.limits.plan import (
    DAY,
    RATE,
    REQUESTS,
    TOKENS,
    UNIT,
    Item,
    Plan,
    Planner,
    Pricing,
    micro_usd,
    usd_of,
)
from shared.limits.slots import Slots, instance_id
from shared.limits.store import CounterStore, StoreUnavailable
from shared.limits.windows import Windows
from shared.log import get_logger
from shared.providers.base import GeminiBody
from shared.tenants import Tenant

__all__ = ["Limiter", "Ticket"]

log = get_logger("gatehouse.limits")

_MISSING: object = object()
_DONE = -1  # Ticket.pending when every limit and slot is held
# (from, until: the instants between which it holds; the three spans' window ids, their ends)
_Frame = tuple[float, float, tuple[int, int, int], tuple[float, float, float]]


@dataclass(slots=True)
class _Hold:
    """One limit a ticket holds (a view for tests and diagnostics; tickets keep only `units`)."""

    counter: Counter
    window: int
    end: float
    units: int
    kind: int
    name: str
    soft: bool = False


class Ticket:
    """An admitted call: units held per limit of its plan (in order), slots held, its headers."""

    __slots__ = ("cost", "frame", "gen", "held", "now", "pending", "plan", "pricing", "raw", "settled",
                 "slots", "tokens")  # fmt: skip

    def __init__(
        self, plan: Plan, pricing: Pricing | None, frame: _Frame, now: float, tokens: int, cost: int, gen: int
    ) -> None:
        self.plan = plan
        self.pricing = pricing  # None: the tenant has no budget
        self.frame = frame
        self.now = now
        self.tokens = tokens
        self.cost = cost
        self.gen = gen  # the limiter's generation at admission: unchanged, no window has rolled since
        self.held: list[int] | None = None  # units held by plan.items[i]; None: all, by kind (`units`)
        self.slots = 0  # plan.concurrency[:slots] are held
        self.pending = 0  # index of the next limit (then slot) to take; _DONE when all are held
        self.raw: RawHeaders = ()  # X-RateLimit-* for the response, encoded
        self.settled = False

    @property
    def wids(self) -> tuple[int, int, int]:
        return self.frame[2]

    @property
    def ends(self) -> tuple[float, float, float]:
        return self.frame[3]

    @property
    def units(self) -> list[int]:
        """Units held by plan.items[i] (a ticket of the checked fast path holds every item's by kind)."""
        held = self.held
        if held is None:
            amounts = (1, self.tokens, self.cost)
            held = self.held = [amounts[item.kind] for item in self.plan.items]
        return held

    @property
    def tenant(self) -> str:
        return self.plan.tenant.id

    @property
    def headers(self) -> dict[str, str]:
        """X-RateLimit-* for the response (decoded from `raw`)."""
        return {refusals.RAW_NAMES[name]: value.decode("latin-1") for name, value in self.raw}

    @property
    def holds(self) -> list[_Hold]:
        items, wids, ends = self.plan.items, self.wids, self.ends
        return [
            _Hold(item.counter, wids[item.span], ends[item.span], units, item.kind, item.name, item.soft)
            for item, units in zip(items, self.units, strict=False)
        ]


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
        self._windows = windows or Windows()
        self._window_s = self._windows.window_s
        self._day_s = self._windows.day_s
        self._policy = policy or BlockPolicy()
        self._default_output = default_output_tokens
        self.vertex_tpm_quota = vertex_tpm_quota
        self._clock = clock
        self._health = Health(self._policy.cooldown_s, time.monotonic)
        self._planner = Planner(prices, self._window_s, instance_id(), lease_s, clock)
        self._plans = self._planner.plans
        self._counters = self._planner.counters
        self._price_rows = self._planner.rows  # model -> price rows (None: not resolved yet, or unpriced)
        self._flats = self._planner.flats  # model -> its one tier's prices (None: several, or unpriced)
        # bumped whenever a window rolls (a new frame, a counter moved to a new window) or a counter's
        # limit changes: a plan checked in this generation needs no window or limit checks
        self._gen = 0
        self._soft_logged: set[str] = set()
        self._frame: _Frame = (0.0, 0.0, (-1, -1, -1), (0.0, 0.0, 0.0))

    # -- windows -------------------------------------------------------------------------------------
    def _new_frame(self, now: float) -> _Frame:
        """Window ids and ends of the three spans at `now` (recomputed only when one rolls)."""
        rate = int(now // self._window_s)
        today, month = self._windows.day(now), self._windows.month(now)
        rate_end = (rate + 1) * self._window_s
        self._gen += 1
        frame = self._frame = (
            max(rate * self._window_s, today.end - self._day_s),
            min(rate_end, today.end),
            (rate, today.id, month.id),
            (rate_end, today.end, month.end),
        )
        return frame

    # -- admission -----------------------------------------------------------------------------------
    async def admit(self, tenant: Tenant, key_id: str | None, model: str, body: GeminiBody) -> Ticket | None:
        ticket = self.begin(tenant, key_id, model, body)
        if ticket is not None and ticket.pending != _DONE:
            await self.finish(ticket)
        return ticket

    def begin(self, tenant: Tenant, key_id: str | None, model: str, body: GeminiBody) -> Ticket | None:
        """Admit from local pools and held slots; `ticket.pending != -1`: `finish` must await the rest."""
        plan = self._plans.get((tenant.id, key_id))
        if plan is None or plan.tenant is not tenant:
            plan = self._planner.build(tenant, key_id, self.vertex_tpm_quota)
            if plan is None:
                return None
        now = self._clock()
        frame = self._frame
        if not frame[0] <= now < frame[1]:
            frame = self._new_frame(now)
        pricing = None
        tokens = cost = 0
        if plan.needs_tokens:
            prompt, output = estimate_tokens(body, self._default_output)
            tokens = prompt + output
            if plan.budgets:
                pricing = plan.pricing.get(model) or self._planner.pricing(plan, model)
                flat = pricing.flat
                if flat is not None:  # one priced model with one tier serves the call (`usd_of`, short)
                    cost = math.ceil(prompt * flat[0] + output * flat[2])
                else:
                    priced = micro_usd(pricing.rows, prompt, 0, output, plan.fallback)
                    if priced is None:
                        raise PermissionDenied(
                            f"model `{model}` has no price in the price table and this tenant has a "
                            "budget; an operator can set limits.fallback_price to allow it"
                        )
                    cost = priced
        ticket = Ticket(plan, pricing, frame, now, tokens, cost, self._gen)
        try:
            if plan.checked == ticket.gen:
                self._take_checked(ticket)
            else:
                ticket.held = []
                if plan.fast:
                    self._take_fast(ticket)
                else:
                    self._take(ticket)
        except BaseException as error:
            replacement = self._abort(ticket, error)
            if replacement is error:
                raise
            raise replacement from None
        return ticket

    async def finish(self, ticket: Ticket) -> None:
        """Take what `begin` could not from the store (block takes, slot leases)."""
        plan = ticket.plan
        try:
            while ticket.pending != _DONE:
                index = ticket.pending
                if index < len(plan.items):
                    await self._reserve(ticket, plan.items[index])
                else:
                    await self._acquire(ticket, *plan.concurrency[index - len(plan.items)])
                ticket.pending += 1
                self._take(ticket)
        except BaseException as error:
            replacement = self._abort(ticket, error)
            if replacement is error:
                raise
            raise replacement from None

    def _take_fast(self, ticket: Ticket) -> None:
        """`_take` from the start for a plan without concurrency limits and without a limit of 0 (the
        usual one): every limit from its pool, the tightest found on the way. Anything else (a window
        rolled, a limit changed, a pool short of the units) continues in `_take` from that limit."""
        wids, held = ticket.wids, ticket.units
        amounts = (1, ticket.tokens, ticket.cost)  # by Item.kind
        best_share, best, best_left = 2.0, 0, 0
        for index, (counter, limit, kind, span) in enumerate(ticket.plan.rows):
            units = amounts[kind]
            pool = counter.pool - units
            if pool < 0 or counter.window != wids[span] or counter.limit != limit:
                ticket.pending = index
                self._take(ticket)  # resumes here (and recounts the headers)
                return
            counter.pool = pool
            held.append(units)
            seen = counter.used_seen  # Counter.remaining, inline
            if seen >= 0:
                left = (limit - seen if limit > seen else 0) + pool
            else:
                left = limit - counter.got - counter.extra + pool
                if left < 0:
                    left = 0
            if left / limit < best_share:
                best_share, best, best_left = left / limit, index, left
        ticket.pending = _DONE
        plan = ticket.plan
        plan.checked = ticket.gen  # every row's window and limit as the plan has them: none rolled
        item = plan.items[best]
        ticket.raw = item.headers(best_left, ticket.ends[item.span] - ticket.now)

    def _take_checked(self, ticket: Ticket) -> None:
        """`_take_fast` for a plan checked in this generation: no window rolled and no limit changed
        since, so every row is only its pool (and what is left: `Counter.base` + the pool). A pool
        short of the units continues in `_take` from that limit, with what this pass holds."""
        amounts = (1, ticket.tokens, ticket.cost)  # by Item.kind
        best_share, best, best_left = 2.0, None, 0
        for counter, kind, limit, item in ticket.plan.hold:
            pool = counter.pool - amounts[kind]
            if pool < 0:
                hold = ticket.plan.hold
                index = [row[0] for row in hold].index(counter)
                ticket.held = [amounts[row[1]] for row in hold[:index]]
                ticket.pending = index
                self._take(ticket)  # resumes here (and recounts the headers)
                return
            counter.pool = pool
            left = counter.base + pool  # Counter.remaining, inline (below 0 only when overspent:
            if left / limit < best_share:  # the tightest then, clamped to 0 below)
                best_share, best, best_left = left / limit, item, left
        ticket.pending = _DONE
        if best is not None:
            ticket.raw = best.headers(
                best_left if best_left > 0 else 0, ticket.frame[3][best.span] - ticket.now
            )

    def _take(self, ticket: Ticket) -> None:
        """Hold limits and slots from `ticket.pending` on while no I/O is needed. A pass that holds
        everything from the start also finds the tightest limit on the way (nothing changes them
        until it returns); a pass that resumes after an await recounts them all (`_headers`)."""
        plan, now, units_held, wids = ticket.plan, ticket.now, ticket.units, ticket.wids
        items = plan.items
        start = index = ticket.pending
        amounts = (1, ticket.tokens, ticket.cost)  # by Item.kind
        best_share, best, best_left = 2.0, -1, 0
        best_slots: Slots | None = None
        rows = plan.rows
        for index in range(start, len(rows)):
            counter, limit, kind, span = rows[index]
            if counter.window != wids[span]:
                self._roll(counter, items[index], ticket)
            if counter.limit != limit:  # an operator changed the limit mid-window
                counter.limit = limit
                counter.exhausted = counter.used_seen >= limit
                counter.rebase()
                self._gen += 1
            units = amounts[kind]
            pool = counter.pool
            if pool < units:  # the store is needed (or a refusal)
                if limit == 0 and not items[index].soft:
                    raise refusals.zero(items[index].name, plan.tenant.id)
                ticket.pending = index
                return
            counter.pool = pool = pool - units  # the fast path: no I/O, no coroutine
            units_held.append(units)
            if limit:  # units left (Counter.remaining, inline) and the share they are of the limit
                seen = counter.used_seen
                left = (
                    (limit - seen if limit > seen else 0) + pool
                    if seen >= 0
                    else max(0, limit - counter.spent)
                )
                if left / limit < best_share:
                    best_share, best, best_left = left / limit, index, left
        concurrency = plan.concurrency
        index = max(start, len(items)) - len(items)
        while index < len(concurrency):
            slots, limit, name = concurrency[index]
            if limit == 0:
                raise refusals.zero(name, plan.tenant.id)
            if not slots.take_local(limit, now):
                ticket.pending = len(items) + index
                return
            ticket.slots += 1
            left = slots.remaining()
            if left / limit < best_share:
                best_share, best_slots, best_left = left / limit, slots, left
            index += 1
        ticket.pending = _DONE
        if start != 0:
            ticket.raw = refusals.encoded(self._headers(ticket))
        elif best_slots is not None:
            name = best_slots.name
            ticket.raw = refusals.encoded(
                refusals.rate_headers(best_slots.limit, best_left, 1, name, "requests")
            )
        elif best >= 0:
            item = items[best]
            ticket.raw = item.headers(best_left, ticket.ends[item.span] - now)

    def _roll(self, counter: Counter, item: Item, ticket: Ticket) -> None:
        self._gen += 1
        span = item.span
        end = ticket.ends[span]
        length = (
            self._window_s
            if span == RATE
            else float(self._day_s)
            if span == DAY
            else max(1.0, end - ticket.now)
        )
        counter.roll(ticket.wids[span], end, length, item.limit, ticket.now)

    async def _reserve(self, ticket: Ticket, item: Item) -> None:
        """Take one limit's units through the store; refuse (or, soft, hold nothing) when it is spent."""
        counter, kind, now = item.counter, item.kind, ticket.now
        units = 1 if kind == REQUESTS else ticket.tokens if kind == TOKENS else ticket.cost
        limits = ticket.plan.tenant.limits
        if await counter.reserve(units, self._store, self._policy, self._health, now, limits.fail_closed):
            ticket.units.append(units)
        elif item.soft:
            ticket.units.append(0)
            self._soft_exceeded(ticket.tenant, item.name, counter)
        elif units > item.limit:
            raise refusals.too_big(item.name, UNIT[kind], item.limit, units, self._window_s)
        else:
            end = ticket.ends[item.span]
            raise refusals.exhausted(
                item.name, UNIT[kind], item.limit, end, now, ticket.tenant, self._window_s
            )

    async def _acquire(self, ticket: Ticket, slots: Slots, limit: int, name: str) -> None:
        if not await slots.acquire(
            limit, self._store, self._policy, self._health, ticket.plan.tenant.limits.fail_closed
        ):
            raise refusals.busy(name, limit)
        ticket.slots += 1

    def _abort(self, ticket: Ticket, error: BaseException) -> BaseException:
        """Give back what a refused (or failed) admission held; the exception to raise."""
        if isinstance(error, StoreUnavailable):
            self._undo(ticket)
            return ServiceUnavailable(
                "the limits store is unreachable and this tenant fails closed; retry shortly", retry_after=5
            )
        if isinstance(error, ResourceExhausted):  # the refusing limit's own headers win
            for header, value in self._headers(ticket).items():
                error.headers.setdefault(header, value)
        self._undo(ticket)
        return error

    def _undo(self, ticket: Ticket) -> None:
        items, wids = ticket.plan.items, ticket.wids
        for item, units in zip(items, ticket.units, strict=False):
            item.counter.refund(units, wids[item.span])
        ticket.units.clear()
        for slots, _, _ in ticket.plan.concurrency[: ticket.slots]:
            slots.release(self._store, self._health)
        ticket.slots = 0
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
        counts = None if usage is None else (usage.prompt, usage.cached, usage.candidates + usage.thoughts)
        self.settle_counts(ticket, counts, served_model, extra_tokens, extra_usd)

    def settle_counts(
        self,
        ticket: Ticket,
        counts: tuple[int, int, int] | None,
        served_model: str | None,
        extra_tokens: int = 0,
        extra_usd: float = 0.0,
    ) -> None:
        """`settle` with the usage as (prompt, cached, output) tokens, output including thoughts."""
        if ticket.settled:
            return
        ticket.settled = True
        plan = ticket.plan
        tokens = extra_tokens if counts is None else extra_tokens + counts[0] + counts[2]
        extra = round(extra_usd * 1_000_000) if extra_usd else 0
        cost = 0
        if plan.budgets and counts is not None:
            rows = self._price_rows.get(served_model) if served_model else None
            if rows is not None:  # the served model's own price, already resolved (`_cost`, short)
                usd = usd_of(rows, *counts)
                cost = math.ceil(usd) if usd > 0 else 0
            else:
                cost = self._cost(ticket, counts, served_model)
        if cost >= 0 and self._refund_checked(ticket, tokens, cost + extra):
            return
        held = ticket.units
        count = len(held)
        wids = ticket.wids
        spent_usd = cost + extra  # cost < 0: unpriced, each USD limit keeps its estimate (+ extra)
        for index, counter, span, is_usd, soft in plan.spending:
            if index >= count:
                break
            units = held[index]
            diff = ((units + extra if cost < 0 else spent_usd) if is_usd else tokens) - units
            if diff < 0:
                if wids[span] == counter.window:  # Counter.refund, inline
                    counter.pool -= diff
            elif diff > 0:
                counter.charge(diff, wids[span], self._store, self._health)
            if soft and wids[span] == counter.window and counter.remaining() <= 0:
                self._soft_exceeded(plan.tenant.id, plan.items[index].name, counter)
        if ticket.slots:
            for slots, _, _ in plan.concurrency[: ticket.slots]:
                slots.release(self._store, self._health)

    def settle_response(self, ticket: Ticket, response: GeminiBody, usage: Usage, target: str | None) -> None:
        """`settle_counts` for an answer: its `usage` (`Call.usage`: its usageMetadata as read once per
        call), at the model that served it (the answer's modelVersion, else `target`: the routed
        model). A ticket of the checked fast path that spent no more than it reserved, no window rolled
        since, the served model priced with one tier (the usual case) is settled inline: what it did
        not use goes back to the pools."""
        prompt, cached, output = usage.counts
        served = response.get("modelVersion") or target
        if type(served) is not str:
            served = str(served) if served else None
        if ticket.held is None and ticket.gen == self._gen and not ticket.settled:
            cost = 0
            if ticket.plan.budgets:
                flat = self._flats.get(served) if served else None
                if flat is None:
                    cost = -1  # priced otherwise: `settle_counts`
                else:
                    spent = cached if cached < prompt else prompt
                    usd = (prompt - spent) * flat[0] + spent * flat[1] + output * flat[2]  # `usd_of`
                    cost = math.ceil(usd) if usd > 0 else 0
            if cost >= 0 and self._refund_checked(ticket, prompt + output, cost):
                return
        self.settle_counts(ticket, (prompt, cached, output), served)

    def _refund_checked(self, ticket: Ticket, tokens: int, usd: int) -> bool:
        """Settle a ticket of the checked fast path that spent no more than it reserved (`tokens`,
        `usd` micro-USD, at least 0) while no window has rolled: the rest goes back to the pools, as
        `settle_counts`' loop would; False (nothing done): that loop must run."""
        plan = ticket.plan
        if (
            ticket.held is not None  # not every item held by kind: not the checked fast path
            or ticket.gen != self._gen  # a window rolled since: refunds may not go to the pools
            or tokens > ticket.tokens
            or usd > ticket.cost
            or plan.soft
        ):
            return False
        ticket.settled = True
        refund = ticket.tokens - tokens  # Counter.refund, inline
        if refund:
            for counter in plan.token_counters:
                counter.pool += refund
        refund = ticket.cost - usd
        if refund:
            for counter in plan.usd_counters:
                counter.pool += refund
        return True

    def _cost(self, ticket: Ticket, counts: tuple[int, int, int] | None, served_model: str | None) -> int:
        """Micro-USD of the usage at the served model's price; -1: unpriced (keep the estimate)."""
        if counts is None:
            return 0
        prompt, cached, output = counts
        if served_model:
            rows = self._planner.price_rows(served_model)
            if rows is not None:  # the served model's own price
                return math.ceil(max(0.0, usd_of(rows, prompt, cached, output)))
            fallback = ticket.plan.fallback
            if fallback is not None:
                return math.ceil(max(0.0, fallback.usd(prompt, cached, output)))
        cost = None
        if ticket.pricing is not None:
            cost = micro_usd(ticket.pricing.rows, prompt, cached, output, ticket.plan.fallback)
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

    def _headers(self, ticket: Ticket) -> dict[str, str]:
        """X-RateLimit-* for the tightest limit held (lowest share left)."""
        best_share, best, best_left = 2.0, -1, 0
        items, wids = ticket.plan.items, ticket.wids
        for index in range(len(ticket.units)):
            counter = items[index].counter
            limit = counter.limit
            if counter.window != wids[items[index].span] or not limit:
                continue
            seen = counter.used_seen  # Counter.remaining, inline
            if seen < 0:
                left = limit - counter.spent
                if left < 0:
                    left = 0
            else:
                left = (limit - seen if limit > seen else 0) + counter.pool
            share = left / limit
            if share < best_share:
                best_share, best, best_left = share, index, left
        now = ticket.now
        if ticket.slots:
            for slots, _, _ in ticket.plan.concurrency[: ticket.slots]:
                left = slots.remaining()
                share = left / slots.limit if slots.limit else 0.0
                if share < best_share:
                    best_share, best, best_left = share, -2, left
                    tightest = slots
            if best == -2:
                return refusals.rate_headers(tightest.limit, best_left, 1, tightest.name, "requests")
        if best < 0:
            return {}
        item = items[best]
        reset = ticket.ends[item.span] - now
        return refusals.rate_headers(item.counter.limit, best_left, reset, item.name, UNIT[item.kind])
