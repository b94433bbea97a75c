"""The one typed error hierarchy; each API surface renders it in its own shape.

GatehouseError                 500 INTERNAL (unknown errors become this, details logged)
 +-- InvalidRequest            400 INVALID_ARGUMENT (names the field)
 |    +-- PolicyViolation      400 INVALID_ARGUMENT (names policy + detector, never the value)
 +-- Unauthenticated           401 UNAUTHENTICATED
 +-- PermissionDenied          403 PERMISSION_DENIED
 +-- NotFound                  404 NOT_FOUND (an unknown route, resource or model)
 +-- MethodNotAllowed          405 (a known path, another method; carries `Allow`)
 +-- Conflict                  409 ABORTED
 +-- PreconditionFailed        412 FAILED_PRECONDITION (a stale etag / If-Match)
 +-- PayloadTooLarge           413 INVALID_ARGUMENT
 +-- HeadersTooLarge           431 INVALID_ARGUMENT
 +-- UnprocessableEntity       422 INVALID_ARGUMENT (e.g. an Idempotency-Key reused for another body)
 +-- ResourceExhausted         429 RESOURCE_EXHAUSTED (a quota or budget; names it, with Retry-After)
 +-- UpstreamError             the upstream's own status (429 keeps Retry-After)
 +-- DeadlineExceeded          504 DEADLINE_EXCEEDED (retryable)
 +-- ServiceUnavailable        503 UNAVAILABLE (retryable; e.g. no target can serve)
      +-- Contention          503 UNAVAILABLE, Retry-After 1: a store answered, but a document was
                              contended on every attempt (not an outage: no breaker counts it)

Every error may carry extra response `headers` (e.g. X-RateLimit-*): each surface's renderer adds
them, with `retry_after` as `Retry-After`, so a new error needs no renderer change: every surface
renders any error from `status`, `message`, `response_headers()` and `details()`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, ClassVar

__all__ = [
    "Conflict",
    "Contention",
    "DeadlineExceeded",
    "GatehouseError",
    "HeadersTooLarge",
    "InvalidRequest",
    "MethodNotAllowed",
    "NotFound",
    "PayloadTooLarge",
    "PermissionDenied",
    "PolicyViolation",
    "PreconditionFailed",
    "ResourceExhausted",
    "ServiceUnavailable",
    "Unauthenticated",
    "UnprocessableEntity",
    "UpstreamError",
    "google_status",
]

_GOOGLE_STATUS = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    405: "UNIMPLEMENTED",
    409: "ABORTED",
    413: "INVALID_ARGUMENT",
    422: "INVALID_ARGUMENT",
    431: "INVALID_ARGUMENT",
    429: "RESOURCE_EXHAUSTED",
    499: "CANCELLED",
    500: "INTERNAL",
    501: "UNIMPLEMENTED",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}

RETRYABLE_STATUSES = frozenset({429, 500, 502, 503, 504})


def google_status(http_status: int) -> str:
    """The google.rpc status name Google's APIs pair with an HTTP status."""
    return _GOOGLE_STATUS.get(http_status, "UNKNOWN" if http_status >= 500 else "FAILED_PRECONDITION")


class GatehouseError(Exception):
    """Base class. `message` is safe to show the caller; never put secrets or prompts in it."""

    http_status: ClassVar[int] = 500
    code: ClassVar[str] = "internal"
    retryable: ClassVar[bool] = False

    def __init__(
        self,
        message: str = "internal error",
        *,
        retry_after: float | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after
        self.headers: dict[str, str] = dict(headers) if headers else {}  # extra response headers

    @property
    def status(self) -> int:
        return self.http_status

    @property
    def google_status(self) -> str:
        return google_status(self.status)

    @property
    def is_retryable(self) -> bool:
        return self.retryable

    def details(self) -> dict[str, Any]:
        """Extra machine-readable fields for the error body (e.g. the offending field)."""
        return {}

    def response_headers(self) -> dict[str, str]:
        """Headers every surface sends with this error: its extras, and `Retry-After` in whole
        seconds, rounded up so a client never retries early."""
        out = dict(self.headers)
        if self.retry_after is not None:
            out["Retry-After"] = str(max(0, math.ceil(self.retry_after)))
        return out


class InvalidRequest(GatehouseError):
    http_status = 400
    code = "invalid_request"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field

    def details(self) -> dict[str, Any]:
        return {"field": self.field} if self.field else {}


class PolicyViolation(InvalidRequest):
    code = "policy_violation"

    def __init__(self, message: str, *, policy: str, detector: str) -> None:
        super().__init__(message)
        self.policy = policy
        self.detector = detector

    def details(self) -> dict[str, Any]:
        return {"policy": self.policy, "detector": self.detector}


class Unauthenticated(GatehouseError):
    http_status = 401
    code = "unauthenticated"


class PermissionDenied(GatehouseError):
    http_status = 403
    code = "permission_denied"


class NotFound(GatehouseError):
    http_status = 404
    code = "not_found"


class MethodNotAllowed(GatehouseError):
    """A known path asked with a method it does not serve; `Allow` lists the ones it does."""

    http_status = 405
    code = "method_not_allowed"

    def __init__(self, method: str, path: str, allowed: list[str]) -> None:
        super().__init__(
            f"{method} is not allowed on {path}; use {', '.join(allowed)}",
            headers={"Allow": ", ".join(allowed)},
        )


class Conflict(GatehouseError):
    http_status = 409
    code = "conflict"


class PreconditionFailed(GatehouseError):
    http_status = 412
    code = "precondition_failed"


class PayloadTooLarge(GatehouseError):
    http_status = 413
    code = "payload_too_large"


class HeadersTooLarge(GatehouseError):
    http_status = 431
    code = "headers_too_large"


class UnprocessableEntity(GatehouseError):
    http_status = 422
    code = "unprocessable"


class ResourceExhausted(GatehouseError):
    """A quota or budget refused the call: names the limit and its window; `retry_after` is when
    the window (or a concurrency slot) frees up."""

    http_status = 429
    code = "resource_exhausted"
    retryable = True

    def __init__(
        self,
        message: str,
        *,
        limit: str,
        window: str,
        retry_after: float | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message, retry_after=retry_after, headers=headers)
        self.limit = limit
        self.window = window

    def details(self) -> dict[str, Any]:
        return {"limit": self.limit, "window": self.window}


class DeadlineExceeded(GatehouseError):
    http_status = 504
    code = "deadline_exceeded"
    retryable = True


class ServiceUnavailable(GatehouseError):
    http_status = 503
    code = "unavailable"
    retryable = True


class Contention(ServiceUnavailable):
    """A store answered every attempt, but the document was contended (ABORTED, or changed between
    a read and its conditional write) each time. Retryable in a moment; not an outage, so a
    `DependencyGuard` lets it through as an answer: it neither counts a failure nor opens a breaker,
    and a caller must not switch to an outage fallback on it (shared/firestore_cas.py classifies)."""

    def __init__(
        self, message: str, *, retry_after: float | None = 1, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(message, retry_after=retry_after, headers=headers)


class UpstreamError(GatehouseError):
    """An error answer from the model provider, kept as the provider sent it."""

    code = "upstream_error"

    def __init__(
        self,
        status: int,
        message: str,
        *,
        retry_after: float | None = None,
        body: dict[str, Any] | None = None,
        target: str | None = None,
    ) -> None:
        super().__init__(message, retry_after=retry_after)
        self._status = status
        self.body = body
        self.target = target

    @property
    def status(self) -> int:
        return self._status

    @property
    def is_retryable(self) -> bool:
        return self._status in RETRYABLE_STATUSES
