"""Single-flight: concurrent identical misses in one instance make one upstream call."""

from __future__ import annotations

import asyncio
from typing import Generic, TypeVar

__all__ = ["SingleFlight"]

T = TypeVar("T")


class SingleFlight(Generic[T]):
    """The first caller for a key leads; the others wait for its result.

    A leader ends its flight with a value to share, or None (failed, cut short, not
    storable): followers then make their own call. Followers never see the leader's error.
    """

    def __init__(self) -> None:
        self._flights: dict[str, asyncio.Future[T | None]] = {}

    def __len__(self) -> int:
        return len(self._flights)

    def lead(self, key: str) -> asyncio.Future[T | None] | None:
        """None if the caller now leads `key`; otherwise the leader's future to await."""
        flight = self._flights.get(key)
        if flight is not None:
            return flight
        self._flights[key] = asyncio.get_running_loop().create_future()
        return None

    def land(self, key: str, value: T | None) -> None:
        flight = self._flights.pop(key, None)
        if flight is not None and not flight.done():
            flight.set_result(value)

    async def follow(self, flight: asyncio.Future[T | None], timeout: float) -> T | None:
        try:
            return await asyncio.wait_for(asyncio.shield(flight), max(0.0, timeout))
        except TimeoutError:
            return None
