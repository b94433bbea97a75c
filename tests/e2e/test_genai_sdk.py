"""The official google-genai SDK against a running ingress, changing only base_url and the key."""

from __future__ import annotations

import pytest
from google import genai
from google.genai import types
from google.oauth2.credentials import Credentials

pytestmark = pytest.mark.e2e

MODEL = "gemini-2.5-flash"


@pytest.fixture(params=["developer", "vertex"])
def client(request, stack) -> genai.Client:  # type: ignore[no-untyped-def]
    if request.param == "developer":
        return genai.Client(api_key=stack.key, http_options={"base_url": stack.ingress})
    return genai.Client(
        vertexai=True,
        project="any-project",
        location="us-central1",
        credentials=Credentials(token=stack.key),  # the Gatehouse key travels as the bearer token
        http_options={"base_url": stack.ingress},
    )


def test_generate(client: genai.Client) -> None:
    response = client.models.generate_content(model=MODEL, contents="What is Gatehouse?")
    assert "What is Gatehouse?" in (response.text or "")
    assert response.usage_metadata is not None
    assert response.usage_metadata.total_token_count


def test_stream(client: genai.Client) -> None:
    chunks = list(client.models.generate_content_stream(model=MODEL, contents="Stream me an answer"))
    assert len(chunks) >= 3
    assert "Stream me an answer" in "".join(c.text or "" for c in chunks)
    assert chunks[-1].candidates[0].finish_reason == types.FinishReason.STOP


def test_multi_turn_with_system_instruction(client: genai.Client) -> None:
    contents = [
        types.Content(role="user", parts=[types.Part(text="My name is Ada.")]),
        types.Content(role="model", parts=[types.Part(text="Hello Ada.")]),
        types.Content(role="user", parts=[types.Part(text="What is my name?")]),
    ]
    response = client.models.generate_content(
        model=MODEL,
        contents=contents,
        config=types.GenerateContentConfig(system_instruction="Answer in one word.", temperature=0),
    )
    assert "(turn 2)" in (response.text or "")
    assert "What is my name?" in (response.text or "")
    assert "Answer in one word." in (response.text or "")


def test_json_schema_output(client: genai.Client) -> None:
    schema = {"type": "OBJECT", "properties": {"city": {"type": "STRING"}, "population": {"type": "INTEGER"}}}
    response = client.models.generate_content(
        model=MODEL,
        contents="Largest city in France?",
        config=types.GenerateContentConfig(response_mime_type="application/json", response_schema=schema),
    )
    parsed = response.parsed
    assert isinstance(parsed, dict)
    assert set(parsed) == {"city", "population"}


def test_count_tokens(client: genai.Client) -> None:
    assert client.models.count_tokens(model=MODEL, contents="abcd" * 10).total_tokens == 10


def test_wrong_key_raises_sdk_client_error(stack) -> None:  # type: ignore[no-untyped-def]
    bad = genai.Client(api_key="ghk_not_a_key", http_options={"base_url": stack.ingress})
    with pytest.raises(genai.errors.ClientError) as error:
        bad.models.generate_content(model=MODEL, contents="hi")
    assert error.value.code == 401


def test_models_list_and_get(client: genai.Client) -> None:
    names = [m.name or "" for m in client.models.list()]
    assert any(n.endswith("/gemini-2.5-flash") for n in names)
    assert any(n.endswith("/fast") for n in names)  # the demo tenant's alias
    model = client.models.get(model="gemini-2.5-pro")
    assert (model.name or "").endswith("gemini-2.5-pro")
    with pytest.raises(genai.errors.ClientError) as error:
        client.models.get(model="gemini-0-unknown")
    assert error.value.code == 404


def test_embed_content(client: genai.Client) -> None:
    response = client.models.embed_content(
        model="text-embedding-005",
        contents=["Gatehouse sits in front of Gemini", "a second text"],
        config=types.EmbedContentConfig(output_dimensionality=64, task_type="RETRIEVAL_DOCUMENT"),
    )
    assert response.embeddings is not None
    assert len(response.embeddings) == 2
    assert len(response.embeddings[0].values or []) == 64


def test_unknown_model_is_404_not_found(client: genai.Client) -> None:
    with pytest.raises(genai.errors.ClientError) as error:
        client.models.generate_content(model="gemini-9-ultra", contents="hi")
    assert error.value.code == 404
    assert error.value.status == "NOT_FOUND"
