"""Reservations without a countTokens call: tokens from prompt bytes, and the models to price (an
answer's usage is read once per call, by `Call.usage`, for accounting and settlement alike).

Prompt tokens are estimated as UTF-8 bytes of the text parts / 3 (Gemini averages ~4 characters
per token in English and ~1 token per character in CJK scripts, 3 bytes in UTF-8: so the estimate
is high, rarely low) plus 258 tokens per inline or file part (Gemini's per-image charge). Output
is `maxOutputTokens`, capped at `default_output` (also its value when the request sets none).
Settlement replaces the estimate with `usageMetadata`.
"""

from __future__ import annotations

from typing import Any

from shared.tenants import Tenant

__all__ = ["estimate_tokens", "priced_models"]

_MEDIA_TOKENS = 258
_MISSING: Any = object()


def estimate_tokens(body: dict[str, Any], default_output: int) -> tuple[int, int]:
    """(prompt, output) tokens to reserve for a Gemini REST body: one pass over the text parts."""
    text = media = 0
    groups = body.get("contents")
    if not isinstance(groups, list):
        groups = ()
    if "systemInstruction" in body or "system_instruction" in body:  # its parts count like a content's
        system = body.get("systemInstruction") or body.get("system_instruction")
        if isinstance(system, dict):
            groups = [*groups, system]
    for content in groups:
        parts = content.get("parts") if isinstance(content, dict) else None
        if isinstance(parts, list):
            for part in parts:
                if isinstance(part, dict):
                    value = part.get("text")
                    if isinstance(value, str):  # UTF-8 bytes, without encoding ASCII (same count)
                        text += len(value) if value.isascii() else len(value.encode())
                    elif (
                        part.get("inlineData")
                        or part.get("inline_data")
                        or part.get("fileData")
                        or part.get("file_data")
                    ):
                        media += _MEDIA_TOKENS
    output = default_output
    config = body.get("generationConfig") or body.get("generation_config")
    if isinstance(config, dict):
        asked = config.get("maxOutputTokens", _MISSING)
        if asked is _MISSING:
            asked = config.get("max_output_tokens")
        if isinstance(asked, int) and 0 < asked < default_output:
            output = asked
    return -(-text // 3) + media + 1, output  # ceil(text / 3), in integers


def priced_models(tenant: Tenant, model: str) -> list[str]:
    """The models a call to `model` (maybe a tenant alias) can be served by, for pricing."""
    plan_name = tenant.routing.aliases.get(model)
    plan = tenant.routing.plans.get(plan_name) if plan_name else None
    return [t.model for t in plan.targets] if plan else [model]
