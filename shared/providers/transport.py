"""How a failed HTTP hop to a provider becomes a Gatehouse error: one mapping for every provider."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import aiohttp

from shared.errors import DeadlineExceeded, UpstreamError
from shared.providers.base import Target

__all__ = ["transport_errors"]


@contextmanager
def transport_errors(target: Target) -> Iterator[None]:
    """Timeouts -> 504, a body cut short -> 502, anything else on the wire -> 503 (all retryable)."""
    try:
        yield
    except TimeoutError as error:
        raise DeadlineExceeded(f"upstream {target.name} timed out") from error
    except aiohttp.ClientPayloadError as error:
        raise UpstreamError(502, f"upstream {target.name} stream ended early", target=target.name) from error
    except aiohttp.ClientError as error:
        raise UpstreamError(
            503, f"upstream {target.name} unreachable ({type(error).__name__})", target=target.name
        ) from error
