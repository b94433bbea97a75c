"""The ingress service with fake collaborators: routing, validation, errors, streaming."""

from __future__ import annotations

import logging
from typing import Any

import orjson
import pytest

from shared.auth import Authenticator
from shared.cost.prices import PriceTable
from shared.errors import UpstreamError
from shared.gateway import Gateway, GatewayConfig
from shared.http import HttpRequest, HttpResponse, StreamResponse
from shared.log import JsonFormatter
from shared.pipeline import Pipeline
from shared.resilience.breaker import BreakerConfig, Breakers
from shared.resilience.retry import RetryConfig
from shared.resilience.terminal import ResilientUpstream
from shared.routing.router import PlanRouter
from shared.tenants import ApiKeyRecord, Tenant, hash_api_key
from shared.usage.accounting import Accounting
from tests.fakes import FakeProvider, MemorySecrets, MemoryTenants, answer

KEY = "ghk_test_key_123456"
GEMINI = "/v1beta/models/gemini-2.5-flash:generateContent"
VERTEX = "/v1/projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent"


async def _no_sleep(_seconds: float) -> None:
    return None


def make_gateway(
    provider: Any,
    max_body: int = 10_000,
    tenant: Tenant | None = None,
    breakers: Breakers | None = None,
    stages: list[Any] | None = None,
) -> Gateway:
    store = MemoryTenants()
    store.tenants["acme"] = tenant or Tenant(id="acme", allowed_models=("gemini-2.5-*",))
    h = hash_api_key(KEY, b"pep")
    store.keys[h] = ApiKeyRecord(key_hash=h, tenant_id="acme", display_prefix="ghk_te")
    auth = Authenticator(store, MemorySecrets({"pepper": b"pep"}), "pepper")
    breakers = breakers or Breakers(BreakerConfig())
    terminal = ResilientUpstream(
        PlanRouter("europe-west4"), {"vertex": provider}, breakers, RetryConfig(), sleep=_no_sleep
    )
    config = GatewayConfig(project="p", max_body_bytes=max_body, upstream_timeout_s=30)
    router = PlanRouter("europe-west4")

    def visible(tenant: Tenant) -> list[dict[str, Any]]:
        mine = router.visible_targets(tenant)
        return [b for b in breakers.snapshot() if mine(b["target"])]

    return Gateway(config, auth, Pipeline(stages or [], terminal), breakers=visible)


def req(path: str, body: Any, headers: dict[str, str] | None = None, method: str = "POST") -> HttpRequest:
    raw = body if isinstance(body, bytes) else orjson.dumps(body)
    query = {"alt": "sse"} if path.endswith(":streamGenerateContent") else {}
    return HttpRequest(method, path, {"x-goog-api-key": KEY, **(headers or {})}, query, raw)


BODY = {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]}


async def test_gemini_generate_forwards_body_unchanged_and_sets_headers() -> None:
    provider = FakeProvider([answer("hello")])
    body = {**BODY, "generationConfig": {"temperature": 0, "thinkingConfig": {"thinkingBudget": 0}}, "x": 1}
    response = await make_gateway(provider).handle(req(VERTEX, body))
    assert isinstance(response, HttpResponse)
    assert response.status == 200
    assert orjson.loads(response.body)["candidates"][0]["content"]["parts"][0]["text"] == "hello"
    _, target, sent = provider.calls[0]
    assert sent == body  # unknown fields too: a faithful forward
    assert target.region == "europe-west4"
    assert response.headers["X-Gatehouse-Cache"] == "miss"
    assert "upstream;dur=" in response.headers["Server-Timing"]
    assert len(response.headers["X-Request-Id"]) >= 8


async def test_missing_key_is_401_in_google_shape() -> None:
    gateway = make_gateway(FakeProvider())
    response = await gateway.handle(HttpRequest("POST", GEMINI, {}, {}, orjson.dumps(BODY)))
    assert isinstance(response, HttpResponse)
    assert response.status == 401
    error = orjson.loads(response.body)["error"]
    assert error["code"] == 401
    assert error["status"] == "UNAUTHENTICATED"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"{not json", None),
        ({"contents": "hi"}, "contents"),
        ({"contents": [{"parts": [{"text": 5}]}]}, "contents.0.parts.0.text"),
        ({**BODY, "generationConfig": {"temperature": "hot"}}, "generationConfig.temperature"),
        ({**BODY, "generationConfig": {"temperature": 9}}, "generationConfig.temperature"),
    ],
)
async def test_bad_bodies_are_400_naming_the_field(body: Any, field: str | None) -> None:
    provider = FakeProvider()
    response = await make_gateway(provider).handle(req(GEMINI, body))
    assert isinstance(response, HttpResponse)
    assert response.status == 400
    error = orjson.loads(response.body)["error"]
    assert error["status"] == "INVALID_ARGUMENT"
    if field:
        assert error["details"][0]["fieldViolations"][0]["field"] == field
    assert provider.calls == []


async def test_model_not_allowed_is_400_naming_model() -> None:
    provider = FakeProvider()
    path = "/v1beta/models/gemini-1.0-pro:generateContent"
    response = await make_gateway(provider).handle(req(path, BODY))
    assert isinstance(response, HttpResponse)
    assert response.status == 400
    assert "model" in orjson.loads(response.body)["error"]["message"]
    assert provider.calls == []


async def test_oversized_body_is_413() -> None:
    big = {"contents": [{"parts": [{"text": "x" * 20_000}]}]}
    response = await make_gateway(FakeProvider()).handle(req(GEMINI, big))
    assert isinstance(response, HttpResponse)
    assert response.status == 413


async def test_upstream_429_stays_429_with_retry_after() -> None:
    body = {"error": {"code": 429, "message": "Resource exhausted.", "status": "RESOURCE_EXHAUSTED"}}
    provider = FakeProvider([UpstreamError(429, "Resource exhausted.", retry_after=7, body=body)])
    response = await make_gateway(provider).handle(req(GEMINI, BODY))
    assert isinstance(response, HttpResponse)
    assert response.status == 429
    assert response.headers["Retry-After"] == "7"
    assert orjson.loads(response.body) == body


async def test_unexpected_error_is_generic_500_without_details() -> None:
    provider = FakeProvider([RuntimeError("secret internals at /srv/x.py line 3")])
    response = await make_gateway(provider).handle(req(GEMINI, BODY))
    assert isinstance(response, HttpResponse)
    assert response.status == 500
    assert b"secret internals" not in response.body
    assert b"Traceback" not in response.body


async def test_unknown_route_is_404() -> None:
    response = await make_gateway(FakeProvider()).handle(req("/v1/nothing", BODY))
    assert response.status == 404


async def _drain(response: StreamResponse) -> list[dict[str, Any]]:
    events = []
    async for frame in response.chunks:
        for line in frame.split(b"\r\n"):
            if line.startswith(b"data: "):
                events.append(orjson.loads(line[6:]))
    return events


async def test_stream_relays_chunks_as_sse() -> None:
    chunks = [answer("a", finish=None), answer("b")]
    provider = FakeProvider(chunks=chunks)
    path = "/v1beta/models/gemini-2.5-flash:streamGenerateContent"
    response = await make_gateway(provider).handle(req(path, BODY))
    assert isinstance(response, StreamResponse)
    assert await _drain(response) == chunks


async def test_stream_failing_before_first_chunk_is_a_plain_error() -> None:
    provider = FakeProvider(chunks=[UpstreamError(503, "down")])
    path = "/v1beta/models/gemini-2.5-flash:streamGenerateContent"
    response = await make_gateway(provider).handle(req(path, BODY))
    assert isinstance(response, HttpResponse)
    assert response.status == 503


async def test_stream_failing_midway_ends_with_an_error_event() -> None:
    provider = FakeProvider(chunks=[answer("a", finish=None), UpstreamError(502, "cut")])
    path = "/v1beta/models/gemini-2.5-flash:streamGenerateContent"
    response = await make_gateway(provider).handle(req(path, BODY))
    assert isinstance(response, StreamResponse)
    events = await _drain(response)
    assert events[0] == answer("a", finish=None)
    assert events[-1]["error"]["code"] == 502


@pytest.mark.parametrize("taken", [1, 2])
async def test_a_stream_the_client_leaves_is_logged_with_its_usage_and_frees_its_breaker(
    caplog: pytest.LogCaptureFixture, taken: int
) -> None:
    """The server closes the stream when the client goes (`EventStream`): every level ends then,
    innermost first, so the request log line carries the usage accounting read and the breaker's
    slot is freed (a closed stream is neither a success nor a failure of the target)."""
    caplog.set_level(logging.INFO, logger="gatehouse.request")
    usage = {"promptTokenCount": 5, "candidatesTokenCount": 2, "totalTokenCount": 7}
    chunks = [answer("a", finish=None, usage=usage), answer("b", finish=None, usage=usage), answer("c")]
    breakers = Breakers(BreakerConfig())
    stages = [Accounting(PriceTable.load(), None)]
    gateway = make_gateway(FakeProvider(chunks=chunks), breakers=breakers, stages=stages)
    response = await gateway.handle(req("/v1beta/models/gemini-2.5-flash:streamGenerateContent", BODY))
    assert isinstance(response, StreamResponse)
    for _ in range(taken):
        await anext(response.chunks)
    assert not [r for r in caplog.records if r.name == "gatehouse.request"]  # not before it ends
    await response.chunks.aclose()  # type: ignore[attr-defined]  # what EventStream does
    (record,) = [r for r in caplog.records if r.name == "gatehouse.request"]
    fields = orjson.loads(JsonFormatter().format(record))
    assert fields["stream"] == "complete"  # as before: the outcome of a stream nothing cut
    assert fields["stream_partial"] is True
    assert fields["tokens"]["candidates"] == 2
    (snapshot,) = breakers.snapshot()
    assert (snapshot["state"], snapshot["calls"]) == ("closed", 0)  # released: neither counted


async def test_native_generate_round_trip() -> None:
    provider = FakeProvider([answer("hello", usage={"promptTokenCount": 4, "candidatesTokenCount": 2})])
    body = {"model": "gemini-2.5-flash", "prompt": "hi", "system": "be brief", "config": {"temperature": 0}}
    response = await make_gateway(provider).handle(req("/v1/generate", body))
    assert isinstance(response, HttpResponse)
    out = orjson.loads(response.body)
    assert out["text"] == "hello"
    assert out["usage"]["prompt_tokens"] == 4
    sent = provider.calls[0][2]
    assert sent["systemInstruction"] == {"parts": [{"text": "be brief"}]}
    assert sent["generationConfig"] == {"temperature": 0}


async def test_native_errors_use_googles_shape() -> None:
    response = await make_gateway(FakeProvider()).handle(
        req(
            "/v1/generate",
            {"model": "gemini-2.5-flash", "prompt": "a", "messages": [{"role": "user", "content": "b"}]},
        )
    )
    assert isinstance(response, HttpResponse)
    assert response.status == 400
    error = orjson.loads(response.body)["error"]
    assert (error["code"], error["status"]) == (400, "INVALID_ARGUMENT")


async def test_count_tokens_goes_upstream() -> None:
    provider = FakeProvider()
    path = "/v1beta/models/gemini-2.5-flash:countTokens"
    response = await make_gateway(provider).handle(req(path, BODY))
    assert isinstance(response, HttpResponse)
    assert orjson.loads(response.body) == {"totalTokens": 7}
    assert provider.calls[0][0] == "countTokens"


async def test_cache_header_is_validated_and_passed_to_the_pipeline() -> None:
    seen: list[Any] = []

    async def stage(call: Any, next_handler: Any) -> Any:
        seen.append(call.attrs.get("cache_mode"))
        return await next_handler(call)

    gateway = make_gateway(FakeProvider())
    terminal = ResilientUpstream(
        PlanRouter("r"), {"vertex": FakeProvider()}, Breakers(BreakerConfig()), RetryConfig()
    )
    gateway._pipeline = Pipeline([stage], terminal)
    ok = await gateway.handle(req(GEMINI, BODY, {"x-gatehouse-cache": "Bypass"}))
    assert isinstance(ok, HttpResponse)
    assert ok.status == 200
    assert seen == ["bypass"]
    bad = await gateway.handle(req(GEMINI, BODY, {"x-gatehouse-cache": "sometimes"}))
    assert isinstance(bad, HttpResponse)
    assert bad.status == 400
    assert "X-Gatehouse-Cache" in orjson.loads(bad.body)["error"]["message"]


def _routed_tenant(**routing: Any) -> Tenant:
    plan = {
        "targets": [
            {"model": "gemini-2.5-flash", "region": "a"},
            {"model": "gemini-2.5-flash", "region": "b"},
        ]
    }
    return Tenant(id="acme", allowed_models=("gemini-2.5-*",), routing={"plans": {"main": plan}, **routing})


async def test_alias_is_allowed_and_route_headers_report_attempts_and_failovers() -> None:
    provider = FakeProvider([UpstreamError(503, "down"), answer("ok")])
    gateway = make_gateway(provider, tenant=_routed_tenant(aliases={"fast": "main"}))
    response = await gateway.handle(req("/v1beta/models/fast:generateContent", BODY))
    assert response.status == 200
    assert response.headers["X-Gatehouse-Route"] == "vertex:gemini-2.5-flash@b"
    assert response.headers["X-Gatehouse-Attempts"] == "2"
    assert response.headers["X-Gatehouse-Failovers"] == "1"


async def test_route_headers_are_set_on_errors_too() -> None:
    provider = FakeProvider([UpstreamError(400, "bad")])
    response = await make_gateway(provider).handle(req(GEMINI, BODY))
    assert response.status == 400
    assert response.headers["X-Gatehouse-Attempts"] == "1"


async def test_tag_header_picks_the_plan_and_bad_tags_are_400() -> None:
    tenant = _routed_tenant(rules=[{"tag": "batch", "plan": "main"}])
    provider = FakeProvider()
    gateway = make_gateway(provider, tenant=tenant)
    response = await gateway.handle(req(GEMINI, BODY, {"x-gatehouse-tag": "batch"}))
    assert response.status == 200
    assert provider.calls[0][1].region == "a"
    bad = await gateway.handle(req(GEMINI, BODY, {"x-gatehouse-tag": "no spaces allowed"}))
    assert bad.status == 400
    assert b"X-Gatehouse-Tag" in bad.body  # type: ignore[union-attr]


async def test_native_metadata_tag_picks_the_plan() -> None:
    provider = FakeProvider()
    gateway = make_gateway(provider, tenant=_routed_tenant(rules=[{"tag": "batch", "plan": "main"}]))
    body = {"model": "gemini-2.5-flash", "prompt": "hi", "metadata": {"tag": "batch"}}
    response = await gateway.handle(req("/v1/generate", body))
    assert response.status == 200
    assert provider.calls[0][1].region == "a"


async def test_breakers_endpoint_needs_a_key_and_lists_states() -> None:
    provider = FakeProvider()
    breakers = Breakers(BreakerConfig())
    gateway = make_gateway(provider, breakers=breakers)
    await gateway.handle(req(GEMINI, BODY))
    response = await gateway.handle(req("/v1/routing/breakers", b"", method="GET"))
    assert response.status == 200
    states = orjson.loads(response.body)["breakers"]  # type: ignore[union-attr]
    assert states[0]["target"] == "vertex:gemini-2.5-flash@europe-west4"
    assert states[0]["state"] == "closed"
    breakers.get("vertex:gemini-2.5-flash@another-tenants-region")  # used by another tenant's plan
    response = await gateway.handle(req("/v1/routing/breakers", b"", method="GET"))
    names = [b["target"] for b in orjson.loads(response.body)["breakers"]]  # type: ignore[union-attr]
    assert names == ["vertex:gemini-2.5-flash@europe-west4"]
    anonymous = await gateway.handle(HttpRequest("GET", "/v1/routing/breakers", {}, {}, b""))
    assert anonymous.status == 401


async def test_residency_violation_fails_closed_with_a_clear_message() -> None:
    tenant = Tenant(id="acme", routing={"allowed_regions": ["europe-west1"]})  # gateway default: europe-west4
    provider = FakeProvider()
    response = await make_gateway(provider, tenant=tenant).handle(req(GEMINI, BODY))
    assert response.status == 403
    assert b"allowed regions (europe-west1)" in response.body  # type: ignore[union-attr]
    assert provider.calls == []


async def test_tenant_default_deadline_bounds_the_call_and_the_header_overrides_it() -> None:
    from tests.unit.resilience_helpers import Scripted

    provider = Scripted({"europe-west4": [("slow", 0.4, answer("late but fine"))]})
    tenant = Tenant(id="acme", allowed_models=("gemini-2.5-*",), routing={"default_deadline_s": 0.15})
    gateway = make_gateway(provider, tenant=tenant)
    # the header's longer deadline first: it also warms the gateway (first-request set-up is not
    # what the timed call below measures)
    slower = await gateway.handle(req(GEMINI, BODY, {"x-server-timeout": "2"}))
    assert slower.status == 200
    assert provider.cancelled == []  # the 0.4-s answer came within the header's 2 s
    response = await gateway.handle(req(GEMINI, BODY))
    assert response.status == 504
    # the tenant's 0.15-s deadline cut the 0.4-s call (it was cancelled, not awaited to its end); not a
    # wall-clock bound, which a loaded CI machine can break
    assert len(provider.cancelled) == 1


@pytest.mark.parametrize(
    ("asked", "budget"),
    [(None, "config"), ("", "config"), ("2", 2.0), ("0.01", 0.1), ("soon", "config"), ("1e9", "config")],
)
def test_the_request_budget_follows_x_server_timeout_within_the_cap(
    asked: str | None, budget: object
) -> None:
    gateway = make_gateway(FakeProvider())
    cap = gateway._config.upstream_timeout_s
    headers = {} if asked is None else {"x-server-timeout": asked}
    assert gateway._budget(req(GEMINI, BODY, headers)) == (cap if budget == "config" else budget)


def test_the_logged_url_is_urllibs_quote_of_the_path() -> None:
    """The request log's `requestUrl` skips urllib for a path it would return unchanged: the same
    string for every path, odd characters, percent signs, spaces and non-ASCII included."""
    import random
    import string
    from urllib.parse import quote

    from shared.gateway import _URL_SAFE, _quoted

    rng = random.Random(7)
    alphabet = string.printable + "é\u2028%?#[] \x00\x7f"
    paths = ["", "/", "/v1beta/models/gemini-2.5-flash:generateContent", "/v1/a b", "/a%2Fb", "/é"]
    paths += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(2000)]
    for path in paths:
        assert _quoted(path) == quote(path, safe=_URL_SAFE), path


@pytest.mark.parametrize(
    ("path", "body", "taken", "tokens"),
    [
        (":gemini", BODY, 1, 2),
        (
            "/openai/v1/chat/completions",
            {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "hi"}]},
            2,
            2,
        ),
        (
            "/openai/v1/chat/completions",
            {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "hi"}]},
            1,
            0,
        ),
        ("/v1/generate", {"model": "gemini-2.5-flash", "prompt": "hi"}, 1, 2),
    ],
)
async def test_a_stream_the_client_leaves_is_logged_at_once_in_every_dialect(
    caplog: pytest.LogCaptureFixture, path: str, body: dict[str, Any], taken: int, tokens: int
) -> None:
    """With the garbage collector off: the renderers of the OpenAI and native dialects close the stream
    they read when the client leaves, so its levels end (log line, usage, breaker) at once and not when
    a collection finds the cycle (end-of-round review: after 3a8ccac the OpenAI and native lines waited
    for the collector, and never came once `gc.freeze()` had frozen it). Taking only the OpenAI role
    event leaves before any chunk is read: the line is written too, with no tokens counted."""
    import gc

    caplog.set_level(logging.INFO, logger="gatehouse.request")
    usage = {"promptTokenCount": 5, "candidatesTokenCount": 2, "totalTokenCount": 7}
    chunks = [answer("a", finish=None, usage=usage), answer("b", finish=None, usage=usage), answer("c")]
    breakers = Breakers(BreakerConfig())
    gateway = make_gateway(
        FakeProvider(chunks=chunks), breakers=breakers, stages=[Accounting(PriceTable.load(), None)]
    )
    if path == ":gemini":
        request = req("/v1beta/models/gemini-2.5-flash:streamGenerateContent", body)
    else:
        request = req(path, {**body, "stream": True}, {"authorization": f"Bearer {KEY}"})
    gc.disable()
    try:
        response = await gateway.handle(request)
        assert isinstance(response, StreamResponse), getattr(response, "body", None)
        for _ in range(taken):
            await anext(response.chunks)
        assert not [r for r in caplog.records if r.name == "gatehouse.request"]
        await response.chunks.aclose()  # type: ignore[attr-defined]  # what EventStream does
        (record,) = [r for r in caplog.records if r.name == "gatehouse.request"]
    finally:
        gc.enable()
    fields = orjson.loads(JsonFormatter().format(record))
    assert fields["stream_partial"] is True
    assert fields["tokens"]["candidates"] == tokens
    (snapshot,) = breakers.snapshot()
    assert (snapshot["state"], snapshot["calls"]) == ("closed", 0)
