"""Profiles and tenant policy settings: validated when a Tenant is built (so at save time)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.policy.profiles import Action, PolicySettings
from shared.tenants import Tenant


def test_default_tenant_policy_is_standard() -> None:
    tenant = Tenant(id="acme")
    assert tenant.policy.resolved.name == "standard"
    assert tenant.policy.resolved.action("EMAIL") is Action.REDACT
    assert tenant.policy.resolved.action("IP_ADDRESS") is Action.ALLOW
    assert tenant.policy.injection_action == "block"


def test_custom_profile_overrides_its_base_and_round_trips_through_storage() -> None:
    tenant = Tenant.model_validate(
        {
            "id": "acme",
            "policy": {"profile": {"name": "ops", "base": "strict", "actions": {"EMAIL": "allow"}}},
        }
    )
    profile = tenant.policy.resolved
    assert (profile.name, profile.action("EMAIL"), profile.action("JWT")) == (
        "ops",
        Action.ALLOW,
        Action.BLOCK,
    )
    stored = tenant.model_dump(mode="json")
    assert Tenant.model_validate(stored).policy.resolved == profile


@pytest.mark.parametrize(
    ("policy", "where"),
    [
        ({"profile": "lax"}, "profile"),
        ({"profile": {"actions": {"EMIAL": "redact"}}}, "EMIAL"),
        ({"profile": {"actions": {"EMAIL": "delete"}}}, "EMAIL"),
        ({"profile": {"output": {"JWT": "redact"}}}, "JWT"),  # answers can be masked, not pseudonymized
        ({"profile": {"base": "paranoid"}}, "base"),
        ({"injection_threshold": 1.5}, "injection_threshold"),
        ({"injection_action": "warn"}, "injection_action"),
        ({"model_armor": {"prompt_template_name": "my-template"}}, "prompt_template_name"),
        ({"profle": "strict"}, "profle"),  # a typo must not silently fall back to the default
    ],
)
def test_malformed_policy_is_rejected_when_the_tenant_is_built(policy: dict[str, object], where: str) -> None:
    with pytest.raises(ValidationError) as error:
        Tenant.model_validate({"id": "acme", "policy": policy})
    assert where in str(error.value)


def test_model_armor_settings_become_the_request_config() -> None:
    settings = PolicySettings(
        model_armor={"prompt_template_name": "projects/p/locations/us-central1/templates/t1"}  # type: ignore[arg-type]
    )
    assert settings.model_armor is not None
    assert settings.model_armor.config() == {
        "promptTemplateName": "projects/p/locations/us-central1/templates/t1"
    }


def test_resolved_profile_and_hosts_stay_out_of_dumps_equality_and_hashing() -> None:
    """They are kept as plain instance attributes (cheap to read per request), not fields."""
    a = PolicySettings(profile="strict", link_allow_hosts=("example.com",))
    b = PolicySettings.model_validate(a.model_dump(mode="json"))
    assert a.resolved == b.resolved
    assert a.resolved != PolicySettings(profile="off").resolved
    assert a.allowed_hosts == frozenset({"example.com"})
    assert a == b
    assert hash(a) == hash(b)
    assert set(a.model_dump()) == set(PolicySettings.model_fields)
    assert "resolved" not in a.model_dump_json()
