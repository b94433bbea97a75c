"""Reconciliation: request log lines rebuild the ledger; it adds only what is missing, never takes away."""

from __future__ import annotations

import calendar
import io
import time

import orjson
import pytest

from shared.usage.ledger import UsageDelta, UsageKey, UsageRow
from shared.usage.reconcile import closed_days, logged_usage, main, reconcile


class MemoryLedger:
    def __init__(self) -> None:
        self.rows: dict[UsageKey, UsageDelta] = {}

    async def write(self, batch: dict[UsageKey, UsageDelta]) -> None:
        for key, delta in batch.items():
            self.rows.setdefault(key, UsageDelta()).add(delta)

    async def report(self, tenant: str, start_day: str, end_day: str) -> list[UsageRow]:
        return [
            UsageRow(k, v)
            for k, v in self.rows.items()
            if k.tenant == tenant and start_day <= k.day <= end_day
        ]


def line(i: int, tenant: str = "acme", hit: bool = False, message: str = "request") -> str:
    cost = {"usd": 0.0, "saved_usd": 0.25} if hit else {"usd": 0.125}
    entry = {
        "message": message,
        "time": f"2026-11-28T10:00:{i:02d}.000Z",
        "request_id": f"r{i}",
        "tenant": tenant,
        "served_model": "gemini-2.5-flash",
        "tokens": {"prompt": 10, "cached": 0, "candidates": 5, "thoughts": 1, "total": 16},
        "cost": cost,
        "ledger": {"day": "2026-11-28", "hit": hit, **({"layer": "l1"} if hit else {})},
    }
    return orjson.dumps(entry).decode()


KEY = UsageKey("acme", "2026-11-28", "gemini-2.5-flash")


def test_log_lines_rebuild_the_deltas_the_ledger_was_given() -> None:
    lines = [line(1), line(2), line(3, hit=True), line(4, message="job done"), "not json", line(1)]
    lines.append(orjson.dumps({"jsonPayload": orjson.loads(line(5))}).decode())  # a Cloud Logging export
    totals = logged_usage(lines)[KEY]
    assert totals.requests == 4 + 1  # the repeated line 1 counts once
    assert totals.cache_hits == 1
    assert totals.prompt_tokens == 40  # a hit uses no tokens
    assert totals.cost_usd == pytest.approx(0.5)
    assert totals.saved_usd == pytest.approx(0.25)
    assert (totals.hits_l1, totals.saved_tokens) == (1, 16)


async def test_fix_adds_what_is_missing_and_never_subtracts() -> None:
    ledger = MemoryLedger()
    await ledger.write(
        {KEY: UsageDelta(requests=1, prompt_tokens=10, output_tokens=5, thoughts_tokens=1, cost_usd=0.125)}
    )
    other = UsageKey("beta", "2026-11-28", "gemini-2.5-flash")
    await ledger.write({other: UsageDelta(requests=9)})  # more than its logs show: never decreased
    lines = [line(i) for i in range(4)] + [line(9, tenant="beta")]
    result = await reconcile(lines, ledger, fix=True)
    assert ledger.rows[KEY].requests == 4
    assert ledger.rows[KEY].cost_usd == pytest.approx(0.5)
    assert ledger.rows[other].requests == 9
    assert [row["tenant"] for row in result.as_dict()["excess"]] == ["beta"]
    assert (await reconcile(lines, ledger, fix=True)).fixed == {}


def test_days_still_open_are_not_fixed() -> None:
    midnight = calendar.timegm(time.strptime("2026-11-29", "%Y-%m-%d"))
    assert closed_days(["2026-11-28", "2026-11-29"], midnight + 60, settle_s=600) == []
    assert closed_days(["2026-11-28", "2026-11-29"], midnight + 601, settle_s=600) == ["2026-11-28"]
    today = time.strftime("%Y-%m-%d", time.gmtime())
    with pytest.raises(SystemExit):  # refused before any ledger is touched
        main(["/dev/null", "--fix", "--day", today], out=io.StringIO())
