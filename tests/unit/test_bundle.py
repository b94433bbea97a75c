"""The one source archive holds the five entry points' code and nothing the functions do not run."""

import zipfile
from pathlib import Path

from dev.bundle import build, ignored


def test_bundle_holds_the_functions_and_no_tests_dev_or_infra(tmp_path: Path) -> None:
    output, names, _ = build(tmp_path / "a.zip")
    assert {"main.py", "requirements.txt", "functions/ingress.py", "functions/generate.py"} <= set(names)
    assert any(n.startswith("shared/") for n in names)
    tops = {n.split("/")[0] for n in names}
    assert not tops & {"tests", "dev", "infra", "bench", "docs", ".ci", "cli"}, tops
    assert not any(n.endswith((".pyc", "requirements-dev.txt", "cloudbuild.yaml")) for n in names)
    with zipfile.ZipFile(output) as archive:
        assert archive.namelist() == names


def test_bundle_is_deterministic_so_an_unchanged_tree_deploys_nothing(tmp_path: Path) -> None:
    _, _, first = build(tmp_path / "a.zip")
    _, _, second = build(tmp_path / "b.zip")
    assert first == second


def test_ignore_patterns_follow_gcloudignore_rules() -> None:
    patterns = ["tests/", "*.pyc", "README.md"]
    assert ignored("tests/unit/x.py", patterns)
    assert ignored("shared/__pycache__/x.pyc", patterns)
    assert ignored("README.md", patterns)
    assert not ignored("shared/cache/README.md.txt", patterns)
    assert not ignored("shared/tests_helpers.py", patterns)
