"""Smoke: a job submitted over HTTP is pushed through the emulator and the shim and ends done."""

from __future__ import annotations

import time

import httpx
import pytest

pytestmark = pytest.mark.integration


def test_job_runs(stack) -> None:  # type: ignore[no-untyped-def]
    headers = {"authorization": f"Bearer {stack.key}"}
    with httpx.Client(base_url=stack.ingress, timeout=30) as client:
        r = client.post("/v1/jobs", json={"model": "gemini-2.5-flash", "prompt": "ping"}, headers=headers)
        assert r.status_code == 202, r.text
        loc = r.headers["location"]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            job = client.get(loc, headers=headers).json()
            if job["state"] in ("done", "failed"):
                break
            time.sleep(0.2)
        print(job)
        assert job["state"] == "done", job
