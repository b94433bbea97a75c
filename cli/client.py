"""The admin API client behind the CLI: where the admin function is, how to authenticate, one-line errors.

Target, first match wins: `--url`, `GATEHOUSE_ADMIN_URL`, the local stack's `.run/demo.env`
(written by `make run`), `http://127.0.0.1:8083`. Credentials: `--token` / `GATEHOUSE_ADMIN_TOKEN`
(the local stack's admin token, also read from `.run/demo.env`); for a deployed admin function
(any non-loopback URL) a Google ID token for that audience: a service account's via google-auth
(`GOOGLE_APPLICATION_CREDENTIALS` or the metadata server), `--impersonate SA` for a person with
`roles/iam.serviceAccountTokenCreator` on SA, else `gcloud auth print-identity-token`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

__all__ = ["AdminClient", "CliError", "Target", "resolve_target"]

DEMO_ENV = Path(__file__).resolve().parent.parent / ".run" / "demo.env"
LOCAL_URL = "http://127.0.0.1:8083"


class CliError(Exception):
    """One line for the operator; the CLI prints it and exits non-zero."""


@dataclass(frozen=True)
class Target:
    url: str
    token: str | None
    impersonate: str | None = None

    @property
    def local(self) -> bool:
        return urlsplit(self.url).hostname in ("127.0.0.1", "localhost", "::1")


def _demo_env(path: Path = DEMO_ENV) -> dict[str, str]:
    env_file = Path(os.environ.get("GATEHOUSE_DEMO_ENV", path))
    if not env_file.exists():
        return {}
    pairs = (line.split("=", 1) for line in env_file.read_text().splitlines() if "=" in line)
    return {k.strip(): v.strip() for k, v in pairs}


def resolve_target(url: str | None, token: str | None, impersonate: str | None) -> Target:
    demo = _demo_env() if url is None and "GATEHOUSE_ADMIN_URL" not in os.environ else {}
    url = url or os.environ.get("GATEHOUSE_ADMIN_URL") or demo.get("GATEHOUSE_ADMIN_URL") or LOCAL_URL
    token = token or os.environ.get("GATEHOUSE_ADMIN_TOKEN") or demo.get("GATEHOUSE_ADMIN_TOKEN")
    return Target(url.rstrip("/"), token, impersonate)


def id_token(audience: str, impersonate: str | None) -> str:
    """A Google ID token for `audience` (the admin function's URL)."""
    import google.auth
    import google.auth.exceptions
    from google.auth.transport.requests import Request

    if impersonate:
        from google.auth import impersonated_credentials

        source, _ = google.auth.default()
        target = impersonated_credentials.Credentials(  # type: ignore[no-untyped-call]  # untyped library
            source_credentials=source,
            target_principal=impersonate,
            target_scopes=["https://www.googleapis.com/auth/cloud-platform"],
        )
        creds = impersonated_credentials.IDTokenCredentials(  # type: ignore[no-untyped-call]  # untyped library
            target, target_audience=audience, include_email=True
        )
        creds.refresh(Request())
        return str(creds.token)
    try:
        from google.oauth2 import id_token as google_id_token

        return str(google_id_token.fetch_id_token(Request(), audience))  # type: ignore[no-untyped-call]
    except google.auth.exceptions.GoogleAuthError:
        pass
    gcloud = shutil.which("gcloud")
    if gcloud is None:
        raise CliError(
            "no ID token: set GOOGLE_APPLICATION_CREDENTIALS to a service account key, use "
            "--impersonate SA, or install the gcloud CLI and `gcloud auth login`"
        )
    done = subprocess.run(  # noqa: S603  # a fixed argv, no shell
        [gcloud, "auth", "print-identity-token"], capture_output=True, text=True, check=False, timeout=60
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise CliError(f"gcloud auth print-identity-token failed: {done.stderr.strip().splitlines()[-1:]}")
    return done.stdout.strip()


class AdminClient:
    def __init__(self, target: Target, timeout: float = 60.0) -> None:
        self.target = target
        headers = {"User-Agent": "gatehouse-cli/1"}
        token = target.token
        if token is None and not target.local:
            token = id_token(target.url, target.impersonate)
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(base_url=target.url, headers=headers, timeout=timeout)

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        clean = {k: v for k, v in (params or {}).items() if v is not None}
        try:
            response = self._http.request(method, path, json=json, params=clean, headers=headers)
        except httpx.ConnectError:
            hint = " (is the local stack running? `gatehouse dev` or `make run`)" if self.target.local else ""
            raise CliError(f"cannot reach the admin API at {self.target.url}{hint}") from None
        except httpx.HTTPError as error:
            raise CliError(f"admin API call failed: {type(error).__name__}: {error}") from None
        if response.status_code >= 400:
            raise CliError(_error_line(response))
        return response

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=params).json()

    def post(self, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        return self.request("POST", path, json=body if body is not None else {}, headers=headers).json()


def _error_line(response: httpx.Response) -> str:
    try:
        error = response.json().get("error", {})
        status = error.get("status") or response.reason_phrase
        return f"{response.status_code} {status}: {error.get('message') or response.text[:200]}"
    except (ValueError, AttributeError):
        return f"{response.status_code} {response.reason_phrase}: {response.text[:200]}"
