"""HTTP edges of the live ingress (under functions-framework/uvicorn, not just the Gateway object)."""

from __future__ import annotations

import httpx
import orjson
import pytest

pytestmark = pytest.mark.integration

BODY = {"contents": [{"role": "user", "parts": [{"text": "Hello edges"}]}]}


@pytest.fixture
def client(stack):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=stack.ingress, timeout=30, headers={"x-goog-api-key": stack.key}) as c:
        yield c


def test_wrong_method_is_405_with_allow(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/v1beta/models/gemini-2.5-flash:generateContent")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert response.json()["error"]["code"] == 405
    assert client.delete("/openai/v1/chat/completions").headers["allow"] == "POST"


def test_oversized_headers_are_431_and_a_megabyte_never_reaches_a_handler(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post(
        "/v1beta/models/gemini-2.5-flash:generateContent", json=BODY, headers={"x-big": "b" * 20_000}
    )
    assert response.status_code == 431
    assert response.json()["error"]["status"] == "INVALID_ARGUMENT"
    huge = client.get("/healthz", headers={"x-huge": "h" * 1_000_000})
    assert huge.status_code in (400, 431)


def test_stream_without_alt_sse_is_a_json_array(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/v1beta/models/gemini-2.5-flash:streamGenerateContent", json=BODY)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    chunks = orjson.loads(response.content)
    assert len(chunks) >= 3
    texts = [p.get("text", "") for c in chunks for p in c["candidates"][0]["content"]["parts"]]
    assert len(chunks) >= 3  # word-sized pieces (the output check may hold back a short tail's text)
    assert "Hello edges" in "".join(texts)


def test_native_errors_use_googles_shape(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/v1/generate", json={"model": "gemini-2.5-flash"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["code"], error["status"]) == (400, "INVALID_ARGUMENT")


def test_job_status_carries_the_readme_fields(client) -> None:  # type: ignore[no-untyped-def]
    submitted = client.post("/v1/jobs", json={"model": "fast", "prompt": "Hello later"})
    assert submitted.status_code == 202
    job = client.get(submitted.headers["location"]).json()
    assert {"id", "state", "model", "usage", "created_at", "attempts"} <= set(job)


def test_openapi_document_is_served(client) -> None:  # type: ignore[no-untyped-def]
    document = client.get("/openapi.json", headers={"x-goog-api-key": ""}).json()
    assert document["openapi"] == "3.1.0"
    assert "/{version}/models/{model}:batchEmbedContents" in document["paths"]


def test_the_ingress_serves_past_the_framework_s_layers(client, stack) -> None:  # type: ignore[no-untyped-def]
    """As deployed (`python -m functions_framework --target ingress`: gunicorn's uvicorn worker, the
    app found by functions-framework's own ASGI detection), the first request installs the direct
    path (functions/_direct.py), and the framework's own answers still come from the framework."""
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz").status_code == 200
    log = stack.log_text("ingress")
    assert "requests after the first are served directly" in log
    assert "not directly" not in log
    robots = client.get("/robots.txt")
    assert robots.status_code == 404
    assert robots.text == "Not Found"
    assert client.request("TRACE", "/healthz").status_code == 405
