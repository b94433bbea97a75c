"""The ingress service: routes a request to its surface, authenticates, runs the pipeline.

Framework-free: it takes an `HttpRequest` and returns an `HttpResponse` or `StreamResponse`;
functions/ingress.py adapts Starlette to it. The route table (`ROUTES`, built in
shared/route_table.py) drives dispatch, 405 answers and the OpenAPI document alike; the Gemini
and OpenAI handlers live in shared/surfaces/.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import orjson

from shared import native as native_build  # `native` below is the native dialect
from shared.auth import Authenticator, extract_api_key
from shared.catalog.catalog import ModelCatalog
from shared.deadline import set_deadline
from shared.dialects import gemini
from shared.errors import GatehouseError, HeadersTooLarge, InvalidRequest, NotFound
from shared.http import HttpRequest, HttpResponse, StreamResponse, json_response
from shared.inputs import check_file_uris
from shared.lazy_module import lazy_module
from shared.limits.idempotency import IDEMPOTENT_HANDLERS, Idempotency
from shared.limits.stage import KEY_ATTR, RATELIMIT_ATTR
from shared.log import LOGGED_ATTRS, Fields, LogContext, get_logger, log_fields, parse_trace, set_context
from shared.pipeline import Call, Operation, Outcome, Pipeline
from shared.providers.base import GeminiBody
from shared.route_table import ROUTES
from shared.routes import RouteTable, dialect_for_path
from shared.streams import tap
from shared.surfaces import gemini_api, openai_api
from shared.tenants import Tenant
from shared.timing import Timings

if not TYPE_CHECKING:  # the native and OpenAI surfaces, and jobs: imported when first served (cold start)
    jobs_service = lazy_module("shared.jobs.service")
    native = lazy_module("shared.dialects.native")
    openai = lazy_module("shared.dialects.openai")
else:
    from shared.dialects import native, openai
    from shared.jobs import service as jobs_service
    from shared.jobs.service import JobService

__all__ = ["Exchange", "Gateway", "GatewayConfig"]

log = get_logger("gatehouse.request")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_IDEMPOTENCY_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")  # printable ASCII, no spaces
_TAG = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_CACHE_MODES = frozenset({"bypass", "exact", "semantic"})
_URL_SAFE = "/:@!$&'()*+,;=-._~"
# What `quote(path, safe=_URL_SAFE)` leaves as is: an ASCII path of only these bytes is its own quote
# (urllib encodes, strips these bytes and returns the path when nothing is left; ~5 K instructions).
_URL_PLAIN = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + _URL_SAFE.encode()

Response = HttpResponse | StreamResponse
Handler = Callable[["Exchange", Mapping[str, str]], Awaitable[Response]]


@dataclass(frozen=True, slots=True)
class GatewayConfig:
    project: str
    max_body_bytes: int
    upstream_timeout_s: float
    max_header_bytes: int = 16 * 1024


@dataclass(slots=True)
class Exchange:
    """Per-request bookkeeping shared by the handlers and the request log."""

    request: HttpRequest
    request_id: str
    timings: Timings
    log: LogContext
    dialect: str = "gemini"
    tenant: Tenant | None = None
    key_id: str | None = None  # a hash naming the caller's API key, for per-key quotas
    call: Call | None = None
    outcome: Outcome | None = None
    arrived: float = field(default_factory=time.monotonic)  # the deadline counts from here


async def _one_chunk(response: GeminiBody) -> AsyncIterator[GeminiBody]:
    yield response


class Gateway:
    def __init__(
        self,
        config: GatewayConfig,
        authenticator: Authenticator,
        pipeline: Pipeline,
        *,
        breakers: Callable[[Tenant], list[dict[str, Any]]] | None = None,
        jobs: JobService | Callable[[], JobService] | None = None,
        catalog: ModelCatalog | None = None,
        openapi: Callable[[], dict[str, Any]] | None = None,
        idempotency: Idempotency | None = None,
    ) -> None:
        self._idempotency = idempotency
        self._config = config
        self._auth = authenticator
        self._pipeline = pipeline
        self._breakers = breakers
        self._jobs = jobs  # or what builds it on the first jobs route (cold start)
        if catalog is None:
            from shared.cost.prices import PriceTable

            catalog = ModelCatalog.load(PriceTable.load())
        self.catalog = catalog
        self._openapi = openapi
        self._routes = RouteTable(ROUTES)
        self._handlers: dict[str, Handler] = {
            "healthz": self._healthz,
            "openapi": self._openapi_document,
            "breakers": self._breakers_route,
            "native_generate": self._native_generate,
            "job_submit": self._job_submit,
            "job_list": self._job_list,
            "job_get": self._job_get,
            "job_cancel": self._job_cancel,
            **gemini_api.handlers(self),
            **openai_api.handlers(self),
        }
        missing = {r.handler for r in self._routes.routes} - set(self._handlers)
        if missing:
            raise RuntimeError(f"routes without a handler: {sorted(missing)}")

    @property
    def routes(self) -> RouteTable:
        return self._routes

    async def handle(self, request: HttpRequest) -> Response:
        supplied = request.header("x-request-id")
        # 128 random bits as 32 hex digits (uuid4().hex less its fixed version bits and the UUID object)
        request_id = supplied if supplied and _REQUEST_ID.match(supplied) else os.urandom(16).hex()
        trace, span = parse_trace(request.headers, self._config.project)
        ex = Exchange(request, request_id, Timings(), LogContext(request_id, trace, span))
        ex.dialect = dialect_for_path(request.path)
        set_context(ex.log)
        set_deadline(ex.arrived + self._budget(request))  # dependency calls never outlive it
        try:
            response = await self._dispatch(ex)
        except GatehouseError as error:
            response = self._render_error(ex, error)
        except Exception:
            log.exception("unhandled error", extra={"path": request.path})
            response = self._render_error(ex, GatehouseError())
        return self._finish(ex, response)

    def _dispatch(self, ex: Exchange) -> Awaitable[Response]:
        """The route's handler coroutine for the request (awaited by `handle`: no coroutine of its own
        between the request's task and the handler; a check that fails raises here, inside `handle`'s
        `try` all the same)."""
        req = ex.request
        size = req.header_bytes
        if size is None:
            size = sum(len(name) + len(value) + 4 for name, value in req.headers.items())
        if size > self._config.max_header_bytes:
            raise HeadersTooLarge(
                f"request headers are {size} bytes; the limit is {self._config.max_header_bytes}"
            )
        route, params = self._routes.match(req.method, req.path)
        ex.dialect = route.dialect
        handler = self._handlers[route.handler]
        # -- Idempotency-Key on sync generate calls, every dialect (spend control, shared/limits/) --
        key = req.header("idempotency-key")
        if (
            key is not None
            and self._idempotency is not None
            and route.handler in IDEMPOTENT_HANDLERS
            and not (route.handler == "native_generate" and _asks_async(req.body))  # jobs: own keys
        ):
            return self._idempotent(ex, self._idempotency, key, lambda: handler(ex, params))
        return handler(ex, params)

    async def _idempotent(
        self, ex: Exchange, idempotency: Idempotency, key: str, run: Callable[[], Awaitable[Response]]
    ) -> Response:
        tenant = await self._authenticate(ex)
        return await idempotency.run(ex.request, tenant.id, key, run)

    def _budget(self, req: HttpRequest) -> float:
        """The request's time budget from arrival: `X-Server-Timeout` (validated later), capped."""
        asked = req.header("x-server-timeout")
        if not asked:  # the usual case, without raising and catching a ValueError for it
            return self._config.upstream_timeout_s
        try:
            return min(self._config.upstream_timeout_s, max(0.1, float(asked)))
        except ValueError:
            return self._config.upstream_timeout_s

    # -- shared by every surface -------------------------------------------------------------------
    async def _authenticate(self, ex: Exchange) -> Tenant:
        if ex.tenant is not None:  # already done (the idempotency wrapper authenticates first)
            return ex.tenant
        req = ex.request
        key = extract_api_key(req.headers, req.query)
        with ex.timings.span("auth"):
            tenant = await self._auth.authenticate(key)
        ex.tenant = tenant
        if key and not tenant.limits.per_key.empty:
            ex.key_id = hashlib.sha256(key.encode()).hexdigest()[:24]
        ex.log.tenant = tenant.id
        # the body is read only now, after the key, and never past the limit (nothing is buffered
        # for a caller without a valid key; Content-Length over the limit is refused unread)
        await req.read_body(self._config.max_body_bytes)
        return tenant

    def check_model(self, tenant: Tenant, model: str, operation: Operation) -> None:
        """Aliases pass; otherwise the tenant must allow the model, and the catalog must know it
        (404 NOT_FOUND before anything goes upstream) unless the tenant allows pass-through."""
        if model in tenant.routing.aliases:
            return
        if not tenant.allows_model(model):
            raise InvalidRequest(f"model `{model}` is not enabled for this tenant", field="model")
        info = self.catalog.get(model)
        if info is None:
            if tenant.models.allow_unknown_models:
                return
            raise NotFound(f"model `{model}` is not found: Gatehouse's model catalog does not know it")
        wanted = "embed" if operation == "embed" else "generate"
        if info.kind != wanted:
            verb = "embeddings" if wanted == "embed" else "content generation"
            raise InvalidRequest(f"model `{model}` does not serve {verb}", field="model")

    def _new_call(
        self,
        ex: Exchange,
        tenant: Tenant,
        model: str,
        body: GeminiBody,
        stream: bool = False,
        operation: Operation = "generate",
        tag: str | None = None,
    ) -> Call:
        self.check_model(tenant, model, operation)
        check_file_uris(body, tenant.inputs)  # Vertex AI reads them as the project: allow-listed only
        timeout = self._config.upstream_timeout_s
        if tenant.routing.default_deadline_s is not None:
            timeout = min(timeout, tenant.routing.default_deadline_s)
        asked = ex.request.header("x-server-timeout")
        if asked:
            try:
                timeout = min(self._config.upstream_timeout_s, max(0.1, float(asked)))
            except ValueError:
                raise InvalidRequest("must be a number of seconds", field="X-Server-Timeout") from None
        cache_mode = ex.request.header("x-gatehouse-cache")
        if cache_mode is not None and cache_mode.strip().lower() not in _CACHE_MODES:
            raise InvalidRequest("must be one of bypass, exact, semantic", field="X-Gatehouse-Cache")
        tag = ex.request.header("x-gatehouse-tag") or tag
        if tag is not None and not _TAG.match(tag):
            raise InvalidRequest("must be 1-64 of A-Z a-z 0-9 . _ -", field="X-Gatehouse-Tag")
        call = Call(
            request_id=ex.request_id,
            tenant=tenant,
            dialect=ex.dialect,
            model=model,
            body=body,
            stream=stream,
            operation=operation,
            deadline=ex.arrived + timeout,
            timings=ex.timings,
        )
        set_deadline(call.deadline)  # a tenant's shorter default deadline applies to dependencies too
        traceparent = ex.request.header("traceparent")
        if traceparent:
            call.attrs["_traceparent"] = traceparent  # for tracing; underscore: never logged
        if cache_mode is not None:
            call.attrs["cache_mode"] = cache_mode.strip().lower()
        if tag is not None:
            call.attrs["tag"] = tag
        if ex.key_id is not None:
            call.attrs[KEY_ATTR] = ex.key_id
        ex.call = call
        return call

    async def run(self, ex: Exchange, call: Call) -> Outcome:
        """Run the pipeline; a streamed call always gets chunks (a whole answer, e.g. one a
        fallback on safety produced, becomes a one-chunk stream), so every surface streams."""
        outcome = ex.outcome = await self._pipeline.run(call)
        if call.stream and outcome.chunks is None and outcome.response is not None:
            outcome.chunks, outcome.response = _one_chunk(outcome.response), None
        return outcome

    # -- small routes -----------------------------------------------------------------------------
    async def _healthz(self, ex: Exchange, params: Mapping[str, str]) -> Response:
        modules = "compiled" if native_build.attached() else "python"
        return json_response(200, {"status": "ok", "policy_modules": modules})

    async def _openapi_document(self, ex: Exchange, params: Mapping[str, str]) -> Response:
        if self._openapi is None:
            from shared.openapi import build_document

            document = build_document(self._routes.routes)
            self._openapi = lambda: document
        return json_response(200, self._openapi())

    async def _breakers_route(self, ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await self._authenticate(ex)  # a tenant sees its own targets' breakers only
        return json_response(200, {"breakers": self._breakers(tenant) if self._breakers else []})

    async def _native_generate(self, ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await self._authenticate(ex)
        request = native.parse_generate(ex.request.body)
        if request.async_:
            return await self._submit_job(ex, tenant, request)
        if request.callback_url:
            raise InvalidRequest("needs `async: true` (or POST /v1/jobs)", field="callback_url")
        call = self._new_call(
            ex,
            tenant,
            request.model,
            request.to_gemini(),
            stream=request.stream,
            tag=request.metadata.get("tag"),
        )
        outcome = await self.run(ex, call)
        if outcome.chunks is not None:
            chunks = self._logged(ex, outcome.chunks)
            return StreamResponse(200, native.render_stream(ex.request_id, request.model, chunks))
        assert outcome.response is not None
        return json_response(200, native.render_response(ex.request_id, request.model, outcome.response))

    # -- async jobs ---------------------------------------------------------------------------------
    async def _job_submit(self, ex: Exchange, params: Mapping[str, str]) -> Response:
        tenant = await self._authenticate(ex)
        return await self._submit_job(ex, tenant, native.parse_generate(ex.request.body))

    async def _job_list(self, ex: Exchange, params: Mapping[str, str]) -> Response:
        jobs = self._job_service()
        tenant = await self._authenticate(ex)
        query = ex.request.query
        return json_response(200, await jobs.list(tenant.id, query.get("page_size"), query.get("page_token")))

    async def _job_get(self, ex: Exchange, params: Mapping[str, str]) -> Response:
        jobs = self._job_service()
        tenant = await self._authenticate(ex)
        return json_response(200, await jobs.get(tenant.id, params["job_id"]))

    async def _job_cancel(self, ex: Exchange, params: Mapping[str, str]) -> Response:
        jobs = self._job_service()
        tenant = await self._authenticate(ex)
        return json_response(200, await jobs.cancel(tenant.id, params["job_id"]))

    def _job_service(self) -> JobService:
        if self._jobs is None:
            raise NotFound("async jobs are not enabled on this gateway")
        if not isinstance(self._jobs, jobs_service.JobService):
            self._jobs = self._jobs()
        return self._jobs

    async def _submit_job(self, ex: Exchange, tenant: Tenant, request: native.GenerateRequest) -> Response:
        jobs = self._job_service()
        key = ex.request.header("idempotency-key")
        if key is not None and not _IDEMPOTENCY_KEY.match(key):
            raise InvalidRequest("must be 1-255 printable ASCII characters", field="Idempotency-Key")
        if request.stream:
            raise InvalidRequest(
                "a job cannot stream; poll GET /v1/jobs/{id} or use callback_url", field="stream"
            )
        fingerprint = jobs_service.request_hash(request.model_dump(mode="json", exclude={"async_"}))
        call = self._new_call(ex, tenant, request.model, request.to_gemini())
        submission = await jobs.submit(
            call,
            request_hash=fingerprint,
            callback_url=request.callback_url,
            idempotency_key=key,
            metadata=request.metadata,
        )
        job = submission.job
        headers = {"Location": f"/v1/jobs/{job.id}"}
        if not submission.created:
            headers["Idempotent-Replayed"] = "true"
        return json_response(202, job.view(), headers)

    # -- rendering and logging ------------------------------------------------------------------------
    def _render_error(self, ex: Exchange, error: GatehouseError) -> HttpResponse:
        if ex.dialect == "openai":
            return openai.render_error(error)
        if ex.dialect == "native":
            return native.render_error(error)
        return gemini.render_error(error)

    def _finish(self, ex: Exchange, response: Response) -> Response:
        headers = response.headers
        headers["X-Request-Id"] = ex.request_id
        headers["Server-Timing"] = ex.timings.header()  # logged values are taken later
        if ex.outcome is not None:
            headers["X-Gatehouse-Cache"] = ex.outcome.cache
        if ex.call is not None:
            limits = ex.call.attrs.get(RATELIMIT_ATTR)  # encoded X-RateLimit-*; an error's own win
            if limits and "X-RateLimit-Limit" not in headers:
                response.raw_headers = limits
        route = ex.call.attrs.get("route") if ex.call else None
        if route:
            headers["X-Gatehouse-Route"] = route["target"]
            headers["X-Gatehouse-Attempts"] = str(route["attempts"])
            headers["X-Gatehouse-Failovers"] = str(route["failovers"])
        if isinstance(response, HttpResponse):
            self._log(ex, response.status)
        return response

    def _logged(self, ex: Exchange, chunks: AsyncIterator[GeminiBody]) -> AsyncIterator[GeminiBody]:
        """Pass a stream through; log the request when it ends, however it ends (a level of the
        stream, shared/streams.py)."""

        def end(error: BaseException | None) -> None:
            outcome = "complete"
            try:
                if isinstance(error, GatehouseError):
                    outcome = f"error:{error.code}"
                    raise error
                if isinstance(error, Exception):
                    outcome = "error:internal"
                    log.error("unhandled error in stream", exc_info=error)
                    raise GatehouseError() from None
                if error is not None:
                    raise error
            finally:
                self._log(ex, 200, stream=outcome)

        return tap(chunks, None, end)

    def _log(self, ex: Exchange, status: int, stream: str | None = None) -> None:
        req = ex.request
        # each field set apart as it is added (`Fields`), so the formatter walks none of them again
        fields = Fields()
        fields.text(  # text by construction: the latency is never a calendar day, see shared/log.py
            "httpRequest",
            {
                "requestMethod": req.method,
                # never the query (it may carry ?key=); percent-encoded, as a URL is, so a path with
                # control or line-separator characters stays one log line for every reader
                "requestUrl": _quoted(req.path),
                "status": status,
                "latency": f"{ex.timings.elapsed_ms() / 1000:.6f}s",
                "userAgent": req.header("user-agent", ""),
                "remoteIp": req.client or "",
            },
        )
        fields.add("dialect", ex.dialect)
        # microseconds are enough (as in Server-Timing); 17-digit floats only lengthen the line
        # every log record is scrubbed over
        fields.numbers("timings_ms", ex.timings.logged_ms())
        if ex.call is not None:
            fields.add("model", ex.call.model)
            for key, value in ex.call.attrs.items():
                if key in LOGGED_ATTRS:
                    fields.add(key, value)
        if ex.outcome is not None:
            fields.add("cache", ex.outcome.cache)
        if stream is not None:
            fields.add("stream", stream)
        log_fields(log, "request", fields)


def _quoted(path: str) -> str:
    """`quote(path, safe=_URL_SAFE)`, without urllib's work for a path it would return unchanged."""
    if path.isascii() and not path.encode().rstrip(_URL_PLAIN):
        return path
    return quote(path, safe=_URL_SAFE)


def _asks_async(body: bytes) -> bool:
    """A native generate with `"async": true` is a job submission (jobs have their own keys)."""
    if b'"async"' not in body:
        return False
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError:
        return False
    return isinstance(data, dict) and data.get("async") is True
