"""Signed job callbacks: POST the finished job to the tenant's `callback_url`, with retries.

    X-Gatehouse-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>

The secret is per tenant, read through the SecretStore (Secret Manager secret
`{prefix}{tenant}`, e.g. `gatehouse-callback-acme`). Delivery is at least once: receivers dedupe
on `X-Gatehouse-Job-Id` (docs/callbacks.md shows verification). Every hop (the URL and each
307/308 redirect) passes the EgressPolicy; other redirects are not followed.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, stop_after_delay
from tenacity.wait import wait_exponential_jitter
from yarl import URL

from shared.errors import GatehouseError
from shared.jobs.egress import EgressPolicy, EgressRefused
from shared.log import get_logger
from shared.secrets import SecretStore

__all__ = ["CallbackFailed", "CallbackSender", "Delivery", "sign", "verify"]

log = get_logger("gatehouse.jobs.callbacks")
SIGNATURE_HEADER = "X-Gatehouse-Signature"
_MAX_REDIRECTS = 3


def sign(secret: bytes, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret, str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify(secret: bytes, header: str, body: bytes, now: float, tolerance_s: float = 300.0) -> bool:
    """What a receiver does (reference implementation; docs/callbacks.md has a standalone copy)."""
    fields = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(fields["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance_s:
        return False
    expected = sign(secret, timestamp, body).split("v1=", 1)[1]
    return hmac.compare_digest(expected, fields.get("v1", ""))


class CallbackFailed(GatehouseError):
    """One delivery attempt failed; `retryable` decides whether another attempt is made."""

    code = "callback_failed"

    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable_attempt = retryable

    @property
    def is_retryable(self) -> bool:
        return self.retryable_attempt


@dataclass(frozen=True, slots=True)
class Delivery:
    delivered: bool
    attempts: int
    error: str | None = None


class CallbackSender:
    def __init__(
        self,
        session: Callable[[], aiohttp.ClientSession],
        secrets: SecretStore,
        policy: EgressPolicy,
        *,
        secret_prefix: str = "gatehouse-callback-",  # noqa: S107  # a name prefix, not a secret
        timeout_s: float = 10.0,
        max_attempts: int = 4,
        budget_s: float = 60.0,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._session = session
        self._secrets = secrets
        self._policy = policy
        self._prefix = secret_prefix
        self._timeout = timeout_s
        self._max_attempts = max_attempts
        self._budget = budget_s
        self._clock = clock
        self._sleep = sleep

    async def deliver(self, tenant: str, job_id: str, url: str, payload: dict[str, Any]) -> Delivery:
        """Deliver once or give up with a reason; never raises for the receiver's failures."""
        attempts = 0
        try:
            secret = await self._secrets.get(self._prefix + tenant)
            if not secret:
                return Delivery(False, 0, f"no signing secret `{self._prefix}{tenant}` in Secret Manager")
            body = orjson.dumps(payload)
            retrying = AsyncRetrying(
                stop=stop_after_attempt(self._max_attempts) | stop_after_delay(self._budget),
                wait=wait_exponential_jitter(initial=0.5, max=10.0),
                retry=retry_if_exception(lambda e: isinstance(e, CallbackFailed) and e.is_retryable),
                sleep=self._sleep,
                reraise=True,
            )
            async for attempt in retrying:
                with attempt:
                    attempts += 1
                    await self._post(url, job_id, secret, body)
            return Delivery(True, attempts)
        except (EgressRefused, CallbackFailed) as error:
            log.warning("callback not delivered", extra={"job_id": job_id, "reason": error.message})
            return Delivery(False, attempts, error.message)

    async def _post(self, url: str, job_id: str, secret: bytes, body: bytes) -> None:
        target = self._policy.check_url(url)
        for _hop in range(_MAX_REDIRECTS + 1):
            headers = {
                "Content-Type": "application/json",
                "User-Agent": "Gatehouse-Callbacks/1",
                SIGNATURE_HEADER: sign(secret, int(self._clock()), body),
                "X-Gatehouse-Job-Id": job_id,
                "X-Gatehouse-Delivery": uuid.uuid4().hex,
            }
            try:
                async with self._session().post(
                    target,
                    data=body,
                    headers=headers,
                    allow_redirects=False,
                    timeout=aiohttp.ClientTimeout(total=self._timeout),
                ) as response:
                    status = response.status
                    location = response.headers.get("Location")
            except EgressRefused:
                raise
            except (aiohttp.ClientError, TimeoutError) as error:
                raise CallbackFailed(
                    f"callback connection failed ({type(error).__name__})", retryable=True
                ) from None
            if 200 <= status < 300:
                return
            if status in (307, 308) and location:
                target = self._policy.check_url(str(target.join(URL(location))))
                continue
            retryable = status in (408, 425, 429) or status >= 500
            raise CallbackFailed(f"callback answered HTTP {status}", retryable=retryable)
        raise CallbackFailed(f"callback redirected more than {_MAX_REDIRECTS} times", retryable=False)
