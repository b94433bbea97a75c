"""The one source archive holds the five entry points' code and nothing the functions do not run."""

import shutil
import zipfile
from pathlib import Path

import pytest

from dev.bundle import ROOT, build, files, ignored
from shared import native


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


def test_the_compiled_policy_modules_ship_only_when_they_would_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`.native/` is ignored like any local build, except that a build of these very sources for this
    ABI ships (Cloud Build's `_NATIVE=1`); a stale one stays out."""
    monkeypatch.delenv("GATEHOUSE_NATIVE", raising=False)
    root = tmp_path / "tree"
    for module in native.MODULES:
        target = native.source(root, module)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(native.source(ROOT, module), target)
    shutil.copy(ROOT / ".gcloudignore", root / ".gcloudignore")
    (root / "main.py").write_text("")
    built = root / native.DIRECTORY
    (built / "shared" / "policy").mkdir(parents=True)
    library = built / f"{native.GROUP}__mypyc{native.suffix()}"
    library.write_bytes(b"\x7fELF")
    assert not any(name.startswith(".native/") for name in files(root)), "no manifest: no build"
    native.write_manifest(built, native.digest(root))
    shipped = files(root)
    assert f".native/{library.name}" in shipped
    assert ".native/manifest.json" in shipped
    edited = native.source(root, native.MODULES[0])
    edited.write_text(edited.read_text() + "\n# edited\n")
    assert not any(name.startswith(".native/") for name in files(root))
