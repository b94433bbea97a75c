"""Structured JSON logs in Cloud Logging's format, with trace correlation and built-in scrubbing.

Every record passes through `scrub` (`scrubbed_line`: every field that can carry a secret, in one
JSON object scrubbed whole), so an API key or a secret that reaches a log call by mistake is masked by
construction, not by the caller's care.
"""

from __future__ import annotations

import hashlib
import logging
import sys
import time
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import orjson

from shared import lazy_re as re  # compiled on first use: cold start
from shared.policy.detectors import SECRET_DETECTORS

__all__ = [
    "FIELDS",
    "LOGGED_ATTRS",
    "Fields",
    "JsonFormatter",
    "LogContext",
    "configure_logging",
    "current_context",
    "get_logger",
    "log_fields",
    "parse_trace",
    "scrub",
    "scrubbed_line",
    "set_context",
]

# One alternation, so a log line costs one regex pass however many credential kinds there are; JWTs
# are found beside it (`_next_jwt`), see there.
_SCRUB = re.compile(
    "|".join(
        [
            r"ghk_[A-Za-z0-9_-]{8,}",  # Gatehouse API keys
            r"AIza[0-9A-Za-z_-]{35}",  # Google API keys
            r"(?:AKIA|ASIA)[0-9A-Z]{16}",  # AWS access key ids
            r"ya29\.[0-9A-Za-z_.-]+",  # Google OAuth access tokens
            r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----",  # PEM keys
            r"(?i:bearer )[A-Za-z0-9._~+/=-]{8,}",  # bearer tokens
        ]
    ),
    re.S,
)
# Literal fragments, one of which every pattern above contains: a cheap test before the regex.
_MARKERS = ("ghk_", "AIza", "AKIA", "ASIA", "ya29.", "PRIVATE KEY", "earer ", "EARER ")
# JWTs. Inside the alternation, a token run full of "eyJ" and without a dot (`'eyJ' * n`) made the
# regex try every "eyJ" and scan to the run's end each time: quadratic, 0.56 s for 32 KB
# (bench/policy_adversarial.py). Every "eyJ" inside a run where one failed shares that run's end and
# what follows it, so it fails the same way: `_next_jwt` skips to the run's end after a failure.
_JWT_AT = re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")
_RUN_AT = re.compile(r"[A-Za-z0-9_-]*")


def _next_jwt(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the first JWT at or after `pos`, as a regex search for `_JWT_AT` would find it."""
    at = text.find("eyJ", pos)
    while at != -1:
        match = _JWT_AT.match(text, at)
        if match is not None:
            return match.span()
        run = _RUN_AT.match(text, at)  # always matches: "eyJ" itself is run characters
        at = text.find("eyJ", run.end() if run is not None else at + 3)
    return None


def _masked_patterns(text: str) -> str:
    """`text` with what the old single alternation (`_SCRUB` with the JWT pattern in it) replaced
    replaced: leftmost match first, then on from its end. Exactly the same: at any position at most
    one of the patterns can match (each starts with its own literal), so the leftmost of the two
    searches' next matches is the alternation's next match."""
    other = _SCRUB.search(text) if any(marker in text for marker in _MARKERS) else None
    jwt = _next_jwt(text, 0) if "eyJ" in text else None
    if other is None and jwt is None:
        return text
    out: list[str] = []
    cursor = 0
    while True:
        if other is not None and (jwt is None or other.start() < jwt[0]):
            start, end = other.span()
        elif jwt is not None:
            start, end = jwt
        else:
            break
        out += (text[cursor:start], "[REDACTED]")
        cursor = end
        if other is not None and other.start() < end:
            other = _SCRUB.search(text, end)
        if jwt is not None and jwt[0] < end:
            jwt = _next_jwt(text, end)
    out.append(text[cursor:])
    return "".join(out)


def scrub(text: str) -> str:
    """Mask credentials that must never reach a log line: the patterns above, then the policy's own
    secret detectors (provider tokens, keys, private keys, JWTs, URL credentials, assigned and
    high-entropy secrets), with the same gates, so the log and the policy agree on what a secret is."""
    text = _masked_patterns(text)
    lower = text.lower()
    if len(lower) != len(text):
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    spans: list[tuple[int, int]] = []
    words: set[str] | None = None
    for detector in SECRET_DETECTORS:
        for gate in detector.gates:  # a loop, not all(<generator>): one generator less per detector
            if not gate(text, lower):
                break
        else:
            words = set(text.split()) if words is None else words
            spans += [(f.start, f.end) for f in detector.scan(text, lower, words)]
    if not spans:
        return text
    out, cursor = [], 0
    for start, end in sorted(spans):
        if end <= cursor:
            continue
        out.append(text[cursor : max(cursor, start)])
        out.append("[REDACTED]")
        cursor = end
    out.append(text[cursor:])
    return "".join(out)


@dataclass(slots=True)
class LogContext:
    """Per-request log fields. Each request sets its own instance, so filling in `tenant`
    after authentication touches only that request's context."""

    request_id: str | None = None
    trace: str | None = None  # "projects/{p}/traces/{id}"
    span_id: str | None = None
    tenant: str | None = None


# Stage annotations that go into the request log (never text: counts, ids, numbers only).
LOGGED_ATTRS = frozenset(
    {
        "route",
        "plan",
        "tag",
        "served_model",
        "tokens",
        "cost",
        "ledger",
        "stream_partial",
        "policy",
        "cache_mode",
        "cache_skip",
        "cache_layer",
        "cache_distance",
        "cache_saved",
    }
)

_EMPTY = LogContext()
_context: ContextVar[LogContext | None] = ContextVar("gatehouse_log_context", default=None)


def set_context(context: LogContext) -> None:
    _context.set(context)


def current_context() -> LogContext:
    return _context.get() or _EMPTY


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


_second: tuple[int, str] = (-1, "")


def _utc_second(second: int) -> str:
    """`2026-11-30T07:07:49` for a Unix second, formatted once per second (not once per record)."""
    global _second
    cached = _second  # one read: another thread may replace it meanwhile
    if cached[0] != second:
        cached = _second = (second, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second)))
    return cached[1]


class JsonFormatter(logging.Formatter):
    """One JSON object per line; fields passed as `extra=` land at the top level."""

    def format(self, record: logging.LogRecord) -> str:
        fields = record.__dict__.get(FIELDS)
        if fields is not None:
            return self._fields_line(record, fields)
        entry: dict[str, Any] = {
            "severity": _SEVERITY.get(record.levelname, "DEBUG"),
            "message": record.getMessage(),
            "time": f"{_utc_second(int(record.created))}.{int(record.msecs):03d}Z",
            "logger": record.name,
        }
        ctx = _context.get() or _EMPTY
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
                entry[key] = value
        if record.exc_info:
            entry["stack_trace"] = self.formatException(record.exc_info)
        return scrubbed_line(entry)

    def _fields_line(self, record: logging.LogRecord, fields: Fields) -> str:
        """`format`'s line for a record whose extras come set apart (`Fields`, the request log)."""
        stack = self.formatException(record.exc_info) if record.exc_info else None
        return _fields_text(
            record.levelname, record.created, record.msecs, record.getMessage(), record.name, fields, stack
        )


def _fields_text(
    level: str, created: float, msecs: float, message: str, name: str, fields: Fields, stack: str | None
) -> str:
    """The line of a record with `Fields` (`JsonFormatter._fields_line`, `log_fields`): the same fields
    in the same order, classified as `scrubbed_line` would, without walking the record. Severity and
    time are set apart by construction (their fixed shapes)."""
    ctx = _context.get() or _EMPTY
    inert: dict[str, Any] = {
        "severity": _SEVERITY.get(level, "DEBUG"),
        "time": f"{_utc_second(int(created))}.{int(msecs):03d}Z",
    }
    rest: dict[str, Any] = {"message": message, "logger": name}
    if ctx.trace:
        (inert if _TRACE.fullmatch(ctx.trace) else rest)["logging.googleapis.com/trace"] = ctx.trace
    # `_HEX`'s fullmatch as a strip: every character one of the 16 and at most 64 (~1.5 K less a field)
    if ctx.span_id:
        (rest if len(ctx.span_id) > 64 or ctx.span_id.strip(_HEX_CHARS) else inert)[
            "logging.googleapis.com/spanId"
        ] = ctx.span_id
    if ctx.request_id:
        (rest if len(ctx.request_id) > 64 or ctx.request_id.strip(_HEX_CHARS) else inert)["request_id"] = (
            ctx.request_id
        )
    if ctx.tenant:
        rest["tenant"] = ctx.tenant
    rest.update(fields.rest)
    inert.update(fields.inert)
    if stack is not None:
        rest["stack_trace"] = stack
    return _joined(rest, inert)


# Values that cannot carry a secret, so the scrub may skip them (see `scrubbed_line`). A string is
# inert only under one of these keys AND in that key's exact Gatehouse-generated shape: lowercase hex,
# fixed words, a timestamp. Lowercase hex or lowercase letters alone never meet any secret detector
# (those need mixed case and digits, an uppercase or a punctuated prefix, a keyword followed by a
# mixed value, or "://"), so whatever a client sends, a value of these shapes holds no secret. Anything
# else under these keys (a client-chosen X-Request-Id, a cloud trace id) is scrubbed like any field.
_HEX = r"[0-9a-f]{1,64}"
_INERT_STRINGS: dict[str, re.Pattern[str]] = {
    "severity": re.compile(r"DEBUG|INFO|WARNING|ERROR|CRITICAL"),
    "time": re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"),
    "request_id": re.compile(_HEX),
    "logging.googleapis.com/trace": re.compile(r"projects/[a-z0-9-]{1,40}/traces/" + _HEX),
    "logging.googleapis.com/spanId": re.compile(_HEX),
    "dialect": re.compile(r"[a-z_]{1,10}"),
    "cache": re.compile(r"miss|hit|semantic|bypass"),
    "stream": re.compile(r"complete|error:[a-z_]{1,10}"),
}
_TRACE = _INERT_STRINGS["logging.googleapis.com/trace"]
_HEX_CHARS = "0123456789abcdef"  # `_HEX`'s characters
# A dict key inside an all-number record (timings by stage, token counts): lowercase words joined by
# "_", each at most 12 letters or one letter and one digit (the `l2` of the `cache_l2` span), never
# "ghk_" or "github_pat_". No secret pattern or detector matches such a name (they need mixed case, a
# run of digits or 20+ characters of three classes, a "-" or "." or "://", or a token prefix with a
# longer run after it; a digit here stands alone between a letter and "_"), so records like
# {"prompt": 62, "output": 40} are set apart whole.
_WORD = r"(?:[a-z]{1,12}|[a-z]\d)"
_PLAIN_KEY = re.compile(rf"(?!.*(?:ghk|github)_){_WORD}(?:_{_WORD}){{0,3}}")
# Raw line breaks in indented JSON are structural (a string's own are escaped as \n).
_INDENT = re.compile(r"\n *")


# A finding count's key in the request log's `policy` record: `TYPE:action`, answer-side ones prefixed
# `output:` (shared/policy/stages.py), e.g. "EMAIL:redact", "output:GCP_PRIVATE_KEY:mask". Upper-case
# words of at most 12 letters joined by "_", then lower-case words: no digits (a bare secret needs them),
# no "-", "." or "://" (every token prefix and URL needs one), no 16-letter run (AWS key ids); after a
# keyword inside it ("URL_TOKEN:redact") comes an action of one character class, which the assigned
# detector does not take for a secret.
_COUNT_KEY = re.compile(r"(?:output:)?[A-Z]{1,12}(?:_[A-Z]{1,12}){0,3}:[a-z]{1,12}")
_KEY = f"(?:{_PLAIN_KEY.pattern}|{_COUNT_KEY.pattern})"
_PLAIN_KEYS = re.compile(_KEY + r"(?: " + _KEY + r")*")
_NUMBER = (int, float, bool, type(None))
_NUMBER_TYPES = frozenset(_NUMBER)
# A calendar day (`price_version`, the ledger's `day`): digits and "-" only, one character class, which no
# detector or pattern takes for a secret; allowed as a value inside an all-number record.
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
# The days `_DAY` matched: a record's days (the ledger's, the price table's version) recur, one per
# day, so a set lookup stands in for the regex (~1.7 K a value). Only matches are kept (never other
# text). Bounded: cleared when full.
_days: set[str] = set()


def _is_day(text: str) -> bool:
    """`len(text) == 10 and _DAY.fullmatch(text)`, remembered when it matches."""
    if len(text) != 10:
        return False
    if text in _days:
        return True
    if _DAY.fullmatch(text) is None:
        return False
    if len(_days) >= _KEY_MEMO_MAX:
        _days.clear()
    _days.add(str(text))  # a plain str, never a subclass the caller may change
    return True


# Memos of the key checks: a log record's keys are the code's own (the same few shapes on every
# request), so each shape is matched once per instance. Bounded: cleared when full.
_KEY_MEMO_MAX = 1024
_plain_key_seen: dict[str, bool] = {}
_plain_keys_seen: dict[tuple[Any, ...], bool] = {}


def _plain_key(key: str) -> bool:
    """`_PLAIN_KEY.fullmatch(key)`, memoized."""
    plain = _plain_key_seen.get(key)
    if plain is None:
        if len(_plain_key_seen) >= _KEY_MEMO_MAX:
            _plain_key_seen.clear()
        plain = _plain_key_seen[key] = _PLAIN_KEY.fullmatch(key) is not None
    return plain


def _plain_keys(keys: tuple[Any, ...]) -> bool:
    """Every key a string of `_PLAIN_KEY` or `_COUNT_KEY` shape (one match over the keys joined by
    spaces), memoized."""
    plain = _plain_keys_seen.get(keys)
    if plain is None:
        if len(_plain_keys_seen) >= _KEY_MEMO_MAX:
            _plain_keys_seen.clear()
        plain = all(isinstance(key, str) for key in keys)
        plain = _plain_keys_seen[keys] = plain and _PLAIN_KEYS.fullmatch(" ".join(keys)) is not None
    return plain


def _numbers(value: Any) -> bool:
    """True if `value` holds only numbers, booleans and None (dicts and lists of them, nested, dict
    keys of `_PLAIN_KEY` or `_COUNT_KEY` shape), and in dicts calendar days (`_DAY`). A dict's values
    are checked before its keys: most records that are not all numbers (the route) hold a string,
    which ends the check at once."""
    kind = type(value)
    if kind in _NUMBER_TYPES:
        return True
    if kind is dict and _NUMBER_TYPES.issuperset(map(type, value.values())):  # flat: one pass in C
        return _plain_keys(tuple(value))
    if isinstance(value, _NUMBER):
        return True
    if isinstance(value, dict):
        for item in value.values():
            if isinstance(item, _NUMBER):
                continue
            if isinstance(item, str):
                if not _is_day(item):
                    return False
            elif not _numbers(item):
                return False
        return _plain_keys(tuple(value))
    if isinstance(value, (list, tuple)):
        for item in value:
            if not isinstance(item, _NUMBER) and (isinstance(item, str) or not _numbers(item)):
                return False
        return True
    return False


# The scrub of a record's free-text part, memoized: the request log's is the same text request after
# request for a client (tenant, path, user agent, address, model, route) but for the latency, which is
# swapped for a stand-in before and back after (`_scrubbed_rest`). Keyed by a 128-bit BLAKE2b digest,
# so the memo keeps no unscrubbed text; bounded: cleared when full.
_SCRUBBED_MAX = 512
_scrubbed: dict[bytes, tuple[str, bool]] = {}
_LATENCY = re.compile(r"\d{1,9}\.\d{6}s")  # the request log's httpRequest.latency, as gateway.py writes it
_STANDIN = "0.000000s"
_STANDIN_FIELD = f'"latency": "{_STANDIN}"'


def _scrub_rest(rest: dict[str, Any]) -> str:
    return scrub(_INDENT.sub(" ", orjson.dumps(rest, default=str, option=orjson.OPT_INDENT_2).decode()))


def _scrubbed_rest(rest: dict[str, Any]) -> str:
    """`_scrub_rest(rest)`, from the memo when the same text was scrubbed before. The latency of an
    `httpRequest` record is replaced by a stand-in of the same shape for the scrub and put back in the
    result: a duration (digits, ".", "s") between the fixed `"status": N, ` and its closing quote is
    no part of any secret, so the scrub treats both texts alike. If the stand-in field is not exactly
    once in the text and once in the scrubbed text (a match spanning it, or another record with such a
    field), the record is scrubbed with its own latency instead."""
    http = rest.get("httpRequest")
    latency = http.get("latency") if type(http) is dict else None
    if type(latency) is str and latency != _STANDIN and _LATENCY.fullmatch(latency):
        rest["httpRequest"] = {**http, "latency": _STANDIN}  # type: ignore[dict-item]  # http is a dict
    else:
        latency = None
    indented = orjson.dumps(rest, default=str, option=orjson.OPT_INDENT_2)
    digest = hashlib.blake2b(indented, digest_size=16).digest()
    found = _scrubbed.get(digest)
    if found is None:
        flat = _INDENT.sub(" ", indented.decode())
        line = scrub(flat)
        found = (line, flat.count(_STANDIN_FIELD) == 1 and line.count(_STANDIN_FIELD) == 1)
        if len(_scrubbed) >= _SCRUBBED_MAX:
            _scrubbed.clear()
        _scrubbed[digest] = found
    if latency is None:
        return found[0]
    if found[1]:
        return found[0].replace(_STANDIN_FIELD, f'"latency": "{latency}"')
    rest["httpRequest"] = http
    return _scrub_rest(rest)


def _record(value: dict[Any, Any]) -> bool:
    """`_numbers(value)` for a dict, one level in line: a number, None or a calendar day as each
    value (anything else, e.g. a nested record, goes to `_numbers`), then the keys."""
    for item in value.values():
        kind = type(item)
        if kind in _NUMBER_TYPES:
            continue
        if isinstance(item, str):
            if not _is_day(item):
                return False
        elif not _numbers(item):
            return False
    return _plain_keys(tuple(value))


def _inert(key: str, value: Any) -> bool:
    """Whether a field is set apart, unscrubbed (`scrubbed_line`, `Fields`; see `scrubbed_line`)."""
    if isinstance(value, str):
        pattern = _INERT_STRINGS.get(key)
        return pattern is not None and pattern.fullmatch(value) is not None
    return _numbers(value) and _plain_key(key)


# Memo of `_inert` for the short strings of `_INERT_STRINGS`' keys that recur (dialect, cache, stream):
# a dict lookup instead of a regex per field. Bounded: cleared when full.
_inert_seen: dict[tuple[str, str], bool] = {}
_FIXED_KEYS = frozenset({"severity", "dialect", "cache", "stream"})
FIELDS = "_gatehouse_fields"  # the `extra=` key of a record's `Fields`


class Fields:
    """A record's extra fields, each set apart as it is added (exactly as `scrubbed_line` would:
    `rest` is scrubbed, `inert` written as is), so the formatter walks none of them again. Passed as
    the record's only extra (`extra={FIELDS: fields}`); its keys never repeat the formatter's own."""

    __slots__ = ("inert", "rest")

    def __init__(self) -> None:
        self.rest: dict[str, Any] = {}
        self.inert: dict[str, Any] = {}

    def add(self, key: str, value: Any) -> None:
        """`_inert(key, value)` decides, with the request log's usual shapes answered in line: a
        string, a number or None, and a dict (a stage's record: route, tokens, cost, ledger)."""
        kind = type(value)
        if kind is str:
            if key in _FIXED_KEYS and len(value) <= 16:
                inert = _inert_seen.get((key, value))
                if inert is None:
                    if len(_inert_seen) >= _KEY_MEMO_MAX:
                        _inert_seen.clear()
                    inert = _inert_seen[(key, value)] = _inert(key, value)
            else:
                pattern = _INERT_STRINGS.get(key)
                inert = pattern is not None and pattern.fullmatch(value) is not None
        elif kind in _NUMBER_TYPES:
            inert = _plain_key(key)
        elif kind is dict:
            if _NUMBER_TYPES.issuperset(map(type, value.values())):  # flat numbers (tokens): one pass in C
                inert = _plain_keys(tuple(value)) and _plain_key(key)
            else:
                inert = _record(value) and _plain_key(key)
        else:
            inert = _inert(key, value)
        (self.inert if inert else self.rest)[key] = value

    def text(self, key: str, value: dict[str, Any] | str) -> None:
        """A field that holds text by construction (a string under a key without a fixed shape, or a
        record with a string in it): never set apart, so not checked."""
        self.rest[key] = value

    def numbers(self, key: str, value: dict[str, float]) -> None:
        """A flat record of numbers by construction: set apart when its keys are plain."""
        (self.inert if _plain_key(key) and _plain_keys(tuple(value)) else self.rest)[key] = value


def scrubbed_line(entry: dict[str, Any]) -> str:
    """The JSON line of `entry`, scrubbed. Fields that cannot carry a secret are set apart first:
    numbers (and records of only numbers under plain keys) and the Gatehouse-generated strings of
    `_INERT_STRINGS` in their exact shape. Every other field (the message, paths, user agents, tenant,
    model, annotations, unknown extras, nested or not, and any top-level key that is not plain) is
    serialized as one JSON object and scrubbed whole, as before: key names stay next to their values,
    so "password": "..." is still an assignment. That object is written with a space after each
    structural comma and colon (indented JSON with its structural line breaks turned into spaces), so the
    bare-secret detector sees each field as its own word instead of the whole line as one ~1 KB "word";
    a bare secret cannot contain the quote, comma, colon or bracket a field boundary has, so it finds the
    same secrets. Issue #18 item 2: the request log line always held a 32-hex request id, "tokens" and
    no spaces, which woke the bare- and assigned-secret detectors over the whole line on every request.
    The patterns contain no quote or backslash, so the scrubbed part stays valid JSON."""
    rest: dict[str, Any] = {}
    inert: dict[str, Any] = {}
    for key, value in entry.items():
        (inert if _inert(key, value) else rest)[key] = value
    return _joined(rest, inert)


def _joined(rest: dict[str, Any], inert: dict[str, Any]) -> str:
    """The line of `scrubbed_line`: `rest` scrubbed, then `inert` as is."""
    line = _scrubbed_rest(rest) if rest else ""
    if not inert:
        return line or "{}"
    tail = orjson.dumps(inert).decode()
    return f"{line[:-1].rstrip()}, {tail[1:]}" if line else tail


def log_fields(logger: logging.Logger, message: str, fields: Fields) -> None:
    """`logger.info(message, extra={FIELDS: fields})`: the request log's call. When the record would
    reach only the handler `configure_logging` installed (`_sole_handler`), the line is formatted and
    written here, the same line under the same handler lock, without building the `LogRecord` and
    walking `logging`'s chain for it (~29 K of the line's ~186 K instructions: docs/decisions/
    2026-11-29-performance.md, thirteenth session). Any other configuration (another handler, a
    filter, a level, a record factory, a subclassed logger or handler) takes `logging` as before, so
    whatever is configured sees the same record."""
    handler = _sole_handler(logger)
    if handler is None:
        logger.info(message, extra={FIELDS: fields})
        return
    now = time.time()  # as `LogRecord` takes `created` and `msecs` (CPython 3.11, gh-89047)
    msecs = int((now - int(now)) * 1000) + 0.0
    # as `Handler.handle` runs `StreamHandler.emit`: under the handler's lock, the line formatted inside
    # the `try`, so a field that cannot be written (an integer orjson rejects) or a failed write goes to
    # `handleError`, never into the request
    with handler.lock:  # type: ignore[union-attr]  # a StreamHandler always has its lock
        try:
            line = _fields_text("INFO", now, msecs, message, logger.name, fields, None)
            stream = handler.stream
            stream.write(line + handler.terminator)
            if stream and hasattr(stream, "flush"):  # as `StreamHandler.flush` has it
                stream.flush()
        except RecursionError:
            raise
        except Exception:
            handler.handleError(logger.makeRecord(logger.name, logging.INFO, "", 0, message, (), None))


def _sole_handler(logger: logging.Logger) -> logging.StreamHandler[Any] | None:
    """The handler `configure_logging` installed, if an INFO record of `logger` would reach it and
    nothing else: no filter on the way, no other handler, the standard logger and record classes, and
    that handler unchanged (its own class, level and formatter). Checked per call (a few attribute reads):
    `logging` keeps no version of its configuration to check against."""
    if type(logger) is not logging.Logger or not logger.isEnabledFor(logging.INFO) or logger.disabled:
        return None
    if logging.getLogRecordFactory() is not logging.LogRecord:
        return None
    found: Any = None
    current: Any = logger
    while current is not None:
        if current.filters:
            return None
        for handler in current.handlers:
            if found is not None:
                return None
            found = handler
        if not current.propagate:
            break
        current = current.parent
    if (
        type(found) is not logging.StreamHandler
        or not getattr(found, "_gatehouse", False)
        or found.filters
        or found.level > logging.INFO
        or type(found.formatter) is not JsonFormatter
    ):
        return None
    return found


def configure_logging(level: str = "INFO", stream: Any = None) -> None:
    """Route the root logger to one JSON stream handler (idempotent)."""
    # A record's caller frame, thread and process are never written (JsonFormatter drops every
    # standard attribute), so skip gathering them: logging's own switches for this. Finding the caller
    # walks the stack on every record (~1/4 of a request log's cost before formatting).
    logging._srcfile = None
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
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
