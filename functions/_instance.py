"""The per-instance Runtime: settings validated at cold start, clients built on first use."""

from __future__ import annotations

from functools import cache

from shared.log import configure_logging
from shared.runtime import Runtime
from shared.settings import load_settings

__all__ = ["runtime"]


@cache
def runtime() -> Runtime:
    settings = load_settings()
    configure_logging(settings.log_level)
    return Runtime(settings)
