"""One Google API GET (or idempotent POST) over REST, shared by the Firestore document reads and
commits and the Secret Manager reads.

The reads are idempotent GETs, the commit an idempotent POST (whole-document sets), all answered in
Google's error model (`{"error": {"code", "message", "status"}}`, https://google.aip.dev/193).
What they share lives here, once:

- **One retry**, jittered (10-50 ms), on 500/502/503/504 or a dropped connection, as the client
  libraries retried Unavailable/Internal/DeadlineExceeded, and only when it can still finish: the
  budget is the call's own timeout, the request's deadline and the calling `DependencyGuard`'s
  per-call timeout (`shared.deadline.call_remaining`), whichever ends first (a background commit
  clears the deadlines it inherited: shared/cache/store.py); a retry starts only if
  what is left covers the pause plus as long as the first attempt took (at least `_MIN_ATTEMPT_S`).
  Otherwise the first answer is the result: a typed failure the caller degrades on, not a guard
  timeout that cancels a half-done retry.
- **Typed failures**: a token that cannot be had (google.auth's RefreshError, TransportError,
  DefaultCredentialsError), a transport error, an HTTP error: `RestReadError`, which names Google's
  canonical status (e.g. `PERMISSION_DENIED`), never the message, URL or headers.
- **"Missing" is what Google says**: a 404 is a missing resource only when the error's message says
  so in the API's own words (`missing(payload, pattern)`); a wrong path, database or project is also a
  404 (an HTML page from the front end, or "The database (default) does not exist"), and must be a
  failure, not "no such key".
"""

from __future__ import annotations

import asyncio
import random
import re
import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import orjson

from shared.deadline import call_remaining

if TYPE_CHECKING:
    import aiohttp

    from shared.providers.credentials import TokenSource

__all__ = ["RestReadError", "bearer", "google_get", "google_send", "google_status", "missing"]

RETRIED = frozenset({500, 502, 503, 504})
_MIN_ATTEMPT_S = 0.05  # a retry needs at least this long after its pause (one keep-alive round trip)
_STATUS = re.compile(r"[A-Z][A-Z_]{0,39}")


class RestReadError(Exception):
    """The read failed (HTTP error, transport error, no token): the caller degrades, as for the client
    libraries' errors."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


async def bearer(tokens: TokenSource) -> str:
    """`Bearer <token>`; a token failure is a RestReadError naming only the exception's type."""
    try:
        return f"Bearer {await tokens.token()}"
    except Exception as error:  # google.auth's RefreshError, TransportError, DefaultCredentialsError
        raise RestReadError(f"token unavailable ({type(error).__name__})") from error


async def google_get(
    session: Callable[[], aiohttp.ClientSession],
    url: str,
    headers: Mapping[str, str],
    timeout: float,
    what: str,
) -> tuple[int, bytes]:
    """(HTTP status, body) of one GET, retried once as the module says. Raises RestReadError on a
    transport failure, TimeoutError when no time was left to send it."""
    return await google_send(session, url, headers, timeout, what)


async def google_send(
    session: Callable[[], aiohttp.ClientSession],
    url: str,
    headers: Mapping[str, str],
    timeout: float,
    what: str,
    data: bytes | None = None,
) -> tuple[int, bytes]:
    """`google_get`, or a POST of `data` when given: only for an idempotent call (e.g. a Firestore
    commit of whole-document sets, which a retry rewrites with the same fields)."""
    import aiohttp

    clock = time.monotonic  # the event loop's clock: what the guard's wait_for and aiohttp time
    end = clock() + timeout
    left = call_remaining(clock)
    if left is not None:
        end = min(end, clock() + left)
    for attempt in (1, 2):
        started = clock()
        budget = end - started
        try:
            if budget <= 0:
                raise TimeoutError
            limit = aiohttp.ClientTimeout(total=budget)
            sent = (
                session().get(url, headers=headers, timeout=limit)
                if data is None
                else session().post(url, data=data, headers=headers, timeout=limit)
            )
            async with sent as response:
                payload = await response.read()
                status = response.status
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as error:
            if attempt == 1 and await _pause_before_retry(end, clock() - started, clock):
                continue
            raise RestReadError(f"{what} failed ({type(error).__name__})") from error
        except aiohttp.ClientError as error:
            raise RestReadError(f"{what} failed ({type(error).__name__})") from error
        if status in RETRIED and attempt == 1 and await _pause_before_retry(end, clock() - started, clock):
            continue
        return status, payload
    raise AssertionError("unreachable")  # pragma: no cover


async def _pause_before_retry(end: float, took: float, clock: Callable[[], float]) -> bool:
    """Sleep a short jittered pause if a retry that takes as long as the first attempt (at least
    `_MIN_ATTEMPT_S`) still ends before `end`; False (no retry) when it would not."""
    pause = random.uniform(0.01, 0.05)  # noqa: S311  # jitter
    if end - clock() < pause + max(took, _MIN_ATTEMPT_S):
        return False
    await asyncio.sleep(pause)
    return True


def error_of(payload: bytes) -> dict[str, Any]:
    """The `error` object of a Google error body; {} for anything else (an HTML 404 page, no body)."""
    try:
        error = orjson.loads(payload).get("error")
    except (orjson.JSONDecodeError, AttributeError):
        return {}
    return error if isinstance(error, dict) else {}


def missing(payload: bytes, message: re.Pattern[str]) -> bool:
    """Whether a 404's body says the resource itself is missing: Google's error object whose message
    matches the API's own wording, and whose canonical status, when present, is NOT_FOUND."""
    error = error_of(payload)
    text, status = error.get("message"), error.get("status")
    if status is not None and status != "NOT_FOUND":
        return False
    return isinstance(text, str) and message.match(text) is not None


def google_status(payload: bytes) -> str:
    """`, PERMISSION_DENIED`: the error's canonical status only (never its message, which can hold
    resource names)."""
    status = error_of(payload).get("status")
    return f", {status}" if isinstance(status, str) and _STATUS.fullmatch(status) else ""
