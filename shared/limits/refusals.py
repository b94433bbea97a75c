"""The 429s of quotas and budgets: messages naming the limit and its window, and X-RateLimit-*.

A refusal carries X-RateLimit-Limit/-Remaining/-Reset of the refusing limit and
X-RateLimit-Resource naming it; an admitted call's response carries the first three, for its tightest
limit (one header fewer on every response: the name is not required there, and each header costs
the server's header loop ~4-5 k instructions).

`unit` is "requests", "tokens" or "usd"; USD amounts are in micro-USD and shown with two decimals.
"""

from __future__ import annotations

import math

from shared.errors import ResourceExhausted
from shared.http import RawHeaders

__all__ = ["RAW_NAMES", "busy", "encoded", "exhausted", "rate_headers", "too_big", "zero"]


# X-RateLimit-* as a response carries them (`shared.http.RawHeaders`: encoded as ASGI sends headers,
# so they skip the framework's per-header encoding), by their encoded names
RAW_NAMES = {
    b"x-ratelimit-limit": "X-RateLimit-Limit",
    b"x-ratelimit-remaining": "X-RateLimit-Remaining",
    b"x-ratelimit-reset": "X-RateLimit-Reset",
    b"x-ratelimit-resource": "X-RateLimit-Resource",
}
_NAMES = {value: key for key, value in RAW_NAMES.items()}


def encoded(headers: dict[str, str]) -> RawHeaders:
    """`rate_headers`' result as an admitted call's response carries it: without
    X-RateLimit-Resource, which only a refusal names (see `Item.headers`)."""
    return tuple(
        (_NAMES[name], value.encode("latin-1"))
        for name, value in headers.items()
        if name != "X-RateLimit-Resource"
    )


def rate_headers(limit: int, left: int, reset_s: float, name: str, unit: str) -> dict[str, str]:
    """X-RateLimit-* for one limit (the tightest one of a call, or the one that refused it)."""
    if left < 0:
        left = 0
    if unit == "usd":
        limit_s, left_s = f"{limit / 1_000_000:.2f}", f"{left / 1_000_000:.2f}"
    else:
        limit_s, left_s = str(limit), str(left)
    reset = math.ceil(reset_s)
    return {
        "X-RateLimit-Limit": limit_s,
        "X-RateLimit-Remaining": left_s,
        "X-RateLimit-Reset": str(reset) if reset > 0 else "0",
        "X-RateLimit-Resource": name,
    }


def zero(name: str, tenant: str) -> ResourceExhausted:
    return ResourceExhausted(
        f"{name} is 0 for tenant `{tenant}`: every call is refused until an operator raises it",
        limit=name,
        window="none",
        retry_after=None,
    )


def too_big(name: str, unit: str, limit: int, units: int, window_s: float) -> ResourceExhausted:
    if unit == "usd":
        what = f"about {units / 1_000_000:.4f} USD, more than {name} of {limit / 1_000_000:.2f} USD"
    else:
        what = f"about {units} {unit}, more than {name} = {limit} per {window_s:g} s window"
    return ResourceExhausted(
        f"This request alone reserves {what}; lower maxOutputTokens or the prompt size",
        limit=name,
        window="request",
        retry_after=None,
    )


def exhausted(
    name: str, unit: str, limit: int, end: float, now: float, tenant: str, window_s: float
) -> ResourceExhausted:
    wait = max(1, math.ceil(end - now))
    if unit == "usd":
        what = f"{name} of {limit / 1_000_000:.2f} USD is spent"
        label = "day" if name == "budget.daily" else "month"
    else:
        what = f"{name} = {limit} {unit} per {window_s:g} s window is used up"
        label = f"{window_s:g}s"
    return ResourceExhausted(
        f"Quota exceeded for tenant `{tenant}`: {what}; retry in {wait} s",
        limit=name,
        window=label,
        retry_after=wait,
        headers=rate_headers(limit, 0, wait, name, unit),
    )


def busy(name: str, limit: int) -> ResourceExhausted:
    """Every concurrency slot is in use (across instances)."""
    return ResourceExhausted(
        f"Quota exceeded: {name} = {limit} calls in flight; retry when one finishes",
        limit=name,
        window="concurrent",
        retry_after=1,
        headers=rate_headers(limit, 0, 1, name, "requests"),
    )
