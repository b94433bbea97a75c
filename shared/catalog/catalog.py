"""One catalog of model facts, shared by validation, routing, accounting and models.list.

Facts (context window, output limit, modalities, embedding dimensions) come from a versioned data
file beside this module; prices are never copied here: `price()` reads the price table. Aliases are
not models: they stay tenant routing configuration (`routing.aliases`).

A model id is looked up as sent, then without a `models/` or `publishers/google/models/` prefix,
then without a version suffix (`-001`, `-latest`), as the price table does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field

from shared.cost.prices import ModelPrice, PriceTable

__all__ = ["DEFAULT_CATALOG", "ModelAccessSettings", "ModelCatalog", "ModelInfo"]

DEFAULT_CATALOG = Path(__file__).with_name("models.json")
_VERSION_SUFFIX = re.compile(r"-(\d{3}|latest)$")


class ModelAccessSettings(BaseModel):
    """A tenant's stance on models outside the catalog (the `models` tenant field)."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    allow_unknown_models: bool = Field(
        False,
        description="Forward model ids the catalog does not know (a new preview, a tuned model) "
        "instead of refusing them with 404 NOT_FOUND; they are accounted as unpriced.",
    )


class ModelInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[A-Za-z0-9._@-]{1,128}$")
    kind: Literal["generate", "embed"]
    display_name: str
    description: str = ""
    created: int = Field(ge=0, description="Release date, Unix seconds (OpenAI's `created`).")
    context_window: int = Field(ge=1, description="Input tokens the model accepts.")
    max_output_tokens: int | None = Field(None, ge=1)
    thinking: bool = False
    input_modalities: tuple[str, ...] = ("text",)
    output_modalities: tuple[str, ...] = ("text",)
    embedding_dimensions: int | None = Field(None, ge=1, le=8192, description="Default vector size.")
    max_embedding_dimensions: int | None = Field(None, ge=1, le=8192)

    @property
    def methods(self) -> tuple[str, ...]:
        """Gemini API methods the model serves (Developer API `supportedGenerationMethods`)."""
        if self.kind == "embed":
            return ("embedContent", "batchEmbedContents")
        return ("generateContent", "streamGenerateContent", "countTokens")


class _File(BaseModel):
    version: str
    notes: str = ""
    models: dict[str, dict[str, object]]


class ModelCatalog:
    def __init__(self, models: dict[str, ModelInfo], prices: PriceTable, version: str = "") -> None:
        self._models = models
        self._prices = prices
        self.version = version

    @classmethod
    def load(cls, prices: PriceTable, path: Path = DEFAULT_CATALOG) -> ModelCatalog:
        data = _File.model_validate(orjson.loads(path.read_bytes()))
        models = {name: ModelInfo.model_validate({**f, "id": name}) for name, f in data.models.items()}
        return cls(models, prices, data.version)

    def __iter__(self) -> Iterator[ModelInfo]:
        return iter(self._models.values())

    def get(self, model: str) -> ModelInfo | None:
        name = model.rsplit("/", 1)[-1]
        return self._models.get(name) or self._models.get(_VERSION_SUFFIX.sub("", name))

    def price(self, model: str) -> ModelPrice | None:
        return self._prices.price(model)

    def context_window(self, model: str) -> int | None:
        info = self.get(model)
        return info.context_window if info else None
