"""shared/streams.ChunkStream: a stream's levels (a step per item, an end) in one async iterator emit
what the nested async generators they replaced emitted, end the same way, and run the same ends.

The reference below is one level written as the generators were (`_committed`, `map_stream`,
accounting's `_watch`, `_logged`, `render_stream`: a loop over the level below, its step per item, its
end in `except`/`else`); random chains of such levels, over sources that end cleanly or fail, are run
both ways and compared."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import random
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest

from shared.errors import GatehouseError, UpstreamError
from shared.streams import SKIP, ChunkStream, tap

Step = Callable[[Any], Any]
End = Callable[[BaseException | None], Any]


async def reference_level(
    inner: AsyncIterator[Any], step: Step | None, end: End | None
) -> AsyncIterator[Any]:
    """One level as a generator: what `ChunkStream` replaces."""
    error: BaseException | None = None
    try:
        async for item in inner:
            if step is not None:
                item = step(item)
                if item is SKIP:
                    continue
            yield item
    except BaseException as raised:
        error = raised
    if isinstance(error, GeneratorExit):
        if end is not None:
            with contextlib.suppress(GeneratorExit):
                end(error)
        raise error
    if end is None:
        if error is not None:
            raise error
        return
    for item in end(error) or ():
        yield item


class Source:
    """`items`, then `failure` raised (None: a clean end); `closed` once its `finally` ran."""

    def __init__(self, items: list[Any], failure: BaseException | None) -> None:
        self.items = items
        self.failure = failure
        self.closed = False

    async def chunks(self) -> AsyncIterator[Any]:
        try:
            for item in self.items:
                await asyncio.sleep(0)
                yield item
            if self.failure is not None:
                raise self.failure
        finally:
            self.closed = True


Level = tuple[Step | None, End | None]


def make_level(rng: random.Random, level: int, calls: list[tuple[int, str]]) -> Level:
    """A random level: a step that passes, changes, skips or fails items; an end that passes the error
    on, converts it, handles it, or adds items. `calls` records each end's (level, what ended it)."""
    kind = rng.choice(["none", "tag", "skip_odd", "fail_at"])
    fail_at = rng.randrange(0, 6)
    seen = [0]

    def step(item: Any) -> Any:
        seen[0] += 1
        if kind == "skip_odd" and isinstance(item, int) and item % 2:
            return SKIP
        if kind == "fail_at" and seen[0] == fail_at:
            raise ValueError(f"step {level} failed at {item}")
        return (level, item) if kind == "tag" else item

    end_kind = rng.choice(["none", "pass", "extras", "convert", "handle", "raise_on_clean"])

    def end(error: BaseException | None) -> Any:
        calls.append((level, type(error).__name__))
        if end_kind == "extras" and error is None:
            return [f"extra-{level}-a", f"extra-{level}-b"]
        if end_kind == "convert" and isinstance(error, Exception) and not isinstance(error, GatehouseError):
            raise UpstreamError(502, f"level {level} converted") from error
        if end_kind == "handle" and isinstance(error, GatehouseError):
            return [f"error-event-{level}"]
        if end_kind == "raise_on_clean" and error is None:
            raise GatehouseError(f"level {level} refused")
        if error is not None:
            raise error
        return None

    return (None if kind == "none" else step), (None if end_kind == "none" else end)


SEEDS = 160
FAILURES: list[Callable[[], BaseException | None]] = [
    lambda: None,
    lambda: ValueError("upstream broke"),
    lambda: UpstreamError(502, "cut"),
    lambda: asyncio.CancelledError(),
]


async def run(chunks: AsyncIterator[Any]) -> tuple[list[Any], str | None]:
    out: list[Any] = []
    try:
        async for item in chunks:
            out.append(item)
    except BaseException as error:
        return out, f"{type(error).__name__}: {error}"
    return out, None


async def settle() -> None:
    """Let the event loop's asyncgen finalizer close the generators left suspended."""
    gc.collect()
    for _ in range(3):
        await asyncio.sleep(0)


def build(seed: int, calls: list[tuple[int, str]]) -> tuple[Source, list[Any], list[Level]]:
    rng = random.Random(seed)
    count = rng.randrange(0, 5)
    replay = list(range(100, 100 + rng.randrange(0, 3)))
    source = Source(list(range(count)), rng.choice(FAILURES)())
    levels = [make_level(rng, level, calls) for level in range(rng.randrange(1, 5))]
    return source, replay, levels


async def replayed(replay: list[Any], inner: AsyncIterator[Any]) -> AsyncIterator[Any]:
    for item in replay:
        yield item
    async for item in inner:
        yield item


@pytest.mark.parametrize("seed", range(SEEDS))
async def test_a_chain_of_levels_emits_and_ends_as_its_generators_did(seed: int) -> None:
    ours_calls: list[tuple[int, str]] = []
    source, replay, levels = build(seed, ours_calls)
    stream: AsyncIterator[Any] = ChunkStream(source.chunks(), list(replay))
    for step, end in levels:
        stream = tap(stream, step, end)
    ours = await run(stream)
    await settle()
    ours_closed = source.closed

    their_calls: list[tuple[int, str]] = []
    source, replay, levels = build(seed, their_calls)
    chain: AsyncIterator[Any] = replayed(replay, source.chunks())
    for step, end in levels:
        chain = reference_level(chain, step, end)
    theirs = await run(chain)
    await settle()

    assert ours == theirs
    # the same ends with the same errors; the levels below a failing step are closed in both (the
    # generators by the finalizer, later, so their order is not compared)
    assert [c for c in ours_calls if c[1] != "GeneratorExit"] == [
        c for c in their_calls if c[1] != "GeneratorExit"
    ]
    assert sorted(c for c in ours_calls if c[1] == "GeneratorExit") == sorted(
        c for c in their_calls if c[1] == "GeneratorExit"
    )
    assert ours_closed == source.closed  # and the input


def test_the_random_chains_cover_every_path() -> None:
    """The seeds above meet every kind of ending (so the comparison is not of clean ends only)."""
    outcomes: set[str] = set()
    for seed in range(SEEDS):
        calls: list[tuple[int, str]] = []
        source, replay, levels = build(seed, calls)
        stream: AsyncIterator[Any] = ChunkStream(source.chunks(), list(replay))
        for step, end in levels:
            stream = tap(stream, step, end)
        _, error = asyncio.run(run(stream))
        outcomes.add((error or "clean").split(":")[0])
        outcomes.update(kind for _, kind in calls)
    assert {"clean", "ValueError", "UpstreamError", "GatehouseError", "CancelledError"} <= outcomes
    assert {"NoneType", "ValueError", "UpstreamError", "GeneratorExit", "CancelledError"} <= outcomes


@pytest.mark.parametrize("taken", [0, 1, 3])
async def test_a_closed_stream_closes_every_level_innermost_first_then_its_input(taken: int) -> None:
    calls: list[tuple[int, str]] = []
    source = Source(list(range(5)), None)
    stream = ChunkStream(source.chunks())
    for level in range(3):

        def end(error: BaseException | None, level: int = level) -> None:
            calls.append((level, type(error).__name__))
            if error is not None:
                raise error

        stream = tap(stream, None, end)
    for _ in range(taken):
        await anext(stream)
    await stream.aclose()
    assert calls == [(0, "GeneratorExit"), (1, "GeneratorExit"), (2, "GeneratorExit")]
    assert source.closed == (taken > 0)  # a generator never started has no `finally` to run
    await stream.aclose()  # once only
    assert len(calls) == 3
    with pytest.raises(StopAsyncIteration):
        await anext(stream)


async def test_a_stream_dropped_mid_way_still_runs_its_ends() -> None:
    calls: list[str] = []
    source = Source(list(range(5)), None)

    def end(error: BaseException | None) -> None:
        calls.append(type(error).__name__)
        if error is not None:
            raise error

    stream = tap(ChunkStream(source.chunks()), None, end)
    await anext(stream)
    del stream
    await settle()
    assert calls == ["GeneratorExit"]
    assert source.closed


async def test_a_level_added_to_a_stream_already_read_wraps_it() -> None:
    stream = ChunkStream(Source([1, 2, 3], None).chunks())
    assert await anext(stream) == 1
    outer = tap(stream, lambda item: item * 10)
    assert outer is not stream
    assert [item async for item in outer] == [20, 30]
    assert tap(ChunkStream(Source([], None).chunks())) is not None
