"""`DeferredModel`: a pydantic model whose schema and validator are built on first use, not at import.

Building a model's validator costs CPU at class creation; an ingress defines ~115 models and its
first request uses a few of them (the Gemini request, the tenant, the settings). Pydantic model
building was ~16% of the cold start's profile (docs/decisions/2026-11-29-performance.md). The other
surfaces' request and response models (OpenAI, embeddings, the native API, model lists, jobs, the
OpenAPI document's) derive from this, so each is built when first validated, dumped or described.
Behaviour is unchanged: pydantic builds the same validator then (`defer_build`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["DeferredModel"]


class DeferredModel(BaseModel):
    model_config = ConfigDict(defer_build=True)  # subclasses' own configs merge with this
