"""`Idempotency-Key` on sync generate calls (every dialect), after the IETF Idempotency-Key draft.

    first call            runs; its successful outcome (status, media type, body, or every
                          streamed frame) is stored, encrypted, for `ttl_s` (24 h)
    retry, same body      the stored outcome is replayed (a stream replays as a stream), with
                          `Idempotent-Replayed: true`; no pipeline run: billed and counted once
    retry, other body     422
    retry while running   409 with Retry-After (a crashed first call's claim expires with its lease;
                          a claim that meets contention on the key's document is a 409 too, never
                          a store failure for the breaker)
    first call fails      the key is released: a retry runs again (nothing was billed)

Firestore `idempotency/{sha256(tenant, key)}`: state, fingerprint (sha256 of method, path, query
and body), lease, `expire_at` (TTL policy). The outcome holds restored PII, so it is stored only
as AES-256-GCM ciphertext under a key from Secret Manager (associated data: the document id), in
chunk documents beside it when large; it never appears in logs.
"""

from __future__ import annotations

import hashlib
import os
import secrets as pysecrets
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson

from shared.errors import Conflict, InvalidRequest, ServiceUnavailable, UnprocessableEntity
from shared.firestore_cas import is_contention
from shared.http import HttpRequest, HttpResponse, StreamResponse
from shared.log import get_logger
from shared.resilience.guard import DependencyGuard
from shared.secrets import SecretStore
from shared.streams import close_input

__all__ = ["IDEMPOTENT_HANDLERS", "Idempotency", "fingerprint"]

log = get_logger("gatehouse.idempotency")

COLLECTION = "idempotency"
CHUNK_BYTES = 900 * 1024  # a Firestore document holds at most 1 MiB
CHUNKS_PER_BATCH = 8  # 7.2 MiB per commit: a Firestore request carries at most 10 MiB
MAX_BYTES = 32 * 1024 * 1024
IDEMPOTENT_HANDLERS = frozenset({"native_generate", "gemini_generate", "gemini_stream", "openai_chat"})
_KEY_CHARS = frozenset(chr(c) for c in range(0x21, 0x7F))
_REPLAYED = "Idempotent-Replayed"
Response = HttpResponse | StreamResponse


def fingerprint(request: HttpRequest) -> str:
    query = sorted((k, v) for k, v in request.query.items() if k != "key")  # never the API key
    head = orjson.dumps([request.method, request.path, query])
    return hashlib.sha256(b"idem-v1\x00" + head + b"\x00" + request.body).hexdigest()


@dataclass(frozen=True, slots=True)
class _Claim:
    doc_id: str
    owner: str


class Idempotency:
    def __init__(
        self,
        db: Callable[[], Any],
        secrets: SecretStore,
        guard: DependencyGuard,
        *,
        key_secret: str,
        dev_fallback_secret: str | None = None,
        ttl_s: float = 86_400.0,
        lease_s: float = 150.0,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._db = db
        self._secrets = secrets
        self._guard = guard
        self._key_secret = key_secret
        self._dev_fallback = dev_fallback_secret
        self._ttl = timedelta(seconds=ttl_s)
        self._lease = timedelta(seconds=lease_s)
        self._clock = clock

    # -- the wrapper the gateway calls ---------------------------------------------------------------
    async def run(
        self, request: HttpRequest, tenant: str, key: str, produce: Callable[[], Awaitable[Response]]
    ) -> Response:
        if not 1 <= len(key) <= 255 or not set(key) <= _KEY_CHARS:
            raise InvalidRequest("must be 1-255 printable ASCII characters", field="Idempotency-Key")
        doc_id = hashlib.sha256(f"idem-v1\x00{tenant}\x00{key}".encode()).hexdigest()
        aead = await self._cipher()
        print_ = fingerprint(request)
        stored, claim = await self._begin(doc_id, tenant, print_)
        for _attempt in range(2):
            if stored is None:
                break
            outcome = await self._outcome(aead, doc_id, stored)
            if outcome is not None:
                return self._replay(outcome)
            # unreadable (the encryption secret changed, or a chunk is gone): as if it had expired
            stored, claim = await self._begin(doc_id, tenant, print_, stale_owner=stored.get("owner"))
        if claim is None:
            raise Conflict(
                "the stored outcome of this Idempotency-Key is being replaced; retry", retry_after=1
            )
        try:
            response = await produce()
        except BaseException:
            await self._release(claim)
            raise
        if response.status >= 300:
            await self._release(claim)
            return response
        if isinstance(response, HttpResponse):
            outcome = {"status": response.status, "media_type": response.media_type, "body": response.body}
            await self._complete(claim, self._seal(aead, doc_id, outcome))
            return response
        response.chunks = self._tee(claim, aead, response, response.chunks)
        return response

    async def _tee(
        self, claim: _Claim, aead: Any, response: StreamResponse, chunks: AsyncIterator[bytes]
    ) -> AsyncIterator[bytes]:
        """Pass the stream through; store it only when it ends cleanly, else release the key."""
        frames: list[bytes] = []
        size, complete = 0, False
        try:
            async for frame in chunks:
                size += len(frame)
                if size <= MAX_BYTES:
                    frames.append(frame)
                yield frame
            complete = size <= MAX_BYTES and not _ends_in_error(frames)
        finally:
            await close_input(chunks)  # the client left: the stream's levels end now (shared/streams.py)
            if complete:
                outcome = {"status": response.status, "media_type": response.media_type, "frames": frames}
                await self._complete(claim, self._seal(aead, claim.doc_id, outcome))
            else:
                await self._release(claim)

    def _replay(self, outcome: dict[str, Any]) -> Response:
        headers = {_REPLAYED: "true"}
        if "frames" in outcome:
            frames: list[bytes] = outcome["frames"]

            async def replay() -> AsyncIterator[bytes]:
                for frame in frames:
                    yield frame

            return StreamResponse(outcome["status"], replay(), headers, outcome["media_type"])
        return HttpResponse(outcome["status"], outcome["body"], headers, outcome["media_type"])

    # -- encryption ------------------------------------------------------------------------------------
    async def _cipher(self) -> Any:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            secret = await self._secrets.get(self._key_secret)
            if secret is None and self._dev_fallback is not None:  # dev only: derived, never stored
                base = await self._secrets.get(self._dev_fallback)
                secret = b"dev-idempotency\x00" + base if base else None
        except ServiceUnavailable:
            secret = None
        if not secret:
            raise ServiceUnavailable(
                "Idempotency-Key cannot be honoured: the outcome encryption key is unavailable", retry_after=5
            )
        return AESGCM(hashlib.sha256(b"gatehouse-idempotency-v1\x00" + secret).digest())

    @staticmethod
    def _seal(aead: Any, doc_id: str, outcome: dict[str, Any]) -> bytes:
        plain = orjson.dumps(outcome, default=_bytes_to_list)
        nonce = os.urandom(12)
        return nonce + bytes(aead.encrypt(nonce, plain, doc_id.encode()))

    async def _outcome(self, aead: Any, doc_id: str, data: dict[str, Any]) -> dict[str, Any] | None:
        """The stored outcome, or None when it cannot be read back: sealed under another key (the
        secret was rotated), or a chunk is missing. Logged without content."""
        from cryptography.exceptions import InvalidTag

        try:
            return self._open(aead, doc_id, await self._read_outcome(self._ref(doc_id), data))
        except (InvalidTag, KeyError, ValueError) as error:
            log.warning(
                "idempotent outcome unreadable; treated as expired, the call runs again",
                extra={"error": type(error).__name__},
            )
            return None

    @staticmethod
    def _open(aead: Any, doc_id: str, sealed: bytes) -> dict[str, Any]:
        outcome: dict[str, Any] = orjson.loads(aead.decrypt(sealed[:12], sealed[12:], doc_id.encode()))
        if "body" in outcome:
            outcome["body"] = bytes.fromhex(outcome["body"])
        if "frames" in outcome:
            outcome["frames"] = [bytes.fromhex(f) for f in outcome["frames"]]
        return outcome

    # -- Firestore -------------------------------------------------------------------------------------
    def _ref(self, doc_id: str) -> Any:
        return self._db().collection(COLLECTION).document(doc_id)

    async def _begin(
        self, doc_id: str, tenant: str, print_: str, stale_owner: str | None = None
    ) -> tuple[dict[str, Any] | None, _Claim | None]:
        """Claim the key, or return the stored record ("done"). `stale_owner`: a done record
        written by that owner is unreadable and claimed over (a retry that already did so, and is
        running or done, wins: 409, or its outcome)."""
        from google.cloud import firestore

        ref = self._ref(doc_id)
        owner = pysecrets.token_hex(8)

        @firestore.async_transactional
        async def body(txn: Any) -> tuple[str, Any]:
            snap = await ref.get(transaction=txn)
            now = self._clock()
            data = snap.to_dict() if snap.exists else None
            if data is not None and data.get("expire_at") and data["expire_at"] > now:
                if data.get("fingerprint") != print_:
                    return "mismatch", None
                if data.get("state") == "done" and (stale_owner is None or data.get("owner") != stale_owner):
                    return "done", data
                if data.get("lease_until") and data["lease_until"] > now:
                    return "running", (data["lease_until"] - now).total_seconds()
            txn.set(
                ref,
                {"tenant": tenant, "fingerprint": print_, "state": "running", "owner": owner,
                 "lease_until": now + self._lease, "expire_at": now + self._ttl},
            )  # fmt: skip
            return "claimed", None

        db = self._db()

        async def claim() -> tuple[str, Any]:
            try:
                return await body(db.transaction(max_attempts=5))
            except Exception as error:
                if is_contention(error):  # the store answered: not a failure for the breaker
                    return "contended", None
                raise

        state, value = await self._guard.call(claim)
        if state == "contended":  # another call with this key is claiming it right now
            raise Conflict(
                "a request with this Idempotency-Key is being processed; retry later", retry_after=1
            )
        if state == "mismatch":
            raise UnprocessableEntity(
                "Idempotency-Key was already used with a different request; use a new key for a new request"
            )
        if state == "running":
            raise Conflict(
                "a request with this Idempotency-Key is still being processed; retry later",
                retry_after=max(1.0, min(float(value), 5.0)),
            )
        if state == "done":
            return value, None
        return None, _Claim(doc_id, owner)

    async def _read_outcome(self, ref: Any, data: dict[str, Any]) -> bytes:
        if data.get("outcome") is not None:
            return bytes(data["outcome"])
        parts = []
        for index in range(int(data.get("chunks", 0))):
            doc = ref.collection("chunks").document(f"{index:04d}")
            snap = await self._guard.call(doc.get)
            if not snap.exists:
                raise KeyError(f"chunk {index} of the stored outcome is missing")
            parts.append(bytes(snap.get("data")))
        return b"".join(parts)

    async def _complete(self, claim: _Claim, sealed: bytes) -> None:
        ref = self._ref(claim.doc_id)
        now = self._clock()
        fields: dict[str, Any] = {"state": "done", "lease_until": None, "completed_at": now}
        try:
            if len(sealed) <= CHUNK_BYTES:
                fields["outcome"] = sealed
            else:
                starts = range(0, len(sealed), CHUNK_BYTES)
                for first in range(0, len(starts), CHUNKS_PER_BATCH):  # a request carries <= 10 MiB
                    batch = self._db().batch()
                    for index in range(first, min(first + CHUNKS_PER_BATCH, len(starts))):
                        piece = sealed[starts[index] : starts[index] + CHUNK_BYTES]
                        doc = ref.collection("chunks").document(f"{index:04d}")
                        batch.set(doc, {"data": piece, "expire_at": now + self._ttl})
                    await self._guard.call(batch.commit)
                fields["chunks"] = len(starts)
                fields["outcome"] = None
            await self._guard.call(lambda: ref.update(fields))
        except Exception as error:  # the answer was served; only a retry's replay is lost
            log.warning(
                "idempotent outcome not stored; the key is released", extra={"error": type(error).__name__}
            )
            await self._release(claim)

    async def _release(self, claim: _Claim) -> None:
        from google.cloud import firestore

        ref = self._ref(claim.doc_id)

        @firestore.async_transactional
        async def body(txn: Any) -> None:
            snap = await ref.get(transaction=txn)
            if snap.exists and snap.get("owner") == claim.owner and snap.get("state") == "running":
                txn.delete(ref)

        db = self._db()

        async def release() -> None:
            try:
                await body(db.transaction(max_attempts=3))
            except Exception as error:
                if not is_contention(error):
                    raise
                log.warning("idempotency key not released (contention)")  # not the breaker's

        try:
            await self._guard.call(release)
        except Exception as error:  # the claim expires with its lease
            log.warning("idempotency key not released", extra={"error": type(error).__name__})


def _bytes_to_list(value: Any) -> Any:
    if isinstance(value, bytes):
        return value.hex()
    raise TypeError


def _ends_in_error(frames: list[bytes]) -> bool:
    """A stream that failed after its first chunk ends with an error event: do not store it."""
    return bool(frames) and b'"error"' in frames[-1][:64]
