"""A cheap proof that a generateContent body is one `GenerateContentRequest` accepts.

`plain_generate(data)` is True only for bodies made of the fields below, each of a type and within the
bounds the pydantic model (shared/dialects/gemini.py, strict mode) accepts: text-only contents, an
optional system instruction of the same shape, and the scalar fields of `generationConfig`. Anything
else (another field, an extra key, a nested config, a camelCase and a snake_case name of one field
together, a value it does not recognise) gives False, and the caller validates with pydantic as
before, so every error is pydantic's own. Why hand-written: pydantic builds the four models of even
a one-line body (every default, both names tried per field): ~91 K instructions per uncacheable
request in pydantic-core (callgrind, 2026-11-30), for a verdict this check reaches in a few K.
The test (tests/unit/test_gemini_plain.py) holds it to pydantic's verdict on generated bodies.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["plain_generate"]

# a field's camelCase and snake_case names -> the field
_TOP = {
    "contents": "contents",
    "systemInstruction": "system_instruction",
    "system_instruction": "system_instruction",
    "generationConfig": "generation_config",
    "generation_config": "generation_config",
}
# generationConfig's scalar fields: name -> (field, kind, lower bound, upper bound)
_CONFIG: dict[str, tuple[str, str, float | None, float | None]] = {}
for _camel, _snake, _kind, _low, _high in (
    ("temperature", "temperature", "float", 0, 2),
    ("topP", "top_p", "float", 0, 1),
    ("topK", "top_k", "float", 0, None),
    ("candidateCount", "candidate_count", "int", 1, None),
    ("maxOutputTokens", "max_output_tokens", "int", 1, None),
    ("seed", "seed", "int", None, None),
    ("presencePenalty", "presence_penalty", "float", None, None),
    ("frequencyPenalty", "frequency_penalty", "float", None, None),
    ("responseMimeType", "response_mime_type", "str", None, None),
    ("stopSequences", "stop_sequences", "strs", None, None),
    ("responseModalities", "response_modalities", "strs", None, None),
):
    _CONFIG[_camel] = _CONFIG[_snake] = (_snake, _kind, _low, _high)


_INT_SPAN = 2**53  # integers a float holds exactly


def _content(value: Any) -> bool:
    """A `Content` of text parts: {"role": str | None, "parts": [{"text": str | None}, ...] (1+)}."""
    if type(value) is not dict:
        return False
    parts = None
    for key, item in value.items():
        if key == "parts":
            parts = item
        elif key != "role" or (item is not None and type(item) is not str):
            return False
    if type(parts) is not list or not parts:
        return False
    for part in parts:
        if type(part) is not dict:
            return False
        for key, item in part.items():
            if key != "text" or (item is not None and type(item) is not str):
                return False
    return True


def _scalar(kind: str, low: float | None, high: float | None, value: Any) -> bool:
    if value is None:
        return True
    if kind == "str":
        return type(value) is str
    if kind == "strs":
        return type(value) is list and all(type(item) is str for item in value)
    if type(value) is int:  # bool is not (`type(True) is bool`); huge integers are pydantic's to judge
        if not -_INT_SPAN < value < _INT_SPAN:
            return False
    elif kind != "float" or type(value) is not float or not math.isfinite(value):
        return False
    return (low is None or value >= low) and (high is None or value <= high)


def _config(value: Any) -> bool:
    if value is None:
        return True
    if type(value) is not dict:
        return False
    seen: set[str] = set()
    for key, item in value.items():
        spec = _CONFIG.get(key)
        if spec is None or spec[0] in seen or not _scalar(spec[1], spec[2], spec[3], item):
            return False
        seen.add(spec[0])
    return True


def plain_generate(data: dict[str, Any]) -> bool:
    """True only if `GenerateContentRequest` accepts `data` (see the module docstring)."""
    seen: set[str] = set()
    for key, value in data.items():
        field = _TOP.get(key)
        if field is None or field in seen:
            return False
        seen.add(field)
        if field == "contents":
            if type(value) is not list or not value or not all(_content(item) for item in value):
                return False
        elif field == "system_instruction":
            if value is not None and not _content(value):
                return False
        elif not _config(value):
            return False
    return "contents" in seen
