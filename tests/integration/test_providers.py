"""The non-Gemini providers against the simulator on loopback: translation both ways, streams, errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import orjson
import pytest
from aiohttp import web

from dev.simulator import Simulator, build_app
from dev.stack import free_port
from shared.errors import UpstreamError
from shared.providers.base import Target
from shared.providers.credentials import StaticToken
from shared.providers.openai_compat import OpenAICompatible
from shared.providers.vertex_endpoint import VertexEndpoint
from tests.fakes import MemorySecrets

pytestmark = pytest.mark.integration

TOOLS = [{"functionDeclarations": [{"name": "lookup", "parameters": {"type": "OBJECT"}}]}]


@pytest.fixture
async def sim() -> AsyncIterator[tuple[str, Simulator, aiohttp.ClientSession]]:
    simulator = Simulator()
    runner = web.AppRunner(build_app(simulator))
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    session = aiohttp.ClientSession()
    try:
        yield f"http://127.0.0.1:{port}", simulator, session
    finally:
        await session.close()
        await runner.cleanup()


def _providers(base: str, session: aiohttp.ClientSession) -> list[tuple[Any, Target]]:
    openai = OpenAICompatible(lambda: session, MemorySecrets({"vllm-key": b"sk-test"}))
    endpoint = VertexEndpoint(lambda: session, StaticToken("tok"), "proj", base_url=base)
    return [
        (openai, Target("openai", "qwen", "r1", f"{base}/openai/r1/v1", "vllm-key")),
        (endpoint, Target("vertex-endpoint", "llama", "r1", "4321")),
    ]


def _body(**extra: Any) -> dict[str, Any]:
    return {
        "systemInstruction": {"parts": [{"text": "be terse"}]},
        "contents": [
            {"role": "user", "parts": [{"text": "first"}]},
            {"role": "model", "parts": [{"text": "ok"}]},
            {"role": "user", "parts": [{"text": "second question"}]},
        ],
        **extra,
    }


async def test_generate_translates_system_turns_and_usage(sim) -> None:  # type: ignore[no-untyped-def]
    base, simulator, session = sim
    for provider, target in _providers(base, session):
        out = await provider.generate(target, _body(), timeout=5)
        text = out["candidates"][0]["content"]["parts"][0]["text"]
        assert "second question" in text
        assert "(turn 2)" in text  # both user turns arrived
        assert "[system: be terse]" in text
        assert out["candidates"][0]["finishReason"] == "STOP"
        assert out["usageMetadata"]["totalTokenCount"] > out["usageMetadata"]["promptTokenCount"] > 0
    sent = [e for e in simulator.log]
    assert sent[0].path == "/openai/r1/v1/chat/completions"
    assert sent[1].path == "/v1/projects/proj/locations/r1/endpoints/4321:rawPredict"
    assert all(e.authorization for e in sent)


async def test_tool_calls_and_json_output_round_trip(sim) -> None:  # type: ignore[no-untyped-def]
    base, _, session = sim
    for provider, target in _providers(base, session):
        tools = await provider.generate(
            target, _body(tools=TOOLS, toolConfig={"functionCallingConfig": {"mode": "ANY"}}), timeout=5
        )
        assert tools["candidates"][0]["content"]["parts"][0]["functionCall"]["name"] == "lookup"
        schema = {"type": "OBJECT", "properties": {"n": {"type": "INTEGER"}}}
        config = {"responseMimeType": "application/json", "responseSchema": schema}
        out = await provider.generate(target, _body(generationConfig=config), timeout=5)
        assert isinstance(orjson.loads(out["candidates"][0]["content"]["parts"][0]["text"])["n"], int)


async def test_streams_end_with_finish_and_usage_and_cuts_raise(sim) -> None:  # type: ignore[no-untyped-def]
    base, simulator, session = sim
    for provider, target in _providers(base, session):
        chunks = [c async for c in provider.stream(target, _body(), timeout=5)]
        text = "".join(p.get("text", "") for c in chunks for p in c["candidates"][0]["content"]["parts"])
        assert "second question" in text
        assert chunks[-1]["candidates"][0]["finishReason"] == "STOP"
        assert chunks[-1]["usageMetadata"]["totalTokenCount"] > 0
    simulator.faults["r1"] = _faults(stream_cut_after=2)
    for provider, target in _providers(base, session):
        with pytest.raises(UpstreamError, match="ended early"):
            _ = [c async for c in provider.stream(target, _body(), timeout=5)]


async def test_errors_keep_status_and_retry_after_in_google_shape(sim) -> None:  # type: ignore[no-untyped-def]
    base, simulator, session = sim
    simulator.faults["r1"] = _faults(error_rate=1.0, error_status=429, retry_after=2)
    for provider, target in _providers(base, session):
        with pytest.raises(UpstreamError) as caught:
            await provider.generate(target, _body(), timeout=5)
        assert caught.value.status == 429
        assert caught.value.retry_after == 2
        assert caught.value.body is not None
        assert caught.value.body["error"]["status"] == "RESOURCE_EXHAUSTED"


async def test_endpoint_predict_route_answers_instances(sim) -> None:  # type: ignore[no-untyped-def]
    base, _, session = sim
    url = f"{base}/v1/projects/p/locations/r1/endpoints/9:predict"
    async with session.post(url, json={"instances": [{"prompt": "hello", "max_tokens": 8}]}) as response:
        out = await response.json()
    assert out["predictions"][0].startswith("Prompt:\nhello\nOutput:\n")


def _faults(**values: Any) -> Any:
    import random

    from dev.simulator import RegionFaults

    faults = RegionFaults(**values)
    faults.rng = random.Random(1)
    return faults
