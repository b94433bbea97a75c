"""The resilient terminal: route plan -> attempts with retries, breakers, failover and hedging.

One call runs one tenacity loop (`AsyncRetrying`, injectable `sleep`) whose wait/stop is the
call's `AttemptPlanner`. An attempt is one upstream call, or a hedged pair racing. A stream is
primed until its first content chunk, so a failure before it is just a failed attempt; after
it, the stream is committed and a failure ends it with a GatehouseError (a terminal error
event in the caller's dialect), never a clean end.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping

from shared.errors import (
    RETRYABLE_STATUSES,
    DeadlineExceeded,
    GatehouseError,
    InvalidRequest,
    ServiceUnavailable,
    UpstreamError,
)
from shared.pipeline import Call, Outcome
from shared.providers.base import GeminiBody, Provider, Target
from shared.resilience.breaker import Breaker, Breakers
from shared.resilience.classify import (
    Failure,
    SafetyBlocked,
    blocked_on_safety,
    classify,
    counts_against_target,
)
from shared.resilience.latency import LatencyTracker
from shared.resilience.retry import AttemptPlanner, RetryConfig, latency_key
from shared.routing.router import Candidate, PlanRouter
from shared.streams import ChunkStream, tap

__all__ = ["ResilientUpstream"]

Sleep = Callable[[float], Awaitable[None]]
_OWN_CALLS = ("countTokens", "embed")  # operations with a provider method of their own (`_invoke`)


def _has_content(chunk: GeminiBody) -> bool:
    return any((candidate.get("content") or {}).get("parts") for candidate in chunk.get("candidates") or ())


class _Commit:
    """The breaker learns a stream's outcome at its end: a clean end is a success, a cut is a failure
    (so a half-open probe is judged on the whole stream), and an abandoned stream frees its slot."""

    __slots__ = ("_breaker", "_candidate", "_tenant")

    def __init__(self, breaker: Breaker, candidate: Candidate, tenant: str) -> None:
        self._breaker = breaker
        self._candidate = candidate
        self._tenant = tenant

    def __call__(self, error: BaseException | None) -> None:
        breaker = self._breaker
        if error is None:
            breaker.record(True, tenant=self._tenant)
            return
        if isinstance(error, GatehouseError):
            if counts_against_target(classify(error)):
                breaker.record(False, tenant=self._tenant)
            else:
                breaker.release()
            raise error
        if isinstance(error, Exception):
            breaker.record(False, tenant=self._tenant)
            name = self._candidate.target.name
            raise UpstreamError(
                502, f"upstream {name} stream failed ({type(error).__name__})", target=name
            ) from error
        breaker.release()  # the caller went away (GeneratorExit) or the task was cancelled
        raise error


async def _close(outcome: Outcome) -> None:
    if outcome.chunks is not None and hasattr(outcome.chunks, "aclose"):
        with contextlib.suppress(Exception):
            await outcome.chunks.aclose()


class ResilientUpstream:
    """The pipeline's terminal handler (replaces the single-target `Upstream`)."""

    def __init__(
        self,
        router: PlanRouter,
        providers: Mapping[str, Provider],
        breakers: Breakers,
        config: RetryConfig,
        *,
        latency: LatencyTracker | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._router = router
        self._providers = providers
        self._breakers = breakers
        self._config = config
        self._latency = latency or LatencyTracker()
        self._sleep = sleep
        self._clock = clock

    @property
    def breakers(self) -> Breakers:
        return self._breakers

    async def __call__(self, call: Call) -> Outcome:
        candidates = self._router.candidates(call)
        if call.operation == "countTokens":
            candidates = [
                c for c in candidates if getattr(self._providers[c.target.provider], "counts_tokens", True)
            ]
            if not candidates:
                raise InvalidRequest("countTokens is not available for this route's providers", field="model")
        elif call.operation == "embed":
            candidates = [c for c in candidates if hasattr(self._providers[c.target.provider], "embed")]
            if not candidates:
                raise InvalidRequest("embeddings are not available for this route's providers", field="model")
        planner = AttemptPlanner(
            candidates, self._breakers, self._latency, self._config, call.deadline, self._clock
        )
        # `_run` and `_attempt` in line (two coroutine levels fewer on every call, each resumed by
        # every read of the upstream's answer): the same steps in the same order
        try:
            with call.timings.span("upstream"):
                first = planner.upcoming = planner.first()
                if first is None:
                    raise self._all_open(planner)
                if self._clock() + planner.needed(first) > call.deadline:
                    self._breakers.get(first.target.name).release()
                    raise DeadlineExceeded("the request deadline leaves no time for an upstream call")
                try:
                    try:  # the first attempt runs outside tenacity: most calls need no retry (~100 us saved)
                        if call.tenant.routing.hedging and call.operation == "generate":
                            return await self._attempt(call, planner)
                        planner.upcoming = None
                        return await self._single(call, planner, first)
                    except Exception as error:
                        if classify(error) is Failure.FATAL:
                            raise
                        return await self._retry(call, planner, error)
                except SafetyBlocked as blocked:
                    assert planner.current is not None
                    return Outcome(response=blocked.response, target=planner.current.target)
        finally:
            current = planner.current or candidates[0]
            call.attrs["route"] = {
                "target": current.target.name,
                "attempts": planner.attempts,
                "failovers": planner.failovers,
                "hedged": planner.hedged,
            }

    async def _retry(self, call: Call, planner: AttemptPlanner, first: Exception) -> Outcome:
        """The tenacity loop, entered after a retryable first failure (replayed as its attempt 1)."""
        from tenacity import AsyncRetrying, retry_if_exception  # imported by the first retry, not at start

        replayed = False

        async def attempt() -> Outcome:
            nonlocal replayed
            if not replayed:
                replayed = True
                raise first
            return await self._attempt(call, planner)

        retrying = AsyncRetrying(
            wait=planner.wait,
            stop=planner.stop,
            retry=retry_if_exception(lambda e: classify(e) is not Failure.FATAL),
            sleep=self._sleep,
            reraise=True,
        )
        return await retrying(attempt)

    def _all_open(self, planner: AttemptPlanner) -> GatehouseError:
        """Every target's breaker is open: answer with the class they failed with (429 stays 429)."""
        breakers = [self._breakers.get(c.target.name) for c in planner.candidates]
        wait = max(1.0, min(b.retry_in() for b in breakers))
        message = "every target for this request has an open circuit breaker"
        statuses = [b.last_status for b in breakers if b.last_status in RETRYABLE_STATUSES]
        if statuses:
            return UpstreamError(statuses[-1], message, retry_after=wait)
        return ServiceUnavailable(message, retry_after=wait)

    async def _attempt(self, call: Call, planner: AttemptPlanner) -> Outcome:
        primary = planner.upcoming
        assert primary is not None
        planner.upcoming = None
        if call.tenant.routing.hedging and call.operation == "generate":
            return await self._hedged(call, planner, primary)
        return await self._single(call, planner, primary)

    async def _single(self, call: Call, planner: AttemptPlanner, candidate: Candidate) -> Outcome:
        target = candidate.target
        breaker = self._breakers.get(target.name)
        provider = self._providers[target.provider]
        planner.begin(candidate)
        started = self._clock()
        remaining = call.deadline - started
        callers = True  # whether a timeout of this attempt is the caller's deadline, not the target's
        try:
            if remaining <= 0:
                raise DeadlineExceeded(f"deadline reached before calling {target.name}")
            reserve = planner.reserve_for_failover(candidate, remaining)
            budget = remaining - reserve
            cap = planner.attempt_timeout(candidate, call.stream) if reserve > 0 else None
            if cap is not None and cap < budget:  # a failover is possible: cut a hang early
                budget, callers = cap, False
            else:
                callers = budget < planner.fair_time(candidate, call.stream)
            try:
                async with asyncio.timeout(budget):
                    if call.operation in _OWN_CALLS:
                        outcome = await self._own_call(call, provider, target)
                    elif call.stream:
                        # a stream's own timeout is the whole deadline: once its first chunk came, it
                        # is making progress and is never cut by the attempt timeout
                        outcome = await self._primed(call, provider, candidate, remaining)
                    else:  # a generate, the usual call: without `_invoke`'s coroutine level
                        # no wire timeout (None): `asyncio.timeout(budget)` around the call already
                        # ends it at `budget`, so a second timer for the same end is not armed
                        answer = await provider.generate(target, call.body, timeout=None)
                        outcome = Outcome(response=answer, target=target)
            except TimeoutError as error:
                if call.stream:
                    late = f"upstream {target.name} did not answer in {budget:.3f}s"
                    raise DeadlineExceeded(late) from error
                # a unary call's words as when aiohttp's own timer for the same end ended it (it won that
                # race before the call went without one): the caller's message did not change
                raise DeadlineExceeded(f"upstream {target.name} timed out") from error
        except asyncio.CancelledError:
            breaker.release()
            raise
        except Exception as error:
            failure = classify(error)
            if isinstance(error, DeadlineExceeded) and callers:
                breaker.release()  # the caller's own deadline: not the target's failure
            elif counts_against_target(failure) and target.name not in planner.recorded:
                planner.recorded.add(target.name)  # one failure per request and target
                breaker.record(False, getattr(error, "status", None), call.tenant.id)
            else:
                breaker.release()  # caused by the request (invalid, too long), or already counted
            planner.failed(candidate, error)
            raise
        elapsed = self._clock() - started
        self._latency.observe(target.name, elapsed)
        self._latency.observe(latency_key(target.name, call.stream), elapsed)
        if outcome.chunks is not None:  # a stream's outcome is known at its end (`_committed`)
            return outcome
        breaker.record(True, tenant=call.tenant.id)
        response = outcome.response
        if response is not None and call.tenant.routing.fallback_on_safety and blocked_on_safety(response):
            blocked = SafetyBlocked(response, target.name)
            planner.failed(candidate, blocked)
            raise blocked
        return outcome

    async def _own_call(self, call: Call, provider: Provider, target: Target) -> Outcome:
        """An attempt's countTokens or embed call (no wire timeout: `_single`'s `asyncio.timeout`
        bounds it, as it does a unary generate, which `_single` calls itself)."""
        if call.operation == "countTokens":
            response = await provider.count_tokens(target, call.body, timeout=None)
        else:
            response = await provider.embed(target, call.body, timeout=None)  # type: ignore[attr-defined]
        return Outcome(response=response, target=target, cache="bypass")

    async def _primed(self, call: Call, provider: Provider, candidate: Candidate, timeout: float) -> Outcome:
        """A stream, read up to its first content chunk (`timeout`: the stream's whole deadline)."""
        target = candidate.target
        chunks = provider.stream(target, call.body, timeout=timeout)
        buffered: list[GeminiBody] = []
        try:
            while True:
                try:
                    chunk = await anext(chunks)
                except StopAsyncIteration:
                    if buffered:  # a complete answer without content (e.g. blocked): pass it on
                        return Outcome(
                            chunks=self._committed(buffered, chunks, candidate, call.tenant.id), target=target
                        )
                    raise UpstreamError(502, "upstream sent an empty stream", target=target.name) from None
                buffered.append(chunk)
                if _has_content(chunk):
                    break
        except BaseException:
            with contextlib.suppress(Exception):
                await chunks.aclose()  # type: ignore[attr-defined]
            raise
        return Outcome(chunks=self._committed(buffered, chunks, candidate, call.tenant.id), target=target)

    def _committed(
        self,
        buffered: list[GeminiBody],
        chunks: AsyncIterator[GeminiBody],
        candidate: Candidate,
        tenant: str,
    ) -> AsyncIterator[GeminiBody]:
        """After the first content chunk: the chunks read up to it (`buffered`), then the rest passed
        through; a failure ends the stream with an error. The first level of the stream's one
        `ChunkStream` (shared/streams.py): its other stages add theirs to it, no generator each."""
        commit = _Commit(self._breakers.get(candidate.target.name), candidate, tenant)
        return tap(ChunkStream(chunks, buffered), None, commit)

    async def _hedged(self, call: Call, planner: AttemptPlanner, primary: Candidate) -> Outcome:
        first: asyncio.Future[Outcome] = asyncio.ensure_future(self._single(call, planner, primary))
        delay = min(planner.hedge_delay(primary), max(0.0, call.deadline - self._clock()))
        done, _ = await asyncio.wait({first}, timeout=delay)
        if done:
            return first.result()
        backup = planner.hedge_for(primary) if planner.attempts < self._config.max_attempts else None
        if backup is None or self._clock() + planner.needed(backup) > call.deadline:
            if backup is not None:
                self._breakers.get(backup.target.name).release()
            return await first
        planner.hedged = True
        second: asyncio.Future[Outcome] = asyncio.ensure_future(self._single(call, planner, backup))
        pending: set[asyncio.Future[Outcome]] = {first, second}
        error: BaseException | None = None
        try:
            while pending:
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                winners = [task for task in done if task.exception() is None]
                for task in done:
                    if task.exception() is not None:
                        error = task.exception()
                if winners:
                    winner = second if second in winners else first
                    for extra in winners:
                        if extra is not winner:
                            await _close(extra.result())
                    if winner is second and first in pending:
                        self._breakers.get(primary.target.name).record(False, tenant=call.tenant.id)  # slow
                    planner.current = backup if winner is second else primary
                    return winner.result()
        finally:
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)
        assert error is not None
        raise error
