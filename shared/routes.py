"""The ingress route table: one declaration drives dispatch, 405 answers and the OpenAPI document.

A `Route` is a method plus an OpenAPI path template (`/{version}/models/{model}:generateContent`);
its regex is compiled from the template, so what is routed and what is documented cannot drift.
A path that matches some route with another method is a 405 carrying `Allow`; no match is a 404.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from shared import lazy_re as re  # compiled on first use: cold start
from shared.errors import MethodNotAllowed, NotFound

__all__ = ["PARAM_PATTERNS", "Route", "RouteTable", "dialect_for_path", "model"]

MODEL_PATTERN = r"[A-Za-z0-9._@-]{1,128}"
PARAM_PATTERNS: dict[str, str] = {
    "model": MODEL_PATTERN,
    "model_id": MODEL_PATTERN,
    "job_id": r"[A-Za-z0-9_-]{1,128}",
    "project": r"[A-Za-z0-9._-]{1,128}",
    "location": r"[a-z0-9-]{1,64}",
}
_PARAM = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True, slots=True)
class Route:
    """One (method, path) the ingress serves, with what its OpenAPI entry needs.

    `handler` names the Gateway method that serves it; `versions` (when the template has
    `{version}`) are the API versions accepted there; `request`/`response` are pydantic models or
    "module:Name" references to one (`model()`; None: no body / a free-form body); `stream` adds a
    `text/event-stream` 200 answer.
    """

    method: str
    template: str
    handler: str
    dialect: str
    operation_id: str
    summary: str
    request: Any = None
    response: Any = None
    stream: bool = False
    auth: bool = True
    status: int = 200
    versions: tuple[str, ...] = ()
    query: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        pattern, last = "", 0
        for found in _PARAM.finditer(self.template):
            pattern += re.escape(self.template[last : found.start()]) + self._group(found.group(1))
            last = found.end()
        pattern += re.escape(self.template[last:])
        object.__setattr__(self, "regex", re.compile(f"^{pattern}$"))

    def _group(self, name: str) -> str:
        if name == "version":
            return "(?P<version>" + "|".join(re.escape(v) for v in self.versions) + ")"
        return f"(?P<{name}>{PARAM_PATTERNS.get(name, '[^/:]+')})"

    @property
    def params(self) -> list[str]:
        return _PARAM.findall(self.template)


def model(ref: Any) -> Any:
    """A route's request or response model: `ref` itself, or the class a "module:Name" names."""
    if isinstance(ref, str):
        module, _, name = ref.partition(":")
        return getattr(import_module(module), name)
    return ref


class RouteTable:
    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes: tuple[Route, ...] = tuple(routes)
        keys = [(r.method, r.template) for r in self.routes]
        if len(keys) != len(set(keys)):
            raise ValueError("duplicate route")
        # Index by the shape of the last path segment (`:action`, a literal, or a parameter), so a
        # request tries a handful of regexes, not all of them (37 routes: ~40 -> ~10 us per match).
        self._index: dict[str, tuple[Route, ...]] = {}
        for route in self.routes:
            key = _template_key(route.template.rsplit("/", 1)[-1])
            self._index[key] = (*self._index.get(key, ()), route)

    def _candidates(self, path: str) -> tuple[Route, ...]:
        last = path.rsplit("/", 1)[-1]
        if ":" in last:  # no parameter pattern admits `:`, so only `{x}:action` routes can match
            return self._index.get(":" + last.rsplit(":", 1)[-1], ())
        return self._index.get(last, ()) + self._index.get("{}", ())

    def match(self, method: str, path: str) -> tuple[Route, Mapping[str, str]]:
        """The route and its path parameters; NotFound, or MethodNotAllowed with `Allow`."""
        allowed: list[str] = []
        for route in self._candidates(path):
            found = route.regex.match(path)
            if found is None:
                continue
            if route.method == method or (method == "HEAD" and route.method == "GET"):
                return route, found.groupdict()
            allowed.append(route.method)
        if allowed:
            if "GET" in allowed:
                allowed.append("HEAD")
            raise MethodNotAllowed(method, path, sorted(set(allowed)))
        raise NotFound(f"no route for {method} {path}")


def _template_key(segment: str) -> str:
    """`{model}:generateContent` -> `:generateContent`; `models` -> `models`; `{job_id}` -> `{}`."""
    if ":" in segment:
        return ":" + segment.rsplit(":", 1)[-1]
    return "{}" if "{" in segment else segment


def dialect_for_path(path: str) -> str:
    """The error shape for a request no route claimed (yet): OpenAI's under its base URLs."""
    if path.startswith(("/openai/", "/v1beta/openai/")):
        return "openai"
    if path in ("/v1/generate", "/v1/routing/breakers") or path.startswith("/v1/jobs"):
        return "native"
    return "gemini"
