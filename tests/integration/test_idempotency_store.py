"""Idempotency records on the Firestore emulator: an outcome over one document's size is stored in
chunks and replayed whole; an outcome that cannot be read back (the encryption secret changed, a
chunk is gone) counts as expired: the call runs again, with a warning, instead of failing."""

from __future__ import annotations

import hashlib
import logging
import os
import uuid
from typing import Any

import pytest

from shared.http import HttpRequest, HttpResponse
from shared.limits import idempotency
from shared.limits.idempotency import COLLECTION, Idempotency
from shared.resilience.guard import DependencyGuard
from tests.fakes import MemorySecrets

pytestmark = pytest.mark.integration


async def test_chunked_outcome_replays_and_an_unreadable_one_runs_again(
    stack: Any, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(idempotency, "CHUNKS_PER_BATCH", 2)  # 3 chunks: two commits
    db = stack.firestore()
    guard = DependencyGuard("idempotency store", timeout_s=10)

    def idem(secret: bytes) -> Idempotency:
        return Idempotency(lambda: db, MemorySecrets({"k": secret}), guard, key_secret="k")

    body = os.urandom(600_000).hex().encode()  # 1.2 MB answer: ~2.4 MB sealed, over two 900 KiB chunks
    runs: list[bytes] = []

    async def produce() -> HttpResponse:
        runs.append(body + str(len(runs)).encode())
        return HttpResponse(200, runs[-1], {}, "application/json")

    tenant, key = f"idem-store-{uuid.uuid4().hex[:8]}", f"big-{uuid.uuid4().hex}"
    request = HttpRequest("POST", "/v1/generate", {}, {}, b'{"prompt": "a long answer"}')
    doc_id = hashlib.sha256(f"idem-v1\x00{tenant}\x00{key}".encode()).hexdigest()
    ref = db.collection(COLLECTION).document(doc_id)

    first = await idem(b"1" * 32).run(request, tenant, key, produce)
    stored = (await ref.get()).to_dict()
    assert stored["state"] == "done"
    assert stored["outcome"] is None
    assert stored["chunks"] == 3
    chunks = [(await ref.collection("chunks").document(f"{i:04d}").get()).get("data") for i in range(3)]
    assert all(len(c) <= idempotency.CHUNK_BYTES for c in chunks)
    assert body[:64] not in b"".join(chunks)  # sealed, not plain

    again = await idem(b"1" * 32).run(request, tenant, key, produce)
    assert isinstance(again, HttpResponse)
    assert isinstance(first, HttpResponse)
    assert again.body == first.body
    assert again.headers["Idempotent-Replayed"] == "true"
    assert len(runs) == 1

    # the secret changed: the stored outcome no longer opens; it is treated as expired
    with caplog.at_level(logging.WARNING, logger="gatehouse.idempotency"):
        rotated = await idem(b"2" * 32).run(request, tenant, key, produce)
    assert rotated.status == 200
    assert "Idempotent-Replayed" not in rotated.headers
    assert len(runs) == 2
    warnings = [r for r in caplog.records if "unreadable" in r.getMessage()]
    assert [getattr(r, "error", None) for r in warnings] == ["InvalidTag"]
    replayed = await idem(b"2" * 32).run(request, tenant, key, produce)  # stored again, new key
    assert isinstance(replayed, HttpResponse)
    assert replayed.body == runs[1]
    assert replayed.headers["Idempotent-Replayed"] == "true"

    # a chunk lost (TTL deletes chunks and records independently): the same, not a 500
    await ref.collection("chunks").document("0001").delete()
    lost = await idem(b"2" * 32).run(request, tenant, key, produce)
    assert lost.status == 200
    assert len(runs) == 3
