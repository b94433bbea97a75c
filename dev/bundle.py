"""Build the one source archive of all five functions: the repository minus what .gcloudignore drops.

    python -m dev.bundle [--output dist/gatehouse.zip] [--native]

The archive is deterministic (sorted entries, fixed timestamps and modes), so an unchanged tree gives
the same bytes, the same object name in the source bucket (infra/modules/source-bucket) and no
rebuild. Files come from `git ls-files` (tracked, or new and not git-ignored), so ignored local files
never ship; without git (a Cloud Build source tarball) the tree is walked. The one ignored directory
that can ship is `.native/` (the policy modules compiled with mypyc, `python -m dev.native`), and only
when asked, `--native` (Cloud Build's bundle step with `_NATIVE=1`, after that build ran the suite
against it): a developer's `make native` build, compiled by their own toolchain and never run on the
runtime, stays out of `make bundle`. With `--native` the bundle fails unless the build would load
(`shared.native.verify()`: these sources, this ABI, and its library imports in a child interpreter).
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared import native  # noqa: E402  (stdlib only: the build's loadability, as the runtime judges it)

OUTPUT = ROOT / "dist" / "gatehouse.zip"
_EPOCH = (1980, 1, 1, 0, 0, 0)


def ignore_patterns(root: Path = ROOT) -> list[str]:
    lines = (root / ".gcloudignore").read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def ignored(path: str, patterns: list[str]) -> bool:
    """gitignore-style subset: `dir/` drops a directory anywhere, other patterns match a name or path."""
    parts = path.split("/")
    for pattern in patterns:
        if pattern.endswith("/"):
            name = pattern.rstrip("/")
            if any(fnmatch.fnmatch(p, name) for p in parts[:-1]):
                return True
        elif fnmatch.fnmatch(path, pattern.lstrip("/")) or fnmatch.fnmatch(parts[-1], pattern):
            return True
    return False


class NativeBuildError(Exception):
    """`--native` was asked for and `.native/` cannot ship: why."""


def files(root: Path = ROOT, native_build: bool = False) -> list[str]:
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
            cwd=root,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):  # a source tarball (Cloud Build): walk the tree
        listed = [p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()]
    patterns = ignore_patterns(root)
    kept = [p for p in listed if (root / p).is_file() and not ignored(p, patterns)]
    return sorted(kept + (native_files(root) if native_build else []))


def native_files(root: Path = ROOT) -> list[str]:
    """`.native/`'s files, checked: the runtime would load them (same sources, same ABI) and the group
    library imports in a child. Raises NativeBuildError otherwise: asked for, it never silently drops."""
    reason = native.verify(root)
    if reason != "loadable":
        raise NativeBuildError(f".native/ would not load: {reason}")
    built = root / native.DIRECTORY
    return [p.relative_to(root).as_posix() for p in built.rglob("*") if p.is_file()]


def build(
    output: Path = OUTPUT, root: Path = ROOT, native_build: bool = False
) -> tuple[Path, list[str], str]:
    names = files(root, native_build)
    output.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, _EPOCH)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, (root / name).read_bytes())
    digest = hashlib.md5(output.read_bytes(), usedforsecurity=False).hexdigest()
    return output, names, digest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument(
        "--native",
        action="store_true",
        help="ship .native/ (Cloud Build's _NATIVE=1 only); fail unless it loads here",
    )
    args = parser.parse_args(argv)
    try:
        output, names, digest = build(args.output, native_build=args.native)
    except NativeBuildError as error:
        print(error, file=sys.stderr)
        return 1
    for required in ("main.py", "requirements.txt"):
        if required not in names:
            print(f"{required} is missing from the bundle", file=sys.stderr)
            return 1
    print(f"{output}: {len(names)} files, md5 {digest} (object gatehouse-{digest}.zip)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
