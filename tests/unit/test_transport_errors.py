"""Every way an upstream hop fails maps to one retryable Gatehouse error naming the target
(shared/providers/transport.py), the original kept as the cause."""

from __future__ import annotations

import aiohttp
import orjson
import pytest
from aiohttp.http_exceptions import LineTooLong

from shared.errors import DeadlineExceeded, UpstreamError
from shared.providers.base import Target
from shared.providers.transport import transport_errors, wire_timeout

TARGET = Target("vertex", "gemini-2.5-flash", "us-central1")


@pytest.mark.parametrize(
    ("raised", "kind", "status", "words"),
    [
        (TimeoutError(), DeadlineExceeded, 504, "timed out"),
        (aiohttp.ServerTimeoutError(), DeadlineExceeded, 504, "timed out"),  # also a ClientError
        (aiohttp.ClientPayloadError("cut"), UpstreamError, 502, "stream ended early"),
        (LineTooLong(b"x", 10), UpstreamError, 502, "unreadable answer (LineTooLong)"),
        (orjson.JSONDecodeError("bad", "x", 0), UpstreamError, 502, "unreadable answer (JSONDecodeError)"),
        (aiohttp.ClientConnectionError(), UpstreamError, 503, "unreachable (ClientConnectionError)"),
        (ConnectionResetError(), UpstreamError, 503, "unreachable (ConnectionResetError)"),
    ],
)
def test_transport_failures_map_to_one_error_naming_the_target(
    raised: Exception, kind: type[Exception], status: int, words: str
) -> None:
    with pytest.raises(kind) as caught, transport_errors(TARGET):
        raise raised
    assert caught.value.status == status  # type: ignore[attr-defined]
    assert words in str(caught.value)
    assert TARGET.name in str(caught.value)
    assert caught.value.__cause__ is raised


def test_other_errors_and_success_pass_through() -> None:
    with transport_errors(TARGET):
        pass
    with pytest.raises(ValueError, match="mine"), transport_errors(TARGET):
        raise ValueError("mine")


def _lines_by_find(reads: list[bytes]) -> list[bytes]:
    """The SSE line split as it was (a find loop per read), the reference for `sse_batches`."""
    out: list[bytes] = []
    buffer = bytearray()
    for chunk in reads:
        buffer += chunk
        start = 0
        while (end := buffer.find(b"\n", start)) != -1:
            out.append(bytes(buffer[start:end]).rstrip(b"\r"))
            start = end + 1
        del buffer[:start]
    if buffer:
        out.append(bytes(buffer).rstrip(b"\r"))
    return out


async def test_sse_batches_give_the_lines_of_the_find_loop_for_any_split_of_the_body() -> None:
    """One list per read that completed a line, the same lines in the same order, whatever the
    reads' boundaries (mid-line, mid-CRLF, several events per read, a last line without a break)."""
    import random

    from shared.providers.transport import sse_batches, sse_lines

    class Content:
        def __init__(self, reads: list[bytes]) -> None:
            self._reads = reads

        async def iter_any(self):  # type: ignore[no-untyped-def]
            for read in self._reads:
                yield read

    rng = random.Random(3)
    events = [b'data: {"a": 1}\r\n\r\n', b'data: {"b": "x\\ny"}\n\n', b": comment\n", b"data: \r\r\n", b"\n"]
    for _ in range(300):
        body = b"".join(rng.choice(events) for _ in range(rng.randrange(8))) + rng.choice(
            [b"", b"data: tail"]
        )
        cuts = sorted(rng.sample(range(len(body) + 1), min(len(body) + 1, rng.randrange(6))))
        reads = [body[a:b] for a, b in zip([0, *cuts], [*cuts, len(body)], strict=True) if b > a]
        batches = [batch async for batch in sse_batches(Content(reads))]  # type: ignore[arg-type]
        assert all(batches)
        assert [line for batch in batches for line in batch] == _lines_by_find(reads)
        assert [line async for line in sse_lines(Content(reads))] == _lines_by_find(reads)  # type: ignore[arg-type]


def test_the_wire_timeout_is_the_hop_or_none_at_all() -> None:
    bounded = wire_timeout(2.5)
    assert bounded.total == 2.5
    unbounded = wire_timeout(None)  # the caller bounds the call: aiohttp arms no timer
    assert (unbounded.total, unbounded.connect, unbounded.sock_connect, unbounded.sock_read) == (None,) * 4


async def test_a_unary_vertex_call_with_or_without_a_wire_timeout() -> None:
    """`timeout=None` answers as a bounded call does; a bounded call still ends at its timeout (504); an
    error answer keeps its status and Retry-After; no call leaves its connection held."""
    import asyncio

    from aiohttp import web

    from shared.providers.credentials import StaticToken
    from shared.providers.vertex import VertexGemini
    from tests.loopback import loopback_server

    async def handle(request: web.Request) -> web.Response:
        if request.path.endswith(":countTokens"):  # the slow method here
            await asyncio.sleep(1.0)
        if request.path.endswith(":predict"):  # the refusing one
            error = {"error": {"code": 429, "message": "slow down", "status": "RESOURCE_EXHAUSTED"}}
            return web.json_response(error, status=429, headers={"Retry-After": "7"})
        return web.json_response({"echo": await request.json(), "auth": request.headers["Authorization"]})

    async with loopback_server(handle) as url, aiohttp.ClientSession() as session:
        provider = VertexGemini(lambda: session, StaticToken("t"), "p", base_url=url)
        body = {"contents": [{"parts": [{"text": "hi"}]}]}
        for timeout in (None, 5.0):
            answer = await provider.generate(TARGET, body, timeout=timeout)
            assert answer == {"echo": body, "auth": "Bearer t"}
        with pytest.raises(DeadlineExceeded, match="timed out"):
            await provider.count_tokens(TARGET, body, timeout=0.2)
        with pytest.raises(UpstreamError) as refused:
            await provider.embed(TARGET, body, timeout=None)
        assert (refused.value.status, refused.value.retry_after, str(refused.value)) == (
            429,
            7.0,
            "slow down",
        )
        assert await provider.generate(TARGET, body, timeout=None) == {"echo": body, "auth": "Bearer t"}
        assert session.connector is not None
        assert len(session.connector._acquired) == 0  # every connection released, none held


async def test_a_vertex_call_cancelled_mid_body_holds_no_connection() -> None:
    """A call cancelled while its body is still arriving leaves no connection acquired. The end-of-round
    review found the earlier test's check (after bodies read to their end) holds even with `_post`'s
    `release`/`wait_for_close` made no-ops: aiohttp gives a connection back once a body is read to its
    end, and its `read` closes the response when cancelled, so this holds without them too. It guards
    the outcome (no connection held on any path `_post` has), not the explicit release."""
    import asyncio

    from aiohttp import web

    from shared.providers.credentials import StaticToken
    from shared.providers.vertex import VertexGemini
    from tests.loopback import loopback_server

    stop = asyncio.Event()

    async def handle(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Length": "100", "Content-Type": "application/json"})
        await response.prepare(request)
        await response.write(b'{"cut": ')  # 8 of 100 bytes, then nothing until the test ends
        await stop.wait()
        return response

    async with loopback_server(handle) as url, aiohttp.ClientSession() as session:
        provider = VertexGemini(lambda: session, StaticToken("t"), "p", base_url=url)
        try:
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0.3):
                    await provider.generate(TARGET, {"contents": []}, timeout=None)
            assert session.connector is not None
            held = len(session.connector._acquired)
        finally:
            stop.set()
    assert held == 0
