"""The admin service (internal; IAM-protected in production): usage and cost reports.

Tenants, keys, quotas and cache control will be added here as the admin API grows.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from shared.dialects import native
from shared.errors import GatehouseError, InvalidRequest, NotFound
from shared.http import HttpRequest, HttpResponse, json_response
from shared.log import get_logger
from shared.usage.ledger import Ledger, UsageDelta

__all__ = ["AdminService"]

log = get_logger("gatehouse.admin")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class AdminService:
    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    async def handle(self, request: HttpRequest) -> HttpResponse:
        try:
            if request.method == "GET" and request.path == "/healthz":
                return json_response(200, {"status": "ok"})
            if request.method == "GET" and request.path == "/v1/usage":
                return await self._usage(request)
            raise NotFound(f"no route for {request.method} {request.path}")
        except GatehouseError as error:
            return native.render_error(error)
        except Exception:
            log.exception("unhandled admin error")
            return native.render_error(GatehouseError())

    async def _usage(self, request: HttpRequest) -> HttpResponse:
        """`GET /v1/usage?tenant=T&from=YYYY-MM-DD&to=YYYY-MM-DD`: rows per day and model, and totals."""
        tenant = request.query.get("tenant")
        if not tenant:
            raise InvalidRequest("is required", field="tenant")
        start, end = _day(request, "from"), _day(request, "to")
        if start > end:
            raise InvalidRequest("must not be after `to`", field="from")
        rows = await self._ledger.report(tenant, start, end)
        totals = UsageDelta()
        for row in rows:
            totals.add(row.totals)
        return json_response(
            200,
            {
                "tenant": tenant,
                "from": start,
                "to": end,
                "rows": [row.as_dict() for row in rows],
                "totals": asdict(totals),
            },
        )


def _day(request: HttpRequest, name: str) -> str:
    value = request.query.get(name)
    if not value or not _DAY.match(value):
        raise InvalidRequest("must be a date as YYYY-MM-DD", field=name)
    return value
