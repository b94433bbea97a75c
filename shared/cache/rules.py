"""Which requests may be answered from the cache, and which answers may be stored."""

from __future__ import annotations

from typing import Any

from shared.cache.config import CacheMode, CacheSettings
from shared.cache.key import normalize

__all__ = ["Eligibility", "eligibility", "storable"]

# Tools whose answer depends on the outside world at call time (search, code execution, ...).
_LIVE_TOOLS = frozenset(
    {
        "googleSearch",
        "googleSearchRetrieval",
        "retrieval",
        "codeExecution",
        "urlContext",
        "enterpriseWebSearch",
        "googleMaps",
        "computerUse",
    }
)


class Eligibility:
    """The most the cache may do for one request: 'bypass', 'exact' or 'semantic'."""

    __slots__ = ("mode", "reason")

    def __init__(self, mode: CacheMode, reason: str = "") -> None:
        self.mode: CacheMode = mode
        self.reason = reason


def _tools(body: dict[str, Any]) -> list[dict[str, Any]]:
    tools = body.get("tools") or []
    return [t for t in tools if isinstance(t, dict)] if isinstance(tools, list) else []


def eligibility(body: dict[str, Any], settings: CacheSettings, mode: CacheMode) -> Eligibility:
    """Only answers fixed by their inputs are cached: deterministic sampling, one candidate,
    no live tools. Semantic matching additionally needs a plain-text question and no tools."""
    if mode == "bypass":
        return Eligibility("bypass", "disabled")
    config = normalize(body.get("generationConfig") or body.get("generation_config") or {})
    if not isinstance(config, dict):
        return Eligibility("bypass", "config")
    if (config.get("candidateCount") or 1) != 1:
        return Eligibility("bypass", "candidates")
    temperature = config.get("temperature")  # absent: the model's default, which samples
    if temperature != 0 and not settings.allow_nonzero_temperature:
        return Eligibility("bypass", "temperature")
    tools = [normalize(t) for t in _tools(body)]
    if any(_LIVE_TOOLS & set(tool) for tool in tools):
        return Eligibility("bypass", "live_tool")
    if mode == "semantic" and (tools or body.get("cachedContent") or body.get("cached_content")):
        return Eligibility("exact", "tools")
    return Eligibility(mode)


def storable(response: dict[str, Any] | None) -> bool:
    """A complete, unblocked, single-candidate answer that finished normally."""
    if not isinstance(response, dict) or "error" in response:
        return False
    feedback = response.get("promptFeedback") or response.get("prompt_feedback") or {}
    if isinstance(feedback, dict) and (feedback.get("blockReason") or feedback.get("block_reason")):
        return False
    candidates = response.get("candidates")
    if not isinstance(candidates, list) or len(candidates) != 1 or not isinstance(candidates[0], dict):
        return False
    candidate = candidates[0]
    finish = candidate.get("finishReason") or candidate.get("finish_reason")
    if finish != "STOP":
        return False
    content = candidate.get("content")
    parts = content.get("parts") if isinstance(content, dict) else None
    return isinstance(parts, list) and bool(parts)
