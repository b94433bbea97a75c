"""Starlette <-> shared.http adapters; the only place framework objects are touched."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from typing import Any

from starlette.datastructures import QueryParams
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send

from shared.http import HttpRequest, HttpResponse, StreamResponse

__all__ = [
    "EventStream",
    "from_scope",
    "from_starlette",
    "ordinary",
    "send_stream",
    "stream_headers",
    "to_starlette",
]


async def from_starlette(request: Request, *, lazy: bool = False) -> HttpRequest:
    """`lazy`: the body is not read here; the handler streams it (`HttpRequest.read_body`) once it
    has checked the key and Content-Length, never past its size limit."""
    out = from_scope(request.scope, request.receive, _path(request))
    if not lazy:
        out.source = None
        out.body = await request.body()
    return out


def from_scope(scope: Scope, receive: Receive, path: str) -> HttpRequest:
    """The request of an ASGI scope, its body left to read (`HttpRequest.read_body`).

    Headers become a plain dict of lower-case names (ASGI servers send them lower-cased), the first
    value of a repeated header winning as with Starlette's `Headers.get`: a request looks up about
    ten headers, most of them absent, and each `Headers.get` walks the whole list and raises and
    catches a KeyError for a missing one. The size of every header line, repeats included, is
    counted here for the header-size limit."""
    headers: dict[str, str] = {}
    size = 0
    for raw_name, raw_value in scope["headers"]:
        name = raw_name.decode("latin-1")
        size += len(raw_name) + len(raw_value) + 4
        if name not in headers:
            headers[name] = raw_value.decode("latin-1")
    client = scope.get("client")
    raw_query = scope.get("query_string")
    return HttpRequest(
        method=scope["method"],
        path=path,
        headers=headers,
        query=(_COMMON_QUERIES.get(raw_query) or QueryParams(raw_query)) if raw_query else _NO_QUERY,
        client=client[0] if client is not None else None,
        source=_Body(receive),
        header_bytes=size,
    )


_NO_QUERY = QueryParams()  # immutable: one empty instance for every request without a query string
# The query strings Google's SDKs send on every streamed call, parsed once (Starlette parses each
# request's query string with urllib's parse_qsl: ~1.6% of a streamed request's profile); only these
# fixed ones: a query string may carry an API key (`?key=`), which must not outlive its request.
_COMMON_QUERIES = {raw: QueryParams(raw) for raw in (b"alt=sse", b"alt=json")}


class _Body:
    """`request.stream()` for a body nobody has read, as a plain async iterator (`source()` returns
    it): Starlette's is an async generator, which the event loop's asyncgen hooks register on its
    first step and finalize, and which starts with a `hasattr` that raises and catches an
    AttributeError. The same messages, the same end and the same `ClientDisconnect`."""

    __slots__ = ("_done", "_receive")

    def __init__(self, receive: Receive) -> None:
        self._receive = receive
        self._done = False

    def __call__(self) -> _Body:
        return self

    def __aiter__(self) -> _Body:
        return self

    async def __anext__(self) -> bytes:
        while not self._done:
            message = await self._receive()
            if message["type"] == "http.request":
                body: bytes = message.get("body", b"")
                if not message.get("more_body", False):
                    self._done = True
                if body:
                    return body
            elif message["type"] == "http.disconnect":
                raise ClientDisconnect()
        raise StopAsyncIteration


def _path(request: Request) -> str:
    """`request.url.path` without building the URL (Starlette parses the whole URL it builds from
    the scope, host header included, for every request): an ordinary path is `scope["path"]` as is;
    anything else takes Starlette's own route, so the result is the same for every path.

    Not ordinary: a path not starting with one slash (a leading `//` is read as an authority without a
    host), or holding `?`, `#` or a backslash (Starlette escapes them), or a tab, CR or LF (urlsplit
    drops them). Eight plain tests instead of the one regex they replace, whose anchored branches were
    tried at every position of the path (callgrind: 18,155 instructions per generate path; ~3,000)."""
    path: str = request.scope["path"]
    if ordinary(path):
        return path
    return request.url.path


def ordinary(path: str) -> bool:
    """`_path`'s test, also the direct path's (functions/_direct.py): a path Starlette's URL gives
    back as is, and one its `/{path:path}` route matches (no newline)."""
    return (
        path[:1] == "/"
        and path[1:2] != "/"
        and "?" not in path
        and "#" not in path
        and "\\" not in path
        and "\t" not in path
        and "\r" not in path
        and "\n" not in path
    )


class EventStream(Response):
    """What Starlette's StreamingResponse does for an async iterator of bytes (each chunk sent as it
    comes; the stream stopped, and its generators closed, when the client disconnects) without its
    per-response anyio task group and second task: ~240 us of CPU per streamed response, more than the
    rest of a stream's overhead (docs/decisions/2026-11-29-performance.md). The chunks are sent from the
    request's own task; a chain of `receive()` callbacks watches for the disconnect and cancels it."""

    def __init__(
        self, chunks: AsyncIterator[bytes], status_code: int, headers: Mapping[str, str], media_type: str
    ) -> None:
        self.body_iterator = chunks
        self.status_code = status_code
        self.media_type = media_type
        self.background = None
        self.init_headers(headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        start = {"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers}
        await send_stream(self.body_iterator, start, receive, send)


async def send_stream(chunks: AsyncIterator[bytes], start: Message, receive: Receive, send: Send) -> None:
    """`EventStream`'s sending, also the direct path's (functions/_direct.py): `start`, each chunk as
    it comes, the end; a `http.disconnect` from `receive` meanwhile stops it quietly."""
    task = asyncio.current_task()
    assert task is not None
    state = {"done": False, "gone": False}
    watcher: list[asyncio.Future[Message]] = []

    def watch(future: asyncio.Future[Message]) -> None:
        if state["done"] or future.cancelled() or future.exception() is not None:
            return
        if future.result().get("type") == "http.disconnect":
            state["gone"] = True
            task.cancel()
        else:  # e.g. the rest of a request body nobody read: keep listening
            arm()

    def arm() -> None:
        future: asyncio.Future[Message] = asyncio.ensure_future(receive())
        future.add_done_callback(watch)
        watcher[:] = [future]

    arm()
    try:
        await send(start)
        async for chunk in chunks:
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
        await send({"type": "http.response.body", "body": b"", "more_body": False})
    except asyncio.CancelledError:
        if not state["gone"] or task.uncancel() > 0:
            raise  # not (only) the client leaving: e.g. the server shutting down
    finally:
        state["done"] = True
        watcher[0].cancel()
        aclose: Any = getattr(chunks, "aclose", None)
        if aclose is not None:
            await aclose()  # a stream cut while a chunk was being sent: its generators finish now


def stream_headers(response: StreamResponse) -> dict[str, str]:
    """A stream's headers before Starlette's encoding: proxies must not buffer or cache it."""
    return {"Cache-Control": "no-cache", "X-Accel-Buffering": "no", **response.headers}


def to_starlette(response: HttpResponse | StreamResponse) -> Response:
    out: Response
    if isinstance(response, StreamResponse):
        out = EventStream(response.chunks, response.status, stream_headers(response), response.media_type)
    else:
        out = Response(
            response.body,
            status_code=response.status,
            headers=response.headers,
            media_type=response.media_type,
        )
    if response.raw_headers:
        out.raw_headers.extend(response.raw_headers)
    return out
