"""What an SDK user sees when Gatehouse refuses a call: the official openai and google-genai SDKs
raise their own 429 errors, naming the limit, and a spent budget reads differently from a rate."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

import pytest
from google import genai
from google.genai import types
from openai import OpenAI, RateLimitError

from shared.limits.config import LimitSettings
from shared.tenants import Tenant

pytestmark = pytest.mark.e2e

MODEL = "gemini-2.5-flash"
E = TypeVar("E", bound=Exception)
LIMITS: dict[str, dict[str, Any]] = {  # limit name -> the tenant's limits (a few calls fit in each)
    "tenant.requests_per_minute": {"tenant": {"requests_per_minute": 1}},
    "budget.daily": {"daily_budget": {"usd": 0.0002, "mode": "hard"}},
}


def _first_refusal(call: Callable[[], object], kind: type[E]) -> E:
    """Call until refused: 1 RPM lets two calls through at most (a window boundary between them),
    the budget a few."""
    for _ in range(12):
        try:
            call()
        except kind as error:
            return error
    raise AssertionError(f"no {kind.__name__} in 12 calls")


def _key(stack: Any, limit: str) -> str:
    limits = LimitSettings.model_validate(LIMITS[limit])
    return str(stack.add_tenant(Tenant(id=f"sdk-{uuid.uuid4().hex[:8]}", limits=limits)))


@pytest.mark.parametrize(
    ("limit", "code"),
    [("tenant.requests_per_minute", "rate_limit_exceeded"), ("budget.daily", "insufficient_quota")],
)
def test_openai_sdk_raises_rate_limit_error(stack: Any, limit: str, code: str) -> None:
    client = OpenAI(api_key=_key(stack, limit), base_url=stack.ingress + "/openai/v1", max_retries=0)
    error = _first_refusal(
        lambda: client.chat.completions.create(
            model=MODEL, messages=[{"role": "user", "content": "hello"}], max_completion_tokens=20
        ),
        RateLimitError,
    )
    assert error.status_code == 429
    assert error.code == code
    assert limit in error.message
    assert int(error.response.headers["retry-after"]) >= 1
    assert error.response.headers["x-ratelimit-resource"] == limit


@pytest.mark.parametrize("limit", list(LIMITS))
def test_genai_sdk_raises_client_error_resource_exhausted(stack: Any, limit: str) -> None:
    client = genai.Client(api_key=_key(stack, limit), http_options={"base_url": stack.ingress})
    config = types.GenerateContentConfig(max_output_tokens=20)
    error = _first_refusal(
        lambda: client.models.generate_content(model=MODEL, contents="hello", config=config),
        genai.errors.ClientError,
    )
    assert (error.code, error.status) == (429, "RESOURCE_EXHAUSTED")
    assert limit in (error.message or "")
    info = error.details["error"]["details"][0]
    assert info["metadata"]["limit"] == limit
