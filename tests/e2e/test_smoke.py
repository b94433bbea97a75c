"""The deploy smoke test (dev/smoke.py, run by Cloud Build after a deploy) passes on the local stack."""

import pytest

from dev.smoke import main

pytestmark = pytest.mark.e2e


def test_smoke_generate_stream_and_job_round_trip(stack, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--url", stack.ingress, "--key", stack.key, "--job-timeout", "60"]) == 0
    out = capsys.readouterr().out
    assert "smoke generate: ok" in out
    assert "smoke stream: ok" in out
    assert "smoke job: ok" in out


def test_smoke_names_the_failing_step(stack, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--url", stack.ingress, "--key", "wrong-key"]) == 1
    assert "smoke generate: FAILED" in capsys.readouterr().err
