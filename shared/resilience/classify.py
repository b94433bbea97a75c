"""Failure classes, and what each means for routing.

transient   500/502/503/504, connection errors, timeouts -> retry, next target first
capacity    429 (quota or capacity)                      -> next region; Retry-After on a retry
context     400 "input too long"                         -> a model with a larger window
safety      a 200 answer blocked on safety               -> no fallback unless the tenant asks
fatal       any other 4xx                                -> never retried
"""

from __future__ import annotations

import enum
import re

from shared.errors import DeadlineExceeded, GatehouseError, UpstreamError
from shared.providers.base import GeminiBody

__all__ = ["Failure", "SafetyBlocked", "blocked_on_safety", "classify", "counts_against_target"]

_CONTEXT = re.compile(
    r"exceeds the maximum number of tokens|maximum context length|context[_ ]length|prompt is too long"
    r"|input token count",
    re.IGNORECASE,
)
_SAFETY_REASONS = frozenset({"SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_SAFETY"})


class Failure(enum.Enum):
    TRANSIENT = "transient"
    CAPACITY = "capacity"
    CONTEXT = "context"
    SAFETY = "safety"
    FATAL = "fatal"


class SafetyBlocked(Exception):
    """A target answered, but blocked the answer on safety; carries the answer as sent."""

    def __init__(self, response: GeminiBody, target: str) -> None:
        super().__init__(f"answer blocked on safety by {target}")
        self.response = response


def classify(error: BaseException) -> Failure:
    if isinstance(error, SafetyBlocked):
        return Failure.SAFETY
    if isinstance(error, UpstreamError):
        if error.status == 429:
            return Failure.CAPACITY
        if error.is_retryable:
            return Failure.TRANSIENT
        if error.status == 400 and _CONTEXT.search(error.message):
            return Failure.CONTEXT
        return Failure.FATAL
    if isinstance(error, DeadlineExceeded | TimeoutError):
        return Failure.TRANSIENT
    if isinstance(error, GatehouseError):
        return Failure.TRANSIENT if error.is_retryable else Failure.FATAL
    return Failure.FATAL


def counts_against_target(failure: Failure) -> bool:
    """Whether a failure is the target's fault (for its breaker): capacity and transient ones."""
    return failure in (Failure.TRANSIENT, Failure.CAPACITY)


def blocked_on_safety(response: GeminiBody) -> bool:
    feedback = response.get("promptFeedback") or response.get("prompt_feedback") or {}
    if isinstance(feedback, dict) and (feedback.get("blockReason") or feedback.get("block_reason")):
        return True
    candidates = response.get("candidates") or ()
    return bool(candidates) and all(
        (c.get("finishReason") or c.get("finish_reason")) in _SAFETY_REASONS for c in candidates
    )
