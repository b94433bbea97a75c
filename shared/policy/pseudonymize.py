"""Reversible pseudonymization: stable per-request placeholders like `[EMAIL_1]`, restored in answers.

The mapping lives only in a `Pseudonymizer` object that the policy stage holds for one request;
it is never logged or stored; the repeat fast path (shared/cache/repeat.py) keeps a compact copy in
memory for an exact repeat of the request. `StreamRestorer` restores placeholders in a streamed answer,
holding back a tail that could be the start of a placeholder split across chunks.
"""

from __future__ import annotations

import sys

from shared import lazy_re as re  # compiled on first use: cold start

__all__ = ["PLACEHOLDER", "Pseudonymizer", "StreamRestorer"]

PLACEHOLDER = re.compile(r"\[([A-Z][A-Z_]{1,23})_(\d{1,5})\]")
_MAX_PLACEHOLDER = 32  # "[" + 24-char type + "_" + 5 digits + "]" fits
_PARTIAL = re.compile(r"\[(?:[A-Z][A-Z_]{0,23}(?:_\d{0,5})?)?\Z")


class Pseudonymizer:
    """value -> placeholder (stable within the request) and back."""

    __slots__ = ("_counts", "_forward", "_reverse")

    def __init__(self) -> None:
        self._forward: dict[tuple[str, str], str] = {}
        self._reverse: dict[str, str] = {}
        self._counts: dict[str, int] = {}

    def reserve(self, text: str) -> None:
        """Never hand out a placeholder the caller already wrote literally (it would be 'restored')."""
        if "[" in text:
            for m in PLACEHOLDER.finditer(text):
                kind, number = m.group(1), int(m.group(2))
                self._counts[kind] = max(self._counts.get(kind, 0), number)

    def placeholder(self, kind: str, value: str) -> str:
        key = (kind, value)
        found = self._forward.get(key)
        if found is None:
            number = self._counts.get(kind, 0) + 1
            self._counts[kind] = number
            found = self._forward[key] = f"[{kind}_{number}]"
            self._reverse[found] = value
        return found

    def __bool__(self) -> bool:
        return bool(self._reverse)

    def restore(self, text: str) -> str:
        if not self._reverse or "[" not in text:
            return text
        return PLACEHOLDER.sub(lambda m: self._reverse.get(m.group(), m.group()), text)

    def stream(self) -> StreamRestorer:
        return StreamRestorer(self)

    def compact(self) -> Pseudonymizer:
        """A copy that can only restore (placeholder -> value): what a remembered decision keeps."""
        copy = Pseudonymizer()
        copy._reverse = dict(self._reverse)
        return copy

    def footprint(self) -> int:
        """Bytes the restore mapping holds (its strings and dict), for a memory budget."""
        return sys.getsizeof(self._reverse) + sum(
            sys.getsizeof(k) + sys.getsizeof(v) for k, v in self._reverse.items()
        )


class StreamRestorer:
    """Restores placeholders in a text stream; `feed` returns what is safe to emit now."""

    __slots__ = ("_held", "_map")

    def __init__(self, mapping: Pseudonymizer) -> None:
        self._map = mapping
        self._held = ""

    def feed(self, piece: str) -> str:
        text = self._held + piece if self._held else piece
        self._held = ""
        cut = text.rfind("[", max(0, len(text) - _MAX_PLACEHOLDER))
        if cut != -1 and _PARTIAL.match(text, cut):
            text, self._held = text[:cut], text[cut:]
        return self._map.restore(text)

    def flush(self) -> str:
        """The held-back tail at the end of the stream (restored, in case it is complete)."""
        text, self._held = self._held, ""
        return self._map.restore(text)

    @property
    def pending(self) -> bool:
        return bool(self._held)
