"""Pre-encoded response headers (`raw_headers`, used for X-RateLimit-*) reach the client after the
response's own headers, for plain and streamed responses, and the limiter's encoded values are the
strings `refusals.rate_headers` formats."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from functions._starlette import to_starlette
from shared.cost.prices import PriceTable
from shared.http import HttpResponse, StreamResponse
from shared.limits import refusals
from shared.limits.config import LimitSettings
from shared.limits.plan import UNIT, Planner
from shared.tenants import Tenant

RAW = ((b"x-ratelimit-limit", b"60"), (b"x-ratelimit-resource", b"tenant.requests_per_minute"))


async def _chunks() -> AsyncIterator[bytes]:
    yield b"data: {}\r\n\r\n"


def test_raw_headers_follow_the_responses_own_headers() -> None:
    plain = to_starlette(HttpResponse(200, b"{}", {"X-Request-Id": "r1"}, raw_headers=RAW))
    stream = to_starlette(StreamResponse(200, _chunks(), {"X-Request-Id": "r1"}, raw_headers=RAW))
    for response in (plain, stream):
        names = [name for name, _ in response.raw_headers]
        assert names.count(b"x-request-id") == 1
        assert response.raw_headers[-2:] == list(RAW)
    assert to_starlette(HttpResponse(200, b"{}")).raw_headers[-1][0] == b"content-type"  # none added


@pytest.mark.parametrize(("left", "reset_s"), [(0, 0.0), (7, 12.2), (123_456_789, 86_399.01), (5_000, 1.0)])
def test_encoded_rate_headers_match_the_formatted_ones(left: int, reset_s: float) -> None:
    limits = LimitSettings.model_validate(
        {"tenant": {"requests_per_minute": 60}, "daily_budget": {"usd": 12.345}}
    )
    plan = Planner(PriceTable.load(), 60, "i", 300, lambda: 0.0).build(
        Tenant(id="t", limits=limits), None, None
    )
    assert plan is not None
    for item in plan.items:  # the same item again a moment later and a second later (-Reset is reused)
        for reset in (reset_s, reset_s + 0.4, reset_s + 1.0, reset_s):
            expected = refusals.rate_headers(item.limit, left, reset, item.name, UNIT[item.kind])
            assert refusals.encoded(expected) == item.headers(left, reset)
