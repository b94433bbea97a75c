"""The benchmarks' request text, and the numbers that make each request unique.

Rows that are compared send alike prompts: the same text followed by a number of the same width, so
no row gives the policy's digit detectors more to scan than another. Until round 8 the cacheable rows
carried a 19-digit `perf_counter_ns()` and the uncacheable rows only their index, which cost the
cacheable rows ~7% more instructions in the policy stage alone (docs/decisions/2026-11-29-performance.md,
"Round 8").
"""

from __future__ import annotations

import itertools

__all__ = ["PROMPT", "WIDTH", "serial"]

PROMPT = (
    "You are a support assistant for a retail bank. Summarise the customer's message below in two "
    "sentences and suggest the next best action. Customer message: I moved house last month and my "
    "statements still go to the old address; I updated it in the app but nothing changed. "
)

WIDTH = 6  # a run of six digits: no card, phone or ID shape; a million requests per process
_SERIAL = itertools.count()


def serial() -> str:
    """A number no other call in this process returns, always WIDTH digits (zero-padded). Unique
    across the rows and trees of one run, which share one emulator (an L2 entry written by one row
    must not be a hit in the next); every run starts its own emulator, so no clock is needed."""
    return f"{next(_SERIAL):0{WIDTH}d}"
