"""Usage reports for admins: rows per day and model (or summed by model or by day), JSON or CSV."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import asdict, fields
from typing import Any

from shared.errors import InvalidRequest
from shared.usage.ledger import Ledger, UsageDelta

__all__ = ["CSV_COLUMNS", "UsageReports", "parse_day"]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CSV_COLUMNS = ["tenant", "day", "model", *[f.name for f in fields(UsageDelta)]]


def parse_day(value: str | None, name: str) -> str:
    if not value or not _DAY.match(value):
        raise InvalidRequest("must be a date as YYYY-MM-DD", field=name)
    return value


class UsageReports:
    def __init__(self, ledger: Ledger) -> None:
        self._ledger = ledger

    async def rows(self, tenant: str, start: str, end: str, by: str | None) -> list[dict[str, Any]]:
        if start > end:
            raise InvalidRequest("must not be after `to`", field="from")
        if by not in (None, "", "model", "day"):
            raise InvalidRequest("must be `model` or `day`", field="by")
        rows = await self._ledger.report(tenant, start, end)
        if not by:
            return [row.as_dict() for row in rows]
        groups: dict[str, UsageDelta] = {}
        for row in rows:
            group = row.key.model if by == "model" else row.key.day
            groups.setdefault(group, UsageDelta()).add(row.totals)
        return [{"tenant": tenant, by: group, **asdict(delta)} for group, delta in sorted(groups.items())]

    async def report(self, tenant: str, start: str, end: str, by: str | None) -> dict[str, Any]:
        rows = await self.rows(tenant, start, end, by)
        totals = UsageDelta()
        for row in rows:
            totals.add(UsageDelta(**{f.name: row[f.name] for f in fields(UsageDelta)}))
        return {
            "tenant": tenant,
            "from": start,
            "to": end,
            "by": by or None,
            "rows": rows,
            "totals": asdict(totals),
        }

    @staticmethod
    def csv(rows: list[dict[str, Any]], by: str | None = None) -> bytes:
        out = io.StringIO()
        columns = ["tenant", by, *CSV_COLUMNS[3:]] if by else CSV_COLUMNS
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return out.getvalue().encode()
