"""Firestore document reads over REST on the instance's pooled aiohttp session.

The cache's L2 lookup is one document read per cacheable miss. Through the Firestore client it costs
a grpc.aio call (~1.5 ms of CPU, more than the rest of a miss); the same read as a keep-alive
`GET .../documents/{collection}/{id}?mask.fieldPaths=...` costs about what an upstream call's
client side costs (docs/decisions/2026-11-29-performance.md). Reads only: writes stay on
the client library (batched, off the request path).
"""

from __future__ import annotations

import asyncio
import base64
import random
import re
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import orjson

from shared.deadline import remaining

if TYPE_CHECKING:
    import aiohttp

    from shared.providers.credentials import TokenSource

__all__ = ["RestDocuments", "RestReadError", "decode_fields"]

_PRODUCTION = "https://firestore.googleapis.com"


class RestReadError(Exception):
    """The read failed (HTTP error, transport error): the caller degrades, as for the client's errors."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


def _timestamp(value: str) -> datetime:
    """RFC 3339 with up to nanoseconds and `Z` (Python's parser takes at most microseconds)."""
    head, dot, rest = value.partition(".")
    if dot:
        digits = rest.rstrip("Z").split("+")[0].split("-")[0]
        zone = rest[len(digits) :]
        value = f"{head}.{digits[:6].ljust(6, '0')}{zone}"
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _value(typed: dict[str, Any]) -> Any:
    """One Firestore REST `Value` as the client library would return it (the kinds a reader meets)."""
    for kind, raw in typed.items():
        if kind == "stringValue":
            return raw
        if kind == "integerValue":
            return int(raw)
        if kind == "doubleValue":
            return float(raw)
        if kind == "booleanValue":
            return bool(raw)
        if kind == "nullValue":
            return None
        if kind == "timestampValue":
            return _timestamp(raw)
        if kind == "bytesValue":
            return base64.b64decode(raw)
        if kind == "mapValue":
            return decode_fields(raw.get("fields") or {})
        if kind == "arrayValue":
            return [_value(item) for item in raw.get("values") or ()]
        raise ValueError(f"unsupported Firestore value kind {kind}")
    return None


def decode_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: _value(typed) for name, typed in fields.items()}


class RestDocuments:
    """`await documents.get(collection, doc_id, fields)`: the fields as a dict (all of them when `fields`
    is empty), or None when the document does not exist. Raises RestReadError (or TimeoutError) when
    the read fails."""

    def __init__(
        self,
        session: Callable[[], aiohttp.ClientSession],
        tokens: TokenSource,
        project: str,
        database: str = "(default)",
        *,
        emulator_host: str | None = None,
    ) -> None:
        base = f"http://{emulator_host}" if emulator_host else _PRODUCTION
        self._root = f"{base}/v1/projects/{project}/databases/{database}/documents/"
        self._session = session
        self._tokens = tokens
        self._params = f"project_id={quote(project, safe='')}&database_id={quote(database, safe='')}"
        self._masks: dict[tuple[str, ...], str] = {}

    def _query(self, fields: Sequence[str]) -> str:
        """`?mask.fieldPaths=...` for `fields`; no mask (the whole document) when `fields` is empty."""
        key = tuple(fields)
        query = self._masks.get(key)
        if query is None:
            mask = "&".join(f"mask.fieldPaths={quote(f, safe='')}" for f in fields)
            query = self._masks[key] = f"?{mask}" if mask else ""
        return query

    async def get(
        self, collection: str, doc_id: str, fields: Sequence[str], timeout: float
    ) -> dict[str, Any] | None:
        """One GET, retried once (jittered, within `timeout` and the request's deadline) on 500/502/
        503/504 or a dropped connection, as the client library retried Unavailable/Internal/
        DeadlineExceeded: the read is idempotent."""
        import aiohttp

        url = f"{self._root}{collection}/{quote(doc_id, safe='')}{self._query(fields)}"
        try:
            token = await self._tokens.token()
        except Exception as error:  # google.auth's RefreshError, TransportError, DefaultCredentialsError
            raise RestReadError(f"token unavailable ({type(error).__name__})") from error
        headers = {"Authorization": f"Bearer {token}", "x-goog-request-params": self._params}
        end = time.monotonic() + timeout
        left_in_request = remaining()
        if left_in_request is not None:
            end = min(end, time.monotonic() + left_in_request)
        for attempt in (1, 2):
            budget = end - time.monotonic()
            try:
                if budget <= 0:
                    raise TimeoutError
                async with self._session().get(
                    url, headers=headers, timeout=aiohttp.ClientTimeout(total=budget)
                ) as response:
                    payload = await response.read()
                    status = response.status
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as error:
                if attempt == 1 and await _pause_before_retry(end):
                    continue
                raise RestReadError(f"firestore read failed ({type(error).__name__})") from error
            except aiohttp.ClientError as error:
                raise RestReadError(f"firestore read failed ({type(error).__name__})") from error
            if status in _RETRIED and attempt == 1 and await _pause_before_retry(end):
                continue
            break
        if status == 404 and _document_missing(payload):
            return None
        if status >= 400:
            raise RestReadError(f"firestore answered HTTP {status}{_google_status(payload)}", status)
        try:
            document = orjson.loads(payload)
            return decode_fields(document.get("fields") or {})
        except (orjson.JSONDecodeError, AttributeError, TypeError, ValueError) as error:
            raise RestReadError(f"firestore sent an unreadable document ({type(error).__name__})") from error


_RETRIED = frozenset({500, 502, 503, 504})
_STATUS = re.compile(r"[A-Z][A-Z_]{0,39}")


async def _pause_before_retry(end: float) -> bool:
    """Sleep a short jittered pause if the retry still has time after it; False when it has not."""
    pause = random.uniform(0.01, 0.05)  # noqa: S311  # jitter
    if end - time.monotonic() < pause + 0.05:
        return False
    await asyncio.sleep(pause)
    return True


def _error(payload: bytes) -> dict[str, Any]:
    try:
        error = orjson.loads(payload).get("error")
    except (orjson.JSONDecodeError, AttributeError):
        return {}
    return error if isinstance(error, dict) else {}


def _document_missing(payload: bytes) -> bool:
    """A 404 means "no such document" only when Firestore says so (`Document "projects/..." not
    found.`; the emulator writes `Document (projects/...) not found.`). A missing database or project
    is also a 404 ("The database (default) does not exist for project p ..."): that is a failure, or
    a wrong database would make every read "missing" (every API key a 401)."""
    message = _error(payload).get("message")
    return isinstance(message, str) and message.startswith("Document ") and "not found" in message


def _google_status(payload: bytes) -> str:
    """`, PERMISSION_DENIED`: the error's canonical status only (never its message, which can hold
    resource names)."""
    status = _error(payload).get("status")
    return f", {status}" if isinstance(status, str) and _STATUS.fullmatch(status) else ""
