"""The streamed response (functions/_starlette.EventStream): chunks go out as they come, and a client
that disconnects stops the stream (its generators closed, nothing raised), as Starlette's does."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from functions._starlette import EventStream

SCOPE = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}}


class Upstream:
    def __init__(self, pause_after: int | None = None) -> None:
        self.pause_after = pause_after
        self.closed = False
        self.sent = 0

    async def chunks(self) -> AsyncIterator[bytes]:
        try:
            for index in range(4):
                if self.pause_after is not None and index == self.pause_after:
                    await asyncio.sleep(30)  # a slow model: the client leaves meanwhile
                self.sent += 1
                yield f"data: {index}\r\n\r\n".encode()
        finally:
            self.closed = True


def client(disconnect_after: float | None) -> tuple[Any, list[dict[str, Any]]]:
    messages: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if disconnect_after is None:
            await asyncio.Event().wait()
        await asyncio.sleep(disconnect_after or 0)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        messages.append(message)

    return (receive, send), messages


async def test_chunks_are_sent_as_they_come_then_the_end() -> None:
    upstream = Upstream()
    (receive, send), messages = client(None)
    await EventStream(upstream.chunks(), 200, {"X-Request-Id": "r"}, "text/event-stream")(
        SCOPE, receive, send
    )
    assert messages[0]["type"] == "http.response.start"
    assert (b"x-request-id", b"r") in messages[0]["headers"]
    assert (b"content-type", b"text/event-stream; charset=utf-8") in messages[0]["headers"]
    assert [m["body"] for m in messages[1:]] == [f"data: {i}\r\n\r\n".encode() for i in range(4)] + [b""]
    assert messages[-1]["more_body"] is False
    assert upstream.closed


async def test_a_client_that_leaves_stops_the_stream_and_closes_it() -> None:
    upstream = Upstream(pause_after=2)
    (receive, send), messages = client(0.05)
    task = asyncio.ensure_future(
        EventStream(upstream.chunks(), 200, {}, "text/event-stream")(SCOPE, receive, send)
    )
    await asyncio.wait_for(task, 5)  # returns, does not raise, long before the 30 s pause ends
    assert upstream.sent == 2
    assert upstream.closed  # the generators' cleanup ran (usage, breaker, request log)
    assert messages[-1].get("more_body") is True  # no clean end was sent
    assert not task.cancelled()
    assert task.cancelling() == 0


async def test_a_cancellation_that_is_not_the_client_propagates() -> None:
    upstream = Upstream(pause_after=1)
    (receive, send), _ = client(None)
    task = asyncio.ensure_future(
        EventStream(upstream.chunks(), 200, {}, "text/event-stream")(SCOPE, receive, send)
    )
    await asyncio.sleep(0.05)
    task.cancel()  # e.g. the server shutting down
    with pytest.raises(asyncio.CancelledError):
        await task
    assert upstream.closed
