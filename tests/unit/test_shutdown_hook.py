"""The shutdown flush runs once the server stops, after the requests in flight (functions/_shutdown.py)."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest

from functions._shutdown import on_shutdown


@pytest.fixture
def sigterm() -> Iterator[None]:
    saved = signal.getsignal(signal.SIGTERM)
    yield
    signal.signal(signal.SIGTERM, saved)


class FakeServer:
    """The part of uvicorn's Server the hook reads: its SIGTERM handler, flags and server state."""

    def __init__(self) -> None:
        self.should_exit = False
        self.force_exit = False
        self.server_state = SimpleNamespace(tasks=set(), connections=set())

    def handle_exit(self, sig: int, frame: Any) -> None:
        self.should_exit = True


def test_under_uvicorn_the_flush_waits_for_the_stop_and_the_requests_in_flight(sigterm: None) -> None:
    server = FakeServer()
    signal.signal(signal.SIGTERM, server.handle_exit)
    events: list[str] = []

    async def close() -> None:
        events.append("flushed")

    async def request() -> None:
        await asyncio.sleep(0.3)
        events.append("request done")

    async def serve() -> None:
        on_shutdown(close)
        on_shutdown(close)  # armed once per loop
        in_flight = asyncio.ensure_future(request())
        server.server_state.tasks.add(in_flight)
        in_flight.add_done_callback(server.server_state.tasks.discard)
        assert len(server.server_state.tasks) == 2  # uvicorn's shutdown waits for the hook too
        server.handle_exit(signal.SIGTERM, None)
        while server.server_state.tasks:  # noqa: ASYNC110  # uvicorn polls its task set like this
            await asyncio.sleep(0.05)

    asyncio.run(serve())
    assert events == ["request done", "flushed"]


def test_under_another_server_the_flush_runs_when_the_loop_shuts_down(sigterm: None) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    closed: list[bool] = []

    async def close() -> None:
        await asyncio.sleep(0)  # it may await: the loop still runs
        closed.append(True)

    async def serve() -> None:
        on_shutdown(close)

    asyncio.run(serve())  # asyncio.run cancels the pending hook, which then flushes
    assert closed == [True]
