"""schemathesis against the live local ingress: every documented operation, bounded examples.

Zero 5xx, and every answer conforms to /openapi.json (status, content type, body schema, 405 with
`Allow` for undocumented methods). The upstream is the simulator, which rejects what Vertex AI
rejects, so a clean run is not bought with a lenient upstream. Loopback only.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dev.seed import DEMO_TENANT

pytestmark = pytest.mark.integration

MAX_EXAMPLES = int(os.environ.get("GATEHOUSE_SCHEMATHESIS_EXAMPLES", "4"))
CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "unsupported_method",
        "allow_header_conformance",
    ]
)


def test_live_ingress_conforms_to_its_openapi_document(stack, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert stack.ingress.startswith("http://127.0.0.1:")
    # a tenant of its own (the demo tenant's models and aliases): its jobs, cache entries and usage
    # stay out of the other tests' way
    key = stack.add_tenant(DEMO_TENANT.model_copy(update={"id": "contract"}))
    report = tmp_path / "report.json"
    started = time.monotonic()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "run",
            f"{stack.ingress}/openapi.json",
            "--checks",
            CHECKS,
            "--phases",
            "examples,fuzzing",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--seed",
            "15",
            "--workers",
            "1",
            "--no-shrink",
            "--request-timeout",
            "15",
            "--header",
            f"Authorization: Bearer {key}",
            "--report",
            "json",
            "--report-json-path",
            str(report),
            "--suppress-health-check",
            "all",
        ],
        cwd=tmp_path,  # schemathesis keeps a cache directory in its working directory
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
    )
    elapsed = time.monotonic() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    run = json.loads(report.read_text())
    operations, cases = run["operations"], run["test_cases"]
    print(  # the counts the closing note quotes (shown with -s)
        f"schemathesis: {operations['tested']}/{operations['total']} operations, "
        f"{cases['generated']} test cases, {cases['with_failures']} with failures, "
        f"{cases['errored']} errored; {elapsed:.1f}s wall, {cpu:.1f}s CPU (client)"
    )
    assert operations["tested"] == operations["total"]
    assert cases["with_failures"] == 0
