"""Tables a process builds once and keeps: out of the cyclic GC's way.

`Runtime.gateway` calls `gc.freeze()` once everything built at start-up exists, so full collections
under load do not traverse it. Tables loaded later, on first use (the person-name lexicon, the
injection model, the client libraries a background thread imports), would otherwise be traversed by
every full collection for the rest of the instance's life: measured under callgrind, one full
collection walked the lexicon's sets for ~19 M instructions and cost 25-50 M in all, every few
hundred requests (docs/decisions/2026-11-29-spend-control.md, fourth round). `settle()` freezes again
right after such a load. Whatever else is alive at that moment (an in-flight request's objects) is
frozen too: freed by reference counting as always, only a reference cycle among them would stay
until the instance ends (once per table, so bounded).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["no_collection", "settle"]


def settle() -> None:
    """Move every object alive now into the permanent generation (`gc.freeze`)."""
    gc.freeze()


@contextmanager
def no_collection() -> Iterator[None]:
    """No cyclic garbage collection inside the block; the collector's previous state after it, also
    when the block raises. For an instance's start-up imports (functions/ingress.py): the modules,
    classes and validators they build live as long as the instance, yet each collection meanwhile
    traversed them (27 M of the ingress import's instructions; docs/decisions/
    2026-11-29-performance.md, round 5). Cycles made inside are left to the next pass after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
