"""The policy function's handler: findings with offsets into the input, decisions, bad input."""

from __future__ import annotations

import os
from typing import Any

import orjson
import pytest

from shared.http import HttpRequest
from shared.policy.engine import PolicyEngine
from shared.policy.service import PolicyService
from shared.policy.stages import OutputCheckStage, PolicyStage
from shared.runtime import Runtime
from shared.settings import load_settings

SERVICE = PolicyService(PolicyEngine(), max_body_bytes=10_000)


async def check(body: Any, path: str = "/v1/policy:check", method: str = "POST") -> tuple[int, Any]:
    raw = body if isinstance(body, bytes) else orjson.dumps(body)
    response = await SERVICE.handle(HttpRequest(method, path, {}, {}, raw))
    return response.status, orjson.loads(response.body)


async def test_findings_carry_offsets_into_the_input_and_text_is_redacted() -> None:
    text = "Hi, I'm Laura Fischer: laura@example.com, card 4111-1111-1111-1111, server 10.0.0.7."
    status, out = await check({"text": text, "profile": "standard"})
    assert status == 200
    spans = {f["type"]: text[f["start"] : f["end"]] for f in out["findings"]}
    assert spans["EMAIL"] == "laura@example.com"
    assert spans["CREDIT_CARD"] == "4111-1111-1111-1111"
    assert spans["PERSON"] == "Laura Fischer"
    assert {f["type"]: f["action"] for f in out["findings"]}["IP_ADDRESS"] == "allow"
    assert out["decision"] == "redact"
    assert "laura@example.com" not in out["redacted_text"]
    assert "[EMAIL_1]" in out["redacted_text"]
    assert "10.0.0.7" in out["redacted_text"]  # standard allows IPs


async def test_block_decision_never_echoes_the_value() -> None:
    key = "AKIA44KRQTEM63TS66BH"
    status, out = await check({"text": f"key {key} and bob@example.com", "profile": "strict"})
    assert status == 200
    assert out["decision"] == "block"
    assert key not in out["redacted_text"]
    assert [f["type"] for f in out["findings"]] == ["AWS_ACCESS_KEY", "EMAIL"]


async def test_custom_profile_and_clean_text() -> None:
    status, out = await check({"text": "mail bob@example.com", "profile": {"actions": {"EMAIL": "allow"}}})
    assert (status, out["decision"], out["redacted_text"]) == (200, "allow", "mail bob@example.com")
    status, out = await check({"text": "Nothing to see."})
    assert (status, out["decision"], out["findings"]) == (200, "allow", [])


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"profile": "standard"}, "text"),
        ({"text": 3}, "text"),
        ({"text": "x", "profile": "lax"}, "profile"),
        ({"text": "x", "profile": {"actions": {"NOPE": "redact"}}}, "profile"),
        ({"text": "x", "extra": 1}, "extra"),
    ],
)
async def test_bad_input_is_400_naming_the_field(body: Any, field: str) -> None:
    status, out = await check(body)
    assert status == 400
    assert out["error"]["status"] == "INVALID_ARGUMENT"
    assert field in out["error"]["message"]


async def test_routes() -> None:
    assert (await check(b"", "/healthz", "GET"))[0] == 200
    assert (await check({"text": "x"}, "/v1/other"))[0] == 404
    assert (await check(b"not json"))[0] == 400
    assert (await check({"text": "x" * 20_000}))[0] == 413


def test_runtime_builds_the_engine_once_and_orders_the_stages() -> None:
    os.environ["GATEHOUSE_PROJECT"] = "p"
    runtime = Runtime(load_settings())
    assert runtime.policy is runtime.policy
    stages = runtime.stages
    kinds = [type(s) for s in stages if isinstance(s, PolicyStage | OutputCheckStage)]
    assert kinds == [PolicyStage, OutputCheckStage]
    assert isinstance(stages[-1], OutputCheckStage)  # right before the terminal


async def test_name_recognizer_is_asked_for_as_a_tenant_would() -> None:
    text = "Sure, Thandiwe can take the late shift."
    _, off = await check({"text": text})
    _, on = await check({"text": text, "name_recognizer": True})
    assert off["decision"] == "allow"
    assert [text[f["start"] : f["end"]] for f in on["findings"]] == ["Thandiwe"]
