"""Compile the policy detectors with mypyc into `.native/` (git-ignored): `python -m dev.native`.

The pure-Python modules stay the source of truth; `.native/` holds C extensions built from them plus a
manifest naming the sources' digest. `shared/native.py` loads them only when that digest matches the
sources on disk and the interpreter's ABI is the one they were built for; otherwise (no build, a failed
build, a source edited since, `GATEHOUSE_NATIVE=0`) the same modules import as plain Python. Why and
what it buys: docs/decisions/2026-11-29-performance.md, "eleventh session: mypyc".

    python -m dev.native [--check | --if-stale]      (NATIVE_JOBS=N: parallel compiles, default: the cores)

A build that fails leaves no `.native/` behind (the previous one is removed first): a failure never
leaves a stale or half-built set. `--check` prints whether the current build would be loaded: "loadable"
when its manifest matches and its library imports in a child interpreter (exit 1 otherwise).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared import native  # noqa: E402  (the module list and digest the loader checks)

# one C file per module (mypyc's multi_file) compiled JOBS at a time: setuptools compiles one
# extension's files one after another, and the group is one extension (~17 MB of C, ~140-160 s of CPU)
JOBS = int(os.environ.get("NATIVE_JOBS", os.cpu_count() or 1))

_SETUP = """
import sys
from pybind11.setup_helpers import ParallelCompile
from setuptools import setup
from mypyc.build import mypycify

target, jobs, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
ParallelCompile(default=jobs).install()  # the group's C files compiled `jobs` at a time (multi_file)
sys.argv = [sys.argv[0], "build_ext", "--build-lib", target + "/lib", "--build-temp", target + "/obj"]
extensions = mypycify(
    paths, opt_level="3", debug_level="0", group_name="{group}", target_dir=target + "/c", multi_file=True
)
setup(name="gatehouse-native", ext_modules=extensions)
"""


def build() -> float:
    """Compile `native.MODULES` into `.native/`; seconds taken. Raises CalledProcessError on failure."""
    out = ROOT / native.DIRECTORY
    shutil.rmtree(out, ignore_errors=True)
    started = time.monotonic()
    sources = native.digest(ROOT)
    with tempfile.TemporaryDirectory(prefix="gatehouse-native-") as tmp:
        setup = Path(tmp) / "setup.py"
        setup.write_text(_SETUP.format(group=native.GROUP))
        paths = [str(native.source(ROOT, m).relative_to(ROOT)) for m in native.MODULES]
        # run from the root so mypy sees the whole package; the C, objects and .so files go to tmp
        run = subprocess.run(
            [sys.executable, str(setup), tmp, str(JOBS), *paths],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        if run.returncode != 0:  # mypyc reports a module it rejects on stdout: show why
            print(run.stdout[-6000:], file=sys.stderr)
            run.check_returncode()
        staging = Path(tmp) / "native"
        shutil.copytree(Path(tmp) / "lib", staging)
        native.write_manifest(staging, sources)
        shutil.move(staging, out)
    return time.monotonic() - started


def check(root: Path = ROOT) -> str:
    """ "loadable", or why the build would not load (`native.verify`: the manifest alone does not show
    the library loads, so it is also imported in a child interpreter)."""
    return native.verify(root)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="say whether the current build would load (imports it in a child)",
    )
    parser.add_argument(
        "--if-stale", action="store_true", help="build only when the current one would not load"
    )
    args = parser.parse_args()
    if args.check:
        status = check()
        print(status)
        if status != "loadable":
            sys.exit(1)
        return
    if args.if_stale and native.status(ROOT) in ("loadable", "off (GATEHOUSE_NATIVE=0)"):
        return
    seconds = build()
    size = sum(p.stat().st_size for p in (ROOT / native.DIRECTORY).rglob("*.so"))
    status = native.status(ROOT)
    print(f"{len(native.MODULES)} modules compiled in {seconds:.0f} s, {size / 1e6:.1f} MB: {status}")


if __name__ == "__main__":
    main()
