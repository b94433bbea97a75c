"""JSON values too big for one Firestore document (1 MiB), stored as ordered chunk documents.

A value up to `INLINE_BYTES` is kept inline in the job document. A larger one is written, before
the transaction that references it, as `jobs/{id}/chunks/{prefix}-{i:04d}` documents holding raw
bytes; the job then carries a `BlobRef` (prefix, count, size, sha256). Chunks that no committed
job references (a lost race, a crash) are never read and expire through the `expire_at` TTL.
Values above `MAX_BYTES` are refused with a clear reason, never truncated.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict

from shared.errors import GatehouseError

__all__ = ["CHUNK_BYTES", "INLINE_BYTES", "MAX_BYTES", "BlobRef", "BlobTooLarge", "read_blob", "write_blob"]

INLINE_BYTES = 256 * 1024
CHUNK_BYTES = 768 * 1024  # well under 1 MiB with the document name and field overhead
MAX_BYTES = 32 * 1024 * 1024
_PER_BATCH = 8  # about 6 MiB per commit, under Firestore's 10 MiB request limit
CHUNKS = "chunks"


class BlobTooLarge(GatehouseError):
    """A value larger than the job store accepts; permanent."""

    http_status = 413
    code = "payload_too_large"


class BlobRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    prefix: str
    chunks: int
    size: int
    sha256: str


def encode(value: Any) -> bytes:
    return orjson.dumps(value)


async def write_blob(db: Any, job_ref: Any, prefix: str, data: bytes, expire_at: datetime) -> BlobRef:
    """Write `data` as chunk documents under `job_ref` and return the reference to store."""
    if len(data) > MAX_BYTES:
        raise BlobTooLarge(f"{prefix.split('-')[0]} is {len(data)} bytes; the job store limit is {MAX_BYTES}")
    pieces = [data[i : i + CHUNK_BYTES] for i in range(0, len(data), CHUNK_BYTES)] or [b""]
    for start in range(0, len(pieces), _PER_BATCH):
        batch = db.batch()
        for index in range(start, min(start + _PER_BATCH, len(pieces))):
            doc = job_ref.collection(CHUNKS).document(f"{prefix}-{index:04d}")
            batch.set(doc, {"data": pieces[index], "expire_at": expire_at + timedelta(days=1)})
        await batch.commit(timeout=30)
    return BlobRef(prefix=prefix, chunks=len(pieces), size=len(data), sha256=hashlib.sha256(data).hexdigest())


async def read_blob(job_ref: Any, ref: BlobRef) -> Any:
    """Read a chunked value back; a missing or corrupt chunk is an error, not a partial value."""
    docs = [job_ref.collection(CHUNKS).document(f"{ref.prefix}-{i:04d}") for i in range(ref.chunks)]
    parts: list[bytes] = []
    for doc in docs:
        snap = await doc.get(timeout=30)
        if not snap.exists:
            raise GatehouseError(f"stored value is incomplete (chunk {doc.id} missing)")
        parts.append(bytes(snap.get("data")))
    data = b"".join(parts)
    if hashlib.sha256(data).hexdigest() != ref.sha256:
        raise GatehouseError("stored value failed its checksum")
    return orjson.loads(data)
