"""The `re` module with `compile()` deferred to each pattern's first use: patterns cost nothing at import.

A module that imports this as `re` (`from shared import lazy_re as re`) keeps writing
`re.compile(...)` at module level. The pattern is compiled by the standard `re.compile`, with the
same flags, the first time one of its attributes is read; from then on its methods are the compiled
pattern's own bound methods, held in the instance's `__dict__`, so a match costs what it did.
Everything else (`re.split`, `re.IGNORECASE`, `re.Pattern`, ...) is the standard module's.

Why: regex compilation at import was ~27% of the ingress's cold start (process start to the first
200), most of it patterns the first request never runs: the detectors' gates keep ordinary text
away from most of them (docs/decisions/2026-11-29-performance.md, "Cold start").

A lazy pattern is not an `re.Pattern` instance: pass it to nothing that checks (`re.sub(pattern,
...)`, `isinstance`); call its methods. Two threads using a pattern first at once compile it twice,
with the same result.
"""

from __future__ import annotations

import re as _re
from re import (
    DOTALL,
    IGNORECASE,
    MULTILINE,
    UNICODE,
    VERBOSE,
    I,
    Match,
    Pattern,
    S,
    escape,
    findall,
    finditer,
    fullmatch,
    match,
    search,
    split,
    sub,
    subn,
)
from typing import Any, cast

__all__ = [
    "DOTALL",
    "IGNORECASE",
    "MULTILINE",
    "UNICODE",
    "VERBOSE",
    "I",
    "Match",
    "Pattern",
    "S",
    "compile",
    "escape",
    "findall",
    "finditer",
    "fullmatch",
    "match",
    "search",
    "split",
    "sub",
    "subn",
]

_ATTRIBUTES = (
    "search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn", "scanner",
    "pattern", "flags", "groups", "groupindex",
)  # fmt: skip


class _LazyPattern:
    """A pattern source and flags; compiled when an attribute is first read (`__getattr__` is only
    consulted for attributes the instance does not have yet)."""

    def __init__(self, source: str, flags: int) -> None:
        self.pattern = source  # the same string the compiled pattern reports: reading it compiles nothing
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy/pickle probes: not a pattern's own attribute
            raise AttributeError(name)
        compiled = _re.compile(self._source, self._flags)
        self.__dict__.update({attr: getattr(compiled, attr) for attr in _ATTRIBUTES})
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_re.compile({self._source!r}, {self._flags!r})"


def compile(pattern: str, flags: int = 0) -> Pattern[str]:  # the `re` name, on purpose
    """`re.compile(pattern, flags)`, compiled on first use."""
    return cast(Pattern[str], _LazyPattern(pattern, flags))
