"""The ingress's direct path (functions/_direct.py) against functions-framework's own, on the real app.

Each test builds the app the way functions-framework serves it (`functions_framework.aio.
create_asgi_app`, target `ingress`, source main.py) and drives it with ASGI messages as uvicorn sends
them. The first request is served the framework's way and installs the direct path (setting on) for
the next ones; the same requests through an app with the setting off must give the same messages:
status, headers and body bytes. A functions-framework or Starlette upgrade that changes the app's
shape fails `test_the_real_app_gets_the_direct_path` (and keeps the framework's path in production,
with a log line); one that changes what the framework adds to a response fails the comparisons.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import functions_framework
import orjson
import pytest
from functions_framework.aio import create_asgi_app

from functions._direct import Direct, install
from shared.http import HttpRequest
from shared.providers.base import Target
from tests.fakes import FakeProvider, answer
from tests.unit.test_gateway import KEY, make_gateway

ROOT = Path(__file__).resolve().parents[2]
GEMINI = "/v1beta/models/gemini-2.5-flash:generateContent"
STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent"
BODY = orjson.dumps({"contents": [{"role": "user", "parts": [{"text": "hi"}]}]})
CHUNKS = [answer(f"part {i} ", finish=None) for i in range(3)] + [answer("end", finish="STOP")]
MAX_BODY = 10_000


class SlowProvider(FakeProvider):
    """Streams two chunks, then waits (a slow model) while the client leaves; records its close."""

    closed = False

    async def stream(self, target: Target, body: Any, *, timeout: float) -> AsyncIterator[Any]:
        try:
            for item in self.chunks[:2]:
                yield item
            await asyncio.sleep(30)
            yield self.chunks[2]
        finally:
            SlowProvider.closed = True


@pytest.fixture
def ingress_module(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("GATEHOUSE_PROJECT", "direct-test")
    monkeypatch.setenv("GATEHOUSE_UPSTREAM_TOKEN", "t")  # no ADC lookup
    monkeypatch.setenv("FIRESTORE_EMULATOR_HOST", "127.0.0.1:9")  # nothing connects
    import functions.ingress as module

    return module


def build(module: Any, monkeypatch: pytest.MonkeyPatch, *, direct: bool, provider: Any = None) -> Any:
    """The real app, its `serving()` a gateway with fakes and the setting as asked."""
    instance = SimpleNamespace(
        gateway=make_gateway(provider or FakeProvider(chunks=CHUNKS), max_body=MAX_BODY),
        settings=SimpleNamespace(asgi_direct=direct),
    )
    monkeypatch.setattr(module, "serving", lambda: instance)
    app = create_asgi_app(target="ingress", source=str(ROOT / "main.py"))
    app.gatehouse = instance  # for tests that swap the gateway
    return app


def scope(
    method: str, path: str, query: bytes, headers: list[tuple[bytes, bytes]], root_path: str = ""
) -> dict[str, Any]:
    """What uvicorn's httptools protocol hands the app."""
    return {
        "type": "http",
        "asgi": {"version": "3.0", "spec_version": "2.4"},
        "http_version": "1.1",
        "server": ("127.0.0.1", 8080),
        "client": ("127.0.0.1", 50123),
        "scheme": "http",
        "method": method,
        "root_path": root_path,
        "path": path,
        "raw_path": path.encode(),
        "query_string": query,
        "headers": [(b"host", b"127.0.0.1:8080"), *headers],
        "state": {},
    }


async def call(
    app: Any,
    method: str,
    path: str,
    body: bytes = b"",
    *,
    query: bytes = b"",
    headers: dict[str, str] | None = None,
    key: bool = True,
    leave_after_body: float | None = None,
    leave_in_body: bool = False,
    root_path: str = "",
) -> list[dict[str, Any]]:
    """The messages the app sends for one request. The body arrives in 4 KB pieces; afterwards the
    client waits, or leaves after `leave_after_body` seconds, or leaves halfway (`leave_in_body`)."""
    names = {"x-request-id": "0123456789abcdef0123456789abcdef", "content-type": "application/json"}
    if key:
        names["x-goog-api-key"] = KEY
    names.update(headers or {})
    if body:
        names["content-length"] = str(len(body))
    raw = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in names.items()]
    pieces = [body[i : i + 4096] for i in range(0, len(body), 4096)] or [b""]
    if leave_in_body:
        pieces = pieces[: max(1, len(pieces) // 2)]
    incoming: list[dict[str, Any]] = [
        {"type": "http.request", "body": piece, "more_body": i < len(pieces) - 1 or leave_in_body}
        for i, piece in enumerate(pieces)
    ]
    if leave_in_body:
        incoming.append({"type": "http.disconnect"})
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        if incoming:
            return incoming.pop(0)
        if leave_after_body is None:
            await asyncio.Event().wait()
        await asyncio.sleep(leave_after_body or 0)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await asyncio.wait_for(app(scope(method, path, query, raw, root_path), receive, send), 10)
    return sent


_TIMING = re.compile(rb"dur=[0-9.]+")
_CREATED = re.compile(rb'"created":[0-9]+')


def comparable(messages: list[dict[str, Any]]) -> list[Any]:
    """The messages with the two values that differ between any two runs (durations, a clock)
    made equal; everything else as sent."""
    out: list[Any] = []
    for message in messages:
        if message["type"] == "http.response.start":
            headers = [
                (
                    bytes(k),
                    _TIMING.sub(b"dur=0", bytes(v)) if bytes(k).lower() == b"server-timing" else bytes(v),
                )
                for k, v in message["headers"]
            ]
            out.append(("start", message["status"], headers))
        else:
            body = _CREATED.sub(b'"created":0', bytes(message.get("body", b"")))
            out.append(("body", body, message.get("more_body", False)))
    return out


REQUESTS: list[tuple[str, dict[str, Any]]] = [
    ("generate", {"method": "POST", "path": GEMINI, "body": BODY}),
    (
        "openai",
        {
            "method": "POST",
            "path": "/openai/v1/chat/completions",
            "body": orjson.dumps(
                {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "hi"}]}
            ),
        },
    ),
    (
        "native",
        {
            "method": "POST",
            "path": "/v1/generate",
            "body": orjson.dumps({"model": "gemini-2.5-flash", "prompt": "hi"}),
        },
    ),
    ("stream", {"method": "POST", "path": STREAM, "body": BODY, "query": b"alt=sse"}),
    ("stream-json", {"method": "POST", "path": STREAM, "body": BODY}),
    ("bad-json", {"method": "POST", "path": GEMINI, "body": b"{not json"}),
    ("no-key", {"method": "POST", "path": GEMINI, "body": BODY, "key": False}),
    (
        "key-in-query",
        {"method": "POST", "path": GEMINI, "body": BODY, "key": False, "query": b"key=" + KEY.encode()},
    ),
    ("unknown-path", {"method": "POST", "path": "/v1beta/nothing/here", "body": BODY}),
    ("gateway-405", {"method": "GET", "path": GEMINI}),
    ("framework-405", {"method": "TRACE", "path": GEMINI}),
    ("robots", {"method": "GET", "path": "/robots.txt"}),
    ("favicon-head", {"method": "HEAD", "path": "/favicon.ico"}),
    ("post-robots", {"method": "POST", "path": "/robots.txt", "body": BODY}),
    ("head-generate", {"method": "HEAD", "path": GEMINI}),
    ("over-the-limit", {"method": "POST", "path": GEMINI, "body": b'{"x":"' + b"a" * (2 * MAX_BODY) + b'"}'}),
    ("odd-path", {"method": "POST", "path": "/v1beta//models\\x", "body": BODY}),
    ("root", {"method": "GET", "path": "/"}),
    ("root-path", {"method": "GET", "path": "/healthz", "root_path": "/base"}),
    ("healthz", {"method": "GET", "path": "/healthz"}),
    ("models", {"method": "GET", "path": "/v1beta/models"}),
    ("left-in-body", {"method": "POST", "path": GEMINI, "body": BODY * 20, "leave_in_body": True}),
    (
        "execution-id",
        {"method": "POST", "path": GEMINI, "body": BODY, "headers": {"function-execution-id": "abc"}},
    ),
]


# served by the framework's stack even when the direct path is installed; the rest by the direct path
FALLBACK = {"framework-405", "robots", "favicon-head", "post-robots", "odd-path", "root-path"}


async def serve_both(
    ingress_module: Any, monkeypatch: pytest.MonkeyPatch, name: str, request: dict[str, Any]
) -> Any:
    framework = build(ingress_module, monkeypatch, direct=False)
    await call(framework, "POST", GEMINI, BODY)  # the first request: installs nothing (setting off)
    framework_messages = await call(framework, **request)
    direct = build(ingress_module, monkeypatch, direct=True)
    await call(direct, "POST", GEMINI, BODY)  # served by the framework, installs the direct path
    assert isinstance(direct.middleware_stack, Direct)
    assert not isinstance(framework.middleware_stack, Direct)
    stack = direct.middleware_stack
    framework_stack, fallbacks = stack.fallback, []

    async def counted(*args: Any) -> None:
        fallbacks.append(args[0]["path"])
        await framework_stack(*args)

    stack.fallback = counted
    direct_messages = await call(direct, **request)
    assert bool(fallbacks) == (name in FALLBACK), fallbacks
    return framework_messages, direct_messages


async def test_the_real_app_gets_the_direct_path(
    ingress_module: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(ingress_module, monkeypatch, direct=True)
    fallback = app.middleware_stack
    first = await call(app, "POST", GEMINI, BODY)
    assert isinstance(app.middleware_stack, Direct)  # the framework's shape was recognised
    assert app.middleware_stack.fallback is not fallback
    assert app.middleware_stack.fallback is not None
    served: list[HttpRequest] = []
    gateway = app.gatehouse.gateway
    real = gateway.handle

    async def spy(request: HttpRequest) -> Any:
        served.append(request)
        return await real(request)

    gateway.handle = spy
    second = await call(app, "POST", GEMINI, BODY)
    assert first[0]["status"] == second[0]["status"] == 200
    assert orjson.loads(second[1]["body"])["candidates"][0]["content"]["parts"][0]["text"] == "echo"
    assert len(served) == 1
    assert served[0].path == GEMINI
    assert served[0].body == BODY
    host, rest = 4 + 4 + 14, 4 + 12 + 32 + 4 + 12 + 16 + 4 + 14 + len(KEY) + 4 + 14 + 2
    assert served[0].header_bytes == host + rest + 37  # the execution id the framework would add


@pytest.mark.parametrize(("name", "request_"), REQUESTS, ids=[name for name, _ in REQUESTS])
async def test_both_paths_send_the_same_messages(
    ingress_module: Any, monkeypatch: pytest.MonkeyPatch, name: str, request_: dict[str, Any]
) -> None:
    framework, direct = await serve_both(ingress_module, monkeypatch, name, request_)
    assert comparable(direct) == comparable(framework)
    assert framework
    assert framework[0]["type"] == "http.response.start"


async def test_expected_answers_so_the_comparison_means_something(
    ingress_module: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = build(ingress_module, monkeypatch, direct=True)
    await call(app, "POST", GEMINI, BODY)
    status = {}
    for name, request in REQUESTS:
        status[name] = (await call(app, **request))[0]["status"]
    assert status["generate"] == status["openai"] == status["native"] == status["stream"] == 200
    assert (status["bad-json"], status["no-key"], status["unknown-path"]) == (400, 401, 404)
    assert (status["gateway-405"], status["framework-405"], status["robots"]) == (405, 405, 404)
    assert status["over-the-limit"] == 413


@pytest.mark.parametrize("execution_id", [None, "", "abc"])
@pytest.mark.parametrize("spare", [0, 1, 36, 37, 38])
async def test_the_header_size_limit_counts_the_framework_s_execution_id(
    ingress_module: Any, monkeypatch: pytest.MonkeyPatch, spare: int, execution_id: str | None
) -> None:
    """The execution-id middleware adds a 37-byte header line before the ingress counts them, unless
    the request has a non-empty one: a request that many bytes under the limit is refused either way."""
    names = {"x-request-id": "0123456789abcdef0123456789abcdef", "content-type": "application/json"}
    names |= {"x-goog-api-key": KEY, "content-length": str(len(BODY)), "host": "127.0.0.1:8080"}
    extra = {} if execution_id is None else {"function-execution-id": execution_id}
    used = sum(len(k) + len(v) + 4 for k, v in {**names, **extra}.items()) + len("x-pad") + 4
    pad = "p" * (16 * 1024 - used - spare)
    request = {"method": "POST", "path": GEMINI, "body": BODY, "headers": {**extra, "x-pad": pad}}
    framework, direct = await serve_both(ingress_module, monkeypatch, "pad", request)
    assert comparable(direct) == comparable(framework)
    added = 0 if execution_id else 37
    assert direct[0]["status"] == (200 if spare >= added else 431)


async def test_a_client_that_leaves_mid_stream(ingress_module: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    out = []
    for direct in (False, True):
        SlowProvider.closed = False
        app = build(ingress_module, monkeypatch, direct=direct, provider=SlowProvider(chunks=CHUNKS))
        await call(app, "POST", GEMINI, BODY)
        assert isinstance(app.middleware_stack, Direct) is direct
        messages = await call(app, "POST", STREAM, BODY, query=b"alt=sse", leave_after_body=0.2)
        assert SlowProvider.closed  # the generators were closed, nothing raised
        assert messages[-1].get("more_body") is True  # no clean end
        out.append(comparable(messages))
    assert out[0] == out[1]
    assert len(out[0]) == 3  # the start and the two chunks before the client left


async def test_an_uncaught_exception_is_the_framework_s_500(
    ingress_module: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    out = []
    for direct in (False, True):
        app = build(ingress_module, monkeypatch, direct=direct)
        await call(app, "POST", GEMINI, BODY)

        async def boom(request: HttpRequest) -> Any:
            raise RuntimeError("broken adapter")

        app.gatehouse.gateway.handle = boom
        caplog.clear()
        with caplog.at_level(logging.ERROR):
            out.append(comparable(await call(app, "POST", GEMINI, BODY)))
        crash = [r for r in caplog.records if r.getMessage().startswith(f"Exception on {GEMINI} [POST]")]
        assert len(crash) == 1
        assert "RuntimeError: broken adapter" in crash[0].getMessage()
    assert out[0] == out[1]
    assert out[0][0][:2] == ("start", 500)
    assert (b"X-Google-Status", b"crash") in out[0][0][2]


async def test_another_shape_keeps_the_framework_s_path_and_says_so_once(
    ingress_module: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(functions_framework, "_enable_execution_id_logging", lambda: True)
    app = build(ingress_module, monkeypatch, direct=True)
    with caplog.at_level(logging.WARNING, logger="gatehouse.direct"):
        for _ in range(3):
            assert (await call(app, "POST", GEMINI, BODY))[0]["status"] == 200
    assert not isinstance(app.middleware_stack, Direct)
    warnings = [r for r in caplog.records if r.name == "gatehouse.direct"]
    assert len(warnings) == 1
    assert "execution-id logging" in warnings[0].getMessage()


async def test_an_app_of_another_kind_is_left_alone(caplog: pytest.LogCaptureFixture) -> None:
    async def serve(request: HttpRequest) -> Any:
        raise AssertionError("not called")

    class Other:
        middleware_stack = None

    other = Other()
    with caplog.at_level(logging.WARNING, logger="gatehouse.direct"):
        install({"app": other}, serve, serve, enabled=True)
        install({"app": other}, serve, serve, enabled=True)
    assert other.middleware_stack is None
    assert len([r for r in caplog.records if r.name == "gatehouse.direct"]) == 1


@pytest.mark.parametrize("status", [100, 199, 200, 204, 304, 404, 500])
@pytest.mark.parametrize(
    "media_type",
    ["application/json", "text/plain", "text/plain; Charset=latin-1", "TEXT/html", "text/event-stream"],
)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Request-Id": "r", "Server-Timing": "total;dur=1"},
        {"Content-Length": "3"},
        {"content-TYPE": "text/csv", "X-A": "é"},
    ],
)
def test_the_header_encoding_is_starlette_s(status: int, media_type: str, headers: dict[str, str]) -> None:
    from starlette.responses import Response

    from functions._direct import _encoded
    from functions._starlette import EventStream

    raw = ((b"x-ratelimit-limit", b"10"),)
    for body in (b"", b'{"a":1}'):
        expected = Response(body, status_code=status, headers=headers, media_type=media_type).raw_headers
        assert _encoded(headers, media_type, body, status, raw) == [*expected, *raw]
    stream = EventStream(_chunks([]), status, headers, media_type).raw_headers
    assert _encoded(headers, media_type, None, status, ()) == stream


async def _chunks(items: list[bytes]) -> AsyncIterator[bytes]:
    for item in items:
        yield item
