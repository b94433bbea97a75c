"""The official openai SDK against a running ingress, changing only base_url and the key."""

from __future__ import annotations

import json

import pytest
from openai import NotFoundError, OpenAI

pytestmark = pytest.mark.e2e

MODEL = "gemini-2.5-flash"


@pytest.fixture(params=["/openai/v1", "/v1beta/openai/"])
def client(request, stack) -> OpenAI:  # type: ignore[no-untyped-def]
    return OpenAI(api_key=stack.key, base_url=stack.ingress + request.param, max_retries=0)


def test_chat_completion(client: OpenAI) -> None:
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[
            {"role": "system", "content": "Answer briefly."},
            {"role": "user", "content": "What is Gatehouse?"},
        ],
        temperature=0,
        max_completion_tokens=100,
    )
    text = completion.choices[0].message.content or ""
    assert "What is Gatehouse?" in text
    assert "Answer briefly." in text  # the system message reached the model as its instruction
    assert completion.choices[0].finish_reason == "stop"
    assert completion.usage is not None
    assert completion.usage.prompt_tokens > 0


def test_stream_with_usage(client: OpenAI) -> None:
    stream = client.chat.completions.create(
        model="fast",  # the demo tenant's alias
        messages=[{"role": "user", "content": "Stream me an answer"}],
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    texts = [c.choices[0].delta.content for c in chunks if c.choices and c.choices[0].delta.content]
    assert len(texts) >= 3  # word-sized pieces, each with text
    assert "Stream me an answer" in "".join(texts)
    assert "gemini-2.5-flash-lite" in "".join(texts)  # `fast` routed to its plan's model
    assert [c.choices[0].finish_reason for c in chunks if c.choices][-1] == "stop"
    assert chunks[-1].choices == []
    assert chunks[-1].usage is not None
    assert chunks[-1].usage.total_tokens > 0


def test_tool_call_round_trip(client: OpenAI) -> None:
    tools = [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Current weather in a city",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
            },
        }
    ]
    messages: list[dict[str, object]] = [{"role": "user", "content": "Weather in Paris?"}]
    first = client.chat.completions.create(
        model=MODEL,
        messages=messages,
        tools=tools,
        tool_choice="required",  # type: ignore[arg-type]
    )
    choice = first.choices[0]
    assert choice.finish_reason == "tool_calls"
    assert choice.message.tool_calls
    called = choice.message.tool_calls[0]
    assert called.function.name == "get_weather"
    messages.append(choice.message.model_dump(exclude_none=True))
    messages.append({"role": "tool", "tool_call_id": called.id, "content": json.dumps({"temp_c": 21})})
    second = client.chat.completions.create(model=MODEL, messages=messages, tools=tools)  # type: ignore[arg-type]
    assert second.choices[0].finish_reason == "stop"
    assert second.choices[0].message.content


def test_json_schema_output(client: OpenAI) -> None:
    schema = {
        "type": "object",
        "properties": {"city": {"type": "string"}, "population": {"type": "integer"}},
        "required": ["city", "population"],
    }
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Largest city in France?"}],
        response_format={"type": "json_schema", "json_schema": {"name": "city", "schema": schema}},
    )
    parsed = json.loads(completion.choices[0].message.content or "")
    assert set(parsed) == {"city", "population"}
    assert isinstance(parsed["population"], int)


def test_models_list_and_retrieve(client: OpenAI) -> None:
    ids = {model.id for model in client.models.list()}
    assert {"gemini-2.5-flash", "text-embedding-005", "fast"} <= ids
    assert client.models.retrieve("gemini-2.5-pro").owned_by == "google"
    with pytest.raises(NotFoundError):
        client.models.retrieve("gemini-0-unknown")


def test_embeddings_float_and_default_base64(client: OpenAI) -> None:
    floats = client.embeddings.create(
        model="text-embedding-005", input=["hello world", "hello there"], encoding_format="float"
    )
    assert len(floats.data) == 2
    assert len(floats.data[0].embedding) == 768
    assert floats.usage.prompt_tokens > 0
    default = client.embeddings.create(model="text-embedding-005", input="hello world")  # base64 on the wire
    assert default.data[0].embedding == pytest.approx(floats.data[0].embedding, abs=1e-6)


def test_unknown_model_is_openai_404(client: OpenAI) -> None:
    with pytest.raises(NotFoundError) as error:
        client.chat.completions.create(model="gemini-9-ultra", messages=[{"role": "user", "content": "x"}])
    assert error.value.code == "model_not_found"
