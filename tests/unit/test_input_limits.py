"""Input limits before work: key and size before the body is read, nesting depth, large SSE lines."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import orjson
import pytest
from aiohttp import web

from shared.cache.key import request_key
from shared.dialects import gemini
from shared.errors import InvalidRequest, UpstreamError
from shared.http import HttpRequest, HttpResponse
from shared.providers.base import Target
from shared.providers.credentials import StaticToken
from shared.providers.vertex import VertexGemini
from tests.fakes import FakeProvider
from tests.loopback import loopback_server
from tests.unit.test_gateway import GEMINI, KEY, make_gateway

LIMIT = 10_000
CHUNK = 4096


class Body:
    """A request body source that counts what the handler pulled from it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pulled = 0

    async def chunks(self) -> AsyncIterator[bytes]:
        sent = 0
        while sent < self.size:
            piece = min(CHUNK, self.size - sent)
            sent += piece
            self.pulled += piece
            yield b" " * piece


def streamed(body: Body, headers: dict[str, str]) -> HttpRequest:
    return HttpRequest("POST", GEMINI, headers, {}, b"", source=body.chunks)


@pytest.mark.parametrize("key", [None, "ghk_wrong"])
async def test_a_huge_body_without_a_valid_key_is_401_and_never_read(key: str | None) -> None:
    body = Body(300 * 1024 * 1024)
    headers = {"content-length": str(body.size), **({"x-goog-api-key": key} if key else {})}
    response = await make_gateway(FakeProvider(), max_body=LIMIT).handle(streamed(body, headers))
    assert response.status == 401
    assert body.pulled == 0


async def test_a_declared_length_over_the_limit_is_413_before_reading() -> None:
    body = Body(300 * 1024 * 1024)
    request = streamed(body, {"x-goog-api-key": KEY, "content-length": str(body.size)})
    response = await make_gateway(FakeProvider(), max_body=LIMIT).handle(request)
    assert response.status == 413
    assert body.pulled == 0


async def test_a_chunked_body_is_cut_as_soon_as_it_passes_the_limit() -> None:
    body = Body(50 * 1024 * 1024)  # no Content-Length (chunked transfer)
    response = await make_gateway(FakeProvider(), max_body=LIMIT).handle(
        streamed(body, {"x-goog-api-key": KEY})
    )
    assert response.status == 413
    assert body.pulled <= LIMIT + CHUNK


async def test_a_body_within_the_limit_is_read_and_served() -> None:
    raw = orjson.dumps({"contents": [{"role": "user", "parts": [{"text": "hi"}]}]})

    async def source() -> AsyncIterator[bytes]:
        yield raw[:10]
        yield raw[10:]

    request = HttpRequest("POST", GEMINI, {"x-goog-api-key": KEY}, {}, b"", source=source)
    response = await make_gateway(FakeProvider(), max_body=LIMIT).handle(request)
    assert response.status == 200


def _deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = {"a": value}
    return value


def _deep_json(levels: int) -> bytes:
    return b'{"a":' * levels + b'"x"' + b"}" * levels


@pytest.mark.parametrize("levels", [250, 1000, 5000])
@pytest.mark.parametrize(
    "where",
    [
        {
            "contents": [
                {"role": "function", "parts": [{"functionResponse": {"name": "f", "response": "DEEP"}}]}
            ]
        },
        {
            "contents": [{"role": "user", "parts": [{"text": "hi"}]}],
            "generationConfig": {"responseSchema": "DEEP"},
        },
        {"contents": [{"role": "user", "parts": [{"text": "hi"}]}], "labels": "DEEP"},
    ],
)
async def test_deep_nesting_is_a_400_in_validation(levels: int, where: Any) -> None:
    raw = orjson.dumps(where).replace(b'"DEEP"', _deep_json(levels))
    with pytest.raises(InvalidRequest, match=r"nested more than|not valid JSON"):
        gemini.parse_generate(raw)
    response = await make_gateway(FakeProvider()).handle(
        HttpRequest("POST", GEMINI, {"x-goog-api-key": KEY}, {}, raw)
    )
    assert isinstance(response, HttpResponse)
    assert response.status in (400, 413)  # never a 500


def test_the_cache_key_of_a_too_deep_body_is_a_400_not_a_recursion_error() -> None:
    import sys

    body = {
        "contents": [{"role": "user", "parts": [{"text": "hi"}]}],
        "tools": [_deep(sys.getrecursionlimit() + 50)],
    }
    with pytest.raises(InvalidRequest):
        request_key("t", "m", body)


@pytest.fixture
async def sse_server() -> Any:
    big = {"candidates": [{"content": {"role": "model", "parts": [{"text": "x" * (1024 * 1024)}]}}]}
    last = {"candidates": [{"content": {"role": "model", "parts": [{"text": "."}]}, "finishReason": "STOP"}]}

    async def handle(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for event in (big, last):
            await response.write(b"data: " + orjson.dumps(event) + b"\r\n\r\n")
        return response

    async with loopback_server(handle) as url:
        yield url


async def test_a_streamed_line_over_512_kib_is_read(sse_server: str) -> None:
    async with aiohttp.ClientSession() as session:
        provider = VertexGemini(lambda: session, StaticToken("t"), "p", base_url=sse_server)
        events = [e async for e in provider.stream(Target("vertex", "m", "r"), {}, timeout=10)]
    assert len(events[0]["candidates"][0]["content"]["parts"][0]["text"]) == 1024 * 1024
    assert events[-1]["candidates"][0]["finishReason"] == "STOP"


async def test_a_line_over_the_cap_is_a_retryable_transport_failure() -> None:
    from shared.providers.transport import sse_lines, transport_errors

    class Content:
        async def iter_any(self) -> AsyncIterator[bytes]:
            for _ in range(10):
                yield b"x" * 10_000  # no line break in sight

    with pytest.raises(UpstreamError) as caught, transport_errors(Target("vertex", "m", "r")):
        async for _line in sse_lines(Content(), max_line=64 * 1024):  # type: ignore[arg-type]
            pass
    assert caught.value.status == 502
    assert caught.value.is_retryable


def test_an_unreadable_answer_is_a_retryable_502() -> None:
    from shared.providers.transport import transport_errors

    with pytest.raises(UpstreamError) as caught, transport_errors(Target("vertex", "m", "r")):
        orjson.loads(b"<html>bad gateway</html>")
    assert caught.value.status == 502
    assert caught.value.is_retryable


async def test_the_starlette_adapter_leaves_the_body_unread_until_asked() -> None:
    from starlette.requests import Request

    from functions._starlette import from_starlette

    received = 0

    async def receive() -> dict[str, Any]:
        nonlocal received
        received += 1
        return {"type": "http.request", "body": b"x" * CHUNK, "more_body": received < 1000}

    scope = {"type": "http", "method": "POST", "path": GEMINI, "headers": [], "query_string": b""}
    request = await from_starlette(Request(scope, receive), lazy=True)
    assert received == 0
    with pytest.raises(Exception, match="limit"):
        await request.read_body(LIMIT)
    assert received <= LIMIT // CHUNK + 1  # stopped right after passing the limit


async def test_the_starlette_adapter_reads_headers_once_and_counts_every_line() -> None:
    """Lower-case names, the first of a repeated header wins (as Starlette's `Headers.get`), and the
    header-size limit counts every line, repeats included, so repeating a header cannot dodge it."""
    from starlette.requests import Request

    from functions._starlette import from_starlette

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    raw = [(b"x-goog-api-key", b"first"), (b"x-goog-api-key", b"second"), (b"x-pad", b"p" * 100)]
    scope = {"type": "http", "method": "POST", "path": GEMINI, "headers": raw, "query_string": b""}
    request = await from_starlette(Request(scope, receive), lazy=True)
    assert request.header("x-goog-api-key") == "first"
    assert request.header("x-absent") is None
    assert request.header_bytes == sum(len(k) + len(v) + 4 for k, v in raw)

    repeated = [(b"x-pad", b"p" * 1000)] * 20  # 20 KB of one repeated header
    scope = {**scope, "headers": [(b"x-goog-api-key", b"k"), *repeated]}
    many = await from_starlette(Request(scope, receive), lazy=True)
    assert len(many.headers) == 2
    assert many.header_bytes is not None
    assert many.header_bytes > 16 * 1024  # the gateway's default limit: refused with 431


@pytest.mark.parametrize(
    "path",
    [
        GEMINI,
        "/",
        "/v1/jobs/abc",
        "/a?b",  # a decoded %3F
        "/a#b",
        "/a\\b",
        "/a\nb",
        "/a\tb\r",
        "//evil.example/x",
        "///x",
        "relative",
        "",
        "/é/ü",
        "/a%2Fb",
        "/\x00\x01",
        "/a b",
        "/a:b@c",
    ],
)
@pytest.mark.parametrize(
    ("host", "server", "query"),
    [
        (b"gatehouse.example", ("127.0.0.1", 8080), b""),
        (None, ("127.0.0.1", 8080), b"key=k"),
        (b"bad host/x", None, b""),
        (None, None, b"a=1&a=2"),
        (b"[::1]:8443", ("::1", 8443), b""),
        (None, ("127.0.0.1", 8080), b"alt=sse"),
        (None, ("127.0.0.1", 8080), b"alt=json"),
    ],
)
async def test_the_starlette_adapter_gives_starlettes_path_client_and_query(
    path: str, host: bytes | None, server: tuple[str, int] | None, query: bytes
) -> None:
    """The adapter reads the path, client and query from the scope without building Starlette's URL
    and Address per request; it must give what `request.url.path`, `request.client.host` and
    `request.query_params` give, for odd paths and hosts too."""
    from starlette.requests import Request

    from functions._starlette import from_starlette

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    headers = [(b"host", host)] if host is not None else []
    scope: dict[str, Any] = {
        "type": "http",
        "method": "POST",
        "path": path,
        "headers": headers,
        "query_string": query,
        "server": server,
        "client": ("10.0.0.7", 50000) if server else None,
    }
    request = await from_starlette(Request(scope, receive), lazy=True)
    starlette = Request(scope, receive)
    assert request.path == starlette.url.path
    assert request.method == starlette.method
    assert request.client == (starlette.client.host if starlette.client else None)
    assert dict(request.query) == dict(starlette.query_params)
    assert request.query.get("a") == starlette.query_params.get("a")
    assert request.query.get("alt") == starlette.query_params.get("alt")
    assert await request.read_body(LIMIT) == await starlette.body()


@pytest.mark.parametrize("split", [[b"ab", b"", b"cd"], [b""], [b"abcd"]])
async def test_the_adapters_body_reader_gives_what_starlettes_stream_gives(split: list[bytes]) -> None:
    from starlette.requests import ClientDisconnect, Request

    from functions._starlette import from_starlette

    def receiver(disconnect: bool) -> Any:
        messages = [{"type": "http.request", "body": b, "more_body": True} for b in split]
        messages[-1]["more_body"] = disconnect
        messages += [{"type": "http.disconnect"}] if disconnect else []

        async def receive() -> dict[str, Any]:
            return messages.pop(0)

        return receive

    scope = {"type": "http", "method": "POST", "path": GEMINI, "headers": [], "query_string": b""}
    request = await from_starlette(Request(scope, receiver(False)), lazy=True)
    assert await request.read_body(LIMIT) == await Request(scope, receiver(False)).body() == b"".join(split)
    cut = await from_starlette(Request(scope, receiver(True)), lazy=True)
    with pytest.raises(ClientDisconnect):
        await cut.read_body(LIMIT)
    with pytest.raises(ClientDisconnect):
        await Request(scope, receiver(True)).body()


def test_the_adapters_ordinary_path_test_equals_the_regex_it_replaced() -> None:
    """`_path` keeps `scope["path"]` exactly when the old `_ODD_PATH` regex found nothing (2,000
    random paths over the characters that matter, and the fixed cases of the test above)."""
    import random
    import re

    from functions._starlette import _path

    odd = re.compile(r"[?#\\\t\r\n]|^(?!/)|^//")

    class Scoped:  # what `_path` reads; `url` only on the odd route
        def __init__(self, path: str) -> None:
            self.scope = {"path": path}
            self.url = self

        @property
        def path(self) -> str:
            return "<starlette's>"

    rng = random.Random(18)
    alphabet = "/?#\\\t\r\nab:é%. "
    paths = ["", "/", "//", "///", GEMINI, "relative", "/a?b", "/\x00"]
    paths += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8))) for _ in range(2000)]
    for path in paths:
        kept = _path(Scoped(path)) == path  # type: ignore[arg-type]
        assert kept == (odd.search(path) is None), repr(path)
