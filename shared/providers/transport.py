"""How a failed HTTP hop to a provider becomes a Gatehouse error: one mapping for every provider.

Every transport failure is retryable (so the terminal fails over and the target's breaker learns
of it): timeouts -> 504; a body cut short, an unreadable body or a malformed HTTP message (aiohttp's
`LineTooLong` and other `HttpProcessingError`s) -> 502; anything else on the wire -> 503. Streams
are read as SSE lines with a sized buffer (`sse_batches`, `sse_lines`), not aiohttp's line reader, whose limit
(twice its read buffer) a large function-call or image chunk passes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import orjson
from aiohttp.http_exceptions import HttpProcessingError

from shared.errors import DeadlineExceeded, UpstreamError
from shared.providers.base import Target

__all__ = ["MAX_SSE_LINE_BYTES", "sse_batches", "sse_lines", "transport_errors", "wire_timeout"]

MAX_SSE_LINE_BYTES = 64 * 1024 * 1024  # one SSE line (one streamed chunk); larger is a broken upstream
_UNBOUNDED = aiohttp.ClientTimeout()  # no total, connect or read timer: aiohttp arms none


def wire_timeout(seconds: float | None) -> aiohttp.ClientTimeout:
    """A provider call's aiohttp timeout: `seconds` for the whole hop, or None when the caller already
    bounds the call (the terminal's `asyncio.timeout` around a unary attempt, which ends it at the same
    time): then aiohttp arms no timer of its own (no `call_at`, no timer context per request), instead
    of its session default (300 s total, 30 s connect), which the caller's bound always cuts first."""
    return _UNBOUNDED if seconds is None else aiohttp.ClientTimeout(total=seconds)


class transport_errors:  # lower case: used as `with transport_errors(target):`, as when it was a function
    """Map every way the hop can fail to a retryable Gatehouse error naming the target. A slotted
    context manager, not a `@contextmanager` generator: one per upstream call, on every request."""

    __slots__ = ("_target",)

    def __init__(self, target: Target) -> None:
        self._target = target

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: object) -> None:
        if error is None:
            return
        name = self._target.name
        if isinstance(error, TimeoutError):
            raise DeadlineExceeded(f"upstream {name} timed out") from error
        if isinstance(error, aiohttp.ClientPayloadError):
            raise UpstreamError(502, f"upstream {name} stream ended early", target=name) from error
        if isinstance(error, (HttpProcessingError, orjson.JSONDecodeError)):
            raise UpstreamError(
                502, f"upstream {name} sent an unreadable answer ({type(error).__name__})", target=name
            ) from error
        if isinstance(error, (aiohttp.ClientError, OSError)):
            raise UpstreamError(
                503, f"upstream {name} unreachable ({type(error).__name__})", target=name
            ) from error


async def sse_batches(
    content: aiohttp.StreamReader, max_line: int = MAX_SSE_LINE_BYTES
) -> AsyncIterator[list[bytes]]:
    """The body's lines (without the line break), a list per network read that completed any: one
    generator step per read instead of one per line (a streamed Gemini chunk is two lines, its
    `data:` and the blank line after it). The same lines, in the same order, as the find loop they
    replace: every segment before the read's last line break, split there."""
    buffer = bytearray()
    async for chunk in content.iter_any():
        buffer += chunk
        last = buffer.rfind(b"\n")
        if last != -1:
            lines = [line.rstrip(b"\r") for line in bytes(buffer[:last]).split(b"\n")]
            del buffer[: last + 1]
            yield lines
        if len(buffer) > max_line:
            raise HttpProcessingError(message=f"an SSE line is longer than {max_line} bytes")
    if buffer:
        yield [bytes(buffer).rstrip(b"\r")]


async def sse_lines(
    content: aiohttp.StreamReader, max_line: int = MAX_SSE_LINE_BYTES
) -> AsyncIterator[bytes]:
    """The body's lines (without the line break), one at a time (`sse_batches`)."""
    async for lines in sse_batches(content, max_line):
        for line in lines:
            yield line
