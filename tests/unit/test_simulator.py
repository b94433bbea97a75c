"""The simulator's answers are derived from the request and carry realistic usage."""

import orjson

from dev.simulator import count_tokens, embedding, generate, stream_chunks


def _req(text: str, **extra: object) -> dict[str, object]:
    return {"contents": [{"role": "user", "parts": [{"text": text}]}], **extra}


def test_answers_are_deterministic_and_depend_on_the_prompt() -> None:
    a1 = generate("gemini-2.5-flash", _req("What is 2+2?"))
    a2 = generate("gemini-2.5-flash", _req("What is 2+2?"))
    b = generate("gemini-2.5-flash", _req("What is 3+3?"))
    text = lambda r: r["candidates"][0]["content"]["parts"][0]["text"]  # noqa: E731
    assert text(a1) == text(a2)
    assert text(a1) != text(b)
    assert "What is 2+2?" in text(a1)


def test_usage_counts_thoughts_and_cached_content() -> None:
    usage = generate("gemini-2.5-flash", _req("x" * 400, cachedContent="projects/p/cachedContents/1"))[
        "usageMetadata"
    ]
    assert usage["promptTokenCount"] == 100
    assert usage["cachedContentTokenCount"] == 100
    assert usage["thoughtsTokenCount"] > 0
    assert usage["totalTokenCount"] == (
        usage["promptTokenCount"] + usage["candidatesTokenCount"] + usage["thoughtsTokenCount"]
    )
    no_think = generate(
        "gemini-2.5-flash", _req("x", generationConfig={"thinkingConfig": {"thinkingBudget": 0}})
    )
    assert "thoughtsTokenCount" not in no_think["usageMetadata"]


def test_json_schema_output_follows_the_schema() -> None:
    schema = {"type": "OBJECT", "properties": {"name": {"type": "STRING"}, "age": {"type": "INTEGER"}}}
    out = generate(
        "gemini-2.5-flash",
        _req("Who?", generationConfig={"responseMimeType": "application/json", "responseSchema": schema}),
    )
    value = orjson.loads(out["candidates"][0]["content"]["parts"][0]["text"])
    assert set(value) == {"name", "age"}
    assert isinstance(value["age"], int)


def test_stream_reassembles_to_the_full_answer() -> None:
    full = generate("m", _req("stream this answer please"))
    chunks = stream_chunks("m", _req("stream this answer please"))
    assert len(chunks) > 2
    joined = "".join(c["candidates"][0]["content"]["parts"][0]["text"] for c in chunks)
    assert joined == full["candidates"][0]["content"]["parts"][0]["text"]
    assert chunks[-1]["candidates"][0]["finishReason"] == "STOP"
    assert "finishReason" not in chunks[0]["candidates"][0]


def test_count_tokens_and_embeddings() -> None:
    assert count_tokens(_req("abcdefgh"))["totalTokens"] == 2
    a, b, c = embedding("the cat sat"), embedding("the cat sat"), embedding("quantum chromodynamics")
    assert a == b
    assert sum(x * y for x, y in zip(a, c, strict=True)) < sum(x * y for x, y in zip(a, b, strict=True))


def test_stream_chunks_are_word_sized_and_each_carries_text() -> None:
    chunks = stream_chunks("gemini-2.5-flash", _req("Tell me a story about a gate"))
    texts = [c["candidates"][0]["content"]["parts"][0]["text"] for c in chunks]
    assert len(texts) > 5
    assert all(t.strip() and len(t.split()) == 1 for t in texts)
    assert "finishReason" in chunks[-1]["candidates"][0]


def test_simulator_rejects_what_vertex_rejects() -> None:
    from dev.sim_strict import check_embed, check_generate

    ok = _req("hi", generationConfig={"temperature": 0.5}, system_instruction={"parts": [{"text": "s"}]})
    assert check_generate(ok, "generateContent") is None
    refused = [
        {"contents": []},
        _req("hi", unknownField=1),
        _req(""),  # empty text
        {"contents": [{"role": "assistant", "parts": [{"text": "x"}]}]},
        {"contents": [{"role": "user", "parts": []}]},
        {"contents": [{"parts": [{"text": "a", "inlineData": {"mimeType": "x", "data": ""}}]}]},
        _req("hi", generationConfig={"temperature": 3}),
        _req("hi", generationConfig={"topK": "many"}),
        _req("hi", generationConfig={"responseSchema": {"type": "OBJECT"}}),  # without the JSON mime type
    ]
    for body in refused:
        assert check_generate(body, "generateContent"), body
    assert check_embed("predict", {"instances": []})
    assert check_embed(
        "predict", {"instances": [{"content": "a"}], "parameters": {"outputDimensionality": 0}}
    )
    assert check_embed("predict", {"instances": [{"content": "a"}]}) is None


async def test_simulator_lists_and_gets_models_in_both_shapes() -> None:
    from aiohttp.test_utils import TestClient, TestServer

    from dev.simulator import build_app

    async with TestClient(TestServer(build_app())) as client:
        developer = await (await client.get("/v1beta/models")).json()
        assert "models/gemini-2.5-flash" in [m["name"] for m in developer["models"]]
        vertex = await (await client.get("/v1beta1/publishers/google/models/text-embedding-005")).json()
        assert vertex["name"] == "publishers/google/models/text-embedding-005"
        assert (await client.get("/v1beta/models/gemini-0")).status == 404
