"""Route plans: tenant validation (aliases, rules, residency) and plan resolution."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.errors import PermissionDenied
from shared.routing.router import PlanRouter
from shared.tenants import Tenant
from tests.unit.resilience_helpers import make_call

PLANS = {
    "cheap": {
        "targets": [
            {
                "provider": "openai",
                "model": "llama",
                "region": "europe-west4",
                "endpoint": "https://vllm.internal/v1",
            }
        ]
    },
    "smart": {
        "targets": [
            {"model": "gemini-2.5-pro", "region": "europe-west4"},
            {"model": "gemini-2.5-pro", "region": "europe-west1"},
        ]
    },
}


def test_default_routing_reproduces_a_single_vertex_target() -> None:
    tenant = Tenant(id="t", region="europe-west1")
    targets = PlanRouter("us-central1").plan(make_call(tenant, "gemini-2.5-flash"))
    assert [(t.provider, t.model, t.region) for t in targets] == [
        ("vertex", "gemini-2.5-flash", "europe-west1")
    ]
    assert PlanRouter("us-central1").plan(make_call(Tenant(id="u")))[0].region == "us-central1"


def test_unknown_alias_plan_is_rejected_at_configuration() -> None:
    with pytest.raises(ValidationError, match="alias `fast` names unknown plan `nope`"):
        Tenant(id="t", routing={"plans": PLANS, "aliases": {"fast": "nope"}})


def test_rule_naming_unknown_plan_is_rejected() -> None:
    with pytest.raises(ValidationError, match=r"rules\[0\] names unknown plan"):
        Tenant(id="t", routing={"plans": PLANS, "rules": [{"tag": "batch", "plan": "gone"}]})


def test_plan_outside_residency_is_rejected() -> None:
    with pytest.raises(ValidationError, match="region `europe-west1` outside the tenant's allowed regions"):
        Tenant(id="t", routing={"plans": PLANS, "allowed_regions": ["europe-west4"]})


def test_tenant_region_outside_residency_is_rejected() -> None:
    with pytest.raises(ValidationError, match=r"outside routing\.allowed_regions"):
        Tenant(id="t", region="us-central1", routing={"allowed_regions": ["europe-west4"]})


def test_non_vertex_target_needs_an_endpoint() -> None:
    with pytest.raises(ValidationError, match="needs `endpoint`"):
        Tenant(
            id="t",
            routing={"plans": {"p": {"targets": [{"provider": "openai", "model": "m", "region": "x"}]}}},
        )


def test_saved_tenant_round_trips_through_its_stored_shape() -> None:
    tenant = Tenant(id="t", routing={"plans": PLANS, "aliases": {"fast": "cheap"}, "hedging": True})
    assert Tenant.model_validate(tenant.model_dump(mode="json")) == tenant


def test_alias_then_rule_by_tag_then_by_size() -> None:
    tenant = Tenant(
        id="t",
        routing={
            "plans": PLANS,
            "aliases": {"fast": "cheap"},
            "rules": [{"tag": "batch", "plan": "cheap"}, {"min_chars": 1000, "plan": "smart"}],
        },
    )
    router = PlanRouter("us-central1")
    assert router.plan(make_call(tenant, "fast"))[0].model == "llama"
    assert router.plan(make_call(tenant, "gemini-2.5-flash", tag="batch"))[0].model == "llama"
    assert router.plan(make_call(tenant, "gemini-2.5-flash", text="x" * 2000))[0].model == "gemini-2.5-pro"
    assert router.plan(make_call(tenant, "gemini-2.5-flash"))[0].model == "gemini-2.5-flash"


def test_weighted_plan_picks_the_first_target_by_weight() -> None:
    plan = {
        "strategy": "weighted",
        "targets": [{"model": "m", "region": "a", "weight": 1}, {"model": "m", "region": "b", "weight": 3}],
    }
    tenant = Tenant(id="t", routing={"plans": {"p": plan}, "aliases": {"x": "p"}})
    assert [t.region for t in PlanRouter("r", rand=lambda: 0.1).plan(make_call(tenant, "x"))] == ["a", "b"]
    assert [t.region for t in PlanRouter("r", rand=lambda: 0.5).plan(make_call(tenant, "x"))] == ["b", "a"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ({"provider": "openai", "model": "m", "region": "x", "endpoint": "https://h/v1",
          "api_key_secret": "gatehouse-api-key-pepper"}, "api_key_secret"),
        ({"provider": "vertex-endpoint", "model": "m", "region": "x", "endpoint": "../../x"}, "endpoint id"),
        ({"model": "m", "region": "x", "api_key_secret": "gatehouse-provider-k"}, "openai provider only"),
        ({"model": "m", "region": "Not A Region"}, "region"),
    ],
)  # fmt: skip
def test_targets_cannot_send_other_secrets_or_inject_paths(target: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError, match=message):
        Tenant(id="t", routing={"plans": {"p": {"targets": [target]}}})


def test_a_targets_name_is_built_once_and_stays_out_of_equality_and_repr() -> None:
    """`Target.name` is a field set at construction (read ~10 times per call), not a property: the
    same `provider:model@region` after `dataclasses.replace`, never compared, hashed or shown."""
    import dataclasses

    from shared.providers.base import Target

    target = Target("vertex", "gemini-2.5-flash", "us-central1", endpoint="e")
    assert target.name == "vertex:gemini-2.5-flash@us-central1"
    assert dataclasses.replace(target, region="europe-west4").name == "vertex:gemini-2.5-flash@europe-west4"
    assert target == Target("vertex", "gemini-2.5-flash", "us-central1", endpoint="e")
    assert hash(target) == hash(Target("vertex", "gemini-2.5-flash", "us-central1", endpoint="e"))
    assert "name=" not in repr(target)
    with pytest.raises(dataclasses.FrozenInstanceError):
        target.name = "other"  # type: ignore[misc]


def test_a_direct_target_is_built_once_per_tenant_and_model_and_equals_a_fresh_routers() -> None:
    """The candidate of a call no plan serves is kept per tenant object and model: the same as a new
    router builds, for every tenant, model and region; a reloaded tenant (a new object with another
    region) is never answered from the old one's entry; a residency refusal still refuses."""
    from shared.catalog.catalog import ModelCatalog
    from shared.cost.prices import PriceTable

    catalog = ModelCatalog.load(PriceTable.load())
    router = PlanRouter("us-central1", catalog=catalog)
    tenants = [
        Tenant(id="a"),
        Tenant(id="b", region="europe-west1"),
        Tenant(id="c", routing={"plans": PLANS, "aliases": {"fast": "cheap"}}),
    ]
    for _ in range(2):  # the second pass is answered from the entries
        for tenant in tenants:
            for model in ("gemini-2.5-flash", "gemini-2.5-pro", "no-such-model"):
                cached = router.candidates(make_call(tenant, model))
                fresh = PlanRouter("us-central1", catalog=catalog).candidates(make_call(tenant, model))
                assert cached == fresh
                assert cached[0].context_window == catalog.context_window(model)
    first = router.candidates(make_call(tenants[0]))
    assert router.candidates(make_call(tenants[0]))[0] is first[0]  # built once
    moved = Tenant(id="a", region="europe-west4")
    assert router.candidates(make_call(moved))[0].target.region == "europe-west4"
    fenced = Tenant(id="d", region="europe-west1", routing={"allowed_regions": ["europe-west1"]})
    assert router.candidates(make_call(fenced))[0].target.region == "europe-west1"
    outside = Tenant(id="e", routing={"allowed_regions": ["europe-west1"]})  # default region us-central1
    for _ in range(2):
        with pytest.raises(PermissionDenied, match="allowed regions"):
            router.candidates(make_call(outside))
