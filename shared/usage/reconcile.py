"""Rebuild usage totals from the request logs, compare them with the ledger, and correct it.

The ledger is written from per-instance buffers; an instance killed without SIGTERM loses what it
buffered since its last flush. Every request it accounted is also in its log entry, written to
stdout (flushed per line) before the response completes: `message` "request" (ingress) or
"job done" (generate), with `tenant`, `served_model`, `tokens`, `cost` and `ledger` {day, hit}.
`UsageDelta.of_request` builds the ledger's delta from exactly those fields, so summing the log
entries gives what the ledger should hold, and the difference is what was lost.

    python -m shared.usage.reconcile LOGS... [--day YYYY-MM-DD ...] [--fix] [--allow-open-day]

LOGS are files of JSON lines (or `-` for stdin): the functions' stdout, or a Cloud Logging export
(entries whose `jsonPayload` is the line). `--fix` adds the missing part of each (tenant, day,
model) to the ledger; it refuses days that are not closed yet (today, or yesterday during the
first `--settle-s` seconds after midnight UTC): live instances may still hold unflushed usage for
them, which would be counted twice. Ledger rows above the logs are reported, never decreased
(missing log files, most likely).
"""

from __future__ import annotations

import argparse
import asyncio
import calendar
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TextIO

import orjson

from shared.usage.ledger import Ledger, UsageDelta, UsageKey

__all__ = ["Reconciliation", "closed_days", "logged_usage", "main", "reconcile"]

_USAGE_MESSAGES = frozenset({"request", "job done"})
_TOLERANCE_USD = 1e-7  # float sums in another order; costs are rounded to 1e-9 per request


def _entries(lines: Iterable[str | bytes]) -> Iterator[dict[str, Any]]:
    for line in lines:
        line = line.strip()
        if not line or line[:1] not in ("{", b"{"):
            continue
        try:
            entry = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        if isinstance(entry, dict):
            payload = entry.get("jsonPayload")  # a Cloud Logging export wraps the line
            yield payload if isinstance(payload, dict) else entry


def logged_usage(lines: Iterable[str | bytes], days: set[str] | None = None) -> dict[UsageKey, UsageDelta]:
    """What the ledger should hold, per (tenant, day, model), from log lines (duplicates skipped)."""
    totals: dict[UsageKey, UsageDelta] = {}
    seen: set[tuple[Any, ...]] = set()
    for entry in _entries(lines):
        ledger, tokens, cost = entry.get("ledger"), entry.get("tokens"), entry.get("cost")
        if entry.get("message") not in _USAGE_MESSAGES or not isinstance(ledger, dict):
            continue
        if not isinstance(tokens, dict) or not isinstance(cost, dict):
            continue
        tenant, model, day = entry.get("tenant"), entry.get("served_model"), ledger.get("day")
        if not (isinstance(tenant, str) and isinstance(model, str) and isinstance(day, str)):
            continue
        if days is not None and day not in days:
            continue
        identity = (entry.get("message"), entry.get("request_id"), entry.get("job_id"), entry.get("time"))
        if identity in seen:  # the same line given twice (overlapping files or exports)
            continue
        seen.add(identity)
        key = UsageKey(tenant, day, model)
        layer = ledger.get("layer")
        delta = UsageDelta.of_request(
            tokens, cost, bool(ledger.get("hit")), layer if isinstance(layer, str) else None
        )
        totals.setdefault(key, UsageDelta()).add(delta)
    return totals


def _is_zero(delta: UsageDelta) -> bool:
    for f in fields(delta):
        value = getattr(delta, f.name)
        if (abs(value) > _TOLERANCE_USD) if isinstance(value, float) else value != 0:
            return False
    return True


@dataclass
class Reconciliation:
    logged: dict[UsageKey, UsageDelta]
    ledger: dict[UsageKey, UsageDelta]
    fixed: dict[UsageKey, UsageDelta] = field(default_factory=dict)

    def missing(self) -> dict[UsageKey, UsageDelta]:
        """Logged but not in the ledger (lost flushes): what `--fix` adds."""
        out = {}
        for key, logged in self.logged.items():
            gap = logged.minus(self.ledger.get(key, UsageDelta()))
            if not _is_zero(gap) and gap.requests >= 0:
                out[key] = gap
        return out

    def excess(self) -> dict[UsageKey, UsageDelta]:
        """In the ledger beyond the logs: logs not given, never a lost flush; reported, not fixed."""
        out = {}
        for key, logged in self.logged.items():
            gap = logged.minus(self.ledger.get(key, UsageDelta()))
            if gap.requests < 0:
                out[key] = gap
        return out

    def as_dict(self) -> dict[str, Any]:
        def rows(values: dict[UsageKey, UsageDelta]) -> list[dict[str, Any]]:
            return [
                {**asdict(k), **asdict(v)}
                for k, v in sorted(values.items(), key=lambda kv: (kv[0].tenant, kv[0].day, kv[0].model))
            ]

        logged = UsageDelta()
        for delta in self.logged.values():
            logged.add(delta)
        return {
            "logged_requests": logged.requests,
            "missing": rows(self.missing()),
            "excess": rows(self.excess()),
            "fixed": rows(self.fixed),
        }


async def reconcile(
    lines: Iterable[str | bytes], ledger: Ledger, *, days: set[str] | None = None, fix: bool = False
) -> Reconciliation:
    logged = logged_usage(lines, days)
    current: dict[UsageKey, UsageDelta] = {}
    for tenant, day in sorted({(k.tenant, k.day) for k in logged}):
        for row in await ledger.report(tenant, day, day):
            current[row.key] = row.totals
    result = Reconciliation(logged, current)
    if fix:
        missing = result.missing()
        if missing:
            await ledger.write(missing)
        result.fixed = missing
    return result


def closed_days(days: Iterable[str], now: float, settle_s: float) -> list[str]:
    """The days whose usage every live instance has flushed: ended at least `settle_s` ago (UTC)."""
    return [d for d in days if calendar.timegm(time.strptime(d, "%Y-%m-%d")) + 86400 + settle_s <= now]


def _read(paths: list[str]) -> Iterator[bytes]:
    for path in paths:
        stream: Any = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
        try:
            yield from stream
        finally:
            if path != "-":
                stream.close()


def main(argv: list[str] | None = None, out: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m shared.usage.reconcile", description=__doc__.splitlines()[0]
    )
    parser.add_argument("logs", nargs="+", help="files of JSON log lines, or - for stdin")
    parser.add_argument(
        "--day", action="append", help="only these UTC days (YYYY-MM-DD); default: all logged"
    )
    parser.add_argument("--fix", action="store_true", help="add what the ledger is missing")
    parser.add_argument("--allow-open-day", action="store_true", help="fix days that are not closed yet")
    parser.add_argument("--settle-s", type=float, default=600.0, help="how long after midnight a day closes")
    parser.add_argument("--project", default=None, help="Firestore project (default: the environment's)")
    parser.add_argument("--database", default="(default)")
    args = parser.parse_args(argv)
    lines = list(_read(args.logs))
    days = set(args.day) if args.day else {k.day for k in logged_usage(lines)}
    if args.fix and not args.allow_open_day:
        open_days = sorted(days - set(closed_days(days, time.time(), args.settle_s)))
        if open_days:
            parser.error(f"days not closed yet: {', '.join(open_days)} (live instances may still flush them)")

    async def run() -> Reconciliation:
        from google.cloud import firestore

        from shared.usage.ledger import FirestoreLedger

        db = firestore.AsyncClient(project=args.project, database=args.database)
        return await reconcile(lines, FirestoreLedger(lambda: db), days=days, fix=args.fix)

    result = asyncio.run(run())
    out.write(orjson.dumps(result.as_dict(), option=orjson.OPT_INDENT_2).decode() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
