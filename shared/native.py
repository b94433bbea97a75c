"""The policy detectors compiled with mypyc (`python -m dev.native`), loaded only when they match.

`.native/` (git-ignored; built by the opt-in `make native`, and by Cloud Build with `_NATIVE=1`, which
tests it and ships it in the bundle) holds C extensions of `MODULES` and a manifest with the digest of
the sources they were compiled from and against (every module under `shared/`). `attach` puts them in
front of the package's own directory when the manifest's digest and ABI match this interpreter and
these sources; otherwise the same modules import as plain Python (a missing or failed build, a source
edited since the build, `GATEHOUSE_NATIVE=0`). The modules are compiled as one group that calls across
modules in C, so one edited source (compiled or imported by one) disables them all.

Why: the detectors' Python around their regexes is most of the policy stage's CPU
(docs/decisions/2026-11-29-performance.md, "eleventh session: mypyc" and "twelfth session").
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import sys
import sysconfig
from pathlib import Path

DIRECTORY = ".native"
GROUP = "gatehouse_policy"
MANIFEST = "manifest.json"
# every module of shared/policy but `__init__` (it attaches the build), `body` (async generators:
# "unimplemented" in mypyc 2.4.1), `profiles` and `service` (pydantic models), `lexicon_file` (sets a
# lexicon's attributes through its `__dict__`), `stages`
# (tests patch their instances' methods, which a native class does not allow; ~16 K instructions of a
# request's policy stage are theirs); docs/decisions/2026-11-29-performance.md, "eleventh" and "twelfth
# session"
MODULES = tuple(
    f"shared.policy.{name}"
    for name in (
        "address_fields", "address_spans", "addresses", "anchors", "checksums", "classifier",
        "detectors", "engine", "examples", "firms", "gate_plan", "injection", "name_fields", "name_forms",
        "name_spans", "name_tables", "names", "normalize", "person_model", "person_score", "pseudonymize",
        "recognizer", "remote", "secrets_cued", "secrets_forms", "secrets_nearby", "signals",
    )
)  # fmt: skip
_ROOT = Path(__file__).resolve().parent.parent
_attached = False
_outcome = "not attempted (shared.policy not imported)"  # `attach`'s result, for `log_outcome` and /healthz
_import_failed = False
_logged = False


def source(root: Path, module: str) -> Path:
    return root / (module.replace(".", "/") + ".py")


def suffix() -> str:
    """Extension modules' file suffix for this interpreter, its ABI: `.cpython-311-x86_64-linux-gnu.so`."""
    return str(sysconfig.get_config_var("EXT_SUFFIX"))


def digest(root: Path) -> str:
    """sha256 over the names and sources of every module under `shared/`, not only `MODULES`: mypyc
    compiled them against the modules they import (`profiles`, `lexicon_file`, `identity_memo`,
    `lazy_re`, `stages`, ...), so an edit to any of those makes the build stale too. ~7 ms for ~170
    files, paid at the first policy import only when a manifest exists (`status` reads it first)."""
    h = hashlib.sha256()
    for path in sorted((root / "shared").rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def write_manifest(built: Path, sources_digest: str) -> None:
    """`sources_digest`: `digest(root)` taken before compiling (a source edited meanwhile: stale)."""
    manifest = {"abi": suffix(), "digest": sources_digest, "modules": list(MODULES)}
    (built / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n")


def status(root: Path = _ROOT) -> str:
    """Why the build at `root` is or is not loaded: "loadable", or the reason it is not."""
    if os.environ.get("GATEHOUSE_NATIVE", "1") == "0":
        return "off (GATEHOUSE_NATIVE=0)"
    try:
        manifest = json.loads((root / DIRECTORY / MANIFEST).read_text())
    except (OSError, ValueError):
        return "no build (python -m dev.native)"
    if manifest.get("abi") != suffix():
        return f"built for {manifest.get('abi')}, not {suffix()}"
    if manifest.get("modules") != list(MODULES) or manifest.get("digest") != digest(root):
        return "stale: a source under shared/ changed since the build (python -m dev.native)"
    return "loadable"


_PROBE = "import importlib, sys; sys.path.append(sys.argv[1]); importlib.import_module(sys.argv[2])"


def probe(root: Path = _ROOT) -> str | None:
    """Import the build's group library in a child interpreter, as `attach` would: None when it loads,
    else why not (the child's error). A child, so a library that crashes or corrupts the interpreter
    (another glibc, another CPython) fails the probe, not the caller; the manifest alone (`status`)
    only says the sources and the ABI tag match, not that this system can load the library."""
    import subprocess  # only the build tools probe: not paid at a function's import

    try:
        run = subprocess.run(  # noqa: S603  (this interpreter, a constant program, our own paths)
            [sys.executable, "-c", _PROBE, str(root / DIRECTORY), f"{GROUP}__mypyc"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"the probe did not run: {error}"
    if run.returncode == 0:
        return None
    lines = (run.stderr or run.stdout).strip().splitlines()
    return lines[-1] if lines else f"the import exited with {run.returncode}"


def verify(root: Path = _ROOT) -> str:
    """ "loadable" when the manifest matches (`status`: these sources, this ABI) and the group library
    imports in a child interpreter (`probe`), else why not: the build tools' check before they trust or
    ship a build (`python -m dev.native --check`, `python -m dev.bundle --native`)."""
    reason = status(root)
    if reason != "loadable":
        return reason
    failure = probe(root)
    return reason if failure is None else f"the manifest matches, but the library does not import: {failure}"


def attach(package_path: list[str], package: str) -> bool:
    """Put the compiled modules of `package` in front of its `__path__` if the build is loadable."""
    global _attached, _outcome, _import_failed
    reason = status(_ROOT)
    if reason != "loadable":
        _outcome = reason
        return False
    built = _ROOT / DIRECTORY
    if str(built) not in sys.path:
        sys.path.append(str(built))  # the group's shared library, `<GROUP>__mypyc`, is a top-level module
    try:  # loaded here, so a library this system cannot load (another C library) falls back, not fails
        importlib.import_module(f"{GROUP}__mypyc")
    except ImportError as error:
        sys.path.remove(str(built))
        _outcome, _import_failed = f"loadable by its manifest, but the library did not import: {error}", True
        return False
    package_path.insert(0, str(built / package.replace(".", "/")))
    _attached, _outcome = True, "attached"
    return True


def attached() -> bool:
    """Whether the compiled modules were attached in this process."""
    return _attached


def outcome() -> str:
    """ "attached", or why the policy modules run as pure Python in this process."""
    return _outcome


def log_outcome(logger: logging.Logger | None = None) -> None:
    """Log once per process (at an instance's start, after logging is configured) whether the compiled
    modules run: INFO either way, WARNING when a build that matches its manifest failed to import (a
    deploy that shipped `.native/` and runs pure Python: the library does not load on this runtime)."""
    global _logged
    if _logged:
        return
    _logged = True
    logger = logger or logging.getLogger("gatehouse.native")
    if _attached:
        logger.info("policy modules: compiled (mypyc build in .native/ attached)")
    elif _import_failed:
        logger.warning("policy modules: pure Python: .native/ is %s", _outcome)
    else:
        logger.info("policy modules: pure Python (%s)", _outcome)
