"""A streamed answer's levels in one async generator: each stage's work per chunk and at its end as calls.

On its way out a stream passes the terminal (the breaker learns how it ended), the output check and
the restorer (`map_stream`), accounting (the last usage report), the request log line and the
dialect's framing. Each was an async generator around the one below it: a generator step per level
and chunk (~1.3 K instructions) and the event loop's asyncgen hooks per level and stream (~5 K). Here
a level is a `step` (item -> item, or `SKIP`) and an `end`, `tap` adds one to the stream's
`ChunkStream`, and one generator runs them all (a class with an `async def __anext__` was measured
too: ~2.9 K an item, more than a generator level; docs/decisions/2026-11-29-performance.md).

What the generators did is kept, level by level:

- an item goes through the steps in order, innermost level first; a step that returns `SKIP` emits
  nothing for that item (e.g. a native event for a chunk without text);
- when the input ends, each level's `end` runs, innermost first, with the exception that ended it
  (None: a clean end). `end` re-raises it (or raises another) to pass it on, or returns to end the
  stream cleanly from that level up; items it returns go out after the ones before it, through the
  levels above it, and the next level's `end` runs once they are taken (as a generator yielding
  them would);
- a step that raises ends its own level with that exception; the levels below it (and the input)
  are closed, as the generators below a failing one were (by the event loop's finalizer, later);
- `aclose()` (the client left: `EventStream` closes the stream) and a stream dropped mid-way (the
  event loop's finalizer closes the generator) close every level not yet ended: its `end` gets a
  `GeneratorExit`, innermost first, then the input is closed. The generators closed from the
  outside in, the inner ones later, by the finalizer: the request log line of a stream the client
  left was written before accounting had read its usage. Now it is written after, with the tokens.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable
from typing import Any

__all__ = ["SKIP", "ChunkStream", "End", "Step", "close_input", "tap"]

log = logging.getLogger("gatehouse.stream")  # not shared.log's: the policy modules import this one

SKIP: Any = object()  # what a step returns to emit nothing for an item

Step = Callable[[Any], Any]
End = Callable[[BaseException | None], Iterable[Any] | None]


class ChunkStream:
    """An async iterator over `replay`, then `source`, through the levels `tap` added."""

    __slots__ = ("_ends", "_replay", "_run", "_source", "_steps")

    def __init__(self, source: AsyncIterator[Any], replay: list[Any] | None = None) -> None:
        self._source = source
        self._replay = replay or ()
        self._steps: list[tuple[int, Step]] = []  # (level, step) of the levels that have one
        self._ends: list[End | None] = []
        self._run: AsyncGenerator[Any, None] | None = None  # the generator, once iterated

    def __aiter__(self) -> AsyncGenerator[Any, None]:
        run = self._run
        if run is None:
            run = self._run = _levels(self._source, self._replay, self._steps, self._ends)
        return run  # `async for` steps the generator itself, not a method of this class

    def __anext__(self) -> Any:
        return self.__aiter__().__anext__()

    async def aclose(self) -> None:
        """Close every level not yet ended (innermost first), then the input."""
        run = self._run
        if run is not None:
            await run.aclose()
            return
        self._run = _closed()  # never iterated: nothing went out, every level is closed
        _close_levels(self._ends, 0)
        self._steps.clear()
        self._ends.clear()
        await close_input(self._source)


def _close_levels(ends: list[End | None], first: int, last: int | None = None) -> None:
    """Close the levels from `first` to before `last` (all: None), innermost first."""
    for end in ends[first:last]:
        if end is None:
            continue
        try:
            end(GeneratorExit())
        except GeneratorExit:
            pass
        except Exception:  # as an exception in a generator's `finally` met its finalizer
            log.exception("error closing a stream level")


async def _levels(
    source: AsyncIterator[Any],
    replay: Iterable[Any],
    steps: list[tuple[int, Step]],
    ends: list[End | None],
) -> AsyncGenerator[Any, None]:
    """The stream (see the module's docstring). Not a method: a generator holding its `ChunkStream`
    would be a reference cycle, left to the garbage collector when a stream is dropped."""
    unended: AsyncIterator[Any] | None = source  # the input, until it ended by itself
    first = 0  # the lowest level whose end has not run
    error: BaseException | None = None
    level = -1  # the level whose step runs, or -1 (the input is read, an item goes out)
    try:
        try:
            for item in replay:
                for level, step in steps:  # noqa: B007 - `level` is read if a step raises
                    item = step(item)
                    if item is SKIP:
                        break
                else:
                    yield item
                level = -1
            async for item in source:
                for level, step in steps:  # noqa: B007 - `level` is read if a step raises
                    item = step(item)
                    if item is SKIP:
                        break
                else:
                    yield item
                level = -1
            unended = None
        except GeneratorExit:
            raise
        except BaseException as raised:  # a failure, or a cancellation (the client left)
            error = raised
            if level < 0:
                unended = None  # the input raised: it has ended
            else:  # a step raised: the levels below it are closed (the input at the end)
                _close_levels(ends, 0, level)
                first = level
        # the ends, innermost first; the items one adds go out through the levels above it
        while first < len(ends):
            end = ends[first]
            first += 1
            if end is None:
                continue
            try:
                items = end(error)
            except GeneratorExit:
                raise
            except BaseException as raised:
                error = raised
                continue
            error = None
            if not items:
                continue
            after = first
            try:
                for item in items:
                    level = -1
                    for level, step in steps:
                        if level < after:
                            continue
                        item = step(item)
                        if item is SKIP:
                            break
                    else:
                        yield item
            except GeneratorExit:
                raise
            except BaseException as raised:  # a step above raised: the levels below it are closed
                error = raised
                _close_levels(ends, after, level)
                first = level
    except GeneratorExit:  # closed: the client left, or the stream was dropped
        _close_levels(ends, first)
        raise
    finally:
        # the levels' objects refer to the stage's outcome, which refers to the stream: emptied,
        # a finished stream is no reference cycle for the garbage collector
        steps.clear()
        ends.clear()
        if unended is not None:
            await close_input(unended)
    if error is not None:
        raise error


async def close_input(chunks: AsyncIterator[Any] | None) -> None:
    """For a generator around a stream (a dialect's renderer, idempotency's tee, the cache's store,
    tracing's watch), in its `finally`: close the stream it read. When the client leaves, the server
    closes the outermost generator only; the `ChunkStream` inside it holds the levels whose ends write
    the request log line, record usage and free the breaker, and left unclosed it waits for the garbage
    collector (a reference cycle through the stage's outcome; never, once `gc.freeze()` has frozen it).
    A stream that ended, by itself or by an error, is closed already: this changes nothing then."""
    aclose = getattr(chunks, "aclose", None)
    if aclose is not None:
        with contextlib.suppress(Exception):
            await aclose()


async def _closed() -> AsyncGenerator[Any, None]:
    return
    yield  # an async generator that ends at once


def tap(chunks: AsyncIterator[Any], step: Step | None = None, end: End | None = None) -> ChunkStream:
    """`chunks` with one more level: the same `ChunkStream` when it is one not yet read, else a new one
    around `chunks` (a generator of another stage, a cache replay)."""
    stream = chunks if type(chunks) is ChunkStream and chunks._run is None else ChunkStream(chunks)
    ends = stream._ends
    if step is not None:
        stream._steps.append((len(ends), step))
    ends.append(end)
    return stream
