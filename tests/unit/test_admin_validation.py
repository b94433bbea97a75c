"""Admin input is strict (unknown fields rejected at any depth, 400 naming the field); stored data is not."""

import pytest

from shared.admin.validation import merge_patch, unknown_fields, validate_strict
from shared.errors import InvalidRequest
from shared.tenants import SERVER_FIELDS, Tenant


def _field(data: dict) -> str | None:  # type: ignore[type-arg]
    with pytest.raises(InvalidRequest) as error:
        validate_strict(Tenant, data, server_fields=SERVER_FIELDS - {"id"})
    return error.value.field


def test_unknown_fields_are_found_at_any_depth() -> None:
    data = {
        "id": "a",
        "cache": {"ttl": 3},
        "routing": {"plans": {"p": {"targets": [{"model": "m", "region": "r", "regoin": "x"}]}}},
        "policy": {"profile": {"base": "strict", "actionz": {}}},
        "callbacks": {"allowed_host": ["x"]},
    }
    assert unknown_fields(Tenant, data) == [
        "cache.ttl",
        "routing.plans.p.targets[0].regoin",
        "policy.profile.actionz",
        "callbacks.allowed_host",
    ]


def test_misspelt_field_is_400_naming_it_but_stored_data_stays_lenient() -> None:
    assert _field({"id": "a", "cache": {"ttl": 60}}) == "cache.ttl"
    assert Tenant.model_validate({"id": "a", "cache": {"ttl": 60, "future_field": 1}}).cache.ttl_s is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"id": "a", "cache": {"ttl_s": -1}}, "cache.ttl_s"),
        ({"id": "a", "policy": {"profile": "nope"}}, "policy.profile"),
        ({"id": "A B"}, "id"),
        ({"id": "a", "routing": {"plans": {"p": {"targets": [{"model": "m", "region": "R!"}]}}}},
         "routing.plans.p.targets[0].region"),
        ({"id": "a", "revision": 7}, "revision"),
        ({"id": "a", "cache": {"generation": 3}}, "cache.generation"),
    ],
)  # fmt: skip
def test_invalid_values_name_the_field(data: dict, field: str) -> None:  # type: ignore[type-arg]
    assert _field(data) == field


def test_merge_patch_merges_objects_and_null_resets() -> None:
    stored = {"name": "x", "cache": {"enabled": True, "ttl_s": 60}, "allowed_models": ["a"]}
    patch = {"cache": {"ttl_s": None, "semantic": True}, "allowed_models": ["b"]}
    assert merge_patch(stored, patch) == {
        "name": "x",
        "cache": {"enabled": True, "semantic": True},
        "allowed_models": ["b"],
    }


def test_purge_generation_changes_cache_keys_only_for_what_was_purged() -> None:
    from shared.cache.config import CacheSettings
    from shared.cache.key import request_key

    body = {"contents": [{"role": "user", "parts": [{"text": "hi"}]}]}
    base = request_key("t", "m", body)
    assert request_key("t", "m", body, 0) == base  # no purge yet: keys unchanged
    assert request_key("t", "m", body, 1).exact != base.exact
    assert request_key("t", "m", body, 1).scope != base.scope
    settings = CacheSettings(generation=1, model_generations={"m": 2})
    assert settings.generation_for("m") == 3
    assert settings.generation_for("other") == 1


def test_every_concerns_sub_model_is_walked_without_extra_forbid() -> None:
    """Other issues' fields (limits, model access, ...) are strict on input with no code of their own."""
    data = {
        "id": "a",
        "limits": {"tenant": {"requests_per_minut": 5}},
        "models": {"allow_unknown_model": True},
        "callbacks": {"url": "https://example.com/h", "alowed_hosts": []},
    }
    assert unknown_fields(Tenant, data) == [
        "limits.tenant.requests_per_minut",
        "models.allow_unknown_model",
        "callbacks.alowed_hosts",
    ]
