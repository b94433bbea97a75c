"""Bearer tokens for upstream calls: a static dev token, or Google ADC refreshed off the loop."""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

__all__ = ["AdcToken", "StaticToken", "TokenSource"]

_SCOPES = ("https://www.googleapis.com/auth/cloud-platform",)


class TokenSource(Protocol):
    async def token(self) -> str: ...


class StaticToken:
    def __init__(self, value: str) -> None:
        self._value = value

    async def token(self) -> str:
        return self._value


class AdcToken:
    """Application Default Credentials; the blocking refresh runs in a worker thread."""

    def __init__(self) -> None:
        self._credentials: Any = None
        self._lock = asyncio.Lock()

    async def token(self) -> str:
        creds = self._credentials
        if creds is not None and creds.valid:
            return str(creds.token)
        async with self._lock:
            if self._credentials is None:
                import google.auth

                self._credentials, _ = await asyncio.to_thread(google.auth.default, scopes=_SCOPES)
            creds = self._credentials
            if not creds.valid:
                from google.auth.transport.requests import Request

                await asyncio.to_thread(creds.refresh, Request())
            return str(creds.token)
