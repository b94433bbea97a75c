"""A tenant's models (catalog models it may call, plus its aliases) in each surface's list shape.

Developer API `models.list/get` (`{"models": [...]}`, `models/{id}`), Vertex AI publisher models
(`{"publisherModels": [...]}`, `publishers/google/models/{id}`) and OpenAI (`{"object": "list"}`).
An alias is shown under its own name with the facts of its plan's first target.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from typing import Any

from pydantic import ConfigDict, Field

from shared.catalog.catalog import ModelCatalog, ModelInfo
from shared.deferred_model import DeferredModel
from shared.errors import InvalidRequest, NotFound
from shared.tenants import Tenant

__all__ = [
    "DeveloperModel",
    "DeveloperModelList",
    "Listed",
    "OpenAIModel",
    "OpenAIModelList",
    "PublisherModel",
    "PublisherModelList",
    "developer",
    "find",
    "listed",
    "openai",
    "page",
    "publisher",
]


@dataclass(frozen=True, slots=True)
class Listed:
    id: str
    info: ModelInfo | None
    alias_of: str | None = None  # the plan an alias names


def listed(tenant: Tenant, catalog: ModelCatalog) -> list[Listed]:
    out = [Listed(info.id, info) for info in catalog if tenant.allows_model(info.id)]
    for alias, plan_name in sorted(tenant.routing.aliases.items()):
        plan = tenant.routing.plans[plan_name]
        out.append(Listed(alias, catalog.get(plan.targets[0].model), plan_name))
    return out


def find(tenant: Tenant, catalog: ModelCatalog, model: str) -> Listed:
    name = model.rsplit("/", 1)[-1]
    items = listed(tenant, catalog)
    for item in items:
        if item.id == name:
            return item
    info = catalog.get(name)  # a versioned id (`-001`) of a listed model
    for item in items:
        if info is not None and item.id == info.id and not item.alias_of:
            return item
    raise NotFound(f"model `{name}` is not found or not enabled for this tenant")


def page(items: list[Listed], size: str | None, token: str | None) -> tuple[list[Listed], str | None]:
    """An offset page; the token is opaque to callers."""
    try:
        count = min(1000, max(1, int(size))) if size else 50
        start = int(base64.urlsafe_b64decode(token.encode()).decode()) if token else 0
    except ValueError:
        raise InvalidRequest("pageSize must be a number and pageToken one this API returned") from None
    end = start + count
    following = base64.urlsafe_b64encode(str(end).encode()).decode() if end < len(items) else None
    return items[start:end], following


# -- Gemini Developer API --------------------------------------------------------------------------
class DeveloperModel(DeferredModel):
    model_config = ConfigDict(extra="allow")

    name: str = Field(description="`models/{id}`")
    base_model_id: str | None = Field(None, alias="baseModelId")
    version: str
    display_name: str = Field(alias="displayName")
    description: str = ""
    input_token_limit: int | None = Field(None, alias="inputTokenLimit")
    output_token_limit: int | None = Field(None, alias="outputTokenLimit")
    supported_generation_methods: list[str] = Field(alias="supportedGenerationMethods")
    thinking: bool | None = None


class DeveloperModelList(DeferredModel):
    models: list[DeveloperModel]
    next_page_token: str | None = Field(None, alias="nextPageToken")


def developer(item: Listed) -> dict[str, Any]:
    info = item.info
    out: dict[str, Any] = {
        "name": f"models/{item.id}",
        "baseModelId": info.id if info else item.id,
        "version": "001",
        "displayName": info.display_name if info and not item.alias_of else item.id,
        "description": (info.description if info else "")
        + (f" (Gatehouse alias for route plan `{item.alias_of}`)" if item.alias_of else ""),
        "supportedGenerationMethods": list(info.methods if info else ("generateContent",)),
    }
    if info:
        out["inputTokenLimit"] = info.context_window
        if info.max_output_tokens:
            out["outputTokenLimit"] = info.max_output_tokens
        if info.kind == "generate":
            out["thinking"] = info.thinking
    return out


# -- Vertex AI publisher models --------------------------------------------------------------------
class PublisherModel(DeferredModel):
    model_config = ConfigDict(extra="allow")

    name: str = Field(description="`publishers/google/models/{id}`")
    version_id: str = Field(alias="versionId")
    open_source_category: str = Field(alias="openSourceCategory")
    launch_stage: str = Field(alias="launchStage")


class PublisherModelList(DeferredModel):
    publisher_models: list[PublisherModel] = Field(alias="publisherModels")
    next_page_token: str | None = Field(None, alias="nextPageToken")


def publisher(item: Listed) -> dict[str, Any]:
    base = developer(item)
    return {
        "name": f"publishers/google/models/{item.id}",
        "versionId": "default",
        "openSourceCategory": "PROPRIETARY",
        "launchStage": "GA",
        "displayName": base["displayName"],
        "description": base["description"],
        **({"inputTokenLimit": base["inputTokenLimit"]} if "inputTokenLimit" in base else {}),
    }


# -- OpenAI ----------------------------------------------------------------------------------------
class OpenAIModel(DeferredModel):
    id: str
    object: str = "model"
    created: int
    owned_by: str


class OpenAIModelList(DeferredModel):
    object: str = "list"
    data: list[OpenAIModel]


def openai(item: Listed) -> dict[str, Any]:
    return {
        "id": item.id,
        "object": "model",
        "created": item.info.created if item.info else 0,
        "owned_by": "gatehouse" if item.alias_of else "google",
    }
