"""The Vertex AI embedder with a fake google-genai client: model, dimension, unit length."""

from __future__ import annotations

import math
from types import SimpleNamespace
from typing import Any

import pytest

from shared.cache.embeddings import EMBEDDING_MODELS, LocalEmbedder, VertexEmbedder, make_embedder


class FakeModels:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    async def embed_content(self, *, model: str, contents: str, config: Any) -> Any:
        self.calls.append({"model": model, "contents": contents, "config": config})
        return SimpleNamespace(embeddings=[SimpleNamespace(values=[3.0, 4.0])])


async def test_vertex_embedder_asks_for_the_configured_model_and_dimension() -> None:
    models = FakeModels()
    client = SimpleNamespace(aio=SimpleNamespace(models=models))
    embedder = VertexEmbedder("p", "europe-west4", "text-embedding-005", 2, client=client)
    vector = await embedder.embed("hello")
    assert vector == [0.6, 0.8]
    assert math.isclose(sum(x * x for x in vector), 1.0)
    call = models.calls[0]
    assert call["model"] == "text-embedding-005"
    assert call["contents"] == "hello"
    assert call["config"].output_dimensionality == 2


def test_local_provider_uses_the_bundled_model_unless_given_a_directory(tmp_path: Any) -> None:
    local = make_embedder("local", project="p", location="l", model="text-embedding-005")
    assert isinstance(local, LocalEmbedder)
    assert local._path is None  # the bundled weights, not a hub name
    assert local.dimension == EMBEDDING_MODELS["local-minilm"].dimension
    assert make_embedder("local", project="p", location="l", model=str(tmp_path))._path == str(tmp_path)


def test_vertex_provider_takes_its_dimension_from_the_model_table() -> None:
    vertex = make_embedder("vertex", project="p", location="l", model="text-embedding-005")
    assert isinstance(vertex, VertexEmbedder)
    assert vertex.dimension == EMBEDDING_MODELS["text-embedding-005"].dimension == 768
    with pytest.raises(ValueError, match="not in EMBEDDING_MODELS"):
        make_embedder("vertex", project="p", location="l", model="m")
