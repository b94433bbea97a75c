"""Structured JSON logs in Cloud Logging's format, with trace correlation and built-in scrubbing.

Every record passes through `scrub`, so an API key or a secret that reaches a log call by
mistake is masked by construction, not by the caller's care.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import orjson

__all__ = [
    "JsonFormatter",
    "LogContext",
    "configure_logging",
    "current_context",
    "get_logger",
    "parse_trace",
    "scrub",
    "set_context",
]

_SCRUB_PATTERNS = [
    re.compile(r"ghk_[A-Za-z0-9_-]{8,}"),  # Gatehouse API keys
    re.compile(r"AIza[0-9A-Za-z_-]{35}"),  # Google API keys
    re.compile(r"(?:AKIA|ASIA)[0-9A-Z]{16}"),  # AWS access key ids
    re.compile(r"ya29\.[0-9A-Za-z_.-]+"),  # Google OAuth access tokens
    re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"),  # JWTs
    re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S),
    re.compile(r"(?i)(?<=bearer )[A-Za-z0-9._~+/=-]{8,}"),
]


def scrub(text: str) -> str:
    """Mask credentials that must never reach a log line."""
    for pattern in _SCRUB_PATTERNS:
        text = pattern.sub("[REDACTED]", text)
    return text


def _scrub_value(value: Any) -> Any:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {k: _scrub_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub_value(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class LogContext:
    request_id: str | None = None
    trace: str | None = None  # "projects/{p}/traces/{id}"
    span_id: str | None = None
    tenant: str | None = None


_context: ContextVar[LogContext] = ContextVar(
    "gatehouse_log_context",
    default=LogContext(),  # noqa: B039  # frozen dataclass: immutable
)


def set_context(context: LogContext) -> None:
    _context.set(context)


def current_context() -> LogContext:
    return _context.get()


def parse_trace(headers: Any, project: str) -> tuple[str | None, str | None]:
    """(trace resource name, span id) from `traceparent` or `X-Cloud-Trace-Context`."""
    parent = headers.get("traceparent")
    if parent:
        parts = parent.split("-")
        if len(parts) >= 3 and len(parts[1]) == 32:
            return f"projects/{project}/traces/{parts[1]}", parts[2]
    cloud = headers.get("x-cloud-trace-context")
    if cloud:
        trace_id, _, rest = cloud.partition("/")
        span = rest.split(";", 1)[0] or None
        if trace_id:
            return f"projects/{project}/traces/{trace_id}", span
    return None, None


_SEVERITY = {"WARNING": "WARNING", "CRITICAL": "CRITICAL", "ERROR": "ERROR", "INFO": "INFO"}
_RESERVED = frozenset(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {"message"}


class JsonFormatter(logging.Formatter):
    """One JSON object per line; fields passed as `extra=` land at the top level."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "severity": _SEVERITY.get(record.levelname, "DEBUG"),
            "message": scrub(record.getMessage()),
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "logger": record.name,
        }
        ctx = _context.get()
        if ctx.trace:
            entry["logging.googleapis.com/trace"] = ctx.trace
        if ctx.span_id:
            entry["logging.googleapis.com/spanId"] = ctx.span_id
        if ctx.request_id:
            entry["request_id"] = ctx.request_id
        if ctx.tenant:
            entry["tenant"] = ctx.tenant
        for key, value in record.__dict__.items():
            if key not in _RESERVED and not key.startswith("_"):
                entry[key] = _scrub_value(value)
        if record.exc_info:
            entry["stack_trace"] = scrub(self.formatException(record.exc_info))
        return orjson.dumps(entry, default=str).decode()


def configure_logging(level: str = "INFO", stream: Any = None) -> None:
    """Route the root logger to one JSON stream handler (idempotent)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_gatehouse", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stdout)
    handler.setFormatter(JsonFormatter())
    handler._gatehouse = True  # type: ignore[attr-defined]  # marks our handler for idempotency
    root.addHandler(handler)
    root.setLevel(level)


def get_logger(name: str) -> logging.Logger:
    return logging.getLogger(name)
