"""`request_parts` (shared/policy/body.py) finds the same slots, in the same order, as its earlier form
(three nested generators and ten dict lookups per part), kept here as the reference: random request
bodies of every shape the walk branches on (text, function call args and responses at any depth,
inline documents that are text, binary or not base64, code and its result, both spellings, None values,
parts and contents that are not dicts, roles that are missing or not strings, the system instruction, a
countTokens `generateContentRequest`), and writing through the slots changes the same places."""

from __future__ import annotations

import base64
import copy
import random
from collections.abc import Iterator
from typing import Any

import orjson

from shared.policy.body import TextSlot, _document, _get, _strings, request_parts
from shared.providers.base import GeminiBody


def _reference_part_texts(part: dict[str, Any]) -> Iterator[TextSlot]:
    if isinstance(part.get("text"), str):
        yield TextSlot(part, "text", part["text"])
    call = _get(part, "functionCall", "function_call")
    if isinstance(call, dict) and isinstance(call.get("args"), dict):
        yield from _strings(call["args"])
    response = _get(part, "functionResponse", "function_response")
    if isinstance(response, dict) and isinstance(response.get("response"), dict):
        yield from _strings(response["response"])
    document = _document(_get(part, "inlineData", "inline_data"))
    if document is not None:
        yield document
    code = _get(part, "executableCode", "executable_code")
    if isinstance(code, dict) and isinstance(code.get("code"), str):
        yield TextSlot(code, "code", code["code"])
    result = _get(part, "codeExecutionResult", "code_execution_result")
    if isinstance(result, dict) and isinstance(result.get("output"), str):
        yield TextSlot(result, "output", result["output"])


def _reference_parts(content: Any) -> Iterator[TextSlot]:
    if isinstance(content, dict):
        parts = content.get("parts")
        if isinstance(parts, list):
            for part in parts:
                if isinstance(part, dict):
                    yield from _reference_part_texts(part)


def reference_request_parts(body: GeminiBody) -> Iterator[tuple[str, TextSlot]]:
    """The form before the fourteenth session."""
    inner = _get(body, "generateContentRequest", "generate_content_request")
    if isinstance(inner, dict):
        yield from reference_request_parts(inner)
    contents = body.get("contents")
    if isinstance(contents, list):
        for content in contents:
            # one deliberate change since: a null or empty role is "user" (end-of-round review)
            role = (content.get("role") or "user") if isinstance(content, dict) else "user"
            for slot in _reference_parts(content):
                yield str(role), slot
    for slot in _reference_parts(_get(body, "systemInstruction", "system_instruction")):
        yield "system", slot


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def _value(rng: random.Random, depth: int = 0) -> Any:
    kind = rng.randrange(6 if depth < 3 else 3)
    if kind == 0:
        return f"value {rng.randrange(1000)} jane@example.com"
    if kind == 1:
        return rng.choice([None, 7, 2.5, True])
    if kind == 2:
        return ""
    if kind == 3:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {f"k{i}": _value(rng, depth + 1) for i in range(rng.randrange(4))}


def _part(rng: random.Random) -> Any:
    spell = rng.random() < 0.5  # camelCase or snake_case
    choices: list[tuple[str, Any]] = [
        ("text", f"call me at +1 415 555 {rng.randrange(1000, 9999)}"),
        ("text", rng.choice([None, 3, ["x"]])),
        ("thought", True),
        ("functionCall" if spell else "function_call", {"name": "f", "args": _value(rng)}),
        ("functionCall" if spell else "function_call", rng.choice([None, "x", {"args": "no"}])),
        ("functionResponse" if spell else "function_response", {"name": "f", "response": _value(rng)}),
        (
            "inlineData" if spell else "inline_data",
            {
                "mimeType" if spell else "mime_type": rng.choice(
                    ["text/plain", "application/json", "image/png", "text/csv; charset=utf-8", 5]
                ),
                "data": rng.choice([_b64("name: Jane Doe"), "not base64!!", _b64("{}"), None]),
            },
        ),
        ("executableCode" if spell else "executable_code", {"code": rng.choice(["print(1)", None])}),
        ("codeExecutionResult" if spell else "code_execution_result", {"output": rng.choice(["1", 2])}),
        ("fileData", {"fileUri": "gs://b/o"}),
        ("thoughtSignature", "c2ln"),
    ]
    part = dict(rng.sample(choices, rng.randrange(len(choices) + 1)))
    return part if rng.random() < 0.9 else rng.choice(["text", None, 4, ["x"]])


def _content(rng: random.Random) -> Any:
    if rng.random() < 0.05:
        return rng.choice([None, "hi", 3])
    content: dict[str, Any] = {"parts": [_part(rng) for _ in range(rng.randrange(4))]}
    if rng.random() < 0.1:
        content["parts"] = rng.choice([None, "x", {"text": "t"}])
    role = rng.random()
    if role < 0.6:
        content["role"] = rng.choice(["user", "model", "function"])
    elif role < 0.7:
        content["role"] = rng.choice([None, 1, ""])
    return content


def _body(rng: random.Random, depth: int = 0) -> GeminiBody:
    body: dict[str, Any] = {"contents": [_content(rng) for _ in range(rng.randrange(4))]}
    if rng.random() < 0.05:
        body["contents"] = rng.choice([None, "x", {}])
    if rng.random() < 0.3:
        body[rng.choice(["systemInstruction", "system_instruction"])] = _content(rng)
    if rng.random() < 0.2 and depth < 2:
        body[rng.choice(["generateContentRequest", "generate_content_request"])] = _body(rng, depth + 1)
    if rng.random() < 0.3:
        body["generationConfig"] = {"temperature": 0.5}
    return body


def _described(slots: list[tuple[str, TextSlot]]) -> list[tuple[str, int, Any, str, bool]]:
    return [(role, id(slot._holder), slot._key, slot.text, slot._base64) for role, slot in slots]


def test_the_same_slots_in_the_same_order_over_random_bodies() -> None:
    rng = random.Random(14)
    nonempty = 0
    for _ in range(3000):
        body = _body(rng)
        expected = _described(list(reference_request_parts(body)))
        assert _described(request_parts(body)) == expected
        nonempty += bool(expected)
    assert nonempty > 1500  # the bodies do carry text to find


def test_writing_through_the_slots_changes_the_same_places() -> None:
    rng = random.Random(1414)
    for _ in range(500):
        body = _body(rng)
        twin = copy.deepcopy(body)
        for (_, new), (_, old) in zip(request_parts(body), reference_request_parts(twin), strict=True):
            new.write(f"[{new.text[:3]}]")
            old.write(f"[{old.text[:3]}]")
        assert orjson.dumps(body) == orjson.dumps(twin)
