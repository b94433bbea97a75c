"""The optional judge tier: a cheap Gemini model asked whether one answer serves both questions.

Off by default (tenant `cache.judge`). Before a semantic hit is served, the judge sees the new
question, the cached question and the cached answer, and must say YES or NO. It runs under a
latency budget: no verdict in time (or an error) means the hit is not served. Its tokens are
priced and added to the request's cost (`call.attrs["cache_judge"]`, read by accounting). The
local simulator answers judge prompts deterministically (dev/simulator.py), so the path is tested.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import orjson

from shared.log import get_logger

__all__ = ["JUDGE_MARKER", "Judge", "JudgeResult", "judge_body"]

log = get_logger("gatehouse.cache")

JUDGE_MARKER = "[gatehouse-cache-judge]"
_INSTRUCTION = (
    "You check a response cache. Answer YES only if the ANSWER, written for QUESTION_A, is also a "
    "correct and complete answer to QUESTION_B with nothing to change (same numbers, entities, scope, "
    "direction, negation, format and language). Otherwise answer NO. Reply with YES or NO only."
)


@dataclass(frozen=True, slots=True)
class JudgeResult:
    verdict: bool | None  # None: no verdict within the budget, or an error
    usd: float
    tokens: int
    ms: float


def judge_body(question_a: str, question_b: str, answer: str) -> dict[str, Any]:
    payload = orjson.dumps({"question_a": question_a, "question_b": question_b, "answer": answer[:4000]})
    return {
        "systemInstruction": {"parts": [{"text": _INSTRUCTION}]},
        "contents": [{"role": "user", "parts": [{"text": f"{JUDGE_MARKER}\n{payload.decode()}"}]}],
        "generationConfig": {"temperature": 0, "maxOutputTokens": 4, "thinkingConfig": {"thinkingBudget": 0}},
    }


class Judge:
    """`generate(model, body)` sends one Gemini REST body upstream; `price(model, usage)` prices it."""

    def __init__(
        self,
        generate: Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]],
        model: str,
        timeout_s: float,
        price: Callable[[str, dict[str, Any]], float | None] = lambda _m, _u: None,
    ) -> None:
        self._generate = generate
        self.model = model
        self._timeout = timeout_s
        self._price = price

    async def __call__(self, question: str, cached_question: str, answer: str) -> JudgeResult:
        start = time.perf_counter()
        try:
            response = await asyncio.wait_for(
                self._generate(self.model, judge_body(cached_question, question, answer)), self._timeout
            )
        except Exception as error:  # the judge is an optional tier: no verdict means no hit
            log.warning("cache judge gave no verdict", extra={"error": type(error).__name__})
            return JudgeResult(None, 0.0, 0, (time.perf_counter() - start) * 1000)
        usage = response.get("usageMetadata") or {}
        parts = ((response.get("candidates") or [{}])[0].get("content") or {}).get("parts") or [{}]
        text = "".join(str(p.get("text", "")) for p in parts).strip().upper()
        verdict = True if text.startswith("YES") else False if text.startswith("NO") else None
        return JudgeResult(
            verdict,
            self._price(self.model, usage) or 0.0,
            int(usage.get("totalTokenCount") or 0),
            (time.perf_counter() - start) * 1000,
        )
