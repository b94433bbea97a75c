"""Policy end to end: planted PII and secrets never reach the (simulated) model, and callers get
their own values back, in the Gemini and native dialects, streaming and not. The simulator echoes
the last user text into its answer, so the placeholders it saw come back and must be restored."""

from __future__ import annotations

from typing import Any

import httpx
import orjson
import pytest

from shared.tenants import Tenant

pytestmark = pytest.mark.e2e

PLANTED = {
    "EMAIL": "ines.moreau@example.org",
    "PHONE": "+49 30 98765432",
    "CREDIT_CARD": "4111 1111 1111 1111",
    "IBAN": "DE89 3704 0044 0532 0130 00",
    "PERSON": "Laura Fischer",
    "GOOGLE_API_KEY": "AIzaSyD3x4mpl3K3yV4lu3F0rT3st1ngOnly123",
}
PROMPT = (
    f"Hello, my name is {PLANTED['PERSON']}. Mail {PLANTED['EMAIL']} or call {PLANTED['PHONE']}. "
    f"Refund card {PLANTED['CREDIT_CARD']} to IBAN {PLANTED['IBAN']}. Maps key {PLANTED['GOOGLE_API_KEY']}. "
    f"Again, the mail is {PLANTED['EMAIL']}."
)
GEMINI = "/v1beta/models/gemini-2.5-flash:generateContent"
GEMINI_STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent"


def _events(text: str) -> list[dict[str, Any]]:
    return [orjson.loads(line[6:]) for line in text.splitlines() if line.startswith("data: ")]


def _call(client: httpx.Client, key: str, dialect: str, stream: bool, prompt: str) -> httpx.Response:
    if dialect == "gemini":
        body = {"contents": [{"role": "user", "parts": [{"text": prompt}]}]}
        if stream:
            return client.post(
                GEMINI_STREAM, params={"alt": "sse"}, json=body, headers={"x-goog-api-key": key}
            )
        return client.post(GEMINI, json=body, headers={"x-goog-api-key": key})
    body = {"model": "gemini-2.5-flash", "prompt": prompt, "stream": stream}
    return client.post("/v1/generate", json=body, headers={"authorization": f"Bearer {key}"})


def _answer(response: httpx.Response, dialect: str, stream: bool) -> str:
    if not stream:
        data = response.json()
        return data["text"] if dialect == "native" else data["candidates"][0]["content"]["parts"][0]["text"]
    events = _events(response.text)
    if dialect == "native":
        assert events[-1]["done"] is True
        return "".join(e.get("delta", "") for e in events)
    assert events[-1]["candidates"][0]["finishReason"] == "STOP"
    return "".join(p.get("text", "") for e in events for c in e["candidates"] for p in c["content"]["parts"])


@pytest.fixture
def client(stack):  # type: ignore[no-untyped-def]
    with httpx.Client(base_url=stack.ingress, timeout=30) as c:
        yield c


@pytest.mark.parametrize("dialect", ["gemini", "native"])
@pytest.mark.parametrize("stream", [False, True])
def test_planted_values_never_reach_the_model_and_come_back(client, stack, sim, dialect, stream) -> None:  # type: ignore[no-untyped-def]
    mark = sim.mark()
    response = _call(client, stack.key, dialect, stream, PROMPT)
    assert response.status_code == 200, response.text
    seen = orjson.dumps([r["body"] for r in sim.requests(since=mark)]).decode()
    assert seen, "the simulator received nothing"
    for kind, value in PLANTED.items():
        assert value not in seen, f"{kind} reached the model"
        assert f"[{kind}_1]" in seen
    assert seen.count("[EMAIL_1]") == 2  # the same value, the same placeholder
    answer = _answer(response, dialect, stream)
    assert PROMPT in answer  # every value restored, in place
    assert "[EMAIL_1]" not in answer


def test_request_log_counts_policy_actions_without_values(client, stack) -> None:  # type: ignore[no-untyped-def]
    response = _call(client, stack.key, "gemini", False, PROMPT)
    request_id = response.headers["x-request-id"]
    log = stack.log_text("ingress")
    entry = next(
        orjson.loads(line)
        for line in log.splitlines()
        if line.startswith("{") and request_id in line and '"request"' in line
    )
    assert entry["policy"]["EMAIL:redact"] == 2
    assert entry["policy"]["CREDIT_CARD:redact"] == 1
    for value in PLANTED.values():
        assert value not in log


@pytest.mark.parametrize("dialect", ["gemini", "native"])
def test_blocked_request_is_400_naming_policy_and_detector(client, stack, sim, dialect) -> None:  # type: ignore[no-untyped-def]
    key = stack.add_tenant(
        Tenant.model_validate({"id": f"strict-{dialect}", "policy": {"profile": "strict"}})
    )
    mark = sim.mark()
    secret = "AKIA44KRQTEM63TS66BH"  # random-looking: AWS's documented sample id (…EXAMPLE) passes now
    response = _call(client, key, dialect, False, f"deploy with {secret}")
    assert response.status_code == 400
    error = response.json()["error"]
    # Both dialects answer in Google's shape; policy and detector are in a google.rpc.ErrorInfo.
    assert (error["code"], error["status"]) == (400, "INVALID_ARGUMENT")
    (info,) = [d for d in error["details"] if d["@type"].endswith("google.rpc.ErrorInfo")]
    assert info["reason"] == "POLICY_VIOLATION"
    assert (info["metadata"]["policy"], info["metadata"]["detector"]) == ("strict", "AWS_ACCESS_KEY")
    assert "strict" in error["message"]
    assert "AWS_ACCESS_KEY" in error["message"]
    assert secret not in response.text
    assert sim.requests(since=mark) == []


def test_policy_function_checks_text_without_calling_the_model(stack, sim) -> None:  # type: ignore[no-untyped-def]
    mark = sim.mark()
    url = f"http://127.0.0.1:{stack.ports.functions['policy']}"
    with httpx.Client(base_url=url, timeout=30) as c:
        assert c.get("/healthz").json() == {"status": "ok"}
        out = c.post("/v1/policy:check", json={"text": PROMPT, "profile": "standard"}).json()
        bad = c.post("/v1/policy:check", json={"text": "x", "profile": "nope"})
    assert out["decision"] == "redact"
    spans = {(f["type"], PROMPT[f["start"] : f["end"]]) for f in out["findings"]}
    assert {(k, v) for k, v in PLANTED.items()} <= spans
    assert all(value not in out["redacted_text"] for value in PLANTED.values())
    assert bad.status_code == 400
    assert "profile" in bad.json()["error"]["message"]
    assert sim.requests(since=mark) == []
