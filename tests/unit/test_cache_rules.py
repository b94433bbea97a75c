"""Cacheability: deterministic requests only; complete answers only; headers narrow, never widen."""

from __future__ import annotations

from typing import Any

import pytest

from shared.cache.config import CacheSettings, effective_mode
from shared.cache.rules import eligibility, storable
from shared.tenants import Tenant
from tests.fakes import answer

ON = CacheSettings()
SEMANTIC = CacheSettings(semantic=True)


def body(config: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
    return {
        "contents": [{"role": "user", "parts": [{"text": "q"}]}],
        "generationConfig": config or {},
        **extra,
    }


def test_temperature_zero_is_cacheable_and_default_sampling_is_not() -> None:
    assert eligibility(body({"temperature": 0}), ON, "exact").mode == "exact"
    assert eligibility(body(), ON, "exact").mode == "bypass"
    assert eligibility(body({"temperature": 0.7}), ON, "exact").mode == "bypass"
    opt_in = CacheSettings(allow_nonzero_temperature=True)
    assert eligibility(body({"temperature": 0.7}), opt_in, "exact").mode == "exact"


def test_snake_case_config_is_read_too() -> None:
    request = {"contents": [], "generation_config": {"temperature": 0, "candidate_count": 2}}
    assert eligibility(request, ON, "exact").reason == "candidates"


def test_several_candidates_and_live_tools_are_not_cached() -> None:
    assert eligibility(body({"temperature": 0, "candidateCount": 2}), ON, "exact").mode == "bypass"
    search = body({"temperature": 0}, tools=[{"google_search": {}}])
    assert eligibility(search, SEMANTIC, "semantic").mode == "bypass"


def test_function_tools_allow_exact_but_not_semantic() -> None:
    tools = body({"temperature": 0}, tools=[{"functionDeclarations": [{"name": "lookup"}]}])
    assert eligibility(tools, SEMANTIC, "semantic").mode == "exact"


def test_header_narrows_never_widens() -> None:
    assert effective_mode(SEMANTIC, "exact") == "exact"
    assert effective_mode(SEMANTIC, "bypass") == "bypass"
    assert effective_mode(ON, "semantic") == "exact"
    assert effective_mode(CacheSettings(enabled=False), "semantic") == "bypass"
    assert effective_mode(SEMANTIC, None) == "semantic"


def test_tenant_settings_are_validated() -> None:
    with pytest.raises(ValueError, match="threshold"):
        CacheSettings(threshold=1.5)
    with pytest.raises(ValueError, match="ttl_s"):
        CacheSettings(ttl_s=0)
    assert Tenant.model_validate({"id": "t", "cache": {"semantic": True}}).cache.semantic
    with pytest.raises(ValueError, match="cache"):
        Tenant.model_validate({"id": "t", "cache": {"threshold": "high"}})


@pytest.mark.parametrize(
    ("response", "ok"),
    [
        (answer("fine"), True),
        (answer("cut", finish="MAX_TOKENS"), False),
        (answer("blocked", finish="SAFETY"), False),
        (answer("unfinished", finish=None), False),
        ({"promptFeedback": {"blockReason": "SAFETY"}}, False),
        ({"candidates": [], "usageMetadata": {}}, False),
        ({"error": {"code": 500}}, False),
    ],
)
def test_only_complete_answers_are_storable(response: dict[str, Any], ok: bool) -> None:
    assert storable(response) is ok
