"""The soft-budget alert reads what the code logs: the Terraform metric's filter and label extractor
run against the `budget_exceeded` record the limiter really writes (through the JSON formatter, then
lifted into a LogEntry as Cloud Run does)."""

from __future__ import annotations

import logging
from typing import Any

import orjson
import pytest

from shared.cost.prices import PriceTable
from shared.limits.config import LimitSettings
from shared.limits.limiter import Limiter
from shared.limits.windows import Windows
from shared.log import JsonFormatter
from shared.tenants import Tenant
from tests.logging_filter import entry_from_line, extract, matches, metric_filters
from tests.unit.test_limits import BODY, Clock, MemoryLimitStore

PREFIX = "gh-prod"


def _lines(records: list[logging.LogRecord]) -> list[dict[str, Any]]:
    formatter = JsonFormatter()
    return [orjson.loads(formatter.format(r)) for r in records]


async def _soft_budget_lines(caplog: pytest.LogCaptureFixture, budget: str) -> list[dict[str, Any]]:
    limiter = Limiter(MemoryLimitStore(), PriceTable.load(), windows=Windows(60, 86400), clock=Clock())
    tenant = Tenant(id="acme", limits=LimitSettings.model_validate({budget: {"usd": 0.0001, "mode": "soft"}}))
    with caplog.at_level(logging.INFO):
        for _ in range(4):  # ~62 micro-USD reserved each: the second call crosses 100
            assert await limiter.admit(tenant, None, "gemini-2.5-flash", BODY) is not None
    return _lines(caplog.records)


@pytest.mark.parametrize("budget", ["daily_budget", "monthly_budget"])
async def test_budget_metric_matches_the_logged_event_and_nothing_else(
    caplog: pytest.LogCaptureFixture, budget: str
) -> None:
    metric = metric_filters(PREFIX)["budget_exceeded"]
    lines = await _soft_budget_lines(caplog, budget)
    events = [line for line in lines if line.get("event") == "budget_exceeded"]
    assert len(events) == 1, lines  # once per window and instance, not per call
    entry = entry_from_line(events[0], f"{PREFIX}-ingress")
    assert matches(metric["filter"], entry)
    assert extract(metric["label_extractors"]["budget"], entry) == f"budget.{budget.split('_')[0]}"
    assert entry["severity"] == "WARNING"
    # another deployment's services, and other records of the same service, do not count
    assert not matches(metric["filter"], entry_from_line(events[0], "gh-dev-ingress"))
    others = [line for line in lines if line.get("event") != "budget_exceeded"]
    for line in [*others, {"message": "request", "severity": "INFO"}]:
        assert not matches(metric["filter"], entry_from_line(line, f"{PREFIX}-ingress"))


def test_the_filter_evaluator_can_fail() -> None:
    entry = entry_from_line({"message": "request", "cost": {"usd": 0.5}, "severity": "INFO"}, "gh-x")
    assert matches('jsonPayload.message="request" AND jsonPayload.cost.usd>=0', entry)
    assert not matches('jsonPayload.message="request" AND jsonPayload.cost.usd>=1', entry)
    assert not matches('jsonPayload.mesage="request"', entry)  # a misspelt field matches nothing
    assert matches('resource.labels.service_name=~"^gh-"', entry)
    with pytest.raises(ValueError, match="only AND"):
        matches('jsonPayload.message="request" OR severity="INFO"', entry)
