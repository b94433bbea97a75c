"""Instructions per call of an in-process child, N calls against none, under valgrind's callgrind.

Shared by `bench.log_cost` and `bench.path_cost` (their parent processes; the children run against the
measured tree's code). `bench/policy_cost.py` keeps its own copy: it runs as a script whose imports
must all exist in the older trees it measures."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path


def per_call(tree: Path, child: Callable[[int], list[str]], n: int) -> float:
    """`child(reps)`: the arguments after the interpreter for a child making `reps` calls; run with
    `tree` as its working directory and PYTHONPATH. (N-call total - 0-call total) / N."""
    counts = []
    for reps in (0, n):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp) / "cg.out"
            env = {**os.environ, "PYTHONPATH": str(tree), "PYTHONHASHSEED": "0"}
            cmd = [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                *child(reps),
            ]
            subprocess.run(cmd, env=env, cwd=tree, check=True, capture_output=True, timeout=900)
            summary = re.search(r"^summary:\s+(\d+)", out.read_text(errors="ignore"), re.MULTILINE)
            assert summary is not None, "no callgrind summary"
            counts.append(int(summary.group(1)))
    return (counts[1] - counts[0]) / n
