"""Idempotency-Key on sync generate calls: replay (streams as streams), 422, 409, encrypted storage."""

from __future__ import annotations

import asyncio
import hashlib
import uuid

import httpx
import pytest

from shared.tenants import Tenant

pytestmark = pytest.mark.integration

GEN = "/v1beta/models/gemini-2.5-flash:generateContent"
STREAM = "/v1beta/models/gemini-2.5-flash:streamGenerateContent"


def _body(text: str) -> dict:  # type: ignore[type-arg]
    return {
        "contents": [{"role": "user", "parts": [{"text": text}]}],
        "generationConfig": {"temperature": 0.9},
    }


async def test_replay_once_billed_422_and_encrypted(stack, sim) -> None:  # type: ignore[no-untyped-def]
    tenant_id = f"idem-{uuid.uuid4().hex[:8]}"
    key = stack.add_tenant(Tenant(id=tenant_id))
    secret_answer = f"plum-{uuid.uuid4().hex[:6]}"
    idem = f"k-{uuid.uuid4().hex}"
    headers = {"x-goog-api-key": key, "idempotency-key": idem}
    mark = sim.mark()
    async with httpx.AsyncClient(base_url=stack.ingress, timeout=30) as http:
        first = await http.post(GEN, json=_body(f"say {secret_answer}"), headers=headers)
        again = await http.post(GEN, json=_body(f"say {secret_answer}"), headers=headers)
        assert first.status_code == again.status_code == 200
        assert again.content == first.content
        assert again.headers["idempotent-replayed"] == "true"
        assert "idempotent-replayed" not in first.headers
        assert len([r for r in sim.requests(since=mark) if secret_answer in str(r["body"])]) == 1
        other = await http.post(GEN, json=_body("something else"), headers=headers)
        assert other.status_code == 422
        assert "Idempotency-Key" in other.json()["error"]["message"]
        # streams replay as streams, byte for byte
        s_headers = {"x-goog-api-key": key, "idempotency-key": f"s-{idem}"}
        one = await http.post(STREAM, params={"alt": "sse"}, json=_body("stream me"), headers=s_headers)
        two = await http.post(STREAM, params={"alt": "sse"}, json=_body("stream me"), headers=s_headers)
        assert two.headers["content-type"].startswith("text/event-stream")
        assert two.content == one.content
        assert two.headers["idempotent-replayed"] == "true"
        # the OpenAI dialect too
        chat = {"model": "gemini-2.5-flash", "messages": [{"role": "user", "content": "hi there"}]}
        o_headers = {"authorization": f"Bearer {key}", "idempotency-key": f"o-{idem}"}
        c1 = await http.post("/openai/v1/chat/completions", json=chat, headers=o_headers)
        c2 = await http.post("/openai/v1/chat/completions", json=chat, headers=o_headers)
        assert c1.status_code == 200
        assert c2.json() == c1.json()
    # stored encrypted: neither the prompt nor the answer appear in the document
    from shared.limits.idempotency import COLLECTION

    doc_id = hashlib.sha256(f"idem-v1\x00{tenant_id}\x00{idem}".encode()).hexdigest()
    stored = (await stack.firestore().collection(COLLECTION).document(doc_id).get()).to_dict()
    assert stored["state"] == "done"
    assert isinstance(stored["outcome"], bytes)
    assert secret_answer.encode() not in stored["outcome"]
    assert secret_answer not in str(stored)
    assert secret_answer not in stack.log_text("ingress")  # nor in the logs


async def test_409_while_the_first_call_runs(stack, sim) -> None:  # type: ignore[no-untyped-def]
    key = stack.add_tenant(Tenant(id=f"idem-slow-{uuid.uuid4().hex[:6]}", region="asia-south1"))
    sim.set_region("asia-south1", latency_ms=1500)
    headers = {"x-goog-api-key": key, "idempotency-key": f"slow-{uuid.uuid4().hex}"}
    async with httpx.AsyncClient(base_url=stack.ingress, timeout=30) as http:
        first = asyncio.create_task(http.post(GEN, json=_body("slow one"), headers=headers))
        await asyncio.sleep(0.6)
        second = await http.post(GEN, json=_body("slow one"), headers=headers)
        assert second.status_code == 409
        assert int(second.headers["retry-after"]) >= 1
        assert (await first).status_code == 200
        third = await http.post(GEN, json=_body("slow one"), headers=headers)
        assert third.headers["idempotent-replayed"] == "true"
