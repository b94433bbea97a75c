"""Usage and cost: the request log entry, the Firestore ledger and the admin usage report."""

from __future__ import annotations

import time

import httpx
import pytest

from shared.tenants import Tenant

pytestmark = pytest.mark.integration

BODY = {"contents": [{"role": "user", "parts": [{"text": "count my tokens"}]}]}


def _request_logs(stack, tenant: str) -> list[dict]:  # type: ignore[no-untyped-def,type-arg]
    lines = stack.log_records("ingress")
    return [x for x in lines if x.get("message") == "request" and x.get("tenant") == tenant]


def test_usage_reaches_ledger_and_admin_report(stack) -> None:  # type: ignore[no-untyped-def]
    key = stack.add_tenant(Tenant(id="ledger-t"))
    with httpx.Client(base_url=stack.ingress, timeout=30) as client:
        for _ in range(3):
            r = client.post(
                "/v1beta/models/gemini-2.5-flash:generateContent", json=BODY, headers={"x-goog-api-key": key}
            )
            assert r.status_code == 200
            time.sleep(0.05)  # let the background flush of the previous request finish
    day = time.strftime("%Y-%m-%d", time.gmtime())
    deadline = time.monotonic() + 10
    report: dict = {}  # type: ignore[type-arg]
    while time.monotonic() < deadline:
        report = httpx.get(
            f"{stack.admin}/v1/usage",
            params={"tenant": "ledger-t", "from": day, "to": day},
            headers=stack.admin_headers,
        ).json()
        if report["totals"]["requests"] == 3:
            break
        time.sleep(0.2)
    assert report["totals"]["requests"] == 3
    row = report["rows"][0]
    assert row["model"] == "gemini-2.5-flash"
    logs = _request_logs(stack, "ledger-t")
    assert len(logs) == 3
    tokens = sum(e["tokens"]["prompt"] for e in logs)
    assert row["prompt_tokens"] == tokens
    assert row["cost_usd"] == pytest.approx(sum(e["cost"]["usd"] for e in logs))
    assert logs[0]["served_model"] == "gemini-2.5-flash"
    assert logs[0]["timings_ms"]["total"] >= logs[0]["timings_ms"]["upstream"]


def test_admin_usage_rejects_bad_dates(stack) -> None:  # type: ignore[no-untyped-def]
    r = httpx.get(
        f"{stack.admin}/v1/usage",
        params={"tenant": "x", "from": "yesterday", "to": "2026-01-01"},
        headers=stack.admin_headers,
    )
    assert r.status_code == 400
    assert r.json()["error"]["details"][0]["fieldViolations"][0]["field"] == "from"


def test_logs_never_contain_keys_secrets_or_prompt_text(stack) -> None:  # type: ignore[no-untyped-def]
    planted_secret = "AKIA44KRQTEM63TS66BH"
    prompt = f"my aws key is {planted_secret} and the magic word is xylophone-unicorn-42"
    with httpx.Client(base_url=stack.ingress, timeout=30) as client:
        client.post(
            "/v1beta/models/gemini-2.5-flash:generateContent",
            params={"key": stack.key},
            json={"contents": [{"parts": [{"text": prompt}]}]},
            headers={"user-agent": f"agent {stack.key}", "x-request-id": "plant-test-0001"},
        )
        client.post(  # an invalid request must not leak either
            "/v1beta/models/gemini-2.5-flash:generateContent",
            headers={"authorization": f"Bearer {stack.key}"},
            content=b'{"contents": [{"parts": [{"text": 1}]}], "x": "xylophone-unicorn-42"',
        )
    text = stack.log_text("ingress")
    assert "plant-test-0001" in text  # the request was logged ...
    assert stack.key not in text  # ... without the key (query, header or user agent)
    assert planted_secret not in text
    assert "xylophone-unicorn-42" not in text
