"""dev/smoke.py's `--expect-native`: a `_NATIVE=1` deploy whose instances run pure Python fails."""

from typing import Any

import pytest

from dev import smoke


def _health(monkeypatch: pytest.MonkeyPatch, modules: str) -> list[str]:
    paths: list[str] = []

    def get_json(http: Any, path: str) -> dict[str, Any]:
        paths.append(path)
        return {"status": "ok", "policy_modules": modules}

    monkeypatch.setattr(smoke, "_get_json", get_json)
    return paths


def test_expect_native_fails_a_deploy_that_runs_pure_python(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = _health(monkeypatch, "python")
    monkeypatch.setattr(smoke, "generate", lambda *a: pytest.fail("the native check comes first"))
    assert smoke.main(["--url", "http://x", "--key", "k", "--expect-native"]) == 1
    assert paths == ["/healthz"]
    assert "smoke native: FAILED" in capsys.readouterr().err


def test_expect_native_passes_when_the_build_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    _health(monkeypatch, "compiled")
    assert smoke.policy_modules("http://x") == "compiled"


def test_without_the_flag_health_is_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _health(monkeypatch, "python")
    monkeypatch.setattr(smoke, "generate", lambda *a: "ready")
    monkeypatch.setattr(smoke, "stream", lambda *a: 3)
    monkeypatch.setattr(smoke, "job_round_trip", lambda *a: "job")
    assert smoke.main(["--url", "http://x", "--key", "k"]) == 0
    assert paths == []
