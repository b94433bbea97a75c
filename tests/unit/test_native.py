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
