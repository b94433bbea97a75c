"""Gemini <-> OpenAI chat translation: system, turns, JSON output, tools, usage, streams."""

from __future__ import annotations

from shared.providers.openai_translate import ChunkTranslator, from_chat_response, to_chat_request


def test_request_carries_system_turns_config_and_json_schema() -> None:
    body = {
        "system_instruction": {"parts": [{"text": "Be brief."}]},  # snake_case, as the SDK may send
        "contents": [
            {"role": "user", "parts": [{"text": "Hi"}]},
            {"role": "model", "parts": [{"text": "Hello"}]},
            {
                "role": "user",
                "parts": [{"text": "A city?"}, {"inlineData": {"mimeType": "image/png", "data": "AA=="}}],
            },
        ],
        "generationConfig": {
            "temperature": 0.2,
            "topP": 0.9,
            "maxOutputTokens": 50,
            "stopSequences": ["END"],
            "seed": 7,
            "responseMimeType": "application/json",
            "responseSchema": {"type": "OBJECT", "properties": {"city": {"type": "STRING"}}},
        },
    }
    request = to_chat_request(body, "llama", stream=False)
    assert request["messages"][:3] == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello"},
    ]
    assert request["messages"][3]["content"][1] == {
        "type": "image_url",
        "image_url": {"url": "data:image/png;base64,AA=="},
    }
    assert (
        request["temperature"],
        request["top_p"],
        request["max_tokens"],
        request["stop"],
        request["seed"],
    ) == (0.2, 0.9, 50, ["END"], 7)
    schema = request["response_format"]["json_schema"]["schema"]
    assert schema == {"type": "object", "properties": {"city": {"type": "string"}}}
    assert "stream" not in request


def test_tool_round_trip_and_tool_choice() -> None:
    body = {
        "contents": [
            {"role": "user", "parts": [{"text": "Weather in Paris?"}]},
            {"role": "model", "parts": [{"functionCall": {"name": "weather", "args": {"city": "Paris"}}}]},
            {"role": "user", "parts": [{"functionResponse": {"name": "weather", "response": {"temp": 21}}}]},
        ],
        "tools": [{"functionDeclarations": [{"name": "weather", "parameters": {"type": "OBJECT"}}]}],
        "toolConfig": {"functionCallingConfig": {"mode": "ANY", "allowedFunctionNames": ["weather"]}},
    }
    request = to_chat_request(body, "m", stream=True)
    call = request["messages"][1]["tool_calls"][0]
    assert call["function"] == {"name": "weather", "arguments": '{"city":"Paris"}'}
    assert request["messages"][2] == {"role": "tool", "tool_call_id": call["id"], "content": '{"temp":21}'}
    assert request["tools"][0]["function"]["parameters"] == {"type": "object"}
    assert request["tool_choice"] == {"type": "function", "function": {"name": "weather"}}
    assert request["stream_options"] == {"include_usage": True}


def test_response_maps_tool_calls_finish_and_usage() -> None:
    response = {
        "id": "chatcmpl-1",
        "model": "llama",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {"id": "c1", "type": "function", "function": {"name": "f", "arguments": '{"a":1}'}}
                    ],
                },
            }
        ],
        "usage": {
            "prompt_tokens": 10,
            "completion_tokens": 7,
            "total_tokens": 17,
            "completion_tokens_details": {"reasoning_tokens": 2},
        },
    }
    gemini = from_chat_response(response, "llama")
    assert gemini["candidates"][0]["content"]["parts"] == [
        {"functionCall": {"id": "c1", "name": "f", "args": {"a": 1}}}
    ]
    assert gemini["candidates"][0]["finishReason"] == "STOP"
    assert gemini["usageMetadata"] == {
        "promptTokenCount": 10,
        "candidatesTokenCount": 5,
        "thoughtsTokenCount": 2,
        "totalTokenCount": 17,
    }
    length = from_chat_response({"choices": [{"message": {"content": "x"}, "finish_reason": "length"}]}, "m")
    assert length["candidates"][0]["finishReason"] == "MAX_TOKENS"


def test_stream_chunks_translate_text_then_a_final_chunk_with_usage() -> None:
    translator = ChunkTranslator("m")
    out = []
    for event in [
        {"id": "c", "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]},
        {"id": "c", "choices": [{"index": 0, "delta": {"content": "Hel"}}]},
        {"id": "c", "choices": [{"index": 0, "delta": {"content": "lo"}}]},
        {"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]},
        {"id": "c", "choices": [], "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5}},
    ]:
        out.extend(translator.feed(event))
    out.append(translator.close())
    assert [c["candidates"][0]["content"]["parts"][0]["text"] for c in out] == ["Hel", "lo", ""]
    assert out[-1]["candidates"][0]["finishReason"] == "STOP"
    assert out[-1]["usageMetadata"]["totalTokenCount"] == 5
