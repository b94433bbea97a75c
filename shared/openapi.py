"""The OpenAPI 3.1 document of the ingress, generated from the route table and its pydantic models.

Nothing here is written by hand per route: paths, parameters, request and response schemas come
from `shared.route_table.ROUTES`, so a route cannot exist without its spec entry (a unit test
checks the document against the table, and schemathesis checks the live service against both).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from shared.dialects import gemini, openai
from shared.routes import PARAM_PATTERNS, Route, model

__all__ = ["build_document"]

_ERRORS = {"gemini": gemini.ErrorResponse, "native": gemini.ErrorResponse, "openai": openai.ErrorResponse}
_ERROR_STATUSES = ("400", "401", "403", "404", "405", "409", "413", "429", "431", "500", "502", "503", "504")
_QUERY = {
    "alt": {"type": "string", "enum": ["sse", "json"]},
    "pageSize": {"type": "string", "pattern": r"^[0-9]{1,4}$"},
    "pageToken": {"type": "string", "maxLength": 64},
    "page_size": {"type": "string", "pattern": r"^[0-9]{1,4}$"},
    "page_token": {"type": "string", "maxLength": 256},
}
# functions-framework routes every path through Starlette's `/{path:path}`, whose `.*` does not match
# a line feed: a path with an encoded `\n` gets Starlette's own plain-text 404, never reaching Gatehouse.
_NOT_ROUTED: dict[str, Any] = {
    "description": "Not found. A path the framework cannot route (an encoded line feed) is a "
    "plain-text 404 from the framework itself.",
    "content": {"text/plain": {"schema": {"type": "string"}}},
}
_SECURITY: list[dict[str, list[str]]] = [{"apiKeyHeader": []}, {"bearer": []}, {"apiKeyQuery": []}]


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


Mode = Literal["validation", "serialization"]
Schemas = dict[tuple[type[BaseModel], Mode], Any]


def _schemas(routes: Iterable[Route]) -> tuple[Schemas, dict[str, Any]]:
    wanted: set[tuple[type[BaseModel], Mode]] = {(m, "serialization") for m in _ERRORS.values()}
    for route in routes:
        if route.request is not None:
            wanted.add((model(route.request), "validation"))
        if route.response is not None:
            wanted.add((model(route.response), "serialization"))
    ordered = sorted(wanted, key=lambda pair: (pair[0].__module__, pair[0].__qualname__, pair[1]))
    mapping, definitions = models_json_schema(ordered, ref_template="#/components/schemas/{model}")
    return dict(mapping), definitions.get("$defs", {})  # type: ignore[arg-type]


def _parameters(route: Route) -> list[dict[str, Any]]:
    out = []
    for name in route.params:
        if name == "version":
            schema: dict[str, Any] = {"type": "string", "enum": list(route.versions)}
        else:
            schema = {"type": "string", "pattern": f"^{PARAM_PATTERNS.get(name, '[^/:]+')}$"}
        parameter = {"name": name, "in": "path", "required": True, "schema": schema}
        example = _example(route, name)
        if example is not None:
            parameter["example"] = example
        out.append(parameter)
    for name in route.query:
        out.append({"name": name, "in": "query", "required": False, "schema": _QUERY[name]})
    return out


def _example(route: Route, name: str) -> str | None:
    """A value that reaches the happy path (so answers, not only refusals, are checked)."""
    embedding = "embed" in route.handler or "predict" in route.handler
    return {
        "model": "text-embedding-005" if embedding else "gemini-2.5-flash",
        "model_id": "gemini-2.5-flash",
        "project": "demo-project",
        "location": "us-central1",
    }.get(name)


def _operation(route: Route, mapping: Schemas) -> dict[str, Any]:
    operation: dict[str, Any] = {
        "operationId": route.operation_id,
        "summary": route.summary,
        "tags": list(route.tags),
        "parameters": _parameters(route),
    }
    if route.request is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": mapping[(model(route.request), "validation")]}},
        }
    answer: dict[str, Any] = {}
    if route.response is not None:
        schema = mapping[(model(route.response), "serialization")]
        if route.handler == "gemini_stream":  # without alt=sse: one JSON array of chunks
            schema = {"type": "array", "items": schema}
        answer["application/json"] = {"schema": schema}
    if route.stream:
        answer["text/event-stream"] = {"schema": {"type": "string"}}
    responses: dict[str, Any] = {str(route.status): {"description": "Success", "content": answer}}
    if route.handler == "native_generate":
        responses["202"] = {
            "description": "Enqueued (`async: true`)",
            "content": {"application/json": {"schema": {"type": "object"}}},
        }
    error: dict[str, Any] = {
        "description": "An error in this surface's shape",
        "content": {"application/json": {"schema": mapping[(_ERRORS[route.dialect], "serialization")]}},
    }
    for status in _ERROR_STATUSES:
        if route.auth or status not in ("401", "403"):
            responses.setdefault(status, error)
    responses["404"] = _NOT_ROUTED | {"content": {**error["content"], **_NOT_ROUTED["content"]}}
    operation["responses"] = responses
    operation["security"] = _SECURITY if route.auth else []
    return operation


def build_document(routes: Iterable[Route], version: str = "1") -> dict[str, Any]:
    routes = list(routes)
    mapping, definitions = _schemas(routes)
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        paths.setdefault(route.template, {})[route.method.lower()] = _operation(route, mapping)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Gatehouse ingress",
            "version": version,
            "description": "Gemini REST (Developer API and Vertex AI paths), OpenAI-compatible and "
            "native surfaces in front of Gemini on Vertex AI. Generated from the route table.",
        },
        "paths": paths,
        "components": {
            "schemas": definitions,
            "securitySchemes": {
                "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "x-goog-api-key"},
                "bearer": {"type": "http", "scheme": "bearer"},
                "apiKeyQuery": {"type": "apiKey", "in": "query", "name": "key"},
            },
        },
    }
