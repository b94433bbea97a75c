"""Cloud Logging, offline: what Cloud Run makes of a JSON log line, and the query-language subset
that infra/modules/monitoring's log-based metrics use, so a test can run a metric's filter and
extractors against a record the code really logged.

Supported: comparisons joined by `AND` (`=`, `!=`, `=~`, `!~`, `:`, `<`, `<=`, `>`, `>=`), values
quoted or bare, and `EXTRACT(path)` / `REGEXP_EXTRACT(path, "re")`. Anything else (OR, NOT,
parentheses) raises, so a filter this evaluator cannot read fails a test instead of passing it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.infra_hcl import INFRA, locals_of, parse

__all__ = ["entry_from_line", "extract", "matches", "metric_filters"]

# Fields Cloud Logging lifts out of a structured line into the LogEntry; the rest is jsonPayload
# (`message` stays there too: filters read it as jsonPayload.message).
_LIFTED = {
    "severity": "severity",
    "httpRequest": "httpRequest",
    "logging.googleapis.com/trace": "trace",
    "logging.googleapis.com/spanId": "spanId",
    "logging.googleapis.com/labels": "labels",
    "time": "timestamp",
}
_COMPARISON = re.compile(
    r"\s*(?P<field>[A-Za-z_][\w.]*)\s*(?P<op>=~|!~|>=|<=|!=|=|>|<|:)\s*"
    r'(?P<value>"(?:[^"\\]|\\.)*"|[^\s()"]+)\s*'
)
_AND = re.compile(r"AND\s+")
MONITORING = INFRA / "modules" / "monitoring"


def entry_from_line(line: dict[str, Any], service: str) -> dict[str, Any]:
    """The LogEntry a Cloud Run (functions 2nd gen) service writes for one JSON stdout line."""
    entry: dict[str, Any] = {
        "resource": {"type": "cloud_run_revision", "labels": {"service_name": service}},
        "jsonPayload": {},
    }
    for key, value in line.items():
        if key in _LIFTED:
            entry[_LIFTED[key]] = value
        else:
            entry["jsonPayload"][key] = value
    return entry


def _get(entry: dict[str, Any], path: str) -> Any:
    value: Any = entry
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _literal(raw: str) -> str:
    return re.sub(r"\\(.)", r"\1", raw[1:-1]) if raw.startswith('"') else raw


def _compare(actual: Any, op: str, expected: str) -> bool:
    if actual is None or isinstance(actual, dict | list):
        return False
    if op in ("=~", "!~"):
        found = re.search(expected, str(actual)) is not None
        return found if op == "=~" else not found
    if op == ":":
        return expected.lower() in str(actual).lower()
    left: Any = actual
    right: Any = expected
    if isinstance(actual, int | float) and not isinstance(actual, bool):
        try:
            right = float(expected)
        except ValueError:
            left = str(actual)
    else:
        left = str(actual)
    ops = {
        "=": left == right,
        "!=": left != right,
        "<": left < right,
        "<=": left <= right,
        ">": left > right,
        ">=": left >= right,
    }
    return ops[op]


def matches(query: str, entry: dict[str, Any]) -> bool:
    """Whether `entry` (a LogEntry as a dict) matches `query`."""
    position, results = 0, []
    while position < len(query):
        found = _COMPARISON.match(query, position)
        if found is None:
            raise ValueError(f"cannot read the filter at {query[position:]!r}")
        results.append(_compare(_get(entry, found["field"]), found["op"], _literal(found["value"])))
        position = found.end()
        joiner = _AND.match(query, position)
        if joiner is None and position < len(query):
            raise ValueError(f"only AND is supported: {query[position:]!r}")
        position = joiner.end() if joiner else position
    return bool(results) and all(results)


def extract(expression: str, entry: dict[str, Any]) -> Any:
    """The value of a metric's `EXTRACT(...)` or `REGEXP_EXTRACT(..., "re")` for `entry`."""
    plain = re.fullmatch(r"EXTRACT\(([\w.]+)\)", expression)
    if plain:
        return _get(entry, plain[1])
    regexp = re.fullmatch(r'REGEXP_EXTRACT\(([\w.]+),\s*("(?:[^"\\]|\\.)*")\)', expression)
    if regexp is None:
        raise ValueError(f"unsupported extractor {expression!r}")
    value = _get(entry, regexp[1])
    found = re.search(_literal(regexp[2]), str(value)) if value is not None else None
    return found[1] if found else None


def _interpolate(text: str, values: dict[str, str]) -> str:
    def one(found: re.Match[str]) -> str:
        name = found[1]
        if name not in values:
            raise ValueError(f"cannot resolve ${{{name}}}")
        return values[name]

    for _ in range(5):  # locals may refer to locals
        text = re.sub(r"\$\{([\w.]+)\}", one, text)
    return text


def metric_filters(prefix: str, module: Path = MONITORING) -> dict[str, dict[str, Any]]:
    """Each google_logging_metric of the module: its filter (interpolated for `prefix`, unescaped
    as Terraform would) and its extractors."""
    main = module / "main.tf"
    values = {"var.prefix": prefix}
    for name, raw in locals_of(main).items():
        if isinstance(raw, str):
            values[f"local.{name}"] = raw
    metrics: dict[str, dict[str, Any]] = {}
    for entry in parse(main).get("resource", []):
        for name, body in entry.get("google_logging_metric", {}).items():
            metrics[name] = {
                "filter": _unescape(_interpolate(body["filter"], values)),
                "value_extractor": body.get("value_extractor"),
                "label_extractors": {
                    k: _unescape(v) for k, v in (body.get("label_extractors") or {}).items()
                },
            }
    return metrics


def _unescape(text: str) -> str:
    return text.replace('\\"', '"').replace("\\\\", "\\")
