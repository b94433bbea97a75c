"""cloudbuild.yaml runs the checks a deploy needs, in an order that cannot deploy untested code."""

from pathlib import Path
from typing import Any

import yaml

BUILD = yaml.safe_load((Path(__file__).resolve().parents[2] / "cloudbuild.yaml").read_text())
STEPS: dict[str, dict[str, Any]] = {s["id"]: s for s in BUILD["steps"]}


def _script(step: dict[str, Any]) -> str:
    return " ".join(str(a) for a in [step.get("entrypoint", ""), *step.get("args", [])])


def _upstream(step_id: str) -> set[str]:
    """Every step that must finish before step_id (Cloud Build: waitFor, else all earlier steps)."""
    ids = [s["id"] for s in BUILD["steps"]]
    wait = STEPS[step_id].get("waitFor")
    direct = set(ids[: ids.index(step_id)]) if wait is None else {w for w in wait if w != "-"}
    return direct | {u for d in direct for u in _upstream(d)}


def test_every_stage_is_there() -> None:
    for step in (
        "lint",
        "typecheck",
        "infra-check",
        "test",
        "tf-fmt",
        "tf-validate",
        "tf-plan",
        "deploy",
        "smoke",
    ):
        assert step in STEPS, step
    assert STEPS["lint"]["args"] == ["lint"]
    assert STEPS["typecheck"]["args"] == ["typecheck"]
    assert STEPS["tf-fmt"]["args"][:3] == ["fmt", "-check", "-recursive"]
    assert "validate" in STEPS["tf-validate"]["args"]
    assert "plan" in STEPS["tf-plan"]["args"]


def test_tests_run_against_the_emulators_in_the_sdk_image_with_java() -> None:
    test = STEPS["test"]
    assert "cloudsdktool" in BUILD["substitutions"]["_SDK_IMAGE"]
    assert test["name"] == "$_SDK_IMAGE"
    script = _script(test)
    assert "openjdk" in script
    assert "firestore-emulator" in script
    assert "pubsub-emulator" in script
    assert "pytest" in script
    assert "pytest -m" not in script, "the whole suite, integration included"
    assert "not integration" not in script


def test_plan_waits_for_every_check_and_deploy_only_on_main_applies_that_plan() -> None:
    assert {"lint", "typecheck", "infra-check", "test", "tf-validate", "tf-schema-check"} <= _upstream(
        "tf-plan"
    )
    deploy = _script(STEPS["deploy"])
    assert '"$BRANCH_NAME" != "main"' in deploy
    assert "apply -input=false /workspace/tfplan" in deploy
    assert "tf-plan" in _upstream("deploy")


def test_smoke_test_uses_google_genai_and_a_job_after_the_deploy() -> None:
    smoke = STEPS["smoke"]
    assert "deploy" in _upstream("smoke")
    assert '"$BRANCH_NAME" != "main"' in _script(smoke)
    assert "dev.smoke" in _script(smoke)
    source = (Path(__file__).resolve().parents[2] / "dev" / "smoke.py").read_text()
    assert "from google import genai" in source
    assert "generate_content_stream" in source
    assert "/v1/jobs" in source
    assert smoke["secretEnv"] == ["SMOKE_KEY"]


def test_schema_file_is_regenerated_from_the_real_provider() -> None:
    assert "providers schema -json" in _script(STEPS["tf-schema"])
    check = _script(STEPS["tf-schema-check"])
    assert "provider_schema.py --terraform-json" in check
    assert "test_infra_schema.py" in check


def test_the_compiled_build_is_opt_in_and_tested_before_it_ships() -> None:
    """`_NATIVE=1` builds the mypyc modules in `install` (the image every later step shares through
    /workspace), the suite then fails unless they loaded, and the bundle step (after install) ships them."""
    assert BUILD["substitutions"]["_NATIVE"] == "0"
    install = _script(STEPS["install"])
    assert 'if [ "$_NATIVE" = "1" ]' in install
    assert "python3.11-dev" in install
    assert "-m dev.native" in install
    assert "= loadable" in install
    assert "GATEHOUSE_REQUIRE_NATIVE=$_NATIVE " in _script(STEPS["test"])
    assert "install" in _upstream("test")
    assert "install" in _upstream("bundle")
    bundle = _script(STEPS["bundle"])  # only Cloud Build's own, tested build ships: never a laptop's
    assert 'if [ "$_NATIVE" = "1" ]; then .venv/bin/python -m dev.bundle --native;' in bundle
    assert "else .venv/bin/python -m dev.bundle; fi" in bundle
    assert {"test", "bundle"} <= _upstream("tf-plan")


def test_a_native_deploy_fails_its_smoke_test_unless_the_build_runs() -> None:
    smoke = _script(STEPS["smoke"])
    assert 'if [ "$_NATIVE" = "1" ]; then NATIVE=--expect-native; fi' in smoke
    assert smoke.rstrip().endswith("$$NATIVE")
