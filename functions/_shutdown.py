"""Run the runtime's flush when the server stops on SIGTERM, after the last request, inside the grace.

functions-framework builds its Starlette app without a lifespan we could join. On SIGTERM uvicorn
stops accepting, waits for the connections and for the tasks in its server state to finish, sends
the lifespan shutdown, and then raises SIGTERM again under the default handler: the process ends
there, before asyncio would cancel (and so run) any other pending task. So the hook is a task that
uvicorn itself waits for: registered in its server state, it waits for the stop, then for the
requests still in flight, then runs `close`. Under another server (tests, asyncio.run based ones)
it is a task that runs `close` when the loop cancels it at shutdown.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Awaitable, Callable
from typing import Any

__all__ = ["on_shutdown"]

_POLL_S = 0.1
_armed: dict[str, Any] = {"loop": None, "task": None}


def on_shutdown(close: Callable[[], Awaitable[None]]) -> None:
    """Arm `close` once per serving loop; later calls cost one comparison."""
    loop = asyncio.get_running_loop()
    if _armed["loop"] is loop:
        return
    _armed["loop"] = loop
    server = _uvicorn_server()
    if server is None:
        _armed["task"] = loop.create_task(_when_cancelled(close), name="gatehouse-shutdown")
        return
    tasks: set[asyncio.Task[Any]] = server.server_state.tasks
    task = loop.create_task(_after_stop(server, close), name="gatehouse-shutdown")
    tasks.add(task)  # uvicorn's shutdown waits for every task in this set
    task.add_done_callback(tasks.discard)
    _armed["task"] = task


def _uvicorn_server() -> Any:
    """The running uvicorn Server: it owns SIGTERM while it serves (`Server.handle_exit`)."""
    server = getattr(signal.getsignal(signal.SIGTERM), "__self__", None)
    state = getattr(server, "server_state", None)
    if isinstance(getattr(state, "tasks", None), set) and hasattr(server, "should_exit"):
        return server
    return None


async def _after_stop(server: Any, close: Callable[[], Awaitable[None]]) -> None:
    while not server.should_exit:  # noqa: ASYNC110  # uvicorn's flag is a plain attribute, no event
        await asyncio.sleep(_POLL_S)
    me = asyncio.current_task()
    state = server.server_state
    # requests still in flight account their usage when they finish: flush after them
    while not server.force_exit and (state.connections or any(t is not me for t in state.tasks)):  # noqa: ASYNC110
        await asyncio.sleep(_POLL_S / 2)
    await close()


async def _when_cancelled(close: Callable[[], Awaitable[None]]) -> None:
    try:
        await asyncio.Event().wait()  # never set: only the loop's shutdown ends this wait
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None:
            task.uncancel()  # work to do first; re-raised below
        await close()
        raise
