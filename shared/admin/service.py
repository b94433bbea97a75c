"""The admin service (internal; IAM in production): routes admin calls to the resource modules.

Routes (JSON unless noted; errors are `{"error": {code, message, status, field?}}`):

    GET    /v1/tenants[?page_size&page_token&deleted=true]       POST /v1/tenants
    GET    /v1/tenants/{t}            PATCH /v1/tenants/{t} (merge patch, If-Match)
    POST   /v1/tenants/{t}:disable | :enable (If-Match)          DELETE /v1/tenants/{t} (soft)
    POST   /v1/tenants/{t}:erase {"confirm": t}                  (bounded step; repeat until done)
    GET    /v1/tenants/{t}/keys       POST /v1/tenants/{t}/keys {"name"}
    POST   /v1/tenants/{t}/keys/{k}:rotate {"overlap_s"}         POST /v1/tenants/{t}/keys/{k}:revoke
    POST   /v1/tenants/{t}/callback-secret:rotate                POST /v1/peppers:rotate {"window_s"}
    GET    /v1/tenants/{t}/jobs[?page_size&page_token]           GET /v1/tenants/{t}/jobs/{id}
    GET    /v1/cache/stats?tenant&from&to[&model]                POST /v1/cache:purge {"tenant", "model"?}
    GET    /v1/cache/calibration?tenant[&model][&target]         (semantic cache: precision estimate)
    GET    /v1/usage?tenant&from&to[&by=model|day][&format=csv]
    GET    /v1/audit[?tenant&page_size&page_token]
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import orjson

from shared.admin.caller import Caller, CallerAuth
from shared.admin.tenants import tenant_view
from shared.admin.usage import UsageReports, parse_day
from shared.dialects.gemini import error_body
from shared.errors import GatehouseError, InvalidRequest, NotFound
from shared.http import HttpRequest, HttpResponse, error_response, json_response
from shared.log import get_logger
from shared.tenants import TENANT_ID

if TYPE_CHECKING:
    from shared.admin.audit import AuditLog
    from shared.admin.cache import CacheAdmin
    from shared.admin.erasure import Eraser
    from shared.admin.jobs import JobAdmin
    from shared.admin.keys import KeyAdmin
    from shared.admin.secrets import CallbackSecretAdmin
    from shared.admin.tenants import TenantAdmin

__all__ = ["AdminService", "Resources"]

log = get_logger("gatehouse.admin")

_T = r"(?P<t>[a-z0-9][a-z0-9-]{0,62})"
_K = r"(?P<k>key_[0-9a-f]{12})"
Handler = Callable[["AdminService", HttpRequest, Caller, dict[str, str]], Awaitable[HttpResponse]]


class Resources:
    """The resource modules, each built on first use (an admin instance builds what it serves)."""

    def __init__(
        self,
        tenants: Callable[[], TenantAdmin],
        keys: Callable[[], KeyAdmin],
        secrets: Callable[[], CallbackSecretAdmin],
        cache: Callable[[], CacheAdmin],
        usage: Callable[[], UsageReports],
        erasure: Callable[[], Eraser],
        jobs: Callable[[], JobAdmin],
        audit: Callable[[], AuditLog],
    ) -> None:
        self.tenants, self.keys, self.secrets, self.cache = tenants, keys, secrets, cache
        self.usage, self.erasure, self.jobs, self.audit = usage, erasure, jobs, audit


class MethodNotAllowed(GatehouseError):
    http_status = 405
    code = "method_not_allowed"


def _json(request: HttpRequest) -> Any:
    if not request.body:
        return {}
    try:
        return orjson.loads(request.body)
    except orjson.JSONDecodeError:
        raise InvalidRequest("the body is not valid JSON") from None


def _object(request: HttpRequest) -> dict[str, Any]:
    body = _json(request)
    if not isinstance(body, dict):
        raise InvalidRequest("the body must be a JSON object")
    return body


def _only(body: dict[str, Any], *allowed: str) -> None:
    for name in body:
        if name not in allowed:
            raise InvalidRequest("unknown field (check the spelling)", field=name)


def _page_size(request: HttpRequest, default: int = 50, most: int = 200) -> int:
    raw = request.query.get("page_size")
    try:
        size = int(raw) if raw else default
    except ValueError:
        raise InvalidRequest("must be an integer", field="page_size") from None
    if not 1 <= size <= most:
        raise InvalidRequest(f"must be between 1 and {most}", field="page_size")
    return size


def _number(body: dict[str, Any], name: str, default: float) -> float:
    value = body.get(name, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidRequest("must be a number of seconds", field=name)
    return float(value)


def render_error(error: GatehouseError) -> HttpResponse:
    """Google's error shape (as every Gatehouse surface), plus `field` at the top for scripts."""
    body = error_body(error)
    body["error"].update({k: v for k, v in error.details().items() if k == "field"})
    return error_response(error, body)


def _tenant_response(status: int, tenant: Any) -> HttpResponse:
    return json_response(status, tenant_view(tenant), {"ETag": tenant.etag})


class AdminService:
    def __init__(
        self,
        callers: CallerAuth,
        resources: Resources,
        *,
        overlap_s: float = 86400.0,
        pepper_window_s: float = 7 * 86400.0,
        vertex_quota: Callable[[], Awaitable[dict[str, Any]]] | None = None,
    ) -> None:
        self._callers = callers
        self._r = resources
        self._vertex_quota = vertex_quota
        self.default_overlap_s = overlap_s
        self.default_pepper_window_s = pepper_window_s

    async def handle(self, request: HttpRequest) -> HttpResponse:
        try:
            if request.method == "GET" and request.path == "/healthz":
                return json_response(200, {"status": "ok"})
            handler, params = self._route(request)
            caller = await self._callers.identify(request.headers)
            return await handler(self, request, caller, params)
        except GatehouseError as error:
            return render_error(error)
        except Exception:
            log.exception("unhandled admin error")
            return render_error(GatehouseError())

    def _route(self, request: HttpRequest) -> tuple[Handler, dict[str, str]]:
        known_path = False
        for method, pattern, handler in _ROUTES:
            match = pattern.fullmatch(request.path)
            if match:
                known_path = True
                if method == request.method:
                    return handler, match.groupdict()
        if known_path:
            raise MethodNotAllowed(f"{request.method} is not supported on {request.path}")
        raise NotFound(f"no route for {request.method} {request.path}")

    # -- tenants ---------------------------------------------------------------------------------------
    async def _tenants_list(self, req: HttpRequest, _c: Caller, _p: dict[str, str]) -> HttpResponse:
        token = req.query.get("page_token")
        if token and not re.fullmatch(TENANT_ID, token):
            raise InvalidRequest("is not a page token of this listing", field="page_token")
        deleted = req.query.get("deleted", "false").lower() == "true"
        size = _page_size(req)
        return json_response(200, await self._r.tenants().list(size, token, deleted))

    async def _tenants_create(self, req: HttpRequest, c: Caller, _p: dict[str, str]) -> HttpResponse:
        return _tenant_response(201, await self._r.tenants().create(_json(req), c))

    async def _tenant_get(self, _req: HttpRequest, _c: Caller, p: dict[str, str]) -> HttpResponse:
        return _tenant_response(200, await self._r.tenants().get(p["t"]))

    async def _tenant_patch(self, req: HttpRequest, c: Caller, p: dict[str, str]) -> HttpResponse:
        tenant = await self._r.tenants().update(p["t"], _json(req), req.header("if-match"), c)
        return _tenant_response(200, tenant)

    async def _tenant_disable(self, req: HttpRequest, c: Caller, p: dict[str, str]) -> HttpResponse:
        tenant = await self._r.tenants().set_disabled(p["t"], True, req.header("if-match") or "*", c)
        return _tenant_response(200, tenant)

    async def _tenant_enable(self, req: HttpRequest, c: Caller, p: dict[str, str]) -> HttpResponse:
        tenant = await self._r.tenants().set_disabled(p["t"], False, req.header("if-match") or "*", c)
        return _tenant_response(200, tenant)

    async def _tenant_delete(self, req: HttpRequest, c: Caller, p: dict[str, str]) -> HttpResponse:
        return json_response(200, await self._r.tenants().delete(p["t"], req.header("if-match") or "*", c))

    async def _tenant_erase(self, req: HttpRequest, c: Caller, p: dict[str, str]) -> HttpResponse:
        body = _object(req)
        _only(body, "confirm")
        return json_response(200, await self._r.erasure().step(p["t"], body.get("confirm"), c))

    # -- keys and secrets ----------------------------------------------------------------------------
    async def _keys_list(self, _req: HttpRequest, _c: Caller, p: dict[str, str]) -> HttpResponse:
        return json_response(200, {"keys": await self._r.keys().list(p["t"])})

    async def _keys_create(self, req: HttpRequest, c: Caller, p: dict[str, str]) -> HttpResponse:
        body = _object(req)
        _only(body, "name")
        name = body.get("name", "")
        if not isinstance(name, str):
            raise InvalidRequest("must be a string", field="name")
        return json_response(201, await self._r.keys().create(p["t"], name, c))

    async def _key_rotate(self, req: HttpRequest, c: Caller, p: dict[str, str]) -> HttpResponse:
        body = _object(req)
        _only(body, "overlap_s")
        overlap = _number(body, "overlap_s", self.default_overlap_s)
        return json_response(201, await self._r.keys().rotate(p["t"], p["k"], overlap, c))

    async def _key_revoke(self, _req: HttpRequest, c: Caller, p: dict[str, str]) -> HttpResponse:
        return json_response(200, await self._r.keys().revoke(p["t"], p["k"], c))

    async def _pepper_rotate(self, req: HttpRequest, c: Caller, _p: dict[str, str]) -> HttpResponse:
        body = _object(req)
        _only(body, "window_s", "force")
        window = _number(body, "window_s", self.default_pepper_window_s)
        return json_response(200, await self._r.keys().rotate_pepper(window, bool(body.get("force")), c))

    async def _secret_rotate(self, _req: HttpRequest, c: Caller, p: dict[str, str]) -> HttpResponse:
        await self._r.tenants().get(p["t"])  # 404 for an unknown tenant
        return json_response(200, await self._r.secrets().rotate(p["t"], c))

    # -- jobs, cache, usage, audit ---------------------------------------------------------------------
    async def _jobs_list(self, req: HttpRequest, _c: Caller, p: dict[str, str]) -> HttpResponse:
        token, size = req.query.get("page_token"), _page_size(req, 20, 100)
        return json_response(200, await self._r.jobs().list(p["t"], size, token))

    async def _job_get(self, _req: HttpRequest, _c: Caller, p: dict[str, str]) -> HttpResponse:
        return json_response(200, await self._r.jobs().get(p["t"], p["j"]))

    async def _cache_stats(self, req: HttpRequest, _c: Caller, _p: dict[str, str]) -> HttpResponse:
        tenant = _tenant_param(req.query.get("tenant"))
        start, end = parse_day(req.query.get("from"), "from"), parse_day(req.query.get("to"), "to")
        return json_response(200, await self._r.cache().stats(tenant, start, end, req.query.get("model")))

    async def _cache_calibration(self, req: HttpRequest, _c: Caller, _p: dict[str, str]) -> HttpResponse:
        tenant = _tenant_param(req.query.get("tenant"))
        raw, target = req.query.get("target"), None
        if raw:
            try:
                target = float(raw)
            except ValueError:
                raise InvalidRequest("must be a number", field="target") from None
            if not 0.001 <= target <= 0.2:
                raise InvalidRequest("must be between 0.001 and 0.2 (an error rate)", field="target")
        report = await self._r.cache().calibration(tenant, req.query.get("model") or None, target)
        return json_response(200, report)

    async def _cache_purge(self, req: HttpRequest, c: Caller, _p: dict[str, str]) -> HttpResponse:
        body = _object(req)
        _only(body, "tenant", "model")
        model = body.get("model")
        if model is not None and not isinstance(model, str):
            raise InvalidRequest("must be a string", field="model")
        tenant = _tenant_param(body.get("tenant"))
        return json_response(200, await self._r.cache().purge(tenant, model, c))

    # -- spend control (#14): the tenants' TPM shares against the project's Vertex AI quota -------------
    async def _quotas_vertex(self, _req: HttpRequest, _c: Caller, _p: dict[str, str]) -> HttpResponse:
        if self._vertex_quota is None:
            raise NotFound("the Vertex AI quota report is not enabled on this admin service")
        return json_response(200, await self._vertex_quota())

    async def _usage(self, req: HttpRequest, _c: Caller, _p: dict[str, str]) -> HttpResponse:
        tenant = _tenant_param(req.query.get("tenant"))
        start, end = parse_day(req.query.get("from"), "from"), parse_day(req.query.get("to"), "to")
        by = req.query.get("by")
        reports = self._r.usage()
        if req.query.get("format") == "csv":
            body = reports.csv(await reports.rows(tenant, start, end, by), by)
            headers = {"Content-Disposition": f'attachment; filename="usage-{tenant}-{start}-{end}.csv"'}
            return HttpResponse(200, body, headers, media_type="text/csv")
        return json_response(200, await reports.report(tenant, start, end, by))

    async def _audit(self, req: HttpRequest, _c: Caller, _p: dict[str, str]) -> HttpResponse:
        tenant = req.query.get("tenant")
        token, size = req.query.get("page_token"), _page_size(req)
        return json_response(200, await self._r.audit().list(tenant, size, token))


def _tenant_param(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise InvalidRequest("is required", field="tenant")
    if not re.fullmatch(TENANT_ID, value):
        raise InvalidRequest("is not a tenant id", field="tenant")
    return value


def _r(path: str) -> re.Pattern[str]:
    return re.compile(path.replace("{t}", _T).replace("{k}", _K).replace("{j}", r"(?P<j>[A-Za-z0-9]{1,64})"))


S = AdminService
_ROUTES: list[tuple[str, re.Pattern[str], Handler]] = [
    ("GET", _r("/v1/tenants"), S._tenants_list),
    ("POST", _r("/v1/tenants"), S._tenants_create),
    ("GET", _r("/v1/tenants/{t}"), S._tenant_get),
    ("PATCH", _r("/v1/tenants/{t}"), S._tenant_patch),
    ("DELETE", _r("/v1/tenants/{t}"), S._tenant_delete),
    ("POST", _r("/v1/tenants/{t}:disable"), S._tenant_disable),
    ("POST", _r("/v1/tenants/{t}:enable"), S._tenant_enable),
    ("POST", _r("/v1/tenants/{t}:erase"), S._tenant_erase),
    ("GET", _r("/v1/tenants/{t}/keys"), S._keys_list),
    ("POST", _r("/v1/tenants/{t}/keys"), S._keys_create),
    ("POST", _r("/v1/tenants/{t}/keys/{k}:rotate"), S._key_rotate),
    ("POST", _r("/v1/tenants/{t}/keys/{k}:revoke"), S._key_revoke),
    ("DELETE", _r("/v1/tenants/{t}/keys/{k}"), S._key_revoke),
    ("POST", _r("/v1/tenants/{t}/callback-secret:rotate"), S._secret_rotate),
    ("POST", _r("/v1/peppers:rotate"), S._pepper_rotate),
    ("GET", _r("/v1/tenants/{t}/jobs"), S._jobs_list),
    ("GET", _r("/v1/tenants/{t}/jobs/{j}"), S._job_get),
    ("GET", _r("/v1/cache/stats"), S._cache_stats),
    ("POST", _r("/v1/cache:purge"), S._cache_purge),
    ("GET", _r("/v1/cache/calibration"), S._cache_calibration),  # semantic cache (#17)
    ("GET", _r("/v1/usage"), S._usage),
    ("GET", _r("/v1/quotas/vertex"), S._quotas_vertex),  # spend control (#14)
    ("GET", _r("/v1/audit"), S._audit),
]
