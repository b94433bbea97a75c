"""The ingress function under functions-framework, against the emulators and the simulator."""

from __future__ import annotations

import subprocess
import sys

import httpx
import orjson
import pytest

from dev.stack import ROOT
from shared.tenants import Tenant

pytestmark = pytest.mark.integration

BODY = {"contents": [{"role": "user", "parts": [{"text": "Hello from a test"}]}]}
GEMINI = "/v1beta/models/gemini-2.5-flash:generateContent"


@pytest.fixture
def client(stack):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=stack.ingress, timeout=30) as c:
        yield c


def test_healthz(client) -> None:  # type: ignore[no-untyped-def]
    from shared import native

    expected = "compiled" if native.attached() else "python"
    assert client.get("/healthz").json() == {"status": "ok", "policy_modules": expected}


@pytest.mark.parametrize("how", ["header", "bearer", "query"])
def test_key_accepted_in_every_google_position(client, stack, how) -> None:  # type: ignore[no-untyped-def]
    headers, params = {}, {}
    if how == "header":
        headers["x-goog-api-key"] = stack.key
    elif how == "bearer":
        headers["authorization"] = f"Bearer {stack.key}"
    else:
        params["key"] = stack.key
    response = client.post(GEMINI, json=BODY, headers=headers, params=params)
    assert response.status_code == 200, response.text
    assert "Hello from a test" in response.json()["candidates"][0]["content"]["parts"][0]["text"]
    assert response.headers["x-gatehouse-cache"] == "miss"
    assert "upstream;dur=" in response.headers["server-timing"]
    assert response.headers["x-request-id"]


def test_wrong_key_is_401_google_shape(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post(GEMINI, json=BODY, headers={"x-goog-api-key": "ghk_wrong"})
    assert response.status_code == 401
    assert response.json()["error"]["status"] == "UNAUTHENTICATED"


def test_model_allow_list_per_tenant(client, stack) -> None:  # type: ignore[no-untyped-def]
    key = stack.add_tenant(Tenant(id="narrow", allowed_models=("gemini-2.0-flash",)))
    ok = client.post(
        "/v1beta/models/gemini-2.0-flash:generateContent", json=BODY, headers={"x-goog-api-key": key}
    )
    assert ok.status_code == 200
    denied = client.post(GEMINI, json=BODY, headers={"x-goog-api-key": key})
    assert denied.status_code == 400
    assert "model" in denied.json()["error"]["message"]


def test_upstream_429_reaches_caller_with_retry_after(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    sim.set_region("us-central1", error_rate=1.0, error_status=429, retry_after=3)
    response = client.post(GEMINI, json=BODY, headers={"x-goog-api-key": stack.key})
    assert response.status_code == 429
    assert response.headers["retry-after"] == "3"
    assert response.json()["error"]["status"] == "RESOURCE_EXHAUSTED"


def test_upstream_503_stays_503(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    sim.set_region("us-central1", error_rate=1.0, error_status=503)
    response = client.post(GEMINI, json=BODY, headers={"x-goog-api-key": stack.key})
    assert response.status_code == 503
    assert "Traceback" not in response.text


def _events(text: str) -> list[dict]:  # type: ignore[type-arg]
    return [orjson.loads(line[6:]) for line in text.splitlines() if line.startswith("data: ")]


def test_streaming_sse(client, stack) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/v1beta/models/gemini-2.5-flash:streamGenerateContent",
        params={"alt": "sse"},
        json=BODY,
        headers={"x-goog-api-key": stack.key},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    events = _events(response.text)
    assert len(events) >= 3
    assert events[-1]["candidates"][0]["finishReason"] == "STOP"
    assert "Hello from a test" in "".join(e["candidates"][0]["content"]["parts"][0]["text"] for e in events)


def test_stream_cut_midway_ends_with_error_event(client, stack, sim) -> None:  # type: ignore[no-untyped-def]
    sim.set_region("us-central1", stream_cut_after=2)
    response = client.post(
        "/v1beta/models/gemini-2.5-flash:streamGenerateContent",
        params={"alt": "sse"},
        json=BODY,
        headers={"x-goog-api-key": stack.key},
    )
    events = _events(response.text)
    assert len(events) == 3
    assert "error" in events[-1]
    assert events[-1]["error"]["code"] == 502


def test_native_generate_and_stream(client, stack) -> None:  # type: ignore[no-untyped-def]
    headers = {"authorization": f"Bearer {stack.key}"}
    out = client.post("/v1/generate", json={"model": "gemini-2.5-flash", "prompt": "ping"}, headers=headers)
    assert out.status_code == 200
    assert "ping" in out.json()["text"]
    assert out.json()["usage"]["total_tokens"] > 0
    stream = client.post(
        "/v1/generate", json={"model": "gemini-2.5-flash", "prompt": "ping", "stream": True}, headers=headers
    )
    events = _events(stream.text)
    assert events[-1]["done"] is True
    assert "ping" in "".join(e.get("delta", "") for e in events)


def test_body_over_limit_is_413(client, stack) -> None:  # type: ignore[no-untyped-def]
    big = {"contents": [{"parts": [{"text": "x" * (11 * 1024 * 1024)}]}]}
    response = client.post(GEMINI, json=big, headers={"x-goog-api-key": stack.key})
    assert response.status_code == 413


def test_request_log_is_structured_and_has_no_key(client, stack) -> None:  # type: ignore[no-untyped-def]
    client.post(GEMINI, json=BODY, params={"key": stack.key})
    lines = stack.log_records("ingress")
    requests = [x for x in lines if x.get("message") == "request" and x.get("tenant") == "demo"]
    assert requests
    assert requests[-1]["httpRequest"]["status"] == 200
    assert stack.key not in stack.log_text("ingress")


def test_bad_settings_stop_the_function_with_one_line(stack) -> None:  # type: ignore[no-untyped-def]
    env = {**stack.env, "GATEHOUSE_VERTEX_BASE_URL": "nope"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "functions_framework",
            "--target",
            "ingress",
            "--source",
            "main.py",
            "--port",
            "1",
        ],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "invalid settings: GATEHOUSE_VERTEX_BASE_URL" in done.stderr
    assert "Traceback" not in done.stderr
