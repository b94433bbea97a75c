import os

import pytest

from shared.settings import Settings, load_settings


def test_project_falls_back_to_google_cloud_project() -> None:
    os.environ.pop("GATEHOUSE_PROJECT", None)
    os.environ["GOOGLE_CLOUD_PROJECT"] = "p1"
    assert load_settings().project == "p1"


def test_settings_are_frozen() -> None:
    os.environ["GATEHOUSE_PROJECT"] = "p1"
    settings = load_settings()
    with pytest.raises(ValueError, match="frozen"):
        settings.project = "other"  # type: ignore[misc]


def test_bad_settings_stop_with_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    os.environ.pop("GATEHOUSE_PROJECT", None)
    os.environ.pop("GOOGLE_CLOUD_PROJECT", None)
    os.environ["GATEHOUSE_VERTEX_BASE_URL"] = "not a url"
    with pytest.raises(SystemExit) as stop:
        load_settings()
    assert stop.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("invalid settings: ")
    named = {part.split(":")[0] for part in err.removeprefix("invalid settings: ").split("; ")}
    assert named == {"GATEHOUSE_PROJECT", "GATEHOUSE_VERTEX_BASE_URL"}  # the variables to set, as spelled


def test_base_url_with_a_path_is_rejected() -> None:
    with pytest.raises(ValueError, match="without a path"):
        Settings(project="p", vertex_base_url="http://127.0.0.1:1/v1")  # type: ignore[arg-type]


def test_callback_egress_follows_the_environment() -> None:
    os.environ["GATEHOUSE_PROJECT"] = "p1"
    assert not load_settings().callbacks_allow_loopback  # prod by default
    os.environ["GATEHOUSE_ENVIRONMENT"] = "dev"
    assert load_settings().callbacks_allow_loopback
    os.environ["GATEHOUSE_CALLBACK_EGRESS"] = "public"
    assert not load_settings().callbacks_allow_loopback


def test_loopback_callbacks_are_refused_in_prod(capsys: pytest.CaptureFixture[str]) -> None:
    os.environ["GATEHOUSE_PROJECT"] = "p1"
    os.environ["GATEHOUSE_CALLBACK_EGRESS"] = "public+loopback"
    with pytest.raises(SystemExit):
        load_settings()
    assert "only allowed with environment=dev" in capsys.readouterr().err


def test_job_leases_are_short_and_a_heartbeat_must_fit_inside_one(capsys: pytest.CaptureFixture[str]) -> None:
    os.environ["GATEHOUSE_PROJECT"] = "p1"
    settings = load_settings()
    assert settings.job_lease_s <= 30  # a dead worker's job moves on within about one lease
    assert settings.job_busy_wait_s > settings.job_lease_s  # a redelivery outwaits a dead lease
    os.environ["GATEHOUSE_JOB_LEASE_S"] = "10"
    os.environ["GATEHOUSE_JOB_HEARTBEAT_S"] = "6"
    with pytest.raises(SystemExit):
        load_settings()
    assert "half of job_lease_s" in capsys.readouterr().err


def test_variables_match_in_any_case_and_arguments_win_over_them() -> None:
    os.environ["GATEHOUSE_PROJECT"] = "from-env"
    os.environ["gatehouse_upstream_timeout_s"] = "3"  # noqa: SIM112 - any case, as pydantic-settings read it
    os.environ["GATEHOUSE_UPSTREAM_POOL_SIZE"] = "7"
    settings = Settings(project="from-arg", upstream_pool_size=2)
    assert settings.project == "from-arg"
    assert (settings.upstream_timeout_s, settings.upstream_pool_size) == (3.0, 2)
    assert load_settings().project == "from-env"
