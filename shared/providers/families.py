"""`ProviderFamilies`: the provider families by name, each built (and its module imported) on first use.

An instance's first request normally goes to Vertex AI; the OpenAI-compatible and Vertex endpoint
families (and their chat translation modules) are imported when a route first names them, not at
cold start (docs/decisions/2026-11-29-performance.md, section 4).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from shared.providers.base import Provider

__all__ = ["ProviderFamilies"]


class ProviderFamilies(Mapping[str, Provider]):
    """A read-only mapping of family name -> provider; `build[name]()` runs once, on the first lookup."""

    def __init__(self, build: Mapping[str, Callable[[], Provider]]) -> None:
        self._build = dict(build)
        self._built: dict[str, Provider] = {}

    def __getitem__(self, name: str) -> Provider:
        provider = self._built.get(name)
        if provider is None:
            provider = self._built[name] = self._build[name]()  # KeyError for an unknown family
        return provider

    def __contains__(self, name: object) -> bool:
        return name in self._build  # without building it

    def __iter__(self) -> Iterator[str]:
        return iter(self._build)

    def __len__(self) -> int:
        return len(self._build)

    def built(self) -> frozenset[str]:
        """The families built so far."""
        return frozenset(self._built)
