"""Idempotency: outcomes sealed with a Secret Manager key, fingerprints, key validation."""

from __future__ import annotations

import pytest
from cryptography.exceptions import InvalidTag

from shared.errors import InvalidRequest, ServiceUnavailable
from shared.http import HttpRequest
from shared.limits.idempotency import Idempotency, fingerprint
from shared.resilience.guard import DependencyGuard
from tests.fakes import MemorySecrets


def _idem(values: dict[str, bytes], dev_fallback: str | None = None) -> Idempotency:
    guard = DependencyGuard("test", timeout_s=1)
    return Idempotency(
        lambda: None, MemorySecrets(values), guard, key_secret="k", dev_fallback_secret=dev_fallback
    )


def _request(body: bytes, query: dict[str, str] | None = None) -> HttpRequest:
    return HttpRequest("POST", "/v1/generate", {}, query or {}, body)


async def test_outcome_is_sealed_and_bound_to_its_document() -> None:
    aead = await _idem({"k": b"0" * 32})._cipher()
    outcome = {
        "status": 200,
        "media_type": "text/event-stream",
        "frames": [b'data: {"x": "Jane Doe"}\r\n\r\n'],
    }
    sealed = Idempotency._seal(aead, "doc-1", outcome)
    assert b"Jane Doe" not in sealed
    assert Idempotency._open(aead, "doc-1", sealed) == outcome
    with pytest.raises(InvalidTag):  # another document's ciphertext does not open here
        Idempotency._open(aead, "doc-2", sealed)
    other = await _idem({"k": b"1" * 32})._cipher()
    with pytest.raises(InvalidTag):  # nor with another key
        Idempotency._open(other, "doc-1", sealed)


async def test_no_key_no_storage_except_the_dev_fallback() -> None:
    with pytest.raises(ServiceUnavailable, match="encryption key"):
        await _idem({})._cipher()
    assert await _idem({"pepper": b"p" * 32}, dev_fallback="pepper")._cipher() is not None


def test_fingerprint_covers_body_and_query_but_not_the_api_key() -> None:
    base = fingerprint(_request(b'{"prompt": "a"}', {"key": "ghk_1"}))
    assert fingerprint(_request(b'{"prompt": "a"}', {"key": "ghk_2"})) == base
    assert fingerprint(_request(b'{"prompt": "b"}', {"key": "ghk_1"})) != base
    assert fingerprint(_request(b'{"prompt": "a"}', {"alt": "sse"})) != base


async def test_malformed_keys_are_refused() -> None:
    async def never() -> None:
        raise AssertionError("must not run")

    for key in ("", "has space", "x" * 256, "ümlaut"):
        with pytest.raises(InvalidRequest, match="Idempotency-Key"):
            await _idem({"k": b"0" * 32}).run(_request(b"{}"), "t", key, never)  # type: ignore[arg-type]
