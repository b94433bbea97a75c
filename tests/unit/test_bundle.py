"""The one source archive holds the five entry points' code and nothing the functions do not run."""

import shutil
import zipfile
from pathlib import Path

import pytest

from dev import bundle
from dev.bundle import ROOT, NativeBuildError, build, files, ignored
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


def _tree_with_a_build(tmp_path: Path) -> tuple[Path, Path]:
    """A tree with the sources, and a `.native/` whose manifest matches them; the library is left out."""
    root = tmp_path / "tree"
    for module in native.MODULES:
        target = native.source(root, module)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(native.source(ROOT, module), target)
    shutil.copy(ROOT / ".gcloudignore", root / ".gcloudignore")
    (root / "main.py").write_text("")
    built = root / native.DIRECTORY
    (built / "shared" / "policy").mkdir(parents=True)
    native.write_manifest(built, native.digest(root))
    return root, built


def test_a_local_build_never_ships_without_the_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`make bundle` on a laptop where `make native` ran: the build matches the sources and the ABI
    ("loadable") but was compiled by that machine's toolchain and never ran on the runtime: left out."""
    monkeypatch.delenv("GATEHOUSE_NATIVE", raising=False)
    root, built = _tree_with_a_build(tmp_path)
    (built / f"{native.GROUP}__mypyc{native.suffix()}").write_bytes(b"\x7fELF")
    assert native.status(root) == "loadable"
    assert not any(name.startswith(".native/") for name in files(root))
    _, names, _ = build(tmp_path / "a.zip", root)
    assert not any(name.startswith(".native/") for name in names)


def test_the_flag_refuses_a_library_that_does_not_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--native` (Cloud Build's `_NATIVE=1`): a build loadable by its manifest whose library does not
    import here (a truncated or foreign `.so`) fails the bundle instead of shipping."""
    monkeypatch.delenv("GATEHOUSE_NATIVE", raising=False)
    root, built = _tree_with_a_build(tmp_path)
    (built / f"{native.GROUP}__mypyc{native.suffix()}").write_bytes(b"\x7fELF")
    assert native.status(root) == "loadable"
    with pytest.raises(NativeBuildError, match="does not import"):
        files(root, native_build=True)


def test_the_flag_ships_a_build_that_loads_and_refuses_a_stale_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The group library stands in as a Python module of its name (the probe imports it by name, as
    `shared.native.attach` does): it imports, so `.native/` ships; an edited source refuses it."""
    monkeypatch.delenv("GATEHOUSE_NATIVE", raising=False)
    root, built = _tree_with_a_build(tmp_path)
    library = built / f"{native.GROUP}__mypyc.py"
    library.write_text("")
    shipped = files(root, native_build=True)
    assert f".native/{library.name}" in shipped
    assert ".native/manifest.json" in shipped
    edited = native.source(root, native.MODULES[0])
    edited.write_text(edited.read_text() + "\n# edited\n")
    with pytest.raises(NativeBuildError, match="stale"):
        files(root, native_build=True)
    shutil.rmtree(built)
    with pytest.raises(NativeBuildError, match="no build"):
        files(root, native_build=True)


def test_the_command_fails_when_native_is_asked_for_and_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bundle, "build", lambda output, native_build: build(output, tmp_path, native_build))
    (tmp_path / ".gcloudignore").write_text(".native/\n")
    assert bundle.main(["--output", str(tmp_path / "a.zip"), "--native"]) == 1
    assert "would not load" in capsys.readouterr().err
