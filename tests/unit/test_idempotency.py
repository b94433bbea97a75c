"""Idempotency: outcomes sealed with a Secret Manager key, fingerprints, key validation."""

from __future__ import annotations

import pytest
from cryptography.exceptions import InvalidTag
from google.api_core import exceptions

from shared.errors import Conflict, InvalidRequest, ServiceUnavailable
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


class _Snap:
    exists = False

    def to_dict(self) -> None:
        return None


class _ContendedTxn:
    """A transaction whose read or commit meets contention (ABORTED), as the Firestore client
    library drives it (`async_transactional`: begin, the body, commit; retried on ABORTED)."""

    def __init__(self, max_attempts: int, on_read: bool) -> None:
        self._max_attempts, self._read_only, self._id, self.on_read = max_attempts, False, None, on_read

    def _clean_up(self) -> None:
        self._id = None

    async def _begin(self, retry_id: bytes | None = None) -> None:
        self._id = b"txn"

    async def _commit(self) -> None:
        raise exceptions.Aborted("too much contention on these documents")

    async def _rollback(self) -> None:
        self._id = None

    def set(self, ref: object, data: object) -> None:
        pass


class _ContendedDb:
    def __init__(self, on_read: bool) -> None:
        self.on_read = on_read

    def collection(self, name: str) -> _ContendedDb:
        return self

    def document(self, name: str) -> _ContendedDb:
        return self

    async def get(self, transaction: _ContendedTxn | None = None) -> _Snap:
        if self.on_read:  # the emulator's lock wait: "Transaction lock timeout", on the read
            raise exceptions.Aborted("Transaction lock timeout.")
        return _Snap()

    def transaction(self, max_attempts: int) -> _ContendedTxn:
        return _ContendedTxn(max_attempts, self.on_read)


@pytest.mark.parametrize("on_read", [False, True])
async def test_contention_on_a_keys_claim_is_a_409_not_a_store_failure(on_read: bool) -> None:
    """Two calls with one key claiming it at once: the loser is told to retry (409), and the
    store's breaker, shared with the job store, does not count it (it used to open after 3)."""
    guard = DependencyGuard("job and idempotency store", timeout_s=1)
    idem = Idempotency(lambda: _ContendedDb(on_read), MemorySecrets({}), guard, key_secret="k")
    for _ in range(4):
        with pytest.raises(Conflict, match="being processed") as refused:
            await idem._begin("doc", "acme", "print")
        assert refused.value.retry_after == 1
    assert guard.state == "closed"
