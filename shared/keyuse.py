"""Batched writer of API-key `last_used_at` (and of re-hashes after a pepper rotation).

A request never waits for a write: `touch` only buffers. A key is written at most once per
`resolution_s` (an hour by default) — skipped when its stored `last_used_at` is already that
fresh (so another instance's write counts too) or this instance wrote it recently — and every
buffered key goes to Firestore in one batch per `interval_s`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from shared.log import get_logger
from shared.tenants import API_KEYS, ApiKeyRecord, key_document

__all__ = ["KeyUseWriter"]

log = get_logger("gatehouse.keyuse")


def _utcnow() -> datetime:
    return datetime.now(UTC)


class KeyUseWriter:
    def __init__(
        self,
        db: Callable[[], Any],
        *,
        resolution_s: float = 3600.0,
        interval_s: float = 10.0,
        clock: Callable[[], datetime] = _utcnow,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._db = db
        self._resolution = timedelta(seconds=resolution_s)
        self._interval = interval_s
        self._clock = clock
        self._monotonic = monotonic
        self._written: dict[str, datetime] = {}  # key hash -> when this instance last wrote it
        self._pending: dict[str, datetime] = {}
        self._rekeys: dict[str, tuple[ApiKeyRecord, str, str]] = {}
        self._task: asyncio.Task[None] | None = None
        self.writes = 0  # documents written, for tests and logs

    def touch(self, record: ApiKeyRecord) -> None:
        now = self._clock()
        if record.last_used_at is not None and now - record.last_used_at < self._resolution:
            return
        written = self._written.get(record.key_hash)
        if written is not None and now - written < self._resolution:
            return
        self._written[record.key_hash] = now
        self._pending[record.key_hash] = now
        self._schedule()

    def rekey(self, record: ApiKeyRecord, new_hash: str, version: str) -> None:
        """Move a key verified by the previous pepper under its hash with the current one."""
        if record.key_hash not in self._rekeys:
            self._rekeys[record.key_hash] = (record, new_hash, version)
            self._schedule()

    def _schedule(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._later())

    async def _later(self) -> None:
        await asyncio.sleep(self._interval)
        await self.flush()

    async def flush(self) -> None:
        pending, self._pending = self._pending, {}
        rekeys, self._rekeys = self._rekeys, {}
        if pending:
            await self._write_last_used(pending)
        for old_hash, (record, new_hash, version) in rekeys.items():
            await self._move(old_hash, record, new_hash, version)

    async def _write_last_used(self, pending: dict[str, datetime]) -> None:
        from google.api_core import exceptions

        db = self._db()
        batch = db.batch()
        for key_hash, at in pending.items():
            batch.update(db.collection(API_KEYS).document(key_hash), {"last_used_at": at})
        try:
            await batch.commit(timeout=10)
            self.writes += len(pending)
        except exceptions.NotFound:  # a key erased meanwhile: write the others one by one
            for key_hash, at in pending.items():
                try:
                    await db.collection(API_KEYS).document(key_hash).update({"last_used_at": at}, timeout=10)
                    self.writes += 1
                except exceptions.GoogleAPIError:
                    continue
        except exceptions.GoogleAPIError as error:  # best effort: a later use writes it again
            for key_hash in pending:
                self._written.pop(key_hash, None)
            log.warning("key last-used write failed", extra={"error": type(error).__name__})

    async def _move(self, old_hash: str, record: ApiKeyRecord, new_hash: str, version: str) -> None:
        from google.api_core import exceptions
        from google.cloud import firestore

        db = self._db()
        old_ref = db.collection(API_KEYS).document(old_hash)
        new_ref = db.collection(API_KEYS).document(new_hash)

        @firestore.async_transactional
        async def move(txn: Any) -> None:
            snap = await old_ref.get(transaction=txn)
            if not snap.exists:
                return
            current = ApiKeyRecord.model_validate({**snap.to_dict(), "key_hash": old_hash})
            moved = current.model_copy(update={"key_hash": new_hash, "pepper_version": version or None})
            txn.set(new_ref, key_document(moved))
            txn.delete(old_ref)

        try:
            await move(db.transaction())
            log.info("api key re-hashed with the current pepper", extra={"key_id": record.key_id})
        except (exceptions.GoogleAPIError, ValueError) as error:
            log.warning("api key re-hash failed", extra={"error": type(error).__name__})
