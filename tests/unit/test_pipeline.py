"""The pipeline's stage chain: a stage idle for a call is passed over, and only then."""

from __future__ import annotations

from typing import Any

from shared.limits.config import LimitSettings
from shared.limits.stage import LimitsStage
from shared.pipeline import Call, Handler, Outcome, Pipeline
from shared.tenants import Tenant


def _call(tenant: Tenant, operation: Any = "generate") -> Call:
    return Call("req-1", tenant, "gemini", "gemini-2.5-flash", {}, False, 1e12, operation=operation)


class _Recording:
    """A stage that tags the outcome it passes on; idle for calls whose model is `idle_for`."""

    def __init__(self, name: str, seen: list[str], idle_for: str | None = None) -> None:
        self.name, self.seen, self.idle_for = name, seen, idle_for

    def idle(self, call: Call) -> bool:
        return call.model == self.idle_for

    async def __call__(self, call: Call, next_handler: Handler) -> Outcome:
        self.seen.append(self.name)
        outcome = await next_handler(call)
        outcome.response = {**(outcome.response or {}), self.name: True}
        return outcome


async def _terminal(call: Call) -> Outcome:
    return Outcome(response={"model": call.model})


async def test_an_idle_stage_is_passed_over_and_a_busy_one_runs() -> None:
    seen: list[str] = []
    pipeline = Pipeline([_Recording("a", seen), _Recording("b", seen, idle_for="quiet")], _terminal)
    busy = await pipeline.run(_call(Tenant(id="t")))
    assert seen == ["a", "b"]
    assert busy.response == {"model": "gemini-2.5-flash", "b": True, "a": True}
    seen.clear()
    quiet = _call(Tenant(id="t"))
    quiet.model = "quiet"
    idle = await pipeline.run(quiet)
    assert seen == ["a"]  # b passed over, a still ran around the rest
    assert idle.response == {"model": "quiet", "a": True}


async def test_a_swapped_terminal_passes_over_idle_stages_too() -> None:
    seen: list[str] = []

    async def enqueue(call: Call) -> Outcome:
        return Outcome(response={"queued": True})

    quiet = _call(Tenant(id="t"))
    quiet.model = "quiet"
    pipeline = Pipeline([_Recording("b", seen, idle_for="quiet")], _terminal)
    outcome = await pipeline.run(quiet, terminal=enqueue)
    assert seen == []
    assert outcome.response == {"queued": True}


def test_the_limits_stage_is_idle_only_without_limits_or_for_operations_it_does_not_limit() -> None:
    def unused() -> Any:
        raise AssertionError("not built for an idle call")

    stage = LimitsStage(unused)
    free = Tenant(id="free")
    limited = Tenant(id="paid", limits=LimitSettings.model_validate({"daily_budget": {"usd": 5}}))
    assert stage.idle(_call(free))
    assert stage.idle(_call(free, "embed"))
    assert not stage.idle(_call(limited))
    assert not stage.idle(_call(limited, "embed"))
    assert stage.idle(_call(limited, "countTokens"))
