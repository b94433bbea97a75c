"""The per-instance Runtime: settings validated at cold start, clients built on first use."""

from __future__ import annotations

from functools import cache

from functions._shutdown import on_shutdown
from shared import native
from shared.log import configure_logging
from shared.runtime import Runtime
from shared.settings import load_settings

__all__ = ["runtime", "serving"]


@cache
def runtime() -> Runtime:
    settings = load_settings()
    configure_logging(settings.log_level)
    native.log_outcome()  # whether the mypyc build runs here (attached at shared.policy's import)
    return Runtime(settings)


def serving() -> Runtime:
    """The runtime, from inside a request: its shutdown flush is armed on the serving loop."""
    instance = runtime()
    on_shutdown(instance.shutdown)
    return instance
