"""last_used_at: at most one write per key per resolution, batched, never on the request path."""

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from shared.keyuse import KeyUseWriter
from shared.tenants import ApiKeyRecord

NOW = datetime(2026, 11, 29, 12, tzinfo=UTC)


class FakeDb:
    def __init__(self) -> None:
        self.commits: list[list[tuple[str, dict[str, Any]]]] = []

    def collection(self, name: str) -> "FakeDb":
        return self

    def document(self, doc_id: str) -> str:
        return doc_id

    def batch(self) -> "FakeBatch":
        return FakeBatch(self)


class FakeBatch:
    def __init__(self, db: FakeDb) -> None:
        self.db = db
        self.writes: list[tuple[str, dict[str, Any]]] = []

    def update(self, ref: str, data: dict[str, Any]) -> None:
        self.writes.append((ref, data))

    async def commit(self, timeout: float) -> None:
        self.db.commits.append(self.writes)


def _record(key_hash: str, last_used: datetime | None = None) -> ApiKeyRecord:
    return ApiKeyRecord(key_hash=key_hash, tenant_id="t", display_prefix="ghk_", last_used_at=last_used)


async def test_many_uses_are_one_batched_write_per_key_per_hour() -> None:
    db = FakeDb()
    clock = [NOW]
    writer = KeyUseWriter(lambda: db, resolution_s=3600, interval_s=60, clock=lambda: clock[0])
    for _ in range(100):  # requests only buffer: nothing is written yet
        writer.touch(_record("a"))
        writer.touch(_record("b"))
    writer.touch(_record("c", last_used=NOW - timedelta(minutes=5)))  # another instance wrote it lately
    assert db.commits == []
    await writer.flush()
    assert [sorted(ref for ref, _ in batch) for batch in db.commits] == [["a", "b"]]
    clock[0] = NOW + timedelta(minutes=30)
    writer.touch(_record("a"))
    await writer.flush()
    assert len(db.commits) == 1  # within the hour: no second write
    clock[0] = NOW + timedelta(minutes=61)
    writer.touch(_record("a", last_used=NOW))
    await writer.flush()
    assert db.commits[-1] == [("a", {"last_used_at": clock[0]})]
    if writer._task is not None:  # the scheduled background flush: not needed after the explicit ones
        writer._task.cancel()
    await asyncio.sleep(0)
