"""The policy modules compiled with mypyc (shared/native.py, dev/native.py): loaded only when built from
the sources on disk, and finding exactly what the pure-Python modules find.

`GATEHOUSE_REQUIRE_NATIVE=1` (CI and `make test`, after `make native`) makes a missing or stale build a
failure here instead of a silent fallback, so the suite is known to have run against compiled code."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from shared import native
from shared.policy import detectors

ROOT = Path(__file__).resolve().parents[2]


def _copy_sources(root: Path) -> None:
    for module in native.MODULES:
        target = native.source(root, module)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(native.source(ROOT, module), target)


def test_the_build_is_loaded_when_required() -> None:
    compiled = Path(detectors.__file__ or "").suffix == ".so"
    assert compiled == native.attached()
    if os.environ.get("GATEHOUSE_REQUIRE_NATIVE") == "1":
        assert native.attached(), native.status()


def test_a_build_loads_only_for_the_sources_it_was_built_from(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GATEHOUSE_NATIVE", raising=False)
    _copy_sources(tmp_path)
    assert native.status(tmp_path) == "no build (python -m dev.native)"
    (tmp_path / native.DIRECTORY).mkdir()
    native.write_manifest(tmp_path / native.DIRECTORY, native.digest(tmp_path))
    assert native.status(tmp_path) == "loadable"
    edited = native.source(tmp_path, native.MODULES[0])
    edited.write_text(edited.read_text() + "\n# edited\n")
    assert native.status(tmp_path).startswith("stale")
    manifest = tmp_path / native.DIRECTORY / native.MANIFEST
    native.write_manifest(tmp_path / native.DIRECTORY, native.digest(tmp_path))
    assert native.status(tmp_path) == "loadable"
    manifest.write_text(json.dumps({**json.loads(manifest.read_text()), "abi": ".cpython-312-x.so"}))
    assert native.status(tmp_path).startswith("built for .cpython-312-x.so")


@pytest.mark.parametrize(
    "module",
    ["shared/policy/profiles.py", "shared/policy/stages.py", "shared/lazy_re.py", "shared/identity_memo.py"],
)
def test_editing_a_module_the_group_was_compiled_against_makes_it_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, module: str
) -> None:
    """Not compiled, but imported by compiled modules (mypyc bound their types and calls): stale too."""
    monkeypatch.delenv("GATEHOUSE_NATIVE", raising=False)
    assert module.removesuffix(".py").replace("/", ".") not in native.MODULES
    _copy_sources(tmp_path)
    edited = tmp_path / module
    edited.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / module, edited)
    (tmp_path / native.DIRECTORY).mkdir()
    native.write_manifest(tmp_path / native.DIRECTORY, native.digest(tmp_path))
    assert native.status(tmp_path) == "loadable"
    edited.write_text(edited.read_text() + "\n# edited\n")
    assert native.status(tmp_path).startswith("stale")


def test_the_switch_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GATEHOUSE_NATIVE", "0")
    assert native.status() == "off (GATEHOUSE_NATIVE=0)"


@pytest.mark.skipif(not native.attached(), reason="no compiled build: the suite already ran as pure Python")
def test_pure_python_finds_what_the_compiled_modules_find() -> None:
    """The span identity test in a child without the build: together with this process's run of it
    (compiled), both forms equal the same recorded spans. Also the tests that only pure Python can
    run (they patch a module function that compiled callers call directly)."""
    env = {**os.environ, "GATEHOUSE_NATIVE": "0", "GATEHOUSE_REQUIRE_NATIVE": "0"}
    tests = [
        "tests/unit/test_policy_cost_identity.py",
        "tests/unit/test_name_spans_mentions.py",  # patches a module function compiled calls bypass
        "tests/unit/test_native.py::test_the_build_is_loaded_when_required",
    ]
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
    assert "skipped" not in run.stdout


@pytest.fixture
def fresh_state(monkeypatch: pytest.MonkeyPatch) -> None:
    """`attach`'s per-process record, restored after the test."""
    for name in ("_attached", "_outcome", "_import_failed", "_logged"):
        monkeypatch.setattr(native, name, getattr(native, name))
    monkeypatch.setattr(native, "_logged", False)


def _build_with_a_broken_library(root: Path) -> None:
    _copy_sources(root)
    (root / native.DIRECTORY).mkdir()
    native.write_manifest(root / native.DIRECTORY, native.digest(root))
    (root / native.DIRECTORY / f"{native.GROUP}__mypyc{native.suffix()}").write_bytes(b"\x7fELF")


@pytest.mark.skipif(native.attached(), reason="the real group library is already imported in this process")
def test_a_library_that_does_not_import_is_logged_as_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_state: None, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delenv("GATEHOUSE_NATIVE", raising=False)
    _build_with_a_broken_library(tmp_path)
    monkeypatch.setattr(native, "_ROOT", tmp_path)
    monkeypatch.setattr(native, "_attached", False)
    path: list[str] = []
    assert not native.attach(path, "shared.policy")
    assert path == []
    assert str(tmp_path / native.DIRECTORY) not in sys.path
    assert native.outcome().startswith("loadable by its manifest, but the library did not import")
    with caplog.at_level("INFO", logger="gatehouse.native"):
        native.log_outcome()
        native.log_outcome()  # once per process
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "did not import" in caplog.records[0].getMessage()


def test_the_outcome_is_logged_once_at_info(
    monkeypatch: pytest.MonkeyPatch, fresh_state: None, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(native, "_attached", False)
    monkeypatch.setattr(native, "_import_failed", False)
    monkeypatch.setattr(native, "_outcome", "no build (python -m dev.native)")
    with caplog.at_level("INFO", logger="gatehouse.native"):
        native.log_outcome()
        native.log_outcome()
    assert [(r.levelname, r.getMessage()) for r in caplog.records] == [
        ("INFO", "policy modules: pure Python (no build (python -m dev.native))")
    ]
    monkeypatch.setattr(native, "_logged", False)
    monkeypatch.setattr(native, "_attached", True)
    caplog.clear()
    with caplog.at_level("INFO", logger="gatehouse.native"):
        native.log_outcome()
    assert [r.levelname for r in caplog.records] == ["INFO"]
    assert "compiled" in caplog.records[0].getMessage()


def test_an_instance_logs_the_outcome_at_its_start(monkeypatch: pytest.MonkeyPatch) -> None:
    from functions import _instance

    calls: list[str] = []
    monkeypatch.setattr(_instance, "load_settings", lambda: type("S", (), {"log_level": "INFO"})())
    monkeypatch.setattr(_instance, "configure_logging", lambda level: calls.append("configure"))
    monkeypatch.setattr(_instance, "Runtime", lambda settings: "runtime")
    monkeypatch.setattr(native, "log_outcome", lambda: calls.append("log"))
    assert _instance.runtime.__wrapped__() == "runtime"
    assert calls == ["configure", "log"]


def test_check_imports_the_library_not_only_the_manifest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dev import native as dev_native

    monkeypatch.delenv("GATEHOUSE_NATIVE", raising=False)
    _build_with_a_broken_library(tmp_path)
    assert native.status(tmp_path) == "loadable"
    assert dev_native.check(tmp_path).startswith("the manifest matches, but the library does not import")
    (tmp_path / native.DIRECTORY / f"{native.GROUP}__mypyc{native.suffix()}").unlink()
    (tmp_path / native.DIRECTORY / f"{native.GROUP}__mypyc.py").write_text("")  # stands in: it imports
    assert dev_native.check(tmp_path) == "loadable"
    shutil.rmtree(tmp_path / native.DIRECTORY)
    assert dev_native.check(tmp_path) == "no build (python -m dev.native)"
