"""The API surface with fake collaborators: route table edges, the model catalog gate, the OpenAI
dialect (chat, tools, JSON schema, streams, embeddings, errors), Gemini models and embeddings."""

from __future__ import annotations

import base64
import struct
from typing import Any, ClassVar

import orjson
import pytest

from shared.dialects import openai as oai
from shared.errors import GatehouseError, UpstreamError
from shared.http import HttpRequest, HttpResponse, StreamResponse
from shared.openapi import build_document
from shared.providers.base import GeminiBody, Target
from shared.route_table import ROUTES
from shared.tenants import Tenant
from tests.fakes import FakeProvider, answer
from tests.unit.test_gateway import KEY, make_gateway

BODY = {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]}


class EmbeddingProvider(FakeProvider):
    async def embed(self, target: Target, body: GeminiBody, *, timeout: float | None) -> GeminiBody:
        self.calls.append(("embed", target, body))
        texts = [c["parts"][0]["text"] for c in body["contents"]]
        return {
            "embeddings": [{"values": [0.5, -1.0, float(len(t))], "tokenCount": 2} for t in texts],
            "usageMetadata": {"promptTokenCount": 2 * len(texts), "totalTokenCount": 2 * len(texts)},
        }


def call(method: str, path: str, body: Any = None, query: dict[str, str] | None = None) -> HttpRequest:
    raw = b"" if body is None else orjson.dumps(body)
    return HttpRequest(method, path, {"authorization": f"Bearer {KEY}"}, query or {}, raw)


def json_of(response: Any) -> Any:
    assert isinstance(response, HttpResponse), response
    return orjson.loads(response.body)


def tenant(**extra: Any) -> Tenant:
    plan = {"targets": [{"model": "gemini-2.5-flash-lite", "region": "europe-west4"}]}
    fields: dict[str, Any] = {
        "id": "acme",
        "allowed_models": ("gemini-2.5-*", "text-embedding-*", "gemini-9*"),
        "routing": {"plans": {"fast": plan}, "aliases": {"fast": "fast"}},
    }
    return Tenant.model_validate({**fields, **extra})


# -- HTTP edges -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("GET", "/v1/generate", "POST"),
        ("PUT", "/v1beta/models/gemini-2.5-flash:generateContent", "POST"),
        ("POST", "/openai/v1/models", "GET, HEAD"),
        ("PATCH", "/v1/jobs/abc", "DELETE, GET, HEAD"),
    ],
)
async def test_known_path_with_wrong_method_is_405_with_allow(method: str, path: str, allow: str) -> None:
    response = await make_gateway(FakeProvider()).handle(call(method, path, {}))
    assert response.status == 405
    assert response.headers["Allow"] == allow


async def test_unknown_path_is_404_in_the_surface_shape() -> None:
    gateway = make_gateway(FakeProvider())
    assert json_of(await gateway.handle(call("GET", "/nothing")))["error"]["status"] == "NOT_FOUND"
    assert json_of(await gateway.handle(call("GET", "/openai/v1/nothing")))["error"]["type"]


async def test_headers_over_the_limit_are_431() -> None:
    request = call("POST", "/v1beta/models/gemini-2.5-flash:generateContent", BODY)
    request.headers = {**request.headers, "x-junk": "j" * 20_000}
    response = await make_gateway(FakeProvider()).handle(request)
    assert response.status == 431
    assert json_of(response)["error"]["status"] == "INVALID_ARGUMENT"
    repeated = call("POST", "/v1beta/models/gemini-2.5-flash:generateContent", BODY)
    repeated.header_bytes = 20_000  # as the adapter counts a header repeated many times (one dict key)
    assert (await make_gateway(FakeProvider()).handle(repeated)).status == 431


async def test_stream_without_alt_sse_is_one_json_array() -> None:
    provider = FakeProvider(chunks=[answer("a", finish=None), answer("b")])
    response = await make_gateway(provider).handle(
        call("POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent", BODY)
    )
    assert isinstance(response, StreamResponse)
    assert response.media_type == "application/json"
    body = b"".join([chunk async for chunk in response.chunks])
    assert [c["candidates"][0]["content"]["parts"][0]["text"] for c in orjson.loads(body)] == ["a", "b"]


class Limited(GatehouseError):
    """An error another issue might add: the renderers need no change for it."""

    http_status = 429
    code: ClassVar[str] = "limited"


@pytest.mark.parametrize(
    ("path", "field"),
    [("/v1/generate", "status"), ("/openai/v1/chat/completions", "type")],
)
async def test_any_error_renders_generically_with_its_headers(path: str, field: str) -> None:
    error = Limited("tenant quota `rpm` exhausted", retry_after=2.4, headers={"X-RateLimit-Limit": "60"})
    provider = FakeProvider([error])
    body = (
        {"model": "gemini-2.5-flash", "prompt": "x"}
        if path == "/v1/generate"
        else {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "x"}]}
    )
    response = await make_gateway(provider, tenant=tenant()).handle(call("POST", path, body))
    assert response.status == 429
    assert response.headers["Retry-After"] == "3"  # rounded up
    assert response.headers["X-RateLimit-Limit"] == "60"
    assert json_of(response)["error"][field] in ("RESOURCE_EXHAUSTED", "rate_limit_error")


# -- the model catalog gate --------------------------------------------------------------------------
async def test_unknown_model_is_404_before_anything_goes_upstream() -> None:
    provider = FakeProvider()
    gateway = make_gateway(provider, tenant=tenant())
    native = await gateway.handle(call("POST", "/v1beta/models/gemini-9-ultra:generateContent", BODY))
    assert native.status == 404
    assert json_of(native)["error"]["status"] == "NOT_FOUND"
    chat = {"model": "gemini-9-ultra", "messages": [{"role": "user", "content": "x"}]}
    refused = await gateway.handle(call("POST", "/openai/v1/chat/completions", chat))
    assert refused.status == 404
    assert json_of(refused)["error"]["code"] == "model_not_found"
    assert provider.calls == []


async def test_tenant_may_allow_unknown_models_through() -> None:
    provider = FakeProvider()
    gateway = make_gateway(provider, tenant=tenant(models={"allow_unknown_models": True}))
    response = await gateway.handle(call("POST", "/v1beta/models/gemini-9-ultra:generateContent", BODY))
    assert response.status == 200
    assert provider.calls[0][1].model == "gemini-9-ultra"


async def test_embedding_model_cannot_generate() -> None:
    response = await make_gateway(FakeProvider(), tenant=tenant()).handle(
        call("POST", "/v1beta/models/text-embedding-005:generateContent", BODY)
    )
    assert response.status == 400


# -- models.list / get ---------------------------------------------------------------------------
async def test_models_are_listed_in_each_surface_shape_with_aliases() -> None:
    gateway = make_gateway(FakeProvider(), tenant=tenant())
    developer = json_of(await gateway.handle(call("GET", "/v1beta/models")))["models"]
    names = [m["name"] for m in developer]
    assert "models/gemini-2.5-flash" in names
    assert "models/fast" in names
    assert "models/gemini-2.0-flash" not in names  # not allowed for this tenant
    flash = next(m for m in developer if m["name"] == "models/gemini-2.5-flash")
    assert flash["inputTokenLimit"] == 1048576
    assert "generateContent" in flash["supportedGenerationMethods"]
    vertex = json_of(await gateway.handle(call("GET", "/v1beta1/publishers/google/models")))
    assert "publishers/google/models/fast" in [m["name"] for m in vertex["publisherModels"]]
    one = json_of(await gateway.handle(call("GET", "/v1beta1/publishers/google/models/gemini-2.5-pro")))
    assert one["name"] == "publishers/google/models/gemini-2.5-pro"
    listed = json_of(await gateway.handle(call("GET", "/v1beta/openai/models")))
    assert {"id": "fast", "object": "model", "created": 1753142400, "owned_by": "gatehouse"} in listed["data"]
    missing = await gateway.handle(call("GET", "/openai/v1/models/gemini-2.0-flash"))
    assert missing.status == 404


async def test_models_list_pages() -> None:
    gateway = make_gateway(FakeProvider(), tenant=tenant())
    first = json_of(await gateway.handle(call("GET", "/v1beta/models", query={"pageSize": "2"})))
    assert len(first["models"]) == 2
    second = json_of(
        await gateway.handle(call("GET", "/v1beta/models", query={"pageToken": first["nextPageToken"]}))
    )
    assert second["models"][0]["name"] not in [m["name"] for m in first["models"]]


# -- embeddings ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "body", "count"),
    [
        ("/v1beta/models/text-embedding-005:embedContent", {"content": {"parts": [{"text": "a b"}]}}, 1),
        (
            "/v1beta/models/text-embedding-005:batchEmbedContents",
            {"requests": [{"content": {"parts": [{"text": "a"}]}}, {"content": {"parts": [{"text": "bb"}]}}]},
            2,
        ),
        (
            "/v1/projects/p/locations/us-central1/publishers/google/models/text-embedding-005:predict",
            {
                "instances": [{"content": "a", "task_type": "RETRIEVAL_QUERY"}],
                "parameters": {"outputDimensionality": 3},
            },
            1,
        ),
    ],
)
async def test_gemini_embeddings_in_three_shapes(path: str, body: Any, count: int) -> None:
    provider = EmbeddingProvider()
    out = json_of(await make_gateway(provider, tenant=tenant()).handle(call("POST", path, body)))
    vectors = (
        [out["embedding"]]
        if "embedding" in out
        else out.get("embeddings") or [p["embeddings"] for p in out["predictions"]]
    )
    assert len(vectors) == count
    assert vectors[0]["values"][:2] == [0.5, -1.0]
    assert provider.calls[0][0] == "embed"


async def test_openai_embeddings_float_and_base64() -> None:
    gateway = make_gateway(EmbeddingProvider(), tenant=tenant())
    body = {"model": "text-embedding-005", "input": ["hello", "hi"]}
    floats = json_of(await gateway.handle(call("POST", "/openai/v1/embeddings", body)))
    assert floats["data"][1]["embedding"] == [0.5, -1.0, 2.0]
    assert floats["usage"] == {"prompt_tokens": 4, "total_tokens": 4}
    packed = json_of(
        await gateway.handle(call("POST", "/openai/v1/embeddings", {**body, "encoding_format": "base64"}))
    )
    raw = base64.b64decode(packed["data"][0]["embedding"])
    assert list(struct.unpack("<3f", raw)) == [0.5, -1.0, 5.0]


# -- OpenAI chat -------------------------------------------------------------------------------------------
def test_chat_request_maps_to_a_gemini_body() -> None:
    request = oai.parse_chat(
        orjson.dumps(
            {
                "model": "google/gemini-2.5-flash",
                "messages": [
                    {"role": "developer", "content": "Be brief."},
                    {
                        "role": "user",
                        "content": [
                            {"type": "text", "text": "What is this?"},
                            {"type": "image_url", "image_url": {"url": "data:image/png;base64,AA=="}},
                        ],
                    },
                ],
                "temperature": 0.1,
                "max_completion_tokens": 50,
                "stop": "END",
                "seed": 3,
                "n": 1,
                "reasoning_effort": "low",
                "response_format": {
                    "type": "json_schema",
                    "json_schema": {"name": "r", "schema": {"type": "object", "properties": {}}},
                },
            }
        )
    )
    assert request.model == "gemini-2.5-flash"
    body = oai.to_gemini(request)
    assert body["systemInstruction"] == {"parts": [{"text": "Be brief."}]}
    assert body["contents"][0]["parts"][1] == {"inlineData": {"mimeType": "image/png", "data": "AA=="}}
    config = body["generationConfig"]
    assert config["maxOutputTokens"] == 50
    assert config["stopSequences"] == ["END"]
    assert config["thinkingConfig"] == {"thinkingBudget": 1024}
    assert config["responseMimeType"] == "application/json"
    assert config["responseJsonSchema"] == {"type": "object", "properties": {}}


def test_tool_round_trip_maps_calls_and_answers_by_id() -> None:
    request = oai.parse_chat(
        orjson.dumps(
            {
                "model": "gemini-2.5-flash",
                "messages": [
                    {"role": "user", "content": "Weather in Paris?"},
                    {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {
                                "id": "call_1",
                                "type": "function",
                                "function": {"name": "weather", "arguments": '{"city":"Paris"}'},
                            }
                        ],
                    },
                    {"role": "tool", "tool_call_id": "call_1", "content": '{"temp": 21}'},
                ],
                "tools": [
                    {"type": "function", "function": {"name": "weather", "parameters": {"type": "object"}}}
                ],
                "tool_choice": {"type": "function", "function": {"name": "weather"}},
            }
        )
    )
    body = oai.to_gemini(request)
    assert body["contents"][1] == {
        "role": "model",
        "parts": [{"functionCall": {"id": "call_1", "name": "weather", "args": {"city": "Paris"}}}],
    }
    assert body["contents"][2]["parts"][0]["functionResponse"] == {
        "id": "call_1",
        "name": "weather",
        "response": {"temp": 21},
    }
    assert body["tools"] == [
        {"functionDeclarations": [{"name": "weather", "parametersJsonSchema": {"type": "object"}}]}
    ]
    assert body["toolConfig"]["functionCallingConfig"] == {"mode": "ANY", "allowedFunctionNames": ["weather"]}


def test_gemini_answer_renders_as_a_chat_completion_with_tool_calls() -> None:
    response = {
        "candidates": [
            {
                "content": {
                    "role": "model",
                    "parts": [{"functionCall": {"name": "weather", "args": {"c": 1}}}],
                },
                "finishReason": "STOP",
            }
        ],
        "usageMetadata": {"promptTokenCount": 5, "candidatesTokenCount": 3, "thoughtsTokenCount": 4},
    }
    out = oai.render_completion("rid", "gemini-2.5-flash", response)
    choice = out["choices"][0]
    assert choice["finish_reason"] == "tool_calls"
    assert choice["message"]["content"] is None
    assert choice["message"]["tool_calls"][0]["function"] == {"name": "weather", "arguments": '{"c":1}'}
    assert out["usage"]["completion_tokens"] == 7
    assert out["usage"]["completion_tokens_details"] == {"reasoning_tokens": 4}
    oai.ChatCompletion.model_validate(out)  # the documented schema


async def test_chat_stream_ends_with_usage_and_done() -> None:
    provider = FakeProvider(chunks=[answer("Hel", finish=None), answer("lo", usage={"promptTokenCount": 2})])
    body = {
        "model": "fast",
        "messages": [{"role": "user", "content": "hi"}],
        "stream": True,
        "stream_options": {"include_usage": True},
    }
    response = await make_gateway(provider, tenant=tenant()).handle(
        call("POST", "/openai/v1/chat/completions", body)
    )
    assert isinstance(response, StreamResponse)
    frames = b"".join([chunk async for chunk in response.chunks]).split(b"\n\n")
    assert frames[-2] == b"data: [DONE]"
    events = [orjson.loads(f[6:]) for f in frames[:-2]]
    assert "".join(e["choices"][0]["delta"].get("content") or "" for e in events if e["choices"]) == "Hello"
    assert events[-2]["choices"][0]["finish_reason"] == "stop"
    assert events[-1]["choices"] == []
    assert events[-1]["usage"]["prompt_tokens"] == 2
    assert provider.calls[0][1].model == "gemini-2.5-flash-lite"  # the alias's plan


async def test_upstream_errors_reach_openai_callers_in_openai_shape() -> None:
    provider = FakeProvider([UpstreamError(429, "Resource exhausted.", retry_after=3, body={"error": {}})])
    body = {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "x"}]}
    response = await make_gateway(provider, tenant=tenant()).handle(
        call("POST", "/openai/v1/chat/completions", body)
    )
    assert response.status == 429
    error = json_of(response)["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert error["type"] == "rate_limit_error"
    assert response.headers["Retry-After"] == "3"


@pytest.mark.parametrize(
    ("body", "param"),
    [
        ({"model": "gemini-2.5-flash", "messages": []}, "messages"),
        ({"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "x"}], "n": 2}, "n"),
        ({"model": "gemini-2.5-flash", "messages": [{"role": "robot", "content": "x"}]}, "messages.0"),
    ],
)
async def test_bad_chat_requests_are_400_naming_the_param(body: Any, param: str) -> None:
    response = await make_gateway(FakeProvider(), tenant=tenant()).handle(
        call("POST", "/openai/v1/chat/completions", body)
    )
    assert response.status == 400
    error = json_of(response)["error"]
    assert error["type"] == "invalid_request_error"
    assert error["param"].startswith(param)


# -- OpenAPI ---------------------------------------------------------------------------------------------
def test_every_route_has_an_openapi_entry_and_nothing_else_is_documented() -> None:
    document = build_document(ROUTES)
    documented = {(method.upper(), path) for path, item in document["paths"].items() for method in item}
    routed = {(route.method, route.template) for route in ROUTES}
    assert routed == documented
    for route in ROUTES:
        operation = document["paths"][route.template][route.method.lower()]
        assert operation["responses"][str(route.status)]["content"], route.operation_id
        assert {p["name"] for p in operation["parameters"] if p["in"] == "path"} == set(route.params)
        if route.request is not None:
            assert operation["requestBody"]["content"]["application/json"]["schema"]


async def test_openapi_is_served_without_a_key() -> None:
    request = HttpRequest("GET", "/openapi.json", {}, {}, b"")
    document = json_of(await make_gateway(FakeProvider()).handle(request))
    assert document["openapi"] == "3.1.0"
    assert "/openai/v1/chat/completions" in document["paths"]


# -- embeddings through the pipeline's stages ------------------------------------------------------------
async def test_embedding_inputs_are_redacted_before_they_leave_and_billed_at_the_embedding_price() -> None:
    from shared.cost.prices import PriceTable
    from shared.pipeline import Pipeline
    from shared.policy.engine import PolicyEngine
    from shared.policy.stages import PolicyStage
    from shared.resilience.breaker import BreakerConfig, Breakers
    from shared.resilience.retry import RetryConfig
    from shared.resilience.terminal import ResilientUpstream
    from shared.routing.router import PlanRouter
    from shared.usage.accounting import Accounting

    provider = EmbeddingProvider()
    terminal = ResilientUpstream(
        PlanRouter("r"), {"vertex": provider}, Breakers(BreakerConfig()), RetryConfig()
    )
    seen: list[Any] = []

    async def capture(c: Any, next_handler: Any) -> Any:
        seen.append(c)
        return await next_handler(c)

    stages = [capture, Accounting(PriceTable.load(), None), PolicyStage(PolicyEngine())]
    gateway = make_gateway(provider, tenant=tenant())
    gateway._pipeline = Pipeline(stages, terminal)
    body = {"model": "text-embedding-005", "input": "Mail jane.doe@example.com about the invoice"}
    response = await gateway.handle(call("POST", "/openai/v1/embeddings", body))
    assert response.status == 200
    sent = provider.calls[0][2]["contents"][0]["parts"][0]["text"]
    assert "jane.doe@example.com" not in sent
    assert "[EMAIL_1]" in sent
    assert seen[0].attrs["cost"]["usd"] == pytest.approx(2 * 0.1 / 1e6)  # text-embedding-005's input price
    assert seen[0].attrs["tokens"]["prompt"] == 2
