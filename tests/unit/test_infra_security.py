"""Security and shape properties of infra/, read from the HCL itself (no provider, no cloud)."""

import re
from pathlib import Path
from typing import Any

import main
from tests.infra_hcl import INFRA, ROOT, blocks, locals_of, nested, of, parse, tf_files

BLUEPRINT = INFRA / "blueprints" / "gatehouse" / "main.tf"
PUBLIC = {"allUsers", "allAuthenticatedUsers"}


def _module(name: str, path: Path = BLUEPRINT) -> dict[str, Any]:
    return next(b.body for b in of("module") if b.name == name and b.path == path)


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_no_public_invoker_except_the_ingress_behind_the_load_balancer() -> None:
    public = [
        b.where
        for b in blocks()
        if b.kind in ("resource", "module") and any(p in s for s in _strings(b.body) for p in PUBLIC)
    ]
    assert public == [f"{BLUEPRINT.relative_to(ROOT)}: module ingress"]
    ingress = _module("ingress")
    assert ingress["invokers"] == ["allUsers"]
    # and it is reachable only through the load balancer (Cloud Armor in front)
    assert ingress["ingress"] == "INGRESS_TRAFFIC_INTERNAL_LOAD_BALANCER"


def test_one_service_account_per_function_covering_every_entry_point() -> None:
    functions = locals_of(BLUEPRINT)["functions"]
    accounts = {name: spec["account"] for name, spec in functions.items()}
    accounts["ingress"] = "ingress"
    assert _module("ingress")["service_account_email"] == '${module.sa["ingress"].email}'
    assert set(accounts) == set(main.__all__), "every entry point in main.py is deployed"
    assert len(set(accounts.values())) == len(accounts), f"accounts shared between functions: {accounts}"
    assert set(accounts.values()) <= set(locals_of(BLUEPRINT)["accounts"])


def test_only_ingress_and_generate_may_call_vertex_ai() -> None:
    roles = {name: {r["role"] for r in grants} for name, grants in locals_of(BLUEPRINT)["accounts"].items()}
    assert {n for n, r in roles.items() if "roles/aiplatform.user" in r} == {"ingress", "generate"}
    basic = {"roles/owner", "roles/editor", "roles/viewer"}
    assert not any(r & basic for r in roles.values())
    # secret roles at project level only with a condition narrowing them to the callback secrets
    for grants in locals_of(BLUEPRINT)["accounts"].values():
        for grant in grants:
            if grant["role"].startswith("roles/secretmanager."):
                assert "startsWith" in grant["condition"]["expression"]


def test_generate_is_invoked_only_by_its_push_identity_and_admin_policy_are_not_public() -> None:
    functions = locals_of(BLUEPRINT)["functions"]
    for name in ("generate", "generate_deadletter"):
        assert functions[name]["invokers"] == ['${module.sa["push"].iam_email}']
        assert functions[name]["ingress"] == "INGRESS_TRAFFIC_INTERNAL_ONLY"
    variables = {b.name: b.body for b in of("variable") if b.path.parent == BLUEPRINT.parent}
    for name in ("operators", "policy_invokers"):
        assert "allUsers" in str(variables[name]["validation"]), f"{name} must refuse allUsers"


def test_no_secret_values_in_terraform() -> None:
    text = "\n".join(p.read_text() for p in tf_files())
    versions = [b.where for b in of("resource") if b.type == "google_secret_manager_secret_version"]
    assert not versions, "a secret version resource puts the value in state"
    assert not re.search(r"(?<!fetch_)secret_data\b", text), "a secret value is read or written"
    for data in (b for b in of("data") if b.type == "google_secret_manager_secret_version"):
        assert data.body["fetch_secret_data"] is False, data.where
    for var in of("variable"):
        if re.search(r"pepper$|token|password", var.name):
            assert "default" not in var.body or not re.search(r"[A-Za-z0-9+/]{16,}", str(var.body["default"]))


def test_prod_protects_data_and_needs_two_regions() -> None:
    prod = INFRA / "environments" / "prod"
    gatehouse = _module("gatehouse", prod / "main.tf")
    assert gatehouse["protect_data"] is True
    assert gatehouse["environment"] == "prod"
    firestore = _module("firestore")
    assert firestore["delete_protection"] == "${var.protect_data}"
    assert firestore["point_in_time_recovery"] == "${var.protect_data}"
    database = next(b for b in of("resource") if b.type == "google_firestore_database").body
    assert "DELETE_PROTECTION_ENABLED" in database["delete_protection_state"]
    assert "POINT_IN_TIME_RECOVERY_ENABLED" in database["point_in_time_recovery_enablement"]
    regions = next(b for b in of("variable") if b.name == "regions" and b.path.parent == prod)
    assert ">= 2" in str(regions.body["validation"])
    tfvars = parse(prod / "terraform.tfvars")
    assert len(tfvars["regions"]) >= 2
    # defaults protect: nothing is deletable unless an environment says so
    for var in of("variable"):
        if var.name in ("deletion_protection", "delete_protection", "protect_data", "point_in_time_recovery"):
            assert var.body.get("default", True) is True, var.where


def test_firestore_indexes_come_from_the_one_data_file() -> None:
    spec = locals_of(INFRA / "modules" / "firestore" / "main.tf")["spec"]
    assert spec == "${jsondecode(file(var.index_file))}"
    index_file = _module("firestore")["index_file"]
    assert index_file == "${path.module}/../../firestore/indexes.json"
    assert (
        BLUEPRINT.parent / "../../firestore/indexes.json"
    ).resolve() == INFRA / "firestore" / "indexes.json"


def test_async_lane_dead_letters_and_authenticates_pushes() -> None:
    subs = {b.name: b.body for b in of("resource") if b.type == "google_pubsub_subscription"}
    push = subs["push"]
    assert nested(push["dead_letter_policy"])[0]["max_delivery_attempts"] == "${var.max_delivery_attempts}"
    for sub in subs.values():
        oidc = nested(nested(sub["push_config"])[0]["oidc_token"])[0]
        assert oidc["service_account_email"] == "${var.push_service_account_email}"
        assert nested(sub["retry_policy"])
    sweeper = _module("sweeper")
    assert sweeper["attributes"] == {"kind": "sweep"}


def test_edge_is_https_only_with_cloud_armor_that_spares_prompts() -> None:
    lb = {(b.type, b.name): b.body for b in of("resource") if b.path.parent.name == "load-balancer"}
    redirect = nested(lb[("google_compute_url_map", "redirect")]["default_url_redirect"])[0]
    assert redirect["https_redirect"] is True
    assert lb[("google_compute_ssl_policy", "this")]["min_tls_version"] == "TLS_1_2"
    policy = lb[("google_compute_security_policy", "this")]
    expressions = " ".join(_strings(policy))
    for rule_set in ("sqli", "xss", "lfi", "rfi", "rce"):
        assert f"'{rule_set}-" not in expressions, f"{rule_set} rules misfire on prompts that quote code"
    assert "protocolattack-v33-stable" in expressions
    assert "scannerdetection-v33-stable" in expressions
    assert "content-length" in expressions
    actions = re.findall(r"deny\((\d+)\)", " ".join(_strings(policy)))
    assert actions, "deny rules exist"
    assert set(actions) <= {"403", "404", "429", "502"}, "Cloud Armor denies only with 403/404/429/502"
    throttles = [r for r in nested(policy["rule"]) if r["action"] == "throttle"]
    dynamic = policy["dynamic"][0]["rule"]
    keyed = nested(nested(dynamic["content"])[0]["rate_limit_options"])[0]
    assert keyed["enforce_on_key"] == "HTTP_HEADER"  # per API key, not per NAT address
    assert throttles, "requests without a key header are throttled per IP"


def test_every_variable_is_typed_and_described_and_modules_validate_input() -> None:
    for var in of("variable"):
        assert var.body.get("description"), f"{var.where}: no description"
        assert "type" in var.body, f"{var.where}: no type"
    for module in sorted({p.parent for p in (INFRA / "modules").rglob("variables.tf")}):
        assert "validation" in (module / "variables.tf").read_text(), f"{module.name}: no validation block"
        for name in ("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md"):
            assert (module / name).exists(), f"{module.name}/{name} missing"


def test_checkov_skips_carry_a_written_reason() -> None:
    for path in tf_files():
        for line in path.read_text().splitlines():
            if "checkov:skip" in line:
                assert re.search(r"checkov:skip=CKV2?_[A-Z]+_\d+:\S.{20,}", line), f"{path}: {line.strip()}"
