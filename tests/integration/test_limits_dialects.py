"""A refused call in each dialect, through the stack's ingress: 429 in the dialect's own error shape,
naming the limit, with Retry-After and X-RateLimit-*; per-key quotas; a soft budget that serves and
logs the `budget_exceeded` event the monitoring alert's filter matches.

Real 60 s windows: a tenant limited to 1 request per minute gets at most 2 calls through in 3 (a
window boundary may fall between them), so each test sends up to 3 and expects a 429 among them.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from typing import Any

import httpx
import pytest

from shared.limits.config import LimitSettings
from shared.tenants import Tenant
from tests.logging_filter import entry_from_line, extract, matches, metric_filters

pytestmark = pytest.mark.integration

MODEL = "gemini-2.5-flash"
TEXT = "Tell me about the weather in one short line."
DIALECTS: dict[str, tuple[str, dict[str, Any], str]] = {  # path, body, auth header
    "openai": (
        "/openai/v1/chat/completions",
        {"model": MODEL, "messages": [{"role": "user", "content": TEXT}], "max_completion_tokens": 20},
        "authorization",
    ),
    "native": (
        "/v1/generate",
        {"model": MODEL, "prompt": TEXT, "config": {"max_output_tokens": 20}},
        "x-goog-api-key",
    ),
    "gemini": (
        f"/v1beta/models/{MODEL}:generateContent",
        {
            "contents": [{"role": "user", "parts": [{"text": TEXT}]}],
            "generationConfig": {"maxOutputTokens": 20},
        },
        "x-goog-api-key",
    ),
}
STREAMS = {  # a refused stream is refused before its first byte: a plain 429, not an SSE event
    "openai-stream": (DIALECTS["openai"][0], {**DIALECTS["openai"][1], "stream": True}, "authorization"),
    "gemini-stream": (
        f"/v1beta/models/{MODEL}:streamGenerateContent?alt=sse",
        DIALECTS["gemini"][1],
        "x-goog-api-key",
    ),
}


def _tenant(name: str, **limits: Any) -> Tenant:
    return Tenant(id=f"{name}-{uuid.uuid4().hex[:8]}", limits=LimitSettings.model_validate(limits))


def _auth(header: str, key: str) -> dict[str, str]:
    return {header: f"Bearer {key}" if header == "authorization" else key}


async def _until_refused(
    stack: Any, dialect: str, key: str, tries: int
) -> tuple[list[httpx.Response], httpx.Response]:
    path, body, header = {**DIALECTS, **STREAMS}[dialect]
    admitted = []
    async with httpx.AsyncClient(base_url=stack.ingress, timeout=30) as http:
        for _ in range(tries):
            response = await http.post(path, json=body, headers=_auth(header, key))
            if response.status_code == 429:
                return admitted, response
            assert response.status_code == 200, response.text
            if dialect in STREAMS:
                assert response.headers["content-type"].startswith("text/event-stream")
            admitted.append(response)
    raise AssertionError(f"{dialect}: no 429 in {tries} calls")


def _check_headers(response: httpx.Response, resource: str) -> int:
    retry_after = int(response.headers["retry-after"])
    assert response.headers["x-ratelimit-resource"] == resource
    assert response.headers["x-ratelimit-remaining"] in ("0", "0.00")
    assert int(response.headers["x-ratelimit-reset"]) == retry_after
    return retry_after


def _check_shape(dialect: str, response: httpx.Response, limit: str, window: str) -> None:
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert limit in error["message"]
    if dialect.startswith("openai"):
        kind = "insufficient_quota" if limit.startswith("budget.") else "rate_limit_error"
        code = "insufficient_quota" if limit.startswith("budget.") else "rate_limit_exceeded"
        assert (error["type"], error["code"], error["param"]) == (kind, code, None)
        assert set(error) == {"message", "type", "param", "code"}
    else:
        assert (error["code"], error["status"]) == (429, "RESOURCE_EXHAUSTED")
        info = error["details"][0]
        assert info["@type"] == "type.googleapis.com/google.rpc.ErrorInfo"
        assert info["metadata"] == {"limit": limit, "window": window}


@pytest.mark.parametrize("dialect", [*DIALECTS, *STREAMS])
async def test_quota_refusal_in_each_dialect(stack: Any, dialect: str) -> None:
    key = stack.add_tenant(_tenant(f"q429-{dialect}", tenant={"requests_per_minute": 1}))
    admitted, refused = await _until_refused(stack, dialect, key, tries=3)
    assert 1 <= len(admitted) <= 2
    assert admitted[-1].headers["x-ratelimit-limit"] == "1"
    assert "x-ratelimit-resource" not in admitted[-1].headers  # only a refusal names the limit
    _check_shape(dialect, refused, "tenant.requests_per_minute", "60s")
    assert 1 <= _check_headers(refused, "tenant.requests_per_minute") <= 60
    assert refused.headers["x-ratelimit-limit"] == "1"


@pytest.mark.parametrize("dialect", list(DIALECTS))
async def test_hard_budget_refusal_in_each_dialect(stack: Any, dialect: str) -> None:
    # ~60 micro-USD reserved per call (20 output tokens at most): a few calls fit in 200
    key = stack.add_tenant(_tenant(f"b429-{dialect}", daily_budget={"usd": 0.0002, "mode": "hard"}))
    admitted, refused = await _until_refused(stack, dialect, key, tries=12)
    assert admitted
    _check_shape(dialect, refused, "budget.daily", "day")
    retry_after = _check_headers(refused, "budget.daily")
    to_midnight = 86400 - time.time() % 86400
    assert abs(retry_after - to_midnight) <= 5  # the next UTC day, not the next minute


async def test_per_key_quota_counts_each_key_apart(stack: Any) -> None:
    tenant = _tenant("perkey", per_key={"requests_per_minute": 1})
    first, second = stack.add_tenant(tenant), stack.add_tenant(tenant)  # two keys, one tenant
    admitted_1, refused_1 = await _until_refused(stack, "gemini", first, tries=3)
    admitted_2, refused_2 = await _until_refused(stack, "gemini", second, tries=3)
    assert admitted_1
    assert admitted_2  # the first key's use does not count against the second
    for refused in (refused_1, refused_2):
        _check_shape("gemini", refused, "key.requests_per_minute", "60s")
        assert refused.headers["x-ratelimit-resource"] == "key.requests_per_minute"


async def test_soft_budget_serves_and_logs_the_event_the_alert_reads(stack: Any) -> None:
    tenant = _tenant("soft", daily_budget={"usd": 0.0001, "mode": "soft"})
    key = stack.add_tenant(tenant)
    path, body, header = DIALECTS["gemini"]
    async with httpx.AsyncClient(base_url=stack.ingress, timeout=30) as http:
        for _ in range(4):  # past the budget by the second call
            response = await http.post(path, json=body, headers=_auth(header, key))
            assert response.status_code == 200, response.text
    deadline = time.monotonic() + 5
    events: list[dict[str, Any]] = []
    while not events and time.monotonic() < deadline:
        records = stack.log_records("ingress")
        events = [
            r for r in records if r.get("event") == "budget_exceeded" and r.get("tenant_id") == tenant.id
        ]
        await asyncio.sleep(0.1)
    assert len(events) == 1  # once per window and instance, not per call
    metrics = metric_filters("gh-prod")
    entry = entry_from_line(events[0], "gh-prod-ingress")
    assert matches(metrics["budget_exceeded"]["filter"], entry)
    assert extract(metrics["budget_exceeded"]["label_extractors"]["budget"], entry) == "budget.daily"
    # the request lines of the same calls feed the request metrics (and not the budget one)
    lines = [r for r in records if r.get("message") == "request" and r.get("tenant") == tenant.id]
    assert len(lines) == 4
    for line in lines:
        request = entry_from_line(line, "gh-prod-ingress")
        assert not matches(metrics["budget_exceeded"]["filter"], request)
        for name in ("latency", "requests", "tokens", "cost"):
            metric = metrics[name]
            assert matches(metric["filter"], request), (name, line)
            if metric["value_extractor"]:
                assert isinstance(extract(metric["value_extractor"], request), int | float), name
            for label, expression in metric["label_extractors"].items():
                assert extract(expression, request) is not None, (name, label, line)
