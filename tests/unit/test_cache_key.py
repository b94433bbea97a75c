"""Cache keys: canonical, style-independent, tenant-isolated; user-defined names untouched."""

from __future__ import annotations

from typing import Any

from shared.cache.key import canonical, normalize, request_key

MODEL = "gemini-2.5-flash"


def body(text: str = "What is 2+2?", **extra: Any) -> dict[str, Any]:
    return {"contents": [{"role": "user", "parts": [{"text": text}]}], **extra}


def test_camel_and_snake_case_requests_share_a_key() -> None:
    camel = body(
        generationConfig={"temperature": 0, "maxOutputTokens": 64, "thinkingConfig": {"thinkingBudget": 0}},
        systemInstruction={"parts": [{"text": "be terse"}]},
        safetySettings=[{"category": "HARM_CATEGORY_HATE_SPEECH", "threshold": "BLOCK_NONE"}],
    )
    snake = body(
        generation_config={
            "max_output_tokens": 64,
            "temperature": 0,
            "thinking_config": {"thinking_budget": 0},
        },
        system_instruction={"parts": [{"text": "be terse"}]},
        safety_settings=[{"threshold": "BLOCK_NONE", "category": "HARM_CATEGORY_HATE_SPEECH"}],
    )
    assert request_key("t", MODEL, camel) == request_key("t", MODEL, snake)


def test_inline_data_mixed_styles_match() -> None:
    a = {"contents": [{"role": "user", "parts": [{"inlineData": {"mimeType": "image/png", "data": "AA=="}}]}]}
    b = {
        "contents": [{"role": "user", "parts": [{"inline_data": {"mime_type": "image/png", "data": "AA=="}}]}]
    }
    assert request_key("t", MODEL, a).exact == request_key("t", MODEL, b).exact


def test_user_defined_names_are_not_renamed() -> None:
    schema = {"type": "OBJECT", "properties": {"user_id": {"type": "STRING", "max_length": 3}}}
    norm = normalize({"generation_config": {"response_schema": schema}})
    props = norm["generationConfig"]["responseSchema"]["properties"]
    assert list(props) == ["user_id"]  # a property name, kept
    assert props["user_id"] == {"type": "STRING", "maxLength": 3}  # schema fields, normalized
    call = normalize({"function_call": {"name": "f", "args": {"first_name": "a"}}})
    assert call == {"functionCall": {"name": "f", "args": {"first_name": "a"}}}
    # ...so two schemas that differ only in a property name's style are different requests
    other = {"type": "OBJECT", "properties": {"userId": {"type": "STRING", "max_length": 3}}}
    a = request_key("t", MODEL, body(generationConfig={"responseSchema": schema}))
    b = request_key("t", MODEL, body(generationConfig={"responseSchema": other}))
    assert a.exact != b.exact


def test_canonical_json_is_sorted_and_compact() -> None:
    assert canonical({"b": 1, "a": [1, {"d": 2, "c": 3}]}) == b'{"a":[1,{"c":3,"d":2}],"b":1}'


def test_tenants_models_and_configs_never_share_keys() -> None:
    base = request_key("acme", MODEL, body())
    assert request_key("other", MODEL, body()).exact != base.exact
    assert request_key("other", MODEL, body()).scope != base.scope
    assert request_key("acme", "gemini-2.5-pro", body()).exact != base.exact
    assert request_key("acme", MODEL, body(generationConfig={"temperature": 0})).exact != base.exact
    assert (
        request_key("acme", MODEL, body(tools=[{"functionDeclarations": [{"name": "f"}]}])).exact
        != base.exact
    )


def test_labels_do_not_change_the_key() -> None:
    assert request_key("t", MODEL, body(labels={"team": "a"})) == request_key("t", MODEL, body())


def test_scope_ignores_only_the_last_user_turn() -> None:
    a = request_key("t", MODEL, body("What is the capital of France?"))
    b = request_key("t", MODEL, body("Which city is the capital of France?"))
    assert a.exact != b.exact
    assert a.scope == b.scope
    assert a.question == "What is the capital of France?"
    history = [
        {"role": "user", "parts": [{"text": "hi"}]},
        {"role": "model", "parts": [{"text": "hello"}]},
    ]
    turn = {"role": "user", "parts": [{"text": "What is the capital of France?"}]}
    c = request_key("t", MODEL, {"contents": [*history, turn]})
    assert c.scope != a.scope  # earlier turns must match exactly


def test_non_text_last_turn_has_no_question() -> None:
    parts = [{"text": "what is this?"}, {"inlineData": {"mimeType": "image/png", "data": "AA=="}}]
    assert request_key("t", MODEL, {"contents": [{"role": "user", "parts": parts}]}).question is None


def test_the_keys_of_a_set_of_requests_are_pinned() -> None:
    """Keys computed by the code before the performance rounds' cuts (2026-11-30): a change of any
    key orphans every stored entry, so it must be a deliberate KEY_VERSION bump, never a side effect."""
    peru = {"contents": [{"role": "user", "parts": [{"text": "What is the capital of Peru?"}]}]}
    turns = [
        {"role": "user", "parts": [{"text": "Hi"}]},
        {"role": "model", "parts": [{"text": "Hello!"}]},
        {"role": "user", "parts": [{"text": "Où est Lima ?"}]},
    ]
    schema = {"type": "OBJECT", "properties": {"city_name": {"type": "STRING"}}}
    tools = [{"functionDeclarations": [{"name": "get_city", "parameters": schema}]}]
    requests = [
        ("gemini-2.5-flash", {**peru, "generationConfig": {"temperature": 0}}, 0),
        ("gemini-2.5-flash", {**peru, "generation_config": {"temperature": 0, "max_output_tokens": 64}}, 0),
        (
            "gemini-2.5-pro",
            {"system_instruction": {"parts": [{"text": "Be brief."}]}, "contents": turns, "tools": tools,
             "labels": {"team": "x"}},
            3,
        ),
    ]  # fmt: skip
    keys = [request_key("acme", model, body, generation) for model, body, generation in requests]
    assert [(k.exact[:16], k.scope[:16], k.question) for k in keys] == [
        ("a3095407cb3caf54", "2c00b37c9e3ae1e0", "What is the capital of Peru?"),
        ("3a42471180ab115b", "faadfded98620e1d", "What is the capital of Peru?"),
        ("ee8d20ddfa73ac51", "366f0989d3c6e62a", "Où est Lima ?"),
    ]
