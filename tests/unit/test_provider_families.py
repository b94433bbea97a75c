"""Provider families are built on their first lookup, once (shared/providers/families.py)."""

import pytest

from shared.providers.families import ProviderFamilies
from shared.runtime import Runtime
from shared.settings import Settings


def test_a_family_is_built_on_first_lookup_and_only_once() -> None:
    built: list[str] = []

    def build(name: str) -> object:
        built.append(name)
        return object()

    families = ProviderFamilies({"vertex": lambda: build("vertex"), "openai": lambda: build("openai")})
    assert "openai" in families
    assert "other" not in families
    assert len(families) == 2
    assert built == []  # membership and size build nothing
    first = families["vertex"]
    assert families["vertex"] is first
    assert built == ["vertex"]
    assert families.built() == {"vertex"}
    with pytest.raises(KeyError):
        families["other"]


def test_the_runtime_builds_the_family_a_target_names() -> None:
    providers = Runtime(Settings(project="p", upstream_token="t")).providers
    assert sorted(providers) == ["openai", "vertex", "vertex-endpoint"]
    assert type(providers["openai"]).__name__ == "OpenAICompatible"
    assert type(providers["vertex-endpoint"]).__name__ == "VertexEndpoint"
    assert type(providers["vertex"]).__name__ == "VertexGemini"
