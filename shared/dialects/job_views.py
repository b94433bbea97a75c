"""The documented shapes of the native jobs API's answers (`GET /v1/jobs/{id}`, `GET /v1/jobs`): the
route table names them by reference, so an ingress imports them (and the native dialect) only when
the OpenAPI document is built."""

from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from shared.deferred_model import DeferredModel
from shared.dialects import native

__all__ = ["JobList", "JobView"]


class JobView(DeferredModel):
    model_config = ConfigDict(extra="allow")

    id: str
    object: str = "job"
    state: str = Field(description="queued | running | done | failed | cancelled")
    model: str
    created_at: str
    updated_at: str
    finished_at: str | None
    attempts: int
    metadata: dict[str, str]
    usage: native.Usage | None = None
    result: native.GenerateResponse | None = None
    error: dict[str, Any] | None = None
    callback: dict[str, Any] | None = None


class JobList(DeferredModel):
    model_config = ConfigDict(extra="allow")

    jobs: list[JobView]
    next_page_token: str | None = None
