"""What reaches "Google" through Gatehouse equals what the same SDK call sends directly."""

from __future__ import annotations

from typing import Any

import pytest
from google import genai
from google.genai import types
from google.oauth2.credentials import Credentials

pytestmark = pytest.mark.e2e

CONFIG = types.GenerateContentConfig(
    system_instruction="You are terse.",
    temperature=0.2,
    top_p=0.9,
    max_output_tokens=256,
    stop_sequences=["END"],
    response_mime_type="application/json",
    response_schema={"type": "OBJECT", "properties": {"a": {"type": "STRING"}}},
    thinking_config=types.ThinkingConfig(thinking_budget=128, include_thoughts=True),
    safety_settings=[
        types.SafetySetting(category="HARM_CATEGORY_HARASSMENT", threshold="BLOCK_ONLY_HIGH"),
    ],
    tools=[
        types.Tool(
            function_declarations=[
                types.FunctionDeclaration(
                    name="lookup",
                    description="Look a thing up",
                    parameters={"type": "OBJECT", "properties": {"q": {"type": "STRING"}}},
                )
            ]
        )
    ],
    tool_config=types.ToolConfig(function_calling_config=types.FunctionCallingConfig(mode="AUTO")),
)
CONTENTS = [
    types.Content(
        role="user",
        parts=[types.Part(text="First turn"), types.Part.from_bytes(data=b"\x89PNG", mime_type="image/png")],
    ),
    types.Content(role="model", parts=[types.Part(text="Ok.")]),
    types.Content(role="user", parts=[types.Part(text="Second turn")]),
]


def _client(mode: str, base_url: str, key: str) -> genai.Client:
    if mode == "developer":
        return genai.Client(api_key=key, http_options={"base_url": base_url})
    return genai.Client(
        vertexai=True,
        project="demo-gatehouse",
        location="us-central1",
        credentials=Credentials(token=key),
        http_options={"base_url": base_url},
    )


def _last_body(sim: Any) -> dict[str, Any]:
    logged = sim.requests(since=sim.mark() - 1)
    return dict(logged[-1]["body"])


@pytest.mark.parametrize("mode", ["developer", "vertex"])
@pytest.mark.parametrize("stream", [False, True])
def test_body_reaching_upstream_is_identical(stack, sim, mode: str, stream: bool) -> None:  # type: ignore[no-untyped-def]
    def call(client: genai.Client) -> None:
        if stream:
            list(
                client.models.generate_content_stream(
                    model="gemini-2.5-flash", contents=CONTENTS, config=CONFIG
                )
            )
        else:
            client.models.generate_content(model="gemini-2.5-flash", contents=CONTENTS, config=CONFIG)

    call(_client(mode, stack.simulator, "direct-token"))
    direct = _last_body(sim)
    call(_client(mode, stack.ingress, stack.key))
    via_gatehouse = _last_body(sim)
    assert via_gatehouse == direct
    # the SDK writes some names in snake_case in one mode and camelCase in the other; both forwarded as-is
    blob = direct["contents"][0]["parts"][1]["inlineData"]
    assert "image/png" in blob.values()
    assert set(direct["generationConfig"]) >= {"thinkingConfig", "responseSchema", "temperature"}
    assert {"tools", "toolConfig", "safetySettings", "systemInstruction"} <= set(direct)
