"""The accounting stage: tokens and cost per request, cache savings, streams, unpriced models."""

from __future__ import annotations

import pytest

from shared.cost.prices import PriceTable
from shared.pipeline import Call, Outcome, Pipeline
from shared.providers.base import Target
from shared.tenants import Tenant
from shared.usage.accounting import Accounting
from shared.usage.aggregator import UsageAggregator
from shared.usage.ledger import UsageDelta, UsageKey, UsageRow
from tests.fakes import answer, prepend

USAGE = {"promptTokenCount": 1000, "cachedContentTokenCount": 0, "candidatesTokenCount": 100,
         "thoughtsTokenCount": 0, "totalTokenCount": 1100}  # fmt: skip
FLASH_COST = 1000 * 0.30 / 1e6 + 100 * 2.50 / 1e6


class MemoryLedger:
    def __init__(self) -> None:
        self.writes: list[dict[UsageKey, UsageDelta]] = []
        self.fail = False

    async def write(self, batch: dict[UsageKey, UsageDelta]) -> None:
        if self.fail:
            raise RuntimeError("down")
        self.writes.append(batch)

    async def report(self, tenant: str, start_day: str, end_day: str) -> list[UsageRow]:
        return []


def _call(stream: bool = False) -> Call:
    return Call("r1", Tenant(id="acme"), "gemini", "gemini-2.5-flash", {}, stream, deadline=1e18)


async def _run(outcome: Outcome, call: Call, ledger: MemoryLedger) -> tuple[Outcome, UsageAggregator]:
    agg = UsageAggregator(ledger, interval_s=3600)

    async def terminal(_call: Call) -> Outcome:
        return outcome

    result = await Pipeline([Accounting(PriceTable.load(), agg, now=lambda: 0)], terminal).run(call)
    return result, agg


async def test_miss_is_billed_and_buffered() -> None:
    ledger = MemoryLedger()
    call = _call()
    _, agg = await _run(
        Outcome(response={**answer("x", usage=USAGE), "modelVersion": "gemini-2.5-flash"}), call, ledger
    )
    assert call.attrs["cost"]["usd"] == pytest.approx(FLASH_COST)
    assert call.attrs["tokens"]["prompt"] == 1000
    key = UsageKey("acme", "1970-01-01", "gemini-2.5-flash")
    assert agg.pending()[key].cost_usd == pytest.approx(FLASH_COST)
    await agg.flush()
    assert ledger.writes[0][key].requests == 1


async def test_cache_hit_costs_nothing_and_records_savings() -> None:
    ledger = MemoryLedger()
    call = _call()
    _, agg = await _run(Outcome(response=answer("x", usage=USAGE), cache="hit"), call, ledger)
    assert call.attrs["cost"]["usd"] == 0
    assert call.attrs["cost"]["saved_usd"] == pytest.approx(FLASH_COST)
    delta = next(iter(agg.pending().values()))
    assert delta.cache_hits == 1
    assert delta.prompt_tokens == 0
    assert delta.saved_usd == pytest.approx(FLASH_COST)


async def test_unknown_model_is_logged_unpriced() -> None:
    call = Call("r1", Tenant(id="acme"), "gemini", "my-own-model", {}, False, deadline=1e18)
    _, agg = await _run(
        Outcome(response=answer("x", usage=USAGE), target=Target("x", "my-own-model", "r")),
        call,
        MemoryLedger(),
    )
    assert call.attrs["cost"] == {"unpriced": True}
    assert next(iter(agg.pending().values())).unpriced_requests == 1


async def test_stream_is_accounted_from_its_last_chunk_once_complete() -> None:
    ledger = MemoryLedger()
    call = _call(stream=True)

    async def rest():  # type: ignore[no-untyped-def]
        yield answer("b", usage=USAGE)

    outcome, agg = await _run(
        Outcome(chunks=prepend(answer("a", finish=None, usage={"promptTokenCount": 1000}), rest())),
        call,
        ledger,
    )
    assert agg.pending() == {}  # nothing until the stream is consumed
    assert outcome.chunks is not None
    assert len([c async for c in outcome.chunks]) == 2
    assert call.attrs["tokens"]["candidates"] == 100


async def test_failed_flush_keeps_the_deltas() -> None:
    ledger = MemoryLedger()
    ledger.fail = True
    _, agg = await _run(Outcome(response=answer("x", usage=USAGE)), _call(), ledger)
    await agg.flush()
    assert next(iter(agg.pending().values())).requests == 1
    ledger.fail = False
    await agg.flush()
    assert agg.pending() == {}
    assert next(iter(ledger.writes[0].values())).requests == 1


async def test_a_stream_cut_midway_is_billed_to_its_last_usage_report() -> None:
    from shared.errors import UpstreamError

    ledger = MemoryLedger()
    call = _call(stream=True)

    async def rest():  # type: ignore[no-untyped-def]
        yield answer("b", finish=None, usage={"promptTokenCount": 1000, "candidatesTokenCount": 40})
        raise UpstreamError(502, "cut")

    outcome, agg = await _run(
        Outcome(chunks=prepend(answer("a", finish=None, usage=USAGE), rest())), call, ledger
    )
    assert outcome.chunks is not None
    with pytest.raises(UpstreamError):
        async for _ in outcome.chunks:
            pass
    assert call.attrs["stream_partial"] is True
    assert call.attrs["tokens"]["candidates"] == 40
    assert next(iter(agg.pending().values())).requests == 1


async def test_a_quiet_spell_still_flushes_the_buffer() -> None:
    import asyncio

    ledger = MemoryLedger()
    agg = UsageAggregator(ledger, interval_s=0.05)
    agg.add(UsageKey("t", "d", "m"), UsageDelta(requests=1))
    await asyncio.sleep(0.2)  # no further request arrives
    assert agg.pending() == {}
    assert len(ledger.writes) == 1
