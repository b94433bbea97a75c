"""The ingress's requests served straight from the ASGI server, past functions-framework's and
Starlette's per-request layers, with the same responses.

functions-framework 3.10 takes only a decorated function: it wraps it in a Starlette app whose
`__call__` sets `scope["app"]` and runs `app.middleware_stack` (Starlette's ServerErrorMiddleware,
the framework's ExceptionHandlerMiddleware and execution-id middleware, Starlette's
ExceptionMiddleware, the Router, the Route's request/response wrapper, the framework's handler
wrapper): ~0.19 M instructions per request before and around Gatehouse's own handler, measured as
this module's saving (docs/decisions/2026-11-29-performance.md, fourteenth session). It offers no
supported way to serve a plain ASGI app (an upstream pull request for one,
functions-framework-python#382, is open and not merged). So the first request, served the
framework's way, installs `Direct` as that app's `middleware_stack`: from then on uvicorn ->
`Starlette.__call__` -> `Direct` -> the gateway.

`Direct` serves only what the framework's stack would hand to the ingress function unchanged: an
"http" request with one of the Route's methods, an ordinary path (`_starlette.ordinary`: one that
Starlette's URL gives back unchanged and its `/{path:path}` route matches), no root path, not
/robots.txt or /favicon.ico (the framework answers those itself). Everything else goes to the
framework's own stack, kept as `fallback`. It is installed only when the app is exactly the shape
built by functions-framework 3.10's `create_asgi_app` for this function, with execution-id logging
off; otherwise one log line says why and the framework keeps serving. What the skipped layers did
for a served request, and how it is kept:

- the execution-id middleware appends `function-execution-id: <12 random characters>` to the scope's
  headers when the request has none (or an empty one): nothing in Gatehouse reads it, but it counts
  towards the header-size limit, so its size is counted (`_EXECUTION_ID_BYTES`) without drawing it;
- the handler wrapper's execution context (a context variable read only by execution-id logging,
  which is off whenever `Direct` is installed);
- ExceptionHandlerMiddleware's answer to an uncaught exception: `_crash` logs and sends the same;
- the response: the messages the Starlette `Response`/`EventStream` built by `_starlette.to_starlette`
  would send (`_respond`, `_encoded`: Starlette's header encoding), sent to the server's own `send`
  instead of through Starlette's two wrappers of it; the stream by the same `send_stream`.
"""

from __future__ import annotations

import inspect
import logging
import traceback
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from functions._starlette import from_scope, ordinary, send_stream, stream_headers, to_starlette
from shared.http import HttpRequest, HttpResponse, RawHeaders, StreamResponse

__all__ = ["Direct", "install"]

log = logging.getLogger("gatehouse.direct")

Serve = Callable[[HttpRequest], Awaitable[HttpResponse | StreamResponse]]

# The Route's methods in functions-framework 3.10 (HEAD added by Starlette for GET); checked at install
_METHODS = frozenset({"GET", "POST", "PUT", "DELETE", "OPTIONS", "HEAD", "PATCH"})
_FRAMEWORK_PATHS = frozenset({"/robots.txt", "/favicon.ico"})  # 404s of the framework's own
# the header line the execution-id middleware adds: its name, a 12-character id, ": " and CRLF
_EXECUTION_ID_BYTES = len("function-execution-id") + 12 + 4
_tried: dict[str, Any] = {"app": None}  # the app `install` last looked at: once per app


def install(scope: Scope, target: Callable[..., Any], serve: Serve, *, enabled: bool) -> None:
    """On a request served the framework's way: make `scope["app"]` serve the next ones directly.
    Looks at each app once; later calls cost a dict read and a comparison."""
    app: Any = scope.get("app")
    if app is _tried["app"]:
        return
    _tried["app"] = app
    if not enabled:
        return
    problem = _shape_problem(app, target)
    if problem is not None:
        log.warning(
            "ingress: served through functions-framework's and Starlette's layers, not directly: %s",
            problem,
        )
        return
    app.middleware_stack = Direct(app.middleware_stack, serve)
    log.info("ingress: requests after the first are served directly (functions/_direct.py)")


class Direct:
    """The app's `middleware_stack` once installed: the ingress's requests to `serve`, anything
    else to the framework's stack (`fallback`)."""

    __slots__ = ("fallback", "serve")

    def __init__(self, fallback: ASGIApp, serve: Serve) -> None:
        self.fallback = fallback
        self.serve = serve

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in _METHODS or scope.get("root_path"):
            await self.fallback(scope, receive, send)
            return
        path: str = scope["path"]
        if not ordinary(path) or path in _FRAMEWORK_PATHS:
            await self.fallback(scope, receive, send)
            return
        try:
            request = from_scope(scope, receive, path)
            # the first one's value, as the execution-id middleware reads it
            if not request.headers.get("function-execution-id"):
                request.header_bytes += _EXECUTION_ID_BYTES  # type: ignore[operator]
            await _respond(await self.serve(request), scope, receive, send)
        except Exception as exc:
            await _crash(scope, send, exc)


async def _respond(
    response: HttpResponse | StreamResponse, scope: Scope, receive: Receive, send: Send
) -> None:
    """The messages Starlette's `Response` (or `_starlette.EventStream`) built by `to_starlette` would
    send, without building it (~10 K instructions a response, callgrind: 29,814 against 19,560 with
    two no-op sends). A body of another type than bytes takes Starlette's own path."""
    status = response.status
    if type(response) is StreamResponse:
        head = _encoded(stream_headers(response), response.media_type, None, status, response.raw_headers)
        start = {"type": "http.response.start", "status": status, "headers": head}
        await send_stream(response.chunks, start, receive, send)
        return
    body = response.body  # type: ignore[union-attr]
    if type(response) is not HttpResponse or type(body) is not bytes:
        await to_starlette(response)(scope, receive, send)
        return
    head = _encoded(response.headers, response.media_type, body, status, response.raw_headers)
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": body})


def _encoded(
    headers: Mapping[str, str], media_type: str | None, body: bytes | None, status: int, raw: RawHeaders
) -> list[tuple[bytes, bytes]]:
    """Starlette 1.10's `Response.init_headers` (names lower-cased, latin-1; Content-Length unless
    given, for a body and a status that has one; Content-Type from the media type unless given, a
    text type with `charset=utf-8`), then the response's pre-encoded headers, as `to_starlette`
    appends them. `test_direct.py` compares it with Starlette's own on every combination that matters."""
    out = [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]
    length = body is not None and not (status < 200 or status in (204, 304))
    typed = media_type is not None
    for name, _ in out:
        if name == b"content-length":
            length = False
        elif name == b"content-type":
            typed = False
    if length:
        out.append((b"content-length", str(len(body)).encode("latin-1")))  # type: ignore[arg-type]
    if typed:
        assert media_type is not None
        if media_type.startswith("text/") and "charset=" not in media_type.lower():
            media_type += "; charset=utf-8"
        out.append((b"content-type", media_type.encode("latin-1")))
    if raw:
        out.extend(raw)
    return out


async def _crash(scope: Scope, send: Send, exc: Exception) -> None:
    """functions-framework's ExceptionHandlerMiddleware: the traceback logged at ERROR on the root
    logger, a 500 marked `X-Google-Status: crash`. As there, a failure to send (a response already
    started) propagates to the server."""
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    path = scope.get("path", "/")
    method = scope.get("method", "GET")
    logging.getLogger().error(f"Exception on {path} [{method}]\n{text}".rstrip())
    headers = [[b"content-type", b"text/plain"], [b"X-Google-Status", b"crash"]]
    await send({"type": "http.response.start", "status": 500, "headers": headers})
    await send({"type": "http.response.body", "body": b"Internal Server Error"})


def _shape_problem(app: Any, target: Callable[..., Any]) -> str | None:
    """Why `app` is not functions-framework 3.10's app for `target` as `Direct` replaces it, or None.
    Any difference (another version's layers, routes or options) keeps the framework's path."""
    try:
        return _shape(app, target)
    except Exception as exc:  # an attribute gone in another version: not the shape
        return f"{type(exc).__name__}: {exc}"


def _shape(app: Any, target: Callable[..., Any]) -> str | None:
    import functions_framework
    from functions_framework import execution_id
    from functions_framework.aio import ExceptionHandlerMiddleware
    from starlette.applications import Starlette
    from starlette.middleware.errors import ServerErrorMiddleware
    from starlette.middleware.exceptions import ExceptionMiddleware
    from starlette.routing import Route, Router

    if type(app) is not Starlette:
        return f"the app is a {type(app).__name__}, not a Starlette app"
    if functions_framework._enable_execution_id_logging():  # type: ignore[no-untyped-call]
        return "execution-id logging is on (LOG_EXECUTION_ID)"
    if app.exception_handlers or getattr(app, "max_body_size", None) is not None:
        return "the app has exception handlers or a body limit of its own"
    layers: list[type] = []
    outer: Any = app.middleware_stack
    layer = outer
    while not isinstance(layer, Router) and len(layers) < 8:
        layers.append(type(layer))
        layer = getattr(layer, "app", None)
    expected = [
        ServerErrorMiddleware,
        ExceptionHandlerMiddleware,
        execution_id.AsgiMiddleware,
        ExceptionMiddleware,
    ]
    if layers != expected or layer is not app.router or type(layer) is not Router:
        return f"its middleware is {[c.__name__ for c in layers]}"
    if outer.handler is not None or layer.middleware_stack != layer.app:
        return "a custom error handler or router middleware"
    routes = [(r.path, r.methods, inspect.unwrap(r.endpoint)) for r in layer.routes if type(r) is Route]
    function = inspect.unwrap(target)
    expected_routes = [
        ("/", _METHODS, function),
        ("/robots.txt", {"GET", "HEAD"}, routes[1][2] if len(routes) > 1 else None),
        ("/favicon.ico", {"GET", "HEAD"}, routes[2][2] if len(routes) > 2 else None),
        ("/{path:path}", _METHODS, function),
    ]
    if len(layer.routes) != 4 or routes != expected_routes:
        return f"its routes are {[(r[0], sorted(r[1] or ())) for r in routes]}"
    return None
